"""Relayed figures: "Park, citing a briefing by the defence ministry, said ...".

Reads each sentence of the article with the speaker found for it; returns, for each speaker who
relays another's information, the origin named after "citing", "quoting" or "a briefing by"
(first relay wins).
"""

from __future__ import annotations

import re

from dossier.extract import lexicon
from dossier.extract.attribution.article import Article
from dossier.extract.attribution.phrases import Span, forward
from dossier.extract.attribution.roster import Roster, Speaker
from dossier.extract.attribution.speakers import Resolver

_CITING = re.compile(rf"\b{lexicon.EN.guarded('citing')}\s+", re.IGNORECASE)
# How many people a relayed sentence is checked against (keeps the look-up linear).
MAX_RELAYS = 64


def cited(
    article: Article,
    resolver: Resolver,
    sentences: list[tuple[int, int, int, str]],
    speakers: list[Speaker | None],
    unnamed: Span,
) -> dict[str, str]:
    """Speaker name -> the name of the origin they cite, over ``sentences`` and the speaker of
    each; origins are resolved by ``resolver`` with the anonymous sources ``unnamed``."""
    found: dict[str, str] = {}
    for (start, end, _, _), relay in zip(sentences, speakers, strict=True):
        match = _CITING.search(article.norm, start, end)
        if not match:
            continue
        span = forward(article, match.end(), end)
        origin = resolver.speaker(*span, unnamed) if span else None
        if origin is None:
            continue
        if relay is None or relay.name == origin.name:
            relay = _person_named_in(article.norm[start:end], resolver.speakers, origin.name)
        if relay is not None and relay.name != origin.name:
            found.setdefault(relay.name, origin.name)
    return found


def _person_named_in(text: str, speakers: Roster, exclude: str) -> Speaker | None:
    """The latest person of ``speakers`` (of the last :data:`MAX_RELAYS` distinct people, not
    ``exclude``) whose surname ``text`` names, or None."""
    tried: set[str] = set()
    for speaker in speakers.people_latest_first():
        if speaker.name == exclude or speaker.name in tried:
            continue
        if len(tried) >= MAX_RELAYS:
            break
        tried.add(speaker.name)
        last = speaker.name.split()[-1]
        if re.search(rf"\b{re.escape(last)}\b", text):
            return speaker
    return None
