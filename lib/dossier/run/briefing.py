"""Running a briefing notebook with papermill and exporting it to offline HTML with nbconvert."""

from __future__ import annotations

import ast
import logging
import math
import os
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import papermill
from jupyter_core.paths import jupyter_runtime_dir
from nbclient.exceptions import CellTimeoutError
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor
from traitlets.config import Config

from dossier import paths
from dossier.run import engine

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 600  # seconds per cell; papermill's own default is to wait forever
START_TIMEOUT = 120  # seconds for the kernel to start
# Cells dropped from the HTML: live ipywidgets (they need a kernel) and the parameter cells.
HTML_DROP_TAGS = frozenset({"live-only", "parameters", "injected-parameters"})
TEMPLATE = "dossier"
# A Unix socket path holds at most 103 bytes on macOS (107 on Linux); the kernel's sockets are
# named <runtime dir>/kernel-<8 hex>-<n>, 18 bytes after the directory (the bound kept is wider).
_IPC_DIR_MAX = 103 - 54


class BriefingError(RuntimeError):
    """The briefing could not be built; the message is one line saying why."""


class BriefingArgumentError(ValueError):
    """The briefing was asked for with arguments it cannot take."""


@dataclass(frozen=True)
class Briefing:
    """A built briefing: the executed notebook, its HTML export, and how long each step took."""

    notebook: Path
    html: Path
    execute_seconds: float
    export_seconds: float


def notebook_parameters(notebook: Path = paths.BRIEFING_NOTEBOOK) -> dict[str, dict[str, Any]]:
    """Return the parameters a notebook declares (papermill's inspection: name -> details)."""
    return papermill.inspect_notebook(str(notebook))


def declared_parameters(notebook: Path) -> dict[str, dict[str, Any]]:
    """:func:`notebook_parameters` of a notebook given as an argument: raises
    :class:`BriefingArgumentError` when it is missing or is no notebook papermill can read."""
    if not Path(notebook).is_file():
        raise BriefingArgumentError(f"no such notebook: {notebook}")
    try:
        return notebook_parameters(notebook)
    except Exception as exc:  # not JSON, not a notebook, an unknown format version
        raise BriefingArgumentError(
            f"{notebook} is not a notebook papermill can read: {type(exc).__name__}: "
            f"{_first_line(str(exc))}"
        ) from exc


def unattended(notebook: Path) -> nbformat.NotebookNode:
    """``notebook`` with its live-only cells tagged ``skip-execution`` (nbclient's tag for a
    cell it does not run): an unattended run never executes a widget cell, which waits for a
    person or hangs until the cell timeout. The cells stay in the executed notebook, to be run
    by whoever opens it in JupyterLab."""
    nb = nbformat.read(str(notebook), as_version=4)
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "live-only" in tags and "skip-execution" not in tags:
            cell.setdefault("metadata", {})["tags"] = [*tags, "skip-execution"]
    return nb


