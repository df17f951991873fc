"""What the figures of one sentence read, each part found once, on first use.

A sentence whose figures are all rejected early never has its time phrases or its sides scanned;
a sentence with many figures has each part scanned once, not once per figure.
"""

from __future__ import annotations

import bisect
import re

from dossier.extract import lexicon
from dossier.text import anchor_positions, first_letters

CLAUSE_BREAK = re.compile(r"[;:()]|,(?=\s)|\s[-–—]{1,2}\s")  # not quotes: "several hundred"
HEDGE = re.compile(
    rf"\b{first_letters(list(lexicon.HEDGES))}(?:{lexicon.alternation(lexicon.HEDGES)})\b",
    re.IGNORECASE,
)
TIME = re.compile(rf"\b{lexicon.EN.guarded('time')}\b")
_MAY_MONTH = re.compile(r"^\s*(?:\d|,?\s*(?:19|20)\d\d)")
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s[^,]{1,60},")
# A wire dateline opening a sentence: "MOGADISHU, March 4 (Reuters) -", "BAMAKO, Mali (AP) —".
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]{2,40},[^()\n]{0,40}\([A-Za-z .]{2,20}\)\s*[-—–]{1,2}\s*")
# An active verb of killing or capturing: "have been killed" is a passive, not an agent.
_AGENT = re.compile(
    rf"\b{first_letters(lexicon.EN.alternatives('agent_verbs'))}"
    r"(?<!been )(?<!were )(?<!was )(?<!are )(?<! is )(?<!being )(?<!be )"
    rf"(?:{lexicon.EN.pattern('agent_verbs')})\b",
    re.IGNORECASE,
)
_MISSING = object()


def _once(method):
    """A property computed on first use and kept (functools.cached_property takes a lock on
    every first use, which costs more than most of these take to compute)."""
    name = "_" + method.__name__

    def get(self):
        value = self.__dict__.get(name, _MISSING)
        if value is _MISSING:
            value = self.__dict__[name] = method(self)
        return value

    get.__doc__ = method.__doc__
    return property(get)


class SentenceIndex:
    """The parts of sentence ``norm[start:end]`` that rules look up: clause breaks, hedges,
    asides, the dateline, agents, time phrases, and where anchored patterns can start."""

    def __init__(self, norm: str, start: int, end: int):
        self.norm, self.start, self.end = norm, start, end
        self._anchors: dict[str, list[int]] = {}

    @_once
    def breaks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the clause breaks (punctuation, dashes), in order."""
        spans = [m.span() for m in CLAUSE_BREAK.finditer(self.norm, self.start, self.end)]
        return [s for s, _ in spans], [e for _, e in spans]

    @_once
    def hedges(self) -> list[tuple[int, int, str]]:
        """The hedge cues: start, end, the cue."""
        found = []
        for m in HEDGE.finditer(self.norm, self.start, self.end):
            word = re.sub(r"\s+", " ", m.group(0).lower())
            if word == "may" and _MAY_MONTH.match(self.norm, m.end()):
                continue  # the month: "May 5", "May 2024"
            found.append((m.start(), m.end(), word))
        return found

    @_once
    def appositives(self) -> tuple[list[int], list[int]]:
        """Starts and ends of ", a role," asides: no side is named there."""
        spans = [m.span() for m in _APPOSITIVE.finditer(self.norm, self.start, self.end)]
        return [s for s, _ in spans], [e for _, e in spans]

    @_once
    def dateline(self) -> tuple[int, int] | None:
        """ "CITY, March 4 (Reuters) -" opening the sentence: no side, no place."""
        found = _DATELINE.match(self.norm, self.start)
        return found.span() if found else None

    @_once
    def agents(self) -> list[int]:
        """Starts of active verbs of killing or capturing."""
        return [m.start() for m in _AGENT.finditer(self.norm, self.start, self.end)]

    @_once
    def times(self) -> tuple[list[re.Match[str]], list[int]]:
        """The time phrases, and their starts."""
        found = list(TIME.finditer(self.norm, self.start, self.end))
        return found, [m.start() for m in found]

    def anchors(self, name: str, anchor: re.Pattern[str]) -> list[int]:
        """Where the pattern called ``name`` can start: the positions ``anchor`` matches."""
        found = self._anchors.get(name)
        if found is None:
            found = anchor_positions(anchor, self.norm, self.start, self.end)
            self._anchors[name] = found
        return found

    def is_aside(self, position: int) -> bool:
        """Whether ``position`` lies in an appositive or the dateline."""
        if self.dateline and self.dateline[0] <= position < self.dateline[1]:
            return True
        starts, ends = self.appositives
        i = bisect.bisect_right(starts, position) - 1
        return i >= 0 and position < ends[i]

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause holding ``start``-``end``: between the break before and the one after."""
        starts, ends = self.breaks
        before = bisect.bisect_right(ends, start)
        after = bisect.bisect_left(starts, end)
        return (
            ends[before - 1] if before else self.start,
            starts[after] if after < len(starts) else self.end,
        )
