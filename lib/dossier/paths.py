"""Every default path of the project, derived from one root.

The root is the checkout that holds ``pyproject.toml`` next to ``lib/`` (the package is installed
editable), or ``$DOSSIER_HOME`` when set, so a notebook run from ``notebooks/`` and a scheduled job
run from anywhere agree on where seeds, data and reports live.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _find_root() -> Path:
    if env := os.environ.get("DOSSIER_HOME"):
        return Path(env).expanduser().resolve()
    candidate = PACKAGE_DIR.parents[1]  # lib/dossier -> repo root
    if (candidate / "pyproject.toml").is_file() and (candidate / "lib").is_dir():
        return candidate
    return Path.cwd().resolve()


ROOT = _find_root()
SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "data"
NOTEBOOKS_DIR = ROOT / "notebooks"
REPORTS_DIR = ROOT / "reports"
TEMPLATES_DIR = PACKAGE_DIR / "present" / "templates"

BRIEFING_NOTEBOOK = NOTEBOOKS_DIR / "briefing.ipynb"
BOILERPLATE_FILE = DATA_DIR / "boilerplate.txt"
FURNITURE_FILE = DATA_DIR / "page_furniture.txt"


def resolve(path: str | os.PathLike[str]) -> Path:
    """Return ``path`` as given when it exists (absolute, or relative to the working directory),
    else relative to the project root.

    Notebooks run with ``notebooks/`` as their working directory, so a parameter such as
    ``corpus = "seeds"`` must still find ``<root>/seeds``.
    """
    p = Path(path).expanduser()
    if p.is_absolute() or p.exists():
        return p
    rooted = ROOT / p
    return rooted if rooted.exists() else p


def display(path: str | os.PathLike[str]) -> str:
    """Return ``path`` relative to the project root when it lies inside it, else as given: what a
    reader of a briefing should see instead of this machine's absolute paths."""
    p = Path(path)
    try:
        return p.resolve().relative_to(ROOT).as_posix() if p.is_absolute() else os.fspath(path)
    except ValueError:
        return os.fspath(path)
