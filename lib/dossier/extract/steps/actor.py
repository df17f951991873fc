"""Step 4, actor: whose forces a claim counts.

Reads the document's sides (the gazetteer's actors), the claim's clause and its sentence's
speaker; returns the claims with ``actor`` set (and ``agent``, the side that did the killing or
capturing, when the text says). A side named with the figure comes first; a figure whose text
names none takes one from the claims and speakers around it (see :func:`_inferred`).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from dossier.extract import lexicon
from dossier.extract.doc import Doc
from dossier.extract.reading import CONTEXT, NEAREST_LIMIT, whole_word
from dossier.extract.sentence_index import SentenceIndex
from dossier.extract.steps.claim import Claim
from dossier.text import for_matching

EN = lexicon.EN
# Between a figure and a side named after it: that side is not the figure's owner.
_NOT_OWNER = re.compile(rf"\b(?:{EN.pattern('not_owner')})\b")
_LOCATIVE = re.compile(rf"\b(?:{EN.pattern('locative')})\s+(?:the\s+)?$", re.IGNORECASE)
_BACKED = re.compile(rf"-(?:{EN.pattern('backed')})\b", re.IGNORECASE)
_PARTICIPLE_AGENT = re.compile(
    rf"\s*(?:and\s+)?(?:{EN.pattern('participle_agents')})\b", re.IGNORECASE
)
# after a speaker, up to its figure: "said it killed", "said on Monday that they had captured"
_SAID_IT = re.compile(
    r"\s+(?:\w+\s+){1,4}?(?:that\s+)?(?:it|they|(?:its|their)\s+(?:\w+\s+)?"
    r"(?:forces|troops|fighters|soldiers|units|men|army))\s+(?:\w+\s+){0,2}?"
    rf"(?:{EN.pattern('agent_verbs')})\s+(?:\w+\s+){{0,3}}?$",
    re.IGNORECASE,
)
_OWN_AGENT = re.compile(
    r"\b(?:its|their|our|his|her|the\s+[\w-]+'s?)\s+(?:\w+\s+)?(?:fighters|forces|troops|soldiers"
    r"|units|men|officers)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:killed|wounded|captured|destroyed|eliminated)\b",
    re.IGNORECASE,
)
_OWNER_AFTER = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)
_OWN_SIDE = re.compile(rf"\b(?:{EN.pattern('own_side_bodies')})\b", re.IGNORECASE)
_CASUALTY_CATEGORIES = ("killed", "wounded", "casualties", "returned_to_duty")


@dataclass(frozen=True)
class _Sides:
    """The sides of an article: named by its figures (most often first), its states, its armed
    groups, and both."""

    ranked: list[str]
    states: list[str]
    groups: list[str]
    mentioned: list[str]


@dataclass
class _Seen:
    """The last claim with a side so far: in the article, per sentence, per paragraph."""

    last: Claim | None = None
    by_sentence: dict[int, Claim] = field(default_factory=dict)
    by_paragraph: dict[int, Claim] = field(default_factory=dict)


def actors(doc: Doc, found: list[Claim]) -> list[Claim]:
    """Return ``found`` with each claim's actor (and agent) set."""
    named = [
        c._replace(actor=actor, agent=agent) for c in found for actor, agent in [_named(doc, c)]
    ]
    ranked = [a for a, _ in Counter(c.actor for c in named if c.actor).most_common()]
    states, groups = _side_counts(doc) if any(c.actor is None for c in named) else ([], [])
    # the sides the article's own figures name come first: mentions alone mislead
    # ("Ukrainian intelligence said North Korean troops ...")
    states = [a for a in ranked if _is_state(doc, a)] + [a for a in states if a not in ranked]
    groups = [a for a in ranked if not _is_state(doc, a)] + [a for a in groups if a not in ranked]
    sides = _Sides(ranked, states, groups, states + groups)
    seen = _Seen()
    reporting = _ReportingSides(doc)
    out = []
    for claim in named:
        paragraph = doc.sentences[claim.sentence].paragraph_no
        if not claim.actor:
            inferred = _inferred(doc, claim, paragraph, sides, seen, reporting)
            claim = claim._replace(actor=inferred)
        if claim.actor:
            seen.last = seen.by_sentence[claim.sentence] = claim
            seen.by_paragraph[paragraph] = claim
        out.append(claim)
    return out


