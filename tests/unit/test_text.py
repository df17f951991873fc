"""The text helpers: normalising for matching, counting words, fingerprints, and the searches that
answer many spans of one text from a single scan."""

import re

import pytest

from dossier import text
from dossier.text import first_letters, one_line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("plain words stay", "plain words stay"),
        ("\u201cquoted\u201d", '"quoted"'),
        ("\u00abguillemets\u00bb", '"guillemets"'),
        ("the cat\u2019s bowl", "the cat's bowl"),
        ("\u2018single\u2019", "'single'"),
        ("8,000\u20139,500", "8,000-9,500"),
        ("wait\u2014what", "wait-what"),
        ("minus \u22125", "minus -5"),
        ("no\u00a0break", "no break"),
        ("thin\u2009space", "thin space"),
        ("tab\there", "tab here"),
        ("zero\u200bwidth", "zero width"),
        ("\ufeffmarked", " marked"),
        ("caf\u00e9 stays", "caf\u00e9 stays"),
        ("line\nbreak stays", "line\nbreak stays"),
        ("", ""),
    ],
)
def test_for_matching(raw, expected):
    assert text.for_matching(raw) == expected
    assert len(text.for_matching(raw)) == len(raw)


@pytest.mark.parametrize(
    ("words", "count"),
    [
        ("three plain words", 3),
        ("8,000-9,500 geese", 2),
        ("U.S. barges", 2),
        ("the owl's nest", 3),
        ("co-op's", 1),
        ("well-known 3.5 km", 3),
        ("9,000 and 1,2", 3),
        ("e.g. this", 2),
        ("a_b c", 3),
        ("-- !! ...", 0),
        ("  ", 0),
        ("", 0),
    ],
)
def test_word_count(words, count):
    assert text.word_count(words) == count


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The owl sang.\nTwice.", "The owl sang.\r\nTwice."),
        ("The owl sang.", "\ufeffThe owl sang."),
        ("The owl\u2019s song", "The owl's song"),
        ("\u201cSing\u201d, it said", '"Sing", it said'),
        ("The Owl Sang", "the owl sang"),
        ("the  owl \t sang ", "the owl sang"),
        ("\ufb01ne", "fine"),  # NFKC: the ligature is two letters
    ],
)
def test_fingerprint_equal(one, other):
    assert text.fingerprint(one) == text.fingerprint(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("The owl sang.", "The owl sang!"),
        ("the owl sang", "the owls sang"),
        ("theowl", "the owl"),
    ],
)
def test_fingerprint_differs(one, other):
    assert text.fingerprint(one) != text.fingerprint(other)


def test_fingerprint_shape():
    value = text.fingerprint("any text at all")
    assert len(value) == 16
    assert int(value, 16) >= 0


@pytest.mark.parametrize(
    ("words", "regex"),
    [
        (["cat"], "cat"),
        (["cat", "car"], "ca(?:r|t)"),
        (["cat", "cats"], "cat(?:s)?"),
        (["ab", "ab"], "ab"),
        (["x.y"], r"x\.y"),
        (["a b", "a"], r"a(?:\s+b)?"),
        ([], ""),
    ],
)
def test_trie_regex(words, regex):
    assert text.trie_regex(words) == regex


@pytest.mark.parametrize(
    ("words", "others"),
    [
        (["cat", "car", "cart", "dog"], ["ca", "cars", "do", "cartdog"]),
        (["new town", "new", "newt"], ["new  townx", "ne", "news"]),
        (["a+b", "a?", "(x)"], ["ab", "aab", "x"]),
    ],
)
def test_trie_regex_matches_exactly_its_words(words, others):
    pattern = re.compile(text.trie_regex(words))
    assert all(pattern.fullmatch(w) for w in words)
    assert not any(pattern.fullmatch(w) for w in others)
    if " " in words[0]:
        assert pattern.fullmatch(words[0].replace(" ", " \n\t "))


WORD_CAT = re.compile(r"(?=\bcat\b)")
SAMPLE = "cat concat cat, cat-flap scatter cat"


@pytest.mark.parametrize(
    ("start", "end", "positions"),
    [
        (0, len(SAMPLE), [0, 11, 16, 33]),
        (1, len(SAMPLE), [11, 16, 33]),
        (11, 16, [11]),
        (12, 33, [16]),
        (0, 0, []),
    ],
)
def test_anchor_positions(start, end, positions):
    assert text.anchor_positions(WORD_CAT, SAMPLE, start, end) == positions


def span(m):
    return None if m is None else (m.start(), m.end(), m.group(0))


# A pattern that can start only where its anchor matches: "cat" as a word and what follows it.
CAT_AND_NEXT = re.compile(r"\bcat\b(?:\W+\w+)?")


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (0, len(SAMPLE)),  # "cat concat": the first anchor
        (0, 3),
        (0, 6),  # the match is cut at the end
        (1, len(SAMPLE)),  # the "cat" inside "concat" is no anchor
        (4, 15),
        (11, 13),  # too short for any match
        (12, 33),
        (30, 36),
        (0, 0),
        (33, 36),  # the last anchor
        (34, 36),  # past it
    ],
)
def test_search_at_equals_search(start, end):
    anchors = text.anchor_positions(WORD_CAT, SAMPLE, 0, len(SAMPLE))
    assert anchors == sorted(anchors)
    expected = CAT_AND_NEXT.search(SAMPLE, start, end)
    assert span(text.search_at(CAT_AND_NEXT, SAMPLE, anchors, start, end)) == span(expected)


