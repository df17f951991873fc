"""A folder yields its *.txt files: a gold .jsonl, a saved page or a README beside the articles
is left out and counted in one log line, never read as an article and never dropped silently; a
pattern widens it; a file named (or matched by a glob) is read whatever its name; a glob that
matches folders reads each as a folder."""

import logging

import pytest

import dossier
from dossier.ingest.files import listing, patterns_of

ARTICLE = "Report {n}\n\nThe army said {n} soldiers were wounded on Monday.\n"


@pytest.fixture
def folder(tmp_path):
    """A folder of two articles (one named in capitals), a note, gold data and a saved page."""
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE.format(n=40))
    (root / "sub" / "B.TXT").write_text(ARTICLE.format(n=50))
    (root / "notes.md").write_text(ARTICLE.format(n=60))
    (root / "gold.jsonl").write_text('{"file": "a.txt", "value_low": 40}\n')
    (root / "sub" / "page.html").write_text("<!DOCTYPE html>\n<html></html>\n")
    return root


@pytest.mark.parametrize(
    ("patterns", "files", "skipped"),
    [
        (None, ["a.txt", "sub/B.TXT"], ["gold.jsonl", "notes.md", "sub/page.html"]),
        ("*.txt,*.md", ["a.txt", "notes.md", "sub/B.TXT"], ["gold.jsonl", "sub/page.html"]),
        (["*.md", "*.jsonl"], ["gold.jsonl", "notes.md"], ["a.txt", "sub/B.TXT", "sub/page.html"]),
        ("*", ["a.txt", "gold.jsonl", "notes.md", "sub/B.TXT", "sub/page.html"], []),
    ],
    ids=["default", "comma list", "list", "everything"],
)
def test_a_folder_yields_the_files_its_patterns_match(folder, patterns, files, skipped):
    found = listing(folder, patterns)
    assert [f.file_name for f in found.files] == files
    assert found.skipped == skipped


@pytest.mark.parametrize(
    ("given", "patterns"),
    [
        (None, ("*.txt",)),
        ("*.txt", ("*.txt",)),
        (" *.txt , *.md ", ("*.txt", "*.md")),
        (["*.md,*.txt", "*.txt"], ("*.md", "*.txt")),
    ],
)
def test_patterns_of(given, patterns):
    assert patterns_of(given) == patterns


@pytest.mark.parametrize("given", ["", " , ", []])
def test_no_pattern_at_all_is_an_error(given):
    with pytest.raises(ValueError, match="no file-name pattern"):
        patterns_of(given)


def test_load_reads_the_txt_files_and_logs_one_line_for_the_rest(folder, caplog):
    with caplog.at_level(logging.INFO, logger="dossier.ingest.files"):
        corpus = dossier.load(folder)
    assert corpus.articles["file_name"].tolist() == ["a.txt", "sub/B.TXT"]
    assert corpus.problems.empty
    assert [r.getMessage() for r in caplog.records] == [
        "skipped 3 files not matching *.txt: gold.jsonl, notes.md, sub/page.html"
    ]


def test_load_takes_a_wider_pattern(folder):
    corpus = dossier.load(folder, pattern="*.txt,*.md")
    assert corpus.articles["file_name"].tolist() == ["a.txt", "notes.md", "sub/B.TXT"]


def test_a_file_named_is_read_whatever_its_name(folder):
    with pytest.warns(dossier.DossierWarning, match="not_article"):
        corpus = dossier.load([folder / "notes.md", folder / "sub" / "page.html"])
    assert corpus.articles["file_name"].tolist() == ["notes.md"]
    assert corpus.problems[["file_name", "problem"]].values.tolist() == [
        ["page.html", "not_article"]
    ]


def test_a_folder_without_a_matching_file_says_how_to_read_the_others(tmp_path):
    (tmp_path / "page.html").write_text("<!DOCTYPE html>\n<html></html>\n")
    with pytest.raises(dossier.NoArticlesError, match=r"no article file in .*\*\.txt files"):
        dossier.load(tmp_path)


def test_the_skipped_line_names_the_first_five(tmp_path):
    for n in range(7):
        (tmp_path / f"{n}.csv").write_text("a,b\n")
    assert listing(tmp_path).skipped_line() == (
        "skipped 7 files not matching *.txt: 0.csv, 1.csv, 2.csv, 3.csv, 4.csv, …"
    )
    assert listing(tmp_path, "*.csv").skipped_line() is None


def test_a_glob_that_matches_folders_reads_each_as_a_folder(tmp_path):
    data = tmp_path / "data"
    (data / "march").mkdir(parents=True)
    (data / "april").mkdir()
    (data / "march" / "x.txt").write_text(ARTICLE.format(n=40))
    (data / "march" / "gold.jsonl").write_text('{"value_low": 40}\n')
    (data / "april" / "x.txt").write_text(ARTICLE.format(n=50))
    (data / "top.txt").write_text(ARTICLE.format(n=60))
    found = listing(str(data / "*"))
    assert [f.file_name for f in found.files] == ["april/x.txt", "march/x.txt", "top.txt"]
    assert found.skipped == ["march/gold.jsonl"]
    corpus = dossier.load(str(data / "*"))
    assert sorted(corpus.claims["value_low"]) == [40.0, 50.0, 60.0]


def test_a_recursive_glob_lists_each_file_once(tmp_path):
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "a" / "x.txt").write_text(ARTICLE.format(n=40))
    (tmp_path / "a" / "sub" / "y.txt").write_text(ARTICLE.format(n=50))
    found = listing(str(tmp_path / "a" / "**"))
    assert sorted(f.path.name for f in found.files) == ["x.txt", "y.txt"]
    corpus = dossier.load(str(tmp_path / "a" / "**"))
    assert corpus.problems.empty and sorted(corpus.claims["value_low"]) == [40.0, 50.0]


def test_a_glob_matching_a_file_reads_it_whatever_its_name(folder):
    found = listing(str(folder / "*.md"))
    assert [f.file_name for f in found.files] == ["notes.md"] and found.skipped == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("news/*.txt", True), ("a?.txt", True), ("[ab].txt", True), ("news", False), ("a.txt", False)],
)
def test_is_glob(text, expected):
    from dossier.ingest.files import is_glob

    assert is_glob(text) is expected
