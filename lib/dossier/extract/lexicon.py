"""The extractor's vocabulary, read from ``data/lexicon/<language>/``: the words that make a number
a claim, give it a category, hedge it, time it, or attribute it. Grammar words only; names of
people, bodies and places live in ``data/*.csv``.

Each file is one list (its first line says which kind: words, phrases, patterns or categories;
``data/lexicon/en/README.md`` explains them), read once and kept. The rules compile the lists into
regexes when they are first imported. The module's upper-case names are the English lists, as the
rules use them.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from dossier import paths
from dossier.text import first_letters

LEXICON_DIR = paths.DATA_DIR / "lexicon"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_GROUP = re.compile(r"(?<!\\)\((?!\?)")  # "(" opens a group; "\(" is a parenthesis


class Lexicon:
    """The vocabulary of one language: each file of its folder, by name."""

    def __init__(self, folder: Path):
        self.folder = folder

    @functools.cache  # noqa: B019 (a lexicon lives as long as the process)
    def lines(self, name: str) -> tuple[str, ...]:
        """The entries of ``name``.txt: its lines without comments and blank lines."""
        path = self.folder / f"{name}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise LookupError(f"no vocabulary list {path}") from None
        return tuple(s for line in text.splitlines() if (s := line.strip()) and s[0] != "#")

    def words(self, name: str) -> frozenset[str]:
        """The words of a words list."""
        return frozenset(w for line in self.lines(name) for w in line.split())

    def phrases(self, name: str) -> tuple[str, ...]:
        """The phrases of a phrases list, in file order."""
        return self.lines(name)

    def pattern(self, name: str) -> str:
        """A patterns list as one regex alternation, in file order."""
        return "|".join(self._regex(line) for line in self.lines(name))

    def alternatives(self, name: str) -> list[str]:
        """A patterns list as its regex alternatives, one per line, in file order."""
        return [self._regex(line) for line in self.lines(name)]

    def guarded(self, name: str) -> str:
        """A patterns list as one group, led by a lookahead for the letters its lines can start
        with (:func:`dossier.text.first_letters`): searched, it skips every other position."""
        return first_letters(self.alternatives(name)) + f"(?:{self.pattern(name)})"

    def categories(self, name: str) -> list[tuple[str, str]]:
        """A categories list as (category, regex alternation) pairs, in the order the categories
        first appear; a category's lines are alternatives of one pattern."""
        found: dict[str, list[str]] = {}
        for line in self.lines(name):
            category, sep, pattern = line.partition(":")
            if not sep:
                raise ValueError(f"{self.folder / name}.txt: '{line}' has no 'category:'")
            found.setdefault(category.strip(), []).append(self._regex(pattern.strip()))
        return [(c, "|".join(p)) for c, p in found.items()]

    def pairs(self, name: str) -> list[tuple[str, str]]:
        """A categories list as (category, regex) pairs, one a line, in file order."""
        split = (line.partition(":") for line in self.lines(name))
        return [(c.strip(), self._regex(p.strip())) for c, _, p in split]

    def mapping(self, name: str) -> dict[str, str]:
        """A categories list of words as word -> category."""
        return {
            word: category
            for line in self.lines(name)
            for category, _, words in [line.partition(":")]
            for word in words.split()
        }

    def values(self, name: str) -> dict[str, float]:
        """A values list (``phrase value`` per line, the value last: a number or a division such
        as ``100/3``) as phrase -> value, in file order. A whole number stays an ``int``."""
        found: dict[str, float] = {}
        for line in self.lines(name):
            phrase, _, value = line.rpartition(" ")
            if not phrase.strip():
                raise ValueError(f"{self.folder / name}.txt: '{line}' has no value")
            numerator, slash, denominator = value.partition("/")
            if slash:
                found[phrase.strip()] = float(numerator) / float(denominator)
            else:
                found[phrase.strip()] = int(value) if value.isdecimal() else float(value)
        return found

    def _regex(self, line: str) -> str:
        """A pattern line as a regex: a space is any whitespace, ``(`` a group that captures
        nothing, ``{name}`` the patterns of another list."""
        regex = _GROUP.sub("(?:", line.replace(" ", r"\s+"))
        return _PLACEHOLDER.sub(lambda m: self.pattern(m.group(1)), regex)


@functools.cache
def load(language: str = "en") -> Lexicon:
    """The lexicon of ``language`` (an ISO 639-1 code), read from ``data/lexicon/<language>/``."""
    folder = LEXICON_DIR / language
    if not folder.is_dir():
        raise LookupError(f"no vocabulary for language {language!r} (no folder {folder})")
    return Lexicon(folder)


def words(text: str) -> frozenset[str]:
    """The words of ``text`` split on whitespace."""
    return frozenset(text.split())


def alternation(phrases) -> str:
    """A regex alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


EN = load("en")

# --- what a figure counts ---------------------------------------------------------------------
FORCE_NOUNS = EN.words("force_nouns")
CASUALTY_NOUNS = EN.mapping("casualty_nouns")
OTHER_NOUNS = EN.words("other_nouns")
DURATION_UNITS = EN.words("duration_units")
CURRENCY_AFTER = EN.words("currency_after")
HYPHEN_SIZE = EN.words("hyphen_size")
MONTHS = EN.words("months")

# --- categories ---------------------------------------------------------------------------------
CATEGORY_AFTER = EN.categories("category_after")
CATEGORY_OVERRIDE_AFTER = EN.categories("category_override_after")[0]
CATEGORY_BEFORE = EN.categories("category_before")
MEASURE = f"(?:{EN.pattern('measure_verbs')})"
BEFORE_CONNECTORS = EN.words("before_connectors")
REINFORCEMENT_ADJACENT = EN.words("reinforcement_adjacent")
REINFORCEMENT_BEFORE = EN.pattern("reinforcement_before")
REPLACEMENT = EN.pattern("replacement")
STATE_FORCE_NOUNS = EN.words("state_force_nouns")
GROUP_FORCE_NOUNS = EN.words("group_force_nouns")
DEPLOYED_CUES = EN.words("deployed_cues")
RATE = EN.pattern("rate")

# --- hedging and time -----------------------------------------------------------------------
HEDGES = EN.phrases("hedges")
TIME = EN.pattern("time")

# --- attribution ------------------------------------------------------------------------------
SAY_VERBS = EN.words("say_verbs")
NOT_SPEAKERS = EN.words("not_speakers")
ANONYMOUS_SOURCES = EN.pattern("anonymous_sources")
CITING = EN.pattern("citing")
PRONOUNS = EN.words("pronouns")
TITLES = EN.words("titles")
ORG_WORDS = EN.words("org_words")
