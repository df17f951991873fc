"""Inputs that once made loading or extraction run for minutes (a line of dots, a list of
thousands of numbers, a megabyte without a full stop, an article of 15,000 sentences) each
finish within a generous time, checked by a watchdog. Speed itself is measured by make bench."""

import pytest

import dossier
from dossier.dev import pathological
from dossier.ingest.sentences import MAX_SENTENCE_CHARS
from guard import within

pytestmark = pytest.mark.slow

SIZE = 64_000  # bytes: the quadratic code took minutes at this size, the linear takes < 1 s
SIZES = {"15,000 sentences": 15_000 * 41}


@pytest.mark.parametrize("shape", list(pathological.SHAPES))
@within(seconds=30)
def test_a_pathological_article_loads_and_extracts_in_bounded_time(tmp_path, shape):
    path = tmp_path / "article.txt"
    path.write_text(pathological.article(shape, SIZES.get(shape, SIZE)), encoding="utf-8")
    corpus = dossier.load(path)
    text = corpus.articles["text"][0]
    for row in corpus.sentences.itertuples():
        assert text[row.char_start : row.char_end] == row.text
        assert len(row.text) <= MAX_SENTENCE_CHARS
    entities, claims = corpus.entities, corpus.claims  # one extraction gives both
    for row in claims.itertuples():
        assert text[row.char_start : row.char_end] == row.number_text
    for row in entities.itertuples():
        assert text[row.char_start : row.char_end] == row.text
    if shape == "15,000 sentences":
        assert len(corpus.sentences) >= 15_000
