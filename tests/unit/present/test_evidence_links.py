"""Evidence links read "title, sentence N"; ledger rows carry an anchor the evidence section
links back to; article text is escaped exactly once."""

import html
import re

import pandas as pd
import pytest

from dossier.present import evidence

QUOTE = "Officials said 1,200 soldiers were killed & O'Neil's \"count\" stands."
ARTICLES = pd.DataFrame(
    {
        "article_id": ["a1", "a2"],
        "title": ['Border town\'s "long" night & after', "Short"],
        "outlet": ["example.org", None],
        "file_name": ["a1.txt", "a2.txt"],
        "language": ["en", "en"],
    }
)
CLAIMS = pd.DataFrame(
    {
        "article_id": ["a1", "a1", "a2"],
        "sentence_no": [3, 3, 1],
        "char_start": [115, 115 + 49, 10],
        "char_end": [120, 115 + 55, 13],
        "claim_id": ["a1@115-120", "a1@164-170", "a2@10-13"],
        "number_text": ["1,200", "O'Neil", "300"],
        "value_low": [1200.0, 1.0, 300.0],
        "value_high": [1200.0, 1.0, 300.0],
        "category": ["killed", "returned_to_duty", "wounded"],
        "actor": ["Army", None, "Army"],
        "attributed_to": ["O'Neil", None, None],
        "is_hedged": [False, True, False],
        "hedge_cues": [None, "may", None],
        "quote": [QUOTE, QUOTE, "Some 300 were hurt."],
    }
)
SENTENCES = pd.DataFrame(
    {"article_id": ["a1", "a2"], "sentence_no": [3, 1], "char_start": [100, 5]}
)


@pytest.mark.parametrize(
    ("title", "number", "label"),
    [
        ("Short title", 6, "Short title, sentence 6"),
        ("  Spaced\n  title ", 1, "Spaced title, sentence 1"),
        (
            "A very long headline about a border clash that goes on and on and on",
            12,
            "A very long headline about a border clash that…, sentence 12",
        ),
        ("x" * 60, 2, "x" * 47 + "…, sentence 2"),
    ],
)
def test_sentence_label(title, number, label):
    assert evidence.sentence_label(title, number) == label


def test_shortened_titles_fit_the_width():
    for n in range(1, 120):
        assert len(evidence.shorten("word " * n)) <= evidence.TITLE_WIDTH


@pytest.mark.parametrize(
    ("claim_id", "anchor"),
    [("a1@115-120", "c-a1-115-120"), ('x"><script>', "c-x---script-"), ("plain", "c-plain")],
)
def test_claim_anchor_is_a_safe_html_id(claim_id, anchor):
    assert evidence.claim_anchor(claim_id) == anchor


def test_ledger_links_read_title_and_sentence_and_carry_the_claim_anchor():
    table, note = evidence.ledger(CLAIMS, ARTICLES)
    assert note == ""
    links = table["evidence"].tolist()
    assert links[0] == (
        '<a class="dossier-evidence-link" id="c-a1-115-120" href="#s-a1-3">'
        "Border town&#x27;s &quot;long&quot; night &amp; after, sentence 3</a>"
    )
    assert 'id="c-a2-10-13"' in links[2] and ">Short, sentence 1</a>" in links[2]
    assert len(set(re.findall(r'id="([^"]+)"', "".join(links)))) == len(CLAIMS)
    assert table["category"].tolist() == ["Killed", "Returned to duty", "Wounded"]


def test_ledger_text_is_escaped_once():
    table, _ = evidence.ledger(CLAIMS, ARTICLES)
    assert table.loc[0, "quote"] == html.escape(QUOTE)
    assert html.unescape(table.loc[0, "quote"]) == QUOTE
    assert "&amp;amp;" not in table.loc[0, "quote"] and "&amp;#x27;" not in table.loc[0, "quote"]
    assert table.loc[0, "attributed_to"] == "O&#x27;Neil"


def test_each_evidence_sentence_links_back_to_its_first_claim_in_the_ledger():
    page = evidence.evidence_html(CLAIMS, ARTICLES, SENTENCES)
    backs = re.findall(r'<a class="dossier-back" href="#([^"]+)" data-claim="([^"]+)"', page)
    assert backs == [("c-a1-115-120", "c-a1-115-120"), ("c-a2-10-13", "c-a2-10-13")]
    assert page.count("↩ ledger") == 2
    table, _ = evidence.ledger(CLAIMS, ARTICLES)
    ledger_ids = set(re.findall(r'id="([^"]+)"', "".join(table["evidence"])))
    assert {target for target, _ in backs} <= ledger_ids


def test_a_sentence_whose_claims_the_ledger_leaves_out_has_no_back_link(monkeypatch):
    monkeypatch.setattr(evidence, "MAX_LEDGER_ROWS", 2)  # the ledger shows the two a1 claims
    page = evidence.evidence_html(CLAIMS, ARTICLES, SENTENCES)
    backs = re.findall(r'<a class="dossier-back" href="#([^"]+)"', page)
    assert backs == ["c-a1-115-120"]
    _table, note = evidence.ledger(CLAIMS, ARTICLES, limit=evidence.MAX_LEDGER_ROWS)
    assert note == "Showing the 2 most recent of 3 claims"


def test_evidence_text_is_escaped_once_and_figures_marked():
    page = evidence.evidence_html(CLAIMS, ARTICLES, SENTENCES)
    assert "<mark>1,200</mark>" in page
    assert "O&#x27;Neil&#x27;s &quot;count&quot; stands." in page
    assert "&amp;amp;" not in page and "&amp;#x27;" not in page and "&amp;quot;" not in page
    assert "Border town&#x27;s &quot;long&quot; night &amp; after" in page
