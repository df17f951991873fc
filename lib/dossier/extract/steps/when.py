"""Step 7, time: the time phrase of a claim's clause ("since February", "last week").

Reads the sentence index's time phrases; returns the first after the figure in its clause, else
the last-found before it (within :data:`CONTEXT` characters), without a leading "in", "during"
or "on".
"""

from __future__ import annotations

import re

from dossier.extract.doc import Doc
from dossier.extract.reading import CONTEXT, DIRECT
from dossier.extract.sentence_index import TIME
from dossier.extract.steps.claim import Claim
from dossier.text import search_in

_LEADING = re.compile(r"^(?:in|during|on)\s+")


def when(doc: Doc, claim: Claim) -> str | None:
    """The time phrase of ``claim``'s clause, as written, or None."""
    q = claim.quantity
    clause_start, clause_end = claim.clause
    index = doc.index(claim.sentence)
    for start, end in (
        (q.end, min(clause_end, q.end + CONTEXT)),
        (max(clause_start, q.qualifier_start - CONTEXT), q.qualifier_start),
    ):
        if end - start <= DIRECT:
            m = TIME.search(doc.norm, start, end)
        else:
            m = search_in(TIME, doc.norm, *index.times, start, end)
        if m:
            return _LEADING.sub("", doc.text[m.start() : m.end()])
    return None
