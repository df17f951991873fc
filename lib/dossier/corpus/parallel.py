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
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor

from dossier.corpus.cores import MIN_FILES
from dossier.corpus.parquet_parts import Written, write_part
from dossier.corpus.partitions import Extracted, Part, chunks, merge, read_part
from dossier.ingest.files import SourceFile
from dossier.ingest.urls import Url

log = logging.getLogger(__name__)

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


class Pool:
    """Where files are read: ``workers`` local processes (1: this process, no Dask), or the
    Dask cluster whose scheduler is at ``scheduler``. A context manager: a cluster is
    connected to on entering; local workers start in the background at :meth:`prepare` (or at
    the first :meth:`parts` that needs them), so their start overlaps the caller's own work;
    both are closed on leaving, or in the background from :meth:`release` on (no worker
    process outlives the block)."""

    def __init__(self, workers: int = 1, scheduler: str | None = None):
        if workers < 1:
            raise ValueError(f"workers must be 1 or more, not {workers}")
        self.workers = workers
        self.scheduler = scheduler
        self._stack = contextlib.ExitStack()
        self._client = None
        self._threads = ThreadPoolExecutor(1, thread_name_prefix="dossier-pool")
        self._starting: Future | None = None
        self._closing: Future | None = None

    def __enter__(self) -> Pool:
        if self.scheduler is not None:
            self._client = self._stack.enter_context(_connect(self.scheduler))
        return self

    def __exit__(self, *exc) -> None:
        try:
            if self._starting is not None:  # started, but never used: stopped all the same
                with contextlib.suppress(Exception):
                    self._stack.enter_context(self._starting.result()[0])
            self.release()
            self._closing.result()
        finally:
            self._client = None
            self._threads.shutdown(wait=True)

    def is_parallel(self, count: int, quiet: bool = False) -> bool:
        """Whether ``count`` files are read by workers (else in this process, as always)."""
        if self.scheduler is not None:
            return count > 0
        if self.workers > 1 and 0 < count < MIN_FILES and not quiet:
            log.info(
                "%s file(s) to read, fewer than %s: read in this process, no workers started",
                f"{count:,}",
                f"{MIN_FILES:,}",
            )
        return self.workers > 1 and count >= MIN_FILES

    def prepare(self, count: int) -> None:
        """Start the local workers in the background if ``count`` files are enough for them."""
        if self._client is None and self._starting is None and self.is_parallel(count, True):
            self._starting = self._threads.submit(_started, self.workers)

    def release(self) -> None:
        """Stop the local workers (or leave the cluster) in the background: no part is read
        any more; leaving the block waits for it."""
        if self._closing is None:
            self._closing = self._threads.submit(self._stack.close)

    def extract(
        self,
        files: Sequence[SourceFile],
        progress: Callable[[int, int], None] | None = None,
        boilerplate_file: str | os.PathLike[str] | None = None,
        hashes: Sequence[str] | None = None,
    ) -> Extracted:
        """Read ``files`` on the workers and return their merged frames (see :meth:`parts`)."""
        found = dict(self.parts(files, progress, boilerplate_file, hashes))
        return merge([found[i] for i in sorted(found)])

    def parts(
        self,
        files: Sequence[SourceFile],
        progress: Callable[[int, int], None] | None = None,
        boilerplate_file: str | os.PathLike[str] | None = None,
        hashes: Sequence[str] | None = None,
        parts_dir: str | None = None,
    ) -> Iterator[tuple[int, Part | Written]]:
        """Read ``files`` on the workers; yield ``(i, part)`` for partition ``i`` (in file
        order) as each is done, in any order. ``progress(done, total)`` is called as each
        partition's files are done. ``hashes`` (the SHA-256 of each file as read here) let
        workers on a cluster check that they read the same bytes. With ``parts_dir`` (a folder
        or fsspec URL the workers and this process share), each part comes back as the
        :class:`dossier.corpus.parquet_parts.Written` Parquet files of its tables instead of
        frames. The extraction's warnings are warned once each, after the last part."""
        if self.scheduler is None and any(_in_memory(f) for f in files):
            raise ValueError(
                "memory:// files live in this process's memory: local worker processes "
                "cannot read them (read them with workers=1)"
            )
        client, workers = self._ready()
        from distributed import as_completed

        boilerplate = None if boilerplate_file is None else os.fspath(boilerplate_file)
        check = hashes if self.scheduler is not None else None
        ranges = chunks(len(files), workers)
        batch = uuid.uuid4().hex[:12]
        task, more = read_part, ()
        if parts_dir is not None:
            task = write_part
        futures = []
        for i, r in enumerate(ranges):
            if parts_dir is not None:
                more = (parts_dir, f"dossier-{batch}-{i:05d}")
            sums = None if check is None else list(check[r.start : r.stop])
            futures.append(
                client.submit(
                    task,
                    list(files[r.start : r.stop]),
                    r.start,
                    boilerplate,
                    sums,
                    *more,
                    key=f"dossier-part-{batch}-{i}",
                    pure=False,
                    priority=-i,  # in file order, so the first partitions come back first
                )
            )
        index = {f.key: i for i, f in enumerate(futures)}
        said: dict[str, type[Warning]] = {}
        done = 0
        try:
            for future in as_completed(futures, loop=client.loop):
                i = index[future.key]
                part = future.result()  # a worker's error is raised here
                futures[i] = None  # the worker may forget it once it is here
                said.update((message, category) for message, category in part.warnings)
                done += len(ranges[i])
                yield i, part
                if progress:
                    progress(done, len(files))
        finally:
            left = [f for f in futures if f is not None and not f.done()]
            if left:
                client.cancel(left)
        for message, category in said.items():  # each once, as one process would have said it
            warnings.warn(message, category, stacklevel=2)

    def _ready(self):
        """The client, and how many workers it has; local workers are started if need be."""
        if self._client is not None and self.scheduler is not None:
            return self._client, _workers_of(self._client, self.scheduler)
        if self._client is None:
            if self._starting is None:
                self._starting = self._threads.submit(_started, self.workers)
            (stack, self._client), self._starting = self._starting.result(), None
            self._stack.enter_context(stack)
        return self._client, self.workers


def _in_memory(f: SourceFile) -> bool:
    return isinstance(f.path, Url) and f.path.protocol == "memory"


def _started(workers: int) -> tuple[contextlib.ExitStack, object]:
    """A client of a new LocalCluster of ``workers`` processes, and the stack that closes both
    (started in a thread of the pool, while the caller goes on)."""
    with contextlib.ExitStack() as stack:
        client = stack.enter_context(_local(workers))
        return stack.pop_all(), client


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
