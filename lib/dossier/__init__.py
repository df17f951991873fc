"""dossier: news articles -> tidy tables -> parameterised briefings exported to offline HTML."""

from dossier.corpus import Corpus, DossierWarning, NoArticlesError, load

__all__ = ["Corpus", "DossierWarning", "NoArticlesError", "load"]
__version__ = "0.1.0"
