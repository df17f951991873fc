"""The briefing rows of the bench's scale table: briefing time and HTML size of stores of
synthetic articles (ingested first, not timed),
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


# A fresh ``python -c`` around ``{body}`` that, as it ends, writes on the last line of stderr
# its own CPU seconds and those of the children it waited for (the kernel).
_SPLIT = "cpu split:"
_WRAPPED = (
    "import resource, sys\n"
    "try:\n"
    "    {body}\n"
    "finally:\n"
    "    use = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]\n"
    f"    print({_SPLIT!r}, *(u.ru_utime + u.ru_stime for u in use), file=sys.stderr)\n"
)
_FLOOR_BODY = (
    "import pathlib; from dossier.dev import bench_brief as b; b._floor(pathlib.Path(sys.argv[1]))"
)
_BRIEF_BODY = (
    "import runpy; sys.argv[0] = 'dossier'; runpy.run_module('dossier', run_name='__main__')"
)


def _fresh(body: str, *args: str) -> tuple[float, float]:
    """Run ``body`` in a fresh Python process with ``args``; return (its own CPU seconds, its
    children's: the kernel's)."""
    run = subprocess.run([sys.executable, "-c", _WRAPPED.format(body=body), *args],
                         check=True, capture_output=True, text=True)  # fmt: skip
    own, children = run.stderr.strip().splitlines()[-1].removeprefix(_SPLIT).split()
    return float(own), float(children)


def _fresh_floor(out: Path) -> tuple[int, float, float]:
    """:func:`_floor` in a fresh Python process: (HTML bytes, driver CPU, kernel CPU)."""
    out.mkdir(parents=True, exist_ok=True)
    driver, kernel = _fresh(_FLOOR_BODY, str(out))
    return (out / "empty.html").stat().st_size, driver, kernel


def _fresh_brief(corpus: Path, out: Path) -> tuple[int, float, float]:
    """``python -m dossier brief`` of ``corpus`` into ``out`` (a fresh process):
    (HTML bytes, driver CPU, kernel CPU)."""
    driver, kernel = _fresh(_BRIEF_BODY, "brief", "--corpus", str(corpus), "--out", str(out))
    return (out / "briefing.html").stat().st_size, driver, kernel


def _seeds_against_floor(tmp: Path) -> tuple[tuple, tuple]:
    """((wall, CPU, (HTML bytes, driver CPU, kernel CPU)) of the brief, the same of the floor):
    the faster of two fresh runs of each, run alternately so that both meet the same load."""
    runs: dict[str, list[tuple]] = {"brief": [], "floor": []}
    for n in (1, 2):
        runs["floor"].append(_timed(_fresh_floor, tmp / f"floor-{n}"))
        runs["brief"].append(_timed(_fresh_brief, paths.SEEDS_DIR, tmp / f"seeds-{n}"))
    return min(runs["brief"], key=lambda r: r[1]), min(runs["floor"], key=lambda r: r[1])


def _cpu_note(html: int, cpu: float, driver: float, kernel: float) -> str:
    return f"HTML {html / 1e6:.2f} MB, CPU {cpu:.1f} s (driver {driver:.1f}, kernel {kernel:.1f})"


def _store(tmp: Path, size: int, make_corpus) -> Path:
    """A store of ``size`` synthetic articles, ingested on every local core (the article files
    are removed after); return its path."""
    import shutil

    from dossier.corpus.cores import local_cores
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
    (wall, cpu, brief), (floor_wall, floor_cpu, floor) = _seeds_against_floor(tmp)
    seeds = len(list(paths.SEEDS_DIR.glob("*.txt")))
    rows.append(("brief, seeds", seeds, wall, None, _cpu_note(brief[0], cpu, *brief[1:]), "-", "-"))
    rows.append(
        (
            "floor, empty notebook",
            None,
            floor_wall,
            None,
            _cpu_note(floor[0], floor_cpu, *floor[1:]),
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
