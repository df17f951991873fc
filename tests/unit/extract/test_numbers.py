"""The number grammar, one table per kind of quantity: text -> the quantities found.

Each found quantity is compared as (text of the mention, value_low, value_high, unit,
is_approximate, bound, is_vague, suffix); :func:`q` fills in the usual values. Rows marked
"today" pin a behaviour that may be worth changing: a change there should be deliberate.
"""

import pytest

from dossier.extract import numbers


def q(mention, low, high=None, unit="persons", approx=False, bound="none", vague=False, suffix=""):
    """An expected quantity; ``high`` defaults to ``low``."""
    return (mention, low, low if high is None else high, unit, approx, bound, vague, suffix)


def found(text):
    return [
        (x.text, x.value_low, x.value_high, x.unit, x.is_approximate, x.bound, x.is_vague, x.suffix)
        for x in numbers.find(text)
    ]


DIGITS = [
    ("The barge carried 4,250 melons.", [q("4,250", 4250)]),
    ("A ledger of 1,234,567 stamps.", [q("1,234,567", 1234567)]),
    ("They poured 12,000.5 litres.", [q("12,000.5", 12000.5)]),
    ("Only 0.5 of a loaf.", [q("0.5", 0.5)]),
    ("It held 1.5 million pebbles.", [q("1.5 million", 1_500_000)]),
    ("A queue of 2 thousand pilgrims.", [q("2 thousand", 2000)]),
    ("Some 3 billion grains.", [q("3 billion", 3e9, approx=True)]),
    ("We printed 12k kites and 7K flags.", [q("12k", 12_000), q("7K", 7000)]),
    ("The digits may\nbreak: 1.5\nmillion.", [q("1.5\nmillion", 1_500_000)]),
    # a scale after digits is a thousand or more: "5 hundred" is 5
    ("Tiles: 5 hundred of them.", [q("5", 5)]),
    # groups of three only: "1,2345" stops at the comma
    ("Code 1,2345 here.", [q("1", 1)]),
    ("The pie was 3.14 wide.", [q("3.14", 3.14)]),
    # a hyphen may join digits and a scale word, as some broadcasters write them
    ("A levy of 15-thousand riders.", [q("15-thousand", 15_000)]),
    ("A 12-thousand-strong host.", [q("12-thousand", 12_000, suffix="strong")]),
]

WORDS = [
    ("Twenty-five owls hooted.", [q("Twenty-five", 25)]),
    ("fifty-one or sixty one", [q("fifty-one or sixty one", 51, 61)]),
    ("three hundred and forty marbles", [q("three hundred and forty", 340)]),
    ("nine hundred ninety nine", [q("nine hundred ninety nine", 999)]),
    ("a hundred lamps", [q("a hundred", 100)]),
    ("forty thousand paper cranes", [q("forty thousand", 40_000)]),
    ("one thousand two hundred", [q("one thousand two hundred", 1200)]),
    ("a thousand and one stories", [q("a thousand and one", 1001)]),
    ("two hundred million grains", [q("two hundred million", 200_000_000)]),
    ("a score of lanterns", [q("a score", 20)]),
    ("half a million candles", [q("half a million", 500_000)]),
    ("over half a thousand kites", [q("half a thousand", 500, bound="at_least")]),
    ("half of the kites", [q("half", 50, unit="percent")]),
    ("two-fifths of the kites", [q("two-fifths", 40, unit="percent")]),
    # a clock time is no quantity
    ("At 16:30 some 40 kites flew.", [q("40", 40, approx=True)]),
    # "a dozen" is a vague quantity of data/vague_quantities.csv, 12 to 12
    ("a dozen eggs", [q("a dozen", 12, vague=True)]),
    ("A Dozen Eggs", [q("A Dozen", 12, vague=True)]),
    # number words stop at millions: "billion" after a word is not read (today)
    ("two billion stars", [q("two", 2)]),
    # two numbers side by side are two quantities
    ("nineteen eighty", [q("nineteen", 19), q("eighty", 80)]),
]

