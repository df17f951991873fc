"""Reconciliation, the bottom line, sources and evidence: on the seeds and on small frames."""

import pandas as pd
import pandas.testing as pdt
import pytest

from dossier.analyse import bluf, reconcile
from dossier.corpus import reliability
from dossier.present import charts, evidence

RFA = "62b7ece6-4c69-4caf-ab9f-4b93f045ecf8"


@pytest.fixture(scope="module")
def view(seeds):
    return reconcile.reconcile(seeds)


def test_repeats_within_an_article_are_one_figure(view):
    figures = view.figures
    assert len(figures) == 11  # 15 claims: 3 mentions of 20,000-25,000 and 3 of 3,500 fold
    zelenskyy = figures[figures["attributed_to"] == "Volodymyr Zelenskyy"].iloc[0]
    assert (zelenskyy["mention_count"], zelenskyy["sections"]) == (3, "summary, body")
    assert zelenskyy["source_label"] == "Volodymyr Zelenskyy, rfa.org"


def test_spreads_flag_the_initial_force_and_not_the_waves(view):
    spreads = view.spreads
    deployed = spreads[spreads["category"] == "deployed"][
        ["source", "value_low", "is_disagreement"]
    ]
    expected = pd.DataFrame(
        {
            "source": ["Yu", "rfa.org"],
            "value_low": [11000.0, 12000.0],
            "is_disagreement": [True, True],
        }
    )
    pdt.assert_frame_equal(deployed.reset_index(drop=True), expected)
    assert not spreads[spreads["category"] == "reinforcements"]["is_disagreement"].any()


def test_killed_plus_wounded_is_checked_against_casualties(view):
    got = view.checks[["kind", "statement", "is_consistent"]]
    expected = pd.DataFrame(
        {
            "kind": ["killed + wounded = casualties", "returned <= wounded"],
            "statement": [
                "400 killed + 3,600 wounded = 4,000 (Yu, scmp.com), consistent with ~4,000 "
                "killed or wounded (rfa.org)",
                "~300 of the 3,600 wounded returned to duty (8%; Yu, scmp.com)",
            ],
            "is_consistent": [True, True],
        }
    )
    pdt.assert_frame_equal(got, expected)


def test_key_figures_one_row_per_category_and_side(view):
    key = view.key_figures
    assert list(zip(key["category"], key["outlook"], strict=True)) == [
        ("deployed", "reported"), ("reinforcements", "reported"),
        ("reinforcements", "possible"), ("killed", "reported"), ("wounded", "reported"),
        ("casualties", "reported"), ("returned_to_duty", "reported"),
        ("casualty_rate", "reported"),
    ]  # fmt: skip
    waves = key[key["category"] == "reinforcements"][["value_low", "value_high"]]
    assert waves.values.tolist() == [[1500.0, 3500.0], [20000.0, 25000.0]]  # sent, then "may"
    deployed = key.iloc[0]
    assert (deployed["value_low"], deployed["value_high"], deployed["source_count"]) == (
        11000.0,
        12000.0,
        2,
    )


def test_the_bottom_line_gives_spread_check_hedge_and_waves(view):
    lines = bluf.bottom_line(view.figures, view.checks)
    assert 3 <= len(lines) <= 6
    text = "\n".join(lines)
    assert "11,000-12,000 (2 sources disagree: rfa.org 12,000;" in text
    assert "400 killed + 3,600 wounded = 4,000" in text and "consistent with ~4,000" in text
    assert "may reach 20,000-25,000 more" in text and "Volodymyr Zelenskyy, hedged" in text
    assert "1,500 January and February and ~3,500" in text and "5,000 in all" in text


def test_periods_keep_a_days_losses_apart_from_the_running_total():
    assert reconcile.period(None) == reconcile.TO_DATE
    assert reconcile.period("to date") == reconcile.TO_DATE
    assert reconcile.period("since the start of the war") == reconcile.TO_DATE
    assert reconcile.period("over the past 24 hours") == "over the past 24 hours"


def test_bounds_and_approximations_decide_disagreement():
    lows, highs = reconcile.plausible_range(
        pd.Series([95000.0, 250000.0, 872000.0]),
        pd.Series([95000.0, 250000.0, 872000.0]),
        pd.Series([True, False, False]),
        pd.Series([False, True, False]),
        pd.Series([False, False, True]),
    )
    assert lows.tolist() == [95000.0, 0.0, pytest.approx(784800.0)]
    assert highs.tolist() == [float("inf"), 250000.0, pytest.approx(959200.0)]


def test_outlets_are_graded_and_unknown_outlets_are_f():
    graded = reliability.grade_outlets(pd.Series(["rfa.org", "nowhere.example", None]))
    assert graded["reliability"].tolist() == ["C", "F", "F"]
    assert graded["reliability_note"].iloc[1] == "cannot be judged"
    assert reliability.at_least(pd.Series(["B", "C", "F"]), "C").tolist() == [True, True, False]
    with pytest.raises(ValueError, match="A-F"):
        reliability.at_least(pd.Series(["B"]), "Z")


