"""A store written by an older version gains the columns it lacks, filled, on the next ingest."""

import duckdb

from dossier.corpus.store import ingest, load_store


def test_a_store_without_the_language_column_gains_it_filled(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text(
        "Bericht\n\nDas Ministerium teilte am Montag mit, dass weitere 3000 Soldaten an die "
        "Front geschickt worden seien.\n",
        encoding="utf-8",
    )
    store = tmp_path / "store.duckdb"
    ingest([articles], store)
    with duckdb.connect(str(store)) as con:  # as an older version left it
        con.execute("ALTER TABLE articles DROP COLUMN language")
    (articles / "b.txt").write_text(
        "Report\n\nThe ministry said on Monday that 3,000 more soldiers had been sent to the "
        "front.\n",
        encoding="utf-8",
    )
    ingest([articles], store)
    corpus = load_store(store)
    languages = dict(zip(corpus.articles["file_name"], corpus.articles["language"], strict=True))
    assert languages == {"a.txt": "de", "b.txt": "en"}
