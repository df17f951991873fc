"""Reported or only possible; a new total or an increment: read from the figure's words."""

import pandas as pd
import pandas.testing as pdt
import pytest

from dossier.analyse import outlook, reconcile


@pytest.mark.parametrize(
    ("cues", "quote", "expected"),
    [
        ("may", "The ministry may send 5,000 more troops.", "may"),
        ("could", "Officials said the rebels could field 4,000 fighters.", "could"),
        ("plans to", "The capital plans to deploy 2,000 engineers.", "plans to"),
        ("to send", "Capital To Send 1,000 Engineers", "to send"),
        ("estimated, could", "An estimated 300 could be sent.", "could"),
        # hedged, but a report of what happened
        ("estimated", "An estimated 300 soldiers were killed.", None),
        ("may", "The army may have lost 600 men.", None),
        ("could", "The ministry could not confirm that 300 had died.", None),
        ("could", "The ministry couldn't confirm that 300 had died.", None),
        ("may", "1,000 fighters killed since May.", None),
        (None, "300 soldiers were killed.", None),
        # a cue with a particle attached, as the extractor found it
        ("계획", "북한이 1천 명을 보낼 계획인 것으로 보인다.", "계획"),
    ],
)
def test_a_hedge_cue_makes_a_figure_possible_or_not(cues, quote, expected):
    assert outlook.possible_cue(cues, quote) == expected


@pytest.mark.parametrize(
    ("quote", "number", "expected"),
    [
        ("The army said another 40 soldiers were killed.", "40", True),
        ("A further 1,500 followed.", "1,500", True),
        ("The army said 40 more soldiers were killed.", "40", True),
        ("The army said more than 40 soldiers were killed.", "40", False),
        ("The army said 40 soldiers were killed, a new toll.", "40", False),
        ("The army said 40 soldiers were killed.", "400", False),
        (None, "40", False),
    ],
)
def test_an_increment_is_said_next_to_its_number(quote, number, expected):
    assert outlook.is_increment(quote, number) is expected


def test_key_figures_keep_possible_figures_apart_from_reported_ones():
    base = {
        "category": "reinforcements", "actor": "North Korea", "reliability": "C",
        "published_date": pd.NaT, "mention_count": 1, "is_superseded": False,
    }  # fmt: skip
    figures = pd.DataFrame(
        [
            {**base, "figure_id": "f1", "value_low": 5000.0, "value_high": 5000.0,
             "source": "ministry", "source_label": "ministry, x.org", "is_hedged": True,
             "outlook": "possible"},
            {**base, "figure_id": "f2", "value_low": 3500.0, "value_high": 3500.0,
             "source": "x.org", "source_label": "x.org", "is_hedged": False,
             "outlook": "reported"},
            {**base, "figure_id": "f3", "value_low": 1500.0, "value_high": 1500.0,
             "source": "y.org", "source_label": "y.org", "is_hedged": True,
             "outlook": "reported"},
        ]
    )  # fmt: skip
    got = reconcile.key_figures(figures)[
        ["category", "outlook", "value_low", "value_high", "source_count", "is_hedged", "figure_id"]
    ]
    expected = pd.DataFrame(
        {
            "category": ["reinforcements", "reinforcements"],
            "outlook": ["reported", "possible"],
            "value_low": [1500.0, 5000.0],
            "value_high": [3500.0, 5000.0],
            "source_count": [2, 1],
            "is_hedged": [False, True],
            "figure_id": ["f2", "f1"],
        }
    )
    pdt.assert_frame_equal(got, expected)


def test_a_bad_cue_file_says_which_line(tmp_path):
    path = tmp_path / "cues.csv"
    path.write_text("role,pattern,note\npossible,may,\nmaybe,(,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues.csv:3: unknown role"):
        outlook.cues(path)
    path.write_text("role,pattern,note\npossible,(,\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"cues.csv:2: bad pattern"):
        outlook.cues(path)


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        # only possible: said as possible, never as the toll
        (["possible"], ["Killed, Sudan: may reach 600 (x.org, per army, hedged)."]),
        # a reported toll and a possible one: the reported one is the line
        (["reported", "possible"], ["Killed, Sudan: 600 (x.org, per army)."]),
    ],
)
def test_the_bottom_line_never_states_a_possible_figure_as_reported(kinds, expected):
    from dossier.analyse import bluf

    figures = pd.DataFrame(
        [
            {
                "figure_id": f"f{i}", "article_id": "a", "sentence_no": i, "category": "killed",
                "actor": "Sudan", "value_low": 600.0 * (i + 1), "value_high": 600.0 * (i + 1),
                "is_approximate": False, "bound": "none", "is_vague": False,
                "is_hedged": kind == "possible",
                "hedge_cues": "may" if kind == "possible" else None,
                "quote": "The army said 600 may die." if kind == "possible" else "600 died.",
                "attributed_to": "army", "speaker_role": None, "cited_source": None,
                "outlet": "x.org", "source": "army", "period": reconcile.TO_DATE,
                "when_text": None, "outlook": kind, "is_superseded": False,
            }
            for i, kind in enumerate(kinds)
        ]
    )  # fmt: skip
    assert bluf.bottom_line(figures, reconcile.checks(pd.DataFrame())) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "another",
        "troops said",
        "a'b'c'd'e'f'g'h'i'j'k'l'm'n'o'p'q'r's't'u'v'w'x'y'z'a'b'c'd'e'f'g'h'i'j'k'l'm'n " * 2,
        "the ministry said on tuesday that after weeks of fighting near the border a further",
        "x" * 200 + " rock'n'roll " + "y" * 70,
        "42 " * 40 + "more",
    ],
)
def test_the_last_words_are_those_of_the_whole_text(text):
    assert outlook._last_words(text, 2) == outlook._WORD.findall(text)[-2:]


def test_increments_skip_quotes_no_cue_can_match_in_with_the_same_answers():
    figures = pd.DataFrame(
        {
            "quote": [
                "Another 40 soldiers were killed.",
                "40 more soldiers were sent.",
                "The ministry said 40 soldiers were killed.",  # no cue anywhere
                "More than 40 soldiers were killed.",  # a cue word, but a bound
                "Another 40 soldats tués.",  # not ASCII: read word by word
                None,
            ],
            "number_text": ["40", "40", "40", "40", "40", "40"],
        }
    )
    got = outlook.increments(figures)
    expected = [
        outlook.is_increment(q, t)
        for q, t in zip(figures["quote"], figures["number_text"], strict=True)
    ]
    assert got.tolist() == expected == [True, True, False, False, True, False]


@pytest.mark.parametrize(
    ("patterns", "quote", "could"),
    [
        ("another|more", "Another 40 were killed.", True),  # plain words: looked for as text
        ("another|more", "40 were killed.", False),
        ("anoth\\w+", "Another 40 were killed.", True),  # a pattern: one search
        ("anoth\\w+", "40 were killed.", False),
        ("\\bmore", "40 more were killed.", None),  # depends on its surroundings: no test
        ("(?<!no )more", "40 more were killed.", None),
    ],
)
def test_where_an_increment_cue_could_match_is_tested_only_when_that_is_exact(
    tmp_path, patterns, quote, could
):
    path = tmp_path / "cues.csv"
    path.write_text(f"role,pattern,note\nincrement_after,{patterns},\n", encoding="utf-8")
    test = outlook.increment_words(path)
    assert (None if test is None else test(quote)) is could
