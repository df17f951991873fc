"""The number grammar: every quantity phrase in a text, with its value and its qualifiers.

Finds digits with separators ("9,000", "1.5 million", "12k"), number words ("twelve thousand",
"a dozen", "twenty-five"), ranges ("8,000 to 9,500", "8,000-9,500", "between 6,000 and
7,000", "30-35 thousand", "6 or 7 thousand"), vague quantifiers ("several hundred", from
``data/vague_quantities.csv``), percentages and fractions ("40 percent", "a third of"). Each
mention carries what qualifies it: approximation ("about", "300-odd"), bound ("more than",
"up to", "5,000-plus"), and hyphen suffixes that make it an age or a size ("24-year-old",
"9,000-strong").

The grammar (how numbers, ranges and qualifiers are put together) is here; its words are in
``data/lexicon/en/`` (``number_grammar.txt`` lists the small words by their place in it).

Whether a quantity is a claim about forces is decided by :mod:`dossier.extract.claims`.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from dossier import paths
from dossier.extract.lexicon import EN


def _places(name: str) -> dict[str, tuple[str, ...]]:
    """A categories list read as category -> its phrases as written, in file order."""
    found: dict[str, list[str]] = {}
    for line in EN.lines(name):
        place, _, phrase = line.partition(":")
        found.setdefault(place.strip(), []).append(phrase.strip())
    return {place: tuple(phrases) for place, phrases in found.items()}


def _alt(phrases, space: str = r"\s+") -> str:
    """Phrases as a regex alternation, in order; a space in a phrase becomes ``space``."""
    return "|".join(re.escape(p).replace(r"\ ", space) for p in phrases)


def _choice(phrases, space: str = r"\s+") -> str:
    """:func:`_alt` as one regex item: in a group only when there are several phrases."""
    if not phrases:
        return "(?!)"  # an empty list matches nothing
    alt = _alt(phrases, space)
    return f"(?:{alt})" if len(phrases) > 1 else alt


_GRAMMAR = _places("number_grammar")
_ONE, _ARTICLE, _AND = _GRAMMAR["one"], _GRAMMAR["article"], _GRAMMAR["and"]
_HUNDRED, _WORD_SCALES = _GRAMMAR["hundred"], _GRAMMAR["word_scale"]
_DIGIT_SCALES = _GRAMMAR["digit_scale"]

WORD_VALUES = EN.values("number_words")
# a tens word may take a unit word after it ("twenty-five"); a teen stands alone
_UNITS = [w for w, v in WORD_VALUES.items() if v < 10]
_TEENS = [w for w, v in WORD_VALUES.items() if 10 <= v < 20]
_TENS = [w for w, v in WORD_VALUES.items() if v >= 20]
SCALES = EN.values("number_scales")
_DIGIT_SUFFIXES = EN.values("digit_suffixes")  # "12k"
_DIGIT_MULTIPLIERS = {**_DIGIT_SUFFIXES, None: 1}  # what a suffix (or none) multiplies by
_COUNT_NOUNS = EN.values("count_nouns")  # "a dozen"

_TENS_RE, _UNITS_RE, _TEENS_RE = _alt(_TENS), _alt(_UNITS), _alt(_TEENS)
_SMALL = rf"(?:(?:{_TENS_RE})(?:[- ](?:{_UNITS_RE}))?|{_TEENS_RE}|{_UNITS_RE})"
_AND_RE = rf"(?:{_choice(_AND)}\s+)?"
_HUNDREDS = rf"(?:(?:{_SMALL}|{_alt(_ONE)})\s+{_choice(_HUNDRED)}(?:\s+{_AND_RE}{_SMALL})?)"
_HALF = _GRAMMAR["half"]
_WORDS = (
    rf"(?:{_alt(_HALF)}\s+{_choice(_WORD_SCALES)}"
    rf"|(?:{_HUNDREDS}|{_SMALL}|{_alt(_ARTICLE)})\s+{_choice(_WORD_SCALES)}"
    rf"(?:\s+{_AND_RE}(?:{_HUNDREDS}|{_SMALL}))?"
    rf"|{_HUNDREDS}|{_SMALL}|{_alt(_GRAMMAR['count'])})"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MULT = rf"(?:(?:\s+|-){_choice(_DIGIT_SCALES)}\b|{_choice(tuple(_DIGIT_SUFFIXES))}\b)"
_ATOM = rf"(?:(?:{_DIGITS}){_MULT}?|{_WORDS})"
_BETWEEN, _BETWEEN_AND = _choice(_GRAMMAR["range_between"]), _choice(_GRAMMAR["range_and"])
_FROM, _FROM_TO = _choice(_GRAMMAR["range_from"]), _choice(_GRAMMAR["range_to"])
_RANGE = (
    rf"(?:{_BETWEEN}\s+(?P<b1>{_ATOM})\s+{_BETWEEN_AND}\s+(?P<b2>{_ATOM})"
    rf"|{_FROM}\s+(?P<f1>{_ATOM})\s+{_FROM_TO}\s+(?P<f2>{_ATOM})"
    rf"|(?P<r1>{_ATOM})\s+{_choice(_GRAMMAR['range_joiner'])}\s+(?P<r2>{_ATOM})"
    rf"(?!\s*(?:-|{_alt(_GRAMMAR['range_to'])})\s*\d)"
    # a hyphen joins digits only: "twenty-five" is one number, "20-25" a range
    rf"|(?P<d1>(?:{_DIGITS}){_MULT}?)\s*-\s*(?P<d2>(?:{_DIGITS}){_MULT}?)(?!\s*-\s*\d))"
)
_FRACTIONS = {f: float(v) for f, v in EN.values("fractions").items()}  # percent of what follows
_FRACTION = (
    r"(?:"
    + "|".join(sorted((re.escape(f) for f in _FRACTIONS), key=len, reverse=True))
    + rf")(?=\s+{_choice(_GRAMMAR['fraction_of'])}\b)"
)
# a sign that ends in a letter ends a word: "40 percent", not "40 percentage points"
_PERCENT_SIGNS = "|".join(
    _alt([sign]) + (r"\b" if sign[-1].isalnum() else "") for sign in EN.phrases("percent_signs")
)
_PERCENT = rf"\s*(?:{_PERCENT_SIGNS})"
_PERCENT_AFTER = re.compile(_PERCENT, re.IGNORECASE)

APPROX_BEFORE = EN.phrases("approx_before")
APPROX_AFTER = EN.phrases("approx_after")
AT_LEAST_BEFORE = EN.phrases("at_least_before")
AT_MOST_BEFORE = EN.phrases("at_most_before")
AT_LEAST_AFTER = EN.phrases("at_least_after")
AT_MOST_AFTER = EN.phrases("at_most_after")


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
        # "16:30" is a clock time: no digit glued to a colon is a quantity
        rf"(?<![\w.,$€£¥₩-])(?<!\d:)(?:(?P<range>{_RANGE})|(?P<fraction>{_FRACTION})"
        rf"|(?P<vague>{vague_alt})\b|(?P<atom>{_ATOM}))(?![\w])(?!:\d)",
        re.IGNORECASE,
    )


@functools.cache
def _starts() -> re.Pattern[str]:
    """Where a quantity can start: a digit, a number word, "between", a fraction or a vague
    phrase. Scanning for these first and matching the full grammar only there is several times
    faster than trying the grammar at every position."""
    from dossier.text import trie_regex as _trie_regex

    firsts = {*WORD_VALUES, *_GRAMMAR["start"], *_FRACTIONS, *vague_table()}
    firsts |= {f"{one} {w}" for one in _ONE for w in (*_HUNDRED, *_WORD_SCALES)}  # "one thousand"
    firsts |= {f"{a} {noun}" for a in _ARTICLE for noun in _COUNT_NOUNS}  # "a dozen"
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
_DIGITS_AND_SCALE = re.compile(rf"^({_DIGITS})[\s-]?({_alt((*_DIGIT_SCALES, *_DIGIT_SUFFIXES))})?$")
_HYPHEN_SUFFIX = re.compile(r"-(?P<suffix>[a-z]+(?:-[a-z]+)*)")
# After a figure a one-word qualifier follows a space or a hyphen ("300 odd", "300-odd",
# "5,000-plus"); an approximator of several words may follow a comma too ("300, or so"). The
# phrases are matched as written: a space in them is one space.
_APPROX_WORDS = tuple(p for p in APPROX_AFTER if " " not in p)
_AT_LEAST_WORDS = tuple(p for p in AT_LEAST_AFTER if " " not in p)
_ODD_AFTER = re.compile(rf"\s+{_choice(_APPROX_WORDS, ' ')}\b")
_ABOUT_AFTER = re.compile(rf"\s*,?\s*{_choice(tuple(p for p in APPROX_AFTER if ' ' in p), ' ')}\b")
_AT_LEAST_AFTER = re.compile(rf"\s+{_choice(AT_LEAST_AFTER, ' ')}\b")
_AT_MOST_AFTER = re.compile(rf"\s+{_choice(AT_MOST_AFTER, ' ')}\b")


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
            # one more look covers an approximator before the bound: "about up to 300" ("up to
            # about 300" has its approximator last, which hides the bound)
            if kind != "approx" and _APPROX_END.search(before, 0, hit.start()):
                approx = True
    suffix = ""
    hyphen = _HYPHEN_SUFFIX.match(after)
    if hyphen:
        suffix = hyphen.group("suffix")
        if suffix in _APPROX_WORDS:  # "300-odd"
            approx = True
        elif suffix in _AT_LEAST_WORDS:  # "5,000-plus"
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
        mult = _DIGIT_MULTIPLIERS.get(digits.group(2)) or SCALES[digits.group(2)]
        return value * mult, mult
    return words_value(atom), 1


def words_value(words: str) -> float:
    """Return the value of number words: "twelve thousand" 12000, "two hundred and fifty" 250,
    "a dozen" 12, "twenty-five" 25."""
    for half in _HALF:  # "half a million"
        if words.startswith(f"{half} "):
            return words_value(words[len(half) + 1 :]) / 2
    words = words.replace("-", " ")
    for joiner in _AND:
        words = words.replace(f" {joiner} ", " ")
    noun = next((words[len(a) + 1 :] for a in _ARTICLE if words.startswith(f"{a} ")), words)
    if noun in _COUNT_NOUNS:
        return float(_COUNT_NOUNS[noun])
    total, current = 0, 0
    for word in words.split():
        if word in _ONE and current == 0:
            current = 1
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word in _HUNDRED:
            current = max(current, 1) * SCALES[word]
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
    return float(total + current)
