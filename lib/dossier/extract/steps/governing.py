"""Step 2b, a governing predicate: the verb further along the sentence that says what happened
to a figure's subject.

Reads the words after a candidate's head noun, up to the end of its sentence (bounded); returns
the category of the first casualty verb that governs the figure, or None. "At least 90 troops
sent to the front have been killed", "up to 900 of theirs and 200 of ours may have died", "52
fighters were said to be wounded". The read passes a reduced relative ("sent to the front"), an
aside between commas (", who had been deployed there,") and a figure joined by "and"/"or"; it
stops at another clause ("where", "but", ";"), at a figure that is not joined, at a deploy verb
once the verb group has started (then the figure is a deployment), and after
:data:`MAX_WORDS`. A transitive verb counts in the passive only: "the unit killed 40" makes the
unit no casualty.
"""

from __future__ import annotations

import bisect
import re

from dossier.extract import lexicon
from dossier.extract.doc import Doc
from dossier.extract.reading import CONTEXT, head_words
from dossier.extract.steps.claim import Candidate
from dossier.text import first_letters

EN = lexicon.EN
MAX_WORDS = 40  # a subject's predicate comes within a sentence's first forty words after it
_PREDICATES = [
    (c, re.compile(rf"(?:{p})\b", re.IGNORECASE)) for c, p in EN.categories("governing_predicates")
]
_ALTERNATIVES = [p.pattern for _, p in _PREDICATES]
_ANY_PREDICATE = re.compile("(?:" + "|".join(_ALTERNATIVES) + ")", re.IGNORECASE)
# where a casualty verb can start (a lookahead: the sentence's anchors are positions)
_SOME_PREDICATE = re.compile(
    r"\b" + first_letters(_ALTERNATIVES) + "(?=" + "|".join(_ALTERNATIVES) + ")", re.IGNORECASE
)
_INTRANSITIVE = EN.words("intransitive_predicates")
_VERB_GROUP = EN.words("verb_group") | EN.words("fillers")
_BREAKS = EN.words("predicate_breaks")
_ACTIVE_OBJECTS = EN.words("active_objects")
_DEPLOY_VERBS = EN.words("deploy_verbs")
_RELATIVES = frozenset({"who", "which", "that", "including", "among", "like"})
_HARD_STOPS = frozenset({";", ":", "(", ")", "?", "!", "[", "]"})
_JOINS = frozenset({"and", "or", "&"})
# the words of the qualifiers before a figure ("about", "at least", "up to")
_QUALIFIER_WORDS = frozenset(
    w
    for name in ("approx_before", "at_least_before", "at_most_before")
    for phrase in EN.phrases(name)
    for w in phrase.lower().split()
)


def governing_category(doc: Doc, c: Candidate) -> str | None:
    """The category of the casualty verb that governs figure ``c`` from further along its
    sentence, or None (see the module's docstring)."""
    end = min(doc.sentences[c.sentence].end, c.after_at + CONTEXT)
    # where a casualty verb starts in the sentence, found once: a figure without one after it
    # (most, and every figure of a long list of numbers) costs one look-up
    starts = doc.index(c.sentence).anchors("governing", _SOME_PREDICATE)
    k = bisect.bisect_left(starts, c.after_at)
    if k == len(starts) or starts[k] >= end:
        return None
    words = head_words(doc.norm, c.after_at, end, MAX_WORDS)
    i = c.head_index + 1 if c.head_index is not None else 0
    aside = False  # inside ", who ...," or ", including ...,"
    started = False  # the subject's own verb group has begun
    while i < len(words):
        word = words[i]
        low = word.lower()
        if low in _HARD_STOPS or low in _BREAKS:
            return None
        if word[0].isdigit():
            k = i - 1
            while k > 0 and words[k].lower() in _QUALIFIER_WORDS:
                k -= 1  # "and about 20", "or at least 30"
            joined = k >= 0 and words[k].lower() in _JOINS
            if started or not (joined or aside):
                return None  # another figure with its own verb
        elif low == ",":
            following = words[i + 1].lower() if i + 1 < len(words) else ""
            if aside:
                aside = False
            elif following in _RELATIVES:
                aside = True
            elif started:
                return None
        elif low in _DEPLOY_VERBS and started and not aside:
            return None  # "were sent to the front": the figure is a deployment
        else:
            found = _predicate_at(words, i)
            if found is not None:
                return found
            if low in _VERB_GROUP and not aside:
                started = True
        i += 1
    return None


def _predicate_at(words: list[str], i: int) -> str | None:
    """The category of a governing verb at ``words[i]``: right there when it needs no
    auxiliary ("died"), else after the verb group that starts there ("have been killed")."""
    low = words[i].lower()
    if low in _INTRANSITIVE:
        return _match(words, i)
    if low not in _VERB_GROUP:
        return None
    k = i
    while k < len(words) and words[k].lower() in _VERB_GROUP:
        k += 1
    if k == i or k >= len(words):
        return None
    return _match(words, k)


def _match(words: list[str], k: int) -> str | None:
    """The category of the predicate starting at ``words[k]``, unless an object follows it."""
    rest = " ".join(words[k : k + 7])
    if not _ANY_PREDICATE.match(rest):
        return None
    for category, pattern in _PREDICATES:
        m = pattern.match(rest)
        if m is None:
            continue
        after = rest[m.end() :].split()
        if after and (after[0][0].isdigit() or after[0].lower() in _ACTIVE_OBJECTS):
            return None  # "had killed 40", "have killed the commander": active, an agent
        return category
    return None
