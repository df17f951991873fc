"""One ingest's changes to the store, written in one transaction: the articles' tables as they
come (all at once from this process, or partition by partition from the workers), then the
files, their events and problems, and the ingest log; committed at the end, or rolled back.

Articles are kept in file order as one process would keep them: an article already in the
store makes its file a ``duplicate``; an article two partitions hold is kept from the earlier
one (its rows from a later partition, if written first, are replaced).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import UTC, datetime

import pandas as pd

from dossier.corpus import parquet_parts
from dossier.corpus.schema import (
    EVENT_COLUMNS,
    FILES_COLUMNS,
    LOG_COLUMNS,
    STORE_PROBLEM_COLUMNS,
    TABLES,
    ensure_tables,
    insert,
)
from dossier.ingest.files import printable

PAUSE_ENV = "DOSSIER_INGEST_PAUSE_BEFORE_COMMIT"


class Transaction:
    """The open transaction of one ingest on ``con`` (a context manager: rolled back when the
    block ends without :meth:`commit`). ``todo`` are the (file, sha256, size) read by this
    ingest, ``known`` what the store knew of each path: (sha256, article id)."""

    def __init__(self, con, report, todo, known):
        self.con, self.report, self.todo, self.known = con, report, todo, known
        self.owner: dict[str, int] = {}  # article id written -> the partition it came from
        self.duplicates: set[str] = set()  # article ids the store already held
        self.done = False
        self._ends: list = []

    def __enter__(self) -> Transaction:
        changed = [printable(f.path) for f, _, _ in self.todo]
        replaced = {self.known[p][1] for p in changed if p in self.known and self.known[p][1]}
        self.con.execute("BEGIN TRANSACTION")
        try:
            ensure_tables(self.con)
            # Articles whose file changed go, unless another file still holds the same article.
            gone = sorted(replaced - _others_holding(self.con, replaced, changed))
            for table in TABLES:
                _delete_ids(self.con, table, gone)
            rows = self.con.execute("SELECT article_id FROM articles").fetchall()
            self.existing = {r[0] for r in rows}
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.report.articles_replaced = len(gone)
        return self

    def __exit__(self, kind, *exc) -> None:
        try:
            if not self.done:
                self.con.execute("ROLLBACK")
        finally:
            for end in reversed(self._ends):  # last registered, first run
                end()

    def on_end(self, call) -> None:
        """Call ``call()`` when the transaction ends, committed or rolled back (the calls in
        the reverse order of their registration)."""
        self._ends.append(call)

    def add(
        self, article_ids: list[str], tables: dict[str, pd.DataFrame | str], order: int = 0
    ) -> None:
        """Write the articles ``article_ids`` of ``tables`` (articles, sentences, claims,
        entities: frames, or the locations of Parquet files) read from partition ``order`` (0:
        the only one), but those the store or an earlier partition holds."""
        new, again = [], []
        for article_id in article_ids:
            earlier = self.owner.get(article_id)
            if article_id in self.existing:
                self.duplicates.add(article_id)
            elif earlier is None:
                new.append(article_id)
                self.owner[article_id] = order
            elif earlier > order:  # written from a later partition: this one's rows win
                again.append(article_id)
                self.owner[article_id] = order
        for table in TABLES:
            _delete_ids(self.con, table, again)
        keep = new + again
        if not keep:
            return
        only = (
            ""
            if len(keep) == len(article_ids)
            else " WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"
        )
        for table, given in tables.items():
            if isinstance(given, str):
                parquet_parts.connect_for(given, self.con)
                relation = parquet_parts.source(given)
            elif len(given):
                self.con.register("incoming", given)
                relation = "incoming"
            else:
                continue
            sql = f"INSERT INTO {table} BY NAME SELECT * FROM {relation}{only}"
            self.con.execute(sql, [keep] if only else None)
            if relation == "incoming":
                self.con.unregister("incoming")

    def commit(self, problems: pd.DataFrame, article_of_file: dict[str, str], sources, started_at):
        """Write the files, their events and ``problems`` (file_name, problem, reason) and the
        ingest log, and commit. ``article_of_file`` maps each file name read to the article
        kept from it."""
        report, ingest_id = self.report, self.report.ingest_id
        files_rows, events, rows = [], [], []
        for f, sha, size in self.todo:
            name, path = f.file_name, printable(f.path)
            article_id = article_of_file.get(name)
            old = self.known.get(path, (None, None))[1]
            if article_id is None:
                status, event = "problem", "problem"
            elif article_id in self.duplicates:
                status, event = "duplicate", "duplicate"
                reason = f"duplicate: article {article_id} is already in the store"
                rows.append((name, "duplicate", reason, path))
            else:
                status, event = "article", "changed" if path in self.known else "added"
            files_rows.append((path, name, sha, size, article_id, status, ingest_id))
            events.append((ingest_id, path, event, old, article_id))
        path_of = {f.file_name: printable(f.path) for f, _, _ in self.todo}
        for row in problems.itertuples(index=False):
            rows.append((row.file_name, row.problem, row.reason, path_of[row.file_name]))
        changed = [printable(f.path) for f, _, _ in self.todo]
        for table in ("files", "problems"):
            self.con.execute(
                f"DELETE FROM {table} WHERE path IN (SELECT unnest(?::VARCHAR[]))", [changed]
            )
        insert(self.con, "files", files_rows, FILES_COLUMNS)
        insert(self.con, "file_events", events, EVENT_COLUMNS)
        insert(self.con, "problems", [(*p, ingest_id) for p in rows], STORE_PROBLEM_COLUMNS)
        report.articles_added = len(self.owner)
        report.problems = [(name, code, reason) for name, code, reason, _ in rows]
        report.articles_total = self._count("articles")
        report.claims_total = self._count("claims")
        log_row = (
            ingest_id, started_at, datetime.now(UTC).replace(tzinfo=None),
            "; ".join(sources), report.files_seen, report.files_new, report.files_changed,
            report.files_unchanged, report.articles_added, report.articles_replaced,
            len(rows), report.articles_total, report.claims_total,
        )  # fmt: skip
        insert(self.con, "ingest_log", [log_row], LOG_COLUMNS)
        pause = float(os.environ.get(PAUSE_ENV, "0") or 0)
        if pause:
            print(f"pausing {pause} s before commit", file=sys.stderr, flush=True)
            time.sleep(pause)
        self.con.execute("COMMIT")
        self.done = True

    def _count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]


def _delete_ids(con, table: str, ids: list[str]) -> None:
    if ids:
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])


def _others_holding(con, ids: set[str], paths: list[str]) -> set[str]:
    if not ids:
        return set()
    rows = con.execute(
        "SELECT article_id FROM files WHERE article_id IN (SELECT unnest(?::VARCHAR[])) "
        "AND path NOT IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(ids), paths],
    ).fetchall()
    return {r[0] for r in rows}
