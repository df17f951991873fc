"""Revisions: a source's later figure for the same quantity replaces its earlier one."""

from pathlib import Path

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest

import dossier
from dossier.analyse import bluf, reconcile, revisions, waves

REVISIONS = Path(__file__).resolve().parents[2] / "fixtures" / "revisions"


def figure(n: int, value: float, **cells) -> dict:
    """One figure (a row of reconcile.figures) with plain defaults: killed, Sudan, to date, by
    the army, in article ``a<n>``."""
    high = cells.pop("value_high", value)
    return {
        "figure_id": f"a{n}@{n}", "article_id": f"a{n}", "sentence_no": 1, "outlet": "x.org",
        "reliability": "C", "published_date": pd.Timestamp(f"2025-04-{n:02d}"),
        "category": "killed", "actor": "Sudan", "value_low": float(value),
        "value_high": float(high), "unit": "persons", "is_approximate": False, "bound": "none",
        "is_vague": False, "is_hedged": False, "attributed_to": "army", "speaker_role": None,
        "cited_source": None, "source": "army", "source_label": "army, x.org",
        "when_text": None, "where_text": None, "period": reconcile.TO_DATE,
        "number_text": f"{value:,.0f}", "hedge_cues": None,
        "quote": f"The army said {value:,.0f} soldiers were killed.", "mention_count": 1,
        "sections": "body", "outlook": "reported",
        **cells,
    }  # fmt: skip


def frame(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # the same speaker, a later date: the earlier figure is replaced
        ([figure(2, 85), figure(9, 150)], [True, False]),
        # order of rows does not matter, dates do
        ([figure(9, 150), figure(2, 85)], [False, True]),
        # three in a row: each but the last replaced
        ([figure(2, 85), figure(5, 120), figure(9, 150)], [True, True, False]),
        # different speakers: a disagreement, not a revision
        ([figure(2, 85), figure(9, 150, source="militia")], [False, False]),
        # a later figure that allows the earlier one: "about 90" after 85, "at least 80"
        ([figure(2, 85), figure(9, 90, is_approximate=True)], [False, False]),
        ([figure(2, 85), figure(9, 80, bound="at_least")], [False, False]),
        # an increment ("another 65") adds, it does not replace
        (
            [figure(2, 85), figure(9, 65, quote="The army said another 65 were killed.")],
            [False, False],
        ),
        # waves add up: reinforcements are never revised
        (
            [
                figure(2, 5000, category="reinforcements"),
                figure(9, 3000, category="reinforcements"),
            ],
            [False, False],
        ),
        # a possible figure does not replace a reported one
        ([figure(2, 85), figure(9, 300, outlook="possible")], [False, False]),
        # another period is another quantity
        ([figure(2, 85), figure(9, 12, period="over the past 24 hours")], [False, False]),
        # two undated articles: which is later cannot be known
        (
            [figure(2, 85, published_date=pd.NaT), figure(9, 150, published_date=pd.NaT)],
            [False, False],
        ),
        # one article: by order, within one section only (a headline restates)
        (
            [figure(2, 85, sentence_no=1), figure(2, 150, sentence_no=4, figure_id="a2@9")],
            [True, False],
        ),
        (
            [figure(2, 150, sections="title"), figure(2, 85, sentence_no=3, figure_id="a2@9")],
            [False, False],
        ),
        # no speaker named: the outlet's two figures of one article are two quantities
        (
            [
                figure(2, 200, sentence_no=1, attributed_to=None, source="x.org"),
                figure(2, 300, sentence_no=4, attributed_to=None, source="x.org", figure_id="a2@9"),
            ],
            [False, False],
        ),
        # nor across dated articles: one outlet's figures of two incidents
        (
            [
                figure(2, 3, attributed_to=None, source="x.org"),
                figure(9, 12, attributed_to=None, source="x.org"),
            ],
            [False, False],
        ),
        # a named speaker's figures for two places are two quantities
        ([figure(2, 3, where_text="Kadugli"), figure(9, 12, where_text="Dilling")], [False, False]),
        # two figures of one sentence are two quantities ("63 wounded, nine of them ...")
        ([figure(2, 63), figure(2, 9, figure_id="a2@9")], [False, False]),
    ],
)
def test_which_figures_a_later_one_replaces(rows, expected):
    found = revisions.superseded(frame(*rows))
    assert found.tolist() == expected


