"""A store's corpus reads its articles and claims at once, its sentences and entities when first
used: the same frames as the files give, of the selected articles only, never of a later ingest."""

import shutil

import pandas.testing as pdt
import pytest

import dossier
from dossier.corpus.store import ingest
from dossier.corpus.stored import StoreChanged
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for path in sorted((FIXTURES / "claims").glob("*.txt")):
        shutil.copy(path, folder / path.name)
    store = folder.parent / "store.duckdb"
    ingest([folder], store)
    return folder, store


def test_the_tables_read_when_first_used_are_those_the_files_give(stored):
    folder, store = stored
    files, loaded = dossier.load(folder), dossier.load(store)
    pdt.assert_frame_equal(loaded.articles, files.articles)
    pdt.assert_frame_equal(loaded.claims, files.claims)
    pdt.assert_frame_equal(loaded.sentences, files.sentences)
    pdt.assert_frame_equal(loaded.entities, files.entities)


@pytest.mark.parametrize("read_first", [False, True])
def test_a_selection_holds_its_articles_rows_whether_read_before_or_after(stored, read_first):
    _, store = stored
    loaded = dossier.load(store)
    if read_first:  # read in full, then filtered in memory
        loaded.sentences, loaded.entities  # noqa: B018
    outlet = sorted(loaded.articles["outlet"].dropna().unique())[0]
    chosen = loaded.select(outlets=outlet)
    everything = dossier.load(store)
    ids = set(chosen.articles["article_id"])
    for table in ("sentences", "entities"):
        whole = getattr(everything, table)
        expected = whole[whole["article_id"].isin(ids)].reset_index(drop=True)
        pdt.assert_frame_equal(getattr(chosen, table), expected)


def test_sentences_of_some_articles_are_those_rows_of_the_sentences(stored):
    _, store = stored
    loaded = dossier.load(store)
    wanted = loaded.articles["article_id"].iloc[[3, 1]].tolist()
    got = loaded.sentences_of(wanted)
    whole = dossier.load(store).sentences
    expected = whole[whole["article_id"].isin(wanted)].reset_index(drop=True)
    pdt.assert_frame_equal(got, expected)
    pdt.assert_frame_equal(loaded.sentences_of(wanted), got)  # read again, or from memory
    assert loaded.sentences_of([]).empty


def test_rows_of_a_store_ingested_into_since_are_not_read(stored, tmp_path):
    _, store = stored
    copy = tmp_path / "store.duckdb"
    shutil.copy(store, copy)
    loaded = dossier.load(copy)
    more = tmp_path / "more"
    more.mkdir()
    (more / "new.txt").write_text("A New Report\n\nThe army said 70 troops were captured.\n")
    ingest([more], copy)
    with pytest.raises(StoreChanged, match=r"changed since it was loaded.*load it again"):
        loaded.sentences  # noqa: B018
    assert len(dossier.load(copy).sentences) > 0  # loaded again, it reads
