"""Who a sentence's figures are sourced to, rule by rule, as tables.

Every article here is invented: invented people, bodies, places and figures. Each table row is one
article, given as paragraphs of sentences, and what the rules make of it today.
"""

import pytest

from dossier.extract import attribution, gazetteer

MINISTRY = "Veloria defence ministry"


def attribute(*paragraphs: list[str], title: str | None = None) -> attribution.ArticleSources:
    """The sources of an article written from ``paragraphs`` (each a list of sentences), with a
    headline when ``title`` is given."""
    gaz = gazetteer.load()
    text, spans = "", []
    if title is not None:
        text = title + "\n\n"
        spans.append((0, len(title), 0, "title"))
    for number, sentences in enumerate(paragraphs, start=1):
        for i, sentence in enumerate(sentences):
            text += " " if i else ""
            spans.append((len(text), len(text) + len(sentence), number, "body"))
            text += sentence
        text += "\n\n"
    return attribution.attribute(text, spans, gaz.find_all(text)[0], gaz)


def speakers(sources: attribution.ArticleSources) -> list[tuple | None]:
    """(name, role, kind, found_in) per sentence, None where a sentence has no speaker."""
    return [
        (a.speaker.name, a.speaker.role, a.speaker.kind, a.found_in) if a.speaker else None
        for a in sources.sentences
    ]


