from pathlib import Path

import pytest

import dossier

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"
ROOT = TESTS.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seeds() -> dossier.Corpus:
    return dossier.load(SEEDS)
