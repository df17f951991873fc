"""Step 1, candidates (which figures can be claims, and what each counts), and the lexicon loader
the steps read their words from. Every text here is invented for these tests."""

from __future__ import annotations

import pytest

from dossier.extract import numbers
from dossier.extract.doc import Doc
from dossier.extract.lexicon import Lexicon
from dossier.extract.steps.candidates import candidate
from invented import doc_maker


@pytest.fixture(scope="module")
def make_doc(tmp_path_factory):
    return doc_maker(tmp_path_factory)


def candidate_of(doc: Doc, figure: str):
    """The candidate of the figure written ``figure``, its sentence's figures paired as
    pipeline.claims_of pairs them (each with the next one)."""
    quantities = numbers.find(doc.norm)
    for sentence, s in enumerate(doc.sentences):
        inside = [q for q in quantities if s.start <= q.start and q.end <= s.end]
        for k, q in enumerate(inside):
            if doc.text[q.start : q.end] == figure:
                return candidate(doc, sentence, q, inside[k + 1 : k + 2])
    raise AssertionError(f"no figure {figure!r} in {doc.text!r}")


# --- not a count -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, figure",
    [
        ("The convoy left the depot on March 14.", "14"),  # a month before: a date
        ("The convoy reached the fort by 9 April.", "9"),  # a month after
        ("A 24-year-old conscript was named.", "24"),  # an age
        ("The march covered a 300-kilometre route.", "300"),  # a size
        ("The column waited for 12 weeks.", "12"),  # a duration
        ("Officials paid 40 million dollars for boots.", "40 million"),  # money
        ("The unit paid 500 euros per recruit.", "500"),
        ("In 2019 the garrison was quiet.", "2019"),  # a year
        ("The column of 300 tanks waited.", "300"),  # a count of something else
        ("Officials counted 300 Norwegians and 40 tourists.", "40"),
        # odd: a month two words back, past the qualifier, still makes it a date (see report)
        ("Since February some 300 soldiers were killed.", "300"),
    ],
)
def test_not_a_count(make_doc, text, figure):
    assert candidate_of(make_doc(text), figure) is None


# --- the head noun -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, figure, head, head_category, head_word, adjective, reinforced",
    [
        ("Rescuers counted 92 casualties after the blast.", "92", "casualty", "casualties",
         "casualties", None, False),
        ("Searchers found 30 bodies in the quarry.", "30", "casualty", "killed", "bodies", None,
         False),
        ("Guards said 14 prisoners of war were moved.", "14", "casualty", "captured",
         "prisoners", None, False),
        ("They counted 150 killed or wounded after the raid.", "150", "casualty", "casualties",
         "killed", None, False),
        ("About 12k wounded soldiers reached the camp.", "12k", "force", None, "soldiers",
         "wounded", False),
        ("The army lost 3,000 of its troops in the spring.", "3,000", "force", None, "troops",
         None, False),
        ("Some 4,000 North Koreans marched past the depot.", "4,000", "force", None, "koreans",
         None, False),
        ("Officials counted 300 Norwegians and 40 tourists.", "300", "force", None,
         "norwegians", None, False),
        ("Some 200 or more fighters held the ford.", "200", "force", None, "fighters", None,
         False),
        ("Another 500 more troops landed.", "500", "force", None, "troops", None, True),
        ("A 9,000-strong contingent arrived.", "9,000", "force", None, "contingent", None, False),
        ("A 1,000-strong column arrived.", "1,000", "force", None, None, None, False),
        ("The garrison held 2019 soldiers.", "2019", "force", None, "soldiers", None, False),
        ("Nine of them were hurt.", "Nine", None, None, None, None, False),  # a part, no noun
        ("The ministry sent 2,350 across the border.", "2,350", None, None, None, None, False),
    ],
)  # fmt: skip
def test_head(make_doc, text, figure, head, head_category, head_word, adjective, reinforced):
    c = candidate_of(make_doc(text), figure)
    assert (c.head, c.head_category, c.head_word, c.adjective, c.reinforced) == (
        head,
        head_category,
        head_word,
        adjective,
        reinforced,
    )


