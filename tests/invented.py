"""Documents of invented articles for the extractor's unit tests."""

from __future__ import annotations

from collections.abc import Callable

import dossier
from dossier.extract import gazetteer
from dossier.extract.doc import Doc
from dossier.extract.pipeline import claims_of
from dossier.extract.steps.claim import Claim

SPANS = ["section", "paragraph_no", "sentence_no", "char_start", "char_end"]


def doc_maker(tmp_path_factory) -> Callable[[str | tuple[str, ...]], Doc]:
    """Return a function making the Doc of an invented article (its paragraphs under a title),
    read by dossier.load."""
    gaz = gazetteer.load()

    def make(paragraphs: str | tuple[str, ...]) -> Doc:
        paragraphs = (paragraphs,) if isinstance(paragraphs, str) else paragraphs
        folder = tmp_path_factory.mktemp("article")
        parts = ("Field Notes From The Coast", *paragraphs, "Original Source: example.com")
        (folder / "article.txt").write_text("\n\n".join(parts) + "\n", encoding="utf-8")
        corpus = dossier.load(folder)
        [(article_id, text)] = corpus.articles[["article_id", "text"]].itertuples(index=False)
        spans = list(corpus.sentences[SPANS].itertuples(index=False, name=None))
        return Doc.build(article_id, text, spans, gaz)

    return make


def claim_of(doc: Doc, figure: str) -> Claim:
    """The claim (every step applied) of the figure written ``figure``."""
    found = [c for c in claims_of(doc) if doc.text[c.quantity.start : c.quantity.end] == figure]
    assert len(found) == 1, f"{len(found)} claims of {figure!r} in {doc.text!r}"
    return found[0]
