"""How many local workers an ingest starts by default, and from how many files: kept apart from
:mod:`dossier.corpus.parallel` (which imports pandas, Dask and the rules) so that the command
line can show them in ``--help`` without paying for those imports."""

from __future__ import annotations

import contextlib
import os

# Below this many files to read, starting worker processes costs more than it saves: on 2 cores,
# starting and stopping two workers takes about 1.7 s, and two workers read at 1.7-1.9x one
# process's speed (about 360 articles/s), so they break even at some 1,400-2,000 files.
MIN_FILES = 2_000


def local_cores() -> int:
    """The cores this process may run on (all of them where the OS does not say)."""
    with contextlib.suppress(AttributeError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
