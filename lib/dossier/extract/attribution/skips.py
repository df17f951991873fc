"""The words that may stand between a speaker's noun phrase and its reporting verb, read
backwards from the verb: adverbs ("further"), a time phrase ("on Sunday"), an aside between
commas ("in particular"), a participle's aside ("reached by phone"); and the words a speaker's
noun phrase may hold.

Each function takes the sentence's tokens and the index of the token before the verb, and returns
the index of the last token before what it skipped (the same index when nothing is skipped).
"""

from __future__ import annotations

import re

from dossier.extract import lexicon

EN = lexicon.EN
NP_LOWER = lexicon.TITLES | lexicon.ORG_WORDS | EN.words("speaker_words")
_ADVERBS = EN.words("speaker_adverbs")
_ASIDE_OPENERS = EN.words("aside_openers")
_ROLE_PARTICIPLES = EN.words("role_participles")
# a time phrase before a reporting verb: the words that end it, that may open it, that stand in it
_TIME_ENDS, _TIME_OPENERS, _TIME_INNER = (
    frozenset(line.lower().split()) for line in EN.lines("speaker_times")
)
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
_TIME_LAST = _TIME_ENDS | _WEEKDAYS | lexicon.MONTHS  # a time phrase ends on one (or a number)
_ASIDES: dict[str, list[tuple[str, ...]]] = {}  # an aside's last word -> the asides
for _phrase in EN.phrases("speaker_asides"):
    _ASIDES.setdefault(_phrase.lower().split()[-1], []).append(tuple(_phrase.lower().split()))


def skip_adverbs(tokens: list[re.Match[str]], i: int) -> int:
    """The index of the last token before the adverbs that end at token ``i`` ("further",
    "has", "had")."""
    while i >= 0 and tokens[i].group(0).lower() in _ADVERBS:
        i -= 1
    return i


def is_time_end(word: str) -> bool:
    """Whether ``word`` may end a time phrase: "Sunday", "week", "May", "27"."""
    return word.lower() in _TIME_LAST or word.isdigit()


def skip_time(tokens: list[re.Match[str]], i: int) -> int:
    """The index of the last token before a time phrase that ends at token ``i`` ("on Sunday",
    "earlier this week", "on November 27", a bare "Sunday"), else ``i``; a month alone ("Theresa
    May said") is no such phrase."""
    found = i
    k = i
    while k >= 1:
        word = tokens[k].group(0)
        low = word.lower()
        if not (is_time_end(word) or low in _TIME_OPENERS or low in _TIME_INNER):
            break
        if low in _TIME_OPENERS or (low in _WEEKDAYS and k == i):
            found = k - 1  # the phrase may start here
        k -= 1
    return found


def skip_aside(tokens: list[re.Match[str]], i: int) -> int:
    """The index of the last token before an aside that ends at token ``i`` ("One study, in
    particular, says": the aside and its commas), else ``i``."""
    comma = i >= 0 and tokens[i].group(0) == ","
    j = i - 1 if comma else i
    if j < 0:
        return i
    for aside in _ASIDES.get(tokens[j].group(0).lower(), ()):
        first = j - len(aside) + 1
        if first < 0 or tuple(t.group(0).lower() for t in tokens[first : j + 1]) != aside:
            continue
        if not comma:
            return first - 1
        if first >= 1 and tokens[first - 1].group(0) == ",":
            return first - 2
    return i


def skip_participle(tokens: list[re.Match[str]], i: int) -> int:
    """The index of the last token before a participle's aside without commas that ends at
    token ``i`` ("A commander reached by phone disputed", "An officer speaking from the front
    said"), else ``i``: a participle, a preposition, then at most four words."""
    if i < 2 or not tokens[i].group(0)[0].isalnum():
        return i
    for k in range(i - 1, max(0, i - 6), -1):
        word = tokens[k].group(0)
        if not word[0].isalnum():
            return i
        if (
            word[-2:] in ("ed", "ng")
            and is_aside(word)
            and tokens[k + 1].group(0) in _ASIDE_OPENERS
            and np_word(tokens[k - 1].group(0))
        ):
            return k - 1
    return i


def is_aside(word: str) -> bool:
    """Whether ``word`` opens an aside between commas rather than a role: a preposition or a
    participle ("in a statement", "writing on its channel", "reached by phone")."""
    if not word.islower() or word in _ROLE_PARTICIPLES:
        return False
    return word in _ASIDE_OPENERS or (len(word) > 5 and word.endswith("ing"))


def np_word(word: str) -> bool:
    """Whether ``word`` may stand in a speaker's noun phrase: capitalised, or a word of
    :data:`NP_LOWER` (possessive allowed), or "...-based"."""
    if word[0].isupper():
        return True
    low = word.lower()
    return (
        low in NP_LOWER or low.endswith("-based") or (low.endswith("'s") and low[:-2] in NP_LOWER)
    )
