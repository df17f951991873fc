"""Scheduled briefings: each run in its own dated folder of an archive, and the latest success.

``DIR/<YYYY-MM-DDTHHMMSS>/`` holds ``briefing.ipynb``, ``briefing.html``, ``run.json``
(parameters, package versions, the articles and claims shown, timings, exit status) and
``run.log``. A run is written in a hidden temporary folder and renamed into place when it ends,
so no folder is ever half-written; earlier runs are never touched. ``DIR/latest.html`` and
``DIR/latest`` (a link to the run folder) are replaced atomically, and only after a success.
"""

from __future__ import annotations

import ast
import contextlib
import json
import logging
import os
import platform
import shlex
import shutil
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from dossier import paths
from dossier.corpus.locking import Lock, lock_file
from dossier.run import briefing

log = logging.getLogger(__name__)

SELECTION = ("outlets", "query", "categories", "min_reliability", "since", "until")
# The record of what the briefing showed, handed back by its kernel after the last cell (see
# dossier.run.engine): made from the notebook's own ``selected`` and ``view``, it is the record
# of what was shown, and the driver does not load and reconcile the corpus a second time. A
# notebook without those names gets the record made here instead (:func:`_record`).
RECORD_EXPRESSION = (
    "__import__('json').dumps(__import__('dossier.analyse.changes', fromlist=['record'])"
    ".record(selected, view), default=str)"
)
PACKAGES = ("dossier", "pandas", "altair", "papermill", "nbconvert", "duckdb", "itables")


@dataclass(frozen=True)
class Run:
    """One archived run: its folder, exit status (0 ok, 1 failed) and error line."""

    folder: Path
    status: int
    error: str | None

    @property
    def html(self) -> Path:
        return self.folder / "briefing.html"


def run(
    corpus: str | list[str],
    archive: Path,
    parameters: dict[str, Any] | None = None,
    notebook: Path = paths.BRIEFING_NOTEBOOK,
    timeout: float = briefing.DEFAULT_TIMEOUT,
    wait: bool = False,
    now: datetime | None = None,
) -> Run:
    """Build a briefing of ``corpus`` (a store, a folder, or a list of files) into a new dated
    folder of ``archive`` and return the :class:`Run`. Raises
    :class:`dossier.corpus.locking.Locked` when another run holds the archive (or its store),
    unless ``wait``."""
    archive.mkdir(parents=True, exist_ok=True)
    store = Path(corpus) if isinstance(corpus, str) else None
    # a briefing only reads the store: it shares the store's lock with other readers and keeps
    # ingests out; the archive is its alone
    locks = [Lock(lock_file(store), wait, shared=True)] if store and store.is_file() else []
    locks.append(Lock(archive / ".lock", wait))
    for lock in locks:
        lock.__enter__()
    try:
        return _run(corpus, archive, dict(parameters or {}), notebook, timeout, now)
    finally:
        for lock in reversed(locks):
            lock.__exit__()


