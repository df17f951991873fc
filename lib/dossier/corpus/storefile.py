"""Opening the store's DuckDB file safely: waiting out another process's lock, refusing a damaged
or foreign file with a clear message, and creating a new store whole or not at all.

DuckDB lets one process write a file, or several read it, never both: a reader opens it
read-only and retries while an ingest commits; an ingest waits for readers when asked to, and
otherwise gives up after a short grace with :class:`StoreBusy`, which names the lock.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a store is opened: checking a file's header needs none
    import duckdb

log = logging.getLogger(__name__)

READ_WAIT = 30.0  # seconds a reader waits for an ingest to commit
WRITE_GRACE = 30.0  # seconds an ingest waits for readers before giving up (unless asked to wait)
_RETRY = 0.2  # seconds between attempts
_MAGIC = b"DUCK"  # bytes 8-12 of a DuckDB database file


class StoreError(RuntimeError):
    """The store cannot be used; the message says why and what to do."""


class NotAStore(StoreError):
    """The path is not a DuckDB store."""


class StoreBusy(StoreError):
    """Another process holds the store's file lock."""


def is_store_file(path: Path) -> bool:
    """Whether ``path`` is a DuckDB database file (by its header)."""
    try:
        with open(path, "rb") as f:
            return f.read(12)[8:12] == _MAGIC
    except OSError:
        return False


def connect(store: Path, read_only: bool, wait: float | None) -> duckdb.DuckDBPyConnection:
    """Open ``store``, retrying for ``wait`` seconds (None: for as long as it takes) while
    another process holds its lock. Raises :class:`StoreBusy` when the wait runs out,
    :class:`NotAStore` for a file that is no DuckDB database, ``FileNotFoundError`` for a
    reader of a store that does not exist."""
    if read_only and not store.is_file():
        raise FileNotFoundError(f"no such store: {os.fspath(store)!r}")
    if store.exists() and not store.is_file():
        raise NotAStore(f"{os.fspath(store)} is a folder, not a store file")
    if store.is_file() and store.stat().st_size and not is_store_file(store):
        raise NotAStore(f"{os.fspath(store)} is not a DuckDB store")
    import duckdb

    deadline = None if wait is None else time.monotonic() + wait
    told = False
    while True:
        try:
            return duckdb.connect(str(store), read_only=read_only)
        except duckdb.IOException as exc:
            if "lock" not in str(exc).lower():
                raise StoreError(f"cannot open the store {os.fspath(store)}: {exc}") from exc
            if deadline is not None and time.monotonic() >= deadline:
                who = "an ingest is writing it" if read_only else "another process reads it"
                raise StoreBusy(
                    f"the store {os.fspath(store)} is locked ({who}): {_holder(exc)}"
                ) from exc
            if not told:
                log.info("waiting for the lock on %s: %s", store, _holder(exc))
                told = True
            time.sleep(_RETRY)


def verify(con: duckdb.DuckDBPyConnection, store: Path) -> None:
    """Read every column of every table of the open store, so that DuckDB checks the checksum
    of every block; raise :class:`StoreError` naming the store and the table when one fails."""
    import duckdb

    tables = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
    for table in tables:
        try:
            con.execute(f'SELECT sum(hash(COLUMNS(*))) FROM "{table}"').fetchall()
        except duckdb.Error as exc:
            raise StoreError(
                f"the store {os.fspath(store)} is damaged (table {table}: {_first_line(exc)}); "
                "it was left as it is: restore it from a backup, or move it away and ingest "
                "the articles again to rebuild it"
            ) from exc


@contextlib.contextmanager
def building(store: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a new store built under a temporary name beside ``store`` and renamed
    into place when the block ends without error: a build that dies leaves no store."""
    build = store.with_name(f".{store.name}.build-{os.getpid()}")
    _remove(build)
    import duckdb

    con = duckdb.connect(str(build))
    try:
        yield con
        con.close()  # checkpoints: everything is in the file before it is renamed
        os.replace(build, store)
    except BaseException:
        con.close()
        _remove(build)
        raise


def remove_stale_builds(store: Path) -> None:
    """Remove builds of ``store`` left by ingests that were killed. Call it holding the ingest
    lock: then no build can be in progress."""
    for stale in store.parent.glob(f".{store.name}.build-*"):
        log.info("removing %s, left by an ingest that did not finish", stale)
        with contextlib.suppress(OSError):
            stale.unlink()
    for stale in store.parent.glob(f".{store.name}.parts-*"):  # local workers' Parquet parts
        log.info("removing %s, left by an ingest that did not finish", stale)
        shutil.rmtree(stale, ignore_errors=True)


def _remove(build: Path) -> None:
    for path in (build, build.with_name(build.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _holder(exc: BaseException) -> str:
    """The part of DuckDB's lock message that says who holds the lock."""
    text = _first_line(exc)
    start = text.find("Conflicting lock")
    return text[start:].split(". ")[0] if start >= 0 else text


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
