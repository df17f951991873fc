"""Step 1, candidates: which numbers of a sentence can be claims, and what each counts.

Reads a figure's clause; returns a :class:`Candidate` with its head noun (a force, a casualty),
or None for dates, durations, ages, money, and counts of anything else ("five locations",
"300 tanks").
"""

from __future__ import annotations

import re

from dossier.extract import lexicon
from dossier.extract.doc import Doc
from dossier.extract.numbers import Quantity
from dossier.extract.reading import CONTEXT, QUOTES, head_words, tail_words
from dossier.extract.steps.claim import Candidate

EN = lexicon.EN
_STOP = EN.words("stop_words")
_PARTITIVE_DETERMINERS = EN.words("partitive_determiners")
_PERCENT_MARK = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_KILLED_OR_WOUNDED = re.compile(r"(?:killed|dead)\s+(?:or|and)\s+(?:wounded|injured)")
# How many words after a figure its rules read: the head noun comes within the first eight.
AFTER_WORDS = 12


def candidate(doc: Doc, sentence: int, q: Quantity, following: list[Quantity]) -> Candidate | None:
    """The candidate ``q`` (a figure of sentence number ``sentence``) makes, or None when it
    cannot be a claim; ``following`` holds the next figure of the sentence, if any."""
    norm = doc.norm
    clause_start, clause_end = doc.index(sentence).clause(q.qualifier_start, q.end)
    before_words = tail_words(norm, clause_start, q.qualifier_start)
    prev = before_words[-1].lower().rstrip(".") if before_words else ""
    after_at = q.end + (len(q.suffix) + 1 if q.suffix else 0)
    if q.unit == "percent":  # "40 percent of the troops": the marker is not the head
        marker = _PERCENT_MARK.match(norm, after_at)
        after_at = marker.end() if marker else after_at
    after_words = head_words(norm, after_at, clause_end, AFTER_WORDS)
    if _is_not_a_count(q, prev, after_words[0].lower() if after_words else ""):
        return None
    head, head_category, head_index, reinforced, adjective = _head(doc, after_words, q)
    if head == "other":
        return None
    if head == "force" and _counts_equipment(doc, sentence, q, after_words, head_index):
        return None  # "aircraft - 357 units": pieces of equipment
    if head == "force" and q.value_low >= 1_000_000 and _is_demonym(doc, after_words, head_index):
        return None  # "20 million Yemenis": a population, not a force
    head_word = (
        after_words[head_index].lower()
        if head_index is not None and head_index < len(after_words)
        else None
    )
    if q.suffix in lexicon.HYPHEN_SIZE:
        head = "force"
    return Candidate(
        quantity=q,
        sentence=sentence,
        clause=(clause_start, clause_end),
        lead_start=max(clause_start, q.qualifier_start - CONTEXT),  # the clause before, bounded
        before_words=before_words,
        prev=prev,
        after_at=after_at,
        after_words=after_words,
        window_end=min(clause_end, following[0].start) if following else clause_end,
        head=head,
        head_category=head_category,
        head_index=head_index,
        head_word=head_word,
        reinforced=reinforced,
        adjective=adjective,
    )


def _is_not_a_count(q: Quantity, prev: str, nxt: str) -> bool:
    """Whether ``q`` is a date, an age, a size, a duration, money or a year (``prev`` and
    ``nxt``: the words around it, lower case)."""
    if prev in lexicon.MONTHS or nxt.rstrip(".") in lexicon.MONTHS:
        return True
    if q.suffix and q.suffix not in ("odd", "plus") and q.suffix not in lexicon.HYPHEN_SIZE:
        return True  # "24-year-old", "12-week", "300-kilometre"
    if nxt in lexicon.DURATION_UNITS or nxt in lexicon.CURRENCY_AFTER:
        return True
    return _is_year(q) and nxt not in lexicon.FORCE_NOUNS and nxt not in lexicon.CASUALTY_NOUNS


def _is_year(q: Quantity) -> bool:
    return (
        q.value_low == q.value_high
        and 1900 <= q.value_low <= 2100
        and q.text.isdigit()
        and len(q.text) == 4
    )


