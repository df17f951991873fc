"""Header variants, encodings, trailers: one tiny fixture file each."""

import warnings

import pandas as pd
import pandas.testing as pdt
import pytest

import dossier
from conftest import FIXTURES
from dossier.ingest.articles import normalise_outlet

BRIGADE = "Brigade Crosses River Ahead of Spring Offensive"
DERIVED = "The defence ministry said 2,300 soldiers crossed the river overnight"
SUMMARY_START = "The defence ministry said 2,300 soldiers"


def test_header_variants():
    corpus = dossier.load(FIXTURES / "headers")
    got = corpus.articles[["file_name", "title", "is_title_derived", "outlet"]]
    expected = pd.DataFrame(
        [
            ("counter_uuid_no_title.txt", DERIVED, True, "example.com"),
            ("hard_wrapped.txt", "Convoy Reaches Border Town", False, "example.org"),
            ("no_header.txt", DERIVED, True, "example.com"),
            ("title_counter.txt", BRIGADE, False, "example wire"),
            ("title_counter_uuid.txt", BRIGADE, False, "example-news.com"),
            ("title_no_blank_line.txt", "Ministry Confirms Losses in Talks With U.S.", False,
             "example.co.uk"),
            ("title_only.txt", "Talks Stall as Envoys Leave Geneva?", False, "news.example.net"),
            ("title_uuid.txt", BRIGADE, False, "wire.example.org"),
        ],
        columns=["file_name", "title", "is_title_derived", "outlet"],
    )  # fmt: skip
    pdt.assert_frame_equal(got, expected)
    assert corpus.problems.empty


def test_uuid_line_becomes_the_article_id_in_lower_case():
    ids = dossier.load(FIXTURES / "headers").articles.set_index("file_name")["article_id"]
    assert ids["title_counter_uuid.txt"] == "3f2504e0-4f89-11d3-9a0c-0305e82c3301"
    assert ids["title_uuid.txt"] == "3f2504e0-4f89-11d3-9a0c-0305e82c3302"
    assert ids["counter_uuid_no_title.txt"] == "3f2504e0-4f89-11d3-9a0c-0305e82c3303"
    assert len(ids["title_counter.txt"]) == 16  # no UUID: a content hash


@pytest.mark.parametrize(
    "name", ["title_counter_uuid.txt", "counter_uuid_no_title.txt", "no_header.txt"]
)
def test_summary_is_the_first_paragraph_after_the_header(name):
    article = dossier.load(FIXTURES / "headers" / name).articles.iloc[0]
    assert article["summary"].startswith(SUMMARY_START)
    assert article["summary"].endswith("Officials gave no further detail.")
    assert article["body"].startswith("Gen. Adaeze Okafor told reporters")
    assert article["body"].endswith("he added.")
    assert "Leave a Reply" not in article["body"] and "Source" not in article["body"]


def test_derived_title_has_no_sentence_row_and_a_headline_has_one():
    corpus = dossier.load([FIXTURES / "headers/no_header.txt", FIXTURES / "headers/title_uuid.txt"])
    sections = corpus.sentences.groupby("article_id")["section"].first()
    ids = corpus.articles.set_index("file_name")["article_id"]
    assert sections[ids["no_header.txt"]] == "summary"
    assert sections[ids["title_uuid.txt"]] == "title"


def test_hard_wrapped_lines_join_into_one_paragraph_and_offsets_still_slice():
    corpus = dossier.load(FIXTURES / "headers/hard_wrapped.txt")
    got = corpus.sentences[["section", "paragraph_no", "sentence_no"]]
    expected = pd.DataFrame(
        {
            "section": ["title", "summary", "body", "body"],
            "paragraph_no": [0, 1, 2, 3],
            "sentence_no": [1, 2, 3, 4],
        }
    )
    pdt.assert_frame_equal(got, expected)
    text = corpus.articles["text"].iloc[0]
    for row in corpus.sentences.itertuples():
        assert text[row.char_start : row.char_end] == row.text
    assert corpus.sentences["text"].iloc[1].endswith("on\nTuesday, officials said.")


