"""Values handed back by the kernel after the last cell: the engine's ``evaluate``, and the
record a scheduled run keeps, made in the kernel from what the briefing showed."""

import json

import nbformat
import pytest

from conftest import SEEDS, write_notebook
from dossier.run import archive, briefing

pytestmark = pytest.mark.slow


def test_expressions_are_evaluated_in_the_kernel_after_the_last_cell(tmp_path):
    notebook = write_notebook(tmp_path / "nb.ipynb", "x = 1", "y = x + 41")
    handed = {}
    executed = briefing.execute(
        nbformat.read(notebook, as_version=4),
        tmp_path / "run.ipynb",
        {"x": 2},
        tmp_path,
        evaluate={"y": "y", "missing": "no_such_name", "text": "'a' * 3"},
        into=handed,
    )
    assert handed == {"y": "43", "missing": None, "text": "'aaa'"}
    assert len(executed.cells) == 3  # the parameters, papermill's injected cell, the body


def test_an_archived_run_keeps_the_record_its_kernel_handed_back(tmp_path, monkeypatch, seeds):
    def second_load(*_args):
        raise AssertionError("the corpus was loaded a second time")

    monkeypatch.setattr(archive, "_record", second_load)
    run = archive.run(str(SEEDS), tmp_path / "archive")
    assert run.status == 0, run.error
    record = json.loads((run.folder / "run.json").read_text(encoding="utf-8"))["record"]
    assert [a["article_id"] for a in record["articles"]] == list(seeds.articles["article_id"])
    assert [c["claim_id"] for c in record["claims"]] == list(seeds.claims["claim_id"])
