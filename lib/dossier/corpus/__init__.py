"""Stage 3, corpus: the :class:`Corpus` value, ``load()`` with its backends, the DuckDB store,
and the grades of outlets and speakers that selections filter by."""
