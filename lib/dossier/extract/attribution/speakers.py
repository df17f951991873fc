"""Turning a noun phrase into a canonical speaker.

Reads a span of the article text, the article's name matches (canonical names from
``data/aliases.csv``), what the article has said so far of its people (full names, roles) and the
speakers found so far. Returns a :class:`Speaker` with its canonical name, role and kind, or None
when the phrase names nobody ("estimates", "it", an anonymous source).
"""

from __future__ import annotations

import re

from dossier.extract import lexicon
from dossier.extract.attribution import references
from dossier.extract.attribution.article import Article
from dossier.extract.attribution.phrases import (
    CONNECTORS,
    DETERMINERS,
    DOCUMENTS,
    POSTMODIFIED,
    Span,
    drop_determiner,
    is_proper_org,
    is_state,
    trailing_name,
)
from dossier.extract.attribution.references import ROLE_HEADS
from dossier.extract.attribution.roster import Roster, Speaker
from dossier.extract.attribution.skips import NP_LOWER
from dossier.extract.gazetteer import Match

EN = lexicon.EN
# Heads of role phrases that name one person: "Ukraine's spy chief", "the army's spokesman".
_NO_SPEAKER_PRONOUNS = lexicon.PRONOUNS | EN.words("unnamed_pronouns")
_OWNER = re.compile(r"^[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*'s?\s+(?P<rest>.+)$")

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
            if kind == "headline" and (speaker := references.headline(self, *span)) is not None:
                return speaker
            if (speaker := self.speaker(*span, unnamed)) is not None:
                return speaker
        return None

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
            return references.document(self, words, start, end, unnamed)
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
            found = references.definite(self, words, start, end)
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

    def remember_role(self, span: Span, role: str, unnamed: Span) -> None:
        """Give the person ``span`` names the role ``role`` (unless they have one); returns
        nothing."""
        speaker = self.speaker(*span, unnamed)
        if speaker and speaker.kind == "person" and role:
            self.known.set_role(speaker.name, role)

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
