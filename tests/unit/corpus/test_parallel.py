"""Ingest and load on local worker processes and on a Dask cluster: the same store, the same
frames, one line and status 1 when a worker or the scheduler fails, no process left behind."""

import hashlib
import shutil
import time

import duckdb
import pandas.testing as pdt
import psutil
import pytest
from distributed import LocalCluster

import dossier
from conftest import SEEDS, mixed_corpus
from dossier.corpus import cores, parallel, store
from dossier.run import cli
from dossier.run.arguments import build_parser

# every table of the store; the ingest log's clock times are the only columns that differ
STORE_TABLES = [
    "articles", "sentences", "claims", "entities", "problems", "files", "file_events", "ingest_log"
]  # fmt: skip
CLOCK_COLUMNS = {"ingest_log": ["started_at", "finished_at"]}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return mixed_corpus(tmp_path_factory.mktemp("parallel") / "corpus")


def tables(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in STORE_TABLES:
            skip = CLOCK_COLUMNS.get(table)
            columns = f"* EXCLUDE ({', '.join(skip)})" if skip else "*"
            out[table] = con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").df()
        return out
    finally:
        con.close()


def workers_left(before):
    """Child processes started since ``before`` (a set of pids), but for multiprocessing's
    resource tracker: one per process that ever started a child, it lives as long as this
    process and is no worker."""
    children = psutil.Process().children(recursive=True)
    return [
        p.cmdline() for p in children
        if p.pid not in before and "resource_tracker" not in " ".join(p.cmdline())
    ]  # fmt: skip


def test_serial_local_workers_and_a_cluster_write_identical_stores(tmp_path, corpus, small_parts):
    serial, local, remote = (tmp_path / f"{name}.duckdb" for name in ("serial", "local", "remote"))
    store.ingest([corpus], serial, workers=1)
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    done = []
    store.ingest([corpus], local, workers=2, extract_progress=lambda d, t: done.append((d, t)))
    assert workers_left(before) == []
    files = len(list(corpus.iterdir()))
    assert done[-1] == (files, files) and len(done) == -(-files // 5)  # a call per partition
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        store.ingest([corpus], remote, scheduler=cluster.scheduler_address)
        with pytest.warns(dossier.DossierWarning, match="10 of 46 files in .* could not be"):
            from_cluster = dossier.load(corpus, scheduler=cluster.scheduler_address)
    expected = tables(serial)
    assert len(expected["articles"]) > 30 and (expected["problems"]["problem"] == "duplicate").any()
    for db in (local, remote):
        for name, frame in tables(db).items():
            pdt.assert_frame_equal(frame, expected[name], obj=f"{db.stem} {name}")
    with pytest.warns(dossier.DossierWarning, match="10 of 46 files in .* could not be"):
        one_process = dossier.load(corpus)
    for name in ("articles", "sentences", "problems", "claims", "entities"):
        pdt.assert_frame_equal(getattr(from_cluster, name), getattr(one_process, name))


def test_fewer_files_than_the_threshold_are_read_here_and_say_so(tmp_path, caplog, monkeypatch):
    def no_cluster(workers):
        raise AssertionError("no worker should start for two files")

    monkeypatch.setattr(parallel, "_local", no_cluster)
    corpus = shutil.copytree(SEEDS, tmp_path / "corpus")
    with caplog.at_level("INFO", logger="dossier.corpus.parallel"):
        report = store.ingest([corpus], tmp_path / "s.duckdb", workers=2)
        loaded = dossier.load(corpus, workers=2)
    assert report.articles_added == 2 and len(loaded.articles) == 2
    said = f"2 file(s) to read, fewer than {parallel.MIN_FILES:,}: read in this process"
    assert said in caplog.text


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_worker_failure_is_one_line_status_1_and_the_store_unchanged(
    tmp_path, small_parts, monkeypatch, capsys
):
    corpus = shutil.copytree(SEEDS, tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    store.ingest([corpus], db)
    before = digest(db)
    (corpus / "new.txt").write_text("A New Report\n\nThe army said 70 troops were captured.\n")

    def falls_over(*args):
        raise RuntimeError("the worker fell over")

    monkeypatch.setattr(parallel, "read_part", falls_over)
    # workers in this process (threads), so that they run the patched function
    with LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster:
        argv = ["ingest", str(corpus), "--store", str(db), "--scheduler", cluster.scheduler_address]
        assert cli.main(argv) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if "extracted" not in line]
    assert [line for line in err if not line.startswith("dossier: read ")] == [
        "dossier: ingest failed, store unchanged: RuntimeError: the worker fell over"
    ]
    assert digest(db) == before


def test_an_unreachable_scheduler_is_one_line_and_status_1_within_seconds(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 1.0)
    corpus = shutil.copytree(SEEDS, tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    started = time.monotonic()
    argv = ["ingest", str(corpus), "--store", str(db), "--scheduler", "tcp://127.0.0.1:1"]
    assert cli.main(argv) == 1
    assert time.monotonic() - started < 15
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(
        "dossier: ingest failed, store unchanged: cannot reach the Dask scheduler at "
        "tcp://127.0.0.1:1 within 1 s"
    )
    assert not db.exists()


def test_a_cluster_without_workers_is_one_line_and_status_1_within_seconds(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 1.0)
    corpus = shutil.copytree(SEEDS, tmp_path / "corpus")
    db = tmp_path / "s.duckdb"
    with LocalCluster(n_workers=0, processes=False, dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        started = time.monotonic()
        assert cli.main(["ingest", str(corpus), "--store", str(db), "--scheduler", address]) == 1
        assert time.monotonic() - started < 15
    err = [line for line in capsys.readouterr().err.splitlines() if "dossier: read" not in line]
    assert err == [
        f"dossier: ingest failed, store unchanged: the Dask scheduler at {address} has no worker "
        f"(none joined within 1 s): start one with 'dask worker {address}'"
    ]
    assert not db.exists()


@pytest.mark.parametrize("workers", ["0", "-1", "two", "1.5"])
def test_workers_must_be_a_whole_number_of_1_or_more(workers, tmp_path, capsys):
    db = tmp_path / "s.duckdb"
    with pytest.raises(SystemExit) as exc:
        cli.main(["ingest", str(SEEDS), "--store", str(db), "--workers", workers])
    assert exc.value.code == 2
    assert f"--workers: give 1 or more worker processes, not '{workers}'" in capsys.readouterr().err
    assert not db.exists()


def test_ingest_uses_every_local_core_unless_told(tmp_path):
    parser = build_parser()
    assert parser.parse_args(["ingest", "x"]).workers == cores.local_cores()
    assert parser.parse_args(["ingest", "x", "--workers", "1"]).workers == 1
