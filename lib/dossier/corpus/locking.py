"""One run at a time: an advisory lock file (``flock``), released when the process ends, even
when it is killed, so a crashed run never leaves a stale lock behind. Runs that only read (a
briefing of the store) share the lock; a run that writes (an ingest) holds it alone."""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path


class Locked(RuntimeError):
    """Another run holds the lock."""


class Lock:
    """A lock on ``path`` (created if missing), held alone or, when ``shared``, with other shared
    holders. ``wait`` blocks until free (up to ``timeout`` seconds when given); otherwise a held
    lock raises :class:`Locked` at once."""

    def __init__(
        self, path: Path, wait: bool = False, timeout: float | None = None, shared: bool = False
    ):
        self.path = path
        self.wait = wait
        self.timeout = timeout
        self.shared = shared
        self._fd: int | None = None

    def __enter__(self) -> Lock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = None if self.timeout is None else time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not self.wait or (deadline is not None and time.monotonic() > deadline):
                    os.close(fd)
                    raise Locked(f"another run holds {self.path}") from None
                time.sleep(0.5)
        if not self.shared:  # who holds it, for a person looking at the file
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None


def lock_file(target: Path) -> Path:
    """The lock file guarding ``target`` (a store file or an archive folder)."""
    return (
        target / ".lock"
        if target.is_dir() or not target.suffix
        else target.with_name(target.name + ".lock")
    )
