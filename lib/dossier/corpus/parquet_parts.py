"""Partitions handed back as Parquet files in a location the workers and the driving process
share (``--parts DIR``: a folder, or any fsspec URL both can write and read), rather than as
frames sent through the scheduler: a worker writes its partition's tables there and returns
only their names; the driving process reads them into its one transaction, then removes them.

Parquet is written and read by DuckDB (no pyarrow needed); a URL other than a local folder is
reached through its fsspec filesystem, registered with DuckDB.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import duckdb

from dossier.corpus.partitions import Header, header, read_part
from dossier.ingest.files import SourceFile
from dossier.ingest.urls import filesystem, is_url

TABLE_NAMES = ("articles", "sentences", "claims", "entities")


class Written(NamedTuple):
    """A partition a worker wrote as Parquet: its :class:`Header`, the extraction's warnings,
    and the location of each of its non-empty tables."""

    header: Header
    warnings: list[tuple[str, type[Warning]]]
    files: dict[str, str]


def where(folder: str, name: str) -> str:
    """The location of the part ``name`` in ``folder`` (a local folder or a URL)."""
    return f"{folder.rstrip('/')}/{name}.parquet"


def local(location: str) -> str | None:
    """The local path of ``location`` (a path or a ``file://`` URL), or None for a URL of
    another filesystem."""
    if not is_url(location):
        return location
    if location.startswith("file://"):
        return location.removeprefix("file://")
    return None


def connect_for(location: str, con: duckdb.DuckDBPyConnection | None = None):
    """``con`` (a new in-memory connection when None) able to read and write ``location``."""
    con = con if con is not None else duckdb.connect()
    if local(location) is None:
        fs, _ = filesystem(location)
        with contextlib.suppress(duckdb.Error):  # registered before: the same filesystem
            con.register_filesystem(fs)
    return con


def write_part(
    files: Sequence[SourceFile],
    offset: int,
    boilerplate_file: str | None,
    hashes: Sequence[str] | None,
    folder: str,
    name: str,
) -> Written:
    """What a worker runs: :func:`read_part`, then each non-empty table written as Parquet in
    ``folder`` under ``name``; return the :class:`Written`."""
    part = read_part(files, offset, boilerplate_file, hashes)
    frames = {"articles": part.articles, "sentences": part.sentences}
    frames |= {"claims": part.claims, "entities": part.entities}
    if local(folder) is not None:
        os.makedirs(local(folder), exist_ok=True)
    con = connect_for(folder)
    written = {}
    try:
        for table, frame in frames.items():
            if frame is None or not len(frame):
                continue
            location = where(folder, f"{name}-{table}")
            con.register("part", frame)
            target = _quoted(local(location) or location)
            con.execute(f"COPY (SELECT * FROM part) TO '{target}' (FORMAT parquet)")
            con.unregister("part")
            written[table] = location
    finally:
        con.close()
    return Written(header(part), part.warnings, written)


def source(location: str) -> str:
    """The SQL that reads the Parquet file at ``location`` (quoted)."""
    return f"read_parquet('{_quoted(local(location) or location)}')"


def remove(locations: Iterable[str]) -> None:
    """Remove the Parquet files at ``locations`` (those already gone are left alone)."""
    for location in locations:
        path = local(location)
        if path is not None:
            with contextlib.suppress(FileNotFoundError):
                os.remove(path)
        else:
            fs, inner = filesystem(location)
            with contextlib.suppress(FileNotFoundError):
                fs.rm_file(inner)


def remove_folder(folder: str) -> None:
    """Remove the local ``folder`` of parts if it is empty."""
    with contextlib.suppress(OSError):
        os.rmdir(local(folder) or "")


def _quoted(text: str) -> str:
    return text.replace("'", "''")
