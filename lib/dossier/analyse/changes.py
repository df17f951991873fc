"""What changed since the last briefing: a run's record (``run.json``) and the comparison.

A briefing run records what it showed: the articles (id, title, outlet), each claim (id,
category, side, values), the key figures (category, side, outlook, low, high), the totals of
waves and the revisions. The next run compares its corpus with the last successful record: new
articles, new claims, figures whose spread moved ("casualties, Sudan: high 2,100 -> 2,600"),
totals of waves ("total 8,000 (was 5,000), a new wave of 3,000"), revisions ("Sudan's army
revised 85 -> 150"), and outlets or speakers seen for the first time. Records of earlier
versions (no outlook, totals or revisions) are still read and compared as they were.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from dossier.analyse import moves, waves
from dossier.analyse.reconcile import Reconciliation, format_range, reconcile
from dossier.corpus.corpus import Corpus

CLAIM_FIELDS = ["claim_id", "category", "actor", "value_low", "value_high", "attributed_to"]


def record(corpus: Corpus, view: Reconciliation | None = None) -> dict:
    """Return what a briefing of ``corpus`` showed, as JSON-ready data: articles, claims,
    key_figures (with their outlook), totals (of waves), revisions, outlets, speakers.
    ``view`` is the corpus's reconciliation when the caller has it already."""
    view = reconcile(corpus) if view is None else view
    key = view.key_figures
    claims = corpus.claims
    return {
        "articles": [
            {"article_id": a, "title": t, "outlet": o if isinstance(o, str) else None}
            for a, t, o in zip(
                corpus.articles["article_id"],
                corpus.articles["title"],
                corpus.articles["outlet"],
                strict=True,
            )
        ],
        "claims": [
            {
                "claim_id": claim_id,
                "category": category,
                "actor": actor if isinstance(actor, str) else None,
                "value_low": low,
                "value_high": high,
                "attributed_to": speaker if isinstance(speaker, str) else None,
            }
            # the six columns alone: itertuples over every column took seconds on a large corpus
            for claim_id, category, actor, low, high, speaker in zip(
                *(claims[c] for c in CLAIM_FIELDS), strict=True
            )
        ],
        "key_figures": [
            {
                "category": r.category,
                "actor": r.actor if isinstance(r.actor, str) else None,
                "outlook": r.outlook,
                "value_low": r.value_low,
                "value_high": r.value_high,
            }
            for r in key.itertuples()
        ],
        "totals": [
            {**t, "waves": [list(w) for w in t["waves"]]}
            for t in waves.totals(view.figures).to_dict("records")
        ],
        "revisions": [
            {
                "category": r.category,
                "actor": r.actor if isinstance(r.actor, str) else None,
                "source": r.source,
                "was": r.was,
                "now": r.now,
                "change": r.change,
            }
            for r in view.revisions.itertuples()
        ],
        "outlets": sorted(corpus.articles["outlet"].dropna().unique().tolist()),
        "speakers": sorted(claims["attributed_to"].dropna().unique().tolist()),
    }


@dataclass(frozen=True)
class Changes:
    """The comparison with the previous run: ``is_first`` when there was none; otherwise the
    frames of new articles, new claims and moved figures, and the new sources."""

    is_first: bool
    previous_run: str | None
    new_articles: pd.DataFrame  # article_id, title, outlet
    new_claims: pd.DataFrame  # claim_id, category, actor, number, attributed_to
    moved_figures: pd.DataFrame  # category, actor, outlook, was, now, change (moves.py)
    new_outlets: list[str]
    new_speakers: list[str]
    unreadable: str | None = None  # why the previous run's record could not be read

    def sentences(self) -> list[str]:
        """Return the changes as sentences for the briefing."""
        if self.unreadable:
            return [f"Previous run record unreadable ({self.unreadable}): compared with nothing."]
        if self.is_first:
            return ["First briefing: there is no earlier successful run to compare with."]
        lines = []
        if len(self.new_articles):
            titles = "; ".join(
                f"{t} ({o})" if isinstance(o, str) else t
                for t, o in zip(
                    self.new_articles["title"], self.new_articles["outlet"], strict=True
                )
            )
            lines.append(f"{len(self.new_articles)} new article(s): {titles}.")
        if len(self.new_claims):
            lines.append(f"{len(self.new_claims)} new figure(s) about forces or casualties.")
        for r in self.moved_figures.itertuples():
            lines.append(f"{r.change}.")
        if self.new_outlets:
            lines.append(f"First seen outlet(s): {', '.join(self.new_outlets)}.")
        if self.new_speakers:
            lines.append(f"First seen speaker(s): {', '.join(self.new_speakers)}.")
        return lines or ["Nothing changed since the last briefing."]


