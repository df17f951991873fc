"""Command line: ``python -m dossier brief ...``.

Exit status: 0 ok, 1 the briefing failed (reason on stderr, failed notebook kept), 2 bad
arguments. Standard output carries only the path of the HTML written, so a scheduler or a script
can capture it; everything else goes to stderr.
"""

from __future__ import annotations

import argparse
import ast
import json
import logging
import sys
from pathlib import Path
from typing import Any

from dossier import briefing, paths

log = logging.getLogger("dossier")

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m dossier",
        description="Turn news articles into tidy tables and briefings exported to offline HTML.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
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
    )
    brief.add_argument(
        "--corpus",
        default="seeds",
        help="folder, glob or file of articles (relative paths also tried from the project root)",
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
        "--timeout",
        type=float,
        default=briefing.DEFAULT_TIMEOUT,
        help="seconds any one cell may run before the briefing fails",
    )
    brief.add_argument(
        "--notebook", type=Path, default=paths.BRIEFING_NOTEBOOK, help="the notebook to run"
    )
    brief.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: when stderr is a terminal)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    if args.command == "brief":
        return _brief(args)
    parser.error(f"unknown command {args.command}")  # unreachable: argparse checks choices
    return EXIT_USAGE


def _brief(args: argparse.Namespace) -> int:
    corpus = paths.resolve(args.corpus)
    if not any(ch in args.corpus for ch in "*?[") and not corpus.exists():
        return _fail(f"no such corpus: {args.corpus}", EXIT_USAGE)
    if not args.notebook.is_file():
        return _fail(f"no such notebook: {args.notebook}", EXIT_USAGE)
    if any(key == "corpus" for key, _ in args.parameter):
        return _fail("give the corpus with --corpus, not -p corpus", EXIT_USAGE)
    try:
        declared = briefing.notebook_parameters(args.notebook)
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


def _parse_value(text: str, declared: dict[str, Any]) -> Any:
    """A parameter value: text stays text when the notebook's default is text, else JSON (with
    Python's None/True/False accepted), else text."""
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
