"""Turning a noun phrase into a canonical speaker.

Reads a span of the article text, the article's name matches (canonical names from
``data/aliases.csv``), what the article has said so far of its people (full names, roles) and the
speakers found so far. Returns a :class:`Speaker` with its canonical name, role and kind, or None
when the phrase names nobody ("estimates", "it", an anonymous source).
"""

from __future__ import annotations

import re

from dossier.extract import lexicon
from dossier.extract.attribution.article import Article
from dossier.extract.attribution.phrases import (
    CONNECTORS,
    DETERMINERS,
    DOCUMENT_ADJECTIVES,
    DOCUMENT_OPENERS,
    DOCUMENTS,
    POSTMODIFIED,
    Span,
    drop_determiner,
    is_proper_org,
    is_state,
    trailing_name,
)
from dossier.extract.attribution.roster import HEADS, Roster, Speaker
from dossier.extract.attribution.skips import NP_LOWER
from dossier.extract.gazetteer import Match

EN = lexicon.EN
# Heads of role phrases that name one person: "Ukraine's spy chief", "the army's spokesman".
ROLE_HEADS = EN.words("role_heads")
_GROUP_HEADS = EN.words("group_heads")
_OPENERS = EN.words("definite_openers")
_ISSUED = EN.words("issued_documents")
_ROLE_SYNONYMS = [(role, re.compile(p)) for role, p in EN.categories("role_synonyms")]
_HEAD_KINDS = EN.mapping("head_synonyms")  # head word -> the kind of body it names
_NO_SPEAKER_PRONOUNS = lexicon.PRONOUNS | EN.words("unnamed_pronouns")
_OWNER = re.compile(r"^[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*'s?\s+(?P<rest>.+)$")

_POSSESSIVE_END = re.compile(r"'s?$")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
_LETTERS = re.compile(r"(?<!')\b[A-Za-z]+")  # words, not the "s" of a possessive
_QUALIFIER = re.compile(r"\s*\([^()]{0,80}\)")  # "(South Korea)" after a canonical name

_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.\-]{1,11}\)$")

Candidate = tuple[str, Span]  # ("np" | "pronoun" | "headline" | "surname", span)


def as_written(canonical: str, written: str) -> str:
    """The name a body goes by: its canonical name, unless the text describes the body in
    words of its own ("Sudan's military", "the spy agency") that share none with that name; a
    proper name or an acronym ("the Pentagon", "JCS") takes the canonical name."""
    written = drop_determiner(written)
    described = [w for w in _LETTERS.findall(written) if w.lower() not in CONNECTORS]
    if not any(w[0].islower() for w in described):
        return canonical  # a proper name: the gazetteer's name for the same body
    own = {w.lower() for w in _LETTERS.findall(_QUALIFIER.sub("", canonical))}
    if own & {w.lower() for w in described}:
        return canonical
    return written


def _is_role(text: str) -> bool:
    """Whether ``text`` (what follows a body's name in a phrase) is a role: one to three
    lower-case words ending on a role's head ("spokesman", "military commander")."""
    words = text.split()
    return 0 < len(words) <= 3 and all(w.islower() for w in words) and words[-1] in ROLE_HEADS


class People:
    """What the article says about its people: the full names, by their first and by their last
    word, and the role each person was first given."""

    def __init__(self, names: list[Match]) -> None:
        self.full_names: dict[str, set[str]] = {}
        self.roles: dict[str, str] = {}
        self.role_heads: dict[str, str] = {}  # last word of a role -> first person given it
        for m in names:
            if m.kind == "person" and " " in m.canonical:
                self.add_full_name(m.canonical)

    def add_full_name(self, name: str) -> None:
        """Know ``name`` by its first and by its last word; returns nothing."""
        words = name.split()
        for word in (words[0], words[-1]):
            self.full_names.setdefault(word, set()).add(name)

    def set_role(self, name: str, role: str) -> None:
        """Give ``name`` its role, unless it has one already; returns nothing."""
        if name not in self.roles:
            self.roles[name] = role
            if words := role.lower().split():
                self.role_heads.setdefault(words[-1], name)

    def full_name(self, name: str) -> str:
        """The one full name that ``name`` (a single word) is part of, else ``name``; family
        names come first in Korean or Chinese names."""
        full = self.full_names.get(name, ())
        return next(iter(full)) if len(full) == 1 else name