def build(
    parameters: Mapping[str, Any] | None = None,
    out_dir: Path = paths.REPORTS_DIR,
    name: str = "briefing",
    notebook: Path = paths.BRIEFING_NOTEBOOK,
    timeout: float = DEFAULT_TIMEOUT,
    progress: bool = False,
    evaluate: Mapping[str, str] | None = None,
    into: dict | None = None,
) -> Briefing:
    """Execute ``notebook`` with ``parameters`` into ``out_dir/name.ipynb`` and export it to
    ``out_dir/name.html``. Raises :class:`BriefingArgumentError` for parameters the notebook does
    not declare and :class:`BriefingError` when execution fails; the failed notebook is kept at
    ``out_dir/name.ipynb`` for inspection. ``evaluate`` and ``into``: expressions evaluated in
    the kernel after the last cell, their text put in ``into`` (see :mod:`dossier.run.engine`)."""
    parameters = dict(parameters or {})
    check_name(name)
    declared = declared_parameters(notebook)
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise BriefingArgumentError(
            f"unknown parameter(s) {', '.join(unknown)}; {notebook.name} takes "
            + ", ".join(declared)
        )
    if not math.isfinite(timeout) or timeout <= 0:
        raise BriefingArgumentError("the timeout must be a positive, finite number of seconds")
    if out_dir.exists() and not out_dir.is_dir():
        raise BriefingArgumentError(f"the output folder {out_dir} is a file")
    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / f"{name}.ipynb"
    html_path = out_dir / f"{name}.html"
    if "ledger_file" in declared and "ledger_file" not in parameters:  # beside the HTML
        parameters["ledger_file"] = str(out_dir.resolve() / f"{name}.claims")

    started = time.perf_counter()
    log.info("executing %s into %s", notebook, executed)
    try:
        ran = execute(unattended(notebook), executed, parameters, notebook.parent, timeout,
                      progress, evaluate=evaluate, into=into)  # fmt: skip
    except papermill.PapermillExecutionError as exc:
        raise BriefingError(
            f"cell {exc.exec_count} raised {exc.ename}: {_first_line(exc.evalue)} "
            f"(executed notebook kept at {executed})"
        ) from exc
    except CellTimeoutError as exc:  # a TimeoutError too: caught first, to say which timeout
        raise BriefingError(
            f"timed out: a cell ran longer than the {timeout:g} s a cell may run (--timeout) "
            f"(executed notebook kept at {executed})"
        ) from exc
    except TimeoutError as exc:  # the kernel failing to start, or no reply from it
        raise BriefingError(
            f"timed out: {_first_line(str(exc))} (executed notebook kept at {executed})"
        ) from exc
    except Exception as exc:  # a dead kernel, an unreadable notebook: still one clear line
        raise BriefingError(
            f"{type(exc).__name__}: {_first_line(str(exc))} (notebook kept at {executed})"
        ) from exc
    if skipped := _not_run(ran):
        raise BriefingError(
            f"a cell ended the run early (such as sys.exit()): {skipped} cell(s) did not run "
            f"(executed notebook kept at {executed})"
        )
    execute_seconds = time.perf_counter() - started

    started = time.perf_counter()
    export_notebook(ran, html_path, declared)  # the notebook as written, not read back
    return Briefing(executed, html_path, execute_seconds, time.perf_counter() - started)


def execute(
    nb: nbformat.NotebookNode,
    executed: Path,
    parameters: Mapping[str, Any],
    cwd: Path,
    timeout: float = DEFAULT_TIMEOUT,
    progress: bool = False,
    evaluate: Mapping[str, str] | None = None,
    into: dict | None = None,
) -> nbformat.NotebookNode:
    """Run ``nb`` with ``parameters`` in ``cwd`` with the briefing's kernel settings, writing it
    to ``executed`` as it goes, then evaluate ``evaluate`` into ``into``
    (:mod:`dossier.run.engine`); return the executed notebook. papermill's errors pass through."""
    return papermill.execute_notebook(
        nb,
        str(executed),
        parameters=dict(parameters),
        cwd=str(cwd),
        engine_name=engine.engine_name(),
        execution_timeout=timeout,
        start_timeout=START_TIMEOUT,
        progress_bar=progress,
        request_save_on_cell_execute=True,
        config=kernel_config(),
        evaluate=evaluate,
        into=into,
    )


def check_name(name: str) -> None:
    """Raise :class:`BriefingArgumentError` unless ``name`` is a plain file name for the outputs:
    not empty, no folder separator, no control character, not hidden, short enough for a file
    system, so that ``NAME.ipynb`` and ``NAME.html`` land in the output folder and nowhere else."""
    separators = {"/", os.sep, os.altsep} - {None}
    problem = None
    if not name or not name.strip():
        problem = "is empty"
    elif any(sep in name for sep in separators):
        problem = "holds a folder separator: give the folder with --out"
    elif any(ord(c) < 32 or ord(c) == 127 for c in name):
        problem = "holds a control character"
    elif name.startswith("."):
        problem = "starts with '.' (a hidden file, or a way out of the folder)"
    elif len(os.fsencode(f".{name}.ipynb.tmp")) > 255:
        problem = "is too long for a file name"
    if problem:
        raise BriefingArgumentError(f"the name {name!r} {problem}")


