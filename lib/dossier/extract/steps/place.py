"""Step 5, place: where a claim's figure is, from the places named in its clause.

Reads the gazetteer's places and the claim's clause; returns the claims with ``where`` set (a
figure with no place of its own takes the place of the figure before it in its sentence).
"""

from __future__ import annotations

import bisect
import re

from dossier.extract import lexicon
from dossier.extract.doc import Doc
from dossier.extract.reading import NEAREST_LIMIT
from dossier.extract.steps.claim import Claim

_IN_PLACE = re.compile(rf"\b(?:{lexicon.EN.pattern('in_place')})\s+(?:the\s+)?$", re.IGNORECASE)


def places(doc: Doc, found: list[Claim]) -> list[Claim]:
    """Return ``found`` with each claim's place set."""
    out: list[Claim] = []
    for claim in found:
        where = place(doc, claim)
        if where is None and out and out[-1].sentence == claim.sentence:
            where = out[-1].where
        out.append(claim._replace(where=where))
    return out


def place(doc: Doc, claim: Claim) -> str | None:
    """The place of the figure's clause: the first after it, else the last before it that
    follows "in", "at", "near" or "inside"."""
    q = claim.quantity
    clause_start, clause_end = claim.clause
    dateline = doc.index(claim.sentence).dateline
    if dateline:
        clause_start = max(clause_start, dateline[1])  # the dateline is where it was filed
    found, starts = doc.places, doc.place_starts
    # places do not overlap, so the first one after the figure is the first to end
    i = bisect.bisect_left(starts, q.end)
    if i < len(found) and found[i].end <= clause_end:
        first = found[i]
        # "Ukraine's Kharkiv region": the more specific place after the possessive
        follow = found[i + 1] if i + 1 < len(found) else None
        if (
            follow is not None
            and follow.end <= clause_end
            and follow.start - first.end <= 4
            and doc.norm[first.end : first.end + 2] == "'s"
        ):
            return follow.canonical
        return first.canonical
    # else the last place before it that follows "in", "at", "near", "inside"
    i = bisect.bisect_left(starts, q.qualifier_start) - 1
    for _ in range(NEAREST_LIMIT):
        if i < 0 or found[i].start < clause_start:
            break
        p = found[i]
        i -= 1
        if p.end <= q.qualifier_start and _IN_PLACE.search(
            doc.norm, max(clause_start, p.start - 40), p.start
        ):
            return p.canonical
    return None
