"""The claims ledger: every figure about forces or casualties, with what it counts, whose forces,
who said it, how hedged, when and where. One row per mention.

A quantity found by :mod:`dossier.extract.numbers` is a claim when its head noun is a force
("2,300 Sudanese soldiers") or a casualty ("92 casualties"), or when it has no noun and a
casualty phrase follows it ("2,700 who sustained injuries", "250 have returned to duty"), or it
is the object of a casualty or deployment verb ("killed 200", "sent 2,300"). Dates, durations,
ages, money, and counts of anything else ("five locations", "300 tanks") are not claims. The
steps are listed in :mod:`dossier.extract.pipeline`; the README's "How claims are read" gives
every rule.
"""

from __future__ import annotations

import pandas as pd

from dossier.extract.categories import CATEGORIES
from dossier.extract.pipeline import extract
from dossier.extract.steps.rows import COLUMNS

LEDGER_COLUMNS = [
    "outlet", "language", "number_text", "value_low", "value_high", "category", "actor",
    "attributed_to", "is_hedged", "hedge_cues", "quote", "claim_id",
]  # fmt: skip

__all__ = ["CATEGORIES", "COLUMNS", "LEDGER_COLUMNS", "extract", "ledger"]


def ledger(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return the claims as a reader's table: outlet, language (of the article: the quote is
    in it, untranslated), number_text, value_low, value_high, category, actor, attributed_to,
    is_hedged, hedge_cues, quote, claim_id; in article order."""
    meta = articles[["article_id", "outlet"]].assign(language=articles.get("language", "en"))
    merged = claims.merge(meta, on="article_id", how="left")
    return merged[LEDGER_COLUMNS].reset_index(drop=True)
