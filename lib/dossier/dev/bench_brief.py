"""The briefing rows of the bench's scale table: briefing time and HTML size of synthetic corpora,
and ``dossier brief`` on the seeds against the floor, papermill + nbconvert of an empty
parameterised notebook with the same engine and kernel settings, measured in the same run.

Brief and floor each run as a fresh process (``python -m dossier brief``; ``python -c`` of
:func:`_floor`), twice, alternately, the faster run of each kept: each pays its own imports,
kernel and export, as a command does, whatever ran before it in the bench. CPU seconds are those
of the bench process and its children: a process's CPU reaches ``RUSAGE_CHILDREN`` once it is
waited for, with that of the children it waited for (the kernel: jupyter_client waits for it).
"""

from __future__ import annotations

import resource
import subprocess
import sys
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
    from nbconvert import HTMLExporter

    from dossier.run import briefing

    source = nbformat.read(str(paths.BRIEFING_NOTEBOOK), as_version=4)
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": source.metadata.get("kernelspec", {})})
    cell = nbformat.v4.new_code_cell('corpus = "seeds"')
    cell.metadata["tags"] = ["parameters"]
    nb.cells.append(cell)
    executed = out / "empty-run.ipynb"
    # the briefing's own execute: the same engine, kernel settings and timeouts
    briefing.execute(nb, executed, {"corpus": str(paths.SEEDS_DIR)}, out)
    body, _ = HTMLExporter().from_notebook_node(nbformat.read(str(executed), as_version=4))
    html = out / "empty.html"
    html.write_text(body, encoding="utf-8")
    return html.stat().st_size


def _fresh_floor(out: Path) -> int:
    """:func:`_floor` in a fresh Python process; return the HTML's size in bytes."""
    out.mkdir(parents=True, exist_ok=True)
    code = "import sys, pathlib\nfrom dossier.dev import bench_brief\n"
    code += "bench_brief._floor(pathlib.Path(sys.argv[1]))"
    subprocess.run([sys.executable, "-c", code, str(out)], check=True, capture_output=True)
    return (out / "empty.html").stat().st_size


def _fresh_brief(corpus: Path, out: Path) -> int:
    """``python -m dossier brief`` of ``corpus`` into ``out``; return the HTML's size in bytes."""
    command = [sys.executable, "-m", "dossier", "brief", "--corpus", str(corpus), "--out", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    return (out / "briefing.html").stat().st_size


def _seeds_against_floor(tmp: Path) -> tuple[tuple, tuple]:
    """((wall, CPU, HTML bytes) of the brief, the same of the floor): the faster of two fresh
    runs of each, run alternately so that both meet the same load on the machine."""
    runs: dict[str, list[tuple]] = {"brief": [], "floor": []}
    for n in (1, 2):
        runs["floor"].append(_timed(_fresh_floor, tmp / f"floor-{n}"))
        runs["brief"].append(_timed(_fresh_brief, paths.SEEDS_DIR, tmp / f"seeds-{n}"))
    return min(runs["brief"], key=lambda r: r[1]), min(runs["floor"], key=lambda r: r[1])


def brief_rows(tmp: Path, sizes: list[int], make_corpus) -> list[tuple]:
    """Briefing rows at each of ``sizes``, then the seeds' briefing, the floor and their ratio."""
    rows = []
    for size in sizes:
        folder = tmp / f"brief-{size}"
        folder.mkdir()
        make_corpus(folder, size)
        out = tmp / f"brief-{size}-out"
        wall, cpu, html = _timed(_brief, folder, out)
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
    (wall, cpu, html), (floor_wall, floor_cpu, floor_html) = _seeds_against_floor(tmp)
    seeds = len(list(paths.SEEDS_DIR.glob("*.txt")))
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
