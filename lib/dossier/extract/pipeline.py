"""The extractor's pipeline: each article's document through the steps, in this order.

1. :func:`~dossier.extract.steps.candidates.candidate`: which numbers can be claims, head noun;
2. :func:`~dossier.extract.steps.category.classify`: the category, given the claims before it;
3. :func:`~dossier.extract.steps.article_rules.replacements` (per sentence),
   :func:`~dossier.extract.steps.article_rules.repeated_reinforcements` and
   :func:`~dossier.extract.steps.article_rules.parts_of_reinforcements` (per article);
4. :func:`~dossier.extract.steps.actor.actors`: whose forces;
5. :func:`~dossier.extract.steps.place.places`: where;
6-8. :func:`~dossier.extract.steps.rows.row`: speaker, hedges, time, the ledger row.

Entities are read from the same document (:func:`dossier.extract.entities.rows`).
"""

from __future__ import annotations

import functools
import logging
import warnings
from collections.abc import Callable

import pandas as pd

from dossier.errors import DossierWarning
from dossier.extract import entities as entities_module
from dossier.extract import gazetteer, numbers
from dossier.extract.categories import FORCES
from dossier.extract.doc import Doc
from dossier.extract.steps.actor import actors
from dossier.extract.steps.article_rules import (
    parts_of_reinforcements,
    repeated_reinforcements,
    replacements,
)
from dossier.extract.steps.candidates import candidate
from dossier.extract.steps.category import classify
from dossier.extract.steps.claim import Candidate, Claim, Earlier
from dossier.extract.steps.place import places
from dossier.extract.steps.rows import COLUMNS, row
from dossier.extract.window.cues import cues
from dossier.extract.window.reader import claims as window_claims

log = logging.getLogger(__name__)


def classified(doc: Doc) -> list[tuple[numbers.Quantity, Candidate | None, Claim | None]]:
    """Steps 1 and 2 for every figure of ``doc``, in text order: the figure, its candidate and
    its claim (None where a step drops it), each classified with the claims before it."""
    quantities = numbers.find(doc.norm)
    out: list[tuple[numbers.Quantity, Candidate | None, Claim | None]] = []
    forces: dict[int, set[int]] = {}  # paragraph -> its sentences whose last claim is a force
    last_of: dict[int, Claim] = {}  # paragraph -> its last claim so far
    qi = 0
    for sentence, s in enumerate(doc.sentences):
        while qi < len(quantities) and quantities[qi].start < s.start:
            qi += 1
        figures = []
        while qi < len(quantities) and quantities[qi].end <= s.end:
            figures.append(quantities[qi])
            qi += 1
        in_paragraph = forces.setdefault(s.paragraph_no, set())
        previous: Claim | None = None
        for k, q in enumerate(figures):
            c = candidate(doc, sentence, q, figures[k + 1 : k + 2])
            claim = None
            if c is not None:
                earlier = Earlier(previous, bool(in_paragraph), last_of.get(s.paragraph_no))
                claim = classify(doc, c, earlier)
            out.append((q, c, claim))
            if claim is None:
                continue
            previous = claim
            if claim.category in FORCES:
                in_paragraph.add(sentence)
            else:
                in_paragraph.discard(sentence)
        if previous is not None:
            last_of[s.paragraph_no] = previous
    return out


def claims_of(doc: Doc) -> list[Claim]:
    """The claims of one document, every step applied, in text order."""
    by_sentence: dict[int, list[Claim]] = {}
    for _, _, claim in classified(doc):
        if claim is not None:
            by_sentence.setdefault(claim.sentence, []).append(claim)
    found: list[Claim] = []
    for sentence, in_sentence in by_sentence.items():
        found.extend(replacements(doc, sentence, in_sentence))
    found = parts_of_reinforcements(doc, repeated_reinforcements(doc, found))
    found = actors(doc, found)
    return places(doc, found)


def english(doc: Doc) -> list[dict]:
    """The ledger rows of an English document: the full grammar of this module."""
    return [row(doc, c) for c in claims_of(doc)]


# The reader of each language; a language not listed here is read by the window reader when
# its folder of cue lists exists (``data/lexicon/<language>/``).
READERS: dict[str, Callable[[Doc], list[dict]]] = {"en": english}


@functools.cache
def reader_for(language: str) -> Callable[[Doc], list[dict]] | None:
    """The function that reads the ledger rows of a ``language`` document, or None when the
    language has no vocabulary."""
    if language in READERS:
        return READERS[language]
    try:
        language_cues = cues(language)
    except LookupError:
        return None
    return functools.partial(window_claims, cues=language_cues)


def extract(
    articles: pd.DataFrame, sentences: pd.DataFrame, with_entities: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Return ``(claims, entities)`` for the articles and sentences of a corpus.

    ``claims`` has the columns of :data:`~dossier.extract.steps.rows.COLUMNS`; ``entities``
    those of :data:`dossier.extract.entities.COLUMNS`, or None unless ``with_entities``. An
    article a rule fails on loses its claims, with a :class:`DossierWarning`, not the run."""
    gaz = gazetteer.load()
    # plain tuples grouped once: slicing a frame per article would cost more than the extraction
    by_article: dict[str, list[tuple]] = {}
    columns = ["article_id", "section", "paragraph_no", "sentence_no", "char_start", "char_end"]
    for article_id, *rest in sentences[columns].itertuples(index=False, name=None):
        by_article.setdefault(article_id, []).append(tuple(rest))
    claim_rows: list[dict] = []
    entity_rows: list[dict] = []
    failed: list[str] = []
    unread: dict[str, int] = {}  # language with no vocabulary -> its articles
    languages = articles["language"] if "language" in articles else ["en"] * len(articles)
    for article_id, text, language in zip(
        articles["article_id"], articles["text"], languages, strict=True
    ):
        spans = by_article.get(article_id)
        if not spans:
            continue
        language = language if isinstance(language, str) and language else "en"
        read = reader_for(language)
        if read is None:
            unread[language] = unread.get(language, 0) + 1
        try:
            doc = Doc.build(article_id, text, spans, gaz, language)
            article_claims = read(doc) if read is not None else []
            article_entities = entities_module.rows(doc) if with_entities else []
        except Exception as exc:  # a rule's fault on one odd article must not sink the rest
            log.exception("claims could not be read from article %s", article_id)
            failed.append(f"{article_id} ({type(exc).__name__}: {exc})")
            continue
        claim_rows.extend(article_claims)
        entity_rows.extend(article_entities)
    if failed:
        warnings.warn(
            f"claims could not be read from {len(failed)} article(s), which have none in the "
            f"ledger: {'; '.join(failed[:3])}{' ...' if len(failed) > 3 else ''} (see the log)",
            DossierWarning,
            stacklevel=2,
        )
    if unread:
        counts = ", ".join(f"{n} in {lang!r}" for lang, n in sorted(unread.items()))
        warnings.warn(
            f"no vocabulary for the language of {sum(unread.values())} article(s) ({counts}): "
            "their figures are not in the ledger (add data/lexicon/<language>/, see the README)",
            DossierWarning,
            stacklevel=2,
        )
    claims = pd.DataFrame(claim_rows, columns=list(COLUMNS)).astype(COLUMNS)
    return claims, entities_module.frame(entity_rows) if with_entities else None
