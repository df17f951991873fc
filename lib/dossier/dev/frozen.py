"""``python -m dossier.dev.frozen``: freeze (or check) the extractor's outputs.

The claims and entities frames of the seeds, of every fixture batch under ``tests/fixtures/`` and
of a 2,000-article bench corpus (fixed seed) are written as gzipped CSV under
``tests/fixtures/frozen/``. ``tests/integration/test_frozen.py`` recomputes them and compares
text for text: a change of the extractor that moves any value, row or column shows there. Run
with ``--write`` only for a deliberate change, and say why in the commit.
"""

from __future__ import annotations

import argparse
import gzip
import json
import tempfile
import warnings
from pathlib import Path

import pandas as pd

from dossier import paths

FROZEN = paths.ROOT / "tests" / "fixtures" / "frozen"
BENCH_ARTICLES = 2000
BENCH_SEED = 7
FRAMES = ("claims", "entities")


def sets() -> dict[str, Path | None]:
    """The frozen sets by name: a folder of article files, or None for the bench corpus."""
    found: dict[str, Path | None] = {"seeds": paths.ROOT / "seeds"}
    for folder in sorted((paths.ROOT / "tests" / "fixtures").iterdir()):
        if folder.is_dir() and folder.name != "frozen" and any(folder.glob("*.txt")):
            found[folder.name] = folder
    found["bench2000"] = None
    return found


def frames(folder: Path | None) -> dict[str, pd.DataFrame]:
    """Return the claims and entities frames of ``folder`` (None: the bench corpus)."""
    from dossier import load

    with tempfile.TemporaryDirectory(prefix="dossier-frozen-") as tmp:
        if folder is None:
            from dossier.dev import bench

            folder = Path(tmp)
            bench.make_corpus(folder, BENCH_ARTICLES, seed=BENCH_SEED)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the "bad" batch warns by design
            corpus = load(sorted(str(p) for p in folder.glob("*.txt")))
            return {"claims": corpus.claims, "entities": corpus.entities}


def as_text(frame: pd.DataFrame) -> str:
    """The frame as compared: its dtypes on the first line, then its CSV."""
    dtypes = json.dumps({c: str(t) for c, t in frame.dtypes.items()})
    return dtypes + "\n" + frame.to_csv(index=False, lineterminator="\n")


def path(name: str, frame: str) -> Path:
    return FROZEN / f"{name}.{frame}.csv.gz"


def read(name: str, frame: str) -> str:
    return gzip.decompress(path(name, frame).read_bytes()).decode("utf-8")


def write(name: str, found: dict[str, pd.DataFrame]) -> None:
    FROZEN.mkdir(parents=True, exist_ok=True)
    for frame, value in found.items():
        # mtime=0: the same frame gives the same bytes, so an unchanged freeze is no git change
        data = gzip.compress(as_text(value).encode("utf-8"), mtime=0)
        path(name, frame).write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dossier.dev.frozen", description=__doc__)
    parser.add_argument("--write", action="store_true", help="write the frozen files anew")
    args = parser.parse_args(argv)
    differs = 0
    for name, folder in sets().items():
        found = frames(folder)
        if args.write:
            write(name, found)
            print(f"{name}: wrote {', '.join(f'{len(v)} {k}' for k, v in found.items())}")
            continue
        for frame, value in found.items():
            same = path(name, frame).exists() and read(name, frame) == as_text(value)
            differs += not same
            print(f"{name} {frame}: {'same' if same else 'DIFFERS'}")
    return 1 if differs else 0


if __name__ == "__main__":
    raise SystemExit(main())
