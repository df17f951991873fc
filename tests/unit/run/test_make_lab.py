"""``make lab`` as the Makefile would run it (a dry run): --allow-root only as root, no browser
to open without a display, the server on loopback at a known port, and a line saying where to
look for the URL."""

import os
import platform
import shutil
import subprocess

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def dry_run(*variables, display=None):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update({"DISPLAY": display} if display else {})
    run = subprocess.run(
        ["make", "-n", "lab", *variables],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return run.stdout.splitlines()


def lab_flags(lines):
    (command,) = [line for line in lines if "jupyter lab" in line]
    return command.split("jupyter lab ", 1)[1].split()


@pytest.mark.parametrize(
    ("uid", "display", "present", "absent"),
    [
        ("0", None, ["--allow-root", "--no-browser"], []),
        ("0", ":0", ["--allow-root"], ["--no-browser"]),
        ("1000", None, ["--no-browser"], ["--allow-root"]),
        ("1000", ":0", [], ["--allow-root", "--no-browser"]),
    ],
)
def test_lab_passes_what_jupyter_needs(uid, display, present, absent):
    if platform.system() == "Darwin":  # a Mac opens its browser without a DISPLAY
        present = [f for f in present if f != "--no-browser"]
    flags = lab_flags(dry_run(f"LAB_UID={uid}", display=display))
    assert flags[:3] == [
        "--notebook-dir=notebooks", "--ServerApp.ip=127.0.0.1", "--ServerApp.port=8888"
    ]  # fmt: skip
    assert set(present) <= set(flags) and not set(absent) & set(flags)


def test_lab_runs_as_this_user_would_and_says_where_the_url_is():
    lines = dry_run("LAB_PORT=8899")
    assert ("--allow-root" in lab_flags(lines)) == (os.getuid() == 0)
    assert "--ServerApp.port=8899" in lab_flags(lines)
    assert any("open the http://127.0.0.1 URL printed below" in line for line in lines)
