"""Step 2, category (the cue words around a figure), step 3, the article rules, and the category
registry they draw on. Every text here is invented for these tests."""

from __future__ import annotations

import pytest

from dossier.extract import categories, lexicon, pipeline
from dossier.extract.doc import Doc
from dossier.extract.pipeline import claims_of
from dossier.extract.steps import category as category_step
from dossier.extract.steps.category import category_after, category_before
from invented import doc_maker


@pytest.fixture(scope="module")
def make_doc(tmp_path_factory):
    return doc_maker(tmp_path_factory)


def classified(doc: Doc) -> dict[str, tuple]:
    """Figure text -> (its candidate, its claim), both None when a step drops it, after steps 1
    and 2 only, as the pipeline gives them."""
    return {doc.text[q.start : q.end]: (c, claim) for q, c, claim in pipeline.classified(doc)}


def category_of(doc: Doc, figure: str) -> str | None:
    claim = classified(doc)[figure][1]
    return claim.category if claim else None


# --- category_after: words after the figure (from its head noun on) ---------------------------
@pytest.mark.parametrize(
    "words, head_index, expected",
    [
        ("soldiers were killed", 0, "killed"),
        ("soldiers who have since been wounded", 0, "wounded"),
        ("soldiers sustained injuries", 0, "wounded"),
        ("soldiers k.i.a.", 0, "killed"),
        ("killed or wounded", None, "casualties"),
        ("of them had died", None, "killed"),  # "300 of them had died"
        ("sailors returned to active duty", 0, "returned_to_duty"),
        ("soldiers were held by the rebels", 0, "captured"),
        ("recruits were called up", 0, "reinforcements"),
        ("soldiers were held in reserve", 0, None),  # "held in reserve" is no capture
        ("troops to the coast amid heavy casualties", 0, None),  # only fillers between
        ("soldiers at hospital", 0, "wounded"),
        # two-word fillers are phrases: "in" alone hides nothing
        ("soldiers in hospital", 0, "wounded"),
        ("soldiers were in critical condition", 0, "wounded"),
        ("soldiers in total were killed", 0, "killed"),
        ("soldiers so far have died", 0, "killed"),
        ("soldiers were executed", 0, "killed"),
        ("soldiers lost their lives", 0, "killed"),  # not "lost" (casualties)
        ("soldiers were lost", 0, "casualties"),
    ],
)
def test_category_after(words, head_index, expected):
    assert category_after(words.split(), head_index) == expected


# --- category_before: words before the figure, connectors allowed between ----------------------
@pytest.mark.parametrize(
    "words, expected",
    [
        ("the shelling killed", "killed"),
        ("killing", "killed"),
        ("the toll climbed to", "killed"),
        ("killed and wounded", "casualties"),
        ("casualties of", "casualties"),
        ("losses of about", "casualties"),
        ("brought home", "captured"),
        ("the rebels captured", "captured"),
        ("the army mobilised", "reinforcements"),
        ("the contingent of", "deployed"),
        ("the patrol met", None),
        ("casualties among the militia", None),  # not connectors between
        ("deaths rose to at least about", None),  # four connectors at most are passed over
    ],
)
def test_category_before(words, expected):
    assert category_before(words.split()) == expected