RANGES = [
    ("8,000 to 9,500 bicycles", [q("8,000 to 9,500", 8000, 9500)]),
    ("8,000-9,500 bicycles", [q("8,000-9,500", 8000, 9500)]),
    ("12 -  15 chairs", [q("12 -  15", 12, 15)]),
    ("between 6,000 and 7,000 kites", [q("between 6,000 and 7,000", 6000, 7000)]),
    ("BETWEEN 10 AND 20 kites", [q("BETWEEN 10 AND 20", 10, 20)]),
    ("between ten and twenty kites", [q("between ten and twenty", 10, 20)]),
    # "from" is not a place where a quantity starts: the range is found at its first figure
    ("from 20 to 30 kites", [q("20 to 30", 20, 30)]),
    ("from twenty to thirty kites", [q("twenty to thirty", 20, 30)]),
    ("5 or 6 hours", [q("5 or 6", 5, 6)]),
    ("ten or eleven", [q("ten or eleven", 10, 11)]),
    # a scale after the second figure scales the first one too
    ("6 or 7 thousand kites", [q("6 or 7 thousand", 6000, 7000)]),
    ("30-35 thousand kites", [q("30-35 thousand", 30_000, 35_000)]),
    ("1.5-2 million seeds", [q("1.5-2 million", 1_500_000, 2_000_000)]),
    # ... after digits only (today)
    ("twelve to fifteen thousand", [q("twelve to fifteen thousand", 12, 15_000)]),
    # a low end above the high end is no range: seasons, hours of the week
    ("the 2031-32 season", []),
    ("a 24-7 bakery", []),
    # a third figure: the first stands alone, the last two are a range
    ("10 to 20 to 30", [q("10", 10), q("20 to 30", 20, 30)]),
    ("12 - 15 - 18", [q("12", 12), q("15 - 18", 15, 18)]),
]

VAGUE = [
    ("several hundred geese", [q("several hundred", 300, 999, vague=True)]),
    ("dozens of geese", [q("dozens", 24, 99, vague=True)]),
    ("tens of thousands of geese", [q("tens of thousands", 20_000, 99_999, vague=True)]),
    ("a few thousand geese", [q("a few thousand", 2000, 5000, vague=True)]),
    ("a couple of hundred geese", [q("a couple of hundred", 200, 299, vague=True)]),
    ("a handful of geese", [q("a handful", 3, 9, vague=True)]),
    ("hundreds of thousands", [q("hundreds of thousands", 200_000, 999_999, vague=True)]),
    # a vague quantity never becomes a percentage
    ("dozens percent", [q("dozens", 24, 99, vague=True)]),
]

PERCENT_AND_FRACTIONS = [
    ("40 percent of voters", [q("40", 40, unit="percent")]),
    ("40% of voters", [q("40", 40, unit="percent")]),
    ("40 per cent of voters", [q("40", 40, unit="percent")]),
    ("twelve percent", [q("twelve", 12, unit="percent")]),
    ("8-10% of the tea", [q("8-10", 8, 10, unit="percent")]),
    ("40 percentage points", [q("40", 40)]),
    ("a third of the orchard", [q("a third", 33.3, unit="percent")]),
    ("two-thirds of the orchard", [q("two-thirds", 66.7, unit="percent")]),
    ("three quarters of the crowd", [q("three quarters", 75, unit="percent")]),
    ("one half of them", [q("one half", 50, unit="percent")]),
    ("half of the orchard", [q("half", 50, unit="percent")]),
    # a fraction is a quantity only before "of"
    ("a third party", []),
    ("half an hour", []),
]

QUALIFIERS = [
    # approximators before
    ("about 300 goats", [q("300", 300, approx=True)]),
    ("Roughly 3.75 million bees", [q("3.75 million", 3_750_000, approx=True)]),
    ("an estimated 4,000 geese", [q("4,000", 4000, approx=True)]),
    ("approx. 70 carts", [q("70", 70, approx=True)]),
    ("~70 carts", [q("70", 70, approx=True)]),
    ("around 20-30 carts", [q("20-30", 20, 30, approx=True)]),
    ("nearly half of them", [q("half", 50, unit="percent", approx=True)]),
    ("some 40 percent", [q("40", 40, unit="percent", approx=True)]),
    # approximators after
    ("300 or so goats", [q("300", 300, approx=True)]),
    ("300, or so goats", [q("300", 300, approx=True)]),
    ("1,500, or thereabouts", [q("1,500", 1500, approx=True)]),
    ("300 odd goats", [q("300", 300, approx=True)]),
    ("300-odd goats", [q("300", 300, approx=True, suffix="odd")]),
    # lower bounds
    ("more than 5,000 hikers", [q("5,000", 5000, bound="at_least")]),
    ("in excess of 1,000 carts", [q("1,000", 1000, bound="at_least")]),
    ("exceeding 40 carts", [q("40", 40, bound="at_least")]),
    ("over 12 percent", [q("12", 12, unit="percent", bound="at_least")]),
    ("5,000 or more hikers", [q("5,000", 5000, bound="at_least")]),
    ("5,000 and above", [q("5,000", 5000, bound="at_least")]),
    ("5,000-plus hikers", [q("5,000", 5000, bound="at_least", suffix="plus")]),
    ("at least 40 and more", [q("40", 40, bound="at_least")]),
    # upper bounds
    ("up to 200 hikers", [q("200", 200, bound="at_most")]),
    ("at the most 30 carts", [q("30", 30, bound="at_most")]),
    ("30 at the most", [q("30", 30, bound="at_most")]),
    ("200 or fewer hikers", [q("200", 200, bound="at_most")]),
    # both
    ("about up to 200 carts", [q("200", 200, approx=True, bound="at_most")]),
    # today: the approximator hides the bound before it
    ("up to about 200 carts", [q("200", 200, approx=True)]),
    # today: "more than" inside "no more than" is read first, as a lower bound
    ("no more than 12 carts", [q("12", 12, bound="at_least")]),
    # the phrases are matched as written: two spaces are not one
    ("more  than 50 carts", [q("50", 50)]),
]

