"""The gazetteer: text -> the names, places and actors found, with their canonical names.

The first tables read the project's ``data/`` (a few long-standing entries); the others a small
invented gazetteer written for the test, so each rule is seen on its own.
"""

import pytest

from dossier.extract import gazetteer


def hits(matches):
    return [(m.text, m.canonical, m.kind) for m in matches]


@pytest.fixture(scope="module")
def project():
    return gazetteer.load()


# text -> (names, places, actors), each a list of (text, canonical, kind)
PROJECT = [
    (
        "Lanterns were lit in Kabul at dusk.",
        ([], [("Kabul", "Kabul", "city")], [("Kabul", "Afghanistan", "actor")]),
    ),
    (
        "The RSF paraded near Khartoum.",
        (
            [("RSF", "Rapid Support Forces", "group")],
            [("Khartoum", "Khartoum", "city")],
            [("RSF", "Rapid Support Forces", "actor"), ("Khartoum", "Sudan", "actor")],
        ),
    ),
    (
        "The Sudanese drummers marched.",
        ([], [], [("Sudanese", "Sudan", "actor")]),
    ),
    # an acronym matches in capitals only: "us" is a pronoun, "US" the country
    (
        "Tell us about the US plan.",
        (
            [],
            [("US", "United States", "country")],
            [("US", "United States", "actor")],
        ),
    ),
    (
        "It is what IS wants.",
        ([("IS", "Islamic State", "group")], [], [("IS", "Islamic State", "actor")]),
    ),
    ("tell us what it is", ([], [], [])),
    # other aliases match in any case
    (
        "KABUL and kabul",
        (
            [],
            [("KABUL", "Kabul", "city"), ("kabul", "Kabul", "city")],
            [("KABUL", "Afghanistan", "actor"), ("kabul", "Afghanistan", "actor")],
        ),
    ),
    # an alias starting in lower case
    (
        "Leaflets about al-Qaeda spread.",
        ([("al-Qaeda", "al-Qaeda", "group")], [], [("al-Qaeda", "al-Qaeda", "actor")]),
    ),
    # the longest alias where two start together; each list keeps its own
    (
        "A Wagner Group convoy and Wagner trucks.",
        (
            [("Wagner Group", "Wagner Group", "group"), ("Wagner", "Wagner Group", "group")],
            [],
            [("Wagner Group", "Wagner Group", "actor"), ("Wagner", "Wagner Group", "actor")],
        ),
    ),
    (
        "The US State Department replied.",
        (
            [("US State Department", "Department of State (United States)", "organisation")],
            [("US", "United States", "country")],
            [("US", "United States", "actor")],
        ),
    ),
    (
        "The Republic of Albania, or Albania.",
        (
            [],
            [("Republic of Albania", "Albania", "country"), ("Albania", "Albania", "country")],
            [("Republic of Albania", "Albania", "actor"), ("Albania", "Albania", "actor")],
        ),
    ),
    # a hyphen ends a name: "Kyiv-based"
    (
        "Kyiv-based bakers",
        ([], [("Kyiv", "Kyiv", "city")], [("Kyiv", "Ukraine", "actor")]),
    ),
    ("Nothing to see in this sentence.", ([], [], [])),
]


@pytest.mark.parametrize(("text", "expected"), PROJECT)
def test_find_all_project_data(project, text, expected):
    names, places, actors = project.find_all(text)
    assert (hits(names), hits(places), hits(actors)) == expected


def test_places_carry_their_country(project):
    _, places, _ = project.find_all("Lanterns were lit in Kabul at dusk.")
    assert [(m.start, m.end, m.country) for m in places] == [(21, 26, "Afghanistan")]