# --- classify, end to end: cue words after and before the figure -------------------------------
@pytest.mark.parametrize(
    "text, figure, expected",
    [
        ("Medics said 40 soldiers were killed overnight.", "40", "killed"),
        ("Medics said 40 soldiers have since been wounded.", "40", "wounded"),
        ("The raid left 55 marines dead or wounded.", "55", "casualties"),
        ("Guards reported 60 fighters captured near the ford.", "60", "captured"),
        ("The envoy said 70 rebels surrendered at dawn.", "70", "captured"),
        ("Nearly 310 marines hurt in spring went back to their units.", "310",
         "returned_to_duty"),  # outranks the casualty word met first, within ten words
        ("Nearly 310 marines who were hurt in the autumn went back to their units.", "310",
         "wounded"),
        ("About 85 sailors rejoined their ships.", "85", "returned_to_duty"),
        ("About 900 conscripts were called up last month.", "900", "reinforcements"),
        ("The shelling killed 200 recruits.", "200", "killed"),
        ("The mortar barrage, killing 35 cadets, ended at noon.", "35", "killed"),
        ("The council reported casualties of 5,200 among the militia.", "5,200", "casualties"),
        ("The exchange brought home 157 sailors.", "157", "captured"),
        ("The army mobilised 10,000 reservists.", "10,000", "reinforcements"),
        ("The storm of fire killed or wounded 310 guardsmen.", "310", "casualties"),
        ("Rescuers counted 92 casualties after the blast.", "92", "casualties"),  # head noun
        ("About 12k wounded soldiers reached the camp.", "12k", "wounded"),  # adjective
        ("Rescuers counted 92 soldiers at the gate.", "92", "deployed"),  # no cue: a force
        ("The ministry sent 2,350 across the border.", "2,350", "deployed"),  # a deploy verb
        ("The brigade is losing 1,200 a day.", "1,200", "casualty_rate"),
        ("The unit lost 80 men per week in the marsh.", "80", "casualty_rate"),
        ("The navy landed 400 additional marines.", "400", "reinforcements"),
        ("The navy landed a fresh contingent of 730.", "730", "reinforcements"),
        ("The navy landed 900 reinforcements.", "900", "reinforcements"),
        ("The navy landed a new wave of 1,100 marines.", "1,100", "reinforcements"),
        ("The patrol met 40 villagers.", "40", None),  # no candidate
        ("The warden counted 40 keys.", "40", None),  # no noun, no cue: no claim
        ("Shelling killed 40 soldiers a week ago.", "40", "killed"),  # a time, not a rate
        ("Shelling kills 40 soldiers a week.", "40", "casualty_rate"),
        # the verb further along: past adverbs, a reduced relative, modal verbs, a joined figure
        ("Some 300 soldiers were probably killed.", "300", "killed"),
        ("About 90 gunners sent to the ridge last spring have died.", "90", "killed"),
        ("Some 45 cadets, who had been posted to the port, are feared to be injured.", "45",
         "wounded"),
        ("Up to 700 of theirs and 150 of ours may have been killed.", "700", "killed"),
        ("Nearly 60 marines were said to be taken prisoner.", "60", "captured"),
        ("At least 75 riflemen were flown to a field hospital on Friday.", "75", "wounded"),
        ("One of the medics deployed with the battalion died on the road.", "One", "killed"),
        # but not past another clause, a figure of its own, an active verb or a deployment
        ("About 800 troops guard the pass, where 30 were killed.", "800", "deployed"),
        ("About 800 troops stormed the town and killed the garrison commander.", "800",
         "deployed"),
        ("About 800 troops were sent to the town after 30 were wounded.", "800", "deployed"),
        ("About 800 troops moved in while many were wounded.", "800", "deployed"),
        # specialists and officers are forces too; one person is not the size of a force
        ("The pact sends 400 sappers and two generals north.", "400", "deployed"),
        ("The pact sends 400 sappers and two generals north.", "two", "deployed"),
        ("Four peacekeepers were hurt at the crossing.", "Four", "wounded"),
        ("One field commander told the radio the line held.", "One", None),
        # prisoners: released, handed over, held in captivity
        ("The militia announced the release of 300 conscripts.", "300", "captured"),
        ("The front handed over 45 marines at the bridge.", "45", "captured"),
        ("Some 120 sailors who had been in captivity came home.", "120", "captured"),
        ("About 60 cadets were released from hospital.", "60", "deployed"),
        # a quoted verb; the lives a figure lost; a fallen unit; a rate after the verb
        ('Nearly 500 marines had been "killed or wounded" there.', "500", "casualties"),
        ("The ambush took the lives of 35 soldiers.", "35", "killed"),
        ("The town buried 14 fallen riflemen.", "14", "killed"),
        ("On average 300 of its gunners were wounded or killed every week.", "300",
         "casualty_rate"),
        # a share of the casualties: what happened to the share
        ("A quarter of the casualties were killed outright.", "A quarter", "killed"),
        # a force noun that only modifies other things
        ("The depot lost 400 infantry fighting vehicles.", "400", None),
        # a side before a force noun is not the head; what a casualty figure includes
        ("The navy said 300 Corsair marines were eliminated at sea.", "300", "killed"),
        ("The militia took 80 prisoners, including four majors.", "four", "captured"),
        ("The raid killed 60 guards as well as two instructors.", "two", "killed"),
        ("The exchange brings home 90 defenders.", "90", "captured"),
        # nouns of death and loss before the figure; a send to reinforce; units of equipment;
        # a people counted in millions is a population
        ("The army confirmed the death of two gunners.", "two", "killed"),
        ("The mayor mourned the loss of three soldiers.", "three", "casualties"),
        ("The ministry said 60 soldiers were sent to reinforce the pass.", "60", "reinforcements"),
        ("Aircraft - 357 units", "357", None),
        ("Over 20 million Yemenis face hunger.", "20 million", None),
        # a list after a colon; a noun measured as it nears a figure, or after a colon
        ("Five soldiers were hurt: two sergeants and three gunners.", "two", "wounded"),
        ("The injured are approaching 700, the surgeon said.", "700", "wounded"),
        ("- Killed or wounded: 4,300 by the spring", "4,300", "casualties"),
    ],
)  # fmt: skip
def test_classify_cues(make_doc, text, figure, expected):
    assert category_of(make_doc(text), figure) == expected


