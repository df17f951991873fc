"""The timeline: dated figures placed, undated ones counted in a note, big corpora aggregated."""

import pandas as pd
import pandas.testing as pdt
import pytest

from dossier.present import charts, timeline


def figures_frame(rows: list[tuple]) -> pd.DataFrame:
    """Figures as reconcile.figures gives them, from (category, low, high, outlet, is_hedged,
    published_date, article_id) rows."""
    columns = ["category", "value_low", "value_high", "outlet", "is_hedged", "published_date",
               "article_id"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    frame["actor"] = "Ruritania"
    frame["source_label"] = frame["outlet"]
    frame["attributed_to"] = None
    frame["number_text"] = frame["value_low"].map(lambda v: f"{v:,.0f}")
    frame["quote"] = "A sentence we wrote for the test."
    return frame


DATED = ("killed", 1200.0, 1200.0, "a.example", False, "2025-02-01", "a1")
LATER = ("wounded", 3000.0, 3500.0, "b.example", True, "2025-02-03", "b1")
UNDATED = ("killed", 900.0, 900.0, "c.example", False, None, "c1")
UNDATED_TOO = ("wounded", 80.0, 80.0, "c.example", False, None, "c1")
OTHER_UNDATED = ("killed", 70.0, 70.0, "c.example", False, None, "c2")
ZERO = ("killed", 0.0, 0.0, "a.example", False, "2025-02-02", "a2")


@pytest.mark.parametrize(
    ("rows", "placed", "note"),
    [
        ([DATED, LATER], 2, ""),
        ([DATED, UNDATED], 1, "1 figure from 1 undated article is not on the timeline."),
        (
            [DATED, UNDATED, UNDATED_TOO, OTHER_UNDATED],
            1,
            "3 figures from 2 undated articles are not on the timeline.",
        ),
        ([DATED, ZERO], 1, "1 figure of zero is not on its log scale."),
        (
            [UNDATED, UNDATED_TOO],
            0,
            "No article is dated: the 2 figures cannot be placed on a timeline.",
        ),
        ([], 0, ""),
    ],
)
def test_dated_figures_places_what_it_can_and_says_what_it_cannot(rows, placed, note):
    data, got = timeline.dated_figures(figures_frame(rows))
    assert (len(data), got) == (placed, note)
    assert data["published_date"].notna().all()


def test_dated_figures_keep_the_chart_columns_and_the_date():
    data, _ = timeline.dated_figures(figures_frame([DATED, UNDATED, LATER]))
    got = data[["category", "outlet", "figure", "hedged", "date", "figure_count"]]
    expected = pd.DataFrame(
        {
            "category": ["killed", "wounded"],
            "outlet": ["a.example", "b.example"],
            "figure": ["1,200", "3,000-3,500"],
            "hedged": ["firm", "hedged"],
            "date": ["2025-02-01", "2025-02-03"],
            "figure_count": [1, 1],
        }
    )
    pdt.assert_frame_equal(got, expected, check_dtype=False)


def test_no_chart_when_nothing_is_dated():
    assert timeline.timeline(figures_frame([UNDATED, UNDATED_TOO])) is None
    assert timeline.timeline(figures_frame([])) is None


def test_the_timeline_spec():
    spec = timeline.timeline(figures_frame([DATED, UNDATED, LATER])).to_dict()
    rule = spec["layer"][0]["encoding"]
    assert (rule["x"]["field"], rule["x"]["type"]) == ("published_date", "temporal")
    assert rule["y"]["scale"]["type"] == "log" and rule["y2"] == {"field": "value_high"}
    # the colour domain holds every outlet, the undated one too: colours match the ranges chart
    assert rule["color"]["scale"]["domain"] == ["a.example", "b.example", "c.example"]
    assert [t["title"] for t in rule["tooltip"]][:3] == ["Published", "Category", "Figure"]
    values = spec["datasets"][spec["data"]["name"]]
    assert [v["date"] for v in values] == ["2025-02-01", "2025-02-03"]
    names = {p["name"] for p in spec["params"]}
    assert names == {"timeline_outlet_pick", "timeline_category_choice"}


def test_one_category_gets_no_dropdown_that_would_filter_nothing():
    spec = timeline.timeline(figures_frame([DATED])).to_dict()
    assert [p["name"] for p in spec["params"]] == ["timeline_outlet_pick"]
    assert "transform" not in spec


def test_many_figures_are_aggregated_per_day_then_month():
    same_day = [("killed", float(v), float(v), "a.example", False, "2025-02-01", "a1")
                for v in (10, 30)]  # fmt: skip
    next_day = [("killed", 20.0, 20.0, "a.example", True, "2025-02-02", "a2")]
    data, _ = timeline.dated_figures(figures_frame(same_day + next_day))
    by_day, note = timeline.aggregate(data, limit=2)
    got = by_day[["date", "value_low", "value_high", "figure", "hedged", "figure_count"]]
    expected = pd.DataFrame(
        {
            "date": ["2025-02-01", "2025-02-02"],
            "value_low": [10.0, 20.0],
            "value_high": [30.0, 20.0],
            "figure": ["10-30", "20"],
            "hedged": ["firm", "hedged"],
            "figure_count": [2, 1],
        }
    )
    pdt.assert_frame_equal(got, expected)
    assert note == " (3 figures, one point per day, category and outlet)"
    by_month, note = timeline.aggregate(data, limit=1)
    assert list(by_month["date"]) == ["2025-02"] and list(by_month["figure_count"]) == [3]
    assert note == " (3 figures, one point per month, category and outlet)"


@pytest.mark.parametrize(
    ("days", "outlets", "title"),
    [
        (1000, 7, "(1,000 figures, one point per month, category and outlet)"),
        (3000, 7, "(3,000 figures, one point per year, category and outlet)"),
        (900, 450, "(900 figures; the 400 years and outlets with the most)"),
    ],
)
def test_a_big_corpus_keeps_the_spec_small(days, outlets, title):
    dates = pd.date_range("2020-01-01", periods=days, freq="D").strftime("%Y-%m-%d")
    rows = [("killed", 10.0, 10.0, f"o{i % outlets:03}.example", False, d, f"a{i}")
            for i, d in enumerate(dates)]  # fmt: skip
    spec = timeline.timeline(figures_frame(rows)).to_dict()
    assert len(spec["datasets"][spec["data"]["name"]]) <= charts.MAX_POINTS
    assert spec["title"] == f"Figures by published date {title}"


def test_show_displays_the_note_and_the_chart(monkeypatch):
    shown = []
    monkeypatch.setattr(timeline, "display", shown.append)
    timeline.show(figures_frame([DATED, UNDATED, LATER]))
    assert "1 figure from 1 undated article" in shown[0].data
    assert shown[1].to_dict()["title"] == "Figures by published date"
    shown.clear()
    timeline.show(figures_frame([UNDATED]))
    assert len(shown) == 1 and "No article is dated" in shown[0].data