def test_select_by_reliability_category_and_date(seeds):
    assert len(seeds.select(min_reliability="B").articles) == 0  # both seed outlets are C
    assert len(seeds.select(min_reliability="C").articles) == 2
    killed = seeds.select(categories=["killed", "wounded"])
    assert set(killed.claims["category"]) == {"killed", "wounded"}
    assert len(seeds.select(since="2030-01-01").articles) == 2  # undated articles are kept


def test_evidence_escapes_article_text_and_marks_figures(tmp_path):
    import dossier

    (tmp_path / "a.txt").write_text(
        "Troops <script>alert(1)</script> Arrive\n\n"
        "The army said 300 troops <b>were</b> killed near <img src=x onerror=alert(2)>.\n",
        encoding="utf-8",
    )
    corpus = dossier.load(tmp_path)
    markup = evidence.evidence_html(corpus.claims, corpus.articles, corpus.sentences)
    assert "<script>" not in markup and "<img" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "<mark>300</mark> troops &lt;b&gt;were&lt;/b&gt;" in markup
    table, note = evidence.ledger(corpus.claims, corpus.articles)
    assert note == ""
    assert table["quote"].iloc[0].startswith("The army said 300 troops &lt;b&gt;were")
    link = table["evidence"].iloc[0]
    assert link.startswith('<a class="dossier-evidence-link"') and 'href="#s-' in link
    assert link.endswith("Troops &lt;script&gt;alert(1)&lt;/script&gt; Arrive, sentence 2</a>")


def test_the_ledger_is_capped_with_a_note(seeds):
    table, note = evidence.ledger(seeds.claims, seeds.articles, limit=10)
    assert len(table) == 10 and note == "Showing the 10 most recent of 15 claims"


def test_range_chart_filters_client_side(view):
    spec = charts.figure_ranges(view.figures).to_dict()
    params = {p["name"]: p for p in spec["params"]}
    assert params["category_choice"]["bind"]["options"][0] is None
    assert "deployed" in params["category_choice"]["bind"]["options"]
    assert params["outlet_pick"]["bind"] == "legend"
    filters = [t["filter"] for t in spec["transform"]]
    assert "category_choice == null || datum.category == category_choice" in filters
    assert len(spec["datasets"][spec["data"]["name"]]) == len(view.figures)


def test_key_figures_name_the_most_recent_dated_source(tmp_path):
    import dossier

    (tmp_path / "old.txt").write_text(
        "Old Report\n2025-01-10\n\nThe army said 300 soldiers were killed.\n", encoding="utf-8"
    )
    (tmp_path / "new.txt").write_text(
        "New Report\nPublished: 2025-03-02T08:00Z\n\nThe ministry said 450 soldiers were killed."
        "\n\nOriginal Source: example.org\n",
        encoding="utf-8",
    )
    corpus = dossier.load(tmp_path)
    key = reconcile.reconcile(corpus).key_figures.iloc[0]
    assert key["most_recent_source"] == "ministry, example.org"
    assert key["published_date"] == pd.Timestamp("2025-03-02")
    assert len(corpus.select(since="2025-02-01").articles) == 1


def test_figures_in_different_languages_reconcile_as_one_quantity(tmp_path):
    import dossier

    articles = {
        "en.txt": "Report\n\nSouth Korea's spy agency said about 11,000 North Korean soldiers "
        "have been sent to Russia since the war began.",
        "de.txt": "Bericht\n\nDer südkoreanische Geheimdienst teilte mit, dass seit Kriegsbeginn "
        "rund 12.000 nordkoreanische Soldaten nach Russland geschickt worden seien.",
        "ko.txt": "보고\n\n국정원은 지금까지 북한군 약 1만 1천 명이 러시아에 파병됐다고 밝혔다.",
    }
    for name, text in articles.items():
        (tmp_path / name).write_text(f"{text}\n\nOriginal Source: {name[:2]}.example.org\n")
    view = reconcile.reconcile(dossier.load(tmp_path))
    spread = view.spreads[view.spreads["category"] == "deployed"]
    # one quantity (deployed, North Korea, to date) with the figures of all three languages
    assert spread[["actor", "period"]].drop_duplicates().values.tolist() == [
        ["North Korea", reconcile.TO_DATE]
    ]
    assert sorted(spread["value_low"]) == [11000, 11000, 12000]
    assert set(spread["outlets"]) == {"en.example.org", "de.example.org", "ko.example.org"}


def test_the_ledger_escapes_article_text_once(tmp_path, monkeypatch):
    import html

    import dossier
    from dossier.present import display

    (tmp_path / "a.txt").write_text(
        'Report\n\nSudan\'s army & its allies said 300 "regular" troops were killed.\n',
        encoding="utf-8",
    )
    corpus = dossier.load(tmp_path)
    shown = []
    monkeypatch.setattr(display, "show_table", lambda frame, **kw: shown.append((frame, kw)))
    display.show_ledger(corpus)
    ((frame, options),) = shown
    quote = frame["quote"].iloc[0]
    assert quote == html.escape(corpus.claims["quote"].iloc[0])  # once: &#x27; &amp; &quot;
    assert "&amp;#x27;" not in quote and options["allow_html"] is True
