"""Reading files in partitions: a part read anywhere (a worker process, another machine), and
the parts merged into the very frames one process reading all the files would have made.

:func:`read_part` is what a Dask worker runs: a pure function of its files that returns pandas
frames. :func:`merge` runs in the driving process: the parts in file order, an article read
twice kept once (a ``duplicate`` problem for the later file, as :func:`read_files` words it),
and the problems in file order.
"""

from __future__ import annotations

import hashlib
import socket
import warnings
from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from dossier.extract import claims as claims_module
from dossier.ingest import articles, sentences
from dossier.ingest.document import Document
from dossier.ingest.files import SourceFile, printable
from dossier.ingest.reader import PROBLEM_COLUMNS, Tables, duplicate_reason, read_one

# Files per partition: enough that a task's overhead is small beside it, few enough that the
# partitions spread over the workers and a result is a modest message.
SMALLEST_PART, LARGEST_PART = 25, 500


class Part(NamedTuple):
    """What a worker read from one partition of the files (``offset``: the index of its first
    file among all). ``problems`` and ``duplicates`` carry the file's index as ``file_no``;
    ``article_nos`` is the index of each article's file; ``warnings`` are the messages (and
    categories) the extraction warned with, to be warned again by the driver."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    claims: pd.DataFrame | None
    entities: pd.DataFrame | None
    problems: list[tuple[int, str, str, str]]
    duplicates: list[tuple[int, str, str]]
    article_nos: list[int]
    warnings: list[tuple[str, type[Warning]]]


class Extracted(NamedTuple):
    """The merged parts: the :class:`Tables` of the files, and their claims and entities (None
    when no file is an article)."""

    tables: Tables
    claims: pd.DataFrame | None
    entities: pd.DataFrame | None


class NotTheSameFile(Exception):
    """A worker could not read a file as the driving process did (missing, or other bytes)."""


def chunks(count: int, workers: int) -> list[range]:
    """Contiguous ranges of ``count`` file indexes, each of SMALLEST_PART to LARGEST_PART files:
    each about a quarter of the files left per worker, so they shrink towards the end and the
    workers finish together (a last large partition would keep the others idle)."""
    out: list[range] = []
    start, share = 0, 4 * max(1, workers)
    while start < count:
        size = max(SMALLEST_PART, min(LARGEST_PART, -(-(count - start) // share)))
        out.append(range(start, min(start + size, count)))
        start += size
    return out


def read_part(
    files: Sequence[SourceFile],
    offset: int,
    boilerplate_file: str | None = None,
    hashes: Sequence[str] | None = None,
) -> Part:
    """Read, then extract the claims and entities of, ``files`` (the files ``offset``,
    ``offset + 1``... of an ingest); return the :class:`Part`. With ``hashes`` (the SHA-256 the
    driving process read), raises :class:`NotTheSameFile` when a file is missing here or holds
    other bytes: a worker on another machine must see the same files."""
    if hashes is not None:
        _check_same(files, hashes)
    boilerplate = articles.load_boilerplate(boilerplate_file)
    documents: list[Document] = []
    problems: list[tuple[int, str, str, str]] = []
    duplicates: list[tuple[int, str, str]] = []
    article_nos: list[int] = []
    seen: set[str] = set()
    for no, f in enumerate(files, start=offset):
        doc = read_one(f, boilerplate)
        if not isinstance(doc, Document):
            problems.append((no, f.file_name, *doc))
        elif doc.article_id in seen:
            duplicates.append((no, f.file_name, doc.article_id))
        else:
            seen.add(doc.article_id)
            documents.append(doc)
            article_nos.append(no)
    frame, sentence_frame = articles.frame(documents), sentences.frame(documents)
    found, entities = None, None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if documents:
            found, entities = claims_module.extract(frame, sentence_frame)
    said = [(str(w.message), w.category) for w in caught]
    return Part(frame, sentence_frame, found, entities, problems, duplicates, article_nos, said)


class Header(NamedTuple):
    """What the driving process keeps of a :class:`Part` once its frames are written: the
    index, id and file name of each article, and the part's problems and duplicates."""

    article_nos: list[int]
    article_ids: list[str]
    file_names: list[str]
    problems: list[tuple[int, str, str, str]]
    duplicates: list[tuple[int, str, str]]


