"""Step 2, category: what a candidate counts, from the cue words around it.

Reads the candidate, the document, and the claims before it in its sentence and paragraph
(:class:`Earlier`, passed in); returns a :class:`Claim` with its category, or None when nothing
makes the figure a count of forces or casualties. The rules, in order:

1. the head noun's category ("92 casualties"), outranked by "returned to duty" after it;
2. a phrase after the figure or its noun ("troops have been killed", "who sustained injuries");
3. a word right before it ("killed 200", "casualties of 5,200");
4. a casualty noun it measures ("losses have exceeded 5,000"), or a force noun
   ("put the reinforcements at 1,000");
5. a subset's predicate ("..., including 30 soldiers, were killed"); a verb further along the
   sentence (:mod:`.governing`: "90 troops sent to the front have died"); the header of the list
   the figure is an item of (:mod:`.tally`: "The dead, by side:"); a casualty adjective
   ("12k wounded soldiers");
6. with no noun and no cue, the claims before it (:mod:`.earlier`): a continuation ("down from
   2,500"), "a further 1,500", "the initial 7,000", a part ("nine of them");
then a rate ("1,200 a day") and reinforcements ("a fresh contingent of", "more troops") refine it.
"""

from __future__ import annotations

import re

from dossier.extract import lexicon
from dossier.extract.doc import Doc
from dossier.extract.numbers import Quantity
from dossier.extract.reading import CONTEXT, DIRECT, head_words
from dossier.extract.steps import earlier as earlier_rules
from dossier.extract.steps.claim import Candidate, Claim, Earlier
from dossier.extract.steps.cues import PREDICATE_WORDS, category_after, category_before
from dossier.extract.steps.governing import governing_category
from dossier.extract.steps.tally import tally_category
from dossier.text import search_at

