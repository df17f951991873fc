"""Revisions: a speaker's later figure for the same quantity replaces its earlier one.

The army said 85 killed, a week later 150: that is the army revising its toll, not two sources
disagreeing. A figure is *superseded* when the same named speaker (reconcile's ``source``) gives
a later figure for the same quantity (category, side, unit, period, place) that the earlier one
does not fit. An outlet's unattributed figures are left alone: they are most often two
quantities (two incidents, each side's losses, two speakers the text does not name). "Later" is
by published date when both articles are dated on different days, else by a later sentence of
the same section of one article (a headline restates, it does not come before; two figures of
one sentence are two quantities: "63 wounded, nine of them seriously", "several hundred, down
from 3,500"). Left as they are, because the text says they do not replace: figures of
categories that add up (waves), increments ("another 40", "40 more"), possible figures ("may
reach 200"), and a later figure that allows the earlier value ("about 90" after 85, "at least
80").
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dossier.analyse import outlook
from dossier.analyse.ranges import format_range, plausible_range
from dossier.extract.categories import ADDITIVE

BLOCK = 1000  # figures compared with all others at once
MAX_CHAIN = 5  # values named in one "revised ..." text
_DEFAULTS = {
    "article_id": "", "sections": "", "sentence_no": -1, "published_date": pd.NaT,
    "unit": None, "period": None, "bound": "none", "is_approximate": False, "source_label": "",
    "attributed_to": None, "where_text": None,
}  # fmt: skip
QUANTITY = ["source", "category", "actor", "unit", "period", "where_text"]
_USED = [
    *QUANTITY, "value_low", "value_high", "bound", "is_approximate", "attributed_to",
    "published_date", "sentence_no", "article_id", "sections", "outlook", "hedge_cues",
    "quote", "number_text", "figure_id", "source_label",
]  # fmt: skip
REVISION_COLUMNS = [
    "category", "actor", "period", "source", "source_label", "was", "now", "was_date",
    "now_date", "change", "figure_id", "revised_figure_ids",
]  # fmt: skip


def superseded(figures: pd.DataFrame) -> pd.Series:
    """Return, for each figure, whether a later figure of the same source and quantity
    replaces it."""
    out = pd.Series(False, index=figures.index, dtype=bool)
    if figures.empty:
        return out
    candidates = _candidates(figures)
    # Leaving increments out only removes figures, and a figure is gone (or replacing) only
    # for another one that replaces it (or that it replaces): the figures in no such pair
    # before increments are left out cannot be in one after. So increments (slow to find) are
    # looked for among the others only. Figures of one value never replace each other, unless
    # a value is missing (it fits none) or negative (10 % of it then lies above it): then
    # among all of them.
    values = candidates[["value_low", "value_high"]].to_numpy(float)
    if len(candidates) and not (np.isnan(values).any() or (values < 0).any()):
        gone, replacing = _sweep(candidates)
        candidates = candidates[gone | replacing]
    frame = _without_increments(candidates)
    out.loc[frame.index] = _sweep(frame)[0]
    return out


def _revisable(frame: pd.DataFrame) -> pd.Series:
    """Whether each row's source and quantity hold more than one value (figures of one value
    cannot revise each other)."""
    group = frame.groupby(QUANTITY, sort=False, dropna=False).ngroup().to_numpy()
    values = frame.assign(_group=group).drop_duplicates(["_group", "value_low", "value_high"])
    several = values["_group"].value_counts()
    return pd.Series(pd.Series(group).map(several).gt(1).to_numpy(), index=frame.index)


def _sweep(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Return (gone, replacing) for the rows of ``frame`` (from :func:`_framed`): whether a
    later figure of the row's source and quantity replaces it, and whether it replaces an
    earlier one. Each row is compared with the extremes of the figures after (before) it, in
    one sort, not with every other figure: the same answer as :func:`_replaces`, in n log n."""
    if frame.empty:
        return np.zeros(0, bool), np.zeros(0, bool)
    low, high = frame["value_low"].to_numpy(float), frame["value_high"].to_numpy(float)
    lows, highs = _allowed(frame)
    if np.isnan(low).any() or np.isnan(high).any() or np.isnan(lows).any():
        return _pairwise(frame)  # a missing value compares as no other does: row by row
    named = frame["attributed_to"].notna().to_numpy()
    date = pd.to_datetime(frame["published_date"]).to_numpy(dtype="datetime64[ns]")
    section = frame.groupby(["_group", "_article", "_section"], sort=False).ngroup().to_numpy()
    sentence = frame["sentence_no"].fillna(-1).to_numpy(float)
    gone, replacing = np.zeros(len(frame), bool), np.zeros(len(frame), bool)
    # later: in one section of one article, by sentence; or by date when both are dated
    for key, order, rows in (
        (section, sentence, named),
        (frame["_group"].to_numpy(), date.astype("int64"), named & ~np.isnat(date)),
    ):
        r = np.flatnonzero(rows)
        k, o = key[r], order[r]
        gone[r] |= (_beyond(k, o, lows[r], "max", later=True) > low[r]) | (
            _beyond(k, o, highs[r], "min", later=True) < high[r]
        )
        replacing[r] |= (lows[r] > _beyond(k, o, low[r], "min", later=False)) | (
            highs[r] < _beyond(k, o, high[r], "max", later=False)
        )
    return gone, replacing


