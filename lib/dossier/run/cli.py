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
import importlib.metadata
import json
import logging
import math
import re
import sys
from pathlib import Path
from typing import Any

from dossier import paths
from dossier.corpus.locking import Lock, Locked, lock_file
from dossier.corpus.storefile import is_store_file
from dossier.ingest.files import discover
from dossier.run import briefing, params
from dossier.run.progress import progress_bar, progress_lines

log = logging.getLogger("dossier")

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3
DEFAULT_STORE = paths.DATA_DIR / "dossier.duckdb"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dossier",
        description="Turn news articles into tidy tables and briefings exported to offline HTML.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    parser.add_argument("--version", action="version", version=f"dossier {_version()}")
    # -v also after the command ("dossier brief -v"): a subcommand's flag that leaves the
    # top-level value alone unless given
    verbose = argparse.ArgumentParser(add_help=False)
    verbose.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="log progress"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    brief = commands.add_parser(
        "brief",
        help="run the briefing notebook and export it to HTML",
        description=(
            "Execute notebooks/briefing.ipynb with papermill on a corpus of article files and "
            "export it with nbconvert to one self-contained HTML file (code hidden, no network "
            "request, live-only widget cells dropped). Prints the HTML's path. On failure exits "
            "1 with a one-line reason on stderr and keeps the executed notebook (with its error) "
            "where the HTML would have gone, as NAME.ipynb."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
        parents=[verbose],
    )
    brief.add_argument(
        "--corpus",
        help="folder, glob or file of articles (relative paths also tried from the project "
        "root); seeds when neither --corpus nor --store is given",
    )
    brief.add_argument(
        "--out", type=Path, default=paths.REPORTS_DIR, help="folder for NAME.ipynb and NAME.html"
    )
    brief.add_argument("--name", default="briefing", help="file name (no suffix) of the outputs")
    brief.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("KEY", "VALUE"),
        help="set a notebook parameter (repeatable); VALUE is read as JSON when it parses "
        "(e.g. '[\"example.com\"]', null, 3), else taken as text",
    )
    brief.add_argument(
        "-f",
        "--parameters-file",
        type=Path,
        help="a YAML file of notebook parameters (papermill's -f); -p values override it",
    )
    brief.add_argument(
        "--help-notebook",
        action="store_true",
        help="list the notebook's parameters with their defaults, and exit",
    )
    brief.add_argument(
        "--timeout",
        type=_seconds,
        default=briefing.DEFAULT_TIMEOUT,
        help="seconds any one cell may run before the briefing fails",
    )
    brief.add_argument(
        "--notebook", type=Path, default=paths.BRIEFING_NOTEBOOK, help="the notebook to run"
    )
    brief.add_argument(
        "--store",
        type=Path,
        help="brief from this DuckDB store (written by 'ingest') instead of --corpus",
    )
    brief.add_argument(
        "--archive",
        type=Path,
        help="write the run to ARCHIVE/<YYYY-MM-DDTHHMMSS>/ (briefing.ipynb, briefing.html, "
        "run.json, run.log), compare with the last successful run, and point ARCHIVE/latest.html "
        "and ARCHIVE/latest at it on success",
    )
    brief.add_argument(
        "--wait", action="store_true", help="wait for a running ingest or brief instead of exit 3"
    )
    brief.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )

    ingest = commands.add_parser(
        "ingest",
        help="load article files into the DuckDB store (only new or changed files are read)",
        description=(
            "Bring the store up to date with the article files of PATH (folders, globs, files): "
            "new or changed files (by content hash) are parsed and extracted, unchanged ones "
            "skipped, an edited file replaces its old article. One transaction per ingest: a "
            "killed ingest leaves the store as it was. Prints a one-line summary."
        ),
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
        parents=[verbose],
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="folder, glob or file")
    ingest.add_argument("--store", type=Path, default=DEFAULT_STORE, help="the DuckDB file")
    ingest.add_argument(
        "--wait", action="store_true", help="wait for a running ingest or brief instead of exit 3"
    )

    schedule = commands.add_parser(
        "schedule",
        help="print the crontab line for a daily ingest + briefing",
        description="Print a crontab line that runs ingest then brief --archive every day.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
        parents=[verbose],
    )
    schedule.add_argument(
        "--print", action="store_true", help="print it (what schedule does; kept for scripts)"
    )
    schedule.add_argument("--at", default="06:00", help="HH:MM, the machine's local time")
    schedule.add_argument("--corpus", default="seeds", help="the folder to ingest")
    schedule.add_argument("--store", type=Path, default=DEFAULT_STORE, help="the DuckDB file")
    schedule.add_argument(
        "--archive", type=Path, default=paths.REPORTS_DIR / "archive", help="the archive folder"
    )
    return parser


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
    if any(ch in args.corpus for ch in "*?["):
        try:
            discover(args.corpus)
        except FileNotFoundError as exc:
            return f"no corpus: {exc}"
    elif not paths.resolve(args.corpus).exists():
        return f"no such corpus: {args.corpus}"
    elif args.store is None and not discover(args.corpus):
        return f"no article files in {args.corpus}"
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
        parameters["corpus"] = str(corpus.resolve()) if corpus.exists() else args.corpus
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
            str(corpus.resolve()),
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
    from dossier.corpus.storefile import NotAStore, StoreBusy, StoreError

    missing = [
        p for p in args.paths if not any(ch in p for ch in "*?[") and not paths.resolve(p).exists()
    ]
    if missing:
        return _fail(f"no such file or folder: {', '.join(missing)}", EXIT_USAGE)
    if args.store.exists() and not (args.store.is_file() and is_store_file(args.store)):
        return _fail(f"--store {args.store} is not a DuckDB store", EXIT_USAGE)
    try:
        found = discover([paths.resolve(p) for p in args.paths])
    except FileNotFoundError as exc:
        return _fail(str(exc), EXIT_USAGE)
    if not found:
        return _fail(f"no article files in {', '.join(args.paths)}", EXIT_USAGE)
    progress = progress_bar() if sys.stderr.isatty() else progress_lines()
    try:
        report = store.ingest(
            [paths.resolve(p) for p in args.paths], args.store, progress, wait=args.wait
        )
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
    print(report.summary())
    return EXIT_OK


def _schedule(args: argparse.Namespace) -> int:
    from dossier.run import archive

    if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", args.at):
        return _fail(f"--at takes HH:MM, not {args.at!r}", EXIT_USAGE)
    print(archive.crontab_line(args.corpus, args.store, args.archive, args.at))
    return EXIT_OK


def _version() -> str:
    """The installed package's version (pyproject.toml), or "unknown" in a bare checkout."""
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        return importlib.metadata.version("dossier")
    return "unknown"


def _seconds(text: str) -> float:
    """A positive, finite number of seconds (argparse type)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(
            f"the timeout must be a positive, finite number of seconds, not {text!r}"
        )
    return value


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