NUMBERS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
FIGURES = "aa 12,000 bb 345 cc 6 dd 7,250,000 ee"
WORD_RUNS = re.compile(r"[a-z]+(?: [a-z]+)*")
PHRASES = "one two, three four five. six"


@pytest.mark.parametrize(
    ("pattern", "haystack", "start", "end"),
    [
        (NUMBERS, FIGURES, 0, len(FIGURES)),  # the first match
        (NUMBERS, FIGURES, 4, len(FIGURES)),  # a match runs across the start: rescanned
        (NUMBERS, FIGURES, 6, 20),
        (NUMBERS, FIGURES, 0, 5),  # a match runs across the end: cut there
        (NUMBERS, FIGURES, 3, 7),
        (NUMBERS, FIGURES, 9, 13),  # no match in the span
        (NUMBERS, FIGURES, 13, 16),
        (NUMBERS, FIGURES, 16, len(FIGURES)),
        (NUMBERS, FIGURES, 25, 30),
        (NUMBERS, FIGURES, len(FIGURES), len(FIGURES)),
        (WORD_RUNS, PHRASES, 0, len(PHRASES)),
        (WORD_RUNS, PHRASES, 2, len(PHRASES)),
        (WORD_RUNS, PHRASES, 8, 20),
        (WORD_RUNS, PHRASES, 9, 14),
        (WORD_RUNS, PHRASES, 7, 9),
        (WORD_RUNS, PHRASES, 26, len(PHRASES)),
    ],
)
def test_search_in_equals_search(pattern, haystack, start, end):
    found = list(pattern.finditer(haystack))
    starts = [m.start() for m in found]
    answer = text.search_in(pattern, haystack, found, starts, start, end)
    assert span(answer) == span(pattern.search(haystack, start, end))


def test_search_in_every_span():
    found = list(NUMBERS.finditer(FIGURES))
    starts = [m.start() for m in found]
    for start in range(len(FIGURES) + 1):
        for end in range(start, len(FIGURES) + 1):
            answer = text.search_in(NUMBERS, FIGURES, found, starts, start, end)
            assert span(answer) == span(NUMBERS.search(FIGURES, start, end)), (start, end)


def test_search_in_misses_a_match_made_by_the_cut():
    """The documented difference: a word boundary that exists only at the span's end."""
    pattern, haystack = re.compile(r"cat\b"), "concatenate"
    found = list(pattern.finditer(haystack))
    assert found == []
    assert span(pattern.search(haystack, 0, 6)) == (3, 6, "cat")
    assert text.search_in(pattern, haystack, found, [], 0, 6) is None


def test_search_at_misses_a_match_made_by_the_cut():
    """The same difference for anchors found over the whole text: "cat" in "catalog" is a word
    only when the span ends after its "t"."""
    haystack = "a catalog"
    anchors = text.anchor_positions(WORD_CAT, haystack, 0, len(haystack))
    assert anchors == []
    assert span(CAT_AND_NEXT.search(haystack, 0, 5)) == (2, 5, "cat")
    assert text.search_at(CAT_AND_NEXT, haystack, anchors, 0, 5) is None


@pytest.mark.parametrize(
    "alternatives, expected",
    [
        (["citing", "quoting"], "(?=[CQcq])"),
        (["daily|per day", "each week"], "(?=[DEPdep])"),  # alternatives inside one line
        (["(in|after) a briefing", "(?:stems?|came) from"], "(?=[ACISacis])"),
        ([r"\d+ views", "read also"], "(?=[0123456789Rr])"),
        # an alternative that may start otherwise: no guard
        (["x?y", "citing"], ""),
        (["(a|b)? c"], ""),
        (["(?<=x)y"], ""),
        ([r"\w+ said"], ""),
    ],
)
def test_first_letters_guard(alternatives, expected):
    assert first_letters(alternatives) == expected


def test_first_letters_guard_changes_no_match():
    words = ["reportedly", "(may|might) have", "said to", r"\d+ times"]
    plain = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
    guarded = re.compile(r"\b" + first_letters(words) + r"(?:" + "|".join(words) + r")\b", re.I)
    text = "They May have left; 3 times it was SAID TO rain, reportedly, mayhem 40 times."
    assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colonel Ivan\nPetrenko", "Colonel Ivan Petrenko"),
        ("  the\r\n\tministry ", "the ministry"),
        ("<b>Kirby</b>", "Kirby"),
        ("a <i>senior</i>\nofficial", "a senior official"),
        ("<br/>\n", None),
        (None, None),
        ("Sudan's army & allies", "Sudan's army & allies"),
    ],
)
def test_a_name_for_a_table_cell_is_one_line_without_markup(text, expected):
    assert one_line(text) == expected


def test_for_matching_replaces_every_character_of_its_table_one_for_one():
    odd = "".join(text._ONE_FOR_ONE)
    sample = f"a{odd}b\n{odd}"
    assert text.for_matching(sample) == sample.translate(text._TABLE)
    assert len(text.for_matching(sample)) == len(sample)
