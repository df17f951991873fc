"""The scale table of ``make bench`` (issue 13): ingest into a fresh DuckDB store with 1 worker,
all local workers and a 2-worker ``LocalCluster``; real-text load + claims per core; briefing
time and HTML size; ``dossier brief`` on the seeds against the floor (papermill + nbconvert of an
empty parameterised notebook), measured in the same run. Each value is printed beside the issue's
target where it gives one.

Each ingest and the real-text row run in a fresh child process, so its peak memory is its own:
"driver" is the process writing the store, "worker" the largest worker process (the nannies
and workers of the cluster, once stopped). Below :data:`dossier.corpus.parallel.MIN_FILES`
files, ingest starts no worker: the worker rows lower that threshold for the bench, and say so.
The default sizes (100,000 articles to ingest) take minutes.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import queue
import resource
import tempfile
import time
from pathlib import Path

from dossier import paths
from dossier.dev import bench_brief

SCALE_PARTS = ("ingest", "real", "brief")
INGEST_ARTICLES = 100_000
REAL_ARTICLES = 2_000
BRIEF_ARTICLES = "5000,100000"  # the two sizes
CLUSTER_WORKERS = 2
DEVSET = paths.ROOT / ".devset"
# the targets
INGEST_TARGET_S = 120.0  # 100,000 articles
SCALING_TARGET = 1.8  # speed-up from 1 to 2 workers
PER_CORE_TARGET = 2_000  # real articles/s per core, load + claims


def add_options(parser: argparse.ArgumentParser) -> None:
    """Add the scale table's options to the bench's ``parser``."""
    from dossier.corpus.cores import local_cores

    group = parser.add_argument_group("scale table (issue 13)")
    group.add_argument(
        "--scale",
        default="all",
        help="rows of the scale table: 'all', 'none', or of ingest,real,brief joined by ','",
    )
    group.add_argument(
        "--ingest-articles",
        type=int,
        default=INGEST_ARTICLES,
        help="articles to ingest in each ingest row (the default takes minutes)",
    )
    group.add_argument(
        "--ingest-workers",
        type=int,
        default=local_cores(),
        help="local workers of the 'all local workers' row",
    )
    group.add_argument(
        "--cluster-workers",
        type=int,
        default=CLUSTER_WORKERS,
        help="workers of the LocalCluster row",
    )
    group.add_argument(
        "--real-articles",
        type=int,
        default=REAL_ARTICLES,
        help="files of the real-text row (.devset texts and seeds, varied)",
    )
    group.add_argument(
        "--devset", type=Path, default=DEVSET, help="folder of the real-text dev set's texts"
    )
    group.add_argument(
        "--brief-articles",
        default=BRIEF_ARTICLES,
        help="corpus sizes of the briefing rows, comma-separated (e.g. 5000,100000)",
    )


def parts(value: str) -> list[str]:
    """The scale rows asked for by ``--scale``; raises ValueError for an unknown one."""
    if value == "all":
        return list(SCALE_PARTS)
    if value == "none":
        return []
    chosen = [p.strip() for p in value.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in SCALE_PARTS]
    if unknown:
        raise ValueError(f"unknown scale row(s): {', '.join(unknown)}; choose of ingest,real,brief")
    return chosen


def _peaks() -> tuple[float, float]:
    """(this process's, its largest finished descendant's) peak resident set, in MiB."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return _own_peak(), children / 1024


def _own_peak() -> float:
    """This process's peak resident set in MiB: Linux's VmHWM, which starts afresh at exec
    (ru_maxrss keeps the parent's peak at the fork before it)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextlib.contextmanager
def _threshold(files: int):
    """Workers start for ``files`` files even below parallel.MIN_FILES (restored after)."""
    from dossier.corpus import parallel

    kept = parallel.MIN_FILES
    parallel.MIN_FILES = min(kept, max(1, files))
    try:
        yield
    finally:
        parallel.MIN_FILES = kept


def _ingest(folder: str, store: str, workers: int, cluster: int) -> dict:
    """In a child: ingest ``folder`` into the new ``store`` with ``workers`` local workers or,
    when ``cluster``, through a LocalCluster of that many workers started first (not timed)."""
    from dossier.corpus.store import ingest

    files = sum(1 for _ in Path(folder).glob("*.txt"))
    with contextlib.ExitStack() as stack:
        scheduler = None
        if cluster:
            import dask
            from distributed import LocalCluster

            from dossier.corpus.parallel import LOCAL_CONFIG

            stack.enter_context(dask.config.set(LOCAL_CONFIG))
            scheduler = stack.enter_context(
                LocalCluster(
                    n_workers=cluster,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
            ).scheduler_address
        stack.enter_context(_threshold(files))
        started = time.perf_counter()
        report = ingest([folder], Path(store), workers=workers, scheduler=scheduler)
        seconds = time.perf_counter() - started
    driver, worker = _peaks()
    return {
        "articles": report.articles_total,
        "seconds": seconds,
        "driver": driver,
        "worker": worker,
    }


def _real(files: list[str], warm: list[str], measure) -> dict:
    """In a child: load + claims of ``files`` in this one process, by ``measure`` (the bench's
    ``_run``), after a warm-up on ``warm`` (one copy of every distinct text: the imports, each
    language's vocabulary and the language model are a process's one-off start-up, timed
    apart)."""
    started = time.perf_counter()
    measure(warm, True, 1)
    start_up = time.perf_counter() - started
    r = measure(files, True, 1)
    return {
        "articles": r["articles"],
        "seconds": r["seconds"],
        "driver": _own_peak(),
        "worker": 0.0,
        "claims": r["claims"],
        "start_up": start_up,
    }


def _child(results, func, args) -> None:
    results.put(func(*args))


def _in_child(func, *args) -> dict:
    """``func(*args)`` in a fresh (spawned) process, so its peak memory is its own; raises
    RuntimeError when the child dies without a result (its traceback is on stderr)."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    child = context.Process(target=_child, args=(results, func, args))
    child.start()
    try:
        while True:  # polled, so a child that died is seen instead of waited for for ever
            alive = child.is_alive()  # before the wait: a result put just before exit is read
            with contextlib.suppress(queue.Empty):
                return results.get(timeout=1.0)
            if not alive:
                raise RuntimeError(f"{func.__name__} ended with exit code {child.exitcode}")
    finally:
        child.join()


