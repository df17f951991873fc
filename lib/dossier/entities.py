"""The ``entities`` frame: every mention of a person, organisation, place or group.

Mentions come from the gazetteers in ``data/`` (aliases.csv, places.csv) and from people the
attribution rules found that no list knows ("Kenyan lawmaker Otieno"): every later mention of
such a name in the same article is listed too.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from dossier.claims import _Article

COLUMNS = {
    "article_id": "str",
    "sentence_no": "int64",
    "char_start": "int64",
    "char_end": "int64",
    "text": "str",
    "canonical_name": "str",
    "kind": "str",
}
KINDS = ("person", "organisation", "place", "group")


def rows(article: _Article) -> list[dict]:
    """Return one dict per entity mention in ``article`` (inside its sentences), in text order."""
    starts = [s for s, _, _, _ in article.spans]
    numbers = [no for _, _, no, _, _ in article.sentence_rows]
    ends = [e for _, e, _, _ in article.spans]
    mentions: dict[tuple[int, int], tuple[str, str]] = {}
    for m in article.names:
        kind = m.kind if m.kind in KINDS else "organisation"
        mentions[(m.start, m.end)] = (m.canonical, kind)
    for m in article.places:
        mentions.setdefault((m.start, m.end), (m.canonical, "place"))
    for person in article.sources.people:
        written = article.norm[person.start : person.end]
        for hit in re.finditer(rf"(?<![\w]){re.escape(written)}(?![\w])", article.norm):
            if not any(s <= hit.start() < e for s, e in mentions):
                mentions[(hit.start(), hit.end())] = (person.name, "person")
    # "Defence Minister Jane Doe" holds "Jane Doe": keep the name alone
    nested = {
        outer
        for outer, (name, _) in mentions.items()
        for inner, (other, _) in mentions.items()
        if inner != outer and name == other and outer[0] <= inner[0] and inner[1] <= outer[1]
    }
    out = []
    for (start, end), (canonical, kind) in sorted(mentions.items()):
        if (start, end) in nested:
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or end > ends[i]:
            continue  # in the header or the trailer, not in a sentence
        out.append(
            {
                "article_id": article.article_id,
                "sentence_no": numbers[i],
                "char_start": start,
                "char_end": end,
                "text": article.text[start:end],
                "canonical_name": canonical,
                "kind": kind,
            }
        )
    return out


def frame(entity_rows: list[dict]) -> pd.DataFrame:
    """Return the entities frame: article_id, sentence_no, char_start, char_end, text,
    canonical_name, kind (person, organisation, place, group)."""
    return pd.DataFrame(entity_rows, columns=list(COLUMNS)).astype(COLUMNS)
