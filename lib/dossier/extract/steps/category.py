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
6. with no noun and no cue, the claims before it: a continuation ("down from 2,500"), "a further
   1,500", "the initial 7,000", a part ("nine of them");
then a rate ("1,200 a day") and reinforcements ("a fresh contingent of", "more troops") refine it.
"""

from __future__ import annotations

import bisect
import re

from dossier.extract import lexicon
from dossier.extract.categories import FORCES
from dossier.extract.doc import Doc
from dossier.extract.numbers import Quantity
from dossier.extract.reading import CONTEXT, DIRECT, QUOTES, head_words
from dossier.extract.steps.claim import Candidate, Claim, Earlier
from dossier.extract.steps.governing import governing_category
from dossier.extract.steps.tally import tally_category
from dossier.text import search_at

EN = lexicon.EN
PREDICATE_WORDS = 32  # the head, fillers ("who have since been"), then what happened
_FILLERS = EN.words("fillers")
_FILLER_PHRASES = tuple(p.lower().split() for p in EN.phrases("filler_phrases"))
_DEPLOY_VERBS = EN.words("deploy_verbs")
_FURTHER = EN.words("further_cues")
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
_CONTINUATION = re.compile(rf"\b(?:{EN.pattern('continuation')})\s*$", re.IGNORECASE)
_REINFORCE_BEFORE = re.compile(
    rf"(?:{lexicon.REINFORCEMENT_BEFORE})(?:\s+\S+){{0,2}}\s*$", re.IGNORECASE
)
_SUBSET_LEAD = re.compile(rf"\s*(?:{EN.pattern('subset_lead')})\b", re.I)
# a rate after the figure, its noun and its verb: "1,000 soldiers were wounded or killed every day"
_RATE = re.compile(rf"\W*(?:\w+\W+){{0,7}}?(?:{lexicon.RATE})\b", re.IGNORECASE)  # .match
_PARTITIVE_BEFORE = re.compile(r"\b(?:among|of)\s+(?:the|them|whom|those)?\s*$", re.IGNORECASE)
_DIGIT = re.compile(r"(?<![\w])\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_FROM = re.compile(r"\bfrom\b")
_ANAPHORIC = re.compile(rf"\b(?:{EN.pattern('anaphoric_measures')})\s*$", re.IGNORECASE)
_INCLUDED = re.compile(rf"\b(?:{EN.pattern('included')})\s*$", re.IGNORECASE)
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
_PARTITIVE_ANCHOR = re.compile(r"(?=\b(?:among|of)\s)", re.IGNORECASE)


def classify(doc: Doc, c: Candidate, earlier: Earlier) -> Claim | None:
    """The claim candidate ``c`` makes, or None (see the module's docstring)."""
    q = c.quantity
    window_words = head_words(
        doc.norm, c.after_at, c.window_end, (c.head_index or 0) + PREDICATE_WORDS
    )
    category = _cue_category(doc, c, window_words) or _included(doc, c, earlier)
    deploy_verb = any(w.lower() in _DEPLOY_VERBS for w in c.before_words[-4:])
    if c.head is None and category is None and not deploy_verb:
        category = next(
            (found for rule in _CONTEXT_RULES if (found := rule(doc, c, earlier)) is not None),
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


# --- rule 6: a bare figure read from the claims before it -------------------------------------
def _continues(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """ "from 500 to 650" (close, one clause), "..., down from 2,500", "compared with" (may
    reach back further): the category of the figure before."""
    previous, q = earlier.previous, c.quantity
    if previous is None or q.qualifier_start - previous.quantity.end > 160:
        return None
    s_start = doc.sentences[c.sentence].start
    gap = doc.norm[previous.quantity.end : q.qualifier_start]
    lead = doc.norm[max(s_start, previous.quantity.start - 40) : previous.quantity.start]
    from_to = gap.rstrip().endswith(" to") and _FROM.search(lead + gap)
    near = from_to and len(gap) <= 80 and "," not in gap
    return previous.category if near or _CONTINUATION.search(gap) else None


def _further(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """ "A further 1,500 followed within two weeks", after a force figure."""
    return "reinforcements" if c.prev in _FURTHER and earlier.force_before else None


def _more_of_the_same(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """ "killed 20 ... and at least 70 more": a bare "N more" after a casualty figure counts the
    same; after a force figure it is a further wave."""
    previous = earlier.previous
    if not c.reinforced or previous is None:
        return None
    return "reinforcements" if previous.category in FORCES else previous.category


def _included(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """ "took 120 prisoners, including three colonels", "killed 40, as well as two
    instructors": a figure that a casualty figure before it includes counts the same."""
    previous = earlier.previous
    if previous is None or previous.category in FORCES:
        return None
    gap = doc.norm[previous.quantity.end : c.quantity.qualifier_start]
    if len(gap) > 80 or not _INCLUDED.search(gap):
        return None
    return previous.category


def _the_figure(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """ "now puts the figure at around 2,000": the category of the claim before it in its
    sentence, else in its paragraph."""
    before = earlier.previous or earlier.paragraph_last
    if before is None:
        return None
    start = max(c.clause[0], c.quantity.qualifier_start - 80)
    return (
        before.category if _ANAPHORIC.search(doc.norm, start, c.quantity.qualifier_start) else None
    )


def _initial(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """ "... among the initial 7,000"."""
    return "deployed" if earlier.previous and c.prev in lexicon.DEPLOYED_CUES else None


def _part_of_previous(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """ "nine of them", "among them 300": the category of the figure before."""
    if earlier.previous and _partitive(doc, c):
        return earlier.previous.category
    return None


def _part(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """A part with no figure before: what happened to it, after it in the sentence."""
    if not _partitive(doc, c):
        return None
    s_end = doc.sentences[c.sentence].end
    category = category_after(head_words(doc.norm, c.after_at, s_end, PREDICATE_WORDS), None)
    of_them = [w.lower() for w in c.after_words[:2]] == ["of", "them"]
    q = c.quantity
    if category is None and of_them and (q.is_vague or q.value_low >= 10):
        category = "deployed"  # "Several thousand of them have been thrown in"
    return category


_CONTEXT_RULES = (
    _continues,
    _further,
    _more_of_the_same,
    _the_figure,
    _initial,
    _part_of_previous,
    _part,
)


def _partitive(doc: Doc, c: Candidate) -> bool:
    """ "Among the 2,700 ...", "of whom 250 ...", "nine of them": a subset of a count."""
    if [w.lower() for w in c.after_words[:2]] in (["of", "them"], ["of", "whom"]):
        return True
    start, end = c.lead_start, c.quantity.qualifier_start
    if end - start <= DIRECT:
        return _PARTITIVE_BEFORE.search(doc.norm, start, end) is not None
    # only the last "among" or "of" can be followed by nothing but a determiner
    anchors = doc.index(c.sentence).anchors("partitive", _PARTITIVE_ANCHOR)
    last = bisect.bisect_left(anchors, end) - 1
    return (
        last >= 0
        and anchors[last] >= start
        and _PARTITIVE_BEFORE.match(doc.norm, anchors[last], end) is not None
    )