def _head(
    doc: Doc, after_words: list[str], q: Quantity
) -> tuple[str | None, str | None, int | None, bool, str | None]:
    """Return (head kind: "force", "casualty", "other" or None, casualty category, index of
    the head in ``after_words``, whether "more/additional" stands between, the category of a
    casualty adjective before a force noun: "wounded" in "12k wounded soldiers")."""
    reinforced = False
    adjective: str | None = None
    skip = 0
    lowered = [w.lower() for w in after_words[:3]]
    if lowered[:2] in (["or", "more"], ["or", "so"], ["or", "fewer"], ["or", "less"]):
        skip = 2
    elif lowered[:1] in (["odd"], ["plus"], ["-"]):
        skip = 1
    for i, word in enumerate(after_words[:8]):
        if i < skip:
            continue
        low = word.lower()
        if low in QUOTES:
            continue  # a quoted figure: the noun follows the closing quote
        if low in lexicon.REINFORCEMENT_ADJACENT and i <= skip + 1:
            reinforced = True
            continue
        if low == "of" and i == skip:
            continue  # "dozens of soldiers", "3,000 of its troops"
        if low in _PARTITIVE_DETERMINERS and i <= skip + 1 and lowered[skip : skip + 1] == ["of"]:
            if low in ("them", "whom"):
                return None, None, None, reinforced, adjective
            continue
        following = [w.lower() for w in after_words[i + 1 : i + 4]]
        force_follows = any(w in lexicon.FORCE_NOUNS for w in following)
        if low in lexicon.CASUALTY_NOUNS and force_follows and following[0] not in _STOP:
            adjective = lexicon.CASUALTY_NOUNS[low]
            continue
        if low in lexicon.CASUALTY_NOUNS:
            category = lexicon.CASUALTY_NOUNS[low]
            rest = " ".join(after_words[i : i + 4]).lower()
            if _KILLED_OR_WOUNDED.match(rest):
                category = "casualties"
            if low in ("prisoners", "prisoner") and not rest.startswith(
                ("prisoners of war", "prisoner of war", "prisoners,", "prisoners")
            ):
                category = "captured"
            return "casualty", category, i, reinforced, adjective
        next_is_force = (
            i + 1 < len(after_words) and after_words[i + 1].lower() in lexicon.FORCE_NOUNS
        )
        if (
            next_is_force
            and low not in lexicon.FORCE_NOUNS
            and _is_people_of_a_side(doc, after_words, i)
        ):
            continue  # "1,000 Hamas operatives": the side names the noun after it
        if low in lexicon.FORCE_NOUNS or _is_people_of_a_side(doc, after_words, i):
            if _modifies_other(after_words, i):
                return "other", None, i, reinforced, adjective  # "infantry fighting vehicles"
            return "force", None, i, reinforced, adjective
        if low in lexicon.OTHER_NOUNS:
            return "other", None, i, reinforced, adjective
        if q.unit == "percent" and (word[0].isdigit() or low in ("-", "strong")):
            continue  # "half of the 1,200-strong contingent": the share of a counted force
        if low in _STOP or not word[0].isalpha():
            return None, None, None, reinforced, adjective  # a verb, punctuation, a number
    return None, None, None, reinforced, adjective


def _is_people_of_a_side(doc: Doc, words: list[str], i: int) -> bool:
    """A side's people in the plural ("North Koreans", "Russians"), counted as its forces."""
    word = words[i]
    if not (word[0].isupper() and word.endswith("s")):
        return False
    pair = f"{words[i - 1]} {word}" if i > 0 else word
    return doc.gazetteer.actors.knows(word) or doc.gazetteer.actors.knows(pair)


def _modifies_other(words: list[str], i: int) -> bool:
    """Whether the force noun ``words[i]`` only modifies a noun of other things within the next
    two words: "infantry fighting vehicles", "troop carriers"."""
    for word in words[i + 1 : i + 3]:
        low = word.lower()
        if low in lexicon.OTHER_NOUNS:
            return True
        if low in _STOP or not word[0].isalpha():
            return False
    return False


def _counts_equipment(
    doc: Doc, sentence: int, q: Quantity, words: list[str], i: int | None
) -> bool:
    """Whether "units" counts the things named just before the figure, across a dash or a
    colon: "aircraft - 357 units", "Tanks: 9,100 units"."""
    if i is None or words[i].lower() not in ("unit", "units"):
        return False
    before = tail_words(doc.norm, doc.sentences[sentence].start, q.qualifier_start, 3)
    return any(w.lower() in lexicon.OTHER_NOUNS for w in before)


def _is_demonym(doc: Doc, words: list[str], i: int | None) -> bool:
    """Whether the head ``words[i]`` is a people's name ("Yemenis") rather than a force noun."""
    return (
        i is not None
        and words[i].lower() not in lexicon.FORCE_NOUNS
        and _is_people_of_a_side(doc, words, i)
    )
