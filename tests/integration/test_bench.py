"""make bench runs and prints its table (speed is measured there, never asserted here)."""

import subprocess
import sys


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


def test_bench_against_a_revision_prints_both_codes_and_a_verdict(capsys):
    from dossier.dev.bench import main

    argv = ["--articles", "20", "--shapes", "none", "--workers", "1", "--against", "HEAD"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    rows = [line.split("|")[1].strip() for line in out.splitlines() if line.startswith("| ")]
    assert "HEAD" in rows and "now" in rows
    verdict = [line for line in out.splitlines() if line.startswith("now vs HEAD: ")]
    assert len(verdict) == 1 and "x the time (best of 3): " in verdict[0]
    assert verdict[0].split(": ")[2].split(" (")[0] in ("no slower", "slower")
    assert "tolerance 5%" in verdict[0]