# --- one sentence, one rule: sentence -> (name, role, kind), found in the sentence ---------------
ONE_SENTENCE = {
    "according to": (
        "About 3,100 soldiers were moved to the border, according to the Veloria defence ministry.",
        (MINISTRY, None, "organisation"),
    ),
    "according to a person": (
        "About 3,100 soldiers moved north, according to Marek Dravnik, a spokesman for the guard.",
        ("Marek Dravnik", None, "person"),
    ),
    "according to a report by": (
        "At least 260 civilians died, according to a report by the Tessaly Monitoring Group.",
        ("Tessaly Monitoring Group", None, "organisation"),
    ),
    "according to figures released by": (
        "At least 260 died, according to figures released by the Tessaly Monitoring Group.",
        ("Tessaly Monitoring Group", None, "organisation"),
    ),
    "as reported by": (
        "The brigade lost 420 men, as reported by the Orvane Observatory.",
        ("Orvane Observatory", None, "organisation"),
    ),
    "as estimated by": (
        "The brigade lost 420 men, as estimated by the Orvane Observatory.",
        ("Orvane Observatory", None, "organisation"),
    ),
    "trailing said": (
        "Some 900 fighters crossed the river overnight, the Kestrel Institute said.",
        ("Kestrel Institute", None, "organisation"),
    ),
    "trailing said on a day": (
        "Some 900 fighters crossed the river overnight, Ilona Varga said on Tuesday.",
        ("Ilona Varga", None, "person"),
    ),
    "trailing told": (
        "Some 900 fighters crossed the river overnight, Ilona Varga told reporters.",
        ("Ilona Varga", None, "person"),
    ),
    "inverted said X, a role": (
        "Around 650 troops reached the valley, said Tomas Brevik, a lawmaker from the coast.",
        ("Tomas Brevik", "lawmaker from the coast", "person"),
    ),
    "subject with an appositive role": (
        "Halvard Linn, a researcher at the Marrow Institute, estimated that 2,400 recruits joined.",
        ("Halvard Linn", "researcher at the Marrow Institute", "person"),
    ),
    "subject with a title": (
        "Senator Ada Quill told reporters that 1,300 reservists had been called up.",
        ("Ada Quill", "Senator", "person"),
    ),
    "subject with an adverb": (
        "The Kestrel Institute separately reported that 75 drones were shot down.",
        ("Kestrel Institute", None, "organisation"),
    ),
    "possessive estimate": (
        "The losses stand at 5,000, by the Calder Agency's latest count.",
        ("Calder Agency", None, "organisation"),
    ),
    "an estimate by": (
        "An estimate by the Orvane Observatory put the dead at 1,900.",
        ("Orvane Observatory", None, "organisation"),
    ),
    # subjects beyond "said": other reporting verbs and phrases, generic and listed subjects
    "accused X of": (
        "Veloran officials have accused Orsk of moving 4,000 men north.",
        ("Veloran officials", None, "unnamed"),
    ),
    "released a statement": (
        "The Veloria defence ministry released a statement saying 210 soldiers were freed.",
        (MINISTRY, None, "organisation"),
    ),
    "a place with a comma is skipped": (
        "The Kestrel Institute in Washington, D.C. estimated that 800 recruits died.",
        ("Kestrel Institute", None, "organisation"),
    ),
    "a plural body, its count dropped": (
        "Several intelligence agencies estimated that 6,000 recruits were sent.",
        ("intelligence agencies", None, "organisation"),
    ),
    "both sides": (
        "Both sides said they had handed over 150 captives.",
        ("Both sides", None, "unnamed"),
    ),
    "a hyphenated modifier": (
        "The toll reached 70, according to pro-Veloria forces.",
        ("pro-Veloria forces", None, "organisation"),
    ),
    "an abbreviation in a list": (
        "U.S. and Veloran officials said 5,000 recruits had arrived.",
        ("U.S. and Veloran officials", None, "unnamed"),
    ),
    "an aside before the verb": (
        "One study, in particular, says that 3,300 reservists deserted.",
        ("One study", None, "unnamed"),
    ),
    # documents the text points at
    "the assessment states": (
        "The assessment estimates that 7,700 recruits have been lost.",
        ("assessment", None, "unnamed"),
    ),
    "according to that data": (
        "The army loses some 260 men daily, according to that data.",
        ("that data", None, "unnamed"),
    ),
    "a named kind of reports": (
        "Military intelligence reports suggest 1,800 more men are on the way.",
        ("Military intelligence", None, "organisation"),
    ),
    "the owner of figures": (
        "The toll has reached 1,250, according to Kestrel Institute figures.",
        ("Kestrel Institute", None, "organisation"),
    ),
    # passives and trailing speakers
    "a passive with by": (
        "The loss of 430 men was confirmed by the Orvane Observatory on Sunday.",
        ("Orvane Observatory", None, "organisation"),
    ),
    "inverted said X on a day": (
        "Some 1,100 reservists reached the coast, said Senator Ada Quill on Friday.",
        ("Ada Quill", "Senator", "person"),
    ),
    "trailing after a dash": (
        "Orsk signs up 2,200 volunteers a month - the newspaper reports.",
        ("newspaper", None, "unnamed"),
    ),
    "trailing warned with a plural body": (
        "Orsk will send 6,000 more men, the Veloria monitoring network warned.",
        ("Veloria monitoring network", None, "organisation"),
    ),
    # live-blog time stamps and wire datelines without an agency before the subject
    "after a live-blog time stamp": (
        "14:05 CET \u2014 The Veloria defence ministry said 420 soldiers had deserted.",
        (MINISTRY, None, "organisation"),
    ),
    "after a time stamp with a hyphen": (
        "09:40 GMT - Ilona Varga told reporters that 60 fighters had surrendered.",
        ("Ilona Varga", None, "person"),
    ),
    "after a dateline with no agency": (
        "ORSK CITY, May 3 \u2014 The Tessaly Monitoring Group said 80 fighters were killed.",
        ("Tessaly Monitoring Group", None, "organisation"),
    ),
    # a state speaks (real states: the gazetteer must know them)
    "a state as the subject": (
        "Norway said on Friday that 1,200 troops would be sent north.",
        ("Norway", None, "organisation"),
    ),
    "a capital, no state speaking before": (
        "Oslo expects 1,000 troops to go north.",
        ("Oslo", None, "organisation"),
    ),
    "a state's claim comes after a body's": (
        "Norway says the talks failed, while the Tessaly Monitoring Group says 300 died.",
        ("Tessaly Monitoring Group", None, "organisation"),
    ),
    # asides between the subject and its verb
    "a participle's aside between commas": (
        "A Veloria brigade commander, writing on his channel after the retreat, admitted "
        "that 300 men were lost.",
        ("Veloria brigade commander", None, "unnamed"),
    ),
    "a participle's aside without commas": (
        "A Veloria battalion commander reached by radio disputed the count, saying 90 "
        "fighters had died.",
        ("Veloria battalion commander", None, "unnamed"),
    ),
    "speaking from": (
        "An officer speaking from the front said 70 men were missing.",
        ("officer", None, "unnamed"),
    ),
    "a preposition's aside, two verbs": (
        "The Orsk Liberation Army, in a statement posted online, rejected the report and "
        "said 75 soldiers were captured.",
        ("Orsk Liberation Army", None, "organisation"),
    ),
    # role speakers kept whole
    "a known body's spokesman is the role phrase": (
        "A NATO spokesman, speaking from the summit, said 4,000 troops were on standby.",
        ("NATO spokesman", None, "unnamed"),
    ),
    "a count before the speakers is dropped": (
        "Three provincial officials said 45 soldiers had died.",
        ("provincial officials", None, "unnamed"),
    ),
    "an attache": (
        "About 50 soldiers a day were lost, according to a foreign military attache.",
        ("foreign military attache", None, "organisation"),
    ),
    "the office of the body": (
        "About 300 were killed, the press office of the Veloria Council announced.",
        ("press office of the Veloria Council", None, "organisation"),
    ),
    "an acronym after the name": (
        "The Veloria Defence Force (VDF) said 300 rebels were killed.",
        ("Veloria Defence Force", None, "organisation"),
    ),
    "a person after a body's name and a title": (
        "Pentagon deputy press secretary Ana Lind told reporters that 300 troops had arrived.",
        ("Ana Lind", "Pentagon deputy press secretary", "person"),
    ),
    "a time phrase between the subject and the verb": (
        "The Veloria Defence Force on Sunday said that 300 rebels were killed.",
        ("Veloria Defence Force", None, "organisation"),
    ),
    "a longer time phrase between the subject and the verb": (
        "The Tessaly Monitoring Group earlier this week told reporters 300 fighters died.",
        ("Tessaly Monitoring Group", None, "organisation"),
    ),
    "a month alone before the verb is part of a name": (
        "Theresa May said 300 troops would go north.",
        ("Theresa May", None, "person"),
    ),
    "a wire dateline before the subject": (
        "ORVANE, Veloria (AP) — Tessaly authorities on Monday said that two officers died.",
        ("Tessaly authorities", None, "unnamed"),
    ),
    "an acronym and an auxiliary before the verb": (
        "The Tessaly Liberation Front (TLF) has announced the release of 400 captured soldiers.",
        ("Tessaly Liberation Front", None, "organisation"),
    ),
    "a short name for intelligence reveals at the end": (
        "Up to 4,000 soldiers may have died in the pocket, Veloria intel reveals.",
        ("Veloria intel", None, "unnamed"),
    ),
    "the owner of the data that shows": (
        "The Orvane Observatory's data shows that 900 soldiers have died since May.",
        ("Orvane Observatory", None, "organisation"),
    ),
    "the owner of the latest figures": (
        "The Orvane Observatory's latest figures show that 900 soldiers have died.",
        ("Orvane Observatory", None, "organisation"),
    ),
    "a list of bodies that share one noun after according to": (
        "According to Veloria, Tessaly and other Nordic intelligence agencies, 800 died.",
        ("Veloria, Tessaly and other Nordic intelligence agencies", None, "organisation"),
    ),
    "sources that say how they know, then an appositive": (
        "Three sources familiar with the finances of the Orvane Front, a militia in the north, "
        "told reporters that 300 fighters died.",
        ("Three sources familiar with the finances of the Orvane Front", None, "unnamed"),
    ),
    "officials briefed on something are not a verb of their own": (
        "Two officials briefed on the talks said 300 fighters had surrendered.",
        ("Two officials briefed on the talks", None, "unnamed"),
    ),
}


