"""The ``entities`` frame: every mention of a person, organisation, place or group.

Mentions come from the gazetteers in ``data/`` (aliases.csv, places.csv) and from people the
attribution rules found that no list knows ("Kenyan lawmaker Otieno"): every later mention of
such a name in the same article is listed too.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from dossier.extract.doc import Doc

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


def rows(article: Doc) -> list[dict]:
    """Return one dict per entity mention in ``article`` (inside its sentences), in text order."""
    starts = [s for s, _, _, _ in article.spans]
    numbers = [s.sentence_no for s in article.sentences]
    ends = [e for _, e, _, _ in article.spans]
    mentions: dict[tuple[int, int], tuple[str, str]] = {}
    for m in article.names:
        kind = m.kind if m.kind in KINDS else "organisation"
        mentions[(m.start, m.end)] = (m.canonical, kind)
    for m in article.places:
        mentions.setdefault((m.start, m.end), (m.canonical, "place"))
    _add_people(article, mentions)
    nested = _nested(mentions)
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


def _add_people(article: Doc, mentions: dict[tuple[int, int], tuple[str, str]]) -> None:
    """Add every mention of the people the attribution rules found (as written, whole words)
    that does not start inside a mention already listed."""
    norm = article.norm
    covered = bytearray(len(norm) + 1)  # 1 where a listed mention covers the text
    for start, end in mentions:
        covered[start:end] = b"\x01" * (end - start)
    people: dict[str, str] = {}  # as written -> the name, the first person written so first
    for person in article.sources.people:
        people.setdefault(norm[person.start : person.end], person.name)
    hits = _occurrences(norm, list(people))
    for written, name in people.items():
        for start, end in hits[written]:
            if not covered[start]:
                mentions[(start, end)] = (name, "person")
                covered[start:end] = b"\x01" * (end - start)


# Above this many names, one scan of the article's words finds them all; below, one regex each.
_MANY_NAMES = 16
_WORD_START = re.compile(r"(?<![\w])\w")
_WORD_CHAR = re.compile(r"\w")


def _occurrences(text: str, names: list[str]) -> dict[str, list[tuple[int, int]]]:
    """Every occurrence of each of ``names`` in ``text`` as whole words, as ``re.finditer``
    would find them one name at a time (an occurrence overlapping the one before is skipped)."""
    by_words = {n for n in names if len(names) > _MANY_NAMES and _WORD_CHAR.match(n)}
    found = {
        name: [m.span() for m in re.finditer(rf"(?<![\w]){re.escape(name)}(?![\w])", text)]
        for name in names
        if name not in by_words
    }
    if not by_words:
        return found
    trie: dict = {}
    for name in by_words:
        node = trie
        for char in name:
            node = node.setdefault(char, {})
        node[""] = name  # a name ends here
        found[name] = []
    size = len(text)
    for word in _WORD_START.finditer(text):
        start = node_at = word.start()
        node = trie
        while node_at < size and (node := node.get(text[node_at])) is not None:
            node_at += 1
            name = node.get("")
            if name is not None and (node_at == size or not _WORD_CHAR.match(text, node_at)):
                spans = found[name]
                if not spans or spans[-1][1] <= start:
                    spans.append((start, node_at))
    return found


def _nested(mentions: dict[tuple[int, int], tuple[str, str]]) -> set[tuple[int, int]]:
    """The mentions that hold another mention of the same name: "Defence Minister Jane Doe"
    holds "Jane Doe", and only the name alone is kept."""
    by_name: dict[str, list[tuple[int, int]]] = {}
    for span, (name, _) in mentions.items():
        by_name.setdefault(name, []).append(span)
    outer: set[tuple[int, int]] = set()
    for spans in by_name.values():
        # by start, the longest first: a span holds another when a later one ends no later
        spans.sort(key=lambda span: (span[0], -span[1]))
        least_end = None
        for start, end in reversed(spans):
            if least_end is not None and least_end <= end:
                outer.add((start, end))
            least_end = end if least_end is None else min(least_end, end)
    return outer


def frame(entity_rows: list[dict]) -> pd.DataFrame:
    """Return the entities frame: article_id, sentence_no, char_start, char_end, text,
    canonical_name, kind (person, organisation, place, group)."""
    return pd.DataFrame(entity_rows, columns=list(COLUMNS)).astype(COLUMNS)
