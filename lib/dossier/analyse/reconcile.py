"""Reconciling figures across sources: repeats folded, spreads, arithmetic checks, key figures.

A *figure* is a claim counted once: the same category, side and values mentioned again in the same
article (title, summary, body) is a repeat, not a new figure. A figure's *source* is its speaker
when it has one, else its outlet, so two outlets relaying one speaker count as one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from dossier import paths
from dossier.analyse import outlook
from dossier.analyse import revisions as revising
from dossier.analyse.checks import checks
from dossier.analyse.joined import joined
from dossier.analyse.ranges import format_range, plausible_range
from dossier.corpus import reliability as grading
from dossier.extract.categories import ADDITIVE, CATEGORIES

# ADDITIVE (from the registry): reinforcement figures are waves that add up (2,300 then 1,800),
# not rival counts of one quantity: their spread is listed but never flagged as a disagreement.
TO_DATE = "to date"
# Time phrases that mean a running total, like no time phrase at all; the other languages list
# theirs in data/lexicon/<language>/running_total.txt ("seit Kriegsbeginn", "с начала войны").
_ENGLISH_RUNNING = r"to date|so far|thus far|currently|at present|now|as of .*|since .*|in total"


def _running() -> re.Pattern[str]:
    patterns = [_ENGLISH_RUNNING]
    for path in sorted((paths.DATA_DIR / "lexicon").glob("*/running_total.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        patterns += [ln.strip().replace(" ", r"\s+") for ln in lines if ln.strip() and ln[0] != "#"]
    return re.compile(r"^(?:" + "|".join(f"(?:{p})" for p in patterns) + r")$", re.IGNORECASE)


_RUNNING = _running()

FIGURE_COLUMNS = [
    "figure_id", "article_id", "sentence_no", "outlet", "reliability", "published_date",
    "category", "actor",
    "value_low", "value_high", "unit", "is_approximate", "bound", "is_vague", "is_hedged",
    "attributed_to", "speaker_role", "cited_source", "source", "source_label", "when_text",
    "where_text", "period", "number_text", "hedge_cues", "quote", "mention_count", "sections",
    "outlook", "is_superseded",
]  # fmt: skip


def figures(
    claims: pd.DataFrame, articles: pd.DataFrame, reliability: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return one row per distinct figure (columns :data:`FIGURE_COLUMNS`): repeats within an
    article folded into the first mention that names a speaker (else the first mention);
    ``mention_count`` and ``sections`` say where it was repeated; ``outlook`` "reported" or
    "possible" (:mod:`dossier.analyse.outlook`); ``is_superseded`` when the same source later
    revised it (:mod:`dossier.analyse.revisions`; kept here, left out of spreads and key
    figures)."""
    if claims.empty:
        return pd.DataFrame(columns=FIGURE_COLUMNS)
    graded = grading.grade_outlets(articles["outlet"], reliability)
    meta = pd.DataFrame(
        {
            "article_id": articles["article_id"].to_numpy(),
            "article_order": range(len(articles)),
            "outlet": graded["outlet"].to_numpy(),
            "reliability": graded["reliability"].to_numpy(),
            "published_date": articles["published_date"].to_numpy(),
        }
    )
    frame = claims.merge(meta, on="article_id", how="left")
    frame["is_unattributed"] = frame["attributed_to"].isna()
    key = ["article_id", "category", "actor", "value_low", "value_high", "unit"]
    order = ["article_order", "is_unattributed", "sentence_no", "char_start"]
    # ordered and grouped by the columns that order and group them: whole rows are copied
    # once, those of the figures kept, in corpus order
    narrow = frame[list(dict.fromkeys([*order, *key, "claim_id", "section"]))]
    narrow = narrow.sort_values(order)
    grouped = narrow.groupby(key, sort=False, dropna=False)
    heads = grouped.head(1)
    mention_count = grouped["claim_id"].transform("size").loc[heads.index]
    sections = _sections(narrow, grouped.ngroup()).loc[heads.index]
    first = frame.loc[heads.sort_values(["article_order", "sentence_no", "char_start"]).index]
    first["mention_count"] = mention_count
    first["sections"] = sections
    first["figure_id"] = first["claim_id"]
    first["period"] = periods(first["when_text"])
    first["source"] = first["attributed_to"].fillna(first["outlet"])
    first["source_label"] = [
        f"{who}, {outlet}" if isinstance(who, str) else outlet  # a speaker's name, or missing
        for who, outlet in zip(
            first["attributed_to"].tolist(), first["outlet"].tolist(), strict=True
        )
    ]
    first["outlook"] = outlook.outlooks(first)
    first["is_superseded"] = revising.superseded(first)
    return first[FIGURE_COLUMNS].reset_index(drop=True)