def what_changed(
    corpus: Corpus, previous_run: str | Path | None, view: Reconciliation | None = None
) -> Changes:
    """Compare ``corpus`` with the record of the previous run (a ``run.json`` path, or None for
    the first briefing) and return the :class:`Changes`; ``view`` is the corpus's
    reconciliation when the caller has it already."""
    empty = pd.DataFrame()
    if previous_run is None or not Path(previous_run).is_file():
        return Changes(True, None, empty, empty, empty, [], [])
    try:
        before = read_record(Path(previous_run))
    except (OSError, ValueError) as exc:
        return Changes(True, str(previous_run), empty, empty, empty, [], [], unreadable=str(exc))
    now = record(corpus, view)  # only with a record to compare it with
    old_articles = {a["article_id"] for a in before.get("articles", [])}
    old_claims = {c["claim_id"] for c in before.get("claims", [])}
    new_articles = pd.DataFrame(
        [a for a in now["articles"] if a["article_id"] not in old_articles],
        columns=["article_id", "title", "outlet"],
    )
    new_claims = pd.DataFrame(
        [
            {
                "claim_id": c["claim_id"],
                "category": c["category"],
                "actor": c["actor"],
                "number": format_range(c["value_low"], c["value_high"]),
                "attributed_to": c["attributed_to"],
            }
            for c in now["claims"]
            if c["claim_id"] not in old_claims
        ],
        columns=["claim_id", "category", "actor", "number", "attributed_to"],
    )
    return Changes(
        is_first=False,
        previous_run=str(previous_run),
        new_articles=new_articles,
        new_claims=new_claims,
        moved_figures=moves.moved(before, now),
        new_outlets=sorted(set(now["outlets"]) - set(before.get("outlets", []))),
        new_speakers=sorted(set(now["speakers"]) - set(before.get("speakers", []))),
    )


NUMBERS = ("value_low", "value_high")


def read_record(path: Path) -> dict:
    """Return the record of the run whose ``run.json`` is at ``path``; raises ``ValueError``
    saying what is wrong when the file is not a run record (truncated, edited, another file)."""
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path.name} is not text") from exc
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path.name} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    rec = info.get("record") if isinstance(info, dict) else None
    if not isinstance(rec, dict):
        raise ValueError(f"{path.name} holds no run record")
    shapes = {  # totals and revisions are missing from records of earlier versions
        "articles": ("article_id",),
        "claims": ("claim_id",),
        "key_figures": ("category", "actor", "value_low", "value_high"),
        "totals": ("category", "actor", "value_low", "value_high"),
        "revisions": ("category", "actor", "source", "was", "now", "change"),
    }
    for field, keys in shapes.items():
        rows = rec.get(field, [])
        if not isinstance(rows, list) or not all(
            isinstance(r, dict) and all(k in r for k in keys) for r in rows
        ):
            raise ValueError(f"{path.name} has a malformed {field} list")
    numbered = [*rec.get("key_figures", []), *rec.get("totals", [])]
    if not all(isinstance(k[v], int | float) for k in numbered for v in NUMBERS):
        raise ValueError(f"{path.name} has figures that are not numbers")
    if not all(_waves_ok(t.get("waves", [])) for t in rec.get("totals", [])):
        raise ValueError(f"{path.name} has a malformed totals list")
    for field in ("outlets", "speakers"):
        if not isinstance(rec.get(field, []), list):
            raise ValueError(f"{path.name} has a malformed {field} list")
    return rec


def _waves_ok(waves: object) -> bool:
    return isinstance(waves, list) and all(
        isinstance(w, list) and len(w) == 2 and all(isinstance(v, int | float) for v in w)
        for w in waves
    )
