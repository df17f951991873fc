"""Figures that moved between two run records: key figures, totals of waves, revisions.

Each row says what changed in plain words: "Killed, Sudan: high 85 -> 150", "Reinforcements
sent, North Korea: total 8,000 (was 5,000), a new wave of 3,000", "Killed, Sudan: Sudan's army
revised 85 -> 150". A record written before totals, outlooks and revisions were recorded is
compared as before: its key figures by low and high.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from dossier.analyse.outlook import REPORTED
from dossier.analyse.ranges import format_range
from dossier.extract.categories import ADDITIVE
from dossier.extract.categories import label as category_label

MOVED_COLUMNS = ["category", "actor", "outlook", "was", "now", "change"]


def moved(before: dict, now: dict) -> pd.DataFrame:
    """Return the rows (columns :data:`MOVED_COLUMNS`) saying how the figures of record ``now``
    moved since record ``before`` (records as :func:`dossier.analyse.changes.record` makes)."""
    has_totals = "totals" in before and "totals" in now
    revised = _new_revisions(before.get("revisions", []), now.get("revisions", []))
    rows = []
    old = {_key(k): k for k in before.get("key_figures", [])}
    for k in now.get("key_figures", []):
        key = _key(k)
        if has_totals and k["category"] in ADDITIVE and key[2] == REPORTED:
            continue  # said as a total below
        row = _key_row(k, old.get(key))
        said = revised.pop(key[:2], []) if key[2] == REPORTED else []
        if said:
            row = row or {**_cells(k), "was": said[0]["was"], "now": said[-1]["now"]}
            row["change"] = f"{_label(k)}: " + "; ".join(
                f"{r['source']} {r['change']}" for r in said
            )
        if row:
            rows.append(row)
    for said in revised.values():  # revisions whose key figure is no longer shown
        r = said[-1]
        rows.append({**_cells(r), "was": r["was"], "now": r["now"],
                     "change": f"{_label(r)}: {r['source']} {r['change']}"})  # fmt: skip
    if has_totals:
        rows += _total_rows(before["totals"], now["totals"])
    return pd.DataFrame(rows, columns=MOVED_COLUMNS)


def _key_row(k: dict, was: dict | None) -> dict | None:
    """The row of a key figure that is new or whose low or high moved, else None."""
    now_text = format_range(k["value_low"], k["value_high"])
    if was is None:
        return {**_cells(k), "was": "", "now": now_text,
                "change": f"{_label(k)}: first figure, {now_text}"}  # fmt: skip
    parts = [
        f"{end} {format_range(was[v], was[v])} -> {format_range(k[v], k[v])}"
        for end, v in (("low", "value_low"), ("high", "value_high"))
        if was[v] != k[v]
    ]
    if not parts:
        return None
    return {**_cells(k), "was": format_range(was["value_low"], was["value_high"]),
            "now": now_text, "change": f"{_label(k)}: {', '.join(parts)}"}  # fmt: skip


def _total_rows(before: list[dict], now: list[dict]) -> list[dict]:
    """ "Reinforcements sent, X: total 8,000 (was 5,000), a new wave of 3,000"."""
    old = {(t["category"], t["actor"]): t for t in before}
    rows = []
    for t in now:
        was = old.get((t["category"], t["actor"]))
        total = _total(t)
        if was is None:
            change = f"{_label(t)}: first figure, total {total}"
            rows.append({**_cells(t), "was": "", "now": total, "change": change})
            continue
        if (was["value_low"], was["value_high"]) == (t["value_low"], t["value_high"]):
            continue
        was_total = _total(was)
        added = Counter(map(tuple, t.get("waves", []))) - Counter(map(tuple, was.get("waves", [])))
        new = [format_range(lo, hi) for (lo, hi) in added.elements()]
        waves = (
            f", a new wave of {new[0]}" if len(new) == 1
            else f", new waves of {', '.join(new[:-1])} and {new[-1]}" if new
            else ""
        )  # fmt: skip
        change = f"{_label(t)}: total {total} (was {was_total}){waves}"
        rows.append({**_cells(t), "was": was_total, "now": total, "change": change})
    return rows


def _total(t: dict) -> str:
    """A total as said: "~8,000" when a wave in it is not one exact number (a record of an
    earlier version has no ``is_exact``: its totals are said as they are)."""
    return ("" if t.get("is_exact", True) else "~") + format_range(t["value_low"], t["value_high"])


def _new_revisions(before: list[dict], now: list[dict]) -> dict[tuple, list[dict]]:
    """The revisions of ``now`` not in ``before``, by (category, actor)."""
    seen = {(r["category"], r["actor"], r["source"], r["change"]) for r in before}
    found: dict[tuple, list[dict]] = {}
    for r in now:
        if (r["category"], r["actor"], r["source"], r["change"]) not in seen:
            found.setdefault((r["category"], r["actor"]), []).append(r)
    return found


def _key(k: dict) -> tuple:
    # records written before outlooks were recorded hold reported and possible figures together
    return k["category"], k["actor"], k.get("outlook") or REPORTED


def _cells(k: dict) -> dict:
    return {"category": k["category"], "actor": k["actor"], "outlook": k.get("outlook", REPORTED)}


def _label(k: dict) -> str:
    possible = " (possible)" if k.get("outlook", REPORTED) != REPORTED else ""
    return category_label(k["category"]) + (f", {k['actor']}" if k["actor"] else "") + possible
