"""The bottom line up front: a few generated sentences, the answer before the evidence.

Built from :mod:`dossier.analyse.reconcile`'s frames, never from free text: each sentence names its
figures and their sources, says when sources disagree, when a figure is hedged ("may send ..., per
X"), when a source revised its own figure (only the latest counts), and what the arithmetic
checks found. A figure only possible ("may send") is never stated as reported.
"""

from __future__ import annotations

import pandas as pd

from dossier.analyse import outlook
from dossier.analyse import revisions as revising
from dossier.analyse.reconcile import ADDITIVE, TO_DATE, format_range, plausible_range
from dossier.analyse.waves import totals as wave_totals
from dossier.extract.categories import BLUF, BY_NAME, LABELS

MAX_SENTENCES = 6
# the columns of the figures the sentences read (a large corpus's figures are copied narrow)
_USED = [
    "category", "actor", "outlook", "period", "value_low", "value_high", "source", "is_hedged",
    "bound", "is_approximate", "is_vague", "attributed_to", "speaker_role", "cited_source",
    "outlet", "when_text", "hedge_cues", "quote",
]  # fmt: skip
MAX_LISTED = 4  # sources named in one sentence; the rest are counted


def bottom_line(
    figures: pd.DataFrame,
    checks: pd.DataFrame,
    limit: int = MAX_SENTENCES,
    revisions: pd.DataFrame | None = None,
) -> list[str]:
    """Return up to ``limit`` sentences, most important first, per side: one line per category
    in the registry's bottom-line order (``data/categories.csv``): force size, casualties (with
    their arithmetic check), reinforcements reported, reinforcements only possible (hedged),
    returned to duty and rates. A figure its source later revised is left out; the revision
    is one sentence ("Sudan's army revised its toll from 85 to 150"); ``revisions`` are those
    of ``figures`` when the caller has them already."""
    if figures.empty:
        return ["No figures about forces or casualties in the selected articles."]
    revised = revising.revisions(figures) if revisions is None else revisions
    current = revising.latest(figures, _USED)
    if "outlook" not in current:
        current = current.assign(outlook=outlook.outlooks(current))
    lines: list[str] = []
    sides = current["actor"].fillna("")
    for actor in _actors(current):
        if len(lines) >= limit:  # the sides after would only be cut off
            break
        mine = current[sides == (actor or "")]
        side = f", {actor}" if actor else ""
        for category, line in BLUF:
            found = _LINES[line](category, mine, checks, actor, side)
            said = _revised(revised, category, actor)
            if said and found:
                found[-1] += " " + said
            lines.extend(found or ([said] if said else []))
    return lines[:limit]


def _revised(revised: pd.DataFrame, category: str, actor) -> str:
    """ "Sudan's army revised its toll from 85 to 150." for the category and side, or ""."""
    mine = revised[
        (revised["category"] == category) & (revised["actor"].fillna("") == (actor or ""))
    ]
    what = "toll" if category in BY_NAME and BY_NAME[category].kind == "casualty" else "figure"
    said = (f"{r.source} revised its {what} from {r.was} to {r.now}." for r in mine.itertuples())
    return " ".join(s[0].upper() + s[1:] for s in said)  # a sentence starts with a capital


def _spread_line(category: str, mine: pd.DataFrame, checks, actor, side: str) -> list[str]:
    """ "Killed, X: 6,000-7,000 (2 sources disagree: ...)", with the sum's check for casualties;
    parts of a checked sum are left to the check."""
    if category in ("killed", "wounded") and _checked(checks, actor):
        return []
    rows = _main_period(_reported(mine, category))
    if rows.empty:
        return _possible_line(category, mine, side, LABELS[category])
    line = f"{LABELS[category]}{side}: {_spread(rows)}"
    if category == "casualties":
        for check in _checks_for(checks, actor, "killed + wounded = casualties")[:1]:
            line += f"; {check}"
    return [line + "."]


def _waves_lines(category: str, mine: pd.DataFrame, checks, actor, side: str) -> list[str]:
    """Waves reported (each, and their sum when it means something), then the one possible
    further wave (hedged) most worth naming."""
    lines = []
    reported = _reported(mine, category)
    if len(reported):
        one_source = reported["source"].nunique() == 1
        listed = reported.head(MAX_LISTED)
        waves = " and ".join(
            f"{_amount(r)}{_when(r)}" if one_source else f"{_amount(r)} ({_who(r)}{_when(r, '; ')})"
            for r in listed.itertuples()
        )
        if len(reported) > MAX_LISTED:
            waves += f" and {len(reported) - MAX_LISTED} more"
        # the total "what changed" says too: relayed waves once, only exact waves summed
        total = wave_totals(reported)
        summable = len(total) == 1 and len(reported) <= MAX_LISTED
        summable = summable and total["wave_count"].iloc[0] > 1 and total["is_exact"].iloc[0]
        in_all = total["value_high"].iloc[0] if summable else None
        more = f"; {format_range(in_all, in_all)} in all" if summable else ""
        by = f" ({_who(reported.iloc[0])})" if one_source else ""
        lines.append(f"{LABELS[category]}{side}: {waves}{by}{more}.")
    return lines + _possible_line(category, mine, side, "Possible further reinforcements", " more")


