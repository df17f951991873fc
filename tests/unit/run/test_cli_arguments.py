"""Bad arguments of every kind exit 2 before any kernel starts; what a run writes stays under
--out; the printed crontab line is one command per path, whatever the path holds."""

import subprocess

import pytest

from dossier.run import archive, cli


@pytest.fixture
def no_kernel(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a kernel was started")

    monkeypatch.setattr("papermill.execute_notebook", refuse)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("../../escape", "holds a folder separator"),
        ("/tmp/absolute", "holds a folder separator"),
        ("", "is empty"),
        ("  ", "is empty"),
        ("two\nlines", "holds a control character"),
        ("bell\x07", "holds a control character"),
        (".hidden", "starts with '.'"),
        ("..", "starts with '.'"),
        ("x" * 300, "is too long"),
    ],
)
def test_a_name_that_is_no_plain_file_name_exits_2(tmp_path, no_kernel, capsys, name, problem):
    out = tmp_path / "out"
    assert cli.main(["brief", "--out", str(out), "--name", name]) == 2
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written, anywhere


@pytest.mark.parametrize("timeout", ["nan", "inf", "-1", "0", "soon"])
def test_a_timeout_that_is_no_positive_finite_number_exits_2(timeout, no_kernel, capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["brief", "--timeout", timeout])
    assert exc.value.code == 2
    assert "--timeout" in capsys.readouterr().err


def test_a_glob_matching_nothing_exits_2(tmp_path, no_kernel, capsys):
    assert cli.main(["brief", "--corpus", str(tmp_path / "*.txt")]) == 2
    assert "no corpus: no files match" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("content", "problem"),
    [("this is not a notebook\n", "is not a notebook papermill can read"), (None, "no such")],
)
def test_a_notebook_that_is_no_notebook_exits_2(tmp_path, no_kernel, capsys, content, problem):
    notebook = tmp_path / "briefing.ipynb"
    if content is not None:
        notebook.write_text(content)
    assert cli.main(["brief", "--notebook", str(notebook), "--out", str(tmp_path)]) == 2
    assert problem in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--out", "--archive"])
def test_an_output_folder_that_is_a_file_exits_2(tmp_path, no_kernel, capsys, option):
    taken = tmp_path / "taken"
    taken.write_text("a file\n")
    assert cli.main(["brief", option, str(taken)]) == 2
    assert f"{option} {taken} is a file, not a folder" in capsys.readouterr().err
    assert taken.read_text() == "a file\n"


def test_the_crontab_line_runs_as_printed_whatever_its_paths_hold(tmp_path):
    # A project folder, a store and an archive whose paths hold spaces, quotes, a percent sign
    # and shell syntax: each must reach dossier as one argument, and nothing may run.
    root = tmp_path / "my projects" / "dossier; touch INJECTED"
    python = root / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    calls = tmp_path / "calls.txt"
    python.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" "--" >> "{calls}"\n')
    python.chmod(0o755)
    store = tmp_path / "it's a store 100%.duckdb"
    folder = tmp_path / "archive $(touch INJECTED2)"
    line = archive.crontab_line("news `touch INJECTED3`", store, folder, "07:15", root=root)
    fields = line.split(" ", 5)
    assert fields[:5] == ["15", "7", "*", "*", "*"]
    # cron turns "\%" into "%" (and a bare "%" into a line break) before handing it to sh
    assert "%" not in fields[5].replace("\\%", "")
    command = fields[5].replace("\\%", "%")
    subprocess.run(["sh", "-c", command], check=True, cwd=tmp_path, timeout=30)
    ingest, brief, _ = calls.read_text().split("--\n")
    assert ingest.splitlines() == [
        "-m", "dossier", "ingest", "news `touch INJECTED3`", "--store", str(store)
    ]  # fmt: skip
    assert brief.splitlines() == [
        "-m", "dossier", "brief", "--store", str(store), "--archive", str(folder)
    ]  # fmt: skip
    assert not list(tmp_path.rglob("INJECTED*"))
    assert (folder / "cron.log").exists()  # made by the line, logging both commands


