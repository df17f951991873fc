"""Step 2a, cue words: what the words right after a figure (or its head noun), and right before
it, say it counts.

Reads lists of words; returns a category or None. Used by :mod:`.category` and :mod:`.earlier`.
"""

from __future__ import annotations

import re

from dossier.extract import lexicon
from dossier.extract.reading import QUOTES

EN = lexicon.EN
PREDICATE_WORDS = 32  # the head, fillers ("who have since been"), then what happened
_FILLERS = EN.words("fillers")
_FILLER_PHRASES = tuple(p.lower().split() for p in EN.phrases("filler_phrases"))
_CATEGORY_AFTER = [(c, re.compile(rf"(?:{p})\b", re.IGNORECASE)) for c, p in lexicon.CATEGORY_AFTER]
_ANY_CATEGORY_AFTER = re.compile(
    "(?:" + "|".join(f"(?:{p})\\b" for _, p in lexicon.CATEGORY_AFTER) + ")", re.IGNORECASE
)
_CATEGORY_BEFORE = [
    (c, re.compile(rf"\b(?:{p})$", re.IGNORECASE)) for c, p in lexicon.CATEGORY_BEFORE
]
_ANY_CATEGORY_BEFORE = re.compile(
    r"\b(?:" + "|".join(f"(?:{p})" for _, p in lexicon.CATEGORY_BEFORE) + ")$", re.IGNORECASE
)
# How many words a phrase of CATEGORY_BEFORE spans at most: one more than its spaces, as long as
# no group of a pattern is repeated (then a phrase could span any number of words).
if any(re.search(r"\)[*+{]", p) for _, p in lexicon.CATEGORY_BEFORE):
    raise RuntimeError("category_before: a repeated group leaves phrases unbounded")
_BEFORE_WORDS = 1 + max(p.count("\\s") + p.count(" ") for _, p in lexicon.CATEGORY_BEFORE)


def category_after(after_words: list[str], head_index: int | None) -> str | None:
    """The category a phrase right after the figure (or its head noun) gives it: "troops have
    been killed", "who sustained injuries", "already reported as killed or wounded". Only
    auxiliaries and adverbs may stand between, so "troops to Russia amid heavy casualties" is not
    a casualty count."""
    i = head_index + 1 if head_index is not None else 0
    if [w.lower() for w in after_words[i : i + 2]] in (["of", "them"], ["of", "whom"]):
        i += 2  # "300 of them had died"
    while i < len(after_words):
        if after_words[i].lower() in _FILLERS or after_words[i] in QUOTES:
            i += 1
            continue
        phrase = next(
            (p for p in _FILLER_PHRASES if [w.lower() for w in after_words[i : i + len(p)]] == p),
            None,
        )
        if phrase is None:
            break
        i += len(phrase)
    rest = " ".join(after_words[i : i + 6])
    if not _ANY_CATEGORY_AFTER.match(rest):
        return None  # most figures: no pattern matches, and one look says so
    for category, pattern in _CATEGORY_AFTER:
        if pattern.match(rest):
            return category
    return None


def category_before(before_words: list[str]) -> str | None:
    """The category a word right before the figure gives it, connectors allowed between:
    "killed 200", "killing three", "casualties of 5,200", "brought home 157"."""
    words = [w.lower() for w in before_words[-8:]]
    k, dropped = len(words), 0
    while k > 0 and words[k - 1] in lexicon.BEFORE_CONNECTORS and dropped < 4:
        k -= 1
        dropped += 1
    tail = " ".join(words[:k])
    # every phrase ends the text, and none is longer than _BEFORE_WORDS words
    last = " ".join(words[max(0, k - _BEFORE_WORDS) : k])
    if not _ANY_CATEGORY_BEFORE.search(last):
        return None  # most figures: no pattern matches, and one look says so
    for category, pattern in _CATEGORY_BEFORE:
        if pattern.search(tail):
            return category
    return None
