"""Arithmetic checks across sources: killed + wounded against casualties, returned <= wounded.

Which checks hold is decided on whole columns at once; only the rows kept (at most
:data:`MAX_CHECKS`) are written out as sentences, so a corpus of many reports costs one merge,
not one scan of the casualties per pair.
"""

from __future__ import annotations

import pandas as pd

from dossier.analyse import outlook
from dossier.analyse import revisions as revising
from dossier.analyse.ranges import TOLERANCE, format_range

MAX_CHECKS = 200  # rows of arithmetic checks kept (inconsistent ones first)
MAX_AGAINST = 5  # casualties sources one sum is compared with, most reliable first
COLUMNS = ["kind", "actor", "parts", "total", "against", "is_consistent", "statement"]
REPORT = ["actor", "source", "article_id", "period"]
_NO_MATCH = "\x00no match"  # a key no casualties figure has: a side that is NaN matched none
_AGAINST = ["value_low", "value_high", "is_approximate", "source_label", "figure_id"]


def checks(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the arithmetic checks across sources, one row per check: kind, actor, parts (the
    figures combined), total, against (the figure compared), is_consistent, statement,
    figure_ids. Inconsistent checks first; at most :data:`MAX_CHECKS` rows.

    - ``killed + wounded = casualties``: the killed and wounded figures one source gives in one
      article for one side and period, summed, against the casualties figure of each source for
      that side and period (up to :data:`MAX_AGAINST`, most reliable first), agreeing within
      10 % when either side is approximate.
    - ``returned <= wounded``: soldiers returned to duty cannot outnumber the wounded of the
      same report.

    Figures a source later revised and possible figures are left out."""
    # a figure its source revised, or one only possible, is not a report to check
    figures = revising.latest(figures, [*REPORT, "category", "reliability", "outlook", *_AGAINST])
    if "outlook" in figures:
        figures = figures[figures["outlook"] != outlook.POSSIBLE]
    if figures.empty:
        return pd.DataFrame([], columns=[*COLUMNS, "figure_ids"])
    first = figures.drop_duplicates([*REPORT, "category"])  # one figure per report and category
    by_category = {c: g for c, g in first.groupby("category", sort=False)}
    none = first.iloc[0:0]
    wounded = by_category.get("wounded", none)
    pairs = by_category.get("killed", none).merge(wounded, on=REPORT, suffixes=("_k", "_w"))
    casualties = by_category.get("casualties", none).sort_values("reliability")
    against = casualties.drop_duplicates(["actor", "period", "source"])
    against = against.groupby(["actor", "period"], sort=False, dropna=False).head(MAX_AGAINST)
    sums = sum_checks(pairs, against)
    returned = by_category.get("returned_to_duty", none)
    returned = returned.merge(wounded, on=REPORT, suffixes=("", "_w")).reset_index(drop=True)
    returned["is_consistent"] = returned["value_low"] <= returned["value_high_w"]
    # every sum check, then every returned check; inconsistent first, in that order
    order = pd.concat(
        [
            pd.DataFrame({"kind": 0, "row": range(len(sums)), "ok": sums["is_consistent"]}),
            pd.DataFrame({"kind": 1, "row": range(len(returned)), "ok": returned["is_consistent"]}),
        ],
        ignore_index=True,
    )
    kept = order.astype({"ok": bool}).sort_values("ok", kind="stable").head(MAX_CHECKS)
    rows = [
        _sum_row(sums.iloc[row]) if kind == 0 else _returned_row(returned.iloc[row])
        for kind, row in zip(kept["kind"], kept["row"], strict=True)
    ]
    return pd.DataFrame(rows, columns=[*COLUMNS, "figure_ids"])


def sum_checks(pairs: pd.DataFrame, against: pd.DataFrame) -> pd.DataFrame:
    """Return one row per killed + wounded pair (``pairs``: the report's columns, the others
    suffixed _k and _w) and casualties figure of ``against`` of its side and period (those
    columns suffixed _c), pairs in order and each pair's casualties in order of ``against``:
    low, high (the sum) and is_consistent."""
    left = pairs.assign(
        _actor=_keys(pairs["actor"], missing=""),
        _period=_keys(pairs["period"], missing=_NO_MATCH),
        _p=range(len(pairs)),
    )
    right = (
        against[_AGAINST]
        .add_suffix("_c")
        .assign(
            _actor=against["actor"].fillna("").to_numpy(dtype=object),
            _period=against["period"].to_numpy(dtype=object),
            _c=range(len(against)),
        )
    )
    merged = left.merge(right, on=["_actor", "_period"]).sort_values(["_p", "_c"])
    merged = merged.reset_index(drop=True)
    merged["low"] = merged["value_low_k"] + merged["value_low_w"]
    merged["high"] = merged["value_high_k"] + merged["value_high_w"]
    approx = (
        merged["is_approximate_k"].astype(bool)
        | merged["is_approximate_w"].astype(bool)
        | merged["is_approximate_c"].astype(bool)
    )
    slack = approx.astype(float) * TOLERANCE
    merged["is_consistent"] = (merged["low"] <= merged["value_high_c"] * (1 + slack)) & (
        merged["high"] >= merged["value_low_c"] * (1 - slack)
    )
    return merged


def _keys(values: pd.Series, missing: str) -> pd.Series:
    """``values`` as merge keys, as the checks compared them: text as it is, None as
    ``missing``, anything else (NaN) as a key that matches nothing."""
    keys = [v if isinstance(v, str) else missing if v is None else _NO_MATCH for v in values]
    return pd.Series(keys, index=values.index, dtype=object)


def _approx(value: object) -> str:
    return "~" if value else ""


def _sum_row(p: pd.Series) -> dict:
    consistent = bool(p["is_consistent"])
    total = format_range(p["low"], p["high"])
    killed_text = format_range(p["value_low_k"], p["value_high_k"])
    wounded_text = format_range(p["value_low_w"], p["value_high_w"])
    casualties = (
        f"{_approx(p['is_approximate_c'])}{format_range(p['value_low_c'], p['value_high_c'])}"
    )
    return {
        "kind": "killed + wounded = casualties",
        "actor": p["actor"],
        "parts": f"{killed_text} killed + {wounded_text} wounded ({p['source_label_k']})",
        "total": total,
        "against": f"{casualties} casualties ({p['source_label_c']})",
        "is_consistent": consistent,
        "statement": f"{killed_text} killed + {wounded_text} wounded = {total} "
        f"({p['source_label_k']}), "
        + ("consistent with " if consistent else "NOT consistent with ")
        + f"{casualties} killed or wounded ({p['source_label_c']})",
        "figure_ids": f"{p['figure_id_k']} {p['figure_id_w']} {p['figure_id_c']}",
    }


def _returned_row(r: pd.Series) -> dict:
    share = r["value_high"] / r["value_high_w"] if r["value_high_w"] else float("nan")
    returned_text = (
        f"{_approx(r.get('is_approximate', False))}{format_range(r['value_low'], r['value_high'])}"
    )
    wounded_text = format_range(r["value_low_w"], r["value_high_w"])
    return {
        "kind": "returned <= wounded",
        "actor": r["actor"],
        "parts": f"{returned_text} returned to duty ({r['source_label']})",
        "total": format_range(r["value_low"], r["value_high"]),
        "against": f"{wounded_text} wounded",
        "is_consistent": bool(r["is_consistent"]),
        "statement": f"{returned_text} of the {wounded_text} wounded returned to duty "
        f"({share:.0%}; {r['source_label']})",
        "figure_ids": f"{r['figure_id']} {r['figure_id_w']}",
    }
