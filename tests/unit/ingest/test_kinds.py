"""Files that decode as text but are no article become ``not_article`` problems that say what
they look like; articles that merely start with a bracket or a tag-like word stay articles."""

import pytest

import dossier

ARTICLE = "Troops Arrive\n\nThe army said 300 troops arrived on Monday.\n"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("page.html", "<!DOCTYPE html>\n<html><head><title>News</title></head></html>\n",
         "markup (a saved web page or XML)"),
        ("page.txt", "  <html lang=\"en\"><body><p>300 troops</p></body></html>\n", "markup"),
        ("feed.xml", "<?xml version=\"1.0\"?><rss><item>300 troops</item></rss>\n", "markup"),
        ("stub.txt", "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "a PDF document"),
        ("letter.rtf", "{\\rtf1\\ansi 300 troops arrived}\n", "an RTF document"),
        ("gold.jsonl", '{"file": "a.txt", "value_low": 300}\n{"file": "b.txt"}\n', "JSON data"),
        ("data.json", '[\n  {"troops": 300}\n]\n', "JSON data"),
    ],
)  # fmt: skip
def test_a_file_that_is_no_article_is_a_problem_that_says_so(tmp_path, name, content, reason):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / name).write_text(content, encoding="utf-8")
    with pytest.warns(dossier.DossierWarning, match="not_article"):
        corpus = dossier.load(tmp_path, pattern="*")  # widened: a folder yields *.txt by default
    assert corpus.articles["file_name"].tolist() == ["article.txt"]
    problem = corpus.problems.set_index("file_name").loc[name]
    assert problem["problem"] == "not_article" and reason in problem["reason"]


@pytest.mark.parametrize(
    "content",
    [
        "[Photo] Troops Arrive\n\nThe army said 300 troops arrived on Monday.\n",
        "{Update} Troops Arrive\n\nThe army said 300 troops arrived on Monday.\n",
        "<b>Troops</b> Arrive\n\nThe army said 300 troops arrived on Monday.\n",
    ],
    ids=["bracket", "brace", "inline markup"],
)
def test_an_article_that_starts_like_data_or_markup_stays_an_article(tmp_path, content):
    (tmp_path / "a.txt").write_text(content, encoding="utf-8")
    corpus = dossier.load(tmp_path)
    assert corpus.problems.empty and len(corpus.claims) == 1