# --- what the rules read after a figure: up to the next figure or the clause's end --------------
@pytest.mark.parametrize(
    "text, figure, window",
    [
        ("The bureau said 1,850 soldiers and 400 marines crossed the ridge.", "1,850",
         " soldiers and "),
        ("The bureau said 1,850 soldiers and 400 marines crossed the ridge.", "400",
         " marines crossed the ridge."),
        ("Some 2,350 soldiers waited, and 400 marines drilled.", "2,350", " soldiers waited"),
        ("Crews moved 300 soldiers, 200 marines and 100 cadets.", "200", " marines and "),
        ("Crews moved 300 soldiers, 200 marines and 100 cadets.", "100", " cadets."),
    ],
)  # fmt: skip
def test_window_end(make_doc, text, figure, window):
    doc = make_doc(text)
    c = candidate_of(doc, figure)
    assert doc.text[c.after_at : c.window_end] == window


def test_before_words_stop_at_the_clause(make_doc):
    c = candidate_of(make_doc("Crews moved 300 soldiers, 200 marines and 100 cadets."), "100")
    assert (c.before_words, c.prev) == (["200", "marines", "and"], "and")


# --- the lexicon loader ------------------------------------------------------------------------
@pytest.fixture
def lexicon(tmp_path):
    files = {
        "ranks": "# words: ranks\ncorporal sergeant\n\n  major   \n# captain\n",
        "sayings": "# phrases\nthought to\nmay\n",
        "units": "# patterns\nsquad\nplatoon\n",
        "waves": "# patterns\n(new|fresh) wave\n(?:second) batch\n({units}) of\n",
        "wires": "# patterns\n\\(AP\\)\n",
        "cues": "# categories\nkilled: killed\nwounded: hurt\nkilled: (fell|died) in action\n",
        "kinds": "# categories\nforce: troops soldiers\ncasualty: dead\n",
        "odds": "# values\na dozen 12\na third 1/3\nhalf 0.5\n",
    }
    for name, text in files.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    return Lexicon(tmp_path)


def test_lexicon_lines_leave_out_comments_and_blanks(lexicon):
    assert lexicon.lines("ranks") == ("corporal sergeant", "major")


@pytest.mark.parametrize(
    "method, name, expected",
    [
        ("words", "ranks", frozenset({"corporal", "sergeant", "major"})),
        ("phrases", "sayings", ("thought to", "may")),
        ("pattern", "units", "squad|platoon"),
        # a space is any whitespace, "(" a group capturing nothing, "{name}" another list as is
        ("pattern", "waves", r"(?:new|fresh)\s+wave|(?:second)\s+batch|(?:squad|platoon)\s+of"),
        ("pattern", "sayings", r"thought\s+to|may"),
        ("pattern", "wires", r"\(AP\)"),
        ("categories", "cues", [("killed", r"killed|(?:fell|died)\s+in\s+action"),
                                ("wounded", "hurt")]),
        ("pairs", "cues", [("killed", "killed"), ("wounded", "hurt"),
                           ("killed", r"(?:fell|died)\s+in\s+action")]),
        ("mapping", "kinds", {"troops": "force", "soldiers": "force", "dead": "casualty"}),
        ("values", "odds", {"a dozen": 12, "a third": 1 / 3, "half": 0.5}),
    ],
)  # fmt: skip
def test_lexicon_lists(lexicon, method, name, expected):
    assert getattr(lexicon, method)(name) == expected


def test_lexicon_whole_numbers_stay_int(lexicon):
    assert isinstance(lexicon.values("odds")["a dozen"], int)


@pytest.mark.parametrize("method", ["lines", "words", "phrases", "pattern", "categories"])
def test_lexicon_missing_list_raises_lookup_error(lexicon, method):
    with pytest.raises(LookupError, match="no vocabulary list"):
        getattr(lexicon, method)("no_such_list")


def test_lexicon_category_line_without_colon_raises(tmp_path):
    (tmp_path / "broken.txt").write_text("# categories\nkilled killed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="has no 'category:'"):
        Lexicon(tmp_path).categories("broken")