EN = lexicon.EN
_DEPLOY_VERBS = EN.words("deploy_verbs")
_OVERRIDE = re.compile(rf"\b(?:{lexicon.CATEGORY_OVERRIDE_AFTER[1]})\b", re.IGNORECASE)
_MEASURED_PAIRS = EN.pairs("measured_nouns")
_MEASURED_NOUNS = "|".join(p for _, p in _MEASURED_PAIRS)
_MEASURED_FULL = [(c, re.compile(p, re.IGNORECASE)) for c, p in _MEASURED_PAIRS]
_MEASURED = re.compile(
    rf"\b(?P<noun>{_MEASURED_NOUNS})\b(?P<gap>[^;]{{0,120}}?)\b{lexicon.MEASURE}\s*$",
    re.IGNORECASE,
)
_FORCE_NOUNS_MEASURED = EN.pattern("force_measured_nouns")
# A force noun measured by the figure: "put the reinforcements at 1,000".
_FORCE_MEASURED = re.compile(
    rf"\b(?P<noun>{_FORCE_NOUNS_MEASURED})\b[^;,.]{{0,40}}?"
    rf"\b{EN.pattern('force_measure_lead')}$",
    re.IGNORECASE,
)
_REINFORCE_BEFORE = re.compile(
    rf"(?:{lexicon.REINFORCEMENT_BEFORE})(?:\s+\S+){{0,2}}\s*$", re.IGNORECASE
)
_SUBSET_LEAD = re.compile(rf"\s*(?:{EN.pattern('subset_lead')})\b", re.I)
# a rate after the figure, its noun and its verb: "1,000 soldiers were wounded or killed every day"
_RATE = re.compile(rf"\W*(?:\w+\W+){{0,7}}?(?:{lexicon.RATE})\b", re.IGNORECASE)  # .match
_DIGIT = re.compile(r"(?<![\w])\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Where each pattern that ends at a figure can start: found once per sentence.
_ANCHORED = {
    "measured": (_MEASURED, re.compile(rf"(?=\b(?:{_MEASURED_NOUNS})\b)", re.IGNORECASE)),
    "force_measured": (
        _FORCE_MEASURED,
        re.compile(rf"(?=\b(?:{_FORCE_NOUNS_MEASURED})\b)", re.IGNORECASE),
    ),
    "reinforce": (
        _REINFORCE_BEFORE,
        re.compile(rf"(?=(?:{lexicon.REINFORCEMENT_BEFORE}))", re.IGNORECASE),
    ),
}


def classify(doc: Doc, c: Candidate, earlier: Earlier) -> Claim | None:
    """The claim candidate ``c`` makes, or None (see the module's docstring)."""
    q = c.quantity
    window_words = head_words(
        doc.norm, c.after_at, c.window_end, (c.head_index or 0) + PREDICATE_WORDS
    )
    category = _cue_category(doc, c, window_words) or earlier_rules.included(doc, c, earlier)
    deploy_verb = any(w.lower() in _DEPLOY_VERBS for w in c.before_words[-4:])
    if c.head is None and category is None and not deploy_verb:
        category = next(
            (found for rule in earlier_rules.RULES if (found := rule(doc, c, earlier)) is not None),
            None,
        )
        if category is None:
            return None
    if q.unit == "percent" and c.head is None:
        return None
    if category in ("casualties", "killed", "wounded") and _RATE.match(
        doc.norm, c.after_at, min(c.window_end, c.after_at + CONTEXT)
    ):
        category = "casualty_rate"
    if category in (None, "deployed"):  # "a fresh contingent of" outranks "contingent"
        if _reinforced(doc, c):
            category = "reinforcements"
        elif category is None:
            category = "deployed"
    if category == "deployed" and q.value_high < 2:
        return None  # "one commander told reporters": a person, not the size of a force
    deploy_cue = (
        q.suffix in lexicon.HYPHEN_SIZE  # "an 11,000-strong contingent"
        or any(w.lower() in lexicon.DEPLOYED_CUES for w in c.before_words[-3:])
        or any(w.lower() in ("initially", "originally") for w in c.before_words[-4:])
    )
    return Claim(q, c.sentence, category, deploy_cue, c.window_end, c.head_word, c.clause)


def _cue_category(doc: Doc, c: Candidate, window_words: list[str]) -> str | None:
    """Rules 1-5: the category the cue words around the figure give it."""
    category = c.head_category
    if category is not None and c.quantity.unit == "percent":
        # a share of the casualties: what happened to the share ("a third of the casualties
        # were killed") says what it counts
        category = (
            category_after(window_words, c.head_index) or governing_category(doc, c) or category
        )
    if category in (None, "wounded") and _OVERRIDE.search(
        " ".join(window_words[: (c.head_index or 0) + 10])
    ):
        category = "returned_to_duty"  # "9,000 servicemen who were wounded ... returned to duty"
    if category is None:
        category = category_after(window_words, c.head_index)
    if category is None:
        category = category_before(c.before_words)
    if category is None and c.head != "casualty":
        category = _measured(doc, c.sentence, c.quantity)
    if category is None:
        category = _force_measured(doc, c)
    if category is None:
        category = _subset_predicate(doc, c)
    if category is None:
        category = governing_category(doc, c)
    if category is None:
        category = tally_category(doc, c)
    if category is None:
        category = c.adjective  # "12k wounded soldiers"
    return category


def _search(doc: Doc, sentence: int, name: str, start: int, end: int) -> re.Match[str] | None:
    """``pattern.search(norm, start, end)`` for the pattern ``name`` of :data:`_ANCHORED`:
    directly in a short span, else only where the sentence's anchors say it can start."""
    pattern, anchor = _ANCHORED[name]
    if end - start <= DIRECT:
        return pattern.search(doc.norm, start, end)
    anchors = doc.index(sentence).anchors(name, anchor)
    return search_at(pattern, doc.norm, anchors, start, end)


def _measured(doc: Doc, sentence: int, q: Quantity) -> str | None:
    """ "losses have exceeded 5,000", "put casualties at nearly 900,000": the figure measures
    a casualty noun earlier in its sentence."""
    # The bound may itself be the measure verb: "losses have exceeded 5,000".
    # the noun, the gap and the verb fit in the context before the figure
    start = max(doc.sentences[sentence].start, q.qualifier_start - CONTEXT)
    m = _search(doc, sentence, "measured", start, q.qualifier_start) or _search(
        doc, sentence, "measured", start, q.start
    )
    if m is None or _DIGIT.search(_YEAR.sub("", m.group("gap"))):
        return None  # another figure stands between: the noun is that figure's
    noun = m.group("noun")
    return next((c for c, p in _MEASURED_FULL if p.fullmatch(noun)), "casualties")


def _force_measured(doc: Doc, c: Candidate) -> str | None:
    """ "put the reinforcements at 1,000", "a contingent numbering 800"."""
    q = c.quantity
    m = _search(doc, c.sentence, "force_measured", max(c.clause[0], q.start - CONTEXT), q.start)
    if m is None:
        return None
    noun = m.group("noun").lower()
    return "reinforcements" if noun in ("reinforcements", "replacements") else "deployed"


def _subset_predicate(doc: Doc, c: Candidate) -> str | None:
    """ "..., including 30 soldiers, were killed": the predicate after the parenthesis."""
    q, (clause_start, clause_end) = c.quantity, c.clause
    if not _SUBSET_LEAD.match(doc.norm, doc.opening(clause_start), q.qualifier_start):
        return None
    next_end = doc.index(c.sentence).clause(clause_end + 1, clause_end + 1)[1]
    predicate = head_words(doc.norm, clause_end + 1, next_end, PREDICATE_WORDS)
    return category_after(predicate, None)


def _reinforced(doc: Doc, c: Candidate) -> bool:
    """Whether a force figure is a further wave: "a fresh contingent of", "more troops",
    "2,000 additional soldiers", "reinforcements"."""
    prev, before = c.prev, c.before_words
    adjacent_before = prev in lexicon.REINFORCEMENT_ADJACENT or (
        len(before) >= 2
        and prev in ("a", "an")
        and before[-2].lower() in lexicon.REINFORCEMENT_ADJACENT
    )
    return bool(
        c.reinforced
        or c.head_word in ("reinforcements", "replacements")
        or adjacent_before
        or _search(doc, c.sentence, "reinforce", c.lead_start, c.quantity.qualifier_start)
    )