def ingest_rows(folder: Path, tmp: Path, workers: int, cluster: int) -> list[tuple]:
    """The ingest rows: 1 worker, ``workers`` local workers, a LocalCluster of ``cluster``."""
    runs = [
        ("ingest, 1 worker", 1, 0, 1),
        (f"ingest, {workers} local workers", workers, 0, workers),
        (f"ingest, LocalCluster {cluster}", 1, cluster, cluster),
    ]
    rows, serial = [], None
    for i, (label, local, remote, count) in enumerate(runs):
        r = _in_child(_ingest, str(folder), str(tmp / f"store-{i}.duckdb"), local, remote)
        rate = r["articles"] / r["seconds"]
        serial = serial or rate
        speedup = rate / serial
        worker = f"{r['worker']:,.0f}" if count > 1 else "-"
        rows.append(
            (
                label,
                r["articles"],
                r["seconds"],
                rate,
                f"{speedup:.2f}x, efficiency {speedup / count:.0%}",
                f">= {100_000 / INGEST_TARGET_S:,.0f}/s; >= {SCALING_TARGET}x at 2",
                f"{r['driver']:,.0f} / {worker}",
            )
        )
    return rows


def real_row(tmp: Path, count: int, devset: Path, make_corpus, measure) -> tuple[tuple, str]:
    """The real-text row and a note saying what its corpus is made of."""
    texts = sorted(devset.glob("*.txt")) if devset.is_dir() else []
    dirs = ("seeds", str(devset)) if texts else ("seeds",)
    folder = tmp / "real"
    folder.mkdir()
    make_corpus(folder, count, dirs=dirs)
    made = f"seeds + {len(texts)} dev-set texts" if texts else f"seeds only ({devset}: no texts)"
    warm = [str(p) for d in dirs for p in sorted((paths.ROOT / d).glob("*.txt"))]
    r = _in_child(_real, sorted(str(p) for p in folder.glob("*.txt")), warm, measure)
    rate = r["articles"] / r["seconds"]
    row = (
        "real text, load + claims",
        r["articles"],
        r["seconds"],
        rate,
        f"{rate:,.0f} articles/s/core",
        f">= {PER_CORE_TARGET:,}/core",
        f"{r['driver']:,.0f} / -",
    )
    note = f"real text: {count:,} varied copies of {made}, {r['claims']:,} claims"
    return row, (
        f"{note}, 1 process, timed after a warm-up on the {len(warm)} distinct texts "
        f"(the process's one-off start-up, {r['start_up']:.1f} s: imports, every language's "
        "vocabulary, the language model)"
    )


HEADER = (
    f"| {'scale row':<28} | {'articles':>8} | {'seconds':>7} | {'articles/s':>10} "
    f"| {'result':<32} | {'target':<30} | {'peak MiB driver/worker':<22} |"
)


def print_scale(args: argparse.Namespace, chosen: list[str], make_corpus, measure) -> None:
    """Run the scale rows of ``chosen`` with the sizes of ``args`` and print their table."""
    rows, notes = [], []
    with tempfile.TemporaryDirectory(prefix="dossier-bench-scale-") as name:
        tmp = Path(name)
        if "ingest" in chosen:
            folder = tmp / "ingest"
            folder.mkdir()
            make_corpus(folder, args.ingest_articles)
            rows += ingest_rows(folder, tmp, args.ingest_workers, args.cluster_workers)
            from dossier.corpus.parallel import MIN_FILES

            if args.ingest_articles < MIN_FILES:
                notes.append(
                    f"ingest: {args.ingest_articles:,} files, below parallel.MIN_FILES "
                    f"({MIN_FILES:,}): the bench lowered it so that workers start"
                )
            notes.append(
                "ingest: the LocalCluster is started before the clock, local workers "
                "within it; worker memory is the largest worker or nanny process"
            )
        if "real" in chosen:
            row, note = real_row(tmp, args.real_articles, args.devset, make_corpus, measure)
            rows.append(row)
            notes.append(note)
        if "brief" in chosen:
            sizes = [int(s) for s in str(args.brief_articles).split(",") if s.strip()]
            rows += bench_brief.brief_rows(tmp, sizes, make_corpus)
            notes.append(
                "briefing: wall seconds; CPU of this process and the kernel; the floor "
                "is papermill + nbconvert of one parameters cell, same kernel settings"
            )
    print()
    print("scale (issue 13): each value beside the issue's target")
    print(HEADER)
    print("|" + "|".join("-" * len(c) for c in HEADER.split("|")[1:-1]) + "|")
    for label, articles, seconds, rate, result, target, peak in rows:
        articles = "-" if articles is None else f"{articles:,}"
        seconds = "-" if seconds is None else f"{seconds:.1f}"
        rate = "-" if rate is None else f"{rate:,.0f}"
        print(
            f"| {label:<28} | {articles:>8} | {seconds:>7} | {rate:>10} "
            f"| {result:<32} | {target:<30} | {peak:<22} |"
        )
    for note in notes:
        print(f"note: {note}")