SUFFIXES = [
    ("a 24-year-old baker", [q("24", 24, suffix="year-old")]),
    ("a 9,000-strong choir", [q("9,000", 9000, suffix="strong")]),
    ("a 25,000-strong parade", [q("25,000", 25_000, suffix="strong")]),
    ("a 9-man crew", [q("9", 9, suffix="man")]),
]

NON_MATCHES = [
    ("no figures here at all", []),
    ("", []),
    ("million", []),
    ("the 1990s", []),
    ("3rd place", []),
    ("ABC123 code", []),
    ("$500 fee", []),
    ("v2.5 release", []),
    ("40percent", []),
    ("someone ate the pie", []),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    DIGITS + WORDS + RANGES + VAGUE + PERCENT_AND_FRACTIONS + QUALIFIERS + SUFFIXES + NON_MATCHES,
)
def test_find(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (start, end, qualifier_start): where the figure is, where its qualifier starts
        ("We saw 300 goats", [(7, 10, 7)]),
        ("We saw about 300 goats", [(13, 16, 7)]),
        ("We saw more than 300 goats", [(17, 20, 7)]),
        ("We saw up to about 300 goats", [(19, 22, 13)]),
        # today: the approximator before a bound makes it approximate but is not its start
        ("We saw about up to 300 goats", [(19, 22, 13)]),
        ("We saw 300 or more goats", [(7, 10, 7)]),
        ("~70 carts", [(1, 3, 0)]),
        ("about 5 and about 6", [(6, 7, 0), (18, 19, 12)]),
    ],
)
def test_qualifier_start(text, expected):
    assert [(x.start, x.end, x.qualifier_start) for x in numbers.find(text)] == expected


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twelve thousand", 12_000.0),
        ("two hundred and fifty", 250.0),
        ("twenty-five", 25.0),
        ("a hundred", 100.0),
        ("hundred", 100.0),
        ("thousand", 1000.0),
        ("one thousand two hundred", 1200.0),
        ("a thousand and one", 1001.0),
        ("three million four hundred thousand", 3_400_000.0),
        ("five billion", 5e9),
        ("nine hundred ninety nine", 999.0),
        ("a dozen", 12.0),
        ("dozen", 12.0),
        ("a-dozen", 12.0),
        ("a score", 20.0),
        ("score", 20.0),
        ("one dozen", 1.0),  # "dozen" counts only alone or after "a"
        ("A dozen", 0.0),  # the words come lower-cased
        ("", 0.0),
    ],
)
def test_words_value(words, value):
    assert numbers.words_value(words) == value
    assert isinstance(numbers.words_value(words), float)


def test_vocabulary_tables():
    assert numbers.WORD_VALUES["seventeen"] == 17
    assert numbers.WORD_VALUES["ninety"] == 90
    assert len(numbers.WORD_VALUES) == 27
    assert numbers.SCALES == {
        "hundred": 100,
        "thousand": 1000,
        "million": 1_000_000,
        "billion": 1_000_000_000,
    }
    assert "more than" in numbers.AT_LEAST_BEFORE
    assert "up to" in numbers.AT_MOST_BEFORE
    assert numbers.vague_table()["several hundred"] == (300.0, 999.0)
