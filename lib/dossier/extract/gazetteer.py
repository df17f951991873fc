"""The analyst-editable name lists in ``data/``, compiled for fast matching.

- ``data/actors.csv`` (alias, actor): whose forces a word denotes ("Sudanese" -> Sudan)
- ``data/places.csv`` (alias, canonical_name, kind, country): countries, regions, cities
- ``data/aliases.csv`` (alias, canonical_name, kind): people, organisations, groups

Aliases match whole words. All-capital aliases ("US", "IS", "NIS") match case-sensitively; the rest
ignore case. Each list compiles to one trie-shaped regex, so matching stays linear in the text.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dossier import paths
from dossier.text import for_matching, trie_regex


@dataclass(frozen=True)
class Match:
    """A gazetteer hit in a text: where, what was written, what it stands for."""

    start: int
    end: int
    text: str
    canonical: str
    kind: str  # actor | person, organisation, group | country, region, city
    country: str = ""


class Table:
    """One alias list: a regex over its aliases and alias -> (canonical, kind, country)."""

    def __init__(self, rows: Iterable[tuple[str, str, str, str]]):
        self.entries: dict[str, tuple[str, str, str]] = {}
        exact, folded = [], []
        for alias, canonical, kind, country in rows:
            alias = for_matching(alias.strip())
            if not alias or not canonical.strip():
                continue
            key = alias if _is_acronym(alias) else alias.casefold()
            self.entries.setdefault(key, (canonical.strip(), kind.strip(), country.strip()))
            (exact if _is_acronym(alias) else folded).append(alias)
        self._exact = _compile(exact, flags=0)
        self._folded = _compile([a.casefold() for a in folded], flags=re.IGNORECASE)
        # Names are written with a capital or a digit first; the few aliases that start in lower
        # case ("al-Qaeda", "occupied West Bank") add their first word. Matching only where a
        # name can start is several times faster than trying the whole list at every position.
        lower_firsts = sorted(
            {re.split(r"[\s-]", a, maxsplit=1)[0] for a in exact + folded if a[:1].islower()}
        )
        firsts = "|".join(re.escape(w) for w in lower_firsts)
        # the first word of every alias: most capitalised words ("The", "He") start none.
        # An acronym matches as written, so it is tried only where its first word is written
        # so ("IS" is not tried at every "is"); the rest where the word, case folded, is one.
        self._exact_firsts = {m.group(0) for a in exact if (m := _FIRST_WORD.match(a))}
        self._folded_firsts = {m.group(0).casefold() for a in folded if (m := _FIRST_WORD.match(a))}
        self.first_words = {w.casefold() for w in self._exact_firsts} | self._folded_firsts
        self._starts = re.compile(
            r"(?<![\w])(?:[A-Z0-9]" + (rf"|(?:{firsts})(?=[\s-])" if firsts else "") + ")"
        )

    def knows(self, word: str) -> bool:
        """Whether ``word`` (normalised for matching) is an alias of this list."""
        return word in self.entries or word.casefold() in self.entries

    def find(self, text: str) -> tuple[Match, ...]:
        """Return the non-overlapping hits in ``text`` (normalised for matching), longest first
        where two start together, in order. Remembered: the same speaker's words are looked up
        for every figure they give, and in article after article."""
        return _find(self, text)

    def find_at(self, text: str, starts: list[tuple[int, str]]) -> list[Match]:
        """:meth:`find`, trying only ``starts`` ((position, its word) pairs)."""
        kept: list[Match] = []
        last_end = -1
        for pos, word in starts:
            if pos < last_end:
                continue
            exact = self._exact if word in self._exact_firsts else None
            folded = self._folded if word.casefold() in self._folded_firsts else None
            if exact is None and folded is None:
                continue
            best = None
            for pattern, fold in ((exact, False), (folded, True)):
                m = pattern.match(text, pos) if pattern is not None else None
                if m is None or (best is not None and m.end() <= best[0].end()):
                    continue
                key = _SPACES.sub(" ", m.group(0))
                key = key.casefold() if fold else key
                if key in self.entries:
                    best = (m, key)
            if best is not None:
                m, key = best
                canonical, kind, country = self.entries[key]
                kept.append(Match(m.start(), m.end(), m.group(0), canonical, kind, country))
                last_end = m.end()
        return kept


@dataclass(frozen=True)
class Gazetteer:
    actors: Table
    places: Table
    names: Table

    @functools.cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(self.actors.first_words | self.places.first_words | self.names.first_words)

    def find_all(self, text: str) -> tuple[list[Match], list[Match], list[Match]]:
        """Return ``(names, places, actors)`` hits in ``text``, scanning its words once and
        trying only the words that start an alias of some list."""
        firsts = self._first_words
        starts = [
            (m.start(), w) for m in _WORD.finditer(text) if (w := m.group(0)).casefold() in firsts
        ]
        return (
            self.names.find_at(text, starts),
            self.places.find_at(text, starts),
            self.actors.find_at(text, starts),
        )


@functools.cache
def load(data_dir: Path | None = None) -> Gazetteer:
    """Return the gazetteer compiled from ``data_dir`` (default: the project's ``data/``)."""
    data_dir = data_dir or paths.DATA_DIR
    actors = [(r["alias"], r["actor"], "actor", "") for r in rows(data_dir / "actors.csv")]
    places = [
        (r["alias"], r["canonical_name"], r["kind"], r.get("country") or "")
        for r in rows(data_dir / "places.csv")
    ]
    names = [
        (r["alias"], r["canonical_name"], r["kind"], "") for r in rows(data_dir / "aliases.csv")
    ]
    return Gazetteer(Table(actors), Table(places), Table(names))


_SPACES = re.compile(r"\s+")
_FIRST_WORD = re.compile(r"\w+")
_ANY_START = re.compile(r"(?<![\w])\w")
_WORD = re.compile(r"(?<![\w])\w+")  # a word, from its start: _FIRST_WORD where _ANY_START is


@functools.lru_cache(maxsize=8192)
def _find(table: Table, text: str) -> tuple[Match, ...]:
    starts = [(m.start(), w) for m in table._starts.finditer(text) if (w := _first(text, m))]
    return tuple(table.find_at(text, starts))


def _first(text: str, start: re.Match[str]) -> str:
    word = _FIRST_WORD.match(text, start.start())
    return word.group(0) if word else ""


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f) if any((v or "").strip() for v in row.values())]


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


def _compile(aliases: list[str], flags: int) -> re.Pattern[str] | None:
    if not aliases:
        return None
    return re.compile(rf"{trie_regex(aliases)}(?![\w])", flags)
