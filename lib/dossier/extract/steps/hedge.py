"""Step 6, hedge: the uncertainty cues that govern a claim's figure.

Reads the sentence index's hedge cues; returns the cues earlier in the figure's sentence, or after
it up to the end of its window (its clause, or the next figure), each once, in text order.
"""

from __future__ import annotations

from dossier.extract.doc import Doc
from dossier.extract.steps.claim import Claim


def hedges(doc: Doc, claim: Claim) -> list[str]:
    """The hedge cues that govern ``claim``'s figure."""
    q = claim.quantity
    cues: list[str] = []
    for start, end, word in doc.index(claim.sentence).hedges:
        if start >= claim.window_end:
            break
        if (end <= q.start or (start >= q.end and end <= claim.window_end)) and word not in cues:
            cues.append(word)
    return cues
