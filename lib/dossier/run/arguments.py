"""The command line's arguments: ``python -m dossier brief|ingest|schedule`` and their options."""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import math
from pathlib import Path

from dossier import paths
from dossier.corpus.cores import MIN_FILES, local_cores
from dossier.ingest.files import DEFAULT_PATTERNS
from dossier.run import briefing

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
    verbose.add_argument("--version", action="version", version=f"dossier {_version()}")
    # which files a folder yields, for the commands that read folders
    pattern = argparse.ArgumentParser(add_help=False)
    pattern.add_argument(
        "--pattern",
        action="append",
        default=argparse.SUPPRESS,
        metavar="GLOB",
        help=f"the files a folder yields (default: {','.join(DEFAULT_PATTERNS)}); repeatable, or "
        "a comma list ('*.txt,*.md'); a file named, or matched by a glob, is read whatever its "
        "name",
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
        parents=[verbose, pattern],
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
        parents=[verbose, pattern],
    )
    ingest.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="folder, glob or file; or an fsspec URL of one (file:///abs/folder, "
        "s3://bucket/prefix/*.txt with s3fs installed)",
    )
    ingest.add_argument("--store", type=Path, default=DEFAULT_STORE, help="the DuckDB file")
    ingest.add_argument(
        "--wait", action="store_true", help="wait for a running ingest or brief instead of exit 3"
    )
    ingest.add_argument(
        "--workers",
        type=_workers,
        default=local_cores(),
        metavar="N",
        help="local worker processes that read the files and extract their claims (1: this "
        f"process alone; fewer than {MIN_FILES:,} files to read are read in this process); "
        "this process writes the store, in one transaction (default: every core this process "
        "may use, %(default)s here)",
    )
    ingest.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786) instead "
        "of local workers (--workers is then ignored); every worker must have dossier "
        "installed and see the article files at the same paths",
    )
    ingest.add_argument(
        "--parts",
        metavar="DIR",
        help="workers hand their partitions back as Parquet files in DIR (a folder or fsspec "
        "URL every worker and this process can write and read) instead of through the "
        "scheduler; removed once written (no effect when the files are read in this process)",
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


def _version() -> str:
    """The installed package's version (pyproject.toml), or "unknown" in a bare checkout."""
    with contextlib.suppress(importlib.metadata.PackageNotFoundError):
        return importlib.metadata.version("dossier")
    return "unknown"


def _workers(text: str) -> int:
    """A whole number of worker processes, 1 or more (argparse type)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"give 1 or more worker processes, not {text!r}")
    return value


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
