"""Steps 6-8: a claim's hedges, its time and its ledger row. Every text here is invented for
these tests."""

from __future__ import annotations

import re

import pytest

from dossier.extract.steps.hedge import hedges
from dossier.extract.steps.rows import COLUMNS, row
from dossier.extract.steps.when import when
from invented import claim_of, doc_maker


@pytest.fixture(scope="module")
def make_doc(tmp_path_factory):
    return doc_maker(tmp_path_factory)


# --- hedges --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, figure, cues",
    [
        # earlier in the sentence, across clauses
        ("Officials believe 300 soldiers were killed.", "300", ["believe"]),
        ("Reportedly, 300 soldiers were killed in the raid.", "300", ["reportedly"]),
        ("The raid killed an estimated 300 soldiers.", "300", ["estimated"]),
        ("The army said it may have lost 300 soldiers.", "300", ["may"]),
        ("Analysts believe an estimated 300 soldiers were killed.", "300",
         ["believe", "estimated"]),  # in text order
        ("Officials believe, and analysts believe, that 300 soldiers were killed.", "300",
         ["believe"]),  # each once
        ("The raid probably killed 300 soldiers and wounded 90 marines.", "90", ["probably"]),
        # after it, within its window: its clause, up to the next figure
        ("Some 300 soldiers were probably killed.", "300", ["probably"]),
        ("The raid killed 300 soldiers and 50 marines could not be verified.", "50",
         ["could not be verified"]),
        ("The raid killed 300 soldiers and 50 marines could not be verified.", "300", []),
        ("The raid killed 300 soldiers, officials claimed.", "300", []),  # another clause
        ("The raid killed 300 soldiers, according to reports.", "300", []),
        ("The raid killed 300 soldiers.", "300", []),
        # odd (see report): "May 5" should not be a hedge; the month check never matches
        ("On May 5 the army said 300 soldiers were killed.", "300", ["may"]),
        ("The army said 300 soldiers were killed in May 2021.", "300", ["may"]),
    ],
)  # fmt: skip
def test_hedges(make_doc, text, figure, cues):
    doc = make_doc(text)
    assert hedges(doc, claim_of(doc, figure)) == cues


# --- when --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        # after the figure in its clause
        ("Some 300 soldiers were killed last week, medics said.", "last week"),
        ("Some 300 soldiers have been killed so far.", "so far"),
        ("Some 300 soldiers were killed since the beginning of the siege.",
         "since the beginning of the siege"),
        ("Some 300 soldiers were killed on May 5.", "May 5"),
        # a leading "in", "during", "on" is dropped
        ("Some 300 soldiers were killed in recent days.", "recent days"),
        ("Some 300 soldiers were killed on Monday.", "Monday"),
        ("Some 300 soldiers were killed in 2022.", "2022"),
        ("Some 300 soldiers were killed during March.", "March"),
        # before it, when none follows
        ("The bureau said on Friday that 300 soldiers were killed.", "Friday"),
        ("The ministry said last week that 300 soldiers were killed.", "last week"),
        ("The ministry said last week that 300 soldiers were killed on Monday.", "Monday"),
        ("Some 300 soldiers were killed.", None),
        # odd (see report): the phrases are case-sensitive, so a sentence's capital misses
        ("On Monday some 300 soldiers were killed.", None),
        ("During the past two weeks some 300 soldiers were killed.", None),
    ],
)  # fmt: skip
def test_when(make_doc, text, expected):
    doc = make_doc(text)
    assert when(doc, claim_of(doc, "300")) == expected


# --- the ledger row ----------------------------------------------------------------------------
SENTENCE = "Colonel Ines Marlow said about 2,350 Chilean soldiers were wounded near Lima last week."


@pytest.fixture(scope="module")
def ledger_row(make_doc):
    doc = make_doc(("The harbour was quiet before the storm.", SENTENCE))
    return doc, claim_of(doc, "2,350"), row(doc, claim_of(doc, "2,350"))


def test_row_columns(ledger_row):
    _, _, found = ledger_row
    assert list(found) == list(COLUMNS)


def test_row_claim_id_and_quote(ledger_row):
    doc, claim, found = ledger_row
    q = claim.quantity
    assert re.fullmatch(r"[0-9a-f]{16}@\d+-\d+", found["claim_id"])
    assert found["claim_id"] == f"{doc.article_id}@{q.start}-{q.end}"
    assert doc.text[found["char_start"] : found["char_end"]] == "2,350"
    assert found["quote"] == SENTENCE


@pytest.mark.parametrize(
    "column, expected",
    [
        ("section", "body"),
        ("sentence_no", 3),
        ("number_text", "2,350"),
        ("value_low", 2350.0),
        ("value_high", 2350.0),
        ("is_approximate", True),
        ("category", "wounded"),
        ("actor", "Chile"),
        ("attributed_to", "Ines Marlow"),
        ("speaker_role", "Colonel"),
        ("attribution_in", "sentence"),
        ("is_hedged", False),
        ("hedge_cues", None),
        ("when_text", "last week"),
        ("where_text", "Lima"),
    ],
)
def test_row_values(ledger_row, column, expected):
    assert ledger_row[2][column] == expected


def test_row_hedges_joined(make_doc):
    doc = make_doc("Analysts believe an estimated 300 soldiers were killed.")
    found = row(doc, claim_of(doc, "300"))
    assert (found["is_hedged"], found["hedge_cues"]) == (True, "believe, estimated")
