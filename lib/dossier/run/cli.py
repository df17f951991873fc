"""Command line: ``python -m dossier brief|ingest|schedule ...``.

Exit status: 0 ok, 1 the briefing (or ingest) failed (reason on stderr, failed notebook kept),
2 bad arguments, 3 another run holds the lock (``--wait`` waits instead). Standard output carries
only the path of the HTML written (or the ingest summary), so a scheduler or a script can capture
it; everything else goes to stderr.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import Any

from dossier import paths
from dossier.corpus.locking import Lock, Locked, lock_file
from dossier.corpus.storefile import is_store_file
from dossier.run import briefing, params, sources
from dossier.run.arguments import DEFAULT_STORE, build_parser
from dossier.run.progress import progress_bar, progress_lines

log = logging.getLogger("dossier")

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
__all__ = ["DEFAULT_STORE", "build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.INFO if args.verbose else logging.WARNING
    logging.basicConfig(
        level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    for handler in logging.getLogger().handlers:  # a run's log file may want more than stderr
        handler.setLevel(level)
    if args.command == "brief":
        return _brief(args)
    if args.command == "ingest":
        return _ingest(args)
    if args.command == "schedule":
        return _schedule(args)
    parser.error(f"unknown command {args.command}")  # unreachable: argparse checks choices
    return EXIT_USAGE


def _brief(args: argparse.Namespace) -> int:
    if args.help_notebook:
        try:
            print(params.describe(briefing.declared_parameters(args.notebook)))
        except briefing.BriefingArgumentError as exc:
            return _fail(str(exc), EXIT_USAGE)
        return EXIT_OK
    try:
        args.from_file = params.load_file(args.parameters_file) if args.parameters_file else {}
    except params.ParametersFileError as exc:
        return _fail(str(exc), EXIT_USAGE)
    # a file's values go first, so that -p overrides them and every check sees both
    args.parameter = [(k, v) for k, v in args.from_file.items()] + list(args.parameter)
    if args.store is not None and args.corpus is not None:
        return _fail("give --corpus or --store, not both", EXIT_USAGE)
    if args.store is not None:
        args.corpus = str(args.store)
    args.corpus = args.corpus or "seeds"
    if problem := _brief_arguments_problem(args):
        return _fail(problem, EXIT_USAGE)
    corpus = paths.resolve(args.corpus)
    if args.store is None and (line := args.listing.skipped_line()):
        print(f"dossier: {line}", file=sys.stderr)
    args.corpus_value = sources.notebook_corpus(args.corpus, getattr(args, "listing", None))
    if args.archive is not None:
        return _brief_archived(args, corpus)
    if any(key == "corpus" for key, _ in args.parameter):
        return _fail("give the corpus with --corpus, not -p corpus", EXIT_USAGE)
    # a briefing of the store reads it: ingests are kept out until it ends, other readers not
    store_lock = (
        Lock(lock_file(args.store), wait=args.wait, shared=True)
        if args.store is not None
        else contextlib.nullcontext()
    )
    try:
        with store_lock:
            return _brief_plain(args, corpus)
    except Locked as exc:
        return _fail(f"{exc}; an ingest is writing the store (use --wait)", EXIT_LOCKED)


def _brief_arguments_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the arguments of ``brief``, found before any kernel starts."""
    if args.store is not None and not args.store.is_file():
        return f"no such store: {args.store}"
    if args.store is not None and not is_store_file(args.store):
        return f"{args.store} is not a DuckDB store"
    try:
        args.patterns = sources.chosen_patterns(getattr(args, "pattern", None))
    except ValueError as exc:
        return f"--pattern: {exc}"
    if args.store is not None and hasattr(args, "pattern"):
        return "--pattern chooses the files of --corpus; a store holds what ingest read"
    if not sources.is_glob(args.corpus) and not paths.resolve(args.corpus).exists():
        return f"no such corpus: {args.corpus}"
    if args.store is None:
        args.listing, problem = sources.check([args.corpus], args.patterns)
        if problem or (problem := sources.no_article(args.listing)):
            return problem
    if not args.notebook.is_file():
        return f"no such notebook: {args.notebook}"
    for option, folder in (("--out", args.out), ("--archive", args.archive)):
        if folder is not None and folder.exists() and not folder.is_dir():
            return f"{option} {folder} is a file, not a folder"
    try:
        declared = briefing.declared_parameters(args.notebook)
        if args.archive is None:
            briefing.check_name(args.name)
    except briefing.BriefingArgumentError as exc:
        return str(exc)
    given = {k: _parse_value(v, declared.get(k, {})) for k, v in args.parameter if k != "corpus"}
    return params.problem(given, declared)


def _brief_plain(args: argparse.Namespace, corpus: Path) -> int:
    try:
        declared = briefing.declared_parameters(args.notebook)
        parameters: dict[str, Any] = {
            key: _parse_value(value, declared.get(key, {})) for key, value in args.parameter
        }
        parameters["corpus"] = args.corpus_value
        progress = sys.stderr.isatty() if args.progress is None else args.progress
        result = briefing.build(
            parameters,
            out_dir=args.out,
            name=args.name,
            notebook=args.notebook,
            timeout=args.timeout,
            progress=progress,
        )
    except briefing.BriefingArgumentError as exc:
        return _fail(str(exc), EXIT_USAGE)
    except briefing.BriefingError as exc:
        return _fail(f"briefing failed: {exc}", EXIT_FAILED)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as exc:  # export or file-system trouble: still one line and status 1
        log.debug("briefing failed", exc_info=True)
        return _fail(f"briefing failed: {type(exc).__name__}: {exc}", EXIT_FAILED)
    log.info(
        "executed in %.1f s, exported in %.1f s", result.execute_seconds, result.export_seconds
    )
    print(result.html)
    return EXIT_OK


