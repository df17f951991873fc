"""Corpus.select and Corpus.overview, on small corpora built from fixtures and seeds."""

import pandas as pd
import pandas.testing as pdt

import dossier
from dossier.corpus.corpus import contains_all


def test_select_by_outlet_keeps_the_articles_and_their_sentences(seeds):
    chosen = seeds.select(outlets=["SCMP.com"])
    assert chosen.articles["outlet"].tolist() == ["scmp.com"]
    assert set(chosen.sentences["article_id"]) == set(chosen.articles["article_id"])
    assert len(chosen.sentences) == 14
    assert seeds.select(outlets="rfa.org").articles["outlet"].tolist() == ["rfa.org"]


def test_select_by_query_needs_every_word_in_any_case_and_quote_style(seeds):
    assert seeds.select(query="kursk LAWMAKER").articles["outlet"].tolist() == ["scmp.com"]
    assert seeds.select(query="Korea's").articles["outlet"].tolist() == ["rfa.org", "scmp.com"]
    assert seeds.select(query="no-such-word").articles.empty
    assert len(seeds.select(query="  ").articles) == 2
    assert len(seeds.select(outlets=None, query=None).articles) == 2
    assert seeds.select(query=25000).articles.empty  # not text: searched as text, "25,000" differs


def test_contains_all():
    texts = pd.Series(["Kyiv’s  forces held", "Moscow said", ""])
    got = contains_all(texts, "kyiv's FORCES")
    pdt.assert_series_equal(got, pd.Series([True, False, False]))


def test_overview(seeds):
    got = seeds.overview()[["outlet", "word_count", "sentence_count", "file_name"]]
    expected = pd.DataFrame(
        {
            "outlet": ["rfa.org", "scmp.com"],
            "word_count": [557, 278],
            "sentence_count": [26, 14],
            "file_name": ["000_8d15dd48c9a3f5e1.txt", "003_802e7b070f11e7a3.txt"],
        }
    )
    pdt.assert_frame_equal(got, expected)


def test_repr_says_what_is_inside(seeds):
    assert repr(seeds).startswith("Corpus(2 articles, 40 sentences, 0 problems")


def test_frames_have_their_documented_columns_and_dtypes_even_when_empty(seeds):
    empty = seeds.select(query="no-such-word")
    assert list(empty.articles.columns) == list(dossier.ingest.articles.COLUMNS)
    assert empty.articles.dtypes.astype(str).to_dict() == dossier.ingest.articles.COLUMNS
    assert empty.sentences.dtypes.astype(str).to_dict() == dossier.ingest.sentences.COLUMNS