def test_a_revision_row_chains_the_values_with_separators():
    figures = frame(figure(2, 850), figure(5, 1200), figure(9, 1500), figure(3, 40, source="x"))
    figures["is_superseded"] = revisions.superseded(figures)
    got = revisions.revisions(figures)
    expected = pd.DataFrame(
        {
            "category": ["killed"],
            "actor": ["Sudan"],
            "period": [reconcile.TO_DATE],
            "source": ["army"],
            "source_label": ["army, x.org"],
            "was": ["850"],
            "now": ["1,500"],
            "was_date": [pd.Timestamp("2025-04-02")],
            "now_date": [pd.Timestamp("2025-04-09")],
            "change": ["revised 850 -> 1,200 -> 1,500"],
            "figure_id": ["a9@9"],
            "revised_figure_ids": ["a2@2 a5@5"],
        }
    )
    pdt.assert_frame_equal(got, expected)


def test_undated_articles_each_keep_their_own_revision_and_long_series_are_cut():
    undated = {"published_date": pd.NaT}
    figures = frame(
        figure(2, 85, **undated),
        figure(2, 150, sentence_no=3, figure_id="a2@9", **undated),
        figure(3, 40, **undated),
        figure(3, 60, sentence_no=3, figure_id="a3@9", **undated),
        *[figure(n, 10 * n) for n in range(10, 17)],
    )
    got = revisions.revisions(figures)[["change", "figure_id", "revised_figure_ids"]]
    assert got.values.tolist() == [
        ["revised 85 -> 150", "a2@9", "a2@2"],
        ["revised 40 -> 60", "a3@9", "a3@3"],
        [
            "revised 100 -> 110 -> ... -> 150 -> 160",
            "a16@16",
            " ".join(f"a{n}@{n}" for n in range(10, 16)),
        ],
    ]


def test_no_revision_gives_an_empty_frame_with_the_columns():
    got = revisions.revisions(frame(figure(2, 85), figure(9, 150, source="militia")))
    assert got.empty and list(got.columns) == revisions.REVISION_COLUMNS


def test_spreads_and_key_figures_keep_the_latest_only():
    figures = frame(figure(2, 85), figure(9, 150), figure(4, 140, source="militia"))
    figures["is_superseded"] = revisions.superseded(figures)
    spreads = reconcile.spreads(figures)[["source", "value_low", "value_high", "source_count"]]
    expected = pd.DataFrame(
        {
            "source": ["militia", "army"],
            "value_low": [140.0, 150.0],
            "value_high": [140.0, 150.0],
            "source_count": [2, 2],
        }
    )
    pdt.assert_frame_equal(spreads, expected)
    key = reconcile.key_figures(figures)
    assert key[["value_low", "value_high", "source_count"]].values.tolist() == [[140, 150, 2]]
    assert key["figure_id"].iloc[0] in {"a9@9", "a4@4"}


def test_the_bottom_line_states_the_latest_and_the_revision():
    figures = frame(figure(2, 85), figure(9, 150))
    figures["is_superseded"] = revisions.superseded(figures)
    lines = bluf.bottom_line(figures, reconcile.checks(figures))
    assert lines == ["Killed, Sudan: 150 (x.org, per army). Army revised its toll from 85 to 150."]