def _brief_archived(args: argparse.Namespace, corpus: Path) -> int:
    from dossier.run import archive

    if any(key in ("corpus", "previous_run") for key, _ in args.parameter):
        return _fail("corpus and previous_run are set by the archive", EXIT_USAGE)
    try:
        declared = briefing.declared_parameters(args.notebook)
        parameters = {
            key: _parse_value(value, declared.get(key, {})) for key, value in args.parameter
        }
        result = archive.run(
            args.corpus_value,
            args.archive,
            parameters,
            notebook=args.notebook,
            timeout=args.timeout,
            wait=args.wait,
        )
    except Locked as exc:
        return _fail(f"{exc}; another ingest or brief is running (use --wait)", EXIT_LOCKED)
    except briefing.BriefingArgumentError as exc:
        return _fail(str(exc), EXIT_USAGE)
    if result.status:
        return _fail(f"briefing failed: {result.error}", EXIT_FAILED)
    print(result.html)
    return EXIT_OK


def _ingest(args: argparse.Namespace) -> int:
    from dossier.corpus import store
    from dossier.corpus.parallel import SchedulerUnreachable
    from dossier.corpus.storefile import NotAStore, StoreBusy, StoreError

    try:
        patterns = sources.chosen_patterns(getattr(args, "pattern", None))
    except ValueError as exc:
        return _fail(f"--pattern: {exc}", EXIT_USAGE)
    found, problem = sources.check(args.paths, patterns)
    if problem:
        return _fail(problem, EXIT_USAGE)
    if args.store.exists() and not (args.store.is_file() and is_store_file(args.store)):
        return _fail(f"--store {args.store} is not a DuckDB store", EXIT_USAGE)
    if line := found.skipped_line():
        print(f"dossier: {line}", file=sys.stderr)
    tty = sys.stderr.isatty()
    progress = progress_bar() if tty else progress_lines()
    extracting = progress_bar("extracting") if tty else progress_lines("extracted claims of")
    try:
        report = store.ingest(
            [p if sources.is_url(p) else paths.resolve(p) for p in args.paths],
            args.store,
            progress,
            wait=args.wait,
            patterns=patterns,
            workers=args.workers,
            scheduler=args.scheduler,
            extract_progress=extracting,
            parts=args.parts,
        )
    except SchedulerUnreachable as exc:
        return _fail(f"ingest failed, store unchanged: {exc}", EXIT_FAILED)
    except Locked as exc:
        return _fail(f"{exc}; another ingest or brief is running (use --wait)", EXIT_LOCKED)
    except StoreBusy as exc:
        return _fail(f"{exc}; close it, or use --wait", EXIT_LOCKED)
    except (FileNotFoundError, NotAStore) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except StoreError as exc:
        return _fail(f"ingest failed: {exc}", EXIT_FAILED)
    except Exception as exc:  # the store is unchanged: the transaction rolled back
        log.debug("ingest failed", exc_info=True)
        return _fail(f"ingest failed, store unchanged: {type(exc).__name__}: {exc}", EXIT_FAILED)
    finally:
        progress(None, None)
        extracting(None, None)
    print(report.summary())
    return EXIT_OK


def _schedule(args: argparse.Namespace) -> int:
    from dossier.run import archive

    if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", args.at):
        return _fail(f"--at takes HH:MM, not {args.at!r}", EXIT_USAGE)
    # cron runs the line from the project root: every path is made absolute here, from the
    # folder the user typed it in, so that it names the same file there
    glob = sources.is_glob(args.corpus)
    corpus = (
        os.path.abspath(os.path.expanduser(args.corpus))
        if glob
        else str(paths.resolve(args.corpus).absolute())
    )
    store, folder = args.store.expanduser().absolute(), args.archive.expanduser().absolute()
    python = paths.ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        print(f"dossier: note: {python} does not exist yet: run make setup", file=sys.stderr)
    if not glob and not Path(corpus).exists():
        print(f"dossier: note: the corpus {corpus} does not exist yet", file=sys.stderr)
    print(archive.crontab_line(corpus, store, folder, args.at))
    return EXIT_OK


def _parse_value(text: Any, declared: dict[str, Any]) -> Any:
    """A parameter value: text stays text when the notebook's default is text, else JSON (with
    Python's None/True/False accepted), else text. A value from a parameters file is already
    typed and stays as it is."""
    if not isinstance(text, str):
        return text
    try:
        default = ast.literal_eval(declared.get("default", "None"))
    except (ValueError, SyntaxError):
        default = None
    if isinstance(default, str) or declared.get("inferred_type_name") == "str":
        return text
    python_literals = {"None": None, "True": True, "False": False}
    if text in python_literals:
        return python_literals[text]
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def _fail(message: str, status: int) -> int:
    print(f"dossier: {message}", file=sys.stderr)
    return status