# --- classify: a noun further back that the figure measures ------------------------------------
@pytest.mark.parametrize(
    "text, figure, expected",
    [
        ("The wounded from both sieges climbed to 4,100.", "4,100", "wounded"),
        ("Deaths among the garrison rose to 260 by dusk.", "260", "killed"),
        ("Prisoners held at the two camps numbered 1,450.", "1,450", "captured"),
        ("Losses across the three valleys have exceeded 5,000.", "5,000", "casualties"),
        ("Planners put the reinforcements at 1,000.", "1,000", "reinforcements"),
        ("Auditors put the replacements at about 1,250.", "1,250", "reinforcements"),
        ("The contingent sent north numbering 800 had landed.", "800", "deployed"),
    ],
)
def test_classify_measured_noun(make_doc, text, figure, expected):
    c, claim = classified(make_doc(text))[figure]
    assert category_before(c.before_words) is None  # not the word right before it
    assert claim.category == expected


# --- classify: a subset's predicate after the parenthesis --------------------------------------
@pytest.mark.parametrize(
    "text, expected",
    [
        ("Several crews, including 28 cadets, were killed.", "killed"),
        ("Several crews, including 28 cadets, were wounded by shrapnel.", "wounded"),
        ("Several crews, among them 28 cadets, were captured.", "captured"),
        ("Several crews, including 28 cadets, were moved.", "deployed"),
    ],
)
def test_classify_subset(make_doc, text, expected):
    assert category_of(make_doc(text), "28") == expected


# --- classify: a bare figure read from the claims before it ------------------------------------
@pytest.mark.parametrize(
    "text, figure, expected",
    [
        # a continuation takes the category of the figure before
        ("The raid killed 300 soldiers, down from 420 in the spring.", "420", "killed"),
        ("The airlift carried 900 soldiers, compared with 1,400 last spring.", "1,400",
         "deployed"),
        ("Medics counted 75 wounded, up from 60.", "60", "wounded"),
        ("The garrison shrank from 900 soldiers to 650.", "650", "deployed"),
        # "a further", "another" after a force figure in the paragraph: reinforcements
        ("The brigade sent 2,000 troops. A further 650 arrived by rail.", "650",
         "reinforcements"),
        ("The corps sent 3,000 marines and then another 800.", "800", "reinforcements"),
        # "N more" after a casualty figure counts the same
        ("The raid killed 20 sailors on Monday and at least 70 more the next day.", "70",
         "killed"),
        ("A further 650 arrived by rail.", "650", None),
        (("The brigade sent 2,000 troops.", "A further 650 arrived by rail."), "650",
         None),  # another paragraph
        # "the initial" after a claim
        ("The corps landed 5,000 soldiers, among the initial 7,000.", "7,000", "deployed"),
        # partitives: a part of the figure before, else what happened to it
        ("The raid killed 40 soldiers and nine of them were officers.", "nine", "killed"),
        ("The patrol had 60 soldiers; nine of them were wounded.", "nine", "wounded"),
        ("Nine of them were wounded in the ambush.", "Nine", "wounded"),
        ("Several hundred of them were rushed to the dunes.", "Several hundred",
         "deployed"),
        ("Nine of them rested.", "Nine", None),
        ("Of the 2,700 who crossed, 300 were captured.", "2,700", None),
        ("Of the 2,700 who crossed, 300 were captured.", "300", "captured"),
    ],
)  # fmt: skip
def test_classify_from_earlier_claims(make_doc, text, figure, expected):
    assert category_of(make_doc(text), figure) == expected


