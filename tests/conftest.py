import shutil
from pathlib import Path

import nbformat
import pytest

import dossier

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds() -> dossier.Corpus:
    return dossier.load(SEEDS)


def write_notebook(path: Path, parameters: str, body: str) -> Path:
    """Write a two-cell notebook to ``path``: a tagged parameters cell and ``body``."""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell(body)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)
    return path


def mixed_corpus(folder: Path) -> Path:
    """Write into ``folder`` (made) a corpus of every kind of file a read meets: articles in
    several languages, files that are no article, the same article under two names side by
    side, and a seed again three times at the end (after partitions of a few files, the
    first seed's copies fall in other partitions than the seed, two of them in the same one).
    Return ``folder``."""
    folder.mkdir()
    kinds = ["claims", "claims2", "claims_intl", "bad", "duplicates"]
    sources = sorted(SEEDS.glob("*.txt")) + [
        path for kind in kinds for path in sorted((FIXTURES / kind).glob("*.txt"))
    ]
    for i, path in enumerate(sources):
        shutil.copy(path, folder / f"{i:03d}_{path.name}")
    for copy in ("900_again.txt", "901_again.txt", "902_again.txt"):
        shutil.copy(sources[0], folder / copy)
    return folder


@pytest.fixture
def small_parts(monkeypatch):
    """Workers for any number of files, in partitions of five files (parallel ingest tests)."""
    from dossier.corpus import parallel, partitions

    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    monkeypatch.setattr(partitions, "SMALLEST_PART", 5)
    monkeypatch.setattr(partitions, "LARGEST_PART", 5)
