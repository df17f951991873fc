"""dossier: news articles -> tidy tables -> parameterised briefings exported to offline HTML.

The stages, each a subpackage that imports only those before it (checked by import-linter):
ingest (files -> articles, sentences) < extract (-> claims, entities) < corpus (the Corpus, its
backends and the DuckDB store) < analyse < present < run; ``dev`` holds the developer tools.

``load`` and ``Corpus`` are imported when first used (PEP 562): ``python -m dossier brief``
only drives a kernel, and importing them (pandas, DuckDB, the extraction rules) cost its
process about 0.8 s of CPU for nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.deferred import defer_iri_grammar
from dossier.errors import DossierWarning, NoArticlesError

if TYPE_CHECKING:
    from dossier.corpus.backends import load
    from dossier.corpus.corpus import Corpus

defer_iri_grammar()  # before anything imports jsonschema (Altair does): see dossier.deferred

__all__ = ["Corpus", "DossierWarning", "NoArticlesError", "load"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    if name == "load":
        from dossier.corpus.backends import load

        return load
    if name == "Corpus":
        from dossier.corpus.corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'dossier' has no attribute {name!r}")