@pytest.mark.parametrize(
    ("sentence", "expected"), list(ONE_SENTENCE.values()), ids=list(ONE_SENTENCE)
)
def test_each_rule_finds_the_speaker_in_the_sentence(sentence, expected):
    assert speakers(attribute([sentence])) == [(*expected, "sentence")]


def test_a_speaker_the_rules_find_by_name_alone_is_a_person_for_the_entities():
    sources = attribute(
        ["Around 650 troops arrived, said Tomas Brevik, a lawmaker from the coast."]
    )
    [person] = sources.people
    assert (person.name, person.role, person.kind) == (
        "Tomas Brevik",
        "lawmaker from the coast",
        "person",
    )
    text = "Around 650 troops arrived, said Tomas Brevik, a lawmaker from the coast."
    assert text[person.start : person.end] == "Tomas Brevik"


# --- headlines ----------------------------------------------------------------------------------
HEADLINES = {
    "a trailing ': X' names the speaker": (
        "Border clashes leave 300 dead: Calder Agency",
        ("Calder Agency", None, "organisation", "sentence"),
    ),
    "no colon, no speaker": ("Border clashes leave 300 dead", None),
    "a leading speaker's noun before a colon": (
        "Think tank: 6,000 Orsk recruits face heavy losses",
        ("Think tank", None, "organisation", "sentence"),
    ),
    "a trailing title-case verb": (
        "Orsk Has Lost 900 Soldiers Since March, Veloria Defence Ministry Says",
        ("Veloria Defence Ministry", None, "organisation", "sentence"),
    ),
    "a trailing 'X claims'": (
        "Orsk has moved 2,000 reservists to the border, the Kestrel Institute claims",
        ("Kestrel Institute", None, "organisation", "sentence"),
    ),
    "a leading title-case 'X Says'": (
        "Norway Says 900 Troops Will Move North",
        ("Norway", None, "organisation", "sentence"),
    ),
    "'X Says' after a label": (
        "Live: Norway Says 900 Troops Will Move North",
        ("Norway", None, "organisation", "sentence"),
    ),
    "a label alone names no one": ("Live: 900 Troops Move North", None),
}


