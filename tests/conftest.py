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
