"""The briefing rows of the bench's scale table: briefing time and HTML size of stores of
synthetic articles (ingested first, not timed),
and ``dossier brief`` on the seeds against the floor, papermill + nbconvert of an empty
parameterised notebook with the same kernel settings, measured in the same run. CPU seconds are
those of the bench process and of the kernel (a child, counted once it has stopped).
"""

from __future__ import annotations

import resource
import time
from pathlib import Path

import nbformat

from dossier import paths

BRIEF_TARGET_S, BRIEF_TARGET_MB = 15.0, 3.0  # briefing of 100,000 articles
FLOOR_TARGET = 1.5  # brief / floor, CPU


def _cpu() -> float:
    """CPU seconds of this process and its finished children so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(func, *args) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process and the kernel, result) of ``func(*args)``."""
    cpu, started = _cpu(), time.perf_counter()
    result = func(*args)
    return time.perf_counter() - started, _cpu() - cpu, result


def _brief(corpus: Path, out: Path) -> int:
    """Build the briefing of ``corpus`` into ``out``; return the HTML's size in bytes."""
    from dossier.run import briefing

    result = briefing.build({"corpus": str(corpus)}, out_dir=out, name="briefing")
    return result.html.stat().st_size


def _floor(out: Path) -> int:
    """papermill + nbconvert of an empty notebook of one parameters cell, with the briefing's
    kernel settings; return the HTML's size in bytes."""
    import papermill
    from nbconvert import HTMLExporter

    from dossier.run import briefing

    source = nbformat.read(str(paths.BRIEFING_NOTEBOOK), as_version=4)
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": source.metadata.get("kernelspec", {})})
    cell = nbformat.v4.new_code_cell('corpus = "seeds"')
    cell.metadata["tags"] = ["parameters"]
    nb.cells.append(cell)
    empty, executed = out / "empty.ipynb", out / "empty-run.ipynb"
    nbformat.write(nb, str(empty))
    papermill.execute_notebook(
        str(empty),
        str(executed),
        parameters={"corpus": str(paths.SEEDS_DIR)},
        cwd=str(out),
        execution_timeout=briefing.DEFAULT_TIMEOUT,
        start_timeout=briefing.START_TIMEOUT,
        progress_bar=False,
        request_save_on_cell_execute=True,
        config=briefing.kernel_config(),
    )
    body, _ = HTMLExporter().from_notebook_node(nbformat.read(str(executed), as_version=4))
    html = out / "empty.html"
    html.write_text(body, encoding="utf-8")
    return html.stat().st_size


def _store(tmp: Path, size: int, make_corpus) -> Path:
    """A store of ``size`` synthetic articles, ingested on every local core (the article files
    are removed after); return its path."""
    import shutil

    from dossier.corpus.parallel import local_cores
    from dossier.corpus.store import ingest

    folder, store = tmp / f"brief-{size}", tmp / f"brief-{size}.duckdb"
    folder.mkdir()
    make_corpus(folder, size)
    ingest([str(folder)], store, workers=local_cores())
    shutil.rmtree(folder)
    return store


def brief_rows(tmp: Path, sizes: list[int], make_corpus) -> list[tuple]:
    """Briefing rows at each of ``sizes``, then the seeds' briefing, the floor and their ratio."""
    rows = []
    for size in sizes:
        store = _store(tmp, size, make_corpus)  # not timed: the row times the briefing alone
        out = tmp / f"brief-{size}-out"
        wall, cpu, html = _timed(_brief, store, out)
        target = f"< {BRIEF_TARGET_S:g} s, < {BRIEF_TARGET_MB:g} MB at 100,000"
        rows.append(
            (
                f"briefing, {size:,} articles",
                size,
                wall,
                size / wall,
                f"HTML {html / 1e6:.2f} MB, CPU {cpu:.1f} s",
                target,
                "-",
            )
        )
    floor_wall, floor_cpu, floor_html = _timed(_floor, tmp)
    seeds = len(list(paths.SEEDS_DIR.glob("*.txt")))
    wall, cpu, html = _timed(_brief, paths.SEEDS_DIR, tmp / "seeds-out")
    rows.append(
        ("brief, seeds", seeds, wall, None, f"HTML {html / 1e6:.2f} MB, CPU {cpu:.1f} s", "-", "-")
    )
    rows.append(
        (
            "floor, empty notebook",
            None,
            floor_wall,
            None,
            f"HTML {floor_html / 1e6:.2f} MB, CPU {floor_cpu:.1f} s",
            "-",
            "-",
        )
    )
    rows.append(
        (
            "brief / floor",
            None,
            None,
            None,
            f"{cpu / floor_cpu:.2f}x CPU, {wall / floor_wall:.2f}x wall",
            f"<= {FLOOR_TARGET}x",
            "-",
        )
    )
    return rows
