"""The category registry: what a claim can count, read from ``data/categories.csv``.

One row a category: its name, the label readers see, its kind (``force``, ``casualty`` or
``rate``), whether its figures add up (waves of reinforcements: listed, summed, never rival
counts), which line of the bottom line shows it and in what order, and what it means. The claims
ledger, reconciliation, the bottom line, the charts and the README's table all read it; the cue
words that give a figure its category are per language, in ``data/lexicon/<language>/``.
Adding a category is a row here, its cues there, and fixtures.
"""

from __future__ import annotations

import csv
from typing import NamedTuple

from dossier import paths

REGISTRY_FILE = paths.DATA_DIR / "categories.csv"
KINDS = ("force", "casualty", "rate")
BLUF_LINES = ("spread", "waves", "check", "rate", "")


class Category(NamedTuple):
    name: str
    label: str
    kind: str
    is_additive: bool
    # the bottom line's line for it: "spread" (the range and who gives it), "waves" (each wave
    # and their sum, then a possible further one), "check" (its arithmetic check), "rate", or ""
    bluf_line: str
    bluf_order: int | None
    description: str


def read(path=REGISTRY_FILE) -> tuple[Category, ...]:
    """Return the categories of ``path`` in file order; raises ValueError on a bad row."""
    found = []
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.DictReader(f), start=2):
            kind, line = row["kind"].strip(), row["bluf_line"].strip()
            additive = row["is_additive"].strip().lower()
            order = row["bluf_order"].strip()
            if kind not in KINDS or line not in BLUF_LINES or additive not in ("true", "false"):
                raise ValueError(f"{path}:{n}: bad kind, bluf_line or is_additive in {row}")
            found.append(
                Category(
                    name=row["category"].strip(),
                    label=row["label"].strip(),
                    kind=kind,
                    is_additive=additive == "true",
                    bluf_line=line,
                    bluf_order=int(order) if order else None,
                    description=row["description"].strip(),
                )
            )
    return tuple(found)


REGISTRY = read()
BY_NAME = {c.name: c for c in REGISTRY}
CATEGORIES = tuple(c.name for c in REGISTRY)
LABELS = {c.name: c.label for c in REGISTRY}
ADDITIVE = frozenset(c.name for c in REGISTRY if c.is_additive)
FORCES = frozenset(c.name for c in REGISTRY if c.kind == "force")
# the bottom line's order: (category, line kind)
BLUF = tuple(
    (c.name, c.bluf_line)
    for c in sorted(REGISTRY, key=lambda c: c.bluf_order or 0)
    if c.bluf_line and c.bluf_order is not None
)


def label(category: str) -> str:
    """The category's name for readers; a category without one reads as itself."""
    return LABELS.get(category, category)


def markdown_table() -> str:
    """The registry as the README's Markdown table."""
    lines = ["| category | label | kind | adds up | meaning |", "|---|---|---|---|---|"]
    for c in REGISTRY:
        additive = "yes" if c.is_additive else "no"
        lines.append(f"| `{c.name}` | {c.label} | {c.kind} | {additive} | {c.description} |")
    return "\n".join(lines)
