"""Step 4, actor (whose forces a figure counts), and step 5, place (where it is). The sides and
places are real ones the gazetteer knows; every sentence is invented for these tests."""

from __future__ import annotations

import pytest

from dossier.extract.steps.place import place
from invented import claim_of, doc_maker


@pytest.fixture(scope="module")
def make_doc(tmp_path_factory):
    return doc_maker(tmp_path_factory)


# Another paragraph names Peru first, so a figure whose own text names no side takes Peru.
PERU_FIRST = "Peru moved 2,000 soldiers north."


# --- actor -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "paragraphs, figure, actor, agent",
    [
        # a side in the figure's noun phrase
        ("Medics said 2,350 Chilean soldiers crossed the pass.", "2,350", "Chile", None),
        ((PERU_FIRST, "The envoy said 800 Norwegian fighters held the ridge."), "800", "Norway",
         None),
        ("Some 4,000 North Koreans marched past the depot.", "4,000", "North Korea", None),
        # "troops from X", "troops of X"
        ((PERU_FIRST, "The envoy said 800 fighters from Norway held the ridge."), "800",
         "Norway", None),
        ("Medics said 2,350 troops of Norway crossed the pass.", "2,350", "Norway", None),
        # not the owner: "X-backed", "sent to X", "fighting X"
        ((PERU_FIRST, "The envoy said 800 Iran-backed fighters held the ridge."), "800", "Peru",
         None),
        ((PERU_FIRST, "The envoy said 800 fighters sent to Norway held the ridge."), "800",
         "Peru", None),
        ((PERU_FIRST, "The envoy said 800 troops fighting Norway held the ridge."), "800",
         "Peru", None),
        # the agent: the side that did the killing or capturing; the figure is the other side's
        (("Peru said it killed 300 soldiers near the border.", "Chile disputed the claim."),
         "300", "Chile", "Peru"),
        (("Peru said it captured 45 soldiers.", "Chile denied it."), "45", "Chile", "Peru"),
        (("Chile said its troops killed 300 soldiers.", "Peru disputed the claim."), "300",
         "Peru", "Chile"),
        (("Peru reported that 300 soldiers were killed.", "Chile disputed the claim."), "300",
         "Peru", None),  # a passive: no agent
        # the nearest side before the figure in its sentence
        ("Peru said 400 Chilean soldiers were killed and 120 were wounded.", "120", "Chile",
         None),
    ],
)  # fmt: skip
def test_actor(make_doc, paragraphs, figure, actor, agent):
    claim = claim_of(make_doc(paragraphs), figure)
    assert (claim.actor, claim.agent) == (actor, agent)


# Norway is named by two figures, so it is the article's first state; "soldiers" with no side of
# its own would take it, unless a figure before it in its sentence has a side.
NORWAY_TWICE = "Norway moved 700 soldiers north and 300 marines west."


@pytest.mark.parametrize(
    "paragraphs, figure, actor",
    [
        # inherited within the sentence ("from Chile" names no side for a later figure)
        ((NORWAY_TWICE, "Some 400 marines from Chile were killed, and 120 soldiers were wounded."),
         "120", "Chile"),
        ((NORWAY_TWICE, "Some 400 marines from Chile were killed, and 120 soldiers were wounded."),
         "400", "Chile"),
        # no figure before it in its sentence: the article's first state
        ((NORWAY_TWICE, "Medics said 120 soldiers were wounded."), "120", "Norway"),
        # from the paragraph, when the sentence has no side
        (("Norway moved 700 soldiers north.",
          "Peru said 400 soldiers from Chile were killed. Medics said 120 were wounded."),
         "120", "Chile"),
        # no side anywhere
        ("Planners said 600 soldiers landed near the harbour.", "600", None),
    ],
)  # fmt: skip
def test_actor_inherited(make_doc, paragraphs, figure, actor):
    assert claim_of(make_doc(paragraphs), figure).actor == actor


# --- place -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "paragraphs, figure, where",
    [
        # the first place after the figure in its clause
        ("Planners said 600 soldiers landed near Lappeenranta before dawn.", "600",
         "Lappeenranta"),
        ("Planners said 600 soldiers landed near Lappeenranta and Helsinki.", "600",
         "Lappeenranta"),
        ("Officials said 600 soldiers crossed into Portugal at dawn.", "600", "Portugal"),
        ("Officials said 600 soldiers reached Finland's Lappeenranta district.", "600",
         "Lappeenranta"),  # "X's Y": the more specific place
        ("Planners said 600 soldiers waited, and 200 marines drilled in Lisbon.", "600", None),
        # else the last place before it after "in", "near", "at", "inside"
        ("Planners said that in Helsinki 600 soldiers waited for orders.", "600", "Helsinki"),
        ("Planners said that near Helsinki 600 soldiers waited for orders.", "600", "Helsinki"),
        ("Planners said Helsinki would host 600 soldiers.", "600", None),
        ("In Lisbon, 500 soldiers waited at the barracks.", "500", None),  # another clause
        # a figure with no place takes the place of the figure before it in its sentence
        ("Planners said 600 soldiers waited in Lisbon, and 200 marines drilled on the beach.",
         "200", "Lisbon"),
        ("Planners said 600 soldiers waited in Lisbon. Medics said 200 marines drilled on the "
         "beach.", "200", None),  # not from another sentence
        # a dateline is where the story was filed, not the figure's place
        ("HELSINKI, Oct 19 (Reuters) - Some 500 soldiers waited at the barracks.", "500", None),
        ("HELSINKI, Oct 19 (Reuters) - Some 500 soldiers waited near Lappeenranta.", "500",
         "Lappeenranta"),
        # odd (see report): a sponsor's name after the figure reads as its place
        ("The envoy said 800 Iran-backed fighters held the ridge.", "800", "Iran"),
    ],
)  # fmt: skip
def test_place(make_doc, paragraphs, figure, where):
    assert claim_of(make_doc(paragraphs), figure).where == where


def test_place_alone_does_not_inherit(make_doc):
    doc = make_doc(
        "Planners said 600 soldiers waited in Lisbon, and 200 marines drilled on the beach."
    )
    claim = claim_of(doc, "200")
    assert (claim.where, place(doc, claim)) == ("Lisbon", None)