def _sections(frame: pd.DataFrame, group: pd.Series) -> pd.Series:
    """For each row of ``frame``, the sections its group (``group``: a number per row) is
    mentioned in, in order of first mention: "summary, body"."""
    return group.map(joined(group, frame["section"], ", "))


def period(when_text: object) -> str:
    """The period a figure counts over: "to date" for a running total (no time phrase, "to date",
    "so far", "currently", "since ..."), else the time phrase itself ("over the past 24 hours",
    "in March", "daily"), lower-cased."""
    if not isinstance(when_text, str) or _RUNNING.match(when_text.strip()):
        return TO_DATE
    return when_text.strip().lower()


def periods(when_texts: pd.Series) -> pd.Series:
    """Return :func:`period` of each time phrase, each distinct phrase read once."""
    known = {text: period(text) for text in set(when_texts.dropna().tolist())}
    return when_texts.map(lambda text: known[text] if isinstance(text, str) else TO_DATE)


def spreads(figures: pd.DataFrame) -> pd.DataFrame:
    """Return one row per quantity (category, actor, unit, period) and source: category, actor,
    unit, period, source, outlets, value_low, value_high, figure_count, figure_ids, is_hedged,
    and for the quantity: group_low, group_high, source_count, is_disagreement (some sources'
    ranges do not overlap; never for reinforcement waves)."""
    columns = [
        "category", "actor", "unit", "period", "source", "outlets", "value_low", "value_high",
        "figure_count", "figure_ids", "is_hedged", "group_low", "group_high", "source_count",
        "is_disagreement",
    ]  # fmt: skip
    figures = revising.latest(
        figures,
        ["category", "actor", "unit", "period", "source", "outlet", "value_low", "value_high",
         "figure_id", "is_hedged", "bound", "is_approximate"],
    )  # fmt: skip
    if figures.empty:
        return pd.DataFrame(columns=columns)
    keys = ["category", "actor", "unit", "period", "source"]
    grouped = figures.groupby(keys, sort=False, dropna=False)
    per_source = grouped.agg(
        # lists, not Series: iterating a pandas text column is slow element by element
        outlets=("outlet", lambda s: ", ".join(dict.fromkeys(s.tolist()))),
        value_low=("value_low", "min"),
        value_high=("value_high", "max"),
        figure_count=("figure_id", "size"),
        figure_ids=("figure_id", lambda s: " ".join(s.tolist())),
        is_hedged=("is_hedged", "all"),
        _at_least=("bound", lambda s: (s == "at_least").all()),
        _at_most=("bound", lambda s: (s == "at_most").all()),
        _approx=("is_approximate", "any"),
    ).reset_index()
    quantity = ["category", "actor", "unit", "period"]
    by_quantity = per_source.groupby(quantity, sort=False, dropna=False)
    per_source["group_low"] = by_quantity["value_low"].transform("min")
    per_source["group_high"] = by_quantity["value_high"].transform("max")
    per_source["source_count"] = by_quantity["source"].transform("size")
    per_source["_low"], per_source["_high"] = plausible_range(
        per_source["value_low"],
        per_source["value_high"],
        per_source["_at_least"],
        per_source["_at_most"],
        per_source["_approx"],
    )
    by_quantity = per_source.groupby(quantity, sort=False, dropna=False)
    highest_low = by_quantity["_low"].transform("max")
    lowest_high = by_quantity["_high"].transform("min")
    per_source["is_disagreement"] = (highest_low > lowest_high) & ~per_source["category"].isin(
        ADDITIVE
    )
    order = {c: i for i, c in enumerate(CATEGORIES)}
    per_source = per_source.sort_values(
        ["category", "actor", "value_low"],
        key=lambda s: s.map(order) if s.name == "category" else s,
    )
    return per_source[columns].reset_index(drop=True)


