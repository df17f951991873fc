"""Finding the files of a source and decoding their bytes.

A file that cannot be decoded is never a crash: :func:`decode` raises :class:`UnreadableFile`
with a short problem code and a human reason, which the loader turns into a ``problems`` row.
"""

from __future__ import annotations

import fnmatch
import glob
import logging
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dossier import paths
from dossier.ingest.urls import Url, is_glob, is_url, listed

log = logging.getLogger(__name__)

Source = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]

# What a folder yields: article files are plain text. A saved page, a gold .jsonl or a README
# beside them is left out (and counted), unless a wider pattern asks for it; a file named
# explicitly, or matched by a glob, is always read.
DEFAULT_PATTERNS = ("*.txt",)

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

    path: Path | Url
    file_name: str
    problem: tuple[str, str] | None = None
    explicit: bool = False  # named by the caller (or matched by their glob): read whatever its name


def printable(path: str | os.PathLike[str]) -> str:
    """Return ``path`` as text that any output can take: bytes of a file name that are not
    UTF-8 (which Python keeps as lone surrogates) are written as escapes (``caf\\xe9.txt``)."""
    text = path.url if isinstance(path, Url) else os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class Listing:
    """What a source lists: the ``files`` to read and the names of the files of its folders
    that the ``patterns`` left out (``skipped``)."""

    files: list[SourceFile]
    skipped: list[str] = field(default_factory=list)
    patterns: tuple[str, ...] = DEFAULT_PATTERNS

    def skipped_line(self, shown: int = 5) -> str | None:
        """One line counting the skipped files and naming the first few, or None."""
        if not self.skipped:
            return None
        names = ", ".join(self.skipped[:shown]) + (", …" if len(self.skipped) > shown else "")
        noun = "file" if len(self.skipped) == 1 else "files"
        wanted = ",".join(self.patterns)
        return f"skipped {len(self.skipped)} {noun} not matching {wanted}: {names}"


def patterns_of(given: str | Iterable[str] | None) -> tuple[str, ...]:
    """The file-name patterns of ``given`` ("*.txt", "*.txt,*.md", a list of either; None for
    the default), without blanks or repeats."""
    if given is None:
        return DEFAULT_PATTERNS
    items = [given] if isinstance(given, str) else list(given)
    found = [p.strip() for item in items for p in item.split(",") if p.strip()]
    if not found:
        raise ValueError("no file-name pattern given (such as *.txt)")
    return tuple(dict.fromkeys(found))


def name_matches(name: str, patterns: tuple[str, ...]) -> bool:
    """Whether the file name ``name`` matches one of ``patterns``, whatever the case of either
    (A.TXT is a text file too)."""
    return any(fnmatch.fnmatchcase(name.lower(), p.lower()) for p in patterns)


def discover(source: Source, patterns: str | Iterable[str] | None = None) -> list[SourceFile]:
    """Return the files of ``source``: a folder (its non-hidden files below it matching
    ``patterns``, ``*.txt`` by default, sorted), a glob (a folder it matches is read as a
    folder), a file (read whatever its name), or a list of any of these. The files a pattern
    left out are counted in one log line. Raises ``FileNotFoundError`` naming what matched
    nothing."""
    found = listing(source, patterns)
    if line := found.skipped_line():
        log.info("%s", line)
    return found.files


def listing(source: Source, patterns: str | Iterable[str] | None = None) -> Listing:
    """The :class:`Listing` of ``source``: what :func:`discover` reads and what it leaves out."""
    chosen = patterns_of(patterns)
    if isinstance(source, (str, os.PathLike)):
        items = [source]
    else:
        items = list(source)
        if not items:
            raise FileNotFoundError("no files given: the source is an empty list")
    files: list[SourceFile] = []
    skipped: list[str] = []
    for item in items:
        for f in _discover_one(item):
            keep = f.problem is not None or f.explicit or name_matches(f.path.name, chosen)
            if keep:
                files.append(f)
            else:
                skipped.append(f.file_name)
    return Listing(files, skipped, chosen)


def _discover_one(item: str | os.PathLike[str]) -> list[SourceFile]:
    text = os.fspath(item)
    if is_url(text):
        return [SourceFile(url, printable(name), explicit=e) for url, name, e in listed(text)]
    if is_glob(text):
        hits = sorted(glob.glob(text, recursive=True))
        if not hits and not Path(text).is_absolute():
            hits = sorted(glob.glob(str(paths.ROOT / text), recursive=True))
        matched = [Path(m) for m in hits]
        if not any(m.is_file() or m.is_dir() for m in matched):
            raise FileNotFoundError(f"no files match {printable(text)!r}")
        # matched by the glob the caller wrote: a file is read whatever its name
        found = [SourceFile(m, printable(m.name), explicit=True) for m in matched if m.is_file()]
        direct = {f.path for f in found}
        folders = [m for m in matched if m.is_dir()]
        for m in folders:  # 'data/*' matching folders: each yields its files, as a folder does
            if any(m != f and m.is_relative_to(f) for f in folders):
                continue  # 'a/**' matches a/ and a/sub/: a/sub/ is read with a/, once
            walked = _walk(m, prefix=printable(m.name) + "/")
            found.extend(f for f in walked if f.path not in direct)
        return sorted(found, key=lambda f: f.path)
    path = paths.resolve(text)
    if path.is_dir():
        return _walk(path)
    if path.is_file():
        return [SourceFile(path, printable(path.name), explicit=True)]
    raise FileNotFoundError(f"no such file or folder: {printable(text)!r}")


def _walk(root: Path, prefix: str = "") -> list[SourceFile]:
    """Every non-hidden entry below ``root`` but folders, sorted by path, so a broken link or a
    FIFO becomes a reported problem. Links to folders are followed; a link back to a folder
    already read (a loop, or a second way in) and a folder that cannot be listed are problems."""
    found: list[SourceFile] = []

    def name(p: Path) -> str:
        return prefix + printable(p.relative_to(root).as_posix())

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


def read_text(path: Path | Url) -> tuple[str, str]:
    """Return ``(text, encoding)`` of the file at ``path``; raises :class:`UnreadableFile`."""
    if isinstance(path, Url):
        return decode(_read_url(path))
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


def _read_url(url: Url) -> bytes:
    """The bytes of the file at ``url``, checked as a local file's are."""
    try:
        info = url.info()
        if info.get("type") != "file":
            raise UnreadableFile("unreadable", f"not a file ({info.get('type')})")
        if (size := info.get("size") or 0) > MAX_FILE_BYTES:
            raise UnreadableFile(
                "too_large",
                f"{size / 1e6:.1f} MB: an article file holds at most {MAX_FILE_BYTES / 1e6:g} MB "
                "(split it into articles)",
            )
        return url.read_bytes()
    except FileNotFoundError as exc:
        raise UnreadableFile("unreadable", "cannot read file: it vanished") from exc
    except OSError as exc:
        raise UnreadableFile("unreadable", f"cannot read file: {exc.strerror or exc}") from exc


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
