"""The document: one article as every extraction step reads it, built once.

A :class:`Doc` holds the text, the text normalised for matching (markup blanked), the sentence
spans, the language, and, found on first use and then kept, the gazetteer's hits, the speakers
of each sentence and a per-sentence index. Steps read it and never change it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from dossier.extract import attribution
from dossier.extract.gazetteer import Gazetteer
from dossier.extract.sentence_index import SentenceIndex
from dossier.text import for_matching

_TAG = re.compile(r"</?[A-Za-z][^<>]{0,80}>")
_SPACES = re.compile(r"\s*")


class Sentence(NamedTuple):
    """A sentence of the article: where it stands and its span of the text."""

    section: str
    paragraph_no: int
    sentence_no: int
    start: int
    end: int


@dataclass(frozen=True, eq=False)
class Doc:
    """One article, as the extraction steps read it (see the module's docstring)."""

    article_id: str
    text: str
    norm: str  # the text normalised for matching, same length, same offsets
    sentences: tuple[Sentence, ...]
    gazetteer: Gazetteer = field(repr=False)
    language: str = "en"
    # lazily filled caches; what they hold follows from the fields above
    _indexes: dict[int, SentenceIndex] = field(default_factory=dict, repr=False)
    _openings: dict[int, int] = field(default_factory=dict, repr=False)
    _last_index: list = field(default_factory=lambda: [-1, None], repr=False)

    @classmethod
    def build(
        cls,
        article_id: str,
        text: str,
        sentences: list[tuple],
        gazetteer: Gazetteer,
        language: str = "en",
    ) -> Doc:
        """The document of one article; ``sentences`` holds (section, paragraph_no,
        sentence_no, char_start, char_end) per sentence, in order."""
        # Markup pasted into article text ("300 troops <b>were</b> wounded") is blanked, length
        # for length, so it neither splits phrases nor moves offsets.
        norm = _TAG.sub(lambda m: " " * len(m.group(0)), for_matching(text))
        spans = tuple(Sentence(*s) for s in sentences)
        return cls(article_id, text, norm, spans, gazetteer, language)

    # Names and speakers are found only when asked for: an article with no figure costs no more
    # than its number scan (entities still ask for them).
    @functools.cached_property
    def _found(self):
        return self.gazetteer.find_all(self.norm)

    @property
    def names(self):
        """The gazetteer's people, organisations and groups, in text order."""
        return self._found[0]

    @property
    def places(self):
        """The gazetteer's places, in text order (they do not overlap)."""
        return self._found[1]

    @property
    def actors(self):
        """The sides named (states, armed groups, their demonyms), in text order."""
        return self._found[2]

    @functools.cached_property
    def spans(self) -> list[tuple[int, int, int, str]]:
        """(start, end, paragraph_no, section) per sentence."""
        return [(s.start, s.end, s.paragraph_no, s.section) for s in self.sentences]

    @functools.cached_property
    def sources(self) -> attribution.ArticleSources:
        """Each sentence's speaker, the relayed sources and the people found by rule."""
        return attribution.attribute(self.norm, self.spans, self.names, self.gazetteer)

    @functools.cached_property
    def actor_starts(self) -> list[int]:
        return [a.start for a in self.actors]

    @functools.cached_property
    def place_starts(self) -> list[int]:
        return [p.start for p in self.places]

    @functools.cached_property
    def place_start_set(self) -> frozenset[int]:
        return frozenset(self.place_starts)

    def index(self, sentence: int) -> SentenceIndex:
        """The index of sentence number ``sentence`` (0-based), made on first use."""
        last = self._last_index
        if last[0] == sentence:  # asked many times in a row for one sentence
            return last[1]
        found = self._indexes.get(sentence)
        if found is None:
            s = self.sentences[sentence]
            found = self._indexes[sentence] = SentenceIndex(self.norm, s.start, s.end)
        last[0], last[1] = sentence, found
        return found

    def opening(self, clause_start: int) -> int:
        """Where the first word of the clause at ``clause_start`` starts. Found once per clause:
        a clause may open with a long run of spaces, and every figure in it asks."""
        found = self._openings.get(clause_start)
        if found is None:
            found = self._openings[clause_start] = _SPACES.match(self.norm, clause_start).end()
        return found
