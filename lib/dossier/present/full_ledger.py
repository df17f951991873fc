"""The whole claims ledger beside the briefing: a CSV and a Parquet file, and the line of the
HTML that links them.

The HTML shows the most recent claims (:data:`caps.LEDGER_ROWS`); ``dossier brief`` writes every
claim to ``NAME.claims.csv`` and ``NAME.claims.parquet`` beside ``NAME.html`` and the page links
them by a relative link, so they open wherever the folder is copied. Both files are written by
DuckDB: plain numbers (no thousands separator), UTF-8, one row per claim, most recent first.
"""

from __future__ import annotations

import html
import os
import urllib.parse
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from dossier.extract.claims import LEDGER_COLUMNS

SUFFIXES = (".csv", ".parquet")
COLUMNS = [
    "claim_id", "article_id", "published_date", "title", "sentence_no",
    *[c for c in LEDGER_COLUMNS if c != "claim_id"],
]  # fmt: skip


def most_recent(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return ``claims`` most recent first: by their article's published date, undated last,
    the corpus order kept among claims of one date (all of them without dates)."""
    if "published_date" not in articles or claims.empty:
        return claims
    published = pd.to_datetime(articles["published_date"]).to_numpy(dtype="datetime64[ns]")
    if np.isnat(published).all():  # nothing to order by: the corpus order
        return claims
    at = pd.Index(articles["article_id"]).get_indexer(claims["article_id"])
    # newest first as the smallest key, undated (and claims of no known article) last; a
    # stable sort keeps the corpus order among equal keys
    stamp = published[at]  # at -1 (no known article) reads the last one: not dated below
    dated = (at >= 0) & ~np.isnat(stamp)
    key = np.full(len(at), np.iinfo("int64").max)
    key[dated] = -stamp[dated].astype("int64")
    return claims.take(np.argsort(key, kind="stable"))


def ledger_frame(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return every claim as the ledger files hold it (columns :data:`COLUMNS`), most recent
    first; values that are all whole numbers as integers."""
    meta = articles[["article_id", "published_date", "title", "outlet"]].assign(
        language=articles.get("language", "en")
    )
    frame = most_recent(claims, articles).merge(meta, on="article_id", how="left")
    frame = frame[COLUMNS].reset_index(drop=True)
    for column in ("value_low", "value_high"):
        values = frame[column]
        if values.notna().all() and (values % 1 == 0).all():
            frame[column] = values.astype("int64")
    frame["published_date"] = pd.to_datetime(frame["published_date"])
    return frame


def paths_of(stem: str | os.PathLike) -> list[Path]:
    """Return the ledger files of ``stem``: ``STEM.csv`` and ``STEM.parquet``."""
    return [Path(f"{os.fspath(stem)}{suffix}") for suffix in SUFFIXES]


def write(corpus, stem: str | os.PathLike) -> list[Path]:
    """Write every claim of ``corpus`` to ``STEM.csv`` and ``STEM.parquet`` (each written to a
    temporary file and renamed: a reader never sees half of one); return their paths."""
    frame = ledger_frame(corpus.claims, corpus.articles)
    written = []
    for path, options in zip(paths_of(stem), ("FORMAT csv, HEADER", "FORMAT parquet"), strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp")
        target = str(tmp).replace("'", "''")
        with duckdb.connect() as con:
            con.execute("SET enable_progress_bar = false")  # no widget in a slow run's page
            con.register("ledger", frame)
            con.execute(f"COPY (SELECT * FROM ledger) TO '{target}' ({options})")
        os.replace(tmp, path)
        written.append(path)
    return written


def note_html(shown: int, total: int, stem: str | os.PathLike | None) -> str:
    """Return the line above the ledger table: how many of the claims it shows, when not all,
    and links to the ledger files of ``stem`` (relative: by their names alone) when written,
    else how to write them; "" when the table shows every claim and no file was written."""
    cut = f"Showing the {shown:,} most recent of {total:,} claims" if shown < total else ""
    if stem is None:
        if not cut:
            return ""
        how = 'dossier.present.full_ledger.write(selected, "claims") writes them all'
        return f'<p class="dossier-note">{html.escape(cut)}; {html.escape(how)}.</p>'
    csv, parquet = (p.name for p in paths_of(stem))
    links = f"{_link(csv)} / {_link(parquet, '.parquet')} beside this file"
    if cut:
        return f'<p class="dossier-note">{html.escape(cut)}; the whole ledger is in {links}.</p>'
    return f'<p class="dossier-files">The whole ledger is also in {links}.</p>'


def _link(name: str, label: str | None = None) -> str:
    href = urllib.parse.quote(name)
    return f'<a href="{html.escape(href)}">{html.escape(label or name)}</a>'
