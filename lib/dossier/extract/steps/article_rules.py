"""Step 3, article-level rules: claims re-read in the light of the others.

Each rule takes the claims found so far (never kept anywhere else) and returns them with some
categories changed; it changes no claim in place.
"""

from __future__ import annotations

import bisect
import re

from dossier.extract import lexicon
from dossier.extract.categories import FORCES
from dossier.extract.doc import Doc
from dossier.extract.steps.claim import Claim

# the figures of a list: "6,000 troops and 400 marines" (the end of the text between them)
_JOINED = re.compile(r"[^,;:]{0,60}\b(?:and|or)\s+(?:\w+\s+)?$", re.IGNORECASE)
_REPLACEMENT = re.compile(rf"\b{lexicon.REPLACEMENT}\b", re.IGNORECASE)


def replacements(doc: Doc, sentence: int, found: list[Claim]) -> list[Claim]:
    """ "the deployment of 2,300 troops ..., aimed at replacing casualties": the force figure
    nearest before a replacement word (else after it) in sentence ``sentence`` is a
    reinforcement. ``found``: the sentence's claims."""
    if not found:
        return found
    s = doc.sentences[sentence]
    ends = [c.quantity.end for c in found]  # figures do not overlap: ends are in order
    forces = [i for i, c in enumerate(found) if c.category in FORCES]
    force_starts = [found[i].quantity.start for i in forces]
    force_ends = [found[i].quantity.end for i in forces]
    out = list(found)
    for m in _REPLACEMENT.finditer(doc.norm, s.start, s.end):
        own = bisect.bisect_right(ends, m.start()) - 1
        if own >= 0 and m.start() - ends[own] <= 25:
            continue  # "several thousand replacements": a figure's own noun
        before = bisect.bisect_right(force_ends, m.start()) - 1
        after = bisect.bisect_left(force_starts, m.end())
        if before >= 0 and not out[forces[before]].has_deploy_cue:
            out[forces[before]] = out[forces[before]]._replace(category="reinforcements")
        elif after < len(forces) and not out[forces[after]].has_deploy_cue:
            q = out[forces[after]].quantity
            clause = doc.index(sentence).clause(q.qualifier_start, q.end)
            if clause[0] <= m.start():  # "to replace losses, 2,000 troops were sent"
                out[forces[after]] = out[forces[after]]._replace(category="reinforcements")
    return out


def repeated_reinforcements(doc: Doc, found: list[Claim]) -> list[Claim]:
    """A force figure with no cue of its own that repeats a reinforcement figure given earlier
    in the article is that reinforcement."""
    seen: set[tuple[float, float]] = set()
    out = []
    for claim in found:
        key = (claim.quantity.value_low, claim.quantity.value_high)
        if claim.category == "reinforcements":
            seen.add(key)
        elif claim.category == "deployed" and not claim.has_deploy_cue and key in seen:
            claim = claim._replace(category="reinforcements")
        out.append(claim)
    return out


def parts_of_reinforcements(doc: Doc, found: list[Claim]) -> list[Claim]:
    """A force figure with no cue of its own, after a larger reinforcement figure in its
    sentence, is part of that wave: "plans to send 6,000 more, and 1,000 have arrived"; not
    one joined to it ("6,000 troops and 400 marines")."""
    out = []
    previous: Claim | None = None
    for claim in found:
        if (
            previous is not None
            and previous.sentence == claim.sentence
            and previous.category == "reinforcements"
            and claim.category == "deployed"
            and not claim.has_deploy_cue
            and claim.quantity.unit == previous.quantity.unit
            and claim.quantity.value_high < previous.quantity.value_low
            and not _JOINED.match(doc.norm, previous.quantity.end, claim.quantity.qualifier_start)
        ):
            claim = claim._replace(category="reinforcements")
        out.append(claim)
        previous = claim
    return out
