"""Scoring the claims ledger against hand-labelled claims (a "gold" JSON-lines file).

A gold row names its article (``article``: the file name without suffix, or ``file``), the
sentence (``quote``), the values and the category, and optionally the speaker
(``attributed_to``, ``attribution_in``). A gold row is found when a claim of the same article and
sentence has the same values; it is correct when the category agrees too. Speakers are compared
after both sides go through the alias table, so "NIS" and "National Intelligence Service" agree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dossier.extract import gazetteer
from dossier.text import for_matching


@dataclass(frozen=True)
class Score:
    """The outcome: one row per gold claim (``rows``), the extracted claims no gold row accounts
    for (``extra``), and the headline numbers."""

    rows: pd.DataFrame
    extra: pd.DataFrame
    precision: float
    recall: float
    speaker_accuracy: float  # on gold rows whose speaker is in the sentence
    fields: pd.DataFrame  # per field: how many found gold rows agree with the extracted claim

    def summary(self) -> str:
        found = int(self.rows["is_correct"].sum())
        speakers = self.rows[self.rows["attribution_in"] == "sentence"]
        return (
            f"precision {self.precision:.2f}, recall {self.recall:.2f} "
            f"({found}/{len(self.rows)} gold claims found with the right values and category, "
            f"{len(self.extra)} extra claims); speakers right on "
            f"{int(speakers['is_speaker_right'].sum())}/{len(speakers)} in-sentence rows"
        )


def read_gold(path: str | Path) -> pd.DataFrame:
    """Return the gold rows of a JSON-lines file, with an ``article_key`` column (file stem)."""
    rows = [
        json.loads(line)
        for line in Path(path).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    gold = pd.DataFrame(rows)
    key = gold["article"] if "article" in gold else gold["file"]
    gold["article_key"] = key.map(lambda k: Path(str(k)).stem)
    return gold


def score(claims: pd.DataFrame, articles: pd.DataFrame, gold: pd.DataFrame) -> Score:
    """Match ``gold`` rows to ``claims`` one to one and return the :class:`Score`."""
    stems = articles["file_name"].map(lambda f: Path(f).stem)
    key_of = dict(zip(articles["article_id"], stems, strict=True))
    pool = claims.assign(
        article_key=claims["article_id"].map(key_of), quote_key=claims["quote"].map(_sentence_key)
    )
    used: set[str] = set()
    out = []
    for g in gold.itertuples(index=False):
        candidates = pool[
            (pool["article_key"] == g.article_key)
            & (pool["quote_key"] == _sentence_key(g.quote))
            & (pool["value_low"] == float(g.value_low))
            & (pool["value_high"] == float(g.value_high))
            & ~pool["claim_id"].isin(used)
        ]
        right = candidates[candidates["category"] == g.category]
        chosen = right.iloc[0] if len(right) else (candidates.iloc[0] if len(candidates) else None)
        gold_speaker = getattr(g, "attributed_to", None)
        row = {
            "article_key": g.article_key,
            "quote": g.quote,
            "value_low": float(g.value_low),
            "value_high": float(g.value_high),
            "category": g.category,
            "attributed_to": gold_speaker,
            "attribution_in": getattr(g, "attribution_in", None),
            "claim_id": None,
            "got_category": None,
            "got_attributed_to": None,
            "is_found": chosen is not None,
            "is_correct": chosen is not None and chosen["category"] == g.category,
            "is_speaker_right": False,
        }
        if chosen is not None:
            used.add(chosen["claim_id"])
            row.update(
                claim_id=chosen["claim_id"],
                got_category=chosen["category"],
                got_attributed_to=chosen["attributed_to"],
                is_speaker_right=same_speaker(gold_speaker, chosen["attributed_to"]),
            )
        out.append(row)
    rows = pd.DataFrame(out)
    extra = claims[~claims["claim_id"].isin(used)].reset_index(drop=True)
    fields = _field_agreement(rows, gold, claims)
    correct = int(rows["is_correct"].sum()) if len(rows) else 0
    speakers = rows[rows["attribution_in"] == "sentence"] if len(rows) else rows
    return Score(
        rows=rows,
        extra=extra,
        precision=correct / len(claims) if len(claims) else 1.0,
        recall=correct / len(rows) if len(rows) else 1.0,
        speaker_accuracy=float(speakers["is_speaker_right"].mean()) if len(speakers) else 1.0,
        fields=fields,
    )


# gold key -> (claims column, how to compare)
FIELDS = {
    "actor": ("actor", "name"),
    "attributed_to": ("attributed_to", "speaker"),
    "attribution_in": ("attribution_in", "name"),
    "cited_source": ("cited_source", "speaker"),
    "hedged": ("is_hedged", "bool"),
    "approx": ("is_approximate", "bool"),
    "bound": ("bound", "name"),
    "vague": ("is_vague", "bool"),
    "when": ("when_text", "name"),
    "where": ("where_text", "name"),
}


def _field_agreement(rows: pd.DataFrame, gold: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """Return one row per field the gold file has: field, compared, agree, share, and up to
    three disagreements as examples."""
    by_id = claims.set_index("claim_id")
    out = []
    for key, (column, how) in FIELDS.items():
        if key not in gold.columns:
            continue
        agree, compared, examples = 0, 0, []
        for (_, row), expected in zip(rows.iterrows(), gold[key], strict=True):
            if not row["is_found"]:
                continue
            got = by_id.at[row["claim_id"], column]
            if how == "bool":
                same = bool(expected) == bool(got)
            elif how == "speaker":
                same = same_speaker(expected, got)
            else:
                same = (_missing(expected) and _missing(got)) or (
                    not _missing(expected)
                    and not _missing(got)
                    and _sentence_key(expected).casefold() == _sentence_key(got).casefold()
                )
            compared += 1
            agree += same
            if not same and len(examples) < 3:
                examples.append(f"{expected!r} vs {got!r} in {row['quote'][:60]!r}")
        out.append(
            {
                "field": key,
                "compared": compared,
                "agree": agree,
                "share": agree / compared if compared else 1.0,
                "examples": " | ".join(examples),
            }
        )
    return pd.DataFrame(out)


def same_speaker(expected: object, got: object) -> bool:
    """Whether two speaker names denote the same source (through the alias table), ignoring
    case, a leading article and quote style; two missing speakers agree."""
    if _missing(expected) or _missing(got):
        return _missing(expected) and _missing(got)
    return _canonical(str(expected)) == _canonical(str(got))


def _canonical(name: str) -> str:
    name = re.sub(r"^(?:a|an|the)\s+", "", for_matching(name).strip(), flags=re.IGNORECASE)
    table = gazetteer.load().names
    hit = table.entries.get(name) or table.entries.get(name.casefold())
    return (hit[0] if hit else name).casefold()


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value == ""


def _sentence_key(text: str) -> str:
    return re.sub(r"\s+", " ", for_matching(str(text))).strip()
