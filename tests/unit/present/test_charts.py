"""Charts are tested as specs (chart.to_dict()): data aggregated, filters bound to inputs."""

from dataclasses import replace

import pandas as pd
import pandas.testing as pdt
import vl_convert

from dossier.analyse.ranges import format_range
from dossier.present import charts, timeline


def test_sentences_per_article_data_is_aggregated_long_form(seeds):
    data = charts.sentences_per_article_data(seeds)
    got = data[["outlet", "section", "section_order", "sentence_count"]]
    expected = pd.DataFrame(
        {
            "outlet": ["rfa.org"] * 3 + ["scmp.com"] * 2,
            "section": ["title", "summary", "body", "summary", "body"],
            "section_order": [0, 1, 2, 1, 2],
            "sentence_count": [1, 3, 22, 3, 11],
        }
    )
    pdt.assert_frame_equal(got, expected)
    assert data["title_label"].str.len().max() <= charts.LABEL_CHARS


def test_sentences_per_article_filters_client_side_by_outlet(seeds):
    spec = charts.sentences_per_article(seeds).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    dropdown = params["outlet_choice"]["bind"]
    assert dropdown["input"] == "select"
    assert dropdown["options"] == [None, "rfa.org", "scmp.com"]
    assert dropdown["labels"] == ["All", "rfa.org", "scmp.com"]
    assert params["section_pick"]["bind"] == "legend"
    assert {"filter": "outlet_choice == null || datum.outlet == outlet_choice"} in spec["transform"]
    values = spec["datasets"][spec["data"]["name"]]
    assert len(values) == 5  # one row per article and section, not one per sentence
    assert spec["encoding"]["x"]["aggregate"] == "sum"


def test_unknown_outlet_gets_a_label_not_a_null(seeds):
    articles = seeds.articles.copy()
    articles.loc[1, "outlet"] = None
    data = charts.sentences_per_article_data(replace(seeds, articles=articles))
    assert set(data["outlet"]) == {"rfa.org", charts.UNKNOWN_OUTLET}


def test_the_range_chart_stays_small_with_thousands_of_sources():
    figures = pd.DataFrame(
        {
            "category": "killed",
            "actor": "Atlantis",
            "source_label": [f"speaker {i % 6000}" for i in range(12_000)],
            "outlet": "example.org",
            "value_low": 10.0,
            "value_high": 10.0,
            "is_hedged": False,
            "number_text": "10",
            "attributed_to": [f"speaker {i % 6000}" for i in range(12_000)],
            "quote": "Ten were killed.",
        }
    )
    figures.loc[:4, "source_label"] = "speaker 7"  # the source with the most figures
    spec = charts.figure_ranges(figures).to_dict()  # more than 5,000 rows would raise
    values = spec["datasets"][spec["data"]["name"]]
    assert len(values) == charts.MAX_ROWS
    assert "speaker 7" in {v["source_label"] for v in values}
    assert spec["title"] == (
        "Figures by category and source (12,000 figures; the 300 sources with the most, one row "
        "each)"
    )


def figures_frame(rows: list[tuple]) -> pd.DataFrame:
    """Figures as reconcile.figures gives them, from (category, actor, low, high, source_label,
    speaker, outlet, is_hedged, published_date, article_id) rows."""
    columns = ["category", "actor", "value_low", "value_high", "source_label", "attributed_to",
               "outlet", "is_hedged", "published_date", "article_id"]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    frame["number_text"] = frame["value_low"].map(lambda v: f"{v:,.0f}")
    frame["quote"] = "A sentence we wrote for the test."
    return frame


FIGURES = figures_frame(
    [
        ("killed", "Ruritania", 1200.0, 1200.0, "Anna, a.example", "Anna", "a.example", False,
         "2025-02-01", "a1"),
        ("wounded", "Ruritania", 3000.0, 3500.0, "b.example", None, "b.example", True,
         "2025-02-03", "b1"),
        ("killed", "Ruritania", 900.0, 900.0, "c.example", None, "c.example", False,
         "2025-02-04", "c1"),
    ]
)  # fmt: skip


def notebook_charts(figures: pd.DataFrame) -> list[dict]:
    """The specs of every chart the briefing shows, as it builds them."""
    built = [charts.figure_ranges(figures), charts.figures_by_speaker(figures)]
    built.append(timeline.timeline(figures))
    return [chart.to_dict() for chart in built]


def controls(spec: dict) -> list[tuple[str, str]]:
    """(parameter name, control label) of each input-bound parameter of ``spec``."""
    params = spec.get("params", [])
    return [(p["name"], p["bind"]["name"]) for p in params if isinstance(p.get("bind"), dict)]


def test_every_control_of_the_briefing_has_its_own_name_and_label():
    found = [c for spec in notebook_charts(FIGURES) for c in controls(spec)]
    assert sorted(label.strip() for _, label in found) == [
        "Ranges: category",
        "Ranges: outlet",
        "Speakers: category",
        "Timeline: category",
    ]
    names = [name for name, _ in found]
    assert len(set(names)) == len(names)


def colour_scales(spec: dict) -> list[dict]:
    """Every colour and fill scale of an outlet encoding in ``spec``, layers included."""
    found = []
    for layer in spec.get("layer", [spec]):
        for channel in ("color", "fill"):
            encoding = layer.get("encoding", {}).get(channel, {})
            encoding = encoding.get("condition", encoding)
            if encoding.get("field") == "outlet":
                found.append(encoding["scale"])
    return found


