"""Where the files of an ingest (or a load) are read and their claims extracted: in this
process, on local worker processes, or on a Dask cluster; one code path for the last two.

Local workers are a ``dask.distributed.LocalCluster`` of single-threaded processes (loopback
only, no dashboard); ``scheduler="tcp://HOST:8786"`` connects to a running cluster instead. The
files are cut into contiguous partitions, each read by :func:`dossier.corpus.partitions.read_part`
on a worker, which returns pandas frames; the driving process gathers them in file order and
merges them (:func:`dossier.corpus.partitions.merge`), so the tables are those one process
reading every file would have made. Nothing is written by a worker: the caller commits.
"""

from __future__ import annotations

import contextlib
import logging
import os
import uuid
import warnings
from collections.abc import Callable, Sequence

from dossier.corpus.partitions import Extracted, Part, chunks, merge, read_part
from dossier.ingest.files import SourceFile

log = logging.getLogger(__name__)

# Below this many files to read, starting worker processes costs more than it saves: on 2 cores,
# starting and stopping two workers takes about 1.7 s, and two workers read at 1.7-1.9x one
# process's speed (about 360 articles/s), so they break even at some 1,400-2,000 files.
MIN_FILES = 2_000
# Seconds to wait for a scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT = 5.0
# Local workers only do long CPU-bound tasks: their sampling profiler and a 20 ms watchdog of the
# event loop take the GIL from the task for nothing (measured: about 7 % faster without them).
LOCAL_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


class SchedulerUnreachable(Exception):
    """The Dask scheduler named by ``scheduler`` did not answer within CONNECT_TIMEOUT, or has
    no worker."""


def local_cores() -> int:
    """The cores this process may run on (all of them where the OS does not say)."""
    with contextlib.suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class Pool:
    """Where files are read: ``workers`` local processes (1: this process, no Dask), or the
    Dask cluster whose scheduler is at ``scheduler``. A context manager: a cluster is
    connected to on entering, local workers are started at the first :meth:`extract` that
    needs them, and both are closed on leaving (no worker process outlives it)."""

    def __init__(self, workers: int = 1, scheduler: str | None = None):
        if workers < 1:
            raise ValueError(f"workers must be 1 or more, not {workers}")
        self.workers = workers
        self.scheduler = scheduler
        self._stack = contextlib.ExitStack()
        self._client = None

    def __enter__(self) -> Pool:
        if self.scheduler is not None:
            self._client = self._stack.enter_context(_connect(self.scheduler))
        return self

    def __exit__(self, *exc) -> None:
        self._client = None
        self._stack.close()

    def is_parallel(self, count: int) -> bool:
        """Whether ``count`` files are read by workers (else in this process, as always)."""
        if self.scheduler is not None:
            return count > 0
        if self.workers > 1 and 0 < count < MIN_FILES:
            log.info(
                "%s file(s) to read, fewer than %s: read in this process, no workers started",
                f"{count:,}",
                f"{MIN_FILES:,}",
            )
        return self.workers > 1 and count >= MIN_FILES

    def extract(
        self,
        files: Sequence[SourceFile],
        progress: Callable[[int, int], None] | None = None,
        boilerplate_file: str | os.PathLike[str] | None = None,
        hashes: Sequence[str] | None = None,
    ) -> Extracted:
        """Read ``files`` on the workers and return their merged frames. ``progress(done,
        total)`` is called as each partition's files are done. ``hashes`` (the SHA-256 of each
        file as read here) let workers on a cluster check that they read the same bytes."""
        if self._client is None:
            self._client = self._stack.enter_context(_local(self.workers))
            workers = self.workers
        else:
            workers = _workers_of(self._client, self.scheduler)
        from distributed import as_completed

        boilerplate = None if boilerplate_file is None else os.fspath(boilerplate_file)
        check = hashes if self.scheduler is not None else None
        ranges = chunks(len(files), workers)
        batch = uuid.uuid4().hex[:12]
        futures = [
            self._client.submit(
                read_part,
                list(files[r.start : r.stop]),
                r.start,
                boilerplate,
                None if check is None else list(check[r.start : r.stop]),
                key=f"dossier-part-{batch}-{i}",
                pure=False,
            )
            for i, r in enumerate(ranges)
        ]
        index = {f.key: i for i, f in enumerate(futures)}
        parts: list[Part | None] = [None] * len(futures)
        done = 0
        try:
            for future in as_completed(futures, loop=self._client.loop):
                i = index[future.key]
                parts[i] = future.result()  # a worker's error is raised here
                done += len(ranges[i])
                if progress:
                    progress(done, len(files))
        finally:
            self._client.cancel([f for f in futures if not f.done()])
        said: dict[str, type[Warning]] = {}
        for part in parts:
            said.update((message, category) for message, category in part.warnings)
        for message, category in said.items():  # each once, as one process would have said it
            warnings.warn(message, category, stacklevel=2)
        return merge(parts)


@contextlib.contextmanager
def _local(workers: int):
    """A client of a new LocalCluster of ``workers`` single-threaded processes."""
    import dask
    from distributed import Client, LocalCluster

    with (
        dask.config.set(LOCAL_CONFIG),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.WARNING,
        ) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client


@contextlib.contextmanager
def _connect(address: str):
    """A client of the running cluster whose scheduler is at ``address``."""
    from distributed import Client

    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        said = " ".join(str(exc).split())  # one line, whatever the library's message
        raise SchedulerUnreachable(
            f"cannot reach the Dask scheduler at {address} within {CONNECT_TIMEOUT:g} s "
            f"({type(exc).__name__}: {said})"
        ) from None
    with client:
        yield client


def _workers_of(client, address: str) -> int:
    """How many workers the cluster has; waits up to CONNECT_TIMEOUT for a first one, since
    tasks given to a cluster with none would wait for ever."""
    try:
        client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise SchedulerUnreachable(
            f"the Dask scheduler at {address} has no worker (none joined within "
            f"{CONNECT_TIMEOUT:g} s): start one with 'dask worker {address}'"
        ) from exc
    return max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
