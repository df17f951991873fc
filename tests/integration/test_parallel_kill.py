"""A parallel ingest killed (SIGKILL) while its workers read, or just before its commit, leaves
the store as it was and no worker process behind; the next ingest picks the files up."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pandas.testing as pdt
import psutil
import pytest

import dossier
from conftest import SEEDS
from dossier.corpus import parallel, store
from dossier.dev.bench import make_corpus

pytestmark = pytest.mark.slow

FILES = parallel.MIN_FILES + 40  # enough that two local workers really start


def start_ingest(corpus, db, env=None):
    command = [sys.executable, "-m", "dossier", "ingest", str(corpus), "--store", str(db)]
    return subprocess.Popen(
        [*command, "--workers", "2"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )


def kill_when(process, said: str) -> list[int]:
    """SIGKILL ``process`` once its stderr has a line containing ``said``; return the pids of
    its children at that moment."""
    deadline, line = time.time() + 120, ""
    while time.time() < deadline and said not in line:
        line = process.stderr.readline()
        assert line or process.poll() is None, "the ingest ended before it was killed"
    assert said in line, f"the ingest never said {said!r}"
    children = [p.pid for p in psutil.Process(process.pid).children(recursive=True)]
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return children


def gone(pids, seconds=20.0) -> bool:
    """Whether every process of ``pids`` has ended within ``seconds``."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != "zombie"]
        if not alive:
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def workspace(tmp_path):
    corpus = shutil.copytree(SEEDS, tmp_path / "corpus")
    db = tmp_path / "store.duckdb"
    store.ingest([corpus], db)
    make_corpus(corpus, FILES)
    return corpus, db


@pytest.mark.parametrize(
    ("moment", "said", "env"),
    [
        ("while the workers read", "extracted claims of", {}),
        ("just before the commit", "pausing", {store.PAUSE_ENV: "60"}),
    ],
)
def test_a_killed_parallel_ingest_leaves_the_store_and_no_worker(workspace, moment, said, env):
    corpus, db = workspace
    before = dossier.load(db)
    children = kill_when(start_ingest(corpus, db, env), said)
    if moment == "while the workers read":
        assert children, "no worker process was running"
    after = dossier.load(db)
    for table in ("articles", "sentences", "claims", "problems"):
        pdt.assert_frame_equal(getattr(after, table), getattr(before, table))
    assert len(store.ingest_log(db)) == 1
    assert gone(children), "a worker process outlived the killed ingest"
    resumed = store.ingest([corpus], db)  # the next ingest picks the new files up
    assert resumed.files_new == FILES and resumed.articles_total == 2 + FILES
