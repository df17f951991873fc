"""Past the caps the briefing shows the most recent claims with a note, and writes every claim
beside the HTML as CSV and Parquet, linked by name."""

from types import SimpleNamespace

import duckdb
import pandas as pd
import pandas.testing as pdt
import pytest

from dossier.present import evidence, full_ledger


def articles(count: int) -> pd.DataFrame:
    """``count`` articles a0, a1, ... dated one day apart (a0 oldest), the last one undated."""
    dates = [pd.Timestamp("2025-01-01") + pd.Timedelta(days=i) for i in range(count)]
    dates[-1] = pd.NaT
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(count)],
            "title": [f"Report {i}" for i in range(count)],
            "outlet": ["example.org"] * count,
            "file_name": [f"a{i}.txt" for i in range(count)],
            "language": ["en"] * count,
            "published_date": dates,
        }
    )


def claims(count: int) -> pd.DataFrame:
    """One claim per article of :func:`articles`, value 10 * (i + 1)."""
    return pd.DataFrame(
        {
            "article_id": [f"a{i}" for i in range(count)],
            "sentence_no": [1] * count,
            "char_start": [0] * count,
            "char_end": [2] * count,
            "claim_id": [f"a{i}@0-2" for i in range(count)],
            "number_text": [str(10 * (i + 1)) for i in range(count)],
            "value_low": [10.0 * (i + 1) for i in range(count)],
            "value_high": [10.0 * (i + 1) for i in range(count)],
            "category": ["killed"] * count,
            "actor": ["Army"] * count,
            "attributed_to": [None] * count,
            "is_hedged": [False] * count,
            "hedge_cues": [None] * count,
            "quote": [f"{10 * (i + 1)} were killed, 1,000 fled." for i in range(count)],
        }
    )


@pytest.mark.parametrize(
    ("rows", "cap", "shown", "note"),
    [
        (3, 5, 3, ""),
        (5, 5, 5, ""),
        (6, 5, 5, "Showing the 5 most recent of 6 claims"),
        (1200, 500, 500, "Showing the 500 most recent of 1,200 claims"),
    ],
)
def test_the_ledger_shows_at_most_the_cap_and_says_how_many_it_leaves_out(rows, cap, shown, note):
    table, got = evidence.ledger(claims(rows), articles(rows), limit=cap)
    assert (len(table), got) == (shown, note)


def test_past_the_cap_the_ledger_shows_the_most_recent_first_undated_last():
    shown = evidence.ledger_claims(claims(6), articles(6), limit=3)
    assert list(shown["claim_id"]) == ["a4@0-2", "a3@0-2", "a2@0-2"]
    everything = evidence.ledger_claims(claims(6), articles(6), limit=6)
    assert list(everything["claim_id"]) == [f"a{i}@0-2" for i in range(6)]  # corpus order


def test_past_the_cap_the_evidence_holds_the_sentences_the_ledger_links_to(monkeypatch):
    monkeypatch.setattr(evidence, "MAX_LEDGER_ROWS", 2)
    page = evidence.evidence_html(claims(5), articles(5), sentences(5))
    assert 'id="s-a3-1"' in page and 'id="s-a2-1"' in page and 'id="s-a0-1"' not in page
    assert "3 more sentences with figures are not shown here" in page


def sentences(count: int) -> pd.DataFrame:
    return pd.DataFrame(
        {"article_id": [f"a{i}" for i in range(count)], "sentence_no": 1, "char_start": 0}
    )


@pytest.mark.parametrize(
    ("shown", "total", "stem", "expected"),
    [
        (3, 3, None, ""),
        (
            500,
            123456,
            "/out/run/briefing.claims",
            '<p class="dossier-note">Showing the 500 most recent of 123,456 claims; the whole '
            'ledger is in <a href="briefing.claims.csv">briefing.claims.csv</a> / '
            '<a href="briefing.claims.parquet">.parquet</a> beside this file.</p>',
        ),
        (
            3,
            3,
            "/out/my brief.claims",
            '<p class="dossier-files">The whole ledger is also in '
            '<a href="my%20brief.claims.csv">my brief.claims.csv</a> / '
            '<a href="my%20brief.claims.parquet">.parquet</a> beside this file.</p>',
        ),
    ],
)
def test_the_note_links_the_ledger_files_by_name(shown, total, stem, expected):
    assert full_ledger.note_html(shown, total, stem) == expected


def test_live_the_note_says_how_to_write_the_whole_ledger():
    note = full_ledger.note_html(500, 501, None)
    assert "Showing the 500 most recent of 501 claims" in note
    assert "full_ledger.write(selected, &quot;claims&quot;)" in note


def test_the_ledger_files_hold_every_claim_most_recent_first(tmp_path):
    corpus = SimpleNamespace(articles=articles(4), claims=claims(4))  # what write reads
    csv, parquet = full_ledger.write(corpus, tmp_path / "b.claims")
    assert (csv.name, parquet.name) == ("b.claims.csv", "b.claims.parquet")
    text = csv.read_text(encoding="utf-8")
    assert text.splitlines()[0].split(",")[:3] == ["claim_id", "article_id", "published_date"]
    assert "1,000 fled" in text and ",40,40," in text  # plain numbers, the quote quoted
    from_csv = pd.read_csv(csv)
    assert list(from_csv["claim_id"]) == ["a2@0-2", "a1@0-2", "a0@0-2", "a3@0-2"]
    from_parquet = duckdb.sql(f"SELECT * FROM '{parquet}'").df()
    expected = full_ledger.ledger_frame(corpus.claims, corpus.articles)
    pdt.assert_frame_equal(
        from_parquet[["claim_id", "value_low", "quote"]],
        expected[["claim_id", "value_low", "quote"]],
    )
    assert not list(tmp_path.glob(".*.tmp"))


def test_no_claims_give_ledger_files_of_a_header_alone(tmp_path):
    corpus = SimpleNamespace(articles=articles(2).iloc[0:0], claims=claims(2).iloc[0:0])
    csv, parquet = full_ledger.write(corpus, tmp_path / "none.claims")
    assert csv.read_text(encoding="utf-8").splitlines() == [",".join(full_ledger.COLUMNS)]
    assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchall() == [(0,)]
