"""The number grammar: every quantity phrase in a text, with its value and its qualifiers.

Finds digits with separators ("9,000", "1.5 million", "12k"), number words ("twelve thousand",
"a dozen", "twenty-five"), ranges ("8,000 to 9,500", "8,000-9,500", "between 6,000 and
7,000", "30-35 thousand", "6 or 7 thousand"), vague quantifiers ("several hundred", from
``data/vague_quantities.csv``), percentages and fractions ("40 percent", "a third of"). Each
mention carries what qualifies it: approximation ("about", "300-odd"), bound ("more than",
"up to", "5,000-plus"), and hyphen suffixes that make it an age or a size ("24-year-old",
"9,000-strong").

Whether a quantity is a claim about forces is decided by :mod:`dossier.extract.claims`.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from dossier import paths

_UNITS = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUES = {
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)},
    **{w: (i + 2) * 10 for i, w in enumerate(_TENS)},
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_TENS_RE, _UNITS_RE, _TEENS_RE = "|".join(_TENS), "|".join(_UNITS), "|".join(_TEENS)
_SMALL = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNITS_RE}))?|{_TEENS_RE}|{_UNITS_RE})"
_HUNDREDS = rf"(?:(?:{_SMALL}|a|one)\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)"
_WORDS = (
    rf"(?:(?:{_HUNDREDS}|{_SMALL}|a)\s+(?:thousand|million)(?:\s+(?:and\s+)?(?:{_HUNDREDS}|{_SMALL}))?"
    rf"|{_HUNDREDS}|{_SMALL}|a\s+score)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = r"(?:\s+(?:thousand|million|billion)\b|k\b)"
_ATOM = rf"(?:(?:{_DIGITS}){_MULT}?|{_WORDS})"
_RANGE = (
    rf"(?:between\s+(?P<b1>{_ATOM})\s+and\s+(?P<b2>{_ATOM})"
    rf"|from\s+(?P<f1>{_ATOM})\s+to\s+(?P<f2>{_ATOM})"
    rf"|(?P<r1>{_ATOM})\s+(?:to|or)\s+(?P<r2>{_ATOM})(?!\s*(?:-|to)\s*\d)"
    # a hyphen joins digits only: "twenty-five" is one number, "20-25" a range
    rf"|(?P<d1>(?:{_DIGITS}){_MULT}?)\s*-\s*(?P<d2>(?:{_DIGITS}){_MULT}?)(?!\s*-\s*\d))"
)
_FRACTIONS = {
    "half": 50.0,
    "a half": 50.0,
    "one half": 50.0,
    "a third": 100 / 3,
    "one third": 100 / 3,
    "one-third": 100 / 3,
    "two thirds": 200 / 3,
    "two-thirds": 200 / 3,
    "a quarter": 25.0,
    "one quarter": 25.0,
    "three quarters": 75.0,
    "three-quarters": 75.0,
}
_FRACTION = (
    r"(?:"
    + "|".join(sorted((re.escape(f) for f in _FRACTIONS), key=len, reverse=True))
    + r")(?=\s+of\b)"
)
_PERCENT = r"\s*(?:%|percent\b|per\s+cent\b)"
_PERCENT_AFTER = re.compile(_PERCENT, re.IGNORECASE)

APPROX_BEFORE = (
    "approximately", "about", "around", "roughly", "some", "nearly", "almost", "an estimated",
    "estimated", "close to", "circa", "approx.", "approx", "~", "in the region of",
    "an approximate",
)  # fmt: skip
APPROX_AFTER = ("or so", "or thereabouts", "odd")
AT_LEAST_BEFORE = (
    "more than", "over", "at least", "upwards of", "upward of", "in excess of", "no fewer than",
    "no less than", "not less than", "north of", "exceeding", "exceeded", "exceeds", "topped",
    "top", "tops", "topping",
    "surpassed", "above", "a minimum of",
)  # fmt: skip
AT_MOST_BEFORE = (
    "up to", "as many as", "fewer than", "less than", "under", "no more than", "not more than",
    "at most", "a maximum of", "below", "at the most",
)  # fmt: skip
AT_LEAST_AFTER = ("or more", "plus", "or higher", "and more")
AT_MOST_AFTER = ("or fewer", "or less", "at most", "at the most")


@dataclass(frozen=True)
class Quantity:
    """One quantity phrase. ``start``/``end`` index the text searched and cover the number phrase
    only ("5,200" in "about 5,200"); the qualifiers found around it are in the other fields."""

    start: int
    end: int
    text: str
    value_low: float
    value_high: float
    unit: str  # "persons" (a count) or "percent"
    is_approximate: bool
    bound: str  # "none", "at_least", "at_most"
    is_vague: bool
    suffix: str  # a hyphen suffix: "strong", "man", "year-old", ... or ""
    qualifier_start: int  # where the approximator or bound before the number starts


@functools.cache
def vague_table(path: Path | None = None) -> dict[str, tuple[float, float]]:
    """Return phrase -> (low, high) from ``data/vague_quantities.csv``."""
    path = path or paths.DATA_DIR / "vague_quantities.csv"
    with open(path, encoding="utf-8", newline="") as f:
        return {
            row["phrase"].strip().lower(): (float(row["value_low"]), float(row["value_high"]))
            for row in csv.DictReader(f)
        }


@functools.cache
def _pattern() -> re.Pattern[str]:
    vague = sorted(vague_table(), key=len, reverse=True)
    vague_alt = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in vague)
    return re.compile(
        rf"(?<![\w.,$€£¥₩-])(?:(?P<range>{_RANGE})|(?P<fraction>{_FRACTION})"
        rf"|(?P<vague>{vague_alt})\b|(?P<atom>{_ATOM}))(?![\w])",
        re.IGNORECASE,
    )


@functools.cache
def _starts() -> re.Pattern[str]:
    """Where a quantity can start: a digit, a number word, "between", a fraction or a vague
    phrase. Scanning for these first and matching the full grammar only there is several times
    faster than trying the grammar at every position."""
    from dossier.text import trie_regex as _trie_regex

    firsts = {*WORD_VALUES, "between", "half", "tens", *_FRACTIONS, *vague_table()}
    firsts |= {f"a {w}" for w in ("hundred", "thousand", "million", "score", "dozen")}
    firsts |= {f"one {w}" for w in ("hundred", "thousand", "million")}
    return re.compile(rf"(?<![\w.,$€£¥₩-])(?:\d|{_trie_regex(sorted(firsts))})", re.IGNORECASE)


def find(text: str) -> list[Quantity]:
    """Return every quantity phrase in ``text`` (already normalised for matching), in order."""
    found = []
    pattern, last_end = _pattern(), 0
    for start in _starts().finditer(text):
        if start.start() < last_end:
            continue
        m = pattern.match(text, start.start())
        if m is None:
            continue
        last_end = m.end()
        if m.group("range"):
            first = next(g for g in ("b1", "f1", "r1", "d1") if m.group(g))
            second = {"b1": "b2", "f1": "f2", "r1": "r2", "d1": "d2"}[first]
            low, low_mult = _atom_value(m.group(first))
            high, high_mult = _atom_value(m.group(second))
            if low_mult == 1 and high_mult > 1 and low < high / high_mult:
                low *= high_mult  # "20-25 thousand", "11 or 12 thousand"
            if low > high:
                continue  # "2024-25" seasons, "24-7": not a range of quantities
            unit, vague = "persons", False
        elif m.group("fraction"):
            low = high = _FRACTIONS[_SPACES.sub(" ", m.group("fraction").lower())]
            unit, vague = "percent", False
        elif m.group("vague"):
            low, high = vague_table()[_SPACES.sub(" ", m.group("vague").lower())]
            unit, vague = "persons", True
        else:
            low, _ = _atom_value(m.group("atom"))
            high = low
            unit, vague = "persons", False
        start, end = m.start(), m.end()
        percent = _PERCENT_AFTER.match(text, end)  # at ``end``: slicing the rest would be quadratic
        if percent and unit == "persons" and not vague:
            unit = "percent"
        found.append(_qualify(text, start, end, low, high, unit, vague))
    return found


def _ending(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=[^\w]))(?:{alternatives})\s*$")


_AT_LEAST_END = _ending(AT_LEAST_BEFORE)
_AT_MOST_END = _ending(AT_MOST_BEFORE)
_APPROX_END = _ending(APPROX_BEFORE)
# The last word of every qualifier before a figure: text ending otherwise has none of them.
_QUALIFIER_LAST_WORDS = tuple(
    {p.split(" ")[-1] for p in AT_LEAST_BEFORE + AT_MOST_BEFORE + APPROX_BEFORE}
)
_SPACES = re.compile(r"\s+")
_DIGITS_AND_SCALE = re.compile(rf"^({_DIGITS})\s?(thousand|million|billion|k)?$")
_HYPHEN_SUFFIX = re.compile(r"-(?P<suffix>[a-z]+(?:-[a-z]+)*)")
_ODD_AFTER = re.compile(r"\s+odd\b")
_ABOUT_AFTER = re.compile(r"\s*,?\s*(?:or so|or thereabouts)\b")
_AT_LEAST_AFTER = re.compile(r"\s+(?:or more|plus|or higher|and more|and above|or above)\b")
_AT_MOST_AFTER = re.compile(r"\s+(?:or fewer|or less|at most|at the most)\b")


def _qualify(
    text: str, start: int, end: int, low: float, high: float, unit: str, vague: bool
) -> Quantity:
    before = text[max(0, start - 40) : start].lower()
    after = text[end : end + 30].lower()
    approx, bound, qualifier_start = False, "none", start
    qualifiers = (
        (_AT_LEAST_END, "at_least"),
        (_AT_MOST_END, "at_most"),
        (_APPROX_END, "approx"),
    )
    if not before.rstrip().endswith(_QUALIFIER_LAST_WORDS):
        qualifiers = ()  # a qualifier ends right before the figure, or there is none
    for pattern, kind in qualifiers:
        hit = pattern.search(before)
        if hit:
            qualifier_start = min(qualifier_start, start - (len(before) - hit.start()))
            if kind == "approx":
                approx = True
            elif bound == "none":
                bound = kind
            # one more look covers "up to about"
            if kind != "approx" and _APPROX_END.search(before, 0, hit.start()):
                approx = True
    suffix = ""
    hyphen = _HYPHEN_SUFFIX.match(after)
    if hyphen:
        suffix = hyphen.group("suffix")
        if suffix == "odd":
            approx = True
        elif suffix == "plus":
            bound = "at_least"
    elif _ODD_AFTER.match(after):
        approx = True
    if _ABOUT_AFTER.match(after):
        approx = True
    if _AT_LEAST_AFTER.match(after):
        bound = "at_least"
    elif _AT_MOST_AFTER.match(after):
        bound = "at_most"
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        value_low=low,
        value_high=high,
        unit=unit,
        is_approximate=approx,
        bound=bound,
        is_vague=vague,
        suffix=suffix,
        qualifier_start=qualifier_start,
    )


def _atom_value(atom: str) -> tuple[float, int]:
    """Return (value, multiplier applied) of one number: digits, digits with a multiplier, or
    number words."""
    plain = atom.replace(",", "")
    if plain.isdecimal():  # plain digits ("1,200": the grammar allows only groups of three)
        return float(plain), 1
    atom = _SPACES.sub(" ", atom.strip().lower())
    digits = _DIGITS_AND_SCALE.match(atom)
    if digits:
        value = float(digits.group(1).replace(",", ""))
        mult = {"k": 1_000, None: 1}.get(digits.group(2)) or SCALES[digits.group(2)]
        return value * mult, mult
    return words_value(atom), 1


def words_value(words: str) -> float:
    """Return the value of number words: "twelve thousand" 12000, "two hundred and fifty" 250,
    "a dozen" 12, "twenty-five" 25."""
    words = words.replace("-", " ").replace(" and ", " ")
    if words in ("a dozen", "dozen"):
        return 12.0
    if words in ("a score", "score"):
        return 20.0
    total, current = 0, 0
    for word in words.split():
        if word in ("a", "one") and current == 0:
            current = 1
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million", "billion"):
            total += max(current, 1) * SCALES[word]
            current = 0
    return float(total + current)