def test_encodings_are_detected_and_recorded():
    corpus = dossier.load(FIXTURES / "encodings")
    got = corpus.articles[["file_name", "encoding", "title", "outlet"]]
    expected = pd.DataFrame(
        [
            ("cp1252.txt", "cp1252", "Café Talks Fail as Shelling Resumes", "cp.example.com"),
            ("crlf.txt", "utf-8", "Ceasefire Holds for Second Day", "crlf.example.com"),
            ("utf16_bom.txt", "utf-16", "Envoy Visits Front Line Again", "utf16.example.com"),
            ("utf8_bom.txt", "utf-8-sig", "Envoy Visits Front Line", "bom.example.com"),
        ],
        columns=["file_name", "encoding", "title", "outlet"],
    )
    pdt.assert_frame_equal(got, expected)
    assert "“No deal,” the envoy said – talks ended." in corpus.articles["body"].iloc[0]
    for text in corpus.articles["text"]:
        assert "\r" not in text and "\ufeff" not in text
    assert "Leave a Reply" not in corpus.articles["body"].iloc[1]


def test_no_source_line_leaves_the_outlet_empty():
    article = dossier.load(FIXTURES / "misc/no_source.txt").articles.iloc[0]
    assert pd.isna(article["outlet"])
    assert article["body"].endswith("he added.")


@pytest.mark.parametrize(
    ("credit", "footer", "outlet", "body_ends"),
    [
        # a credit line before the footer: dropped, the article goes on to the footer
        ("Source: The Harbour Gazette", "Original Source: www.example.org", "example.org",
         "go on."),
        ("Source: Reuters", "Source: https://news.example.net/a/1", "news.example.net", "go on."),
        # with no footer after it, a plain source line still closes the article
        ("Source: The Harbour Gazette", "", "the harbour gazette", "first."),
    ],
)  # fmt: skip
def test_a_source_credit_inside_the_text_does_not_end_the_article(
    tmp_path, credit, footer, outlet, body_ends
):
    text = (
        "Ferry Strike Enters Second Week\n\nCrews stayed ashore on Monday.\n\n"
        f"The union spoke first.\n\n{credit}\n\nTalks will go on.\n\n{footer}\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    corpus = dossier.load(tmp_path / "a.txt")
    article = corpus.articles.iloc[0]
    assert (article["outlet"], article["body"].endswith(body_ends)) == (outlet, True)
    assert not corpus.sentences["text"].str.contains("Source:").any()


def test_trailer_without_source_line_is_cut_at_the_first_boilerplate_line():
    article = dossier.load(FIXTURES / "misc/trailer_no_source.txt").articles.iloc[0]
    assert article["body"].endswith("he added.")
    for chrome in ("Leave a Reply", "Cancel reply", "Post Comment", "Name *"):
        assert chrome not in article["body"]


def test_the_same_article_twice_is_one_article_and_one_reported_duplicate():
    with pytest.warns(dossier.DossierWarning, match=r"1 of 2 files .* \(1 duplicate\)"):
        corpus = dossier.load(FIXTURES / "duplicates")
    assert corpus.articles["file_name"].tolist() == ["a.txt"]
    article_id = corpus.articles["article_id"].iloc[0]
    expected = pd.DataFrame(
        {
            "file_name": ["b.txt"],
            "problem": ["duplicate"],
            "reason": [f"duplicate: the same article as a.txt ({article_id})"],
        }
    )
    pdt.assert_frame_equal(corpus.problems, expected)


@pytest.mark.parametrize(
    ("value", "outlet"),
    [
        ("rfa.org", "rfa.org"),
        ("www.scmp.com", "scmp.com"),
        ("https://www.Example.com/news/1?x=y", "example.com"),
        ("HTTP://WWW3.example.org:8080/", "example.org"),
        ("Reuters", "reuters"),
        ("The Korea Herald.", "the korea herald"),
    ],
)
def test_normalise_outlet(value, outlet):
    assert normalise_outlet(value) == outlet


def test_warnings_are_silent_for_clean_input():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        dossier.load(FIXTURES / "headers")


def test_page_furniture_is_dropped_and_the_article_goes_on(tmp_path):
    text = (
        "date 2025-02-03 Ferry Crews Strike For A Second Week\n\n"
        "Crews stayed ashore on Monday, the union said.\n\n"
        "ADVERTISEMENT\n\n"
        "4,210 views\n\n"
        "Read also:\n- Port of Arden loses 300 berths\n- Crane drivers join 12 other unions\n\n"
        "Talks resume on Friday.\n\n"
        "Original Source: www.example.org\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    corpus = dossier.load(tmp_path / "a.txt")
    article = corpus.articles.iloc[0]
    assert article["title"] == "Ferry Crews Strike For A Second Week"
    assert article["published_date"] == pd.Timestamp("2025-02-03")
    assert corpus.sentences["text"].tolist() == [
        "Ferry Crews Strike For A Second Week",
        "Crews stayed ashore on Monday, the union said.",
        "Talks resume on Friday.",
    ]