def _reported(mine: pd.DataFrame, category: str) -> pd.DataFrame:
    return mine[(mine["category"] == category) & (mine["outlook"] == outlook.REPORTED)]


def _possible_line(category: str, mine: pd.DataFrame, side: str, label: str, more: str = ""):
    """The one possible figure (attributed first) most worth naming: "X, side: may reach 5,000
    (who, hedged)"; never stated as reported."""
    possible = mine[(mine["category"] == category) & (mine["outlook"] == outlook.POSSIBLE)]
    attributed = possible[possible["attributed_to"].notna()]
    lines = []
    for r in (attributed if len(attributed) else possible).head(1).itertuples():
        cue = outlook.possible_cue(r.hedge_cues, r.quote) or "may"
        lines.append(f"{label}{side}: {cue} reach {_amount(r)}{more} ({_who(r)}, hedged).")
    return lines


def _check_line(category: str, mine: pd.DataFrame, checks, actor, side: str) -> list[str]:
    """The arithmetic check of the category ("returned <= wounded"), as a sentence."""
    kind = {"returned_to_duty": "returned <= wounded"}.get(category)
    return (
        [c[0].upper() + c[1:] + "." for c in _checks_for(checks, actor, kind)[:1]] if kind else []
    )


def _rate_line(category: str, mine: pd.DataFrame, checks, actor, side: str) -> list[str]:
    """ "Casualty rate, X: ~1,200 a day (who)"."""
    lines = []
    for r in mine[mine["category"] == category].head(1).itertuples():
        when = f" {r.when_text}" if isinstance(r.when_text, str) else " a day"
        hedge = ", hedged" if r.is_hedged else ""
        lines.append(f"{LABELS[category]}{side}: {_amount(r)}{when} ({_who(r)}{hedge}).")
    return lines


_LINES = {"spread": _spread_line, "waves": _waves_lines, "check": _check_line, "rate": _rate_line}


def _main_period(rows: pd.DataFrame) -> pd.DataFrame:
    """The figures of the period most sources speak of, running totals first: a day's losses
    are not compared with the total since the war began."""
    if rows.empty:
        return rows
    counts = rows["period"].value_counts()
    best = TO_DATE if TO_DATE in counts.index else counts.index[0]
    return rows[rows["period"] == best]


def _actors(figures: pd.DataFrame) -> list[str | None]:
    counts = figures["actor"].fillna("").value_counts()
    return [a or None for a in counts.index]


def _spread(rows: pd.DataFrame) -> str:
    """ "6,000-7,000 (2 sources disagree: example.com 7,000; Park, example.org 6,000)"."""
    low, high = rows["value_low"].min(), rows["value_high"].max()
    sources = rows.drop_duplicates("source")
    if len(sources) == 1:
        r = sources.iloc[0]
        hedge = ", hedged" if r["is_hedged"] else ""
        return f"{_amount(r)} ({_who(r)}{hedge})"
    lows, highs = plausible_range(
        rows["value_low"],
        rows["value_high"],
        rows["bound"] == "at_least",
        rows["bound"] == "at_most",
        rows["is_approximate"],
    )
    overlap = lows.max() <= highs.min()
    agree = "agree" if overlap else "disagree"
    if rows["category"].iloc[0] in ADDITIVE:
        agree = "give"
    listed = "; ".join(f"{_who(r)} {_amount(r)}" for _, r in sources.head(MAX_LISTED).iterrows())
    more = f"; and {len(sources) - MAX_LISTED} more" if len(sources) > MAX_LISTED else ""
    return f"{format_range(low, high)} ({len(sources)} sources {agree}: {listed}{more})"


def _amount(r) -> str:
    get = r.get if isinstance(r, pd.Series) else lambda k: getattr(r, k)
    prefix = "~" if get("is_approximate") else ""
    bound = {"at_least": "at least ", "at_most": "up to "}.get(get("bound"), "")
    return f"{bound}{prefix}{format_range(get('value_low'), get('value_high'))}"


def _who(r) -> str:
    get = r.get if isinstance(r, pd.Series) else lambda k: getattr(r, k)
    name, role, outlet = get("attributed_to"), get("speaker_role"), get("outlet")
    if not isinstance(name, str):
        return outlet
    role = f"{role} " if isinstance(role, str) and role and name not in role else ""
    cited = get("cited_source")
    cited = f", citing {cited}" if isinstance(cited, str) else ""
    return f"{outlet}, per {role}{name}{cited}"


def _when(r, sep: str = " ") -> str:
    return f"{sep}{r.when_text}" if isinstance(r.when_text, str) else ""


def _checked(checks: pd.DataFrame, actor) -> bool:
    return bool(_checks_for(checks, actor, "killed + wounded = casualties"))


def _checks_for(checks: pd.DataFrame, actor, kind: str) -> list[str]:
    if checks.empty:
        return []
    mine = checks[(checks["kind"] == kind) & (checks["actor"].fillna("") == (actor or ""))]
    return list(mine["statement"])
