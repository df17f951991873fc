"""Which files ``brief --corpus`` and ``ingest`` read: a folder's *.txt files, --pattern widens
it, the rest is counted on stderr, and a folder holding none says what it holds and how to widen
(exit 2, before any kernel or store)."""

import pytest

from dossier.run import cli

ARTICLE = "Report {n}\n\nThe army said {n} soldiers were wounded on Monday.\n"


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "news"
    root.mkdir()
    (root / "a.txt").write_text(ARTICLE.format(n=40))
    (root / "notes.md").write_text(ARTICLE.format(n=60))
    (root / "gold.jsonl").write_text('{"file": "a.txt", "value_low": 40}\n')
    return root


@pytest.fixture
def taken(monkeypatch):
    """The parameters the briefing would be built with; the build itself stops there."""
    parameters = {}

    def build(given, **kwargs):
        parameters.update(given)
        raise cli.briefing.BriefingError("stopped here")

    monkeypatch.setattr(cli.briefing, "build", build)
    return parameters


@pytest.fixture
def no_kernel(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr("papermill.execute_notebook", refuse)


def html_only(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("b.html", "a.html"):
        (pages / name).write_text("<!DOCTYPE html>\n<html></html>\n")
    return pages


@pytest.mark.parametrize("command", ["brief", "ingest"])
def test_a_folder_of_other_files_exits_2_saying_how_to_widen(tmp_path, no_kernel, capsys, command):
    pages = html_only(tmp_path)
    store = tmp_path / "s.duckdb"
    argv = ["brief", "--corpus", str(pages)] if command == "brief" else ["ingest", str(pages)]
    assert cli.main([*argv, "--store" if command == "ingest" else "--out", str(store)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"dossier: no article files in {pages}: 2 files not matching *.txt (a.html, b.html); "
        "widen with --pattern '*.html'\n"
    )
    assert not store.exists()


def test_a_folder_whose_txt_files_are_no_articles_exits_2_before_a_kernel(
    tmp_path, no_kernel, capsys
):
    (tmp_path / "a_empty.txt").write_text("  \n")
    (tmp_path / "b_page.txt").write_text("<!DOCTYPE html>\n<html><body>x</body></html>\n")
    (tmp_path / "c_binary.txt").write_bytes(b"\x00\x01\x02 data")
    (tmp_path / "d_data.txt").write_text('{"value_low": 40}\n')
    assert cli.main(["brief", "--corpus", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dossier: no article among 4 file(s): a_empty.txt: file holds only")
    assert "b_page.txt: not an article: markup" in err
    assert "c_binary.txt: binary file" in err and err.endswith("; and 1 more\n")
    assert not (tmp_path / "out").exists()


def test_one_article_among_other_files_is_enough_to_brief(tmp_path, taken, capsys):
    (tmp_path / "a_empty.txt").write_text("")
    (tmp_path / "b.txt").write_text(ARTICLE.format(n=40))
    assert cli.main(["brief", "--corpus", str(tmp_path), "--out", str(tmp_path / "out")]) == 1
    assert taken["corpus"] == str(tmp_path.resolve())  # the build was reached


def test_brief_gives_the_folder_and_counts_what_it_skips(folder, taken, capsys):
    assert cli.main(["brief", "--corpus", str(folder), "--out", str(folder.parent)]) == 1
    assert taken["corpus"] == str(folder)
    err = capsys.readouterr().err
    assert "dossier: skipped 2 files not matching *.txt: gold.jsonl, notes.md\n" in err


@pytest.mark.parametrize(
    "patterns",
    [["--pattern", "*.txt,*.md"], ["--pattern", "*.txt", "--pattern", "*.md"]],
    ids=["comma list", "repeated"],
)
def test_brief_with_a_wider_pattern_gives_the_files(folder, taken, capsys, patterns):
    argv = ["brief", *patterns, "--corpus", str(folder), "--out", str(folder.parent)]
    assert cli.main(argv) == 1
    assert taken["corpus"] == [str(folder / "a.txt"), str(folder / "notes.md")]
    assert "skipped 1 file not matching *.txt,*.md: gold.jsonl" in capsys.readouterr().err


def test_brief_passes_a_glob_that_matches_folders_as_it_is(tmp_path, taken):
    (tmp_path / "data" / "march").mkdir(parents=True)
    (tmp_path / "data" / "march" / "x.txt").write_text(ARTICLE.format(n=40))
    glob = str(tmp_path / "data" / "*")
    assert cli.main(["brief", "--corpus", glob, "--out", str(tmp_path / "out")]) == 1
    assert taken["corpus"] == glob  # dossier.load reads each folder it matches


@pytest.mark.parametrize(
    ("corpus", "patterns", "given"),
    [
        ("news", [], "{tmp}/news"),
        ("news/*.md", [], "{tmp}/news/*.md"),
        ("news", ["--pattern", "*.md"], ["{tmp}/news/notes.md"]),
    ],
    ids=["folder", "glob", "widened folder"],
)
def test_brief_gives_the_notebook_absolute_paths(
    folder, taken, monkeypatch, corpus, patterns, given
):
    monkeypatch.chdir(folder.parent)  # the notebook runs in notebooks/, not here
    assert cli.main(["brief", "--corpus", corpus, *patterns, "--out", "out"]) == 1
    tmp = str(folder.parent)
    if isinstance(given, list):
        assert taken["corpus"] == [g.format(tmp=tmp) for g in given]
    else:
        assert taken["corpus"] == given.format(tmp=tmp)


@pytest.mark.parametrize(
    ("argv", "problem"),
    [
        (["--pattern", " , "], "--pattern: no file-name pattern given"),
        (["--store", "s.duckdb", "--pattern", "*.md"], "--pattern chooses the files of --corpus"),
    ],
)
def test_a_pattern_that_cannot_apply_exits_2(tmp_path, no_kernel, capsys, argv, problem):
    store = tmp_path / "s.duckdb"
    store.write_bytes(b"\0" * 8 + b"DUCK" + b"\0" * 100)  # looks like a store by its header
    argv = [a.replace("s.duckdb", str(store)) for a in argv]
    assert cli.main(["brief", *argv, "--out", str(tmp_path / "out")]) == 2
    assert problem in capsys.readouterr().err


@pytest.mark.parametrize(
    ("patterns", "new", "skipped"),
    [
        ([], 1, "skipped 2 files not matching *.txt: gold.jsonl, notes.md"),
        (["--pattern", "*.txt,*.md"], 2, "skipped 1 file not matching *.txt,*.md: gold.jsonl"),
    ],
)
def test_ingest_reads_what_the_pattern_matches(folder, capsys, patterns, new, skipped):
    store = folder.parent / "s.duckdb"
    assert cli.main(["ingest", str(folder), "--store", str(store), *patterns]) == 0
    out, err = capsys.readouterr()
    assert f"{new} files ({new} new" in out
    assert f"{new} articles added" in out
    assert f"dossier: {skipped}\n" in err


def test_ingest_reads_a_file_named_whatever_its_name(folder, capsys):
    store = folder.parent / "s.duckdb"
    assert cli.main(["ingest", str(folder / "notes.md"), "--store", str(store)]) == 0
    out, err = capsys.readouterr()
    assert "1 articles added" in out and "skipped" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["-v", "schedule", "--at", "05:30"],
        ["schedule", "-v", "--at", "05:30"],
        ["schedule", "--at", "05:30", "-v"],
    ],
)
def test_verbose_is_taken_before_or_after_the_command(capsys, argv):
    assert cli.main(argv) == 0
    assert capsys.readouterr().out.startswith("30 5 * * * ")


@pytest.mark.parametrize("argv", [["--version"], ["brief", "--version"], ["ingest", "--version"]])
def test_version_is_taken_before_or_after_the_command(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        cli.main(argv)
    assert exc.value.code == 0 and capsys.readouterr().out.startswith("dossier ")


@pytest.mark.parametrize(
    ("argv", "verbose"),
    [
        (["-v", "ingest", "news"], True),
        (["ingest", "-v", "news"], True),
        (["ingest", "news", "--verbose"], True),
        (["-v", "brief", "--corpus", "news"], True),
        (["brief", "--corpus", "news", "-v"], True),
        (["brief", "--corpus", "news"], False),
    ],
)
def test_verbose_is_read_before_or_after_the_command(argv, verbose):
    assert cli.build_parser().parse_args(argv).verbose is verbose
