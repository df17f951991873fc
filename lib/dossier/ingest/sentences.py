"""Sentence splitting with character offsets, and the ``sentences`` frame.

The splitter is rule-based and returns spans, never copies, so every sentence slices back out of
the article text. A full stop ends a sentence unless it belongs to an abbreviation ("Gen.",
"Jan. 4", "No. 3"), an initial ("John F. Kennedy") or an initialism ("U.S.", "e.g.") that is
not followed by a typical sentence opener; "?", "!" and "..." end a sentence when the next word
starts with a capital (or a letter of a script without capitals, such as Hangul), a digit or an
opening quote. Decimals ("3.5") never split: a boundary needs whitespace after the mark, or a
word of lower-case letters before it and a capitalised word glued after it ("Ukraine.Dans", text
pasted without its line breaks).

Other languages add their abbreviations (``data/lexicon/<language>/abbreviations.txt``: "bzw",
"z", "тыс", "г"); a language whose folder has ``ordinal_dot.txt`` (German) writes ordinals with a
full stop ("am 24. Februar"), so one or two digits before a full stop end no sentence there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import pandas as pd

from dossier import paths
from dossier.text import for_matching

if TYPE_CHECKING:
    from dossier.ingest.document import Document

COLUMNS = {
    "article_id": "str",
    "section": "str",
    "paragraph_no": "int64",
    "sentence_no": "int64",
    "text": "str",
    "char_start": "int64",
    "char_end": "int64",
}

# Abbreviations that are followed by a full stop but do not end a sentence. Lower case, no point.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft messrs mme mlle
    gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig lieut comdr
    rep reps sen sens gov pres amb hon rev gens
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vol vols pp approx est dept univ fig figs ca cf al vs
    inc corp ltd co bros
    """.split()
)


