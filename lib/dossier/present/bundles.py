"""JavaScript bundles made once and kept on disk, one file per version of whatever made them.

``vl_convert.javascript_bundle()`` bundles Vega, Vega-Lite and vega-embed anew on every call:
seconds of CPU in every kernel, for the same text while the installed versions stay the same.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

CACHE_ENV = "DOSSIER_CACHE"  # a folder of its own for the cache; else the user's cache folder


def cache_dir() -> Path:
    """Return the folder cached bundles live in: ``$DOSSIER_CACHE``, else
    ``$XDG_CACHE_HOME/dossier``, else ``~/.cache/dossier``."""
    if env := os.environ.get(CACHE_ENV):
        return Path(env).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base).expanduser() / "dossier"


def cached(key: str, make: Callable[[], str], folder: Path | None = None) -> str:
    """Return the text cached under ``key`` in ``folder`` (:func:`cache_dir` by default), made by
    ``make()`` and saved there when missing. ``key`` names what made the text, versions
    included, so a new version is a new file and an old file is never read for it. A folder
    that cannot be written costs only the saving: the text is still returned."""
    folder = cache_dir() if folder is None else folder
    path = folder / f"{_file_name(key)}.js"
    try:
        if text := path.read_text(encoding="utf-8"):  # an empty file is no bundle
            return text
    except (OSError, UnicodeDecodeError):
        pass
    text = make()
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # written beside the final file and renamed: a reader never sees half a bundle
        handle, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return text


def _file_name(key: str) -> str:
    """``key`` as a file name: letters, digits, dots, dashes and underscores only."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", key)[:200]
