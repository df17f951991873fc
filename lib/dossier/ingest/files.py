"""Finding the files of a source and decoding their bytes.

A file that cannot be decoded is never a crash: :func:`decode` raises :class:`UnreadableFile`
with a short problem code and a human reason, which the loader turns into a ``problems`` row.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from dossier import paths

Source = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

_GLOB_CHARS = set("*?[")
# A news article is tens of kilobytes; a file of megabytes is a data dump or a book, and reading
# it as one article would take long and say nothing: it is a problem to split, not an article.
MAX_FILE_BYTES = 2_000_000

# Order matters: a BOM is proof of its encoding; then strict UTF-8; then cp1252, the usual
# encoding of text saved by Windows tools, which also covers plain Latin-1 text.
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

# C0 control characters other than tab, newline, carriage return and form feed: text has
# (almost) none of them, binary formats have many.
_CONTROL_RE = re.compile("[" + "".join(chr(c) for c in range(32) if c not in (9, 10, 12, 13)) + "]")


class UnreadableFile(Exception):
    """A file that cannot become text. ``problem`` is a short code, ``reason`` says why."""

    def __init__(self, problem: str, reason: str):
        super().__init__(reason)
        self.problem = problem
        self.reason = reason


@dataclass(frozen=True)
class SourceFile:
    """One file of a source: where it is and the name it is reported under. ``problem`` is set
    (a code and a reason) when discovery already knows it cannot be read: a folder that cannot
    be listed, a link back to a folder already read."""

    path: Path
    file_name: str
    problem: tuple[str, str] | None = None


def printable(path: str | os.PathLike[str]) -> str:
    """Return ``path`` as text that any output can take: bytes of a file name that are not
    UTF-8 (which Python keeps as lone surrogates) are written as escapes (``caf\\xe9.txt``)."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def discover(source: Source) -> list[SourceFile]:
    """Return the files of ``source``: a folder (every non-hidden file below it, sorted), a glob,
    a file, or a list of any of these. Raises ``FileNotFoundError`` naming what matched nothing."""
    if isinstance(source, (str, os.PathLike)):
        items = [source]
    else:
        items = list(source)
        if not items:
            raise FileNotFoundError("no files given: the source is an empty list")
    found: list[SourceFile] = []
    for item in items:
        found.extend(_discover_one(item))
    return found


def _discover_one(item: str | os.PathLike[str]) -> list[SourceFile]:
    text = os.fspath(item)
    if _GLOB_CHARS & set(text):
        matches = sorted(glob.glob(text, recursive=True))
        if not matches and not Path(text).is_absolute():
            matches = sorted(glob.glob(str(paths.ROOT / text), recursive=True))
        files = [Path(m) for m in matches if Path(m).is_file()]
        if not files:
            raise FileNotFoundError(f"no files match {printable(text)!r}")
        return [SourceFile(p, printable(p.name)) for p in files]
    path = paths.resolve(text)
    if path.is_dir():
        return _walk(path)
    if path.is_file():
        return [SourceFile(path, printable(path.name))]
    raise FileNotFoundError(f"no such file or folder: {printable(text)!r}")


def _walk(root: Path) -> list[SourceFile]:
    """Every non-hidden entry below ``root`` but folders, sorted by path, so a broken link or a
    FIFO becomes a reported problem. Links to folders are followed; a link back to a folder
    already read (a loop, or a second way in) and a folder that cannot be listed are problems."""
    found: list[SourceFile] = []

    def name(p: Path) -> str:
        return printable(p.relative_to(root).as_posix())

    def unlisted(error: OSError) -> None:
        folder = Path(error.filename or root)
        reason = f"cannot list folder: {error.strerror or error}"
        found.append(SourceFile(folder, name(folder) + "/", ("unreadable", reason)))

    seen: dict[tuple[int, int], Path] = {}
    for top, folders, files in os.walk(root, onerror=unlisted, followlinks=True):
        here = Path(top)
        try:
            info = here.stat()
            seen.setdefault((info.st_dev, info.st_ino), here)
        except OSError as exc:
            unlisted(exc)
        keep = []
        for folder in sorted(folders):
            if folder.startswith("."):
                continue
            sub = here / folder
            try:
                info = sub.stat()
            except OSError:  # a broken link: reported as the file it pretends to be
                found.append(SourceFile(sub, name(sub)))
                continue
            first = seen.get((info.st_dev, info.st_ino))
            if first is not None:
                earlier = name(first) if first != root else "the folder loaded"
                reason = f"link to a folder already read ({earlier}): not read twice"
                found.append(SourceFile(sub, name(sub) + "/", ("unreadable", reason)))
                continue
            seen[(info.st_dev, info.st_ino)] = sub
            keep.append(folder)
        folders[:] = keep
        found.extend(SourceFile(here / f, name(here / f)) for f in files if not f.startswith("."))
    return sorted(found, key=lambda f: f.path.relative_to(root).parts)


def read_text(path: Path) -> tuple[str, str]:
    """Return ``(text, encoding)`` of the file at ``path``; raises :class:`UnreadableFile`."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # reading a FIFO would block a scheduled run forever
            raise UnreadableFile("unreadable", "not a regular file (a device, FIFO or socket)")
        if (size := info.st_size) > MAX_FILE_BYTES:
            raise UnreadableFile(
                "too_large",
                f"{size / 1e6:.1f} MB: an article file holds at most {MAX_FILE_BYTES / 1e6:g} MB "
                "(split it into articles)",
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFile(
            "unreadable", "cannot read file: broken link or file vanished"
        ) from exc
    except OSError as exc:
        raise UnreadableFile("unreadable", f"cannot read file: {exc.strerror or exc}") from exc
    return decode(data)


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` trying UTF-8 with BOM, UTF-16 with BOM, UTF-8, then cp1252.

    Returns ``(text, encoding)`` with line ends normalised to ``\\n`` (as Python's text mode does)
    and any BOM removed. Raises :class:`UnreadableFile` for empty, binary or undecodable input.
    """
    if not data.strip():
        raise UnreadableFile("empty", "empty file" if not data else "file holds only whitespace")
    text, encoding = _decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise UnreadableFile("empty", "file holds only whitespace")
    controls = len(_CONTROL_RE.findall(text, 0, 4096))
    if controls > 0.01 * min(len(text), 4096) + 1:
        raise UnreadableFile("binary", f"binary file: {controls} control characters in its text")
    return text, encoding


def _decode(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableFile(
                    "undecodable", f"starts with a {encoding} byte-order mark but is not {encoding}"
                ) from exc
    if b"\x00" in data:
        raise UnreadableFile("binary", "binary file: contains NUL bytes")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise UnreadableFile(
                "undecodable",
                f"undecodable bytes: not UTF-8 (byte {utf8_error.start}) and not cp1252",
            ) from utf8_error
