"""``python -m dossier.dev.bench``: throughput of the loader and the extractor, printed as tables.

Builds a synthetic corpus (default 10,000 articles) from the seed and fixture articles: each copy
gets its figures scaled, its body paragraphs shuffled and a fresh UUID, so no two are the same
text. Then measures, single process and on every core: load alone, and load + claims extraction.
Peak memory is the largest resident set of the process (or of one worker). A last row, "mixed
languages", loads and extracts a corpus of the same size that also copies the team's articles
in seven other languages (``tests/fixtures/claims_intl``), single process.

A second table times one article of each pathological shape (:mod:`dossier.dev.pathological`) at
0.25, 0.5 and 1 MB: load, then claims and entities, each size in a fresh process that is stopped
after a time limit, so a shape gone quadratic shows as a long time, never as a hung bench.

A third table (:mod:`dossier.dev.bench_scale`) measures issue 13's targets: ingest with 1 and
many workers and a LocalCluster, real-text load + claims, briefings; ``--scale none`` skips it.

``make bench`` passes no option. ``python -m dossier.dev.bench --against <rev>`` (a git revision:
a commit hash, ``HEAD~3``...) also times single-process load + extract of the same corpus with
that revision's code and with the current code, alternately, 3 rounds each, each in a fresh
child (:mod:`dossier.dev.compare`), and says whether the current code is slower than ``<rev>``
(by more than 5 % on the best time).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import re
import resource
import tempfile
import time
import uuid
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from dossier import paths
from dossier.corpus.backends import load
from dossier.dev import bench_scale, compare, pathological

TEMPLATE_DIRS = ("seeds", "tests/fixtures/claims", "tests/fixtures/headers")
# the mixed-language row adds the team's articles in seven other languages
MIXED_TEMPLATE_DIRS = (*TEMPLATE_DIRS, "tests/fixtures/claims_intl")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{2,4}\b")


def make_corpus(folder: Path, count: int, seed: int = 7, dirs=TEMPLATE_DIRS) -> int:
    """Write ``count`` article files into ``folder``, copies of the articles of ``dirs``;
    return their total size in bytes."""
    rng = random.Random(seed)
    templates = [
        p.read_text(encoding="utf-8") for d in dirs for p in sorted((paths.ROOT / d).glob("*.txt"))
    ]
    size = 0
    for i in range(count):
        text = _vary(rng.choice(templates), rng)
        data = text.encode("utf-8")
        (folder / f"{i:06d}.txt").write_bytes(data)
        size += len(data)
    return size


def _vary(text: str, rng: random.Random) -> str:
    """A distinct copy of ``text``: a new UUID, every figure scaled by one random factor, and a
    unique reference sentence at the end of the article text."""
    # UUIDs from the seeded generator: the same seed writes the same corpus, byte for byte
    text = _UUID.sub(str(uuid.UUID(int=rng.getrandbits(128), version=4)), text)
    factor = rng.uniform(0.5, 2.0)

    def scale(m: re.Match[str]) -> str:
        value = int(m.group(0).replace(",", ""))
        if 1900 <= value <= 2100 and "," not in m.group(0):
            return m.group(0)  # a year
        return f"{max(1, round(value * factor)):,}"

    text = _FIGURE.sub(scale, text)
    reference = f" Ref. {rng.getrandbits(128):032x}."
    source = re.search(r"\n+(?:Original )?Source:", text)
    if source:
        return text[: source.start()] + reference + text[source.start() :]
    return text.rstrip() + reference + "\n"


def _measure(files: list[str], extract: bool) -> tuple[int, int, int, int]:
    """Load (and extract) ``files``; return (articles, words, claims, peak RSS in KiB)."""
    corpus = load(files)
    claims = len(corpus.claims) if extract else 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return len(corpus.articles), int(corpus.articles["word_count"].sum()), claims, peak


def _run(files: list[str], extract: bool, workers: int) -> dict[str, float]:
    started = time.perf_counter()
    if workers == 1:
        results = [_measure(files, extract)]
    else:
        chunks = [files[i :: workers * 4] for i in range(workers * 4)]
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(_measure, chunks, [extract] * len(chunks)))
    seconds = time.perf_counter() - started
    articles = sum(r[0] for r in results)
    return {
        "articles": articles,
        "words": sum(r[1] for r in results),
        "claims": sum(r[2] for r in results),
        "seconds": seconds,
        "peak_mib": max(r[3] for r in results) / 1024,
    }


SHAPE_SIZES = (250_000, 500_000, 1_000_000)
SHAPE_LIMIT = 120.0  # seconds one shape at one size may take


def _time_shape(shape: str, size: int, results) -> None:
    """In a child: write one article of ``shape``, load it, extract claims and entities; put
    (load seconds, extract seconds, claims) on ``results``."""
    from dossier.extract import claims

    with tempfile.TemporaryDirectory(prefix="dossier-shape-") as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(pathological.article(shape, size), encoding="utf-8")
        started = time.perf_counter()
        corpus = load(path)
        loaded = time.perf_counter()
        found, _ = claims.extract(corpus.articles, corpus.sentences, with_entities=True)
        results.put((loaded - started, time.perf_counter() - loaded, len(found)))


def shape_rows(shapes: list[str], sizes=SHAPE_SIZES, limit: float = SHAPE_LIMIT):
    """Yield (shape, [(load s, extract s, claims) or None per size]) for each shape."""
    from dossier.extract import claims, gazetteer, numbers

    gazetteer.load(), numbers._pattern(), numbers._starts(), claims.COLUMNS  # warm, then fork
    context = multiprocessing.get_context("fork")
    for shape in shapes:
        timings = []
        for size in sizes:
            results = context.Queue()
            child = context.Process(target=_time_shape, args=(shape, size, results))
            child.start()
            try:
                timings.append(results.get(timeout=limit))
            except Exception:  # queue.Empty: the shape ran out of time (or the child died)
                timings.append(None)
                child.kill()
            child.join()
        yield shape, timings


def print_shapes(shapes: list[str], sizes=SHAPE_SIZES) -> None:
    """Print the pathological-shape table: seconds at each size, seconds per MB at the largest,
    and how time grew from the smallest to the largest (the size ratio when linear)."""
    growth = sizes[-1] / sizes[0]
    header = (
        f"| {'shape':<26} | "
        + " | ".join(f"{s / 1e6:>4.2f} MB s" for s in sizes)
        + f" | {'s/MB':>5} | {'growth':>6} | {'claims/MB':>9} |"
    )
    print()
    print(
        f"pathological shapes: one article each, load + claims + entities; growth from "
        f"{sizes[0] / 1e6:.2f} to {sizes[-1] / 1e6:.2f} MB is {growth:.1f} when linear"
    )
    print(header)
    print("|" + "|".join("-" * len(c) for c in header.split("|")[1:-1]) + "|")
    for shape, timings in shape_rows(shapes, sizes):
        totals = [None if t is None else t[0] + t[1] for t in timings]
        cells = [f"{'>' + format(SHAPE_LIMIT, '.0f') if t is None else format(t, '.2f'):>9}"
                 for t in totals]  # fmt: skip
        last, first = totals[-1], totals[0]
        per_mb = f"{last / (sizes[-1] / 1e6):5.2f}" if last is not None else "    -"
        grew = f"{last / first:6.1f}" if last is not None and first else "     -"
        claims = timings[-1][2] / (sizes[-1] / 1e6) if timings[-1] is not None else 0
        print(f"| {shape:<26} | " + " | ".join(cells) + f" | {per_mb} | {grew} | {claims:>9,.0f} |")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dossier.dev.bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="for all cores")
    parser.add_argument(
        "--shapes",
        default="all",
        help="pathological shapes to time: 'all', 'none', or names joined by '/'",
    )
    parser.add_argument(
        "--shape-sizes",
        default=",".join(str(s) for s in SHAPE_SIZES),
        help="sizes in bytes, comma-separated, smallest first",
    )
    parser.add_argument(
        "--against",
        metavar="REV",
        help="a git revision: also time load + extract with its code and say if now is slower",
    )
    bench_scale.add_options(parser)
    args = parser.parse_args(argv)
    try:
        scale = bench_scale.parts(args.scale)
    except ValueError as exc:
        parser.error(str(exc))
    with tempfile.TemporaryDirectory(prefix="dossier-bench-") as tmp:
        folder = Path(tmp)
        size = make_corpus(folder, args.articles)
        files = sorted(str(p) for p in folder.glob("*.txt"))
        print(
            f"corpus: {len(files):,} synthetic articles, {size / 1e6:.1f} MB; machine: "
            f"{_cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        rows = []
        for label, extract in (("load", False), ("load + extract", True)):
            for workers in (1, args.workers):
                r = _run(files, extract, workers)
                rows.append((label, workers, r))
        with tempfile.TemporaryDirectory(prefix="dossier-bench-mixed-") as mixed_tmp:
            mixed = Path(mixed_tmp)
            make_corpus(mixed, args.articles, dirs=MIXED_TEMPLATE_DIRS)
            mixed_files = sorted(str(p) for p in mixed.glob("*.txt"))
            rows.append(("mixed languages", 1, _run(mixed_files, True, 1)))
        header = (
            f"| {'stage':<15} | {'processes':>9} | {'articles/s':>10} | {'articles/s/core':>15} "
            f"| {'words/s':>10} | {'claims':>7} | {'peak MiB':>8} |"
        )
        print(header)
        print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
        for label, workers, r in rows:
            rate = r["articles"] / r["seconds"]
            words = r["words"] / r["seconds"]
            print(
                f"| {label:<15} | {workers:>9} | {rate:>10,.0f} | {rate / workers:>15,.0f} "
                f"| {words:>10,.0f} | {r['claims']:>7,} | {r['peak_mib']:>8,.0f} |"
            )
        if args.against:
            compare.print_comparison(args.against, compare.compare(args.against, folder))
    if args.shapes != "none":
        shapes = list(pathological.SHAPES) if args.shapes == "all" else args.shapes.split("/")
        unknown = [s for s in shapes if s not in pathological.SHAPES]
        if unknown:
            parser.error(f"unknown shape(s): {', '.join(unknown)}")
        print_shapes(shapes, tuple(int(s) for s in args.shape_sizes.split(",")))
    if scale:
        bench_scale.print_scale(args, scale, make_corpus, _run)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
