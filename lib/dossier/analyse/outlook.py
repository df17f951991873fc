"""What a figure's words say it is: a report or only a possibility, a new total or an increment.

The cue words live in ``data/meaning_cues.csv`` (role, pattern, note), analyst-editable:

- ``possible``: hedge cues (as the extractor found them, ``hedge_cues``) that make a figure a
  possibility about the future or what might be ("may send", "could reach", "plans to deploy"),
  not a report of what happened;
- ``not_possible_after``: words right after such a cue that undo it: "may have died" is a
  hedged report of the past, "could not confirm" a denial;
- ``increment_before`` / ``increment_after``: words next to a figure that make it an addition
  to an earlier figure ("another 40", "40 more"), not a new total of the same quantity.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from dossier import paths

CUES_FILE = paths.DATA_DIR / "meaning_cues.csv"
ROLES = ("possible", "not_possible_after", "increment_before", "increment_after")
REPORTED, POSSIBLE = "reported", "possible"
OUTLOOKS = (REPORTED, POSSIBLE)  # the order key figures list them in
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_NEXT = re.compile(r"\s+(\w[\w']*)")
_NEAR = 2  # words either side of a figure that can make it an increment


@lru_cache(maxsize=4)
def cues(path: Path = CUES_FILE) -> dict[str, re.Pattern[str]]:
    """Return one whole-match, case-insensitive pattern per role of ``path``; raises ValueError
    naming the line of a bad row."""
    return {
        role: re.compile("^(?:" + "|".join(f"(?:{p})" for p in pats or ["(?!)"]) + ")$", re.I)
        for role, pats in _patterns(path).items()
    }


@lru_cache(maxsize=4)
def _patterns(path: Path) -> dict[str, list[str]]:
    """The patterns of each role of ``path``, checked (see :func:`cues`)."""
    found: dict[str, list[str]] = {role: [] for role in ROLES}
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            role, pattern = (row.get("role") or "").strip(), (row.get("pattern") or "").strip()
            if role not in found or not pattern:
                raise ValueError(f"{path}:{n}: unknown role or empty pattern in {row}")
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"{path}:{n}: bad pattern {pattern!r}: {exc}") from exc
            found[role].append(pattern)
    return found


def possible_cue(hedge_cues: object, quote: object) -> str | None:
    """Return the first hedge cue that makes the figure a possibility, else None. A cue found
    in the quote counts only where a word follows it that does not undo it ("could reach", not
    "could not"; "may send", not "may have" nor "since May.")."""
    found = _possible_cues(hedge_cues) if isinstance(hedge_cues, str) else ()
    if not found:
        return None
    table = cues()
    text = quote.lower() if isinstance(quote, str) else ""
    for cue, where in found:
        # "couldn't" is "could" undone; a cue with a particle attached (Korean) or not in the
        # quote is trusted as the extractor found it
        spots = list(where.finditer(text))
        if not spots:
            return cue
        for end in (m.end() for m in spots if not m.group(1)):
            after = _NEXT.match(text, end)  # None at the end of the quote or before punctuation
            if after and not table["not_possible_after"].match(after.group(1)):
                return cue
    return None


@lru_cache(maxsize=4096)
def _possible_cues(hedge_cues: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The cues of ``hedge_cues`` (comma-separated) that make a figure a possibility, in order,
    each with the pattern finding it in a lower-cased quote: a large corpus repeats few lists
    of cues, each read once."""
    table = cues()
    return tuple(
        (cue, re.compile(rf"(?<!\w){re.escape(cue)}(n't|(?!\w))"))
        for cue in (c.strip() for c in hedge_cues.split(","))
        if cue and table["possible"].match(cue)
    )


def outlooks(figures: pd.DataFrame) -> pd.Series:
    """Return "possible" for each figure whose hedge cues make it a possibility, else
    "reported" (a figure hedged only as an estimate or hearsay is still reported)."""
    if "hedge_cues" not in figures:
        return pd.Series(REPORTED, index=figures.index, dtype=object)
    quotes = figures["quote"] if "quote" in figures else pd.Series(None, index=figures.index)
    return pd.Series(
        [
            POSSIBLE if isinstance(c, str) and possible_cue(c, q) else REPORTED
            # lists, not Series: iterating a pandas text column is slow element by element
            for c, q in zip(figures["hedge_cues"].tolist(), quotes.tolist(), strict=True)
        ],
        index=figures.index,
        dtype=object,
    )


