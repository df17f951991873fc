"""Bad input: a problem row and one warning with a count, never a crash, never a silent drop."""

import os
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

import dossier
from conftest import FIXTURES
from dossier.ingest.files import UnreadableFile, decode

BAD = FIXTURES / "bad"


def test_every_bad_file_is_a_problem_row_and_the_good_one_loads():
    with pytest.warns(dossier.DossierWarning) as record:
        corpus = dossier.load(BAD)
    assert len(record) == 1
    assert str(record[0].message) == (
        f"6 of 7 files in {BAD} could not be loaded "
        "(2 empty, 2 no_body, 1 binary, 1 undecodable); see Corpus.problems"
    )
    expected = pd.DataFrame(
        [
            ("binary.txt", "binary", "binary file: contains NUL bytes"),
            ("empty.txt", "empty", "empty file"),
            ("headline_only.txt", "no_body", "no body text: the file holds only a headline"),
            ("source_only.txt", "no_body", "no body text: the file holds no article text"),
            ("undecodable.txt", "undecodable",
             "undecodable bytes: not UTF-8 (byte 24) and not cp1252"),
            ("whitespace.txt", "empty", "file holds only whitespace"),
        ],
        columns=["file_name", "problem", "reason"],
    )  # fmt: skip
    pdt.assert_frame_equal(corpus.problems, expected)
    assert corpus.articles["file_name"].tolist() == ["good.txt"]


def test_a_source_with_no_readable_article_raises_naming_the_path():
    files = [BAD / "empty.txt", BAD / "binary.txt"]
    with (
        pytest.warns(dossier.DossierWarning),
        pytest.raises(dossier.NoArticlesError, match=r"empty\.txt.*empty file"),
    ):
        dossier.load(files)
    with pytest.warns(dossier.DossierWarning), pytest.raises(dossier.NoArticlesError) as exc:
        dossier.load(BAD / "*only.txt")
    assert str(BAD / "*only.txt") in str(exc.value)


@pytest.mark.parametrize(
    "source", ["/no/such/folder", "tests/fixtures/bad/*.nothing", "no-such-file.txt"]
)
def test_a_missing_source_raises_file_not_found_naming_it(source):
    with pytest.raises(FileNotFoundError, match=source.replace("*", r"\*").replace(".", r"\.")):
        dossier.load(source)


def test_an_empty_list_is_an_error():
    with pytest.raises(FileNotFoundError, match="empty list"):
        dossier.load([])


def test_sources_may_be_a_glob_a_file_or_a_list():
    by_glob = dossier.load(str(FIXTURES / "headers" / "title_*.txt"))
    assert len(by_glob.articles) == 5
    by_list = dossier.load([FIXTURES / "headers/title_uuid.txt", FIXTURES / "misc"])
    assert by_list.articles["file_name"].tolist() == [
        "title_uuid.txt",
        "no_source.txt",
        "trailer_no_source.txt",
    ]


def test_relative_paths_fall_back_to_the_project_root(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # as a notebook run from notebooks/ would be
    assert len(dossier.load("seeds").articles) == 2


def test_hidden_files_in_a_folder_are_skipped(tmp_path):
    (tmp_path / "a.txt").write_text("Headline Here\n\nThe army said 40 troops left.\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01binary")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n")
    assert dossier.load(tmp_path).articles["file_name"].tolist() == ["a.txt"]


def test_nested_folders_are_read_and_named_by_relative_path(tmp_path):
    (tmp_path / "2025" / "03").mkdir(parents=True)
    (tmp_path / "2025" / "03" / "a.txt").write_text("Headline Here\n\nThe army said 40 left.\n")
    assert dossier.load(tmp_path).articles["file_name"].tolist() == ["2025/03/a.txt"]


def test_unreadable_entries_in_a_folder_are_problems_not_hangs(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text("Headline Here\n\nThe army said 40 troops left.\n")
    (tmp_path / "locked.txt").write_text("Headline Two\n\nThe army said 50 left.\n")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    real_read_bytes = Path.read_bytes

    def read_bytes(self):  # root can read anything, so deny one file by hand
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    with pytest.warns(dossier.DossierWarning, match="3 of 4 files"):
        corpus = dossier.load(tmp_path)
    assert corpus.articles["file_name"].tolist() == ["good.txt"]
    expected = pd.DataFrame(
        [
            ("dangling.txt", "unreadable", "cannot read file: broken link or file vanished"),
            ("locked.txt", "unreadable", "cannot read file: Permission denied"),
            ("pipe.txt", "unreadable", "not a regular file (a device, FIFO or socket)"),
        ],
        columns=["file_name", "problem", "reason"],
    )
    pdt.assert_frame_equal(corpus.problems, expected)


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("Kyiv said “no”.\n".encode(), "utf-8", "Kyiv said “no”.\n"),
        (b"\xef\xbb\xbfA\r\nB\r\n", "utf-8-sig", "A\nB\n"),
        ("A – B\n".encode("utf-16"), "utf-16", "A – B\n"),
        ("A – B\n".encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16", "A – B\n"),
        ("Café “x”\r".encode("cp1252"), "cp1252", "Café “x”\n"),
    ],
)
def test_decode(data, encoding, text):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b" \r\n\t", "empty"),
        (b"abc\x00def", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"ok \x81\x8d\x90 not ok", "undecodable"),
        (b"\xff\xfe\x00", "undecodable"),
    ],
)
def test_decode_refuses(data, problem):
    with pytest.raises(UnreadableFile) as exc:
        decode(data)
    assert exc.value.problem == problem


