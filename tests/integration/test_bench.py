"""make bench runs and prints its table (speed is measured there, never asserted here)."""

import subprocess
import sys

import pytest


def test_bench_prints_a_table_for_each_stage_and_process_count():
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "dossier.dev.bench",
            "--articles",
            "40",
            "--workers",
            "2",
            "--shapes",
            "dots/long list",
            "--shape-sizes",
            "2000,4000",
            "--scale",
            "none",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 0, run.stderr
    assert "corpus: 40 synthetic articles" in run.stdout
    rows = [line for line in run.stdout.splitlines() if line.startswith("| load")]
    assert [r.split("|")[1].strip() for r in rows] == ["load"] * 2 + ["load + extract"] * 2
    assert all(int(r.split("|")[6].strip().replace(",", "")) > 0 for r in rows[2:])  # claims
    mixed = [line for line in run.stdout.splitlines() if line.startswith("| mixed languages")]
    assert len(mixed) == 1 and int(mixed[0].split("|")[6].strip().replace(",", "")) > 0
    # every synthetic article is distinct, and every language has its vocabulary
    assert "DossierWarning" not in run.stderr
    shapes = [line.split("|")[1].strip() for line in run.stdout.splitlines()[-2:]]
    assert shapes == ["dots", "long list"]  # the pathological shapes, each timed
    assert "scale (issue 13)" not in run.stdout


def test_bench_scale_table_prints_a_row_for_each_measure(capsys, tmp_path):
    from dossier.dev.bench import main

    argv = ["--articles", "5", "--workers", "1", "--shapes", "none", "--ingest-articles", "12",
            "--ingest-workers", "2", "--cluster-workers", "2", "--real-articles", "8",
            "--devset", str(tmp_path / "no-devset"), "--brief-articles", "6"]  # fmt: skip
    assert main(argv) == 0
    out = capsys.readouterr().out.split("scale (issue 13)")[1]
    assert "| scale row " in out and "| target " in out
    rows = {line.split("|")[1].strip(): line.split("|") for line in out.splitlines()
            if line.startswith("| ") and "scale row" not in line}  # fmt: skip
    assert list(rows) == [
        "ingest, 1 worker",
        "ingest, 2 local workers",
        "ingest, LocalCluster 2",
        "real text, load + claims",
        "briefing, 6 articles",
        "brief, seeds",
        "floor, empty notebook",
        "brief / floor",
    ]
    assert [rows[r][2].strip() for r in list(rows)[:3]] == ["12"] * 3  # every article ingested
    assert ">= 2,000/core" in rows["real text, load + claims"][6]
    assert "<= 1.5x" in rows["brief / floor"][6]
    assert "seeds only" in out  # no dev set: the row says so
    assert "below parallel.MIN_FILES" in out


@pytest.mark.parametrize(
    ("given", "rows"),
    [
        ("all", ["ingest", "real", "brief"]),
        ("none", []),
        ("brief,ingest", ["brief", "ingest"]),
        ("real", ["real"]),
    ],
)
def test_scale_option_chooses_the_rows(given, rows):
    from dossier.dev.bench_scale import parts

    assert parts(given) == rows


def test_an_unknown_scale_row_is_refused_in_one_line():
    from dossier.dev.bench_scale import parts

    with pytest.raises(ValueError, match="unknown scale row"):
        parts("ingest,speed")


def test_bench_against_a_revision_prints_both_codes_and_a_verdict(capsys):
    from dossier.dev.bench import main

    argv = ["--articles", "20", "--shapes", "none", "--workers", "1", "--against", "HEAD"]
    argv += ["--scale", "none"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    rows = [line.split("|")[1].strip() for line in out.splitlines() if line.startswith("| ")]
    assert "HEAD" in rows and "now" in rows
    verdict = [line for line in out.splitlines() if line.startswith("now vs HEAD: ")]
    assert len(verdict) == 1 and "x the time (best of 3): " in verdict[0]
    assert verdict[0].split(": ")[2].split(" (")[0] in ("no slower", "slower")
    assert "tolerance 5%" in verdict[0]
