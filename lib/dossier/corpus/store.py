"""The embedded store: one DuckDB file holding the tidy tables, kept up to date by ingests.

``ingest`` reads only files that are new or whose bytes changed (SHA-256 of the content), so
adding one file to a folder of thousands costs about one file. An edited file replaces its old
article (and the event is logged). Each ingest is one transaction: a process killed in the middle
leaves the store exactly as it was.

Tables: ``articles``, ``sentences``, ``claims``, ``entities`` (as :class:`dossier.Corpus`),
``problems`` (the files that could not become articles, with their path), ``files`` (path,
content_sha256, article_id, status), ``file_events`` (what each ingest did to each file) and
``ingest_log`` (one row per ingest: when, which sources, counts).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from dossier.corpus import parquet_parts
from dossier.corpus.locking import Lock, lock_file
from dossier.corpus.parallel import Pool
from dossier.corpus.parquet_parts import Written
from dossier.corpus.partitions import Header, header, ledger
from dossier.corpus.schema import LOG_COLUMNS, empty, typed
from dossier.corpus.stored import load_store  # noqa: F401 (store.load_store: the read path)
from dossier.corpus.storefile import (
    READ_WAIT,
    WRITE_GRACE,
    NotAStore,
    building,
    connect,
    remove_stale_builds,
    verify,
)
from dossier.corpus.transaction import PAUSE_ENV, Transaction  # noqa: F401 (store.PAUSE_ENV)
from dossier.extract import claims as claims_module
from dossier.ingest.files import SourceFile, discover, printable
from dossier.ingest.reader import Tables, read_files
from dossier.ingest.urls import Url

log = logging.getLogger(__name__)

DEFAULT_NAME = "dossier.duckdb"


@dataclass
class IngestReport:
    """What an ingest did: counts, and the ingest_id it logged under."""

    ingest_id: int
    files_seen: int = 0
    files_new: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    articles_added: int = 0
    articles_replaced: int = 0
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    articles_total: int = 0
    claims_total: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"ingest {self.ingest_id}: {self.files_seen} files ({self.files_new} new, "
            f"{self.files_changed} changed, {self.files_unchanged} unchanged); "
            f"{self.articles_added} articles added, {self.articles_replaced} replaced, "
            f"{len(self.problems)} problems; store holds {self.articles_total} articles, "
            f"{self.claims_total} claims ({self.seconds:.1f} s)"
        )


def ingest(
    sources: Iterable[str | os.PathLike[str]],
    store: Path,
    progress: Callable[[int, int], None] | None = None,
    wait: bool = False,
    patterns: str | Iterable[str] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
    extract_progress: Callable[[int, int], None] | None = None,
    parts: str | None = None,
) -> IngestReport:
    """Bring ``store`` up to date with the files of ``sources`` (folders, globs, files) and
    return the :class:`IngestReport`. ``progress(done, total)`` is called as files are hashed,
    ``extract_progress(done, total)`` as the new or changed ones are read and their claims
    extracted; a folder yields its files matching ``patterns`` (``*.txt`` by default).

    ``workers`` local processes read the files (1: this process; below
    :data:`dossier.corpus.parallel.MIN_FILES` files to read, this process whatever the number),
    or the Dask cluster whose scheduler is at ``scheduler`` (``"tcp://HOST:8786"``): see
    :mod:`dossier.corpus.parallel`; with ``parts`` (a folder or fsspec URL they and this
    process share), workers hand their partitions back as Parquet files there, removed once
    written. Either way this process writes the store, in one transaction (with workers, each
    partition as it comes: the store is held for writing while they read); raises
    :class:`dossier.corpus.parallel.SchedulerUnreachable` when the scheduler does not answer.
    Sources may be fsspec URLs (``file://``, ``memory://``, ``s3://`` with s3fs): see
    :mod:`dossier.ingest.urls`.

    One ingest at a time: raises :class:`dossier.corpus.locking.Locked` when another ingest or a
    briefing holds the store's lock file, and :class:`dossier.corpus.storefile.StoreBusy` when a
    reader keeps the store open past a short grace, unless ``wait``. A damaged store raises
    :class:`StoreError` and is left as it is; a new store appears when its first ingest commits.
    """
    started = time.perf_counter()
    started_at = datetime.now(UTC).replace(tzinfo=None)
    sources = [os.fspath(s) for s in sources]
    found = _unique(f for s in sources for f in discover(s, patterns))
    store.parent.mkdir(parents=True, exist_ok=True)
    with Lock(lock_file(store), wait=wait):
        remove_stale_builds(store)
        known, ingest_id = _state(store, wait)
        report = IngestReport(ingest_id=ingest_id, files_seen=len(found))
        # a cluster is reached before the files are hashed; local workers start in the
        # background once there are enough files to read, and stop once the last part is in
        with Pool(workers, scheduler) as pool:
            todo = _todo(found, known, report, progress, pool)
            files = [f for f, _, _ in todo]
            if pool.is_parallel(len(files)):
                # written partition by partition as the workers finish them: the store is held
                # for writing while they read, and no process holds all the frames at once
                with _writing(store, wait) as con, Transaction(con, report, todo, known) as tx:
                    where = parts or _local_parts(store, scheduler)
                    if where is not None and parts is None:  # ours: removed once empty
                        tx.on_end(lambda: parquet_parts.remove_folder(where))
                    problems, article_of_file = _stream(pool, tx, todo, extract_progress, where)
                    tx.commit(problems, article_of_file, sources, started_at)
            else:
                batch, tables = _read(files, ", ".join(sources), extract_progress)
                # The store is opened for writing only now, for the one transaction: readers are
                # kept out for the time it takes to write, not for the time it takes to read.
                with _writing(store, wait) as con, Transaction(con, report, todo, known) as tx:
                    tx.add(tables["articles"]["article_id"].tolist(), tables)
                    names = zip(
                        batch.articles["file_name"], batch.articles["article_id"], strict=True
                    )
                    tx.commit(batch.problems, dict(names), sources, started_at)
    report.seconds = time.perf_counter() - started
    return report


def _todo(found, known, report, progress, pool) -> list[tuple[SourceFile, str, int]]:
    """The files of ``found`` that are new or changed, with their SHA-256 and size, counted in
    ``report``; ``pool`` starts its workers as soon as there are enough of them."""
    todo: list[tuple[SourceFile, str, int]] = []
    for i, f in enumerate(found, start=1):
        try:  # a file that cannot be read is parsed below, and becomes a problem row
            data = f.path.read_bytes() if f.path.is_file() else b""
        except OSError:
            data = b""
        sha = hashlib.sha256(data).hexdigest()
        previous = known.get(printable(f.path))
        if previous and previous[0] == sha:
            report.files_unchanged += 1
        else:
            todo.append((f, sha, len(data)))
            if previous:
                report.files_changed += 1
            else:
                report.files_new += 1
            pool.prepare(len(todo))
        if progress:
            progress(i, len(found))
    return todo


def _stream(
    pool: Pool, tx: Transaction, todo, progress, parts_dir: str | None
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Read the files of ``todo`` on ``pool``'s workers, writing each partition in ``tx`` as it
    comes (as frames, or through Parquet files in ``parts_dir``, removed once the transaction
    ends); return the problems of the files and the article kept from each file, by name."""
    files, hashes = [f for f, _, _ in todo], [sha for _, sha, _ in todo]
    headers: dict[int, Header] = {}
    written: list[str] = []
    tx.on_end(lambda: parquet_parts.remove(written))
    for i, part in pool.parts(files, progress, hashes=hashes, parts_dir=parts_dir):
        if isinstance(part, Written):
            written.extend(part.files.values())
            headers[i] = part.header
            tx.add(part.header.article_ids, part.files, order=i)
        else:
            headers[i] = header(part)
            tx.add(headers[i].article_ids, _frames(part), order=i)
    pool.release()  # the workers stop while the store is written
    ordered = [headers[i] for i in sorted(headers)]
    problems, dropped = ledger(ordered)
    article_of_file = {
        name: article_id
        for part, again in zip(ordered, dropped, strict=True)
        for article_id, name in zip(part.article_ids, part.file_names, strict=True)
        if article_id not in again
    }
    return problems, article_of_file


def _local_parts(store: Path, scheduler: str | None) -> str | None:
    """Where local workers hand their partitions back: a folder beside the store (Parquet read
    by DuckDB costs this process less time and memory than frames sent back through Dask;
    one left by a killed ingest goes with its stale build). None for a cluster."""
    if scheduler is not None:
        return None
    return os.fspath(store.with_name(f".{store.name}.parts-{os.getpid()}"))


def _frames(part) -> dict[str, pd.DataFrame]:
    """The four tables of a partition read by a worker."""
    tables = {"articles": part.articles, "sentences": part.sentences}
    tables["claims"] = empty("claims") if part.claims is None else part.claims
    tables["entities"] = empty("entities") if part.entities is None else part.entities
    return tables


@contextlib.contextmanager
def _writing(store: Path, wait: bool):
    """A connection to ``store`` open for writing; a new store is built beside it and appears
    when the block ends without error."""
    if store.exists():
        con = connect(store, read_only=False, wait=None if wait else WRITE_GRACE)
        try:
            yield con
        finally:
            con.close()
    else:
        with building(store) as con:
            yield con


def _read(files, label: str, progress) -> tuple[Tables, dict[str, pd.DataFrame]]:
    """The files read, and their claims and entities extracted, in this process."""
    batch = read_files(files, label, warn=False)
    claims, entities = (
        claims_module.extract(batch.articles, batch.sentences) if len(batch.articles)
        else (None, None)
    )  # fmt: skip
    if progress and files:
        progress(len(files), len(files))
    tables = {"articles": batch.articles, "sentences": batch.sentences}
    tables["claims"] = empty("claims") if claims is None else claims
    tables["entities"] = empty("entities") if entities is None else entities
    return batch, tables


def _state(store: Path, wait: bool) -> tuple[dict[str, tuple[str, str]], int]:
    """What the store knows before an ingest: path -> (content hash, article id) of every file
    read before, and the next ingest id. Checks the whole store first (see :func:`verify`)."""
    if not store.exists():
        return {}, 1
    con = connect(store, read_only=True, wait=None if wait else WRITE_GRACE)
    try:
        verify(con, store)
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if not {"files", "ingest_log"} <= tables:
            raise NotAStore(f"{os.fspath(store)} is a DuckDB database but not a dossier store")
        known = {
            path: (sha, article_id)
            for path, sha, article_id in con.execute(
                "SELECT path, content_sha256, article_id FROM files"
            ).fetchall()
        }
        next_id = con.execute("SELECT coalesce(max(ingest_id), 0) + 1 FROM ingest_log")
        return known, int(next_id.fetchall()[0][0])
    finally:
        con.close()


def ingest_log(store: Path) -> pd.DataFrame:
    """Return the store's ingest log, one row per ingest (columns of :data:`LOG_COLUMNS`)."""
    con = connect(store, read_only=True, wait=READ_WAIT)
    try:
        return typed(con.execute("SELECT * FROM ingest_log ORDER BY ingest_id").df(), LOG_COLUMNS)
    finally:
        con.close()


def _unique(files: Iterable[SourceFile]) -> list[SourceFile]:
    """Each file once, by resolved path (or URL); a file name two sources share ("a/x.txt",
    "b/x.txt") is replaced by the full path, so names identify files within an ingest."""
    seen, out = set(), []
    folders: dict[Path, str] = {}
    for f in files:
        if isinstance(f.path, Url):
            key, path = f.path.url, f.path
        else:
            key = _resolved(f.path, folders)
            path = Path(key)
        if key not in seen:
            seen.add(key)
            out.append(SourceFile(path, f.file_name, f.problem))
    counts = Counter(f.file_name for f in out)
    return [
        SourceFile(f.path, printable(f.path), f.problem) if counts[f.file_name] > 1 else f
        for f in out
    ]


def _resolved(path: Path, folders: dict[Path, str]) -> str:
    """``str(path.resolve())``, resolving each folder once (``folders`` caches them): the
    real path of a file that is no link is its folder's real path and its name."""
    if path.is_symlink() or path.name in ("", ".", ".."):
        return str(path.resolve())
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = str(path.parent.resolve())
    return os.path.join(folder, path.name)
