"""Charts are tested as specs (chart.to_dict()): data aggregated, filters bound to inputs."""

from dataclasses import replace

import pandas as pd
import pandas.testing as pdt

from dossier.present import charts


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
