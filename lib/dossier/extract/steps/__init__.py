"""The extraction steps, in the order :mod:`dossier.extract.pipeline` runs them: candidates,
category, the article-level rules, actor and place, then the row (with hedges and time)."""
