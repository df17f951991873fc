"""The article files that ``brief --corpus`` and ``ingest`` name, checked before any work
starts: a folder yields its ``*.txt`` files unless ``--pattern`` widens it, the files left out
are counted in one line, and a source that yields no file says what it holds and how to widen."""

from __future__ import annotations

import glob
import os
from pathlib import PurePath

from dossier import paths
from dossier.ingest import kinds
from dossier.ingest.files import (
    DEFAULT_PATTERNS,
    Listing,
    UnreadableFile,
    decode,
    is_glob,
    listing,
    patterns_of,
)
from dossier.ingest.urls import UnknownProtocol, is_url

SNIFF_BYTES = 1 << 20  # a file larger than this is taken to be an article unread
SNIFF_SHOWN = 3  # files named in the line that says none is an article


def chosen_patterns(given: list[str] | None) -> tuple[str, ...]:
    """The patterns of the ``--pattern`` options given (the default when none); raises
    ``ValueError`` when they hold no pattern at all."""
    return patterns_of(given) if given is not None else DEFAULT_PATTERNS


def check(sources: list[str], patterns: tuple[str, ...]) -> tuple[Listing | None, str | None]:
    """The :class:`Listing` of ``sources`` and None, or None and the one line that says why
    they yield no article file (a path that does not exist, a glob that matches nothing, a
    folder that holds no file matching ``patterns``)."""
    local = [s for s in sources if not is_url(s)]
    missing = [s for s in local if not is_glob(s) and not paths.resolve(s).exists()]
    if missing:
        return None, f"no such file or folder: {', '.join(missing)}"
    try:
        found = listing(
            [s if is_glob(s) or is_url(s) else paths.resolve(s) for s in sources], patterns
        )
    except FileNotFoundError as exc:
        return None, f"no corpus: {exc}"
    except UnknownProtocol as exc:
        return None, str(exc)
    if not found.files:
        return None, nothing_to_read(sources, found)
    return found, None


def nothing_to_read(sources: list[str], found: Listing) -> str:
    """One line for sources that yield no article file: what they hold, and how to widen."""
    where = ", ".join(sources)
    if not found.skipped:
        return f"no article files in {where}"
    names = ", ".join(found.skipped[:5]) + (", …" if len(found.skipped) > 5 else "")
    suffix = PurePath(found.skipped[0]).suffix
    example = f"*{suffix}" if suffix else "*"
    noun = "file" if len(found.skipped) == 1 else "files"
    return (
        f"no article files in {where}: {len(found.skipped)} {noun} not matching "
        f"{','.join(found.patterns)} ({names}); widen with --pattern '{example}'"
    )


def notebook_corpus(given: str, found: Listing | None) -> str | list[str]:
    """``given`` as the briefing notebook must be given it: as absolute paths (it runs in
    ``notebooks/``, not where the command was typed), and, when ``found`` was listed with a
    wider pattern than a folder's default, as the files found (the notebook reads a folder with
    the default)."""
    if found is not None and found.patterns != DEFAULT_PATTERNS:
        return [os.fspath(f.path.absolute()) for f in found.files if f.problem is None]
    if is_glob(given):
        here = not os.path.isabs(given) and glob.glob(given, recursive=True)
        return os.path.abspath(given) if here else given
    path = paths.resolve(given)
    return str(path.resolve()) if path.exists() else given


def no_article(found: Listing) -> str | None:
    """None when a file of ``found`` may be an article (files are read only until the first
    one), else one line saying why none is: every file empty, binary, undecodable, markup or
    data. Lets ``brief`` refuse such a corpus before a kernel starts."""
    reasons = []
    for f in found.files:
        why = f.problem[1] if f.problem else _why_not(f.path)
        if why is None:
            return None
        reasons.append(f"{f.file_name}: {why}")
    shown = "; ".join(reasons[:SNIFF_SHOWN])
    more = f"; and {len(reasons) - SNIFF_SHOWN} more" if len(reasons) > SNIFF_SHOWN else ""
    return f"no article among {len(reasons)} file(s): {shown}{more}"


def _why_not(path) -> str | None:
    try:
        if path.stat().st_size > SNIFF_BYTES:
            return None
        text, _ = decode(path.read_bytes())
    except UnreadableFile as exc:
        return exc.reason
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    return kinds.problem(text)
