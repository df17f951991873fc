"""The article being read, scanned once and indexed by position.

Reads the normalised article text, the gazetteer's name matches in it (in text order, not
overlapping) and the gazetteer; scans the text once for reporting verbs ("said", "estimated") and
anonymous sources ("reports indicate"). Returns what lies in a span: the names, the reporting
verbs, the anonymous sources.
"""

from __future__ import annotations

import bisect
import re

from dossier.extract import lexicon
from dossier.extract.gazetteer import Gazetteer, Match
from dossier.text import first_letters, trie_regex

_SAY_ALTERNATIVES = [
    *lexicon.EN.alternatives("say_phrases"),
    *sorted(lexicon.SAY_VERBS - {"according"}),
]
# the phrases first ("points out" before "points"), then the verbs as a trie: the engine tries a
# few branches at each position instead of every verb
_SAY = re.compile(
    r"\b"
    + first_letters(_SAY_ALTERNATIVES)
    + r"(?:"
    + "|".join(lexicon.EN.alternatives("say_phrases"))
    + "|"
    + trie_regex(sorted(lexicon.SAY_VERBS - {"according"}))
    + r")\b"
)
_ANONYMOUS = re.compile(lexicon.EN.guarded("anonymous_sources"), re.IGNORECASE)
# words one of which each phrase of ``source_postmodifiers`` holds ("sources familiar with"): an
# article without any writes no source so
POSTMODIFIER_CUES = ("familiar", "close to", "briefed on", "knowledge", "aware of")
_REPORT_OWNERS = lexicon.EN.words("report_owners")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _owned_report(norm: str, start: int) -> bool:
    """Whether the anonymous source at ``start`` is "reports" of a named kind: "Intelligence
    reports suggest" names a source, "Reports indicate" does not."""
    if norm[start : start + 6].lower() != "report":
        return False
    before = _WORD_BEFORE.search(norm, max(0, start - 40), start)
    return before is not None and before.group(1).lower() in _REPORT_OWNERS


class Article:
    """One article's text with its name matches, reporting verbs and anonymous sources, each in
    text order. An anonymous-source range ``(first, stop)`` is a slice of the anonymous sources,
    as :meth:`anonymous_in` returns it."""

    def __init__(self, norm: str, names: list[Match], gazetteer: Gazetteer) -> None:
        self.norm = norm
        self.names = names
        self.name_starts = [m.start for m in names]  # names do not overlap: ends are in order
        self.name_spans = {(m.start, m.end) for m in names}
        self.person_names = [m for m in names if m.kind == "person"]
        self.person_name_ends = [m.end for m in self.person_names]
        self.gazetteer = gazetteer
        self.says = list(_SAY.finditer(norm))  # one pass over the article
        # whether a source may be written with how it knows ("sources familiar with ...")
        self.postmodified = any(cue in norm for cue in POSTMODIFIER_CUES)
        self.say_starts = [m.start() for m in self.says]
        # one pass over the article, not one per sentence and pass
        hint = "report" in norm.lower() or "sources" in norm
        spans = [m.span() for m in _ANONYMOUS.finditer(norm)] if hint else []
        spans = [span for span in spans if not _owned_report(norm, span[0])]
        self.anonymous_starts = [a for a, _ in spans]
        self.anonymous_ends = [b for _, b in spans]

    def says_in(self, start: int, end: int) -> list[re.Match[str]]:
        """The reporting verbs that start in ``start``-``end``, in text order."""
        starts = self.say_starts
        return self.says[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def anonymous_in(self, start: int, end: int) -> tuple[int, int]:
        """The range of the anonymous sources that start in ``start``-``end``."""
        return (
            bisect.bisect_left(self.anonymous_starts, start),
            bisect.bisect_left(self.anonymous_starts, end),
        )

    def in_anonymous(self, position: int, sentence_start: int) -> bool:
        """Whether ``position`` lies in an anonymous source ("reports indicate") that starts in
        the sentence at ``sentence_start``."""
        i = bisect.bisect_right(self.anonymous_starts, position) - 1
        return (
            i >= 0
            and self.anonymous_starts[i] >= sentence_start
            and position < self.anonymous_ends[i]
        )

    def overlaps_anonymous(self, unnamed: tuple[int, int], start: int, end: int) -> bool:
        """Whether an anonymous source of the range ``unnamed`` overlaps ``start``-``end``."""
        first, stop = unnamed
        i = bisect.bisect_right(self.anonymous_ends, start, first, stop)
        return i < stop and self.anonymous_starts[i] < end

    def names_within(self, start: int, end: int) -> list[Match]:
        """The name matches that lie wholly in ``start``-``end``, in text order."""
        first = bisect.bisect_left(self.name_starts, start)
        last = bisect.bisect_left(self.name_starts, end)
        return [m for m in self.names[first:last] if m.end <= end]

    def name_starts_at(self, position: int) -> bool:
        """Whether a name match starts at ``position``."""
        i = bisect.bisect_left(self.name_starts, position)
        return i < len(self.name_starts) and self.name_starts[i] == position

    def last_person_named(self, before: int) -> Match | None:
        """The last person's name match that ends by ``before``."""
        named = bisect.bisect_right(self.person_name_ends, before)
        return self.person_names[named - 1] if named else None

    def name_running_past(self, span: tuple[int, int], end: int) -> tuple[int, int]:
        """``span`` grown to the end of a name that starts inside it and ends after it (by
        ``end``): "the Institute for the Study of War" whole. Names do not overlap, so only the
        last one starting inside the span can run past its end."""
        i = bisect.bisect_left(self.name_starts, span[1]) - 1
        if i >= 0:
            m = self.names[i]
            if span[0] <= m.start < span[1] and span[1] < m.end <= end:
                return span[0], m.end
        return span
