"""The bench's ``--against REV``: load + extract timed with an earlier revision's code and with
the current code, alternately, in child processes, on the same corpus files.

The revision is checked out into a temporary detached ``git worktree`` (removed afterwards, even
on error). Each child runs ``sys.executable`` with ``PYTHONPATH=<code root>/lib`` and
``DOSSIER_HOME=<code root>`` (so it reads its own revision's data files), checks that ``dossier``
was imported from that ``lib``, and uses only ``dossier.load`` and the corpus's ``entities`` and
``claims``: the public API of every revision. It times load + extract alone (not interpreter
start-up, imports, nor a warm-up on the first file) and prints one JSON line: seconds, articles,
claims, peak RSS.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from dossier import paths

ROUNDS = 3
TOLERANCE = 0.05  # "no slower" allows the current code this much more time than REV's
CHILD_TIMEOUT = 3600.0

CHILD = r"""
import json, resource, sys, time
from pathlib import Path

lib = Path(sys.argv[1]).resolve()
import dossier

where = Path(dossier.__file__).resolve()
if lib not in where.parents:
    sys.exit(f"bench child: dossier imported from {where}, not from {lib}")
files = sorted(str(p) for p in Path(sys.argv[2]).glob("*.txt"))
# Warm up on one file: a revision that imports its extractor or compiles its patterns on first
# use pays that here, not in the timing, like one that does it at import.
warm = dossier.load(files[:1])
warm.entities, warm.claims
started = time.perf_counter()
corpus = dossier.load(files)
corpus.entities  # claims and entities in one pass, as every revision computes them
claims = len(corpus.claims)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "articles": len(corpus.articles), "claims": claims,
                  "peak_mib": peak / 1024}))
"""


def _git(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=paths.ROOT, capture_output=True, text=True, check=check
    )


def measure(code_root: Path, folder: Path) -> dict[str, float]:
    """Time load + extract of the ``*.txt`` files in ``folder`` with the code under
    ``code_root/lib``, in a fresh child; return its JSON report."""
    lib = code_root / "lib"
    env = {**os.environ, "PYTHONPATH": str(lib), "DOSSIER_HOME": str(code_root)}
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(lib), str(folder)],
        env=env,
        cwd=code_root,
        capture_output=True,
        text=True,
        timeout=CHILD_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    lines = run.stdout.strip().splitlines()
    if run.returncode != 0 or not lines:
        raise RuntimeError(
            f"bench child for {code_root} failed (exit {run.returncode}):\n{run.stderr.strip()}"
        )
    return json.loads(lines[-1])


def compare(rev: str, folder: Path, rounds: int = ROUNDS) -> dict[str, list[dict[str, float]]]:
    """Check ``rev`` out into a temporary worktree and time it and the current code alternately,
    ``rounds`` times each (REV first); return {label: [reports]} with labels ``rev`` and now."""
    resolved = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False)
    if resolved.returncode != 0:
        raise SystemExit(f"--against: {rev!r} is not a git revision of {paths.ROOT}")
    tree = Path(tempfile.mkdtemp(prefix="dossier-against-"))
    results: dict[str, list[dict[str, float]]] = {rev: [], "now": []}
    try:
        _git("worktree", "add", "--detach", str(tree), resolved.stdout.strip())
        for _ in range(rounds):
            results[rev].append(measure(tree, folder))
            results["now"].append(measure(paths.ROOT, folder))
    finally:
        _git("worktree", "remove", "--force", str(tree), check=False)
        shutil.rmtree(tree, ignore_errors=True)
        _git("worktree", "prune", check=False)
    return results


def print_comparison(rev: str, results: dict[str, list[dict[str, float]]]) -> None:
    """Print the table of both codes, the verdict line and, if any, the claim-count mismatch."""
    header = (
        f"| {'code':<12} | {'rounds':>6} | {'best s':>8} | {'median s':>8} | {'articles/s':>10} "
        f"| {'claims':>7} | {'peak MiB':>8} |"
    )
    print()
    print(f"load + extract (claims and entities), one process: {rev} vs now, run alternately")
    print(header)
    print("|" + "|".join("-" * len(c) for c in header.split("|")[1:-1]) + "|")
    best = {}
    for label in (rev, "now"):
        reports = results[label]
        times = [r["seconds"] for r in reports]
        best[label] = min(times)
        rate = reports[0]["articles"] / best[label]
        peak = max(r["peak_mib"] for r in reports)
        print(
            f"| {label:<12} | {len(reports):>6} | {best[label]:>8.2f} "
            f"| {statistics.median(times):>8.2f} | {rate:>10,.0f} "
            f"| {reports[0]['claims']:>7,} | {peak:>8,.0f} |"
        )
    ratio = best["now"] / best[rev]
    verdict = "no slower" if ratio <= 1 + TOLERANCE else "slower"
    print(
        f"now vs {rev}: {ratio:.2f}x the time (best of {len(results['now'])}): {verdict} "
        f"(tolerance {TOLERANCE:.0%})"
    )
    for key in ("claims", "articles"):
        old, new = results[rev][0][key], results["now"][0][key]
        if old != new:
            print(f"{key} differ: now {new:,}, {rev} {old:,}")
