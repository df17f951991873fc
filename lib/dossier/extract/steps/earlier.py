"""Step 2d, the claims before: a bare figure read from the claims before it in its sentence and
paragraph.

Reads a candidate, the document and :class:`Earlier`; returns a category or None. In order: a
continuation ("down from 2,500"), "a further 1,500", "N more" after a casualty figure, "puts the
figure at 2,000", "the initial 7,000", a part ("nine of them"); :func:`included` ("120 prisoners,
including three colonels") is tried for every figure, with or without a noun.
"""

from __future__ import annotations

import bisect
import re

from dossier.extract import lexicon
from dossier.extract.categories import FORCES
from dossier.extract.doc import Doc
from dossier.extract.reading import DIRECT, head_words
from dossier.extract.steps.claim import Candidate, Earlier
from dossier.extract.steps.cues import PREDICATE_WORDS, category_after

EN = lexicon.EN
_FURTHER = EN.words("further_cues")
_CONTINUATION = re.compile(rf"\b(?:{EN.pattern('continuation')})\s*$", re.IGNORECASE)
_PARTITIVE_BEFORE = re.compile(r"\b(?:among|of)\s+(?:the|them|whom|those)?\s*$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\b")
_ANAPHORIC = re.compile(rf"\b{EN.guarded('anaphoric_measures')}\s*$", re.IGNORECASE)
_INCLUDED = re.compile(rf"\b{EN.guarded('included')}\s*$", re.IGNORECASE)
_PARTITIVE_ANCHOR = re.compile(r"(?=\b(?:among|of)\s)", re.IGNORECASE)


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


def included(doc: Doc, c: Candidate, earlier: Earlier) -> str | None:
    """ "took 120 prisoners, including three colonels", "killed 40, as well as two
    instructors": a figure that a casualty figure before it includes counts the same."""
    previous = earlier.previous
    if previous is None or previous.category in FORCES:
        return None
    gap = doc.norm[previous.quantity.end : c.quantity.qualifier_start]
    if len(gap) > 80 or not (gap.rstrip().endswith(":") or _INCLUDED.search(gap)):
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


RULES = (
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
