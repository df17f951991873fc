"""Step 8, row: a claim as a row of the claims ledger, with its speaker, hedges and time."""

from __future__ import annotations

from dossier.extract.doc import Doc
from dossier.extract.numbers import Quantity
from dossier.extract.steps.claim import Claim
from dossier.extract.steps.hedge import hedges
from dossier.extract.steps.when import when
from dossier.text import one_line

COLUMNS = {
    "claim_id": "str",
    "article_id": "str",
    "section": "str",
    "sentence_no": "int64",
    "char_start": "int64",
    "char_end": "int64",
    "number_text": "str",
    "quote": "str",
    "value_low": "float64",
    "value_high": "float64",
    "unit": "str",
    "is_approximate": "bool",
    "bound": "str",
    "is_vague": "bool",
    "category": "str",
    "actor": "str",
    "attributed_to": "str",
    "speaker_role": "str",
    "attribution_in": "str",
    "cited_source": "str",
    "is_hedged": "bool",
    "hedge_cues": "str",
    "when_text": "str",
    "where_text": "str",
}


def figure_fields(doc: Doc, sentence: int, q: Quantity) -> dict:
    """The columns of a ledger row that the figure ``q`` of sentence number ``sentence`` gives
    whatever reads it: its id, place, text, quote and value."""
    s = doc.sentences[sentence]
    return {
        "claim_id": f"{doc.article_id}@{q.start}-{q.end}",
        "article_id": doc.article_id,
        "section": s.section,
        "sentence_no": s.sentence_no,
        "char_start": q.start,
        "char_end": q.end,
        "number_text": doc.text[q.start : q.end],
        "quote": doc.text[s.start : s.end],
        "value_low": q.value_low,
        "value_high": q.value_high,
        "unit": q.unit,
        "is_approximate": q.is_approximate,
        "bound": q.bound,
        "is_vague": q.is_vague,
    }


def row(doc: Doc, claim: Claim) -> dict:
    """The ledger row of ``claim`` (the columns of :data:`COLUMNS`)."""
    source = doc.sources.sentences[claim.sentence]
    speaker = source.speaker
    cues = hedges(doc, claim)
    return {
        **figure_fields(doc, claim.sentence, claim.quantity),
        "category": claim.category,
        "actor": claim.actor,
        "attributed_to": one_line(speaker.name) if speaker else None,
        "speaker_role": one_line(speaker.role) if speaker else None,
        "attribution_in": source.found_in,
        "cited_source": one_line(doc.sources.cited.get(speaker.name)) if speaker else None,
        "is_hedged": bool(cues),
        "hedge_cues": ", ".join(cues) if cues else None,
        "when_text": when(doc, claim),
        "where_text": claim.where,
    }
