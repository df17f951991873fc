"""Scheduled briefings: the store, the dated archive, what changed, failure and overlap."""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pandas.testing as pdt
import pytest

import dossier
from conftest import FIXTURES, ROOT, SEEDS, write_notebook
from dossier.corpus import store

pytestmark = pytest.mark.slow


def cli(*args, cwd, env=None, wait=True):
    command = [sys.executable, "-m", "dossier", *args]
    kwargs = {"cwd": cwd, "stdin": subprocess.DEVNULL, "text": True, "env": env}
    if not wait:
        return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kwargs)
    return subprocess.run(command, capture_output=True, timeout=600, **kwargs)


def digests(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def kill_ingest_before_commit(tmp, corpus, db):
    """Start an ingest that pauses before its commit, and SIGKILL it there."""
    env = {**os.environ, store.PAUSE_ENV: "60"}
    process = cli("ingest", str(corpus), "--store", str(db), cwd=tmp, env=env, wait=False)
    deadline = time.time() + 120
    line = ""
    while time.time() < deadline and "pausing" not in line:
        line = process.stderr.readline()
    assert "pausing" in line, "the ingest never reached its commit"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture
def workspace(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    return tmp_path, corpus, tmp_path / "store.duckdb", tmp_path / "archive"


def test_two_runs_archive_both_and_the_second_says_what_changed(workspace):
    tmp, corpus, db, archive = workspace
    assert cli("ingest", str(corpus), "--store", str(db), cwd=tmp).returncode == 0
    first = cli("brief", "--store", str(db), "--archive", str(archive), cwd=tmp)
    assert first.returncode == 0, first.stderr
    run1 = archive / (os.readlink(archive / "latest"))
    assert first.stdout.strip() == str(run1 / "briefing.html").replace(str(tmp) + "/", "") or (
        first.stdout.strip().endswith("briefing.html")
    )
    assert {p.name for p in run1.iterdir()} == {
        "briefing.ipynb", "briefing.html", "run.json", "run.log",
        "briefing.claims.csv", "briefing.claims.parquet",  # the whole ledger, linked by name
    }  # fmt: skip
    html1 = (run1 / "briefing.html").read_text(encoding="utf-8")
    assert "First briefing" in html1
    before = digests(run1)

    shutil.copy(FIXTURES / "third" / "005_third_article.txt", corpus)
    report = cli("ingest", str(corpus), "--store", str(db), cwd=tmp)
    assert "1 new, 0 changed, 2 unchanged" in report.stdout
    time.sleep(1.1)  # a new second, a new run folder
    second = cli("brief", "--store", str(db), "--archive", str(archive), cwd=tmp)
    assert second.returncode == 0, second.stderr
    run2 = archive / os.readlink(archive / "latest")
    assert run2 != run1
    html2 = (run2 / "briefing.html").read_text(encoding="utf-8")
    assert "1 new article(s): North Korean Casualties in Russia Rise to 4,700" in html2
    assert "Killed or wounded, North Korea: high 4,000 -&gt; 4,700" in html2
    assert "First seen outlet(s): koreaherald.com" in html2
    assert (archive / "latest.html").read_bytes() == (run2 / "briefing.html").read_bytes()
    for name in ("briefing.claims.csv", "briefing.claims.parquet"):  # latest.html's links resolve
        assert f'href="{name}"' in html2
        assert (archive / name).read_bytes() == (run2 / name).read_bytes()
    assert digests(run1) == before  # the earlier run is never touched

    info = json.loads((run2 / "run.json").read_text(encoding="utf-8"))
    assert info["exit_status"] == 0
    assert info["parameters"]["previous_run"].endswith(f"{run1.name}/run.json")
    assert len(info["record"]["articles"]) == 3
    assert {"claim_id", "category", "value_low", "value_high"} <= set(info["record"]["claims"][0])
    assert info["versions"]["duckdb"] and info["timings"]["execute_seconds"] > 0
    assert "papermill" in (run2 / "run.log").read_text(encoding="utf-8")


def test_reingesting_adds_nothing_and_an_edit_replaces_its_article(workspace):
    _, corpus, db, _ = workspace
    first = store.ingest([corpus], db)
    again = store.ingest([corpus], db)
    assert (again.files_new, again.files_changed, again.articles_added) == (0, 0, 0)
    assert again.files_unchanged == 2 and again.articles_total == first.articles_total

    edited = corpus / "003_802e7b070f11e7a3.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("approximately 400", "approximately 450"),
        encoding="utf-8",
    )
    report = store.ingest([corpus], db)
    assert (report.files_changed, report.articles_added, report.articles_replaced) == (1, 1, 1)
    corpus_now = dossier.load(db)
    assert len(corpus_now.articles) == 2
    assert 450.0 in set(corpus_now.claims["value_low"]) and 400.0 not in set(
        corpus_now.claims["value_low"]
    )
    log = store.ingest_log(db)
    assert log["articles_replaced"].tolist() == [0, 0, 1]


def test_the_store_gives_the_same_frames_as_the_folder(workspace):
    _, corpus, db, _ = workspace
    store.ingest([corpus], db)
    from_store, from_folder = dossier.load(db), dossier.load(corpus)
    for table in ("articles", "sentences", "claims", "entities", "problems"):
        pdt.assert_frame_equal(getattr(from_store, table), getattr(from_folder, table))


def test_a_killed_ingest_leaves_the_store_as_it_was(workspace):
    tmp, corpus, db, _ = workspace
    store.ingest([corpus], db)
    before = dossier.load(db)
    shutil.copy(FIXTURES / "third" / "005_third_article.txt", corpus)
    kill_ingest_before_commit(tmp, corpus, db)
    after = dossier.load(db)  # opens, and holds the earlier state
    pdt.assert_frame_equal(after.articles, before.articles)
    pdt.assert_frame_equal(after.claims, before.claims)
    assert len(store.ingest_log(db)) == 1
    resumed = store.ingest([corpus], db)  # the next ingest picks the new file up
    assert resumed.files_new == 1 and resumed.articles_total == 3


def test_an_overlapping_run_exits_3_and_leaves_the_archive_intact(workspace):
    tmp, corpus, db, archive = workspace
    store.ingest([corpus], db)
    first = cli("brief", "--store", str(db), "--archive", str(archive), cwd=tmp, wait=False)
    time.sleep(1.5)  # the first run holds the lock while it executes the notebook (seconds)
    second = cli("brief", "--store", str(db), "--archive", str(archive), cwd=tmp)
    assert second.returncode == 3
    assert "another ingest or brief is running" in second.stderr
    busy_ingest = cli("ingest", str(corpus), "--store", str(db), cwd=tmp)
    assert busy_ingest.returncode == 3
    _, err = first.communicate(timeout=600)
    assert first.returncode == 0, err
    runs = [p for p in archive.iterdir() if p.is_dir() and not p.is_symlink()]
    assert len(runs) == 1 and not [p for p in archive.iterdir() if p.name.startswith(".tmp")]
    assert os.readlink(archive / "latest") == runs[0].name


def test_a_failing_notebook_exits_1_and_latest_stays(workspace):
    tmp, corpus, db, archive = workspace
    store.ingest([corpus], db)
    assert cli("brief", "--store", str(db), "--archive", str(archive), cwd=tmp).returncode == 0
    good = os.readlink(archive / "latest")
    latest_html = (archive / "latest.html").read_bytes()

    failing = write_notebook(
        tmp / "failing.ipynb",
        'corpus = ""\nprevious_run = None',
        "raise RuntimeError('the store is odd')",
    )
    time.sleep(1.1)
    run = cli(
        "brief", "--store", str(db), "--archive", str(archive), "--notebook", str(failing), cwd=tmp
    )
    assert run.returncode == 1
    assert "RuntimeError: the store is odd" in run.stderr.strip().splitlines()[-1]
    assert os.readlink(archive / "latest") == good
    assert (archive / "latest.html").read_bytes() == latest_html
    failed = [p for p in archive.iterdir() if p.is_dir() and p.name not in (good, "latest")]
    assert len(failed) == 1
    info = json.loads((failed[0] / "run.json").read_text(encoding="utf-8"))
    assert info["exit_status"] == 1 and "the store is odd" in info["error"]
    assert (failed[0] / "briefing.ipynb").exists() and not (failed[0] / "briefing.html").exists()


def test_bad_arguments_exit_2(workspace):
    tmp, _, db, _ = workspace
    assert cli("brief", "--store", str(tmp / "none.duckdb"), cwd=tmp).returncode == 2
    assert cli("ingest", str(tmp / "nowhere"), "--store", str(db), cwd=tmp).returncode == 2
    assert cli("schedule", "--print", "--at", "25:99", cwd=tmp).returncode == 2


def test_schedule_prints_a_crontab_line():
    run = cli("schedule", "--print", "--at", "05:30", cwd=ROOT)
    assert run.returncode == 0
    line = run.stdout.strip()
    assert line.startswith("30 5 * * * cd ")
    assert f"-m dossier ingest {ROOT / 'seeds'} --store" in line  # absolute: cron starts elsewhere
    assert "-m dossier brief --store" in line
    assert "--archive" in line and line.endswith("2>&1")


def test_unreadable_files_and_shared_names_are_reported_not_fatal(tmp_path, monkeypatch):
    from pathlib import Path

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x.txt").write_text("One Report Here\n\nThe army said 300 soldiers were killed.\n")
    (b / "x.txt").write_text("Another Report\n\nThe navy said 40 sailors were wounded.\n")
    (b / "locked.txt").write_text("Locked Report\n\nThe army said 70 troops were captured.\n")
    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    report = store.ingest([a, b], tmp_path / "s.duckdb")
    assert report.articles_added == 2  # both x.txt files, kept apart
    assert [(name.endswith("locked.txt"), code) for name, code, _ in report.problems] == [
        (True, "unreadable")
    ]
    corpus = dossier.load(tmp_path / "s.duckdb")
    assert sorted(corpus.claims["value_low"]) == [40.0, 300.0]


def test_an_unknown_parameter_leaves_no_run_folder(workspace):
    tmp, corpus, db, archive = workspace
    store.ingest([corpus], db)
    run = cli(
        "brief", "--store", str(db), "--archive", str(archive), "-p", "colour", "red", cwd=tmp
    )
    assert run.returncode == 2
    # the parameter is refused before the archive is touched: no run folder, not even the folder
    assert not archive.exists() or [p.name for p in archive.iterdir()] == [".lock"]


def test_a_killed_first_ingest_leaves_no_store(workspace):
    tmp, corpus, db, _ = workspace
    kill_ingest_before_commit(tmp, corpus, db)
    assert not db.exists()  # no empty store that would brief as "0 articles"
    assert cli("brief", "--store", str(db), cwd=tmp).returncode == 2
    assert store.ingest([corpus], db).articles_total == 2
    assert sorted(p.name for p in tmp.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("damage", ["truncated", "not a record"])
def test_a_damaged_previous_record_is_reported_and_the_run_succeeds(workspace, damage):
    tmp, corpus, db, archive = workspace
    store.ingest([corpus], db)
    assert cli("brief", "--store", str(db), "--archive", str(archive), cwd=tmp).returncode == 0
    record = archive / "latest" / "run.json"
    text = record.read_text(encoding="utf-8")
    record.write_text(text[: len(text) // 2] if damage == "truncated" else "[1, 2]\n")
    leftover = archive / ".tmp-2020-01-01T000000-12345"  # a run killed long ago
    leftover.mkdir()
    (leftover / "briefing.ipynb").write_text("{}")
    time.sleep(1.1)
    run = cli("brief", "--store", str(db), "--archive", str(archive), cwd=tmp)
    assert run.returncode == 0, run.stderr
    html = (archive / "latest.html").read_text(encoding="utf-8")
    assert "Previous run record unreadable" in html and "compared with nothing" in html
    assert not leftover.exists()


def printed_line(tmp, corpus, db, archive):
    """The crontab line printed for a fresh project at ``tmp/project`` (its .venv's python runs
    this checkout's code), as cron hands it to sh."""
    from dossier.run import archive as archive_module

    root = tmp / "project"
    python = root / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f"#!/bin/sh\nPYTHONPATH='{ROOT / 'lib'}' exec '{sys.executable}' \"$@\"\n")
    python.chmod(0o755)
    line = archive_module.crontab_line(str(corpus), db, archive, "06:00", root=root)
    return line.split(" ", 5)[5].replace("\\%", "%")


def test_the_crontab_line_runs_as_printed_on_a_fresh_project(workspace):
    tmp, corpus, db, _ = workspace
    archive = tmp / "reports" / "archive"  # not there yet, as on a fresh clone
    run = subprocess.run(["sh", "-c", printed_line(tmp, corpus, db, archive)], cwd="/", timeout=600)
    assert run.returncode == 0
    log = (archive / "cron.log").read_text(encoding="utf-8")
    assert "ingest 1: 2 files (2 new" in log  # the ingest step's output
    assert f"{os.readlink(archive / 'latest')}/briefing.html" in log  # the brief step's
    assert (archive / "latest.html").is_file()


def test_the_crontab_line_fails_when_ingest_fails_and_logs_why(workspace):
    tmp, _, db, _ = workspace
    empty, archive = tmp / "empty", tmp / "archive"
    empty.mkdir()
    run = subprocess.run(["sh", "-c", printed_line(tmp, empty, db, archive)], timeout=120)
    assert run.returncode == 2  # ingest's status; brief did not run
    log = (archive / "cron.log").read_text(encoding="utf-8")
    assert f"dossier: no article files in {empty}" in log
    assert not db.exists() and sorted(p.name for p in archive.iterdir()) == ["cron.log"]
