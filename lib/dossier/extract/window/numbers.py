"""Figures as written in the languages of :mod:`dossier.extract.window`.

Digits with the separators of any of these languages ("11.000", "11 000" with a space or a no-break
space, "10'000", "1,5 millones", "11,000"), digits with a scale word or suffix ("12mila", "55
тисяч", "1만 5천", "4천700"), number words with their case forms ("tremila", "zwölftausend",
"двух тысяч"), ranges ("50—70 тисяч", "entre 5 000 et 7 000"), vague quantities ("mehrere
Tausend", "수천") and the qualifiers next to a figure ("etwa", "plus de", "여", "이상").

A separator followed by exactly three digits groups thousands; any other is a decimal mark, so
"1,5" is 1.5 and "1.500" and "1,500" are 1500 in every language. The words are the language's
(``number_words``, ``vague_quantities`` and the qualifier lists); the grammar is here.
"""

from __future__ import annotations

import functools
import re

from dossier.extract.lexicon import Lexicon, alternation
from dossier.extract.numbers import Quantity
from dossier.text import first_letters

_GROUP = r"[.,' \u00a0\u202f]"
_DIGITS = rf"\d{{1,3}}(?:{_GROUP}\d{{3}})+(?![.,]?\d)(?:,\d+)?|\d+(?:[.,]\d+)?"
_SEPARATOR = re.compile(r"[.,'\s]")
_SPACES = re.compile(r"\s+")
_COMPOUND = re.compile(r"-[^\W\d_]")  # a figure joined by a hyphen to a word


def _phrases(lexicon: Lexicon, name: str) -> tuple[str, ...]:
    """A phrases list, empty when the language has none."""
    return lexicon.phrases(name) if (lexicon.folder / f"{name}.txt").is_file() else ()


def ranges(lexicon: Lexicon, name: str) -> dict[str, tuple[float, float]]:
    """A ranges list (``phrase low high`` per line) as phrase -> (low, high)."""
    found = {}
    for line in _phrases(lexicon, name):
        rest, _, high = line.rpartition(" ")
        phrase, _, low = rest.rpartition(" ")
        found[_SPACES.sub(" ", phrase.lower())] = (float(low), float(high))
    return found