def _lexicon_words(name: str) -> dict[str, frozenset[str]]:
    """language -> the words of its ``name``.txt, for every language folder that has one."""
    found = {}
    for path in sorted((paths.DATA_DIR / "lexicon").glob(f"*/{name}.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        found[path.parent.name] = frozenset(
            w.lower().rstrip(".")
            for line in lines
            if not line.startswith("#")
            for w in line.split()
        )
    return found


# every language's abbreviations apply everywhere: "bzw." or "тыс." ends no English sentence
ABBREVIATIONS = ABBREVIATIONS.union(*_lexicon_words("abbreviations").values())
ORDINAL_DOT_LANGUAGES = frozenset(_lexicon_words("ordinal_dot"))

# After an initialism such as "U.S." a sentence ends only if one of these words follows.
SENTENCE_OPENERS = frozenset(
    """
    a an the he she it they we i you his her its their our this that these those there
    in on at but and or so yet however meanwhile also after before since when while if as
    some many most all according earlier later last on one two three officials
    """.split()
)

# A run of marks is matched once, from its first mark, and never given back (possessive): any
# other spelling ("(?:\.{3}|[.!?…])+") backtracks exponentially on a long run of dots.
_CANDIDATE = re.compile(
    r"(?<![.!?…])[.!?…]++[\"')\]]*+(?=\s|(?<=[^\W\d_A-ZÀ-ÞА-ЯЁІЇЄҐ]{3}\.)[A-ZÀ-ÞА-ЯЁІЇЄҐ][^\W\d_A-ZÀ-ÞА-ЯЁІЇЄҐ])"
)
# No sentence is longer than this: a run of text with no sentence end (a list, a table, hard-wrapped
# lines without full stops) is cut at the last clause break or space before the limit. Real
# sentences are far shorter; the bound keeps every rule that reads a sentence linear in the text.
MAX_SENTENCE_CHARS = 1000
_BREAK_BEFORE = re.compile(r"[,;:](?=\s)|\s")

_INITIALISM = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
_NEXT_WORD = re.compile(r"\s*([\"'(\[]?)(\S+)")
_ORDINAL = re.compile(r"(?<!\d)\d{1,2}$")


def split_spans(
    text: str,
    start: int = 0,
    end: int | None = None,
    norm: str | None = None,
    language: str = "en",
) -> list[tuple[int, int]]:
    """Return ``(char_start, char_end)`` of each sentence in ``text[start:end]``, stripped of
    surrounding whitespace. Offsets index ``text``. Pass ``norm`` (``for_matching(text)``) when
    splitting many spans of one text, so it is normalised once."""
    end = len(text) if end is None else end
    norm = for_matching(text) if norm is None else norm
    spans: list[tuple[int, int]] = []
    cursor = start
    for match in _CANDIDATE.finditer(norm, start, end):
        if match.start() < cursor:
            continue
        nxt = _NEXT_WORD.match(norm, match.end(), end)
        if nxt is None:
            break  # trailing punctuation: the paragraph end closes the sentence
        if _is_boundary(norm, match, nxt.group(1), nxt.group(2), language):
            spans.extend(cap(norm, *strip_span(norm, cursor, match.end())))
            cursor = nxt.start(1)
    if cursor < end and norm[cursor:end].strip():
        spans.extend(cap(norm, *strip_span(norm, cursor, end)))
    return spans


def cap(norm: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return the span ``start``-``end`` cut into spans of at most :data:`MAX_SENTENCE_CHARS`,
    each cut made after the last clause mark (comma, semicolon, colon) in the second half of the
    allowed length, else at its last space, else at the limit."""
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        half = start + MAX_SENTENCE_CHARS // 2
        cut = limit
        marks = list(_BREAK_BEFORE.finditer(norm, half, limit))
        clause = [m for m in marks if not m.group(0).isspace()]
        if clause:
            cut = clause[-1].end()
        elif marks:
            cut = marks[-1].start()
        piece = strip_span(norm, start, cut)
        if piece[0] < piece[1]:
            spans.append(piece)
        start, end = strip_span(norm, cut, end)
    if start < end:
        spans.append((start, end))
    return spans


def _is_boundary(
    norm: str, match: re.Match[str], opening: str, next_word: str, language: str = "en"
) -> bool:
    first = next_word[0]
    capital = first.isupper() or (first.isalpha() and not first.islower())  # Hangul has no case
    if not (capital or first.isdigit() or opening):
        return False  # '"Stop!" he said', 'U.S. officials'
    marks = match.group(0).rstrip("\"')]")
    if marks != ".":
        return True  # "?", "!", "..." before a capital
    if language in ORDINAL_DOT_LANGUAGES and _ORDINAL.search(
        norm, max(0, match.start() - 3), match.start()
    ):
        return False  # "am 24. Februar", "die 3. Welle"
    word = _word_before(norm, match.start())
    if not word:
        return True  # "... 9,000. The next"
    if _INITIALISM.match(word):
        # "U.S. forces" stays whole; "in the U.S. The next day" splits.
        return next_word.strip("\"'(),;:").lower() in SENTENCE_OPENERS
    if "." in word:
        word = word.rsplit(".", 1)[-1]
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    return word.lower() not in ABBREVIATIONS


def _word_before(norm: str, end: int) -> str:
    """The run of letters and full stops that ends at ``end`` and starts with a letter ("U.S",
    "Gen", "z. B" gives "B"), at most 40 characters back: a bounded look keeps this linear."""
    start = end
    while start > end - 40 and start > 0 and (norm[start - 1].isalpha() or norm[start - 1] == "."):
        start -= 1
    while start < end and not norm[start].isalpha():
        start += 1  # it starts with a letter
    return norm[start:end]


def strip_span(norm: str, start: int, end: int) -> tuple[int, int]:
    """Return ``(start, end)`` narrowed to exclude surrounding whitespace."""
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


def frame(documents: Iterable[Document]) -> pd.DataFrame:
    """Return the ``sentences`` frame, one row per sentence: article_id, section (title, summary,
    body), paragraph_no (0 for the title, 1 for the summary, 2.. for the body), sentence_no
    (1.. within the article), text, char_start, char_end (``text == article_text[start:end]``).

    A headline is one sentence; a derived title is not in the text and has no row."""
    rows = []
    for doc in documents:
        units: list[tuple[str, int, list[tuple[int, int]]]] = []
        norm = for_matching(doc.text)
        if doc.title_span is not None:
            units.append(("title", 0, cap(norm, *doc.title_span)))
        for no, (start, end) in enumerate(doc.paragraphs, start=1):
            section = "summary" if no == 1 else "body"
            units.append((section, no, split_spans(doc.text, start, end, norm, doc.language)))
        sentence_no = 0
        for section, paragraph_no, spans in units:
            for start, end in spans:
                sentence_no += 1
                rows.append(
                    (
                        doc.article_id,
                        section,
                        paragraph_no,
                        sentence_no,
                        doc.text[start:end],
                        start,
                        end,
                    )
                )
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)