def _run(corpus, archive, parameters, notebook, timeout, now) -> Run:
    _remove_leftovers(archive)
    started = now or datetime.now(UTC)
    stamp = started.strftime("%Y-%m-%dT%H%M%S")
    final = _free(archive / stamp)
    work = archive / f".tmp-{final.name}-{os.getpid()}"
    work.mkdir()
    handler = logging.FileHandler(work / "run.log", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    watched = [logging.getLogger("dossier"), logging.getLogger("papermill")]
    for logger in watched:
        logger.addHandler(handler)
        logger.setLevel(min(logger.level or logging.INFO, logging.INFO))
    previous = archive / "latest" / "run.json"
    parameters = {
        **parameters,
        "corpus": corpus,
        "previous_run": str(previous.resolve()) if previous.is_file() else None,
    }
    status, error, result, record = 0, None, None, None
    clock = time.perf_counter()
    log.info("run %s: corpus %s, previous run %s", final.name, corpus, parameters["previous_run"])
    try:
        handed: dict[str, str | None] = {}
        result = briefing.build(parameters, out_dir=work, name="briefing", notebook=notebook,
                                timeout=timeout, evaluate={"record": RECORD_EXPRESSION},
                                into=handed)  # fmt: skip
        record = handed_back(handed.get("record"))
        if record is None:
            log.info("the notebook handed back no record: loading the corpus again to make it")
            record = _record(corpus, parameters)
    except briefing.BriefingArgumentError:
        _detach(watched, handler)
        shutil.rmtree(work, ignore_errors=True)  # nothing ran: leave no folder behind
        raise
    except Exception as exc:  # the notebook, the export or the record: the run failed
        message = (
            str(exc) if isinstance(exc, briefing.BriefingError) else f"{type(exc).__name__}: {exc}"
        )
        status, error = 1, message.replace(str(work), str(final))
        log.error("briefing failed: %s", error)
    info = {
        "run_id": final.name,
        "started_at": started.isoformat(),
        "finished_at": datetime.now(UTC).isoformat(),
        "exit_status": status,
        "error": error,
        "parameters": parameters,
        "versions": {"python": platform.python_version(), **_versions()},
        "timings": {
            "total_seconds": round(time.perf_counter() - clock, 3),
            "execute_seconds": round(result.execute_seconds, 3) if result else None,
            "export_seconds": round(result.export_seconds, 3) if result else None,
        },
        "record": record,
    }
    (work / "run.json").write_text(json.dumps(info, indent=2, default=str), encoding="utf-8")
    _detach(watched, handler)
    os.rename(work, final)  # the run appears whole, or not at all
    if status == 0:
        _point_latest(archive, final)
    return Run(final, status, error)


def _remove_leftovers(archive: Path) -> None:
    """Remove what runs that were killed left behind: their hidden work folders and half-made
    links. Called holding the archive's lock, so none of them belongs to a live run."""
    for leftover in archive.glob(".tmp-*"):
        log.info("removing %s, left by a run that did not finish", leftover.name)
        shutil.rmtree(leftover, ignore_errors=True)
    for name in (".latest.html.tmp", ".latest.tmp"):
        leftover = archive / name
        if leftover.is_symlink() or leftover.is_file():
            leftover.unlink()


def _detach(loggers: list[logging.Logger], handler: logging.Handler) -> None:
    for logger in loggers:
        logger.removeHandler(handler)
    handler.close()


def handed_back(text: str | None) -> dict | None:
    """The record in ``text``, the kernel's ``text/plain`` of :data:`RECORD_EXPRESSION` (the
    repr of a JSON string); None when there is none or it is not a record."""
    try:
        value = json.loads(ast.literal_eval(text)) if text else None
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None
    return value if isinstance(value, dict) and "claims" in value else None


def _record(corpus: str | list[str], parameters: dict[str, Any]) -> dict:
    from dossier import load
    from dossier.analyse.changes import record

    chosen = load(corpus).select(**{k: parameters.get(k) for k in SELECTION})
    return record(chosen)


def _point_latest(archive: Path, run_folder: Path) -> None:
    """Replace ``latest.html``, the ledger files it links to by name (``briefing.claims.csv``
    and ``.parquet``, beside it) and the ``latest`` link by renames, so a reader never sees
    half of one."""
    # the ledger files come first: a new latest.html never links to a missing or older ledger
    for ledger in sorted(run_folder.glob("briefing.claims.*")):
        _replace_linked(ledger, archive / ledger.name)
    tmp_html = archive / ".latest.html.tmp"
    shutil.copyfile(run_folder / "briefing.html", tmp_html)
    os.replace(tmp_html, archive / "latest.html")
    tmp_link = archive / ".latest.tmp"
    if tmp_link.is_symlink() or tmp_link.exists():
        tmp_link.unlink()
    tmp_link.symlink_to(run_folder.name)
    os.replace(tmp_link, archive / "latest")


def _replace_linked(source: Path, target: Path) -> None:
    """Put ``source`` at ``target`` by a rename: a hard link where the file system allows one
    (a whole ledger can be hundreds of MB), else a copy."""
    tmp = target.with_name(f".{target.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.link(source, tmp)
    except OSError:
        shutil.copyfile(source, tmp)
    os.replace(tmp, target)


def _free(folder: Path) -> Path:
    """``folder``, or ``folder-2``, ``folder-3``... when a run already took that second."""
    candidate, n = folder, 1
    while candidate.exists():
        n += 1
        candidate = folder.with_name(f"{folder.name}-{n}")
    return candidate


def _versions() -> dict[str, str]:
    out = {}
    for name in PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def crontab_line(
    corpus: str, store: Path, archive: Path, at: str = "06:00", root: Path = paths.ROOT
) -> str:
    """Return a crontab line that ingests ``corpus`` into ``store`` then briefs into
    ``archive`` every day at ``at`` (HH:MM, the machine's time zone), both logged to
    ``archive/cron.log`` under a line with the date, and the line's exit status that of the
    first step to fail (brief does not run when ingest failed). Every path is quoted for the
    shell and ``%`` escaped for cron, so no path can split into two words or run as a command."""
    hour, minute = (int(x) for x in at.split(":"))
    python = _quote(root / ".venv" / "bin" / "python")
    store_arg, archive_arg = _quote(store), _quote(archive)
    command = (
        f"cd {_quote(root)} && mkdir -p {archive_arg} && "
        f"{{ date -u && {python} -m dossier ingest {_quote(corpus)} --store {store_arg} && "
        f"{python} -m dossier brief --store {store_arg} --archive {archive_arg}; }} "
        f">> {_quote(archive / 'cron.log')} 2>&1"
    )
    return f"{minute} {hour} * * * {command}"


def _quote(path: str | os.PathLike[str]) -> str:
    """``path`` as one shell word, with cron's ``%`` (a line break to cron) escaped."""
    return shlex.quote(os.fspath(path)).replace("%", "\\%")