ARTICLE = "Headline {n}\n{date}\nThe army said {n} soldiers were wounded on Monday.\n"


@pytest.mark.parametrize(
    ("date", "reason"),
    [
        ("2025-02-30", "the header's date line 2025-02-30 is no date: day is out of range"),
        ("2025-13-01", "the header's date line 2025-13-01 is no date: month must be in 1..12"),
        ("9999-12-31", "the header's date line 9999-12-31 is out of range (1677-2262)"),
        ("1000-01-01", "the header's date line 1000-01-01 is out of range (1677-2262)"),
    ],
)
def test_a_bad_date_line_is_one_problem_and_the_folder_still_loads(tmp_path, date, reason):
    (tmp_path / "good.txt").write_text(ARTICLE.format(n=40, date="2025-03-04"))
    (tmp_path / "bad.txt").write_text(ARTICLE.format(n=50, date=date))
    with pytest.warns(dossier.DossierWarning, match=r"1 of 2 files .*\(1 bad_date\)"):
        corpus = dossier.load(tmp_path)
    assert corpus.articles["file_name"].tolist() == ["good.txt"]
    assert corpus.articles["published_date"].tolist() == [pd.Timestamp("2025-03-04")]
    assert corpus.problems[["file_name", "problem"]].values.tolist() == [["bad.txt", "bad_date"]]
    assert corpus.problems["reason"][0].startswith(reason)


def test_a_file_name_that_is_not_utf8_is_kept_escaped(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")  # a Latin-1 name on a UTF-8 file system
    (tmp_path / name).write_text(ARTICLE.format(n=40, date=""))
    corpus = dossier.load(tmp_path)
    assert corpus.articles["file_name"].tolist() == ["caf\\xe9.txt"]
    assert len(corpus.claims) == 1


def test_a_linked_folder_is_read_and_a_link_back_is_a_problem(tmp_path):
    root, elsewhere = tmp_path / "articles", tmp_path / "elsewhere"
    (root / "sub").mkdir(parents=True)
    elsewhere.mkdir()
    (root / "a.txt").write_text(ARTICLE.format(n=40, date=""))
    (elsewhere / "b.txt").write_text(ARTICLE.format(n=50, date=""))
    (root / "linked").symlink_to(elsewhere)
    (root / "sub" / "back").symlink_to(root)  # a loop: would be read forever
    with pytest.warns(dossier.DossierWarning, match=r"1 of 3 files .*\(1 unreadable\)"):
        corpus = dossier.load(root)
    assert corpus.articles["file_name"].tolist() == ["a.txt", "linked/b.txt"]
    expected = pd.DataFrame(
        [("sub/back/", "unreadable", "link to a folder already read (the folder loaded): "
          "not read twice")],
        columns=["file_name", "problem", "reason"],
    )  # fmt: skip
    pdt.assert_frame_equal(corpus.problems, expected)


def test_a_folder_that_cannot_be_listed_is_a_problem(tmp_path, monkeypatch):
    (tmp_path / "open").mkdir()
    (tmp_path / "closed").mkdir()
    (tmp_path / "open" / "a.txt").write_text(ARTICLE.format(n=40, date=""))
    (tmp_path / "closed" / "b.txt").write_text(ARTICLE.format(n=50, date=""))
    real_scandir = os.scandir

    def scandir(path="."):  # root can list anything, so deny one folder by hand
        if os.fspath(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.warns(dossier.DossierWarning, match="1 of 2 files"):
        corpus = dossier.load(tmp_path)
    assert corpus.articles["file_name"].tolist() == ["open/a.txt"]
    assert corpus.problems.values.tolist() == [
        ["closed/", "unreadable", "cannot list folder: Permission denied"]
    ]


def test_a_fault_in_the_rules_loses_one_article_and_says_so(monkeypatch):
    from dossier.extract import pipeline

    corpus = dossier.load(sorted(str(p) for p in (FIXTURES / "claims").glob("*.txt")))
    every = set(corpus.claims["article_id"])
    corpus = dossier.load(sorted(str(p) for p in (FIXTURES / "claims").glob("*.txt")))
    faulty = corpus.articles["article_id"][0]
    real = pipeline.claims_of

    def claims_of(doc):
        if doc.article_id == faulty:
            raise ValueError("a rule tripped")
        return real(doc)

    monkeypatch.setattr(pipeline, "claims_of", claims_of)
    with pytest.warns(dossier.DossierWarning, match="claims could not be read from 1 article"):
        found = corpus.claims
    assert set(found["article_id"]) == every - {faulty}  # every other article keeps its claims


def test_a_file_too_large_for_an_article_is_a_problem(tmp_path, monkeypatch):
    from dossier.ingest import files

    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)
    (tmp_path / "article.txt").write_text(ARTICLE.format(n=40, date=""))
    (tmp_path / "dump.txt").write_text(ARTICLE.format(n=50, date="") * 30)
    with pytest.warns(dossier.DossierWarning, match=r"\(1 too_large\)"):
        corpus = dossier.load(tmp_path)
    assert corpus.articles["file_name"].tolist() == ["article.txt"]
    assert corpus.problems.values.tolist() == [
        ["dump.txt", "too_large", "0.0 MB: an article file holds at most 0.001 MB (split it into "
         "articles)"]
    ]  # fmt: skip