@pytest.mark.parametrize(
    "text, figure, has_deploy_cue",
    [
        ("The corps landed the initial 7,000 soldiers.", "7,000", True),
        ("A 9,000-strong contingent arrived.", "9,000", True),
        ("The deployment totalling 3,400 arrived late.", "3,400", True),
        ("The corps landed 7,000 soldiers.", "7,000", False),
    ],
)
def test_classify_deploy_cue(make_doc, text, figure, has_deploy_cue):
    _, claim = classified(make_doc(text))[figure]
    assert (claim.category, claim.has_deploy_cue) == ("deployed", has_deploy_cue)


# --- step 3: the article rules (the whole pipeline, categories in text order) ------------------
def categories_in(doc: Doc) -> list[tuple[str, str]]:
    return [(doc.text[c.quantity.start : c.quantity.end], c.category) for c in claims_of(doc)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a replacement word: the nearest force figure before it, else after it in its clause
        ("The command sent 2,350 troops to the coast, aiming at replacing losses.",
         [("2,350", "reinforcements")]),
        ("The command sent 2,350 troops north and 400 marines south, hoping to replace losses.",
         [("2,350", "deployed"), ("400", "reinforcements")]),
        ("The command aims to replace losses with 2,350 troops.", [("2,350", "reinforcements")]),
        ("The command will replace the fallen with 2,350 troops and 400 marines.",
         [("2,350", "reinforcements"), ("400", "deployed")]),
        # a deploy cue protects the figure
        ("The command sent the initial 2,350 troops to the coast, replacing losses.",
         [("2,350", "deployed")]),
        # a casualty figure is no force
        ("Medics said 60 soldiers were killed, and the unit is replacing them.",
         [("60", "killed")]),
        # odd (see report): a cue within 25 characters of a figure is taken for its own noun
        ("The command sent 2,350 troops to the coast to reinforce the garrison.",
         [("2,350", "deployed")]),
        # odd: the docstring's own example; the cue is before the figure's clause
        ("To replace losses, 2,000 troops were sent.", [("2,000", "deployed")]),
    ],
)  # fmt: skip
def test_replacements(make_doc, text, expected):
    assert categories_in(make_doc(text)) == expected


@pytest.mark.parametrize(
    "paragraphs, expected",
    [
        (("The command sent 500 fresh troops north.",
          "Later the command confirmed that 500 troops had arrived."),
         [("500", "reinforcements"), ("500", "reinforcements")]),
        (("The command sent 500 fresh troops north.",
          "Later the command confirmed that the initial 500 troops had arrived."),
         [("500", "reinforcements"), ("500", "deployed")]),  # a deploy cue of its own
        (("The command confirmed that 500 troops had arrived.",
          "The command sent 500 fresh troops north."),
         [("500", "deployed"), ("500", "reinforcements")]),  # only a later repeat
        (("The command sent 500 fresh troops north.", "Medics said 500 troops were wounded."),
         [("500", "reinforcements"), ("500", "wounded")]),  # a casualty figure stays
        (("The command sent 500 fresh troops north.",
          "Later the command confirmed that 600 troops had arrived."),
         [("500", "reinforcements"), ("600", "deployed")]),  # another value
    ],
)  # fmt: skip
def test_repeated_reinforcements(make_doc, paragraphs, expected):
    assert categories_in(make_doc(paragraphs)) == expected


# --- the category registry ---------------------------------------------------------------------
def producible() -> set[str]:
    """Every category a step can give: the lexicon's category lists and the steps' own."""
    found = {c for c, _ in lexicon.CATEGORY_AFTER} | {c for c, _ in lexicon.CATEGORY_BEFORE}
    found |= {lexicon.CATEGORY_OVERRIDE_AFTER[0], *lexicon.CASUALTY_NOUNS.values()}
    found |= {c for c, _ in lexicon.EN.pairs("measured_nouns")}
    found |= {c for c, _ in category_step._MEASURED_FULL}
    found |= {c for c, _ in lexicon.EN.categories("governing_predicates")}
    found |= {c for c, _ in lexicon.EN.categories("tally_headers")}
    # written into the rules: defaults, rate, reinforcements, killed-or-wounded, prisoners
    return found | {"deployed", "reinforcements", "casualty_rate", "casualties", "captured"}


