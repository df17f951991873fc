"""What changed since the last run: records that cannot be trusted, records of earlier versions,
totals of waves, revisions, possible figures."""

import json
from pathlib import Path

import pytest

from dossier.analyse import changes, moves

REVISIONS = Path(__file__).resolve().parents[2] / "fixtures" / "revisions"

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
        ('{"record": {"totals": [{"category": "k"}]}}', "run.json has a malformed totals list"),
        (
            '{"record": {"totals": [{"category": "k", "actor": null, "value_low": 1, '
            '"value_high": 1, "waves": [[1]]}]}}',
            "run.json has a malformed totals list",
        ),
        ('{"record": {"revisions": [{"change": "x"}]}}', "run.json has a malformed revisions"),
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


def test_a_record_of_an_earlier_version_still_reads_and_compares(tmp_path, seeds):
    # GOOD has no outlook, totals nor revisions: what earlier versions wrote
    path = tmp_path / "run.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    found = changes.what_changed(seeds, path)
    assert not found.is_first and found.unreadable is None
    assert list(found.moved_figures.columns[-3:]) == ["was", "now", "change"]
    assert "Reinforcements sent, North Korea: first figure, 1,500-3,500." in found.sentences()[2:]


SENT = "Reinforcements sent, North Korea: "


def killed(low, high=None, outlook=None) -> dict:
    row = {"category": "killed", "actor": "Sudan", "value_low": low, "value_high": high or low}
    return {**row, "outlook": outlook} if outlook else row


def waves(*values, actor="North Korea") -> dict:
    return {
        "category": "reinforcements", "actor": actor, "value_low": float(sum(values)),
        "value_high": float(sum(values)), "waves": [[v, v] for v in values],
    }  # fmt: skip


def revised(change: str, was: str, now: str) -> dict:
    return {"category": "killed", "actor": "Sudan", "source": "army", "was": was, "now": now,
            "change": change}  # fmt: skip


def rec(key=(), totals=None, revisions=None) -> dict:
    out = {"key_figures": list(key)}
    if totals is not None:
        out["totals"] = list(totals)
    if revisions is not None:
        out["revisions"] = list(revisions)
    return out


@pytest.mark.parametrize(
    ("before", "now", "expected"),
    [
        # a record of an earlier version: low and high, as before
        (
            rec([killed(85)]),
            rec([killed(85, 150)]),
            [("85", "85-150", "Killed, Sudan: high 85 -> 150")],
        ),
        # a new wave: the total, and the wave
        (
            rec(totals=[waves(5000)]),
            rec(totals=[waves(5000, 3000)]),
            [
                (
                    "5,000",
                    "8,000",
                    SENT + "total 8,000 (was 5,000), a new wave of 3,000",
                )
            ],
        ),
        (
            rec(totals=[waves(5000)]),
            rec(totals=[waves(5000, 1000, 2000)]),
            [
                (
                    "5,000",
                    "8,000",
                    SENT + "total 8,000 (was 5,000), new waves of 1,000 and 2,000",
                )
            ],
        ),
        (
            rec(totals=[]),
            rec(totals=[waves(2300)]),
            [("", "2,300", SENT + "first figure, total 2,300")],
        ),
        (rec(totals=[waves(5000)]), rec(totals=[waves(5000)]), []),
        # a wave that is not one exact number ("about 3,000") makes the total approximate
        (
            rec(totals=[waves(5000)]),
            rec(totals=[{**waves(5000, 3000), "is_exact": False}]),
            [("5,000", "~8,000", SENT + "total ~8,000 (was 5,000), a new wave of 3,000")],
        ),
        # the key figure of waves is said as the total, not as its low
        (
            rec([{**waves(5000), "value_low": 5000.0}], totals=[waves(5000)]),
            rec([{**waves(5000, 3000), "value_low": 3000.0}], totals=[waves(5000, 3000)]),
            [
                (
                    "5,000",
                    "8,000",
                    SENT + "total 8,000 (was 5,000), a new wave of 3,000",
                )
            ],
        ),
        # a revision says who revised it
        (
            rec([killed(85)], revisions=[]),
            rec([killed(150)], revisions=[revised("revised 85 -> 150", "85", "150")]),
            [("85", "150", "Killed, Sudan: army revised 85 -> 150")],
        ),
        # a revision already reported last time is not news; the key figure's move is
        (
            rec([killed(150)], revisions=[revised("revised 85 -> 150", "85", "150")]),
            rec([killed(150, 170)], revisions=[revised("revised 85 -> 150", "85", "150")]),
            [("150", "150-170", "Killed, Sudan: high 150 -> 170")],
        ),
        # a possible figure is its own row, said as possible
        (
            rec([killed(85, outlook="reported")]),
            rec([killed(85, outlook="reported"), killed(300, outlook="possible")]),
            [("", "300", "Killed, Sudan (possible): first figure, 300")],
        ),
    ],
)
def test_what_moved_between_two_records(before, now, expected):
    got = moves.moved(before, now)
    assert list(zip(got["was"], got["now"], got["change"], strict=True)) == expected


def test_a_revision_in_a_later_article_is_what_changed(tmp_path):
    import dossier

    first = dossier.load(REVISIONS / "r1_first_toll.txt")
    path = tmp_path / "run.json"
    path.write_text(json.dumps({"record": changes.record(first)}), encoding="utf-8")
    found = changes.what_changed(dossier.load(REVISIONS), path)
    assert "Killed, Sudan: Sudan's army revised 85 -> 150." in found.sentences()
    assert changes.read_record(path)["revisions"] == []
