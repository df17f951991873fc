"""Reading a store into a :class:`Corpus`: articles and claims at once, sentences and entities
when first used.

A store of 100,000 articles holds over a million sentences and as many entities; a briefing
needs the articles and the claims, and the sentences of the few hundred it shows as evidence.
The tables not read yet are :class:`Stored` rows: the store, the table, the articles whose rows
to read and the ingest the store was at when it was loaded. They are read from that store alone,
for those articles alone, and never from a later ingest: when the store has changed since, the
read raises :class:`StoreChanged` (load it again).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dossier.corpus.corpus import Corpus
from dossier.corpus.schema import TABLES, typed
from dossier.corpus.storefile import READ_WAIT, StoreError, connect
from dossier.ingest.reader import PROBLEM_COLUMNS

# the order of a table's rows: articles by file, the others by article (in the articles' order)
# and within one article by these columns (rows alike in all of them keep the store's order)
ORDER = {
    "articles": ["file_name", "article_id"],
    "sentences": ["sentence_no"],
    "claims": ["char_start", "char_end"],
    "entities": ["char_start", "char_end"],
}


class StoreChanged(StoreError):
    """The store was ingested into since the corpus was loaded from it."""


@dataclass(frozen=True)
class Stored:
    """The rows of ``table`` in ``store`` of the articles ``article_ids`` (in corpus order), as
    the store held them at ingest ``ingest_id``; ``every`` when those are all its articles."""

    store: Path
    table: str
    article_ids: tuple[str, ...]
    ingest_id: int
    every: bool = True

    def of(self, article_ids) -> Stored:
        """These rows restricted to the articles of ``article_ids`` (the corpus order kept)."""
        keep = set(article_ids)
        ids = tuple(a for a in self.article_ids if a in keep)
        return replace(
            self, article_ids=ids, every=self.every and len(ids) == len(self.article_ids)
        )

    def read(self) -> pd.DataFrame:
        """Return the rows, typed as the table's columns, in corpus order. Raises
        :class:`StoreChanged` when the store was ingested into since it was loaded."""
        con = _reading(self.store, READ_WAIT)
        try:
            now = last_ingest(con)
            if now != self.ingest_id:
                raise StoreChanged(
                    f"the store {os.fspath(self.store)} changed since it was loaded (ingest "
                    f"{now}, loaded at ingest {self.ingest_id}): load it again"
                )
            rows = read_rows(con, self.table, None if self.every else self.article_ids)
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the store {os.fspath(self.store)}: {exc}") from exc
        finally:
            con.close()
        return in_order(rows, self.table, self.article_ids)


def _reading(store: Path, wait: float | None):
    """A read-only connection to ``store`` that shows no progress bar: DuckDB draws one in a
    notebook for a query that runs over two seconds, and the briefing would hold it or not
    depending on the machine's speed."""
    con = connect(store, read_only=True, wait=wait)
    con.execute("SET enable_progress_bar = false")
    return con


def last_ingest(con) -> int:
    """The id of the store's last ingest (0 before the first)."""
    return int(con.execute("SELECT coalesce(max(ingest_id), 0) FROM ingest_log").fetchall()[0][0])


def read_rows(con, table: str, article_ids=None) -> pd.DataFrame:
    """Return the rows of ``table`` (of the articles ``article_ids`` only, unless None), typed;
    articles in file order, the rows of other tables unordered (see :func:`in_order`). Sorted
    here, not by DuckDB, which moves every text of a row to sort it."""
    columns = ", ".join(f't."{c}"' for c in TABLES[table])
    query = f"SELECT {columns} FROM {table} t"
    if article_ids is not None:
        wanted = pd.DataFrame({"article_id": np.array(list(article_ids), dtype=object)})
        con.register("wanted", wanted)
        query += " SEMI JOIN wanted w ON t.article_id = w.article_id"
    frame = typed(con.execute(query).df(), TABLES[table])
    if table == "articles":
        frame = frame.sort_values(ORDER["articles"], kind="stable").reset_index(drop=True)
    return frame


def in_order(frame: pd.DataFrame, table: str, article_ids) -> pd.DataFrame:
    """``frame`` (rows of ``table``) with its articles in the order of ``article_ids`` (rows of
    other articles last), the rows of one article in :data:`ORDER`; index 0..n-1."""
    rank = pd.Index(article_ids).get_indexer(frame["article_id"])
    rank[rank < 0] = len(article_ids)
    keys = [frame[c].to_numpy() for c in reversed(ORDER[table])]
    return frame.take(np.lexsort([*keys, rank])).reset_index(drop=True)


def load_store(store: Path, wait: float | None = READ_WAIT) -> Corpus:
    """Return the :class:`Corpus` held by ``store``: its articles and claims read now, its
    sentences and entities when first used (:class:`Stored`). Waits up to ``wait`` seconds while
    an ingest writes it; raises :class:`StoreError` for a damaged store."""
    con = _reading(store, wait)
    try:
        try:
            ingest_id = last_ingest(con)
            articles = read_rows(con, "articles")
            claims = read_rows(con, "claims")
            problems = con.execute(
                "SELECT file_name, problem, reason FROM problems ORDER BY file_name"
            ).df()
        except duckdb.Error as exc:
            raise StoreError(f"cannot read the store {os.fspath(store)}: {exc}") from exc
    finally:
        con.close()
    ids = tuple(articles["article_id"].tolist())
    return Corpus(
        articles=articles,
        sentences=Stored(store, "sentences", ids, ingest_id),
        problems=typed(problems, PROBLEM_COLUMNS),
        source=os.fspath(store),
    ).with_extracted(in_order(claims, "claims", ids), Stored(store, "entities", ids, ingest_id))
