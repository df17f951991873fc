"""Loading a source of article files into a :class:`Corpus` of tidy frames."""

from __future__ import annotations

import functools
import logging
import os
import re
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd

from dossier import articles, sentences
from dossier.files import Source, UnreadableFile, discover, printable, read_text
from dossier.text import for_matching

log = logging.getLogger(__name__)

PROBLEM_COLUMNS = {"file_name": "str", "problem": "str", "reason": "str"}


class DossierWarning(UserWarning):
    """Something in the input was skipped; the corpus says what in ``problems``."""


class NoArticlesError(ValueError):
    """The source holds no readable article at all."""


@dataclass(frozen=True)
class Corpus:
    """The tidy tables of a set of articles.

    - ``articles``: one row per article (see :func:`dossier.articles.frame`)
    - ``sentences``: one row per sentence (see :func:`dossier.sentences.frame`)
    - ``problems``: one row per file that could not become an article: file_name, problem
      (empty, binary, undecodable, unreadable, no_body, duplicate, error), reason
    - ``claims`` and ``entities``: extracted on first use (see :mod:`dossier.claims`)
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    problems: pd.DataFrame
    source: str = ""

    @functools.cached_property
    def claims(self) -> pd.DataFrame:
        """One row per figure about forces or casualties (see :mod:`dossier.claims`), computed
        on first use."""
        from dossier import claims  # the extractor loads its gazetteers on first use

        return claims.extract(self.articles, self.sentences, with_entities=False)[0]

    @functools.cached_property
    def entities(self) -> pd.DataFrame:
        """One row per mention of a person, organisation, place or group (see
        :mod:`dossier.entities`), computed on first use."""
        from dossier import claims

        found, entities = claims.extract(self.articles, self.sentences, with_entities=True)
        self.__dict__.setdefault("claims", found)  # both came from one pass: keep the claims
        return entities

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
            from dossier import sources

            grades = sources.grade_outlets(self.articles["outlet"])["reliability"]
            keep &= sources.at_least(grades.set_axis(self.articles.index), min_reliability)
        dates = self.articles["published_date"]
        if since is not None:
            keep &= dates.isna() | (dates >= pd.Timestamp(since))
        if until is not None:
            keep &= dates.isna() | (dates <= pd.Timestamp(until))
        ids = set(self.articles.loc[keep, "article_id"])
        chosen = replace(
            self,
            articles=self.articles[keep].reset_index(drop=True),
            sentences=self.sentences[self.sentences["article_id"].isin(ids)].reset_index(drop=True),
        )
        wanted_categories = [categories] if isinstance(categories, str) else categories
        if wanted_categories or "claims" in self.__dict__:
            claims = self.claims[self.claims["article_id"].isin(ids)]
            if wanted_categories:
                claims = claims[claims["category"].isin(list(wanted_categories))]
            chosen.__dict__["claims"] = claims.reset_index(drop=True)
        if "entities" in self.__dict__:
            entities = self.entities[self.entities["article_id"].isin(ids)]
            chosen.__dict__["entities"] = entities.reset_index(drop=True)
        return chosen


def load(source: Source, *, boilerplate_file: Path | None = None) -> Corpus:
    """Load ``source`` (a folder, a glob, a file, a list of them, or a DuckDB store written by
    :func:`dossier.store.ingest`) into a :class:`Corpus`.

    Files that cannot become articles are listed in ``problems`` and summed up in one
    :class:`DossierWarning`. Raises ``FileNotFoundError`` when the source matches no file and
    :class:`NoArticlesError` when none of its files is a readable article.
    """
    if _is_store(source):
        from dossier.store import load_store

        return load_store(Path(source))
    return load_files(discover(source), _label(source), boilerplate_file)


def load_files(
    files: list, label: str, boilerplate_file: Path | None = None, warn: bool = True
) -> Corpus:
    """Load already discovered ``files`` (:class:`dossier.files.SourceFile`) into a Corpus;
    what :func:`load` does after finding the files of its source."""
    boilerplate = articles.load_boilerplate(boilerplate_file)
    documents: list[articles.Document] = []
    problems: list[tuple[str, str, str]] = []
    seen: dict[str, str] = {}
    for f in files:
        if f.problem is not None:
            problems.append((f.file_name, *f.problem))
            continue
        try:
            text, encoding = read_text(f.path)
            doc = articles.parse(text, f.file_name, encoding, boilerplate)
        except UnreadableFile as exc:
            problems.append((f.file_name, exc.problem, exc.reason))
            continue
        except Exception as exc:  # a parser bug on one odd file must not sink the whole load
            log.exception("failed to parse %s", printable(f.path))
            problems.append((f.file_name, "error", f"{type(exc).__name__}: {exc}"))
            continue
        if doc.article_id in seen:
            reason = f"duplicate: the same article as {seen[doc.article_id]} ({doc.article_id})"
            problems.append((f.file_name, "duplicate", reason))
            continue
        seen[doc.article_id] = f.file_name
        documents.append(doc)

    problem_frame = pd.DataFrame(problems, columns=list(PROBLEM_COLUMNS)).astype(PROBLEM_COLUMNS)
    if problems:
        counts = Counter(code for _, code, _ in problems)
        detail = ", ".join(f"{n} {code}" for code, n in counts.most_common())
        message = (
            f"{len(problems)} of {len(files)} files in {label} could not be loaded ({detail}); "
            "see Corpus.problems"
        )
        for name, code, reason in problems:
            log.info("skipped %s (%s): %s", name, code, reason)
        if warn:
            warnings.warn(message, DossierWarning, stacklevel=3)
    if not documents and warn:
        first = "; ".join(f"{name}: {reason}" for name, _, reason in problems[:3])
        raise NoArticlesError(f"no readable article in {label} ({len(files)} files; {first})")
    return Corpus(
        articles=articles.frame(documents),
        sentences=sentences.frame(documents),
        problems=problem_frame,
        source=label,
    )


def _is_store(source: Source) -> bool:
    """Whether ``source`` is a DuckDB store file (by suffix or by its header)."""
    if not isinstance(source, (str, os.PathLike)):
        return False
    path = Path(source)
    if path.suffix == ".duckdb":
        return True
    try:
        with open(path, "rb") as f:
            return f.read(12)[8:12] == b"DUCK"
    except OSError:
        return False


def _label(source: Source) -> str:
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    names = [os.fspath(s) for s in source] if isinstance(source, Iterable) else []
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


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