def is_increment(quote: object, number_text: object) -> bool:
    """Whether a word next to the figure's number in its quote makes it an addition ("another
    40", "a further 40", "40 more"), not a new total."""
    if not isinstance(quote, str) or not isinstance(number_text, str) or not number_text:
        return False
    lowered = quote.lower()
    at = lowered.find(number_text.lower())
    if at < 0:
        return False
    table = cues()
    end = at + len(number_text)
    if quote.isascii():  # lower-casing ASCII is letter by letter: one lowered copy serves all
        before, first = _last_words(lowered[:at], _NEAR), _WORD.search(lowered, end)
    else:  # elsewhere a letter's case can depend on the next one (Greek final sigma)
        before, first = _last_words(quote[:at].lower(), _NEAR), _WORD.search(quote[end:].lower())
    # "more" right before a number is a bound ("more than 40"), so only "more" after counts
    return any(table["increment_before"].match(w) for w in before) or bool(
        first and table["increment_after"].match(first.group(0))
    )


def _last_words(text: str, count: int, window: int = 60) -> list[str]:
    """The last ``count`` words of ``text`` (as ``_WORD.findall(text)[-count:]``), read from
    its last ``window`` characters or so: a long quote is not scanned from its start. The part
    read starts after a space, where no word can begin earlier (a word holds no space)."""
    cut = text.rfind(" ", 0, max(0, len(text) - window))
    if cut >= 0:
        words = _WORD.findall(text, cut + 1)
        if len(words) >= count:
            return words[-count:]
    return _WORD.findall(text)[-count:]


def increments(figures: pd.DataFrame) -> pd.Series:
    """Return :func:`is_increment` for each figure (False without quote or number_text). A
    quote in which no increment cue can match anywhere (:func:`increment_words`) is not read
    word by word: most quotes of a large corpus hold none."""
    if "quote" not in figures or "number_text" not in figures:
        return pd.Series(False, index=figures.index, dtype=bool)
    could = increment_words()
    holds: dict[str, bool] = {}  # per quote: whether a cue could match in it

    def read(quote: object) -> bool:
        if could is None or not isinstance(quote, str) or not quote.isascii():
            return True
        found = holds.get(quote)
        if found is None:
            found = holds[quote] = could(quote)
        return found

    return pd.Series(
        [
            read(q) and is_increment(q, t)
            for q, t in zip(figures["quote"].tolist(), figures["number_text"].tolist(), strict=True)
        ],
        index=figures.index,
        dtype=bool,
    )


# what makes a pattern's match depend on the text around it: anchors, boundaries, lookarounds
_CONTEXT = re.compile(r"\\[bBAZ]|\^|\$|\(\?<?[=!]")
_LITERAL = re.compile(r"[A-Za-z']+")


@lru_cache(maxsize=4)
def increment_words(path: Path = CUES_FILE) -> Callable[[str], bool] | None:
    """Return a test of whether any increment cue of ``path`` matches somewhere in a quote of
    ASCII letters: where it finds none, the quote holds no word :func:`is_increment` could take
    for a cue (every such word is part of the quote, lower-cased letter by letter). Cues of
    plain words are looked for as text, others by one search. None when a cue's pattern
    depends on the text around it (anchors, boundaries, lookarounds), which a search through
    the whole quote would not judge as the word alone."""
    roles = ("increment_before", "increment_after")
    patterns = [p for role in roles for p in _patterns(path)[role]]
    if not patterns or any(_CONTEXT.search(p) for p in patterns):
        return None
    pieces = [piece for p in patterns for piece in p.split("|")]
    if all(_LITERAL.fullmatch(piece) for piece in pieces):
        words = tuple(dict.fromkeys(piece.lower() for piece in pieces))

        def holds_word(quote: str) -> bool:
            lowered = quote.lower()
            return any(word in lowered for word in words)

        return holds_word
    anywhere = re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)
    return lambda quote: anywhere.search(quote) is not None