class Resolver:
    """Canonical speakers for the spans of one article in one pass over it. ``speakers`` holds
    this pass's speakers so far, ``first_pass`` every speaker of the first pass; ``people``
    collects the people found that start where no name match does (for the entities)."""

    def __init__(self, article: Article, known: People, first_pass: Roster, speakers: Roster):
        self.article = article
        self.known = known
        self.first_pass = first_pass
        self.speakers = speakers
        self.people: list[Speaker] = []

    def first(self, candidates: list[Candidate], unnamed: Span, pronouns: bool) -> Speaker | None:
        """The speaker of a sentence (``unnamed``: its anonymous sources): the first candidate
        that resolves to one; a pronoun only when ``pronouns``, as the last person named."""
        for kind, span in candidates:
            if kind == "pronoun":
                if pronouns and (person := self.last_person(span[0])):
                    return Speaker(person.name, person.role, person.kind, *span)
                continue
            if kind == "surname":
                # a headline's lone word before a colon: a person only when the article gives
                # the full name ("Live:" is no one)
                name = self.article.norm[span[0] : span[1]]
                if len(self.known.full_names.get(name, ())) == 1:
                    return self._make(name, None, "person", *span)
                continue
            if kind == "headline" and (speaker := self.headline(*span)) is not None:
                return speaker
            if (speaker := self.speaker(*span, unnamed)) is not None:
                return speaker
        return None

    def headline(self, start: int, end: int) -> Speaker | None:
        """A headline's bare head word in title case ("Army", "Minister"): the body or the
        person the article names by it, or None (the phrase is then read as any other)."""
        words = self.article.norm[start:end].split()
        if len(words) > 2 or self.article.names_within(start, end):
            return None
        low = [w.lower() for w in words]
        if low[-1] not in HEADS and low[-1] not in ROLE_HEADS:
            return None
        return self._definite(low, start, end)

    def speaker(self, start: int, end: int, unnamed: Span) -> Speaker | None:
        """The speaker the text ``start``-``end`` names, or None (``unnamed``: the anonymous
        sources of its sentence)."""
        norm = self.article.norm
        text = norm[start:end].strip()
        # "The Veloria Defence Force (VDF)": the acronym after a name is no part of it
        core = _ACRONYM_AFTER.sub("", text) if text.endswith(")") else text
        words = core.split()
        if not words:
            return None
        head = words[-1].lower().rstrip(".")
        if len(words) > 12:
            return None
        if head in DOCUMENTS:
            return self._document(words, start, end, unnamed)
        if head in lexicon.NOT_SPEAKERS:
            return None
        if self.article.overlaps_anonymous(unnamed, start, end):
            return None  # "unidentified ... sources": a source with no name
        if len(words) > 2 and self.article.postmodified and (post := POSTMODIFIED.search(text)):
            # "Three sources familiar with the talks": as written, not the body it names (nor
            # one "the army" may stand for: the mention ends on the head noun)
            head = text[: post.start()] + post.group(0).split(None, 1)[0]
            return Speaker(drop_determiner(text), None, "unnamed", start, end, head)
        content = [w for w in words if w.lower() not in DETERMINERS]
        definite = bool(content) and len(content) <= 3
        if definite and (all(w.islower() for w in content) or content[-1].lower() in ROLE_HEADS):
            found = self._definite(words, start, end)
            if found is not None:
                return found
        if words[0].lower() in _NO_SPEAKER_PRONOUNS:
            return None
        if is_state(self.article.gazetteer, core):
            # "Japan said"; "Tokyo expects" is Japan when Japan speaks in the article
            name = drop_determiner(core)
            sides = self.article.gazetteer.actors.find(name)
            side = sides[0].canonical if sides else None
            if side in self.first_pass.names or side in self.speakers.names:
                name = side
            return Speaker(name, None, "organisation", start, end, text)
        inside = self.article.names_within(start, end)
        if inside and not any(m.kind == "person" for m in inside):
            # "Veloria deputy press secretary Ana Lind": the person after the body speaks
            person = trailing_name(words, self.article.gazetteer)
            if person and start + core.rfind(person[0]) >= inside[-1].end:
                inside = []
        if inside:
            match = max(inside, key=lambda m: (m.kind == "person", m.end - m.start))
            if match.kind != "person" and _is_role(norm[match.end : end]):
                # "an M23 spokesman", "a Veloria army commander": the role phrase, whole
                return Speaker(drop_determiner(text), None, "unnamed", start, end, text)
            role = norm[start : match.start].strip(" ,") or None
            role = (drop_determiner(role) if role else None) or None
            name = match.canonical
            if match.kind != "person":
                name = as_written(name, norm[match.start : match.end])
            speaker = self._make(name, role, match.kind, start, end)
            return Speaker(speaker.name, speaker.role, speaker.kind, start, end, text)
        name_words = trailing_name(words, self.article.gazetteer)
        before_name = words[-len(name_words) - 1].lower() if len(words) > len(name_words) else ""
        if name_words and before_name in CONNECTORS:
            name_words = []  # "Institute for the Study of War": an organisation's name
        if name_words:
            name = " ".join(name_words)
            role = drop_determiner(" ".join(words[: len(words) - len(name_words)])) or None
            name_start = start + norm[start:end].rstrip().rfind(name)
            return self._make(name, role, "person", name_start, name_start + len(name))
        canonical = drop_determiner(core)
        owner = _OWNER.match(canonical)
        if owner and is_proper_org(owner.group("rest")):
            canonical = owner.group("rest")  # "Ukraine's Coordination Headquarters for ..."
        kind = "organisation" if any(w.lower() in lexicon.ORG_WORDS for w in words) else "unnamed"
        if kind == "unnamed" and not any(
            w.lower() in NP_LOWER or w[0].isupper() for w in words[-1:]
        ):
            return None
        return Speaker(canonical, None, kind, start, end, text)

    def _document(self, words: list[str], start: int, end: int, unnamed: Span) -> Speaker | None:
        """A document as a source: its owner when the phrase names one before the document's
        noun ("Pentagon figures", "military assessments"), else the document itself when the
        text points at one ("the assessment", "that data", "one document"); None for a bare
        "Reports" or "Estimates"."""
        norm = self.article.norm
        text = norm[start:end].rstrip()
        owner_end = start + len(text) - len(words[-1])
        owner = norm[start:owner_end].rstrip()
        while (last := owner.rsplit(None, 1)) and last[-1].lower() in DOCUMENT_ADJECTIVES:
            owner = last[0] if len(last) == 2 else ""  # "the ministry's latest figures"
        owner = _POSSESSIVE_END.sub("", owner.rstrip())
        rest = [w for w in owner.split() if w.lower() not in DOCUMENT_OPENERS]
        if rest:
            found = self.speaker(start, start + len(owner), unnamed)
            if found is not None:
                return found
        if len(words) == 2 and words[0].lower() in DOCUMENT_OPENERS:
            if words[0].lower() == "the" and words[1].lower() in _ISSUED:
                # "the announcement added": the body that spoke last, speaking again
                body = self.speakers.latest_body(self.speakers.before(start))
                if body is not None:
                    return Speaker(body.name, body.role, body.kind, start, end, body.mention)
            return Speaker(_ARTICLE.sub("", text), None, "unnamed", start, end, text)
        return None

    def remember_role(self, span: Span, role: str, unnamed: Span) -> None:
        """Give the person ``span`` names the role ``role`` (unless they have one); returns
        nothing."""
        speaker = self.speaker(*span, unnamed)
        if speaker and speaker.kind == "person" and role:
            self.known.set_role(speaker.name, role)

    def _definite(self, words: list[str], start: int, end: int) -> Speaker | None:
        """ "the agency", "the military", a headline's bare "ministry": the latest speaker whose
        mention holds the same head word, else the first one later in the article, or None. A
        role ("Ukraine's spy chief") resolves to the person given that role in the article."""
        head = words[-1].lower()
        phrase = " ".join(w.lower() for w in words if w.lower() not in DETERMINERS)
        head = next((role for role, p in _ROLE_SYNONYMS if p.fullmatch(phrase)), head)
        if head in ROLE_HEADS and (name := self.known.role_heads.get(head)) is not None:
            role = self.known.roles[name]  # the first person given a role ending in this word
            return Speaker(name, role, "person", start, end, " ".join(words))
        if words[0].lower() not in _OPENERS and len(words) > 1:
            return None
        if head not in HEADS:
            return None
        earlier = self.speakers.before(start)
        first_pass = self.first_pass
        if head in _GROUP_HEADS:  # "the group said": the armed group that spoke last
            sp = first_pass.latest_group(len(first_pass), start) or self.speakers.latest_group(
                earlier, start
            )
            if sp is not None:
                return Speaker(sp.name, sp.role, sp.kind, start, end, sp.mention)
        # the latest earlier speaker with that head word, else the first in the article; not
        # itself, nor another bare mention that resolved to nothing
        mention = " ".join(words).lower()
        sp = self.speakers.latest_with(head, earlier, mention) or first_pass.first_with(
            head, start, mention
        )
        if sp is None and head in _HEAD_KINDS:
            # "the army said" after "the Veloria Defence Force said": a body of that kind
            same = [w for w, kind in _HEAD_KINDS.items() if kind == _HEAD_KINDS[head] and w != head]
            sp = next(
                (
                    found
                    for w in same
                    if (found := self.speakers.latest_with(w, earlier, mention)) is not None
                    and found.kind != "group"
                ),
                None,
            )
        if sp is not None:
            return Speaker(sp.name, sp.role, sp.kind, start, end, sp.mention)
        return None

    def _make(self, name: str, role: str | None, kind: str, start: int, end: int) -> Speaker:
        """A speaker; for people, the span is the name as written and the name is resolved to
        the full name seen in the article."""
        if kind == "person":
            if " " not in name:
                name = self.known.full_name(name)  # a surname alone
            if role:
                self.known.set_role(name, role)
            role = role or self.known.roles.get(name)
        speaker = Speaker(name, role, kind, start, end)
        if kind == "person" and not self.article.name_starts_at(start):
            self.people.append(speaker)
        return speaker

    def last_person(self, before: int) -> Speaker | None:
        """The last person speaking (this pass) or named before ``before``, for "he"/"she"."""
        speaker = self.speakers.latest_person(before)
        last = self.article.last_person_named(before)
        role = self.speakers.latest_role(before)
        if role is not None and all(p is None or p.start < role.start for p in (speaker, last)):
            return role  # "A Veloria army spokesman said ... She added": the spokesman
        if speaker is not None:
            return speaker
        if last is not None:
            return Speaker(last.canonical, self.known.roles.get(last.canonical), "person", 0, 0)
        return None