def _beyond(key: np.ndarray, order: np.ndarray, values: np.ndarray, how: str, later: bool):
    """For each row, the ``how`` ("max" or "min") of ``values`` over the rows of its ``key``
    whose ``order`` is strictly greater (``later``) or strictly smaller; -inf for a max and inf
    for a min over no row."""
    rows = pd.DataFrame({"key": key, "order": order, "value": values})
    blocks = rows.groupby(["key", "order"], sort=True)["value"].agg(how).reset_index()
    if later:
        blocks = blocks.iloc[::-1]
    running = getattr(blocks.groupby("key", sort=False)["value"], f"cum{how}")()
    blocks["beyond"] = running.groupby(blocks["key"]).shift(1).to_numpy()
    found = rows.merge(blocks[["key", "order", "beyond"]], on=["key", "order"], how="left")
    return found["beyond"].fillna(-np.inf if how == "max" else np.inf).to_numpy(float)


def _pairwise(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_sweep` by comparing every pair of figures of each source and quantity."""
    gone, replacing = np.zeros(len(frame), bool), np.zeros(len(frame), bool)
    at = pd.Series(np.arange(len(frame)), index=frame.index)
    for _, group in frame.groupby("_group", sort=False):
        where = at[group.index].to_numpy()
        for i, block in _replaces(group):
            gone[where[i]] = block.any(axis=1)
            replacing[where] |= block.any(axis=0)
    return gone, replacing


def _replaces(group: pd.DataFrame, cols: np.ndarray | None = None):
    """Yield (rows, replaced) by blocks of :data:`BLOCK` rows, so a long series never builds
    one huge matrix: replaced[i, j] when figure ``cols[j]`` (default: every figure) of one
    source and quantity is later than figure ``rows[i]``, which does not fit in what it
    allows."""
    date = pd.to_datetime(group["published_date"]).to_numpy(dtype="datetime64[ns]")
    dated = ~np.isnat(date)
    article, section = group["_article"].to_numpy(), group["_section"].to_numpy()
    sentence = group["sentence_no"].fillna(-1).to_numpy()
    # only a named speaker revises: an outlet's unattributed figures are most often two
    # quantities (each side's losses, two incidents, two speakers the text does not name)
    named = group["attributed_to"].notna().to_numpy()
    lows, highs = _allowed(group)
    low, high = group["value_low"].to_numpy(), group["value_high"].to_numpy()
    j = np.arange(len(group)) if cols is None else cols
    for start in range(0, len(group), BLOCK):
        i = np.arange(start, min(start + BLOCK, len(group)))[:, None]
        # later: figure j comes after figure i, in one section of one article or by date
        later = (
            (article[i] == article[j]) & (section[i] == section[j]) & (sentence[j] > sentence[i])
        )
        later |= dated[i] & dated[j] & (date[j] > date[i])
        later &= named[i] & named[j]
        fits = (lows[j] <= low[i]) & (high[i] <= highs[j])  # figure i allowed by figure j
        yield i[:, 0], later & ~fits


def _allowed(group: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The lowest and highest values each figure of ``group`` allows (ranges.plausible_range)."""
    lows, highs = plausible_range(
        group["value_low"],
        group["value_high"],
        group["bound"] == "at_least",
        group["bound"] == "at_most",
        group["is_approximate"].fillna(False).astype(bool),
    )
    return lows.to_numpy(float), highs.to_numpy(float)


def latest(figures: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Return ``figures`` without the superseded ones (all of them without ``is_superseded``);
    with ``columns``, only those of them it has (a large corpus's figures copied narrow)."""
    if columns is not None:
        figures = figures[[c for c in dict.fromkeys([*columns, "is_superseded"]) if c in figures]]
    if "is_superseded" not in figures:
        return figures
    return figures[~figures["is_superseded"].fillna(False).astype(bool)]


def revisions(figures: pd.DataFrame) -> pd.DataFrame:
    """Return one row per latest figure that replaced earlier ones of its source and quantity
    (columns :data:`REVISION_COLUMNS`): ``was`` the first figure it replaced, ``now`` its own
    (``figure_id``), their dates (NaT when undated), ``change`` "revised 85 -> 120 -> 150",
    ``revised_figure_ids`` the figures replaced, oldest first."""
    rows = []
    if "is_superseded" in figures:  # a revision's source and quantity hold a superseded figure
        figures = _defaulted(figures)
        some = figures.groupby(QUANTITY, sort=False, dropna=False)["is_superseded"].transform("any")
        figures = figures[some.fillna(False).astype(bool)]
    frame = _framed(figures) if not figures.empty else figures
    if not frame.empty:
        gone, replacing = _sweep(frame)
        # which figures did each latest one replace? asked of the groups that hold one only
        frame = frame.assign(_gone=gone, _latest=~gone & replacing)
        revised = frame.loc[frame["_latest"], "_group"].unique()
        for _, group in frame[frame["_group"].isin(revised)].groupby("_group", sort=False):
            latest = np.flatnonzero(group["_latest"].to_numpy())
            replaced = np.concatenate([block for _, block in _replaces(group, latest)])
            for k, j in enumerate(latest):
                rows.append(_row(group.iloc[np.flatnonzero(replaced[:, k])], group.iloc[j]))
    out = pd.DataFrame(rows, columns=REVISION_COLUMNS)
    for column in ("was_date", "now_date"):
        out[column] = pd.to_datetime(out[column])
    return out


def _defaulted(figures: pd.DataFrame) -> pd.DataFrame:
    """``figures`` with every column ordering needs: a frame of figures built by hand may lack
    some."""
    return figures.assign(**{c: v for c, v in _DEFAULTS.items() if c not in figures})


def _framed(figures: pd.DataFrame) -> pd.DataFrame:
    """The figures that can revise or be revised: reported, not an increment, not a wave, of a
    source and quantity holding more than one value (the columns revising reads), with their
    article's rank and section and ``_group``, a number per source and quantity."""
    return _without_increments(_candidates(figures))


def _candidates(figures: pd.DataFrame) -> pd.DataFrame:
    """:func:`_framed` with the increments still in."""
    figures = _defaulted(figures[[c for c in _USED if c in figures]])  # not every column
    kind = figures["outlook"] if "outlook" in figures else outlook.outlooks(figures)
    eligible = ((kind == outlook.REPORTED) & ~figures["category"].isin(ADDITIVE)).to_numpy(
        copy=True
    )
    eligible[eligible] = _revisable(figures[eligible]).to_numpy()
    framed = figures[eligible].assign(
        _article=pd.factorize(figures["article_id"])[0][eligible],
        _section=_first_sections(figures.loc[eligible, "sections"]),
    )
    return framed.assign(
        _group=framed.groupby(QUANTITY, sort=False, dropna=False).ngroup().to_numpy()
    )


def _first_sections(sections: pd.Series) -> pd.Series:
    """The first section of each figure's ``sections`` ("title, body" -> "title"; missing:
    ""), each distinct list read once."""
    first = {text: text.split(",")[0] for text in set(sections.dropna().tolist())}
    return sections.map(lambda text: first[text] if isinstance(text, str) else "")


def _without_increments(framed: pd.DataFrame) -> pd.DataFrame:
    """``framed`` (from :func:`_candidates`) without its increments, nor the figures then left
    alone with their value, ``_group`` numbered again."""
    framed = framed[~outlook.increments(framed).to_numpy()]
    framed = framed[_revisable(framed).to_numpy()]  # an increment left out may leave one value
    return framed.assign(
        _group=framed.groupby(QUANTITY, sort=False, dropna=False).ngroup().to_numpy()
    )


def _row(old: pd.DataFrame, new: pd.Series) -> dict:
    old = old.sort_values(["published_date", "sentence_no"], na_position="first", kind="stable")
    values = [
        format_range(lo, hi)
        for lo, hi in zip(
            [*old["value_low"], new["value_low"]],
            [*old["value_high"], new["value_high"]],
            strict=True,
        )
    ]
    chain = [v for i, v in enumerate(values) if i == 0 or v != values[i - 1]]
    if len(chain) > MAX_CHAIN:  # a long series reads as its start and its end
        chain = [*chain[:2], "...", *chain[-2:]]
    return {
        "category": new["category"],
        "actor": new["actor"],
        "period": new["period"],
        "source": new["source"],
        "source_label": new["source_label"],
        "was": chain[0],
        "now": chain[-1],
        "was_date": old["published_date"].iloc[0],
        "now_date": new["published_date"],
        "change": "revised " + " -> ".join(chain),
        "figure_id": new["figure_id"],
        "revised_figure_ids": " ".join(old["figure_id"]),
    }
