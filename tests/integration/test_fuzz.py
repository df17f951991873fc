"""Properties of the loader and the extractor on generated input (Hypothesis, a fixed budget of
examples): every file becomes an article or a problem, every offset slices back to its text,
every range is ordered, and nothing raises."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.extract import claims as claims_module
from dossier.ingest.files import discover
from dossier.ingest.reader import read_files
from dossier.ingest.sentences import MAX_SENTENCE_CHARS
from guard import within

# Pieces of news text and of what breaks it: figures in every form the grammar knows, the words
# that make them claims, speakers, sides, places, punctuation, markup and header lines.
PIECES = [
    "1,000", "12k", "2.5 million", "twenty-five", "a dozen", "several hundred", "3-4", "300-odd",
    "between 5 and 6", "from 10 to 20", "11 or 12 thousand", "40 percent", "a third of", "2024",
    "9,000-strong", "24-year-old", "more than", "up to", "about", "or more", "$5 million",
    "troops", "soldiers", "fighters", "casualties", "killed", "wounded", "captured", "dead",
    "were killed", "killing", "returned to duty", "reinforcements", "a further", "replacing",
    "said", "told reporters", "according to", "citing", "the ministry", "He", "she said",
    "Kim Jong", "Colonel Park", "the group said", "reportedly", "may", "could", "estimated",
    "North Korean", "Russia's", "Ukraine", "Kursk", "in", "of the", "among them", "including",
    "March 4", "May", "daily", "since 2022", "(HUR)", "Reuters", "-", "—", "–", ",", ";", ":",
    ".", "...", "…", "?", "!", '"', "'", "«", "»", "(", ")", "<b>", "</b>", "<script>", "&amp;",
    "\n", "\n\n", "\t", "\u00a0", "\u200b", "Original Source: example.org", "2025-02-30",
    "2025-03-04", "62b7ece6-4c69-4caf-ab9f-4b93f045ecf8", "0", "Leave a Reply",
]  # fmt: skip
WORD = st.one_of(st.sampled_from(PIECES), st.text(max_size=8))
TEXT = st.lists(WORD, max_size=60).map(" ".join)
FILE = st.one_of(
    TEXT.map(lambda t: t.encode("utf-8")),
    TEXT.map(lambda t: t.encode("utf-16")),
    TEXT.map(lambda t: t.encode("cp1252", errors="replace")),
    st.binary(max_size=200),
)
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,  # the same examples on every run: a fixed budget, no flaky failures
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@within(seconds=240)
@SETTINGS
@given(st.lists(FILE, min_size=1, max_size=4))
def test_every_file_is_an_article_or_a_problem_and_offsets_slice_back(contents):
    with tempfile.TemporaryDirectory() as folder:
        names = set()
        for i, data in enumerate(contents):
            Path(folder, f"{i}.txt").write_bytes(data)
            names.add(f"{i}.txt")
        corpus = read_files(discover(folder), folder, warn=False)
    articles, problems = set(corpus.articles["file_name"]), set(corpus.problems["file_name"])
    assert articles | problems == names and not articles & problems
    texts = dict(zip(corpus.articles["article_id"], corpus.articles["text"], strict=True))
    for row in corpus.sentences.itertuples():
        assert texts[row.article_id][row.char_start : row.char_end] == row.text
        assert row.text == row.text.strip() and 0 < len(row.text) <= MAX_SENTENCE_CHARS
    found, entities = claims_module.extract(corpus.articles, corpus.sentences)
    sentences = set(
        zip(corpus.sentences["article_id"], corpus.sentences["sentence_no"], strict=True)
    )
    for row in found.itertuples():
        text = texts[row.article_id]
        assert text[row.char_start : row.char_end] == row.number_text
        assert row.value_low <= row.value_high
        assert (row.article_id, row.sentence_no) in sentences
        assert row.category in claims_module.CATEGORIES
        assert row.number_text in row.quote
    for row in entities.itertuples():
        assert texts[row.article_id][row.char_start : row.char_end] == row.text
