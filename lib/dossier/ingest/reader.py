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
        if f.problem is not None:
            problems.append((f.file_name, *f.problem))
            continue
        try:
            text, encoding = read_text(f.path)
            if (reason := kinds.problem(text)) is not None:
                raise UnreadableFile("not_article", reason)
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
            warnings.warn(message, DossierWarning, stacklevel=4)
    if not files and warn:
        raise NoArticlesError(
            f"no article file in {label}: a folder yields its *.txt files (others are logged "
            "as skipped); name the files, give a glob, or widen it with pattern='*.md'"
        )
    if not documents and warn:
        first = "; ".join(f"{name}: {reason}" for name, _, reason in problems[:3])
        raise NoArticlesError(f"no readable article in {label} ({len(files)} files; {first})")
    return Tables(articles.frame(documents), sentences.frame(documents), problem_frame)