def _inferred(
    doc: Doc, claim: Claim, paragraph: int, sides: _Sides, seen: _Seen, reporting: _ReportingSides
) -> str | None:
    """The side of a figure whose text names none: the other side of an agent, the side of
    the figure before it in its sentence, the article's group or state for group or state
    force nouns, the reporting body's own side, the figure before it in its paragraph or the
    article, else the article's most named side."""
    ranked, states, groups, mentioned = sides.ranked, sides.states, sides.groups, sides.mentioned
    if claim.agent:  # "its fighters had killed about 450 soldiers": the other side's
        others = [a for a in ranked if a != claim.agent] or [
            a for a in mentioned if a != claim.agent
        ]
        if others:
            return others[0]
    if claim.sentence in seen.by_sentence:  # "killing 12 soldiers and wounding 30"
        return seen.by_sentence[claim.sentence].actor
    head = claim.head_word or ""
    if head in lexicon.GROUP_FORCE_NOUNS and groups:  # "the militants lost 150 fighters"
        return groups[0]
    if (affiliated := _affiliation(doc, claim, reporting)) is not None:
        return affiliated
    if head in lexicon.STATE_FORCE_NOUNS and states:  # soldiers are a state's
        return states[0]
    if paragraph in seen.by_paragraph:
        return seen.by_paragraph[paragraph].actor
    if seen.last is not None:
        return seen.last.actor
    return ranked[0] if ranked else (mentioned[0] if mentioned else None)


def _named(doc: Doc, claim: Claim) -> tuple[str | None, str | None]:
    """(actor, agent): the side named with the figure, in its noun phrase ("2,300 Sudanese
    soldiers", "troops from Rwanda"), else the nearest side named before it in its clause, then
    in its sentence (not the speaker, not an appositive); and the side that did the killing or
    capturing when that is what the text names."""
    q, norm = claim.quantity, doc.norm
    s_start = doc.sentences[claim.sentence].start
    clause_start, clause_end = claim.clause
    speaker = doc.sources.sentences[claim.sentence].speaker
    head_end = _head_end(doc, claim, clause_end)
    # "3,500 Sudanese soldiers", "troops from Rwanda": only sides close after the figure
    first = bisect.bisect_left(doc.actor_starts, q.end)
    stop = bisect.bisect_left(doc.actor_starts, min(clause_end, head_end + 40))
    for a in doc.actors[first:stop]:
        if _BACKED.match(norm, a.end):
            continue
        if a.end <= head_end and not _NOT_OWNER.search(norm[q.end : a.start].lower()):
            return a.canonical, None
        if head_end <= a.start and _OWNER_AFTER.fullmatch(norm, head_end, a.start):
            return a.canonical, None
    own = _speaker_side(doc, claim)
    if (
        own
        and speaker is not None
        and _is_state(doc, own)
        and speaker.end <= q.qualifier_start
        and _SAID_IT.match(norm, speaker.end, q.qualifier_start)
    ):
        return None, own  # "Peru said it killed 300 soldiers": Peru's side did the killing
    speaker_first = speaker is not None and speaker.end <= clause_start
    if (
        own
        and speaker_first
        and (
            _PARTICIPLE_AGENT.match(norm, doc.opening(clause_start), q.qualifier_start)
            or _OWN_AGENT.search(
                norm, max(clause_start, q.qualifier_start - CONTEXT), q.qualifier_start
            )
        )
    ):
        # "..., killing hundreds of fighters" / "its fighters had killed about 450": the
        # speaker's side did it, so the figure counts the other side
        return None, own
    # The nearest side before the figure in its clause, else in its sentence: the same
    # mention either way, so one search over the sentence.
    index = doc.index(claim.sentence)
    nearest = _nearest_side(doc, s_start, q.qualifier_start, speaker, index)
    if nearest is None:
        return None, None
    agents = bisect.bisect_left(index.agents, nearest.end)
    if agents < len(index.agents) and index.agents[agents] < q.qualifier_start:
        return None, nearest.canonical  # "Ukraine said it killed 300"
    possessive_place = (
        norm[nearest.end : nearest.end + 2] == "'s" and nearest.end + 3 in doc.place_start_set
    )
    return (None if possessive_place else nearest.canonical), None


