"""``load()``: a source becomes a :class:`Corpus` through the first backend that claims it.

A backend is a small class with ``accepts(source)`` and ``load(source, **options)``, registered
in order (as papermill's I/O handlers are): the DuckDB store first, then article files.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from dossier.corpus.corpus import Corpus
from dossier.corpus.parallel import Pool
from dossier.ingest.files import Source, discover
from dossier.ingest.reader import read_files, summarise


class Backend(Protocol):
    def accepts(self, source: Source) -> bool: ...

    def load(self, source: Source, **options) -> Corpus: ...


_BACKENDS: list[Backend] = []


def register(backend: Backend) -> Backend:
    """Add ``backend`` after those registered before; return it."""
    _BACKENDS.append(backend)
    return backend


def load(
    source: Source,
    *,
    boilerplate_file: Path | None = None,
    pattern: str | list[str] | None = None,
    workers: int = 1,
    scheduler: str | None = None,
) -> Corpus:
    """Load ``source`` (a folder, a glob, a file, a list of them, or a DuckDB store written by
    :func:`dossier.corpus.store.ingest`) into a :class:`Corpus`. A folder yields its files
    matching ``pattern`` (``"*.txt"`` by default; ``"*.txt,*.md"`` or a list widens it); a file
    named, or matched by a glob, is read whatever its name.

    ``workers`` local processes read the files and extract their claims and entities (1, the
    default: this process, claims extracted on first use; fewer files than
    :data:`dossier.corpus.parallel.MIN_FILES`: this process too), or the Dask cluster whose
    scheduler is at ``scheduler`` (see :mod:`dossier.corpus.parallel`); the frames are the
    same. A store is read as it is, whatever ``workers``.

    Files that cannot become articles are listed in ``problems`` and summed up in one
    :class:`dossier.DossierWarning`. Raises ``FileNotFoundError`` when the source matches no
    file and :class:`dossier.NoArticlesError` when none of its files is a readable article.
    """
    for backend in _BACKENDS:
        if backend.accepts(source):
            return backend.load(
                source,
                boilerplate_file=boilerplate_file,
                pattern=pattern,
                workers=workers,
                scheduler=scheduler,
            )
    raise ValueError(f"no backend reads {source!r}")  # the files backend takes anything


class StoreBackend:
    """A DuckDB store file (by its suffix or its header)."""

    def accepts(self, source: Source) -> bool:
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

    def load(self, source: Source, **options) -> Corpus:
        from dossier.corpus.store import load_store  # duckdb is imported only for a store

        return load_store(Path(source))


class FilesBackend:
    """Article files: a folder, a glob, a file, or a list of them."""

    def accepts(self, source: Source) -> bool:
        return True

    def load(
        self,
        source: Source,
        boilerplate_file: Path | None = None,
        pattern=None,
        workers: int = 1,
        scheduler: str | None = None,
        **options,
    ) -> Corpus:
        label = label_of(source)
        files = discover(source, pattern)
        with Pool(workers, scheduler) as pool:
            if not pool.is_parallel(len(files)):
                return Corpus(*read_files(files, label, boilerplate_file), source=label)
            found = pool.extract(files, boilerplate_file=boilerplate_file)
        tables = found.tables
        summarise(tables.problems, len(files), len(tables.articles), label, True, stacklevel=4)
        # read on the workers: kept, not extracted again
        return Corpus(*tables, source=label).with_extracted(found.claims, found.entities)


def label_of(source: Source) -> str:
    """How a source is named in messages: its path, or the first names of a list."""
    if isinstance(source, (str, os.PathLike)):
        return os.fspath(source)
    names = [os.fspath(s) for s in source] if isinstance(source, Iterable) else []
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


register(StoreBackend())
register(FilesBackend())