@pytest.mark.parametrize(("title", "expected"), list(HEADLINES.values()), ids=list(HEADLINES))
def test_a_headline_speaker_is_its_own_and_the_body_does_not_inherit_it(title, expected):
    found = speakers(attribute(["Fighting went on through the week near Orsk Ridge."], title=title))
    assert found == [expected, None]


# --- articles: several sentences, each row the speakers of every sentence in order ---------------
VARGA = ("Ilona Varga", "commander in the eastern sector", "person")
ARTICLES = {
    "a pronoun is the last person named": (
        [
            [
                "Ilona Varga, a commander in the eastern sector, said 200 men had deserted.",
                "She said another 150 were missing.",
            ]
        ],
        [(*VARGA, "sentence"), (*VARGA, "context")],
    ),
    "a pronoun reaches back across paragraphs": (
        [
            ["Ilona Varga, a commander in the eastern sector, said 200 men had deserted."],
            ["She said another 150 were missing."],
        ],
        [(*VARGA, "sentence"), (*VARGA, "context")],
    ),
    "a surname alone is the full name given earlier": (
        [
            ["Ilona Varga, a commander in the eastern sector, said 200 men had deserted."],
            ["Another 80 were captured, Varga said."],
        ],
        [(*VARGA, "sentence"), (*VARGA, "sentence")],
    ),
    "a sentence without a speaker inherits within its paragraph": (
        [
            [
                "The Veloria defence ministry said 1,000 troops had been sent.",
                "A further 400 will follow in May.",
            ],
            ["Roughly 80 medics went with them."],
        ],
        [
            (MINISTRY, None, "organisation", "sentence"),
            (MINISTRY, None, "organisation", "context"),
            None,
        ],
    ),
    "'the ministry' is the ministry that spoke before": (
        [
            ["The Veloria defence ministry said 1,000 troops had been sent."],
            ["The ministry added that 80 medics went with them."],
        ],
        [
            (MINISTRY, None, "organisation", "sentence"),
            (MINISTRY, None, "organisation", "sentence"),
        ],
    ),
    "'according to the ministry' too": (
        [
            ["Some 1,000 troops had been sent, the Veloria defence ministry said."],
            ["Another 80 medics followed, according to the ministry."],
        ],
        [
            (MINISTRY, None, "organisation", "sentence"),
            (MINISTRY, None, "organisation", "sentence"),
        ],
    ),
    "a role is the person given it earlier": (
        [
            ["Ilona Varga, the country's spy chief, said 200 men had deserted."],
            ["The spy chief said another 40 had fled."],
        ],
        [
            ("Ilona Varga", "country's spy chief", "person", "sentence"),
            ("Ilona Varga", "country's spy chief", "person", "sentence"),
        ],
    ),
    "'The figures were disclosed by X' gives X to the sentence before": (
        [
            [
                "Orsk has lost up to 8,000 men near the river.",
                "The figures were disclosed by Ilona Varga at a briefing.",
                "Another 300 are missing.",
            ]
        ],
        [
            ("Ilona Varga", None, "person", "context"),
            ("Ilona Varga", None, "person", "sentence"),
            ("Ilona Varga", None, "person", "context"),
        ],
    ),
    "a quote closed by its speaker gives the speaker to the paragraph": (
        [
            ["They brought 5,000 men to the ridge.", "Some 900 died.", "It failed, Varga said."],
            ["Roughly 80 medics went with them."],
        ],
        [
            ("Varga", None, "person", "context"),
            ("Varga", None, "person", "context"),
            ("Varga", None, "person", "sentence"),
            None,
        ],
    ),
    "a body described in the text's own words keeps them": (
        [["Sudan's army said 12 soldiers had been wounded."]],
        [("Sudan's army", None, "organisation", "sentence")],
    ),
}


