"""Partitions handed back as Parquet files in a shared place (``--parts``): the store holds the
very tables an ingest without them writes, and the parts are gone afterwards."""

import uuid

import duckdb
import fsspec
import pandas.testing as pdt
import pytest
from distributed import LocalCluster

from conftest import mixed_corpus
from dossier.corpus import store
from dossier.run import cli

TABLES = [
    "articles", "sentences", "claims", "entities", "problems", "files", "file_events"
]  # fmt: skip


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return mixed_corpus(tmp_path_factory.mktemp("parquet") / "corpus")


@pytest.fixture(scope="module")
def expected(corpus, tmp_path_factory):
    db = tmp_path_factory.mktemp("plain") / "s.duckdb"
    store.ingest([corpus], db)
    return tables(db)


def tables(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").df() for t in TABLES}
    finally:
        con.close()


def test_parts_in_a_folder_give_the_same_store_and_are_removed(
    tmp_path, corpus, expected, small_parts
):
    db, parts = tmp_path / "s.duckdb", tmp_path / "parts"
    argv = ["ingest", str(corpus), "--store", str(db), "--workers", "2", "--parts", str(parts)]
    assert cli.main(argv) == 0
    assert len(expected["articles"]) > 30
    for name, frame in tables(db).items():
        pdt.assert_frame_equal(frame, expected[name], obj=name)
    assert list(parts.iterdir()) == []  # written, read, removed


def test_parts_at_a_url_give_the_same_store_and_are_removed(tmp_path, corpus, expected):
    memory = fsspec.filesystem("memory")
    folder = f"/dossier-parts-{uuid.uuid4().hex[:8]}"
    db = tmp_path / "s.duckdb"
    # workers that are threads of this process share its memory:// filesystem
    with LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster:
        store.ingest([corpus], db, scheduler=cluster.scheduler_address, parts=f"memory://{folder}")
    for name, frame in tables(db).items():
        pdt.assert_frame_equal(frame, expected[name], obj=name)
    assert memory.exists(folder) is False or memory.ls(folder) == []


def test_a_failed_ingest_removes_its_parts_and_leaves_the_store(
    tmp_path, corpus, small_parts, monkeypatch
):
    db, parts = tmp_path / "s.duckdb", tmp_path / "parts"
    written = []

    def fails(tx, *args, **kwargs):  # every part is in by then: their files exist
        written.extend(parts.iterdir())
        raise RuntimeError("the commit fell over")

    monkeypatch.setattr(store.Transaction, "commit", fails)
    with (
        LocalCluster(n_workers=1, processes=False, dashboard_address=None) as cluster,
        pytest.raises(RuntimeError, match="fell over"),
    ):
        store.ingest([corpus], db, scheduler=cluster.scheduler_address, parts=str(parts))
    assert len(written) > 10
    assert list(parts.iterdir()) == [] and not db.exists()
