"""Article files at fsspec URLs: listed and read with fsspec, in this process and on workers,
giving the tables the same files on local disk give (but the path recorded: the URL)."""

import uuid

import duckdb
import fsspec
import pandas.testing as pdt
import pytest
from distributed import LocalCluster

import dossier
from conftest import mixed_corpus
from dossier.corpus import store
from dossier.ingest.files import discover
from dossier.ingest.urls import UnknownProtocol
from dossier.run import cli

TABLES = ["articles", "sentences", "claims", "entities", "problems", "files", "file_events"]
PATHS = {"problems": "path", "files": "path", "file_events": "path"}


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    return mixed_corpus(tmp_path_factory.mktemp("urls") / "corpus")


@pytest.fixture(scope="module")
def in_memory(local):
    """The local corpus copied into fsspec's memory filesystem; its URL."""
    memory = fsspec.filesystem("memory")
    root = f"/dossier-test-{uuid.uuid4().hex[:8]}/corpus"
    for path in sorted(local.iterdir()):
        memory.pipe(f"{root}/{path.name}", path.read_bytes())
    memory.pipe(f"{root}/.hidden.txt", b"left out, as a hidden local file is")
    yield f"memory://{root}"
    memory.rm(root.rsplit("/", 1)[0], recursive=True)


def tables(db, root: str = ""):
    """The store's tables in a stable order, paths made relative to ``root``."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            frame = con.execute(f"SELECT * FROM {table}").df()
            if table in PATHS:
                frame[PATHS[table]] = frame[PATHS[table]].str.removeprefix(root)
            out[table] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def on_disk(local, tmp_path_factory):
    db = tmp_path_factory.mktemp("disk") / "s.duckdb"
    store.ingest([local], db)
    return tables(db, f"{local}/")


def assert_same(found, expected, label):
    assert len(expected["articles"]) > 30
    for name in TABLES:
        pdt.assert_frame_equal(found[name], expected[name], obj=f"{label} {name}")


@pytest.mark.parametrize("how", ["serial", "in-process cluster"])
def test_memory_urls_give_the_tables_of_the_same_files_on_disk(
    tmp_path, in_memory, on_disk, how, small_parts
):
    db = tmp_path / "s.duckdb"
    if how == "serial":
        store.ingest([in_memory], db, workers=1)
    else:  # memory:// lives in this process: workers that are threads of it can read it
        with LocalCluster(n_workers=2, processes=False, dashboard_address=None) as cluster:
            store.ingest([in_memory], db, scheduler=cluster.scheduler_address)
    assert_same(tables(db, f"memory://{in_memory.removeprefix('memory://')}/"), on_disk, how)
    paths = tables(db)["files"]["path"]
    assert paths.str.startswith("memory:///dossier-test-").all()  # the URL is recorded


def test_file_urls_on_two_local_workers_give_the_tables_of_local_paths(
    tmp_path, local, on_disk, small_parts
):
    db = tmp_path / "s.duckdb"
    store.ingest([f"file://{local}"], db, workers=2)
    assert_same(tables(db, f"file://{local}/"), on_disk, "file:// on 2 workers")


def test_load_reads_a_url_and_a_glob_as_it_reads_a_folder(local, in_memory):
    with pytest.warns(dossier.DossierWarning):
        expected = dossier.load(local)
    with pytest.warns(dossier.DossierWarning):
        found = dossier.load(in_memory)
    pdt.assert_frame_equal(found.articles, expected.articles)
    pdt.assert_frame_equal(found.claims, expected.claims)
    globbed = discover(f"{in_memory}/0[01]*.txt")
    assert [f.file_name for f in globbed] == sorted(p.name for p in local.glob("0[01]*.txt"))
    assert all(f.explicit for f in globbed)


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("nosuch://bucket/articles", "Protocol not known: nosuch"),
        ("memory://no-such-folder-here", "no such file or folder"),
    ],
)
def test_a_url_that_cannot_be_read_is_one_line_and_exit_2(tmp_path, url, said, capsys):
    assert cli.main(["ingest", url, "--store", str(tmp_path / "s.duckdb")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and said in err[0]
    assert not (tmp_path / "s.duckdb").exists()


def test_s3_without_s3fs_names_the_package_to_install():
    pytest.importorskip("fsspec")
    try:
        import s3fs  # noqa: F401

        pytest.skip("s3fs is installed")
    except ImportError:
        pass
    with pytest.raises(UnknownProtocol, match="s3fs"):
        dossier.load("s3://bucket/prefix/*.txt")


def test_local_worker_processes_refuse_memory_urls(tmp_path, in_memory, small_parts):
    with pytest.raises(ValueError, match="memory:// files live in this process"):
        store.ingest([in_memory], tmp_path / "s.duckdb", workers=2)
    assert not (tmp_path / "s.duckdb").exists()
