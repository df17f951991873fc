"""The loader on the two seed articles, with exact expectations."""

import pandas as pd
import pandas.testing as pdt

import dossier
from conftest import SEEDS

RFA_ID = "62b7ece6-4c69-4caf-ab9f-4b93f045ecf8"


def test_articles_of_the_seeds(seeds):
    got = seeds.articles[["file_name", "title", "is_title_derived", "outlet", "encoding"]]
    expected = pd.DataFrame(
        {
            "file_name": ["000_8d15dd48c9a3f5e1.txt", "003_802e7b070f11e7a3.txt"],
            "title": [
                "North Korea May Send 25,000 More Troops to Russia Amid Heavy Casualties",
                "North Korea has sent 3,500 additional troops to Russia",
            ],
            "is_title_derived": [False, True],
            "outlet": ["rfa.org", "scmp.com"],
            "encoding": ["utf-8", "utf-8"],
        }
    )
    pdt.assert_frame_equal(got, expected)
    assert seeds.articles["article_id"].iloc[0] == RFA_ID
    assert seeds.problems.empty


def test_article_without_uuid_gets_a_stable_content_hash(seeds):
    again = dossier.load(SEEDS / "003_802e7b070f11e7a3.txt")
    article_id = seeds.articles["article_id"].iloc[1]
    assert len(article_id) == 16 and int(article_id, 16) >= 0
    assert again.articles["article_id"].iloc[0] == article_id


def test_summary_is_the_first_paragraph_and_bodies_carry_no_site_trailer(seeds):
    rfa, scmp = seeds.articles.itertuples()
    assert rfa.summary.startswith("Ukrainian President Zelenskyy reported")
    assert rfa.summary.endswith("involvement in the conflict.")
    assert scmp.summary.startswith("North Korea has sent 3,500 additional troops")
    assert scmp.summary.endswith("significant casualties reported among them.")
    for body in seeds.articles["body"]:
        for trailer in ("Original Source", "Leave a Reply", "email address", "Required fields"):
            assert trailer not in body
    assert rfa.body.endswith("regional security in the Indo-Pacific.")
    assert scmp.body.endswith("suggesting continued hostilities ahead.")


def test_header_lines_are_not_text(seeds):
    rfa = seeds.articles.iloc[0]
    assert RFA_ID not in rfa.summary + rfa.body
    assert "\n0\n" not in rfa.summary + rfa.body


def test_every_sentence_slices_back_out_of_its_article(seeds):
    text = seeds.articles.set_index("article_id")["text"]
    for row in seeds.sentences.itertuples():
        assert text[row.article_id][row.char_start : row.char_end] == row.text
        assert row.text == row.text.strip() and row.text


def test_sentences_per_article_and_section(seeds):
    counts = (
        seeds.sentences.groupby(["article_id", "section"], sort=False)
        .size()
        .rename("n")
        .reset_index()
    )
    expected = pd.DataFrame(
        {
            "article_id": [RFA_ID] * 3 + [seeds.articles["article_id"].iloc[1]] * 2,
            "section": ["title", "summary", "body", "summary", "body"],
            "n": [1, 3, 22, 3, 11],
        }
    )
    pdt.assert_frame_equal(counts, expected)


def test_sentence_numbers_run_through_the_article(seeds):
    for _, group in seeds.sentences.groupby("article_id"):
        assert group["sentence_no"].tolist() == list(range(1, len(group) + 1))
        assert group["paragraph_no"].is_monotonic_increasing


def test_initialism_in_the_middle_of_a_sentence_is_not_a_boundary(seeds):
    texts = seeds.sentences["text"]
    assert not texts.str.endswith(" U.S.").any()
    assert texts.str.contains("both the U.S. and the broader").any()


def test_word_counts(seeds):
    # the same as `wc -w` over title, summary and body
    assert seeds.articles["word_count"].tolist() == [557, 278]
