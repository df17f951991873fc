"""What changed since the last run, when that run's record cannot be trusted."""

import json

import pytest

from dossier.analyse import changes

GOOD = {
    "record": {
        "articles": [{"article_id": "a1", "title": "T", "outlet": None}],
        "claims": [{"claim_id": "a1@0-3"}],
        "key_figures": [{"category": "killed", "actor": None, "value_low": 3.0, "value_high": 3.0}],
        "outlets": [],
        "speakers": [],
    }
}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (json.dumps(GOOD)[:40], "run.json is not valid JSON: "),
        ("", "run.json is not valid JSON: "),
        ("[1, 2]", "run.json holds no run record"),
        ('{"record": null}', "run.json holds no run record"),
        ('{"record": {"claims": "all"}}', "run.json has a malformed claims list"),
        ('{"record": {"key_figures": [{"category": "killed"}]}}', "malformed key_figures"),
        (
            '{"record": {"key_figures": [{"category": "k", "actor": null, "value_low": "x", '
            '"value_high": 1}]}}',
            "run.json has figures that are not numbers",
        ),
        ('{"record": {"outlets": "x"}}', "run.json has a malformed outlets list"),
    ],
)
def test_a_record_that_is_not_one_says_why(tmp_path, content, reason):
    path = tmp_path / "run.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=reason.replace("(", r"\(")):
        changes.read_record(path)


def test_a_good_record_reads(tmp_path):
    path = tmp_path / "run.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    assert changes.read_record(path) == GOOD["record"]


def test_an_unreadable_record_is_compared_with_nothing(seeds, tmp_path):
    path = tmp_path / "run.json"
    path.write_bytes(b"\xff\xfe not text")
    found = changes.what_changed(seeds, path)
    assert found.sentences() == [
        "Previous run record unreadable (run.json is not text): compared with nothing."
    ]