def _nearest_side(doc: Doc, start: int, end: int, speaker, index: SentenceIndex):
    """The last side named in ``start``-``end`` that is not the speaker, not inside an
    appositive or the dateline, not a destination ("to Russia") and not "X-backed"."""
    speaker_span = (speaker.start, speaker.end) if speaker else (-1, -1)
    i = bisect.bisect_left(doc.actor_starts, end) - 1
    for _ in range(NEAREST_LIMIT):
        if i < 0 or doc.actors[i].start < start:
            return None
        a = doc.actors[i]
        i -= 1
        if speaker_span[0] - 30 <= a.start <= speaker_span[1]:
            continue
        if index.is_aside(a.start):
            continue
        if _LOCATIVE.search(doc.norm, max(0, a.start - 12), a.start):
            continue
        if _BACKED.match(doc.norm, a.end):
            continue
        return a
    return None


def _head_end(doc: Doc, claim: Claim, clause_end: int) -> int:
    """Where the figure's noun phrase ends: after its head noun, else right after it."""
    q = claim.quantity
    if not claim.head_word:
        return q.end
    m = whole_word(claim.head_word).search(doc.norm, q.end, min(clause_end, q.end + CONTEXT))
    return m.end() if m else q.end


def _side_counts(doc: Doc) -> tuple[list[str], list[str]]:
    """The states and the armed groups the article names, most named first."""
    counts = Counter(a.canonical for a in doc.actors)
    states = [a for a, _ in counts.most_common() if _is_state(doc, a)]
    groups = [a for a, _ in counts.most_common() if not _is_state(doc, a)]
    return states, groups


def _is_state(doc: Doc, actor: str) -> bool:
    places = doc.gazetteer.places.entries
    entry = places.get(actor.casefold()) or places.get(actor)
    return bool(entry) and entry[1] == "country"


def _speaker_side(doc: Doc, claim: Claim) -> str | None:
    """The side of the sentence's own speaker, when the alias lists know it."""
    source = doc.sources.sentences[claim.sentence]
    if source.speaker is None or source.found_in != "sentence":
        return None
    sp = source.speaker
    sides = doc.gazetteer.actors.find(for_matching(f"{sp.mention} {sp.role or ''} {sp.name}"))
    return sides[0].canonical if sides else None


def _affiliation(doc: Doc, claim: Claim, reporting: _ReportingSides) -> str | None:
    """Casualties a military, defence or health body reports with no side named are its
    own side's: "the military said three soldiers were killed"."""
    if claim.category not in _CASUALTY_CATEGORIES:
        return None
    source = doc.sources.sentences[claim.sentence]
    speaker = source.speaker
    if speaker is None:
        return None
    pronoun = doc.norm[speaker.start : speaker.end].lower() in lexicon.PRONOUNS
    if source.found_in != "sentence" and not pronoun:
        return None  # a speaker inherited from the paragraph speaks of whoever it spoke of
    described = " ".join(filter(None, [speaker.mention, speaker.role or "", speaker.name]))
    if not _OWN_SIDE.search(described):
        return None
    sides = doc.gazetteer.actors.find(for_matching(described))
    if sides:
        return sides[0].canonical
    return reporting.before(claim.sentence)


class _ReportingSides:
    """Per sentence, the side of the nearest body before it that spoke as a military,
    defence or health body with a known side ("the Sudanese army said"); found on first use."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.nearest: list[str | None] | None = None

    def before(self, sentence: int) -> str | None:
        if self.nearest is None:
            self.nearest = []
            side = None
            for source in self.doc.sources.sentences:
                self.nearest.append(side)
                sp = source.speaker
                if sp and sp.kind != "person" and _OWN_SIDE.search(sp.mention):
                    found = self.doc.gazetteer.actors.find(for_matching(sp.mention))
                    if found:
                        side = found[0].canonical
        return self.nearest[sentence]
