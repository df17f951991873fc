"""The crontab line ``dossier schedule`` prints, read as the shell reads it: the project root,
the archive folder made first, the date, ingest then brief (brief only when ingest succeeded),
both logged into the archive's cron.log, every path absolute (cron starts elsewhere)."""

import shlex

from dossier import paths
from dossier.run import cli


def shell_words(line):
    """The command of a crontab line as the shell's words, with cron's ``\\%`` undone."""
    command = line.split(" ", 5)[5].replace("\\%", "%")
    lexer = shlex.shlex(command, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    return list(lexer)


def test_the_line_logs_both_steps_with_absolute_paths(tmp_path, monkeypatch, capsys):
    (tmp_path / "news").mkdir()
    monkeypatch.chdir(tmp_path)  # relative paths are taken from here, not from the root
    argv = ["schedule", "--corpus", "news", "--store", "db/s.duckdb", "--archive", "runs"]
    assert cli.main(argv) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith("0 6 * * * ")
    python = str(paths.ROOT / ".venv" / "bin" / "python")
    store, archive = str(tmp_path / "db" / "s.duckdb"), str(tmp_path / "runs")
    assert shell_words(line) == [
        "cd", str(paths.ROOT), "&&", "mkdir", "-p", archive, "&&",
        "{", "date", "-u", "&&",
        python, "-m", "dossier", "ingest", str(tmp_path / "news"), "--store", store, "&&",
        python, "-m", "dossier", "brief", "--store", store, "--archive", archive, ";", "}",
        ">>", f"{archive}/cron.log", "2", ">&", "1",
    ]  # fmt: skip


def test_a_corpus_that_does_not_exist_yet_is_noted(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["schedule", "--corpus", str(tmp_path / "later")]) == 0
    assert f"the corpus {tmp_path / 'later'} does not exist yet" in capsys.readouterr().err


def test_a_glob_corpus_is_made_absolute_too(tmp_path, monkeypatch, capsys):
    (tmp_path / "news").mkdir()
    monkeypatch.chdir(tmp_path)
    assert cli.main(["schedule", "--corpus", "news/*.txt", "--store", "s.duckdb"]) == 0
    words = shell_words(capsys.readouterr().out.strip())
    assert words[words.index("ingest") + 1] == str(tmp_path / "news" / "*.txt")