# --- an invented gazetteer ------------------------------------------------------------------
ACTORS = """alias,actor
Orvania,Orvania
Orvanian,Orvania
OLF,Orvanian Lantern Front
Orvanian Lantern Front,Orvanian Lantern Front
"""
PLACES = """alias,canonical_name,kind,country
Orvania,Orvania,country,Orvania
Port Velm,Port Velm,city,Orvania
Velm,Port Velm,city,Orvania
upper Quill Valley,Upper Quill Valley,region,Orvania
Quill Valley,Quill Valley,region,Orvania
,,,
"""
ALIASES = """alias,canonical_name,kind
Mira Tolland,Mira Tolland,person
Tolland,Mira Tolland,person
Tolland,Someone Else,person
OLF,Orvanian Lantern Front,group
Orvanian Lantern Front,Orvanian Lantern Front,group
IT,Ink Trust,organisation
van Rook,Pieter van Rook,person
Ana O\u2019Dell,Ana O'Dell,person
"""


@pytest.fixture(scope="module")
def invented(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gazetteer")
    for name, text in (("actors", ACTORS), ("places", PLACES), ("aliases", ALIASES)):
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return gazetteer.load(folder)


INVENTED = [
    (
        "Mira Tolland flew to Port Velm.",
        ([("Mira Tolland", "Mira Tolland", "person")], [("Port Velm", "Port Velm", "city")], []),
    ),
    # the first row of an alias wins
    ("Tolland spoke.", ([("Tolland", "Mira Tolland", "person")], [], [])),
    # a name nested in a longer one is not found again inside it
    (
        "The Orvanian Lantern Front (OLF) met in Velm.",
        (
            [
                ("Orvanian Lantern Front", "Orvanian Lantern Front", "group"),
                ("OLF", "Orvanian Lantern Front", "group"),
            ],
            [("Velm", "Port Velm", "city")],
            [
                ("Orvanian Lantern Front", "Orvanian Lantern Front", "actor"),
                ("OLF", "Orvanian Lantern Front", "actor"),
            ],
        ),
    ),
    ("An Orvanian fisher.", ([], [], [("Orvanian", "Orvania", "actor")])),
    # acronyms in capitals only
    ("IT said it would.", ([("IT", "Ink Trust", "organisation")], [], [])),
    ("it said olf twice", ([], [], [])),
    # any run of whitespace inside a name; any case outside acronyms
    ("mira   tolland\nwrote", ([("mira   tolland", "Mira Tolland", "person")], [], [])),
    (
        "Rain in the upper Quill Valley and the Quill Valley.",
        (
            [],
            [
                ("upper Quill Valley", "Upper Quill Valley", "region"),
                ("Quill Valley", "Quill Valley", "region"),
            ],
            [],
        ),
    ),
    ("A letter from van Rook.", ([("van Rook", "Pieter van Rook", "person")], [], [])),
    # aliases are normalised for matching: the curly apostrophe of the list is a straight one
    ("Ana O'Dell agreed.", ([("Ana O'Dell", "Ana O'Dell", "person")], [], [])),
    # whole words only
    ("Tollands and Velmish", ([], [], [])),
    ("Orvania", ([], [("Orvania", "Orvania", "country")], [("Orvania", "Orvania", "actor")])),
]


@pytest.mark.parametrize(("text", "expected"), INVENTED)
def test_find_all_invented(invented, text, expected):
    names, places, actors = invented.find_all(text)
    assert (hits(names), hits(places), hits(actors)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Velm and Port Velm", [(0, 4, "Velm"), (9, 18, "Port Velm")]),
        # find() starts only at a capital, a digit or the first word of an alias in lower case;
        # find_all() tries every word
        ("port velm", []),
        ("the upper Quill Valley", [(4, 22, "upper Quill Valley")]),
    ],
)
def test_table_find(invented, text, expected):
    assert [(m.start, m.end, m.text) for m in invented.places.find(text)] == expected


@pytest.mark.parametrize(
    ("table", "word", "known"),
    [
        ("names", "Tolland", True),
        ("names", "tolland", True),
        ("names", "Mira Tolland", True),
        ("names", "IT", True),
        ("names", "it", False),
        ("names", "Rook", False),
        ("places", "Velm", True),
        ("places", "VELM", True),
        ("places", "Tolland", False),
        ("actors", "OLF", True),
        ("actors", "olf", False),
    ],
)
def test_knows(invented, table, word, known):
    assert getattr(invented, table).knows(word) is known


def test_project_knows(project):
    assert project.places.knows("Kabul")
    assert project.actors.knows("US")
    assert not project.actors.knows("us")