def test_a_raised_toll_across_articles_is_a_revision_not_a_disagreement():
    view = reconcile.reconcile(dossier.load(REVISIONS))
    killed = view.figures[view.figures["category"] == "killed"]
    assert killed[["value_low", "is_superseded"]].values.tolist() == [[85.0, True], [150.0, False]]
    assert view.revisions[["source", "change", "was_date", "now_date"]].values.tolist() == [
        [
            "Sudan's army",
            "revised 85 -> 150",
            pd.Timestamp("2025-04-02"),
            pd.Timestamp("2025-04-09"),
        ]
    ]
    assert not view.spreads["is_disagreement"].any()
    text = "\n".join(bluf.bottom_line(view.figures, view.checks))
    assert "Killed, Sudan: 150 (" in text and "revised its toll from 85 to 150" in text
    assert "disagree" not in text


def test_arithmetic_checks_use_the_latest_figures_only():
    figures = frame(
        figure(1, 85, figure_id="a1@1"),
        figure(1, 40, category="wounded", figure_id="a1@2", sentence_no=2),
        figure(5, 150, figure_id="a5@1"),
        figure(5, 60, category="wounded", figure_id="a5@2", sentence_no=2),
        figure(5, 210, category="casualties", figure_id="a5@3", sentence_no=3),
    )
    figures["is_superseded"] = revisions.superseded(figures)
    assert figures["is_superseded"].tolist() == [True, True, False, False, False]
    checks = reconcile.checks(figures)
    assert checks[["statement", "is_consistent"]].to_dict("records") == [
        {"statement": checks["statement"].iloc[0], "is_consistent": True}
    ]
    assert "150 killed + 60 wounded = 210" in checks["statement"].iloc[0]
    lines = bluf.bottom_line(figures, checks)
    assert not [line for line in lines if "NOT consistent" in line]


def test_possible_figures_are_not_checked():
    figures = frame(
        figure(5, 150, figure_id="a5@1"),
        figure(5, 60, category="wounded", figure_id="a5@2", sentence_no=2),
        figure(5, 900, category="casualties", figure_id="a5@3", outlook="possible"),
    )
    assert reconcile.checks(figures).empty


def test_the_bottom_line_and_what_changed_say_one_total_of_waves():
    sent = {"category": "reinforcements", "actor": "North Korea", "source": "army"}
    figures = frame(
        figure(1, 2300, **sent, figure_id="a1@1"),
        figure(1, 2300, **{**sent, "source": "militia"}, figure_id="a1@2", sentence_no=2),
        figure(5, 1800, **sent, figure_id="a5@1"),
    )  # 2,300 relayed by a second source counts once: 4,100 in all, not 6,400
    lines = bluf.bottom_line(figures, reconcile.checks(figures))
    assert lines[0].endswith("; 4,100 in all.")
    total = waves.totals(figures)
    assert total[["value_low", "wave_count", "is_exact"]].to_dict("records") == [
        {"value_low": 4100.0, "wave_count": 2, "is_exact": True}
    ]


@pytest.mark.parametrize("seed", range(6))
def test_the_sorted_sweep_finds_what_comparing_every_pair_finds(seed):
    # revisions are found by one sort per source and quantity; comparing every pair of figures
    # (the definition) must give the same answer on any mix of dates, sentences and bounds
    rng = np.random.default_rng(seed)
    rows = [
        figure(
            int(rng.integers(1, 6)),
            value := float(rng.choice([80, 85, 90, 120, 150])),
            value_high=value + float(rng.choice([0, 10])),
            sentence_no=int(rng.integers(1, 4)),
            sections=str(rng.choice(["title", "body", "summary, body"])),
            bound=str(rng.choice(["none", "at_least", "at_most"])),
            is_approximate=bool(rng.integers(0, 2)),
            attributed_to=rng.choice(["army", None]),
            source=str(rng.choice(["army", "navy"])),
            published_date=rng.choice(
                [pd.Timestamp("2025-04-01"), pd.Timestamp("2025-04-03"), pd.NaT]
            ),
        )
        for _ in range(60)
    ]
    framed = revisions._framed(frame(*rows))
    swept, pairwise = revisions._sweep(framed), revisions._pairwise(framed)
    assert len(framed) > 10
    np.testing.assert_array_equal(swept[0], pairwise[0])
    np.testing.assert_array_equal(swept[1], pairwise[1])
    assert swept[0].any() and swept[1].any()
