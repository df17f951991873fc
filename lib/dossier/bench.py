"""``python -m dossier.bench``: throughput of the loader and the extractor, printed as a table.

Builds a synthetic corpus (default 10,000 articles) from the seed and fixture articles: each copy
gets its figures scaled, its body paragraphs shuffled and a fresh UUID, so no two are the same
text. Then measures, single process and on every core: load alone, and load + claims extraction.
Peak memory is the largest resident set of the process (or of one worker).
"""

from __future__ import annotations

import argparse
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
from dossier.corpus import load

TEMPLATE_DIRS = ("seeds", "tests/fixtures/claims", "tests/fixtures/headers")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_FIGURE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{2,4}\b")


def make_corpus(folder: Path, count: int, seed: int = 7) -> int:
    """Write ``count`` article files into ``folder``; return their total size in bytes."""
    rng = random.Random(seed)
    templates = [
        p.read_text(encoding="utf-8")
        for d in TEMPLATE_DIRS
        for p in sorted((paths.ROOT / d).glob("*.txt"))
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
    text = _UUID.sub(str(uuid.uuid4()), text)
    factor = rng.uniform(0.5, 2.0)

    def scale(m: re.Match[str]) -> str:
        value = int(m.group(0).replace(",", ""))
        if 1900 <= value <= 2100 and "," not in m.group(0):
            return m.group(0)  # a year
        return f"{max(1, round(value * factor)):,}"

    text = _FIGURE.sub(scale, text)
    reference = f" Ref. {uuid.uuid4().hex}."
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


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dossier.bench", description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="for all cores")
    args = parser.parse_args(argv)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
