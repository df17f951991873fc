"""Who says a figure, whose forces it counts, how it is hedged and when: read from the figure's
sentence for the window reader, and the ledger row that holds them."""

from __future__ import annotations

import re

from dossier.extract.doc import Doc
from dossier.extract.numbers import Quantity
from dossier.extract.steps.rows import figure_fields
from dossier.extract.window.cues import Cues
from dossier.text import one_line

NP_WORDS = 4  # a speaker named next to a marker is at most this many words
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_DIGIT = re.compile(r"\d")
_STOP = re.compile(r"[,;:()\[\]\"«»„“”]|\s[-–—]\s")


class Sources:
    """The speakers, sides and times of one document's sentences, found on first use."""

    def __init__(self, doc: Doc, cues: Cues):
        self.doc, self.cues = doc, cues
        self._speakers: dict[int, tuple[str | None, str | None]] = {}
        self._side_hits: dict[int, list[tuple[int, int, str]]] = {}

    def row(self, index: int, q: Quantity, category: str, clause: tuple[int, int]) -> dict:
        """The ledger row of the figure ``q`` of sentence ``index``."""
        doc, s = self.doc, self.doc.sentences[index]
        speaker, found_in = self.speaker(index)
        cues = [m.group(0) for m in self.cues.hedges.finditer(doc.norm, s.start, s.end)]
        when = self.cues.times.search(doc.norm, *clause)
        return {
            **figure_fields(doc, index, q),
            "category": category,
            "actor": self.actor(q, clause, index),
            "attributed_to": one_line(speaker),
            "speaker_role": None,
            "attribution_in": found_in,
            "cited_source": None,
            "is_hedged": bool(cues),
            "hedge_cues": ", ".join(dict.fromkeys(c.lower() for c in cues)) or None,
            "when_text": doc.text[when.start() : when.end()] if when else None,
            "where_text": None,
        }

    def actor(self, q: Quantity, clause: tuple[int, int], index: int) -> str | None:
        """The side nearest the figure in its clause, else in its sentence before it; a side
        named as the destination ("nach Russland", "a Rusia", "до Росії", "러시아에") is where
        the forces go, not whose they are."""
        hits = self._sides(index)
        sentence_start = self.doc.sentences[index].start
        for lo, hi in (clause, (sentence_start, clause[1])):
            near = [
                (m_start - q.end if m_start >= q.end else q.start - m_end, actor)
                for m_start, m_end, actor in hits
                if lo <= m_start and m_end <= hi
            ]
            if near:
                return min(near, key=lambda d: d[0])[1]
        return None

    def _sides(self, index: int) -> list[tuple[int, int, str]]:
        """(start, end, actor) of the sides named in sentence ``index`` that are no
        destination, found once per sentence."""
        found = self._side_hits.get(index)
        if found is None:
            norm, s = self.doc.norm, self.doc.sentences[index]
            found = []
            for actor, pattern in self.cues.actors:
                for m in pattern.finditer(norm, s.start, s.end):
                    lead = max(s.start, m.start() - 12)
                    if self.cues.destination_before.search(norm, lead, m.start()):
                        continue
                    if self.cues.destination_after.match(norm, m.end(), s.end):
                        continue
                    found.append((m.start(), m.end(), actor))
            found.sort()
            self._side_hits[index] = found
        return found

    def speaker(self, index: int) -> tuple[str | None, str | None]:
        """(speaker, "sentence" or "context") of sentence ``index``: the sentence's own, else
        the one of the sentence before it in its paragraph. Found from the first sentence of
        the paragraph not yet read, forward: a loop, so a paragraph of thousands of sentences
        costs no recursion."""
        if index in self._speakers:
            return self._speakers[index]
        sentences = self.doc.sentences
        first = index
        while (
            first > 0
            and first - 1 not in self._speakers
            and sentences[first - 1].paragraph_no == sentences[index].paragraph_no
        ):
            first -= 1
        for i in range(first, index + 1):
            own = self._own_speaker(i)
            if own is not None:
                self._speakers[i] = (own, "sentence")
                continue
            same = i > 0 and sentences[i - 1].paragraph_no == sentences[i].paragraph_no
            inherited = self._speakers[i - 1][0] if same and i - 1 in self._speakers else None
            self._speakers[i] = (inherited, "context" if inherited else None)
        return self._speakers[index]

    def _own_speaker(self, index: int) -> str | None:
        norm, cues = self.doc.norm, self.cues
        s = self.doc.sentences[index]
        names = _names(self.doc, cues, s.start, s.end)
        for m in cues.speaker_before.finditer(norm, s.start, s.end):
            named = [n for n in names if n[0] >= m.end() and n[0] - m.end() < 60]
            if named:
                return named[0][2]
            np = _phrase(self.doc, cues, m.end(), min(s.end, m.end() + 80), after=True)
            if np:
                return np
        for m in cues.speaker_after.finditer(norm, s.start, s.end):
            named = [n for n in names if n[1] <= m.start() and m.start() - n[1] < 30]
            if named:
                return named[-1][2]
            np = _phrase(self.doc, cues, max(s.start, m.start() - 80), m.start(), after=False)
            if np:
                return np
        if names and cues.say_verbs.search(norm, s.start, s.end):
            return names[0][2]
        return None


def _names(doc: Doc, cues: Cues, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, canonical name) of the people and bodies of ``aliases.csv`` in the span."""
    if cues.names is None:
        return []
    found = []
    for m in cues.names.finditer(doc.norm, start, end):
        written = re.sub(r"\s+", " ", m.group("name"))
        canonical, is_acronym = cues.name_entries.get(written.casefold(), (None, False))
        # an alias written in capitals ("NIS", "US") matches only in capitals
        if canonical and not (is_acronym and not written.isupper()):
            found.append((m.start(), m.end(), canonical))
    return found


def _phrase(doc: Doc, cues: Cues, start: int, end: int, after: bool) -> str | None:
    """The speaker named right after a marker (``after``) or right before one, in
    ``start``-``end``: up to its last capitalised word after a marker, its run of
    capitalised words before one; in a script without capitals, the nearest word."""
    text = doc.norm[start:end]
    if after and (digit := _DIGIT.search(text)):
        text = text[: digit.start()]  # the figure, not its speaker
    stops = list(_STOP.finditer(text))
    cut = 0
    if stops:
        text, cut = (
            (text[: stops[0].start()], 0) if after else (text[stops[-1].end() :], stops[-1].end())
        )
    words = [w for w in _WORD.finditer(text) if w.group(0).lower() not in cues.determiners]
    words = words[:NP_WORDS] if after else words[-NP_WORDS:]
    if not words:
        return None
    cased = any(w.group(0)[0].isupper() or w.group(0)[0].islower() for w in words)
    if not cased:  # a script without capitals: the word next to the marker
        chosen = words[:1] if after else words[-1:]
    elif after:  # "dem südkoreanischen Geheimdienst NIS seit ...": to the last capital of a run
        chosen, seen = [], False
        for w in words:
            upper = w.group(0)[0].isupper()
            if seen and not upper:
                break
            seen = seen or upper
            chosen.append(w)
        chosen = chosen if seen else []
    else:
        run = len(words)
        while run and words[run - 1].group(0)[0].isupper():
            run -= 1
        chosen = words[run:]
    if not chosen:
        return None
    offset = start + cut
    return doc.text[offset + chosen[0].start() : offset + chosen[-1].end()].rstrip(".")