def export_html(executed: Path, html_path: Path) -> Path:
    """Export an executed notebook to ``html_path``: code hidden, live-only cells dropped, no
    network request. Written to a temporary file and renamed, so a reader never sees half."""
    nb = nbformat.read(str(executed), as_version=4)
    return export_notebook(nb, html_path, notebook_parameters(executed))


def export_notebook(
    nb: nbformat.NotebookNode, html_path: Path, declared: Mapping[str, Mapping[str, Any]]
) -> Path:
    """:func:`export_html` of an executed notebook in memory, whose parameters as the notebook
    declares them (:func:`notebook_parameters`) are ``declared``: they give the title's default.
    ``nb``'s metadata is changed (title set, widget state dropped)."""
    title = nb.metadata.get("papermill", {}).get("parameters", {}).get("title")
    if title is None:  # not passed: the notebook's own default
        title = _literal(declared.get("title", {}).get("default"))
    if title:
        nb.metadata["title"] = str(title)
    # The widget cells are dropped, so their saved state (which holds their output, article
    # text included) would only be dead weight at the end of the page.
    nb.metadata.pop("widgets", None)
    exporter = HTMLExporter(
        template_name=TEMPLATE,
        extra_template_basedirs=[str(paths.TEMPLATES_DIR)],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.register_preprocessor(
        TagRemovePreprocessor(remove_cell_tags=set(HTML_DROP_TAGS), enabled=True), enabled=True
    )
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": html_path.stem}})
    tmp = html_path.with_name(f".{html_path.name}.tmp")
    tmp.write_text(body, encoding="utf-8")
    os.replace(tmp, html_path)
    return html_path


def kernel_config(runtime_dir: str | None = None) -> Config:
    """The kernel manager's config: Unix sockets in ``runtime_dir`` (Jupyter's runtime folder by
    default) under a name of their own where their paths fit, else loopback TCP.

    Over IPC the kernel's sockets are files only this user can open, and ipykernel no longer
    prints its "running over TCP without encryption" warning into every scheduled run's log.
    """
    config = Config()
    runtime_dir = _runtime_dir() if runtime_dir is None else runtime_dir
    if runtime_dir and os.name == "posix" and len(os.fsencode(runtime_dir)) <= _IPC_DIR_MAX:
        config.KernelManager.transport = "ipc"
        # Without an absolute path of its own, jupyter_client names the sockets "kernel-ipc-N"
        # in the kernel's working folder: they land beside the notebook (and stay there when a
        # kernel is killed), and two runs from one folder would share them.
        config.KernelManager.ip = os.path.join(runtime_dir, f"kernel-{uuid.uuid4().hex[:8]}")
    return config


def _runtime_dir() -> str | None:
    """Jupyter's runtime folder, made (for this user only) when missing; None when it cannot be
    made, and the kernel talks over loopback TCP instead."""
    runtime = jupyter_runtime_dir()
    try:
        Path(runtime).mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return runtime


def _not_run(nb: nbformat.NotebookNode) -> int:
    """How many code cells of the executed ``nb`` should have run and did not. papermill counts
    a cell's ``sys.exit()`` as success and runs nothing after it: the briefing would be exported
    half-made and the run end with status 0."""
    return sum(
        1
        for cell in nb.cells
        if cell.cell_type == "code"
        and cell.source.strip()
        and not {"skip-execution", "live-only"} & set(cell.get("metadata", {}).get("tags", []))
        and cell.get("execution_count") is None
    )


def _literal(source: str | None) -> Any:
    try:
        return ast.literal_eval(source) if source else None
    except (ValueError, SyntaxError):
        return None


def _first_line(text: str | None) -> str:
    lines = [line.strip() for line in (text or "").strip().splitlines() if line.strip()]
    return lines[0] if lines else "(no message)"
