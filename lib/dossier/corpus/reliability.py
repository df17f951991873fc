"""Who the figures come from: outlets with their reliability grade, and speakers.

Reliability is the Admiralty (NATO) source grade, set per outlet by the analyst in
``data/sources.csv`` (outlet, reliability, note):

    A completely reliable · B usually reliable · C fairly reliable · D not usually reliable ·
    E unreliable · F reliability cannot be judged

An outlet the file does not list is F.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from dossier import paths

GRADES = "ABCDEF"
GRADE_MEANING = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}
UNKNOWN_OUTLET = "(no source line)"


def load_reliability(path: Path | None = None) -> pd.DataFrame:
    """Return ``data/sources.csv``: outlet, reliability (A-F), reliability_note. Raises
    ValueError naming the row for a grade outside A-F."""
    path = path or paths.DATA_DIR / "sources.csv"
    frame = pd.read_csv(path, dtype="str", keep_default_na=False)
    frame = frame.rename(columns={"note": "reliability_note"})
    frame["outlet"] = frame["outlet"].str.strip().str.lower()
    frame["reliability"] = frame["reliability"].str.strip().str.upper()
    bad = frame[~frame["reliability"].isin(list(GRADES))]
    if len(bad):
        row = bad.iloc[0]
        raise ValueError(
            f"{path}: outlet {row['outlet']!r} has grade {row['reliability']!r}; use A-F"
        )
    return frame[["outlet", "reliability", "reliability_note"]].drop_duplicates("outlet")


def grade_outlets(outlets: pd.Series, reliability: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return one row per value of ``outlets``, in order: outlet, reliability,
    reliability_note. Outlets the table does not list are F, "cannot be judged"."""
    reliability = load_reliability() if reliability is None else reliability
    frame = pd.DataFrame({"outlet": outlets.fillna(UNKNOWN_OUTLET).astype("str").to_numpy()})
    out = frame.merge(reliability, on="outlet", how="left")
    out["reliability"] = out["reliability"].fillna("F")
    out["reliability_note"] = out["reliability_note"].fillna(GRADE_MEANING["F"])
    return out


def at_least(grades: pd.Series, minimum: str | None) -> pd.Series:
    """Whether each grade is ``minimum`` or better (A is best); all True for no minimum."""
    if not minimum:
        return pd.Series(True, index=grades.index)
    minimum = minimum.strip().upper()
    if minimum not in GRADES:
        raise ValueError(f"min_reliability must be one of A-F, not {minimum!r}")
    return grades.map(GRADES.index) <= GRADES.index(minimum)


def outlets(articles: pd.DataFrame, claims: pd.DataFrame, reliability=None) -> pd.DataFrame:
    """Return one row per outlet: outlet, reliability, reliability_note, article_count,
    claim_count; best graded first."""
    columns = ["outlet", "reliability", "reliability_note", "article_count", "claim_count"]
    if articles.empty:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in columns})
    counts = articles.assign(outlet=articles["outlet"].fillna(UNKNOWN_OUTLET))
    per_outlet = counts.groupby("outlet").size().rename("article_count")
    claim_outlets = claims.merge(counts[["article_id", "outlet"]], on="article_id")
    per_claims = claim_outlets.groupby("outlet").size().rename("claim_count")
    graded = grade_outlets(pd.Series(per_outlet.index), reliability)
    out = graded.merge(per_outlet, left_on="outlet", right_index=True)
    out = out.merge(per_claims, left_on="outlet", right_index=True, how="left")
    out["claim_count"] = out["claim_count"].fillna(0).astype("int64")
    return out.sort_values(["reliability", "outlet"]).reset_index(drop=True)


def speakers(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return one row per speaker: attributed_to, speaker_role, claim_count, outlets,
    categories; most quoted first. Figures with no speaker are counted as "(unattributed)"."""
    frame = claims.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    frame["attributed_to"] = frame["attributed_to"].fillna("(unattributed)")
    frame["outlet"] = frame["outlet"].fillna(UNKNOWN_OUTLET)
    grouped = frame.groupby("attributed_to", sort=False)
    out = pd.DataFrame(
        {
            "speaker_role": grouped["speaker_role"].agg(
                lambda s: s.dropna().iloc[0] if s.notna().any() else None
            ),
            "claim_count": grouped.size(),
            "outlets": grouped["outlet"].agg(lambda s: ", ".join(sorted(set(s.tolist())))),
            "categories": grouped["category"].agg(lambda s: ", ".join(sorted(set(s.tolist())))),
        }
    ).reset_index()
    out = out.astype({"speaker_role": "str"})
    return out.sort_values(["claim_count", "attributed_to"], ascending=[False, True]).reset_index(
        drop=True
    )