ARMY = ("Veloria Defence Force", None, "organisation", "sentence")
MINISTER = ("Veloria's defence minister", None, "unnamed", "sentence")
ARTICLES |= {
    "a capital after its state spoke is the state": (
        [["Norway said 1,000 troops would go north."], ["In short, Oslo expects 1,000 more."]],
        [("Norway", None, "organisation", "sentence")] * 2,
    ),
    "a pronoun after a role speaker is that speaker": (
        [["A Veloria army spokesman said 200 men had deserted.", "She said 150 were missing."]],
        [
            ("Veloria army spokesman", None, "organisation", "sentence"),
            ("Veloria army spokesman", None, "organisation", "context"),
        ],
    ),
    "the announcement is the body that spoke": (
        [["The Veloria Council said 300 fighters died."], ["Another 40 were wounded, the "
         "announcement added."]],
        [("Veloria Council", None, "organisation", "sentence")] * 2,
    ),
    "the army is the defence force that spoke": (
        [["The Veloria Defence Force said 300 rebels were killed.", "The army said 40 gave up."]],
        [ARMY, ARMY],
    ),
    "the head of state is the president": (
        [["President Ana Lind said 300 soldiers died."], ["According to the head of state, 40 "
         "more were wounded."]],
        [("Ana Lind", "President", "person", "sentence")] * 2,
    ),
    "the minister who pointed out": (
        [["Veloria's defence minister pointed out that 300 recruits arrived.", "The minister "
         "said 40 more were on the way."]],
        [MINISTER, MINISTER],
    ),
    "the items of a list take the speaker of its opening line": (
        [["What the Tessaly Monitoring Group says:"], ["- 300 killed;"], ["- 40 captured."],
         ["Another 20 fled."]],
        [("Tessaly Monitoring Group", None, "organisation", "sentence")]
        + [("Tessaly Monitoring Group", None, "organisation", "context")] * 2
        + [None],
    ),
    "a state that says it did the killing speaks (the actor step makes it the agent)": (
        [["Norway said it killed 300 fighters."]],
        [("Norway", None, "organisation", "sentence")],
    ),
    "a quote closed after a comma by 'he said' is the person named before": (
        [["The losses are high, Marek Dravnik told reporters."],
         ['"We counted 300 dead and 900 wounded," he said.']],
        [("Marek Dravnik", None, "person", "sentence"),
         ("Marek Dravnik", None, "person", "context")],
    ),
    "official figures name no owner": (
        [["Official figures show that 900 soldiers have died."]],
        [None],
    ),
    "a quote over two sentences is the speaker who closes it": (
        [['The Orvane agency said in May "the toll was at least 600.', 'It now puts it at about '
          '2,000," lawmaker Ana Lind told reporters.']],
        [("Ana Lind", "lawmaker", "person", "context"),
         ("Ana Lind", "lawmaker", "person", "sentence")],
    ),
    "a sentence takes the speaker the next one opens with, when it spoke before": (
        [["The Veloria Council said 300 fighters died."],
         ["Another 40 were wounded.", "The Veloria Council stressed that the fighting goes on."]],
        [("Veloria Council", None, "organisation", "sentence"),
         ("Veloria Council", None, "organisation", "context"),
         ("Veloria Council", None, "organisation", "sentence")],
    ),
    "a sentence takes the speaker that gives no details next": (
        [["Sixteen soldiers were killed, the Veloria army said."],
         ["While 15 died in the town, one was killed outside it.",
          "The army did not give details on how he died."]],
        [("Veloria army", None, "organisation", "sentence"),
         ("Veloria army", None, "organisation", "context"),
         None],
    ),
    "nor from a speaker who has not spoken before": (
        [["Another 40 were wounded.", "Analysts said the fighting goes on."]],
        [None, ("Analysts", None, "unnamed", "sentence")],
    ),
}  # fmt: skip


@pytest.mark.parametrize(("paragraphs", "expected"), list(ARTICLES.values()), ids=list(ARTICLES))
def test_speakers_carry_over_from_earlier_sentences(paragraphs, expected):
    assert speakers(attribute(*paragraphs)) == expected


