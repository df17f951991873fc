"""Reading discovered article files into the articles, sentences and problems frames."""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from dossier.errors import DossierWarning, NoArticlesError
from dossier.ingest import articles, kinds, sentences
from dossier.ingest.document import Document
from dossier.ingest.files import SourceFile, UnreadableFile, printable, read_text

log = logging.getLogger(__name__)

PROBLEM_COLUMNS = {"file_name": "str", "problem": "str", "reason": "str"}


class Tables(NamedTuple):
    """The frames read from a set of files: articles, sentences, and the files' problems."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    problems: pd.DataFrame


def read_files(
    files: list[SourceFile], label: str, boilerplate_file: Path | None = None, warn: bool = True
) -> Tables:
    """Return the :class:`Tables` of already discovered ``files``.

    A file that cannot become an article is one row of ``problems``; with ``warn``, they are
    summed up in one :class:`DossierWarning`, and :class:`NoArticlesError` is raised when no
    file is a readable article (``label`` names the source in both)."""
    boilerplate = articles.load_boilerplate(boilerplate_file)
    documents: list[Document] = []
    problems: list[tuple[str, str, str]] = []
    seen: dict[str, str] = {}
    for f in files:
        doc = read_one(f, boilerplate)
        if not isinstance(doc, Document):
            problems.append((f.file_name, *doc))
            continue
        if doc.article_id in seen:
            problems.append((f.file_name, "duplicate", duplicate_reason(seen[doc.article_id], doc)))
            continue
        seen[doc.article_id] = f.file_name
        documents.append(doc)

    problem_frame = pd.DataFrame(problems, columns=list(PROBLEM_COLUMNS)).astype(PROBLEM_COLUMNS)
    summarise(problem_frame, len(files), len(documents), label, warn, stacklevel=5)
    return Tables(articles.frame(documents), sentences.frame(documents), problem_frame)


def read_one(f: SourceFile, boilerplate) -> Document | tuple[str, str]:
    """Return the :class:`Document` of one discovered file, or why it is none: (problem,
    reason). ``boilerplate`` is :func:`dossier.ingest.articles.load_boilerplate`'s."""
    if f.problem is not None:
        return f.problem
    try:
        text, encoding = read_text(f.path)
        if (reason := kinds.problem(text)) is not None:
            raise UnreadableFile("not_article", reason)
        return articles.parse(text, f.file_name, encoding, boilerplate)
    except UnreadableFile as exc:
        return exc.problem, exc.reason
    except Exception as exc:  # a parser bug on one odd file must not sink the whole load
        log.exception("failed to parse %s", printable(f.path))
        return "error", f"{type(exc).__name__}: {exc}"


def duplicate_reason(first: str, doc_or_id: Document | str) -> str:
    """The reason of a ``duplicate`` problem: the file ``first`` already holds the article."""
    article_id = doc_or_id if isinstance(doc_or_id, str) else doc_or_id.article_id
    return f"duplicate: the same article as {first} ({article_id})"


def summarise(
    problems: pd.DataFrame, files: int, documents: int, label: str, warn: bool, stacklevel: int
) -> None:
    """Log each problem; with ``warn``, sum them up in one :class:`DossierWarning` and raise
    :class:`NoArticlesError` when none of the ``files`` became one of the ``documents``."""
    rows = list(problems.itertuples(index=False, name=None))
    if rows:
        counts = Counter(code for _, code, _ in rows)
        detail = ", ".join(f"{n} {code}" for code, n in counts.most_common())
        message = (
            f"{len(rows)} of {files} files in {label} could not be loaded ({detail}); "
            "see Corpus.problems"
        )
        for name, code, reason in rows:
            log.info("skipped %s (%s): %s", name, code, reason)
        if warn:
            warnings.warn(message, DossierWarning, stacklevel=stacklevel)
    if not files and warn:
        raise NoArticlesError(
            f"no article file in {label}: a folder yields its *.txt files (others are logged "
            "as skipped); name the files, give a glob, or widen it with pattern='*.md'"
        )
    if not documents and warn:
        first = "; ".join(f"{name}: {reason}" for name, _, reason in rows[:3])
        raise NoArticlesError(f"no readable article in {label} ({files} files; {first})")
