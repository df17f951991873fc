"""The store's tables: their columns and types, and creating them in a DuckDB connection."""

from __future__ import annotations

import pandas as pd

from dossier.extract import claims as claims_module
from dossier.extract import entities as entities_module
from dossier.ingest import articles as articles_module
from dossier.ingest import language
from dossier.ingest import sentences as sentences_module
from dossier.ingest.reader import PROBLEM_COLUMNS

TABLES = {
    "articles": articles_module.COLUMNS,
    "sentences": sentences_module.COLUMNS,
    "claims": claims_module.COLUMNS,
    "entities": entities_module.COLUMNS,
}
FILES_COLUMNS = {
    "path": "str",
    "file_name": "str",
    "content_sha256": "str",
    "size_bytes": "int64",
    "article_id": "str",
    "status": "str",  # article, problem, duplicate
    "ingest_id": "int64",
}
EVENT_COLUMNS = {
    "ingest_id": "int64",
    "path": "str",
    "event": "str",  # added, changed, problem, duplicate
    "old_article_id": "str",
    "new_article_id": "str",
}
STORE_PROBLEM_COLUMNS = {**PROBLEM_COLUMNS, "path": "str", "ingest_id": "int64"}
LOG_COLUMNS = {
    "ingest_id": "int64",
    "started_at": "datetime64[ns]",
    "finished_at": "datetime64[ns]",
    "sources": "str",
    "files_seen": "int64",
    "files_new": "int64",
    "files_changed": "int64",
    "files_unchanged": "int64",
    "articles_added": "int64",
    "articles_replaced": "int64",
    "problems": "int64",
    "articles_total": "int64",
    "claims_total": "int64",
}
# Test hook: seconds to wait inside the transaction, before COMMIT, so a test can kill the
# process mid-ingest and check the store is unchanged.


_SQL_TYPES = {
    "str": "VARCHAR",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "bool": "BOOLEAN",
    "datetime64[ns]": "TIMESTAMP_NS",
}


def ensure_tables(con) -> None:
    """Create every table of the store that does not exist yet, and add the columns a store
    made by an older version lacks (:func:`_migrate`)."""
    for table, columns in {
        **TABLES,
        "files": FILES_COLUMNS,
        "file_events": EVENT_COLUMNS,
        "problems": STORE_PROBLEM_COLUMNS,
        "ingest_log": LOG_COLUMNS,
    }.items():
        empty = pd.DataFrame({c: pd.Series(dtype=d) for c, d in columns.items()})
        con.register("template", empty)
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} AS SELECT * FROM template LIMIT 0")
        con.unregister("template")
        _migrate(con, table, columns)


def _migrate(con, table: str, columns: dict[str, str]) -> None:
    """Add the columns of ``columns`` that ``table`` lacks. An added ``articles.language`` is
    filled by detecting each stored article's language; their claims stay as extracted until
    the article's file is ingested again."""
    have = {r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()}
    for column, dtype in columns.items():
        if column in have:
            continue
        con.execute(f"ALTER TABLE {table} ADD COLUMN {column} {_SQL_TYPES[dtype]}")
        if (table, column) == ("articles", "language"):
            rows = con.execute("SELECT article_id, text FROM articles").fetchall()
            con.executemany(
                "UPDATE articles SET language = ? WHERE article_id = ?",
                [(language.of_text(text or ""), article_id) for article_id, text in rows],
            )


def insert(con, table: str, rows: list[tuple], columns: dict[str, str]) -> None:
    """Insert ``rows`` (tuples in the order of ``columns``) into ``table``."""
    if not rows:
        return
    frame = pd.DataFrame(rows, columns=list(columns)).astype(columns)
    con.register("incoming", frame)
    con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
    con.unregister("incoming")


def empty(table: str) -> pd.DataFrame:
    """An empty frame of the claims or entities table."""
    columns = {"claims": claims_module.COLUMNS, "entities": entities_module.COLUMNS}[table]
    return pd.DataFrame({c: pd.Series(dtype=d) for c, d in columns.items()})


def typed(frame: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """``frame`` with just ``columns``, in order, of their types."""
    return frame[list(columns)].astype(columns).reset_index(drop=True)