@pytest.mark.parametrize(
    ("parameter", "problem"),
    [
        (["since", "2025-13-45"], "-p since '2025-13-45' is no date"),
        (["until", "yesterday"], "-p until 'yesterday' is no date"),
        (["categories", '["kiled"]'], "unknown value 'kiled' (did you mean 'killed'?)"),
        (["categories", '"killed"'], "-p categories takes a JSON list of text"),
        (["outlets", "3"], "-p outlets takes a JSON list of text"),
        (["min_reliability", "Z"], "-p min_reliability takes a grade A-F"),
        (["sinse", "2025-01-01"], "unknown parameter 'sinse' (did you mean 'since'?)"),
    ],
    ids=["bad date", "word for a date", "unknown category", "category not in a list",
         "outlets not a list", "grade", "unknown name"],
)  # fmt: skip
def test_a_bad_parameter_exits_2_before_any_kernel(no_kernel, capsys, parameter, problem):
    assert cli.main(["brief", "-p", *parameter]) == 2
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1


def test_a_period_that_ends_before_it_starts_exits_2(no_kernel, capsys):
    argv = ["brief", "-p", "since", "2025-03-01", "-p", "until", "2025-01-01"]
    assert cli.main(argv) == 2
    assert "-p since 2025-03-01 is after -p until 2025-01-01" in capsys.readouterr().err


def test_corpus_and_store_together_exit_2(tmp_path, no_kernel, capsys):
    assert cli.main(["brief", "--corpus", "seeds", "--store", str(tmp_path / "s.duckdb")]) == 2
    assert "give --corpus or --store, not both" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["brief", "--corpus"], ["ingest"]])
def test_a_folder_without_article_files_exits_2(tmp_path, no_kernel, capsys, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    argv = [*command, str(empty)] + (
        ["--store", str(tmp_path / "s.duckdb")] * (command == ["ingest"])
    )
    assert cli.main(argv) == 2
    assert f"no article files in {empty}" in capsys.readouterr().err
    assert not (tmp_path / "s.duckdb").exists()


def test_version_and_verbose_after_the_command(capsys):
    with pytest.raises(SystemExit) as exc:
        cli.main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("dossier ")
    # -v is taken after the command too, and schedule prints its line without --print
    assert cli.main(["schedule", "-v"]) == 0
    assert " brief --store " in capsys.readouterr().out


def test_help_notebook_lists_the_parameters_with_their_defaults(no_kernel, capsys):
    assert cli.main(["brief", "--help-notebook"]) == 0
    out = capsys.readouterr().out
    assert [line.split()[0] for line in out.splitlines()][:3] == ["corpus", "title", "query"]
    assert '"Briefing"' in out and "YYYY" not in out


def test_a_parameters_file_is_read_and_p_overrides_it(tmp_path, monkeypatch, capsys):
    taken = {}

    def build(parameters, **kwargs):
        taken.update(parameters)
        raise cli.briefing.BriefingError("stopped here")

    monkeypatch.setattr(cli.briefing, "build", build)
    params_file = tmp_path / "params.yaml"
    params_file.write_text(
        "title: Weekly digest\ncategories: [killed, wounded]\nsince: 2024-01-01\n"
    )
    argv = ["brief", "-f", str(params_file), "-p", "title", "Daily", "--out", str(tmp_path)]
    assert cli.main(argv) == 1  # the stub stops the run
    assert {k: taken[k] for k in ("title", "categories", "since")} == {
        "title": "Daily",
        "categories": ["killed", "wounded"],
        "since": "2024-01-01",
    }


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("categories: [kiled]\n", "unknown value 'kiled'"),
        ("categories: [\n", "is no YAML"),
        ("- a list\n", "must map parameter names to values"),
        ("corpus: seeds\n", "give the corpus with --corpus"),
        (b"title: \xff\xfe caf\xe9\n", "is not UTF-8 text"),
    ],
)
def test_a_bad_parameters_file_exits_2(tmp_path, no_kernel, capsys, content, problem):
    params_file = tmp_path / "params.yaml"
    params_file.write_bytes(content if isinstance(content, bytes) else content.encode())
    assert cli.main(["brief", "-f", str(params_file), "--out", str(tmp_path / "out")]) == 2
    assert problem in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
