"""Articles of pathological shapes, for ``make bench`` and the tests: inputs that once made the
loader or the extractor run for minutes, and others like them.

Each shape is a function of a size in bytes that returns an article body of about that size. The
bodies are written here, in our own words; none of them is news. :func:`article` wraps a body in
the article file format (a headline, the body, a source line).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

Shape = Callable[[int], str]


def _repeat(unit: str, size: int, joiner: str = "") -> str:
    count = max(1, size // max(1, len(unit) + len(joiner)))
    return joiner.join(itertools.repeat(unit, count))


def _numbered(template: str, size: int, joiner: str = " ") -> str:
    """``template`` filled with 1, 2, 3, ... until about ``size`` characters."""
    parts, total = [], 0
    for i in itertools.count(1):
        part = template.format(i=i, name=_name(i))
        total += len(part) + len(joiner)
        parts.append(part)
        if total >= size:
            break
    return joiner.join(parts)


def _name(i: int) -> str:
    """A made-up capitalised surname, different for every ``i``: Abad, Abeb, ..."""
    letters = "abdeghiklmnoprstuvyz"
    out = []
    while True:
        i, r = divmod(i, len(letters))
        out.append(letters[r])
        if not i:
            break
    return "Ka" + "".join(out)


SHAPES: dict[str, Shape] = {
    # runs of one character
    "dots": lambda n: "." * n,
    "question marks": lambda n: "?" * n,
    "exclamation marks": lambda n: "!" * n,
    "ellipses": lambda n: "…" * (n // 3),
    "mixed marks": lambda n: _repeat(".?!", n),
    "digits": lambda n: "7" * n,
    "commas": lambda n: _repeat("1,", n),
    "dashes": lambda n: "-" * n,
    "dash numbers": lambda n: _repeat("1-", n),
    "quotes": lambda n: '"' * n,
    "apostrophes": lambda n: "'" * n,
    "spaces": lambda n: "a" + " " * n + "b.",
    "tabs and breaks": lambda n: "a" + "\t\n" * (n // 2) + "b.",
    "letters": lambda n: "A" * n,
    "parentheses": lambda n: "(" * n,
    "markup": lambda n: _repeat("<b", n),
    # page furniture
    "contents line": lambda n: _repeat("Chapter one" + "." * 60 + " 12\n", n),
    "separator lines": lambda n: _repeat("-" * 70 + "\n", n),
    # numbers
    "long list": lambda n: _numbered("{i}", n, ", ") + ".",
    "spaced digits": lambda n: _repeat("0", n, " "),
    "table rows": lambda n: _numbered("| {i} | 1,{i:03d} | 20.{i} |", n, "\n"),
    "ranges": lambda n: _repeat("1,000", n, " to ") + ".",
    "between": lambda n: _repeat("between 1 and 2", n, " ") + ".",
    "number words": lambda n: _repeat("one hundred and", n, " ") + ".",
    "hyphen sizes": lambda n: _repeat("9,000-strong", n, " ") + ".",
    # figures about forces, in one sentence and in many
    "figures in one sentence": lambda n: _repeat("1,000 troops", n, " ") + ".",
    "figures in one clause list": lambda n: _repeat("500 soldiers were killed", n, ", ") + ".",
    "hard-wrapped lines": lambda n: (
        _repeat("officials of the army said that 500 troops were killed and", n, "\n") + "."
    ),
    "15,000 sentences": lambda n: _repeat("Officials said 300 soldiers were killed.", n, " "),
    "quoted figures": lambda n: _repeat('"several hundred" soldiers', n, " ") + ".",
    # speakers, sides and places
    "speakers": lambda n: _repeat("The ministry said 40 soldiers were wounded.", n, " "),
    "many people": lambda n: _numbered("Colonel {name} said {i} troops were killed.", n),
    "reporting verbs": lambda n: _repeat("the ministry said", n, " ") + " 500 troops.",
    "appositives": lambda n: _repeat("a lawmaker", n, ", ") + ", said 500 troops were killed.",
    "according to": lambda n: _repeat("according to the", n, " ") + " 500 troops.",
    "nested owners": lambda n: (
        "Lee" + _repeat(" of the ruling Party", n) + " told reporters 500 troops were killed."
    ),
    "sides": lambda n: _repeat("North Korean", n, " ") + " 500 troops.",
    "possessives": lambda n: _repeat("Russia's", n, " ") + " 500 troops.",
    "places": lambda n: _repeat("in Kharkiv", n, " ") + " 500 troops were killed.",
    # the window reader of the other languages ("xx: ..." shapes are read as language xx)
    "de: scales": lambda n: _repeat("5 Mio. 111", n, " ") + "x.",
    "de: figures in one clause list": lambda n: _repeat("1.000 Soldaten getötet", n, ", ") + ".",
    "it: glued scales": lambda n: _repeat("12mila", n) + "x.",
    "fr: hyphened number words": lambda n: _repeat("vingt-", n) + "x.",
    # sizes are bytes: a Hangul syllable is three in UTF-8, a Cyrillic letter two
    "ko: counters": lambda n: _repeat("북한군 1만 5천여 명이 숨지고", n // 3, " ") + ".",
    "ru: number words": lambda n: _repeat("около двух тысяч", n // 2, " ") + " военных.",
}


def article(shape: str, size: int) -> str:
    """Return an article file of about ``size`` bytes whose body has the ``shape``."""
    body = SHAPES[shape](size)
    language, colon, _ = shape.partition(": ")
    header = f"Language: {language}\n" if colon else ""
    return f"{header}Pathological input: {shape}\n\n{body}\n\nOriginal Source: example.org\n"
