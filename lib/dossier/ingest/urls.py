"""Article files at fsspec URLs (``file:///abs/folder``, ``memory://...``, ``s3://bucket/*.txt``
with s3fs installed): what a URL names, listed with fsspec, and a file's bytes read with it.

A URL is listed as a local source is: a folder yields its non-hidden files below it, sorted,
named by their path within it; a glob yields what it matches (a folder it matches as a
folder); a file is read whatever its name. The path recorded for a file is its full URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_URL_RE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
_GLOB_CHARS = frozenset("*?[")


def is_glob(text: str) -> bool:
    """Whether ``text`` is a glob pattern rather than a path: it holds ``*``, ``?`` or ``[``
    (for a local path and a URL alike; :mod:`dossier.ingest.files` imports it from here)."""
    return bool(_GLOB_CHARS & set(text))


class UnknownProtocol(ValueError):
    """A URL whose protocol fsspec does not know, or whose package is not installed."""


def is_url(text: object) -> bool:
    """Whether ``text`` is a URL (``protocol://...``) rather than a local path."""
    return isinstance(text, str) and _URL_RE.match(text) is not None


def filesystem(url: str):
    """The fsspec filesystem of ``url`` and the path within it; raises :class:`UnknownProtocol`
    naming the package to install (s3fs for ``s3://``) or the protocol fsspec does not know."""
    from fsspec.core import url_to_fs

    try:
        return url_to_fs(url)
    except ImportError as exc:  # fsspec's own words name the package: "Install s3fs to..."
        raise UnknownProtocol(
            f"cannot read {url}: {exc} (pip install it beside dossier, on every worker too)"
        ) from None
    except ValueError as exc:
        raise UnknownProtocol(f"cannot read {url}: {exc} (no fsspec filesystem for it)") from None


@dataclass(frozen=True, order=True)
class Url:
    """An article file at an fsspec URL: as much of ``pathlib.Path`` as ingest uses."""

    url: str

    def __str__(self) -> str:
        return self.url

    @property
    def name(self) -> str:
        return self.url.rstrip("/").rsplit("/", 1)[-1]

    def is_file(self) -> bool:
        fs, path = filesystem(self.url)
        try:
            return fs.isfile(path)
        except OSError:
            return False

    def info(self) -> dict:
        """fsspec's info of the file (``type``, ``size``); raises ``FileNotFoundError``."""
        fs, path = filesystem(self.url)
        return fs.info(path)

    def read_bytes(self) -> bytes:
        fs, path = filesystem(self.url)
        return fs.cat_file(path)

    @property
    def protocol(self) -> str:
        return self.url.split("://", 1)[0].lower()


def listed(source: str) -> list[tuple[Url, str, bool]]:
    """The files ``source`` (a URL) names, as (url, file name, named explicitly), sorted; raises
    ``FileNotFoundError`` when it names nothing, :class:`UnknownProtocol` as
    :func:`filesystem` does."""
    fs, path = filesystem(source)
    if is_glob(path):
        hits = fs.glob(path, detail=True)
        if not hits:
            raise FileNotFoundError(f"no files match {source!r}")
        direct = [
            (Url(fs.unstrip_protocol(hit)), hit.rsplit("/", 1)[-1], True)
            for hit, info in hits.items()
            if info.get("type") != "directory"
        ]
        folders = sorted(
            h.rstrip("/") for h, info in hits.items() if info.get("type") == "directory"
        )
        seen = {url for url, _, _ in direct}
        found = list(direct)
        for folder in folders:
            if any(folder.startswith(f + "/") for f in folders):
                continue  # 'a/**' matches a/ and a/sub/: a/sub/ is read with a/, once
            walked = _walk(fs, folder, folder.rsplit("/", 1)[-1] + "/")
            found.extend(w for w in walked if w[0] not in seen)
        return sorted(found, key=lambda w: w[0].url)
    if fs.isdir(path):
        return _walk(fs, path)
    if fs.isfile(path):
        return [(Url(fs.unstrip_protocol(path)), path.rstrip("/").rsplit("/", 1)[-1], True)]
    raise FileNotFoundError(f"no such file or folder: {source!r}")


def _walk(fs, root: str, prefix: str = "") -> list[tuple[Url, str, bool]]:
    """Every non-hidden file below ``root``, sorted by its path within it."""
    top = root.rstrip("/") + "/"
    found = []
    for path in fs.find(root, withdirs=False):
        relative = path[len(top) :] if path.startswith(top) else path.rsplit("/", 1)[-1]
        if any(part.startswith(".") for part in relative.split("/")):
            continue
        found.append((tuple(relative.split("/")), Url(fs.unstrip_protocol(path)), relative))
    return [(url, prefix + relative, False) for _, url, relative in sorted(found)]
