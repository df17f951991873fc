"""The store under damage and company: a damaged store is refused and kept, file names that are
not UTF-8 are stored escaped, readers and an ingest wait for each other or say who holds the
lock."""

import hashlib
import os
import shutil
import subprocess
import sys
import threading
import time

import duckdb
import pytest

import dossier
from conftest import SEEDS
from dossier.corpus import store, storefile, transaction
from dossier.corpus.locking import Lock, lock_file
from dossier.run import cli


@pytest.fixture
def seeded(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    db = tmp_path / "store.duckdb"
    store.ingest([corpus], db)
    return corpus, db


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage(db, table="articles"):
    """Overwrite bytes inside a block that holds ``table``'s data."""
    con = duckdb.connect(str(db), read_only=True)
    block = con.execute(
        f"SELECT min(block_id) FROM pragma_storage_info('{table}') WHERE block_id >= 0"
    ).fetchall()[0][0]
    con.close()
    with open(db, "r+b") as f:
        f.seek(3 * 4096 + block * 256 * 1024 + 2000)  # the header, then 256 KiB blocks
        f.write(b"\xde\xad\xbe\xef" * 16)


def test_an_ingest_refuses_a_damaged_store_and_leaves_it_as_it_is(seeded, capsys):
    corpus, db = seeded
    (corpus / "new.txt").write_text("A New Report\n\nThe army said 70 troops were captured.\n")
    damage(db)
    before = digest(db)
    with pytest.raises(storefile.StoreError, match=r"is damaged \(table articles: .*checksum"):
        store.ingest([corpus], db)
    assert digest(db) == before
    assert cli.main(["ingest", str(corpus), "--store", str(db)]) == 1
    message = capsys.readouterr().err.strip().splitlines()
    assert len(message) == 1 and "is damaged" in message[0] and "left as it is" in message[0]
    assert digest(db) == before
    with pytest.raises(storefile.StoreError, match="cannot read the store"):
        dossier.load(db)


def test_a_file_name_that_is_not_utf8_is_stored_escaped(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    name = os.fsdecode(b"r\xe9sum\xe9.txt")
    (corpus / name).write_text("A Report\n\nThe army said 70 troops were captured.\n")
    db = tmp_path / "store.duckdb"
    assert store.ingest([corpus], db).articles_added == 1
    assert store.ingest([corpus], db).files_unchanged == 1  # found again under the same key
    loaded = dossier.load(db)
    assert loaded.articles["file_name"].tolist() == ["r\\xe9sum\\xe9.txt"]
    assert loaded.claims["value_low"].tolist() == [70.0]


def test_a_first_ingest_that_fails_leaves_no_store(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    db = tmp_path / "store.duckdb"

    def fail(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(transaction, "insert", fail)
    with pytest.raises(RuntimeError, match="the disk is full"):
        store.ingest([corpus], db)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "store.duckdb.lock"]


def test_builds_left_by_killed_ingests_are_removed(seeded):
    corpus, db = seeded
    stale = db.with_name(f".{db.name}.build-99999")
    stale.write_bytes(b"half a store")
    store.ingest([corpus], db)
    assert not stale.exists()


def hold(db, read_only, seconds):
    """A process that holds ``db`` open (DuckDB's own file lock) for ``seconds``."""
    code = (
        "import duckdb, sys, time\n"
        f"con = duckdb.connect({str(db)!r}, read_only={read_only})\n"
        "print('open', flush=True)\n"
        f"time.sleep({seconds})\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "open"
    return process


def test_a_reader_keeps_an_ingest_out_unless_it_waits(seeded, monkeypatch, capsys):
    corpus, db = seeded
    (corpus / "new.txt").write_text("A New Report\n\nThe army said 70 troops were captured.\n")
    monkeypatch.setattr(store, "WRITE_GRACE", 0.5)
    reader = hold(db, read_only=True, seconds=60)
    try:
        assert cli.main(["ingest", str(corpus), "--store", str(db)]) == 3
        err = capsys.readouterr().err
        assert "is locked (another process reads it)" in err and "Conflicting lock" in err
        assert "use --wait" in err
        threading.Timer(1.0, reader.kill).start()
        started = time.monotonic()
        report = store.ingest([corpus], db, wait=True)  # waits for the reader to go
        assert time.monotonic() - started >= 0.9
        assert report.articles_added == 1
    finally:
        reader.kill()
        reader.wait()


def test_a_reader_waits_while_an_ingest_writes(seeded):
    _, db = seeded
    writer = hold(db, read_only=False, seconds=1.5)
    try:
        with pytest.raises(storefile.StoreBusy, match=r"is locked \(an ingest is writing it\)"):
            store.load_store(db, wait=0.2)
        started = time.monotonic()
        corpus = dossier.load(db)  # waits for the writer to let go
        assert time.monotonic() - started >= 0.5
        assert len(corpus.articles) == 2
    finally:
        writer.kill()
        writer.wait()


def test_a_briefing_of_the_store_waits_for_an_ingest(seeded, monkeypatch, capsys):
    _, db = seeded

    def no_kernel(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr("papermill.execute_notebook", no_kernel)
    with Lock(lock_file(db)):  # as an ingest holds it
        assert cli.main(["brief", "--store", str(db)]) == 3
    assert "an ingest is writing the store (use --wait)" in capsys.readouterr().err
    with Lock(lock_file(db), shared=True), Lock(lock_file(db), shared=True):
        pass  # readers share it


@pytest.mark.parametrize("kind", ["folder", "text"])
def test_a_store_that_is_not_a_duckdb_file_is_a_bad_argument(tmp_path, kind, capsys):
    target = tmp_path / "store.duckdb"
    if kind == "folder":
        target.mkdir()
    else:
        target.write_text("not a database\n")
    assert cli.main(["ingest", str(SEEDS), "--store", str(target)]) == 2
    assert "is not a DuckDB store" in capsys.readouterr().err
    if kind == "text":
        assert cli.main(["brief", "--store", str(target)]) == 2
        assert "is not a DuckDB store" in capsys.readouterr().err
