"""dossier: news articles -> tidy tables -> parameterised briefings exported to offline HTML.

The stages, each a subpackage that imports only those before it (checked by import-linter):
ingest (files -> articles, sentences) < extract (-> claims, entities) < corpus (the Corpus, its
backends and the DuckDB store) < analyse < present < run; ``dev`` holds the developer tools.
"""

from dossier.deferred import defer_iri_grammar

defer_iri_grammar()  # before anything imports jsonschema (Altair does): see dossier.deferred

from dossier.corpus.backends import load  # noqa: E402
from dossier.corpus.corpus import Corpus  # noqa: E402
from dossier.errors import DossierWarning, NoArticlesError  # noqa: E402

__all__ = ["Corpus", "DossierWarning", "NoArticlesError", "load"]
__version__ = "0.1.0"
