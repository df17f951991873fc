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
    return {
        role: re.compile("^(?:" + "|".join(f"(?:{p})" for p in pats or ["(?!)"]) + ")$", re.I)
        for role, pats in found.items()
    }


def possible_cue(hedge_cues: object, quote: object) -> str | None:
    """Return the first hedge cue that makes the figure a possibility, else None. A cue found
    in the quote counts only where a word follows it that does not undo it ("could reach", not
    "could not"; "may send", not "may have" nor "since May.")."""
    if not isinstance(hedge_cues, str):
        return None
    table = cues()
    text = quote.lower() if isinstance(quote, str) else ""
    for cue in (c.strip() for c in hedge_cues.split(",")):
        if not cue or not table["possible"].match(cue):
            continue
        # "couldn't" is "could" undone; a cue with a particle attached (Korean) or not in the
        # quote is trusted as the extractor found it
        spots = list(re.finditer(rf"(?<!\w){re.escape(cue)}(n't|(?!\w))", text))
        if not spots:
            return cue
        for end in (m.end() for m in spots if not m.group(1)):
            after = _NEXT.match(text, end)  # None at the end of the quote or before punctuation
            if after and not table["not_possible_after"].match(after.group(1)):
                return cue
    return None


def outlooks(figures: pd.DataFrame) -> pd.Series:
    """Return "possible" for each figure whose hedge cues make it a possibility, else
    "reported" (a figure hedged only as an estimate or hearsay is still reported)."""
    if "hedge_cues" not in figures:
        return pd.Series(REPORTED, index=figures.index, dtype=object)
    quotes = figures["quote"] if "quote" in figures else pd.Series(None, index=figures.index)
    return pd.Series(
        [
            POSSIBLE if possible_cue(c, q) else REPORTED
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
    """Return :func:`is_increment` for each figure (False without quote or number_text)."""
    if "quote" not in figures or "number_text" not in figures:
        return pd.Series(False, index=figures.index, dtype=bool)
    return pd.Series(
        [
            is_increment(q, t)
            for q, t in zip(figures["quote"].tolist(), figures["number_text"].tolist(), strict=True)
        ],
        index=figures.index,
        dtype=bool,
    )