def repeats(figures: pd.DataFrame) -> pd.DataFrame:
    """Return the figures counted once although given more than once: category, actor, number,
    source, mention_count (in one article), outlets (outlets relaying the same source's figure),
    sections."""
    columns = ["category", "actor", "number", "source", "mention_count", "outlets", "sections"]
    if figures.empty:
        return pd.DataFrame(columns=columns)
    key = ["category", "actor", "value_low", "value_high", "unit", "source"]
    grouped = figures.groupby(key, sort=False, dropna=False)
    out = grouped.agg(
        mention_count=("mention_count", "sum"),
        article_count=("article_id", "nunique"),
    ).reset_index()
    group = grouped.ngroup()  # numbered as the rows of out
    out["outlets"] = joined(group, figures["outlet"], ", ").sort_index().to_numpy()
    out["sections"] = joined(group, figures["sections"], "; ", unique=False).sort_index().to_numpy()
    out = out[(out["mention_count"] > 1) | (out["article_count"] > 1)]
    out["number"] = [
        format_range(lo, hi) for lo, hi in zip(out["value_low"], out["value_high"], strict=True)
    ]
    return out[columns].reset_index(drop=True)


def key_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Return one row per category, side and outlook: category, actor, outlook ("reported",
    then "possible": a figure only possible is never merged with reported ones), value_low,
    value_high, source_count, sources, most_reliable_source, reliability, most_recent_source
    and its published_date (empty when no article is dated), is_hedged (every figure hedged),
    figure_id (the most reliable source's figure: the evidence to show). In category order;
    figures a source later revised are left out."""
    columns = [
        "category", "actor", "outlook", "value_low", "value_high", "source_count", "sources",
        "most_reliable_source", "reliability", "most_recent_source", "published_date",
        "is_hedged", "figure_id",
    ]  # fmt: skip
    figures = revising.latest(
        figures,
        ["category", "actor", "outlook", "hedge_cues", "quote", "published_date", "reliability",
         "is_hedged", "mention_count", "value_low", "value_high", "source", "source_label",
         "figure_id"],
    )  # fmt: skip
    if figures.empty:
        return pd.DataFrame(columns=columns)
    if "outlook" not in figures:
        figures = figures.assign(outlook=outlook.outlooks(figures))
    rows = []
    for (category, actor, kind), group in figures.groupby(
        ["category", "actor", "outlook"], sort=False, dropna=False
    ):
        dated = group[group["published_date"].notna()]
        recent = dated.sort_values("published_date").iloc[-1] if len(dated) else None
        best = group.sort_values(
            ["reliability", "is_hedged", "mention_count"], ascending=[True, True, False]
        ).iloc[0]
        rows.append(
            {
                "category": category,
                "actor": actor,
                "outlook": kind,
                "value_low": group["value_low"].min(),
                "value_high": group["value_high"].max(),
                "source_count": group["source"].nunique(),
                "sources": "; ".join(dict.fromkeys(group["source_label"].tolist())),
                "most_reliable_source": best["source_label"],
                "reliability": best["reliability"],
                "most_recent_source": recent["source_label"] if recent is not None else None,
                "published_date": recent["published_date"] if recent is not None else pd.NaT,
                "is_hedged": bool(group["is_hedged"].all()),
                "figure_id": best["figure_id"],
            }
        )
    out = pd.DataFrame(rows, columns=columns)
    order = {c: i for i, c in enumerate(CATEGORIES)}
    ranks = {k: i for i, k in enumerate(outlook.OUTLOOKS)}
    out["_order"], out["_outlook"] = out["category"].map(order), out["outlook"].map(ranks)
    out = out.sort_values(["_order", "actor", "_outlook"], kind="stable")
    return out.drop(columns=["_order", "_outlook"]).reset_index(drop=True)


@dataclass(frozen=True)
class Reconciliation:
    """Every reconciliation frame of a corpus, computed together."""

    figures: pd.DataFrame
    spreads: pd.DataFrame
    checks: pd.DataFrame
    repeats: pd.DataFrame
    key_figures: pd.DataFrame
    revisions: pd.DataFrame  # one row per source and quantity it revised (revisions.py)


def reconcile(corpus, reliability: pd.DataFrame | None = None) -> Reconciliation:
    """Return the :class:`Reconciliation` of ``corpus`` (its claims and articles)."""
    found = figures(corpus.claims, corpus.articles, reliability)
    return Reconciliation(
        figures=found,
        spreads=spreads(found),
        checks=checks(found),
        repeats=repeats(found),
        key_figures=key_figures(found),
        revisions=revising.revisions(found),
    )