# --- headlines resolved through the body ---------------------------------------------------------
LIND = ("Ana Lind", "Veloria's defence minister", "person", "sentence")
HEADLINE_BODIES = {
    "a trailing dash and a body's head word": (
        "Rebels Lost 300 Fighters In Assault \u2013 Army",
        ["The Veloria army said 300 rebels died."],
        [("Veloria army", None, "organisation", "sentence")] * 2,
    ),
    "a role before a colon is the person given it": (
        "Minister: 300 Soldiers Massed On Border",
        ["Veloria's defence minister, Ana Lind, said 300 soldiers massed."],
        [LIND, LIND],
    ),
    "a surname before a colon": (
        "Lind: 300 Soldiers Massed",
        ["Ana Lind said 300 soldiers massed."],
        [("Ana Lind", None, "person", "sentence")] * 2,
    ),
}


@pytest.mark.parametrize(
    ("title", "body", "expected"), list(HEADLINE_BODIES.values()), ids=list(HEADLINE_BODIES)
)
def test_a_headline_speaker_is_found_in_the_body(title, body, expected):
    assert speakers(attribute(body, title=title)) == expected


def test_a_headline_does_not_pass_its_speaker_to_the_body_nor_take_one():
    sources = attribute(
        ["The Veloria defence ministry said 1,000 troops had been sent.", "More will follow."],
        title="Veloria sends 1,000 troops",
    )
    assert speakers(sources) == [
        None,
        (MINISTRY, None, "organisation", "sentence"),
        (MINISTRY, None, "organisation", "context"),
    ]


# --- anonymous sources: no speaker, nothing inherited ------------------------------------------
ANONYMOUS = [
    "Reports indicate that 700 more were lost.",
    "Unnamed military sources put the toll at 700.",
    "It has been reported that 90 vehicles were lost.",
    "It was reported that 90 vehicles were lost.",
    "The toll is 700, according to local reports.",
    "Media reports say 700 more were lost.",
]


@pytest.mark.parametrize("sentence", ANONYMOUS)
def test_an_anonymous_source_has_no_speaker_and_inherits_none(sentence):
    sources = attribute(
        [
            "The Veloria defence ministry said 1,000 troops had been sent.",
            sentence,
            "Another 300 are expected.",
        ]
    )
    assert [(a.speaker is None, a.is_anonymous) for a in sources.sentences] == [
        (False, False),
        (True, True),
        (False, False),
    ]
    # the sentence after it still inherits the paragraph's speaker
    assert speakers(sources)[2] == (MINISTRY, None, "organisation", "context")


# --- relayed figures: speaker name -> the origin they cite --------------------------------------
RELAYS = {
    "citing a briefing by": (
        [
            [
                "Ilona Varga, citing a briefing by the Veloria defence ministry, said 2,000 "
                "troops had arrived."
            ]
        ],
        ["Ilona Varga"],
        {"Ilona Varga": MINISTRY},
    ),
    "citing after the verb": (
        [["Ilona Varga said 2,000 troops had arrived, citing the Tessaly Monitoring Group."]],
        ["Ilona Varga"],
        {"Ilona Varga": "Tessaly Monitoring Group"},
    ),
    "a briefing given to a person named earlier": (
        [
            ["Tomas Brevik, a lawmaker, said 900 troops were lost."],
            [
                "In a closed-door briefing by the Veloria defence ministry, Brevik was told 900 "
                "troops had died."
            ],
        ],
        ["Tomas Brevik", None],
        {"Tomas Brevik": MINISTRY},
    ),
    "a relayer writes that according to another": (
        [["The Courier writes that according to Ilona Varga, 2,000 troops had arrived."]],
        ["The Courier"],
        {"The Courier": "Ilona Varga"},
    ),
    "nothing cited": (
        [["Ilona Varga said 2,000 troops had arrived."]],
        ["Ilona Varga"],
        {},
    ),
}


@pytest.mark.parametrize(("paragraphs", "names", "cited"), list(RELAYS.values()), ids=list(RELAYS))
def test_a_relayed_figure_keeps_its_speaker_and_records_the_origin(paragraphs, names, cited):
    sources = attribute(*paragraphs)
    assert [a.speaker.name if a.speaker else None for a in sources.sentences] == names
    assert sources.cited == cited


def test_an_article_without_sentences_has_no_sources():
    gaz = gazetteer.load()
    assert attribution.attribute("", [], [], gaz) == attribution.ArticleSources([], {}, [])