def test_every_producible_category_is_registered():
    assert producible() <= set(categories.CATEGORIES)


def test_every_registered_category_is_producible():
    assert set(categories.CATEGORIES) <= producible()


@pytest.mark.parametrize(
    "name, label",
    [
        ("deployed", "Forces deployed"),
        ("reinforcements", "Reinforcements sent"),
        ("casualties", "Killed or wounded"),
        ("returned_to_duty", "Returned to duty"),
        ("casualty_rate", "Casualty rate"),
        ("no_such_category", "no_such_category"),  # a category without a label reads as itself
    ],
)
def test_labels(name, label):
    assert categories.label(name) == label


def test_registry_kinds():
    assert {"reinforcements"} == categories.ADDITIVE
    assert {"deployed", "reinforcements"} == categories.FORCES
    assert {c.name for c in categories.REGISTRY if c.kind == "rate"} == {"casualty_rate"}


HEADER = "category,label,kind,is_additive,bluf_line,bluf_order,description\n"


def test_read_a_good_registry(tmp_path):
    path = tmp_path / "categories.csv"
    path.write_text(
        HEADER + 'drilled,Drilled,force,FALSE,, ,"on the parade ground"\n'
        "waves,Waves,force,true,waves,2,more\n",
        encoding="utf-8",
    )
    assert categories.read(path) == (
        categories.Category("drilled", "Drilled", "force", False, "", None, "on the parade ground"),
        categories.Category("waves", "Waves", "force", True, "waves", 2, "more"),
    )


@pytest.mark.parametrize(
    "row",
    [
        "drilled,Drilled,parade,false,spread,1,a kind not listed",
        "drilled,Drilled,force,yes,spread,1,is_additive neither true nor false",
        "drilled,Drilled,force,false,footnote,1,a bottom line not listed",
    ],
)
def test_read_a_bad_row_raises(tmp_path, row):
    path = tmp_path / "categories.csv"
    path.write_text(HEADER + "waves,Waves,force,true,waves,2,fine\n" + row + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"categories\.csv:3: bad kind"):
        categories.read(path)


# --- a tally: list items take the category of the list's header --------------------------------
LIST = (
    "The harbour guard published its figures on Sunday.",
    "The dead, counted by unit, were as follows:",
    "41 members of the river flotilla, among them two captains.",
    "- 17 coastal gunners",
    "Nine volunteers of the dock militia.",
)


@pytest.mark.parametrize(
    "paragraphs, figure, expected",
    [
        (LIST, "41", "killed"),
        (LIST, "two", "killed"),
        (LIST, "17", "killed"),
        (LIST, "Nine", "killed"),
        # a header that counts nothing: the items stay what their words make them
        (("Our reporters met the crews:", "41 members of the river flotilla."), "41", "deployed"),
        # prose after a header is no item
        (("Losses so far:", "Officials said that 41 sailors of the flotilla are at sea and the "
          "others rest in port while the storm lasts for a second day on the coast."),
         "41", "deployed"),
        # an item after prose is no item of the header before the prose
        (("Prisoners held:", "The talks went on.", "41 sailors of the flotilla."), "41",
         "deployed"),
    ],
)  # fmt: skip
def test_tally_items_take_the_category_of_their_header(make_doc, paragraphs, figure, expected):
    assert category_of(make_doc(paragraphs), figure) == expected


@pytest.mark.parametrize(
    "paragraphs, figure, expected",
    [
        # "the figure" takes the category of the claim before it, in its sentence or paragraph
        (("The dead numbered at least 300 in May. The ministry now puts the figure at 900.",),
         "900", "killed"),
        (("The dead numbered at least 300 in May.", "The ministry now puts the figure at 900."),
         "900", None),  # another paragraph
    ],
)  # fmt: skip
def test_the_figure_refers_to_the_claim_before(make_doc, paragraphs, figure, expected):
    assert category_of(make_doc(paragraphs), figure) == expected