def header(part: Part) -> Header:
    """The :class:`Header` of ``part``."""
    ids, names = part.articles["article_id"].tolist(), part.articles["file_name"].tolist()
    return Header(part.article_nos, ids, names, part.problems, part.duplicates)


def ledger(headers: Sequence[Header]) -> tuple[pd.DataFrame, list[set[str]]]:
    """The problems of the parts of ``headers`` (in file order) as one process reading their
    files in that order would have found them, and for each part the ids of its articles an
    earlier part already holds (to leave out: their files are ``duplicate`` problems)."""
    first: dict[str, str] = {}  # article id -> the file that holds it first
    problems: list[tuple[int, str, str, str]] = []
    dropped: list[set[str]] = []
    for part in headers:
        problems.extend(part.problems)
        again = set()
        rows = zip(part.article_nos, part.article_ids, part.file_names, strict=True)
        for no, article_id, name in rows:
            if article_id in first:  # an earlier part holds it
                again.add(article_id)
                reason = duplicate_reason(first[article_id], article_id)
                problems.append((no, name, "duplicate", reason))
            else:
                first[article_id] = name
        for no, name, article_id in part.duplicates:  # the first may be in an earlier part
            reason = duplicate_reason(first[article_id], article_id)
            problems.append((no, name, "duplicate", reason))
        dropped.append(again)
    # one problem per file: sorting by its index puts them in file order
    rows = [row[1:] for row in sorted(problems, key=lambda row: row[0])]
    return pd.DataFrame(rows, columns=list(PROBLEM_COLUMNS)).astype(PROBLEM_COLUMNS), dropped


def merge(parts: Sequence[Part]) -> Extracted:
    """Return the frames of all ``parts`` (in file order) as one process reading all their
    files in that order would have made them."""
    problem_frame, dropped = ledger([header(p) for p in parts])
    kept = [_without(p, again) if again else p for p, again in zip(parts, dropped, strict=True)]
    tables = Tables(
        _concat([p.articles for p in kept]), _concat([p.sentences for p in kept]), problem_frame
    )
    with_articles = [p for p in kept if p.claims is not None]
    if not len(tables.articles) or not with_articles:
        return Extracted(tables, None, None)
    claims = _concat([p.claims for p in with_articles])
    entities = _concat([p.entities for p in with_articles])
    return Extracted(tables, claims, entities)


def _without(part: Part, article_ids: set[str]) -> Part:
    """``part`` less the articles ``article_ids`` (already read from an earlier part)."""

    def drop(frame: pd.DataFrame | None) -> pd.DataFrame | None:
        return None if frame is None else frame[~frame["article_id"].isin(article_ids)]

    keep = ~part.articles["article_id"].isin(article_ids)
    nos = [no for no, k in zip(part.article_nos, keep, strict=True) if k]
    return part._replace(
        articles=part.articles[keep],
        sentences=drop(part.sentences),
        claims=drop(part.claims),
        entities=drop(part.entities),
        article_nos=nos,
    )


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The frames one after the other, indexed 0..n-1 (empty ones left out: their columns
    would weigh on the result's types)."""
    full = [f for f in frames if len(f)]
    if not full:
        return frames[0].iloc[0:0].reset_index(drop=True)
    return pd.concat(full, ignore_index=True) if len(full) > 1 else full[0].reset_index(drop=True)


def _check_same(files: Sequence[SourceFile], hashes: Sequence[str]) -> None:
    for f, sha in zip(files, hashes, strict=True):
        if f.problem is not None:
            continue
        try:
            data = f.path.read_bytes() if f.path.is_file() else b""
        except OSError:
            data = b""
        if hashlib.sha256(data).hexdigest() != sha:
            raise NotTheSameFile(
                f"the worker on {socket.gethostname()} reads {printable(f.path)} otherwise than "
                "the driving process (missing, or other bytes): every worker must see the "
                "article files at the same paths"
            )
