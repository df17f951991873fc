"""The speakers of one article, in text order, and the index the rules read them by.

Reads speakers as the rules find them, in text order; returns, for a sentence, the speaker a bare
mention ("the ministry", "the group") stands for, the latest person speaking and the people
speaking latest first.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dossier.extract import lexicon

_WORD_RUN = re.compile(r"\w+")
_ROLE_HEADS = lexicon.EN.words("role_heads")
# Heads of "the ministry", "the group": the words a bare mention is resolved by.
HEADS = lexicon.ORG_WORDS | lexicon.EN.words("definite_heads")
_PLAIN_HEADS = frozenset(h for h in HEADS if _WORD_RUN.fullmatch(h))
_OTHER_HEADS = {h: re.compile(rf"\b{re.escape(h)}\b") for h in HEADS - _PLAIN_HEADS}


@dataclass(frozen=True)
class Speaker:
    """A source: canonical ``name``, ``role`` in the text, ``kind`` (person, organisation,
    group, unnamed), and the span of the mention."""

    name: str
    role: str | None
    kind: str
    start: int
    end: int
    mention: str = ""  # the noun phrase as written


@functools.lru_cache(maxsize=4096)
def _mention_heads(mention: str) -> frozenset[str]:
    """The head words of :data:`HEADS` that ``mention`` (lower case) holds as whole words."""
    found = {w for w in _WORD_RUN.findall(mention) if w in _PLAIN_HEADS}
    found.update(h for h, pattern in _OTHER_HEADS.items() if pattern.search(mention))
    return frozenset(found)


class _HeadList:
    """The speakers whose mention holds one head word, in text order, with runs of equal
    mentions marked so that a walk can skip a run at once."""

    def __init__(self) -> None:
        self.items: list[int] = []  # positions in the roster
        self.mentions: list[str] = []  # lower case
        self.run_of: list[int] = []
        self.run_first: list[int] = []  # where each run starts in ``items``

    def append(self, item: int, mention: str) -> None:
        """Add the roster's speaker ``item`` with its lower-case ``mention``; returns nothing."""
        if not self.mentions or self.mentions[-1] != mention:
            self.run_first.append(len(self.items))
        self.items.append(item)
        self.mentions.append(mention)
        self.run_of.append(len(self.run_first) - 1)


class Roster:
    """Speakers in text order, indexed for what the rules ask of them in every sentence: the
    latest (or the first) whose mention holds a head word, the latest armed group, the latest
    person. Each answer is the one a walk over the whole list would give."""

    def __init__(self) -> None:
        self.items: list[Speaker] = []
        self.starts: list[int] = []
        self._heads: dict[str, _HeadList] = {}
        self._groups: list[int] = []
        self._people: list[int] = []
        self._bodies: list[int] = []  # the speakers that are no person
        self._roles: list[int] = []  # of those, the ones a role names ("a spokesman")
        self._role_starts: list[int] = []
        self.names: set[str] = set()

    def __len__(self) -> int:
        """How many speakers the roster holds."""
        return len(self.items)

    def append(self, speaker: Speaker) -> None:
        """Add ``speaker``, which starts no earlier than the speakers before it; returns
        nothing."""
        k = len(self.items)
        self.items.append(speaker)
        self.starts.append(speaker.start)
        self.names.add(speaker.name)
        if speaker.kind == "group":
            self._groups.append(k)
        if speaker.kind == "person":
            self._people.append(k)
            return
        self._bodies.append(k)
        if speaker.name.split()[-1].lower() in _ROLE_HEADS:
            self._roles.append(k)  # "a Veloria army spokesman": one person, unnamed
            self._role_starts.append(speaker.start)
        lower = speaker.mention.lower()
        for head in _mention_heads(lower):
            self._heads.setdefault(head, _HeadList()).append(k, lower)

    def before(self, position: int) -> int:
        """How many speakers start before ``position`` (speakers are in text order)."""
        return bisect.bisect_left(self.starts, position)

    def latest_with(self, head: str, count: int, mention: str) -> Speaker | None:
        """The last of the first ``count`` speakers that is no person, whose mention holds
        ``head`` and is not ``mention``."""
        found = self._heads.get(head)
        if found is None:
            return None
        p = bisect.bisect_left(found.items, count) - 1
        while p >= 0:
            if found.mentions[p] == mention:
                p = found.run_first[found.run_of[p]] - 1
                continue
            return self.items[found.items[p]]
        return None

    def first_with(self, head: str, exclude_start: int, mention: str) -> Speaker | None:
        """The first speaker that is no person, whose mention holds ``head`` and is not
        ``mention``, and that does not start at ``exclude_start``."""
        found = self._heads.get(head)
        if found is None:
            return None
        p = 0
        while p < len(found.items):
            speaker = self.items[found.items[p]]
            if speaker.start == exclude_start:
                p += 1
            elif found.mentions[p] == mention:
                run = found.run_of[p] + 1
                p = found.run_first[run] if run < len(found.run_first) else len(found.items)
            else:
                return speaker
        return None

    def latest_group(self, count: int, exclude_start: int) -> Speaker | None:
        """The last armed group among the first ``count`` speakers not starting at
        ``exclude_start``."""
        p = bisect.bisect_left(self._groups, count) - 1
        while p >= 0:
            speaker = self.items[self._groups[p]]
            if speaker.start != exclude_start:
                return speaker
            p -= 1
        return None

    def latest_body(self, count: int) -> Speaker | None:
        """The last of the first ``count`` speakers that is no person."""
        p = bisect.bisect_left(self._bodies, count) - 1
        return self.items[self._bodies[p]] if p >= 0 else None

    def latest_role(self, before: int) -> Speaker | None:
        """The last speaker named by a role alone ("an army spokesman") before ``before``."""
        p = bisect.bisect_left(self._role_starts, before) - 1
        return self.items[self._roles[p]] if p >= 0 else None

    def people_latest_first(self) -> Iterator[Speaker]:
        """The people speaking, the latest first."""
        return (self.items[k] for k in reversed(self._people))

    def latest_person(self, before: int) -> Speaker | None:
        """The last person speaking before ``before``."""
        p = len(self._people) - 1
        while p >= 0:
            speaker = self.items[self._people[p]]
            if speaker.start < before:
                return speaker
            p -= 1
        return None
