"""Phrases that point back at a speaker or a document rather than name one: "the agency",
"the military", a role ("the defence minister"), a headline's bare "Ministry"; "the assessment",
"Pentagon figures", "the statement added".

Each function reads the phrase's words and span and the resolver's state (the article's people and
roles, the speakers found so far in this pass and the first); it returns a :class:`Speaker` or
None.
"""

from __future__ import annotations

import re
from typing import Protocol

from dossier.extract import lexicon
from dossier.extract.attribution.article import Article
from dossier.extract.attribution.phrases import (
    DETERMINERS,
    DOCUMENT_ADJECTIVES,
    DOCUMENT_OPENERS,
    Span,
)
from dossier.extract.attribution.roster import HEADS, Roster, Speaker

EN = lexicon.EN
ROLE_HEADS = EN.words("role_heads")
_GROUP_HEADS = EN.words("group_heads")
_OPENERS = EN.words("definite_openers")
_ISSUED = EN.words("issued_documents")
_ROLE_SYNONYMS = [(role, re.compile(p)) for role, p in EN.categories("role_synonyms")]
_HEAD_KINDS = EN.mapping("head_synonyms")  # head word -> the kind of body it names
_POSSESSIVE_END = re.compile(r"'s?$")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


class _People(Protocol):
    roles: dict[str, str]
    role_heads: dict[str, str]


class _Resolver(Protocol):
    """What these rules read of ``speakers.Resolver``."""

    article: Article
    known: _People
    first_pass: Roster
    speakers: Roster

    def speaker(self, start: int, end: int, unnamed: Span) -> Speaker | None: ...


def definite(resolver: _Resolver, words: list[str], start: int, end: int) -> Speaker | None:
    """ "the agency", "the military", a headline's bare "ministry": the latest speaker whose
    mention holds the same head word, else the first one later in the article, or None. A
    role ("Ukraine's spy chief") resolves to the person given that role in the article."""
    head = words[-1].lower()
    phrase = " ".join(w.lower() for w in words if w.lower() not in DETERMINERS)
    head = next((role for role, p in _ROLE_SYNONYMS if p.fullmatch(phrase)), head)
    if head in ROLE_HEADS and (name := resolver.known.role_heads.get(head)) is not None:
        role = resolver.known.roles[name]  # the first person given a role ending in this word
        return Speaker(name, role, "person", start, end, " ".join(words))
    if words[0].lower() not in _OPENERS and len(words) > 1:
        return None
    if head not in HEADS:
        return None
    earlier = resolver.speakers.before(start)
    first_pass = resolver.first_pass
    if head in _GROUP_HEADS:  # "the group said": the armed group that spoke last
        sp = first_pass.latest_group(len(first_pass), start) or resolver.speakers.latest_group(
            earlier, start
        )
        if sp is not None:
            return Speaker(sp.name, sp.role, sp.kind, start, end, sp.mention)
    # the latest earlier speaker with that head word, else the first in the article; not
    # itself, nor another bare mention that resolved to nothing
    mention = " ".join(words).lower()
    sp = resolver.speakers.latest_with(head, earlier, mention) or first_pass.first_with(
        head, start, mention
    )
    if sp is None and head in _HEAD_KINDS:
        # "the army said" after "the Veloria Defence Force said": a body of that kind
        same = [w for w, kind in _HEAD_KINDS.items() if kind == _HEAD_KINDS[head] and w != head]
        sp = next(
            (
                found
                for w in same
                if (found := resolver.speakers.latest_with(w, earlier, mention)) is not None
                and found.kind != "group"
            ),
            None,
        )
    if sp is not None:
        return Speaker(sp.name, sp.role, sp.kind, start, end, sp.mention)
    return None


def document(
    resolver: _Resolver, words: list[str], start: int, end: int, unnamed: Span
) -> Speaker | None:
    """A document as a source: its owner when the phrase names one before the document's
    noun ("Pentagon figures", "military assessments"), else the document itself when the
    text points at one ("the assessment", "that data", "one document"); None for a bare
    "Reports" or "Estimates"."""
    norm = resolver.article.norm
    text = norm[start:end].rstrip()
    owner_end = start + len(text) - len(words[-1])
    owner = norm[start:owner_end].rstrip()
    while (last := owner.rsplit(None, 1)) and last[-1].lower() in DOCUMENT_ADJECTIVES:
        owner = last[0] if len(last) == 2 else ""  # "the ministry's latest figures"
    owner = _POSSESSIVE_END.sub("", owner.rstrip())
    rest = [w for w in owner.split() if w.lower() not in DOCUMENT_OPENERS]
    if rest:
        found = resolver.speaker(start, start + len(owner), unnamed)
        if found is not None:
            return found
    if len(words) == 2 and words[0].lower() in DOCUMENT_OPENERS:
        if words[0].lower() == "the" and words[1].lower() in _ISSUED:
            # "the announcement added": the body that spoke last, speaking again
            body = resolver.speakers.latest_body(resolver.speakers.before(start))
            if body is not None:
                return Speaker(body.name, body.role, body.kind, start, end, body.mention)
        return Speaker(_ARTICLE.sub("", text), None, "unnamed", start, end, text)
    return None


def headline(resolver: _Resolver, start: int, end: int) -> Speaker | None:
    """A headline's bare head word in title case ("Army", "Minister"): the body or the
    person the article names by it, or None (the phrase is then read as any other)."""
    words = resolver.article.norm[start:end].split()
    if len(words) > 2 or resolver.article.names_within(start, end):
        return None
    low = [w.lower() for w in words]
    if low[-1] not in HEADS and low[-1] not in ROLE_HEADS:
        return None
    return definite(resolver, low, start, end)