class Grammar:
    """The number grammar of one language, compiled from its lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.words = {k.lower(): v for k, v in lexicon.values("number_words").items()}
        self.vague = ranges(lexicon, "vague_quantities")
        scales = [w for w, v in self.words.items() if v >= 100]
        words = alternation(self.words)
        # a word number: number words run together ("zwölftausend", "tremila") or apart
        # ("двадцать пять тысяч", "vingt-cinq mille"), joined by the language's "and"
        joiners = alternation(_phrases(lexicon, "number_joiners")) or "(?!)"
        # possessive (*+): a long run that fails at its end is not re-split every possible way
        # and each word ends a word or runs into the next ("zwölf|tausend"): "mil" of "militares"
        # is none
        item = rf"(?:{words})(?=(?:{words})|(?:{joiners})|\W|\d|$)"
        word_number = rf"{item}(?:(?:[\s-]+|[\s-]*(?:{joiners})[\s-]*)?{item})*+"
        scale = rf"(?:{alternation(scales)})" if scales else "(?!)"
        # digits with scale words or suffixes, in a run: "1만 5천", "4천700", "12mila", "1,5 Mio."
        digit_number = rf"(?:{_DIGITS})(?:\s?{scale}(?:\s?\d++(?:\s?{scale})?)*+)?"
        atom = rf"(?:{digit_number}|{word_number})"
        to = alternation(_phrases(lexicon, "range_joiners")) or "(?!)"
        between, and_ = (
            alternation(_phrases(lexicon, n)) or "(?!)" for n in ("range_between", "range_and")
        )
        vague = alternation(self.vague) or "(?!)"
        # a figure ends a word, unless the language writes its endings on ("3000명", "수천명")
        endings_on = (lexicon.folder / "writes_endings_on.txt").is_file()
        end = r"(?!\d)" if endings_on else r"(?![^\W_])"
        # a range joiner written onto the first end's counter: "2만5000명~3만 명"
        gap = r"\s*" if endings_on else r"\s+"
        self.pattern = re.compile(
            rf"(?<![\w.,])(?:(?P<vague>{vague}){end}"
            rf"|(?:{between})\s+(?P<b1>{atom})\s+(?:{and_})\s+(?P<b2>{atom}){end}"
            rf"|(?P<r1>{atom})(?:\s*[-–—~∼〜～]\s*|{gap}(?:{to}){gap})(?P<r2>{atom}){end}"
            rf"|(?P<atom>{atom}){end}"
            rf")",
            re.IGNORECASE,
        )
        self.scale_words = {w: v for w, v in self.words.items() if v >= 100}
        self._token = re.compile(rf"{_DIGITS}|{words}", re.IGNORECASE)
        self.approx_before = _ending(_phrases(lexicon, "approx_before"))
        self.at_least_before = _ending(_phrases(lexicon, "at_least_before"))
        self.at_most_before = _ending(_phrases(lexicon, "at_most_before"))
        # any of the three: most figures have none, and one search says so instead of three
        self.any_before = _ending(
            [p for n in ("approx", "at_least", "at_most") for p in _phrases(lexicon, f"{n}_before")]
        )
        self.approx_after = _starting(_phrases(lexicon, "approx_after"))
        self.at_least_after = _starting(_phrases(lexicon, "at_least_after"))
        self.at_most_after = _starting(_phrases(lexicon, "at_most_after"))

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
        """Every figure of ``text[start:end]`` (normalised for matching), in order."""
        found = []
        end = len(text) if end is None else end
        for m in self.pattern.finditer(text, start, end):
            if m.group("vague"):
                written = _SPACES.sub(" ", m.group("vague").lower())
                if written in self.words and self._qualified(text, m.start()):
                    # "около тысячи", "близько тисячі": a plural that is also a case of the
                    # number word is that number after a qualifier, "thousands" elsewhere
                    value = float(self.words[written])
                    found.append(self._qualify(text, m, value, value, vague=False))
                    continue
                low, high = self.vague[written]
                found.append(self._qualify(text, m, low, high, vague=True))
                continue
            first = next((g for g in ("b1", "r1") if m.group(g)), None)
            if first:
                low, low_mult = self.value(m.group(first))
                high, high_mult = self.value(m.group("b2" if first == "b1" else "r2"))
                if first == "r1" and _hyphenated(m, low, high / high_mult):
                    low = high = self.value(m.group(0))[0]  # "vingt-cinq mille" is 25000
                elif low_mult == 1 and high_mult > 1 and low < high / high_mult:
                    low *= high_mult  # "50—70 тисяч", "11 oder 12 Tausend"
                if low > high:
                    continue  # "2022-23": years, not a range
            else:
                if _COMPOUND.match(text, m.end()):
                    continue  # "26-річний", "9.000-Mann-Truppe": an age or a size, no count
                low, _ = self.value(m.group("atom"))
                high = low
            found.append(self._qualify(text, m, low, high, vague=False))
        return found

    def _qualified(self, text: str, start: int) -> bool:
        """Whether an approximator or a bound stands right before ``start``."""
        return self.any_before.search(text[max(0, start - 40) : start]) is not None

    def value(self, written: str) -> tuple[float, float]:
        """(value, the multiplier of its last scale) of one number, digits or words."""
        total, current, mult = 0.0, 0.0, 1.0
        for token in self._token.findall(written.lower()):
            if token[0].isdigit():
                current += _digits(token)
                continue
            value = self.words.get(token, 0)
            if value >= 1000:
                total += max(current, 1) * value
                current, mult = 0.0, value
            elif value == 100 and token in self.scale_words:
                current = max(current, 1) * 100
            else:
                current += value
        return total + current, mult

    def _qualify(self, text: str, m: re.Match, low: float, high: float, vague: bool) -> Quantity:
        start, end = m.start(), m.end()
        before, after = text[max(0, start - 40) : start], text[end : end + 30]
        qualified = self.any_before.search(before) is not None
        # searched once: it also moves the start
        approx_hit = self.approx_before.search(before) if qualified else None
        approx = bool(approx_hit or self.approx_after.match(after))
        bound, qualifier_start = "none", start
        for pattern, kind in ((self.at_least_before, "at_least"), (self.at_most_before, "at_most")):
            hit = pattern.search(before) if qualified else None
            if hit:
                bound, qualifier_start = kind, start - (len(before) - hit.start())
                break
        if bound == "none":
            if self.at_least_after.match(after):
                bound = "at_least"
            elif self.at_most_after.match(after):
                bound = "at_most"
        if approx_hit:
            qualifier_start = min(qualifier_start, start - (len(before) - approx_hit.start()))
        return Quantity(
            start, end, text[start:end], low, high, "persons", approx, bound, vague, "",
            qualifier_start,
        )  # fmt: skip


def _digits(token: str) -> float:
    """The value of digits with separators: a mark before exactly three digits groups them."""
    parts = _SEPARATOR.split(token)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        return float("".join(parts))
    return float(token.replace(",", ".").replace("'", "").replace(" ", ""))


def _hyphenated(m: re.Match, low: float, high_unit: float) -> bool:
    """Whether a "range" of words joined by a hyphen is one number written with hyphens, tens
    before units ("vingt-cinq", "quatre-vingt-dix", "vingt-cinq mille"): a range of words rises
    ("cinq-six mille", "п'ять-шість тисяч")."""
    joint = m.string[m.end("r1") : m.start("r2")]
    return "-" in joint and not m.group("r1")[-1].isdigit() and low > high_unit


def _bounded(phrase: str) -> bool:
    """Whether ``phrase`` is a word of its own: Korean endings and particles are written on."""
    return not ("\uac00" <= phrase[-1] <= "\ud7a3" or "\uac00" <= phrase[0] <= "\ud7a3")


def _ending(phrases) -> re.Pattern[str]:
    """Any of ``phrases`` ending a text (with the spaces after it). Only where a match starts is
    used, so the phrases are two alternations, whole words and Korean ones, each behind a look
    at the letters it can start with: a search tries ~40 positions, and most fail at that look
    instead of at every phrase (20-80x faster than a phrase at a time)."""
    alts = []
    for edge, group in ((r"(?<!\w)", [p for p in phrases if _bounded(p)]),
                        ("", [p for p in phrases if not _bounded(p)])):  # fmt: skip
        if group:
            pattern = alternation(group)
            alts.append(rf"{edge}{first_letters([pattern])}(?:{pattern})")
    return re.compile(rf"(?:{'|'.join(alts)})\s*\Z" if alts else "(?!)", re.IGNORECASE)


def _starting(phrases) -> re.Pattern[str]:
    """Any of ``phrases`` opening a text (after spaces)."""
    alts = [
        alternation([p]) + (r"(?!\w)" if _bounded(p) else "")
        for p in sorted(phrases, key=len, reverse=True)
    ]
    return re.compile(rf"\s*(?:{'|'.join(alts)})" if alts else "(?!)", re.IGNORECASE)


@functools.cache
def grammar(lexicon: Lexicon) -> Grammar:
    """The number grammar of ``lexicon``'s language, compiled once."""
    return Grammar(lexicon)