def test_each_outlet_keeps_its_colour_under_any_filter_in_every_chart():
    expected = {"domain": ["a.example", "b.example", "c.example"],
                "range": charts.PALETTE[:3]}  # fmt: skip
    specs = notebook_charts(FIGURES)
    ranges, _, dated = specs
    for spec in (ranges, dated):
        scales = colour_scales(spec)
        assert scales and all(scale == expected for scale in scales)
    # the outlet filter is a transform of the data: the scale's domain stays whole
    assert {"filter": "outlet_choice == null || datum.outlet == outlet_choice"} in ranges[
        "transform"
    ]


def test_the_colour_domain_keeps_outlets_whose_rows_were_left_out():
    figures = pd.concat([FIGURES] * 200, ignore_index=True)  # aggregated, then capped
    figures["source_label"] = [f"speaker {i}" for i in range(len(figures))]
    spec = charts.figure_ranges(figures).to_dict()
    shown = {v["outlet"] for v in spec["datasets"][spec["data"]["name"]]}
    assert colour_scales(spec)[0]["domain"] == ["a.example", "b.example", "c.example"]
    assert "b.example" not in shown  # its rows were past the cap, its colour is kept


def test_more_outlets_than_colours_cycle_the_palette():
    scale = charts.outlet_scale([f"o{i:02}" for i in range(len(charts.PALETTE) + 2)])
    assert scale.range[-2:] == charts.PALETTE[:2]


def test_count_axes_tick_whole_numbers(seeds):
    for spec in (
        charts.figures_by_speaker(FIGURES).to_dict(),
        charts.sentences_per_article(seeds).to_dict(),
    ):
        assert (
            spec["encoding"]["x"]["axis"] | {"format": ",d", "tickMinStep": 1}
            == spec["encoding"]["x"]["axis"]
        )


def tooltips(spec: dict) -> list[dict]:
    return [t for layer in spec.get("layer", [spec]) for t in layer["encoding"]["tooltip"]]


def test_tooltips_have_readable_titles_and_separated_numbers():
    for spec in notebook_charts(FIGURES):
        for tip in tooltips(spec):
            assert "_" not in tip["title"] and tip["title"][0].isupper(), tip
            if tip["type"] == "quantitative":
                assert tip["format"] == ",", tip


def test_categories_read_as_labels_in_legends_and_tooltips():
    speakers = charts.figures_by_speaker(FIGURES).to_dict()
    assert speakers["encoding"]["color"]["scale"]["domain"] == ["Killed", "Wounded"]
    values = speakers["datasets"][speakers["data"]["name"]]
    assert {v["category_name"] for v in values} == {"Killed", "Wounded"}
    data = charts.figures_data(FIGURES)
    assert list(data["category_label"]) == [
        "Killed · Ruritania", "Wounded · Ruritania", "Killed · Ruritania",
    ]  # fmt: skip
    assert list(data["figure"]) == ["1,200", "3,000-3,500", "900"]


def test_the_outlet_charts_keep_their_outlet_legend():
    # the fill channel shares color's scale: hiding its legend once hid the merged one too
    ranges, _, dated = notebook_charts(FIGURES)
    for spec in (ranges, dated):
        svg = vl_convert.vegalite_to_svg(spec)
        assert svg.count('role-legend"') >= 1 and ">Outlet<" in svg


def _aggregated_chart_data(figures: pd.DataFrame) -> pd.DataFrame:
    """figures_data grouped per category, side and source: how the range chart aggregated
    before by_source made its rows from the figures' own columns."""
    data = charts.figures_data(figures)
    data = data.groupby(
        ["category", "category_label", "source_label", "outlet"], as_index=False
    ).agg(
        value_low=("value_low", "min"),
        value_high=("value_high", "max"),
        hedged=("hedged", lambda s: "hedged" if (s == "hedged").all() else "firm"),
        number_text=("number_text", lambda s: f"{len(s):,} figures"),
        speaker=("speaker", "first"),
        quote=("quote", "first"),
        figure_count=("value_low", "size"),
    )
    pairs = zip(data["value_low"], data["value_high"], strict=True)
    data["figure"] = [format_range(lo, hi) for lo, hi in pairs]
    return data


def test_the_range_chart_rows_of_each_source_are_its_figures_chart_data_aggregated():
    figures = pd.DataFrame(
        {
            "category": ["wounded", "killed", "killed", "killed", "killed", "killed"],
            "actor": ["Atlantis", None, "Atlantis", "Atlantis", None, "Atlantis"],
            "source_label": ["army, a.org", "b.org", "army, a.org", "army, a.org", "b.org", "c"],
            "outlet": ["a.org", "b.org", "a.org", "a.org", "b.org", None],
            "value_low": [5.0, 10.0, 1000.0, 40.0, 12.0, 3.5],
            "value_high": [5.0, 20.0, 1000.0, 40.0, 12.0, 3.5],
            "is_hedged": [True, True, False, True, True, False],
            "number_text": ["five", "10-20", "1,000", "40", "12", "3.5"],
            "attributed_to": ["army", None, "army", None, None, "c"],
            "quote": ["Five hurt.", None, "A thousand killed." + "x" * 300, "40.", "12 died.", "c"],
        }
    )
    pdt.assert_frame_equal(
        charts.by_source(figures), _aggregated_chart_data(figures), check_dtype=False
    )
