"""Totals of quantities that add up: reinforcement waves (2,300, then 1,800: 4,100 in all).

What changed between two briefings speaks of the total and of the new waves, never of a "low"
that fell because a smaller wave arrived.
"""

from __future__ import annotations

import pandas as pd

from dossier.analyse import outlook
from dossier.analyse import revisions as revising
from dossier.extract.categories import ADDITIVE

TOTAL_COLUMNS = [
    "category", "actor", "value_low", "value_high", "wave_count", "is_exact", "waves",
]  # fmt: skip


def totals(figures: pd.DataFrame) -> pd.DataFrame:
    """Return one row per additive category and side (columns :data:`TOTAL_COLUMNS`): the sum
    of its reported waves (``value_low``, ``value_high``), how many, and ``waves`` the list of
    (low, high) pairs in article order, ``is_exact`` when every wave is one exact number (no
    range, bound or vague quantity: the sum is then a number, not an estimate). A wave relayed
    by several sources (same values and period) counts once; possible waves ("may send") and
    revised figures are left out. The bottom line and "what changed" both say this total."""
    if figures.empty:
        return pd.DataFrame(columns=TOTAL_COLUMNS)
    current = revising.latest(figures)
    kind = current["outlook"] if "outlook" in current else outlook.outlooks(current)
    waves = current[current["category"].isin(ADDITIVE) & (kind == outlook.REPORTED)]
    waves = waves.drop_duplicates(["category", "actor", "value_low", "value_high", "period"])
    rows = [
        {
            "category": category,
            "actor": actor if isinstance(actor, str) else None,
            "value_low": float(group["value_low"].sum()),
            "value_high": float(group["value_high"].sum()),
            "wave_count": len(group),
            "is_exact": bool(_exact(group).all()),
            "waves": [
                (float(lo), float(hi))
                for lo, hi in zip(group["value_low"], group["value_high"], strict=True)
            ],
        }
        for (category, actor), group in waves.groupby(
            ["category", "actor"], sort=False, dropna=False
        )
    ]
    return pd.DataFrame(rows, columns=TOTAL_COLUMNS)


def _exact(waves: pd.DataFrame) -> pd.Series:
    """Whether each wave is one exact number: no range, no bound, not a vague quantity."""
    exact = waves["value_low"] == waves["value_high"]
    if "is_vague" in waves:
        exact &= ~waves["is_vague"].fillna(False).astype(bool)
    if "bound" in waves:
        exact &= waves["bound"].fillna("none") == "none"
    return exact
