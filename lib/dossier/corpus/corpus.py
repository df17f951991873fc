"""The :class:`Corpus`: the tidy tables of a set of articles, as one value; no I/O."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

import pandas as pd

from dossier.corpus import reliability
from dossier.extract import claims as claims_module
from dossier.text import for_matching


class Deferred(Protocol):
    """Rows of a table read when first used (a store's: :class:`dossier.corpus.stored.Stored`)."""

    def of(self, article_ids: Iterable[str]) -> Deferred: ...

    def read(self) -> pd.DataFrame: ...


class _Table:
    """A table field of :class:`Corpus`, given as a frame or as :class:`Deferred` rows, which
    are read on first use and kept (as claims are extracted on first use)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name, self.slot = name, f"_{name}"

    def __get__(self, corpus: Corpus | None, owner: type | None = None) -> pd.DataFrame:
        if corpus is None:
            raise AttributeError(self.name)  # for dataclasses: the field has no default
        value = corpus.__dict__[self.slot]
        if not isinstance(value, pd.DataFrame):
            value = corpus.__dict__[self.slot] = value.read()
        return value

    def __set__(self, corpus: Corpus, value: pd.DataFrame | Deferred) -> None:
        corpus.__dict__[self.slot] = value


@dataclass(frozen=True)
class Corpus:
    """The tidy tables of a set of articles.

    - ``articles``: one row per article (see :func:`dossier.ingest.articles.frame`)
    - ``sentences``: one row per sentence (see :func:`dossier.ingest.sentences.frame`); a
      store's are read when first used (:mod:`dossier.corpus.stored`)
    - ``problems``: one row per file that could not become an article: file_name, problem
      (empty, binary, undecodable, unreadable, no_body, duplicate, error), reason
    - ``claims`` and ``entities``: extracted on first use (see :mod:`dossier.extract.claims`);
      a store's entities are read when first used
    - ``filters``: what :meth:`select` was asked, as (name, value) pairs in order: ("outlets",
      "rfa.org"), ("query", "..."), ("min_reliability", "B"), ("since", "2025-01-01"),
      ("until", ...), ("categories", "killed, wounded"); empty when nothing was filtered
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame = _Table()
    problems: pd.DataFrame
    source: str = ""
    filters: tuple[tuple[str, str], ...] = ()

    @functools.cached_property
    def claims(self) -> pd.DataFrame:
        """One row per figure about forces or casualties (see :mod:`dossier.extract.claims`),
        computed on first use."""
        return claims_module.extract(self.articles, self.sentences, with_entities=False)[0]

    @functools.cached_property
    def entities(self) -> pd.DataFrame:
        """One row per mention of a person, organisation, place or group (see
        :mod:`dossier.extract.entities`), computed (or read from the store) on first use."""
        if (stored := self.__dict__.get("_entities")) is not None:
            return stored.read()
        found, entities = claims_module.extract(self.articles, self.sentences, with_entities=True)
        self.__dict__.setdefault("claims", found)  # both came from one pass: keep the claims
        return entities

    def with_extracted(
        self, claims: pd.DataFrame | None = None, entities: pd.DataFrame | Deferred | None = None
    ) -> Corpus:
        """Return this corpus with its claims and entities already known (read from a store,
        extracted by workers, selected from a parent), so they are not extracted again;
        entities may be :class:`Deferred` rows, read on first use."""
        if claims is not None:
            self.__dict__["claims"] = claims
        if isinstance(entities, pd.DataFrame):
            self.__dict__["entities"] = entities
        elif entities is not None:
            self.__dict__["_entities"] = entities
        return self

    def sentences_of(self, article_ids: Iterable[str]) -> pd.DataFrame:
        """Return the sentences of the articles ``article_ids``, in corpus order: for a store
        whose sentences are not read yet, those articles' alone are read."""
        held = self.__dict__["_sentences"]
        if isinstance(held, pd.DataFrame):
            return held[held["article_id"].isin(set(article_ids))].reset_index(drop=True)
        return held.of(article_ids).read()

    def __repr__(self) -> str:
        return (
            f"Corpus({len(self.articles)} articles, {len(self.sentences)} sentences, "
            f"{len(self.problems)} problems, source={self.source!r})"
        )

    def overview(self) -> pd.DataFrame:
        """Return one row per article: title, outlet, word_count, sentence_count, file_name,
        article_id."""
        counts = self.sentences.groupby("article_id").size().rename("sentence_count")
        out = self.articles.merge(counts, left_on="article_id", right_index=True, how="left")
        out["sentence_count"] = out["sentence_count"].fillna(0).astype("int64")
        columns = ["title", "outlet", "word_count", "sentence_count", "file_name", "article_id"]
        return out[columns].reset_index(drop=True)

    def select(
        self,
        outlets: Sequence[str] | str | None = None,
        query: object = None,
        categories: Sequence[str] | str | None = None,
        min_reliability: str | None = None,
        since: object = None,
        until: object = None,
    ) -> Corpus:
        """Return the corpus restricted to articles from ``outlets`` (as in ``articles.outlet``),
        whose title or text contains every word of ``query`` (any case), whose outlet is graded
        ``min_reliability`` or better (A-F, ``data/sources.csv``), published between ``since``
        and ``until`` (articles with no date are kept), and to claims of ``categories``.
        Claims already extracted are reused, not extracted again."""
        keep = pd.Series(True, index=self.articles.index)
        if outlets:
            wanted = [outlets] if isinstance(outlets, str) else list(outlets)
            keep &= self.articles["outlet"].isin([o.lower() for o in wanted])
        if query is not None and str(query).strip():
            keep &= contains_all(self.articles["title"] + "\n" + self.articles["text"], str(query))
        if min_reliability:
            grades = reliability.grade_outlets(self.articles["outlet"])["reliability"]
            keep &= reliability.at_least(grades.set_axis(self.articles.index), min_reliability)
        dates = self.articles["published_date"]
        if since is not None:
            keep &= dates.isna() | (dates >= pd.Timestamp(since))
        if until is not None:
            keep &= dates.isna() | (dates <= pd.Timestamp(until))
        ids = set(self.articles.loc[keep, "article_id"])
        wanted_categories = [categories] if isinstance(categories, str) else categories
        asked = {
            "outlets": ", ".join([outlets] if isinstance(outlets, str) else outlets or []),
            "query": str(query).strip() if query is not None else "",
            "min_reliability": min_reliability or "",
            "since": _day(since),
            "until": _day(until),
            "categories": ", ".join(wanted_categories or []),
        }
        chosen = replace(
            self,
            filters=self.filters + tuple((name, value) for name, value in asked.items() if value),
            articles=self.articles[keep].reset_index(drop=True),
            sentences=_rows_of(self.__dict__["_sentences"], ids),
        )
        claims = entities = None
        if wanted_categories or "claims" in self.__dict__:
            kept = self.claims["article_id"].isin(ids)
            claims = self.claims if kept.all() else self.claims[kept]  # often all: not copied
            if wanted_categories:
                claims = claims[claims["category"].isin(list(wanted_categories))]
            claims = claims.reset_index(drop=True)
        if "entities" in self.__dict__:
            entities = self.entities[self.entities["article_id"].isin(ids)].reset_index(drop=True)
        elif "_entities" in self.__dict__:
            entities = self.__dict__["_entities"].of(ids)
        return chosen.with_extracted(claims, entities)


def _rows_of(table: pd.DataFrame | Deferred, ids: set[str]) -> pd.DataFrame | Deferred:
    """The rows of ``table`` of the articles ``ids``: still deferred when not read yet."""
    if isinstance(table, pd.DataFrame):
        return table[table["article_id"].isin(ids)].reset_index(drop=True)
    return table.of(ids)


def _day(value: object) -> str:
    """A date filter as written in the header: "2025-01-01" (missing: "")."""
    return "" if value is None else f"{pd.Timestamp(value):%Y-%m-%d}"


def contains_all(texts: pd.Series, query: str | None) -> pd.Series:
    """Return, for each text, whether it contains every word of ``query``, ignoring case, quote
    style and spacing (all True for an empty query)."""
    keep = pd.Series(True, index=texts.index)
    if not query or not query.strip():
        return keep
    haystack = texts.map(_searchable)
    for term in _searchable(query).split():
        keep &= haystack.str.contains(term, regex=False)
    return keep


def _searchable(text: str) -> str:
    return re.sub(r"\s+", " ", for_matching(text).casefold())
