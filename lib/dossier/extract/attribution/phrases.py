"""Reading the noun phrases that may name a speaker.

Reads the article text from a position: forward from a cue ("according to X", "as reported by
X"), backward from a reporting verb ("the defence ministry said"), and an appositive ("X, a
lawmaker, said", whose role is given to X). Returns the phrase's (start, end) span in the article,
or None when no phrase is there. Also the small word tests the speaker rules share.
"""

from __future__ import annotations

import re
from typing import Protocol

from dossier.extract import lexicon
from dossier.extract.attribution.article import Article
from dossier.extract.attribution.roster import Speaker
from dossier.extract.attribution.skips import (
    is_aside,
    is_time_end,
    np_word,
    skip_adverbs,
    skip_aside,
    skip_participle,
    skip_time,
)
from dossier.extract.gazetteer import Gazetteer

EN = lexicon.EN
# an abbreviation keeps its last full stop ("U.S.", "D.C."), other words end on a letter or digit
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,4}(?!\w)|[A-Za-z][\w'.\-]*[\w]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_SPACE = re.compile(r"\s")
_DETERMINER = re.compile(r"^(?:a|an|the|one)\b\s*", re.IGNORECASE)

# words that may stand in a speaker's noun phrase in lower case
CONNECTORS = EN.words("name_connectors")
DETERMINERS = EN.words("determiners")
_COUNT_WORDS = EN.words("count_words")
_RELATIVES = EN.words("relative_pronouns")
_PLACE_PREPOSITIONS = EN.words("place_prepositions")
_NAME_PREPOSITIONS = EN.words("name_prepositions")
_PARTY_WORDS = EN.words("party_words")
_OF = frozenset({"of", "for"})
_NAME_PARTICLES = EN.words("name_particles")
# a document is a source when the text points at one: "the assessment", "that data"
DOCUMENTS = EN.words("document_nouns")
DOCUMENT_OPENERS = EN.words("document_openers")
DOCUMENT_ADJECTIVES = EN.words("document_adjectives")  # "official figures": no owner
_POINTERS = DOCUMENT_OPENERS - DETERMINERS  # "that data", "one document": the phrase starts here
_LEADING = CONNECTORS - DETERMINERS  # no phrase starts with these
_TRAILING = CONNECTORS | DETERMINERS  # nor ends with these

# "sources familiar with the talks": a source's head and how it knows, kept whole as the speaker
POSTMODIFIED = re.compile(
    r"\b" + EN.guarded("source_postmodifiers") + r"\s",
    re.IGNORECASE,
)

# Bounds that keep every look-up linear in the article: how far back from a reporting verb its
# subject is read (characters), how deep "X of the Y of the Z said" is followed.
NP_WINDOW = 400
MAX_NP_DEPTH = 4

Span = tuple[int, int]


class _Speakers(Protocol):
    """What reading a subject asks of the speaker rules (``speakers.Resolver``)."""

    def speaker(self, start: int, end: int, unnamed: Span) -> Speaker | None:
        """The speaker the text ``start``-``end`` names, or None."""

    def remember_role(self, span: Span, role: str, unnamed: Span) -> None:
        """Give the person ``span`` names the role ``role``; returns nothing."""


def forward(article: Article, start: int, end: int) -> Span | None:
    """The noun phrase starting at ``start`` and ending by ``end`` ("according to X"); a known
    name that runs on past the phrase is taken whole."""
    span = _scan_forward(article.norm, start, end)
    if span is not None:
        span = article.name_running_past(span, end)
    return span


def _scan_forward(norm: str, start: int, end: int) -> Span | None:
    """The words of a noun phrase read from ``start``, as a span, or None."""
    # tokens are read one at a time: the phrase ends long before the sentence does
    tokens = _TOKEN.finditer(norm, start, end)
    kept: list[re.Match[str]] = []
    tok = next(tokens, None)
    while tok is not None:
        following = next(tokens, None)
        word = tok.group(0)
        if not kept and word.lower() in DETERMINERS:
            kept.append(tok)
        elif (
            not kept
            and word.lower() in _POINTERS
            and following is not None
            and following.group(0).lower() in DOCUMENTS
        ):
            kept.append(tok)  # "according to that data"
        elif kept and word.lower() in DOCUMENTS:
            kept.append(tok)  # "according to the report published in May"
        elif not kept and (word[0].isdigit() or word.lower() in _COUNT_WORDS):
            pass  # "according to two local officials"
        elif following is not None and word.lower() in CONNECTORS and _is_date(following):
            break  # "confirmed by the observatory on Sunday": the date is no part of it
        elif np_word(word) or (
            ((word.lower() in CONNECTORS and kept) or _is_modifier(word))
            and following is not None
            and (
                np_word(following.group(0))
                or (word.lower() in _OF and following.group(0).lower() in DETERMINERS)
            )
        ):
            kept.append(tok)  # "the press team of the Veloria Council": "of the" too
        else:
            break
        tok = following
    return _trim(kept)


class Subjects:
    """Reads the subject of a reporting verb, backward from the verb, in one article; asks
    ``speakers`` whether a phrase names a person, and gives a person the role an appositive
    says."""

    def __init__(self, article: Article, speakers: _Speakers) -> None:
        self.article = article
        self.speakers = speakers

    def before(
        self, sentence_start: int, verb_start: int, unnamed: Span, depth: int = 0
    ) -> Span | None:
        """The noun phrase ending before ``verb_start`` in the sentence at ``sentence_start``
        (``unnamed``: its anonymous sources): the verb's subject, or None."""
        if depth > MAX_NP_DEPTH:
            return None  # "X of the ruling Y of the ruling Z ... said": no speaker that deep
        norm = self.article.norm
        start = sentence_start
        if verb_start - sentence_start > NP_WINDOW:
            # read the last NP_WINDOW characters, from a space so that no word is cut
            space = _SPACE.search(norm, verb_start - NP_WINDOW, verb_start)
            start = space.start() if space else verb_start
        tokens = list(_TOKEN.finditer(norm, start, verb_start))
        i = len(tokens) - 1
        i = skip_adverbs(tokens, i)
        if i >= 1:
            last = tokens[i].group(0)
            if last in lexicon.PRONOUNS:
                return tokens[i].span()  # '"...," he said'
            if is_time_end(last):
                i = skip_adverbs(tokens, skip_time(tokens, i))  # "the army on Sunday said"
        acronym_end = None
        if i >= 3 and tokens[i].group(0) == ")" and tokens[i - 2].group(0) == "(":
            # "Ukraine's military intelligence (HUR) said", "the Front (TLF) has announced"
            acronym_end = tokens[i].end()
            tokens = tokens[: i - 2]
            i = skip_adverbs(tokens, len(tokens) - 1)
        while i >= 0 and tokens[i].group(0).lower().endswith("ly") and tokens[i].group(0).islower():
            i -= 1
        i = skip_aside(tokens, i)
        if (
            i >= 3
            and self.article.postmodified
            and POSTMODIFIED.search(norm, tokens[max(0, i - 12)].start(), tokens[i].end())
            and (span := _postmodified(self.article, tokens, i)) is not None
        ):
            return span  # "Two officials briefed on the talks said"
        i = skip_participle(tokens, i)
        if i >= 0 and tokens[i].group(0) == ",":
            return self._appositive(tokens, i, unnamed, depth)
        kept: list[re.Match[str]] = []
        if i >= 0 and tokens[i].group(0).lower() in DOCUMENTS:
            # "The assessment states", "one document suggests": the document's noun heads it
            kept.append(tokens[i])
            i -= 1
            while i >= 0 and tokens[i].group(0).lower() in DOCUMENT_ADJECTIVES:
                kept.insert(0, tokens[i])  # "the ministry's latest figures show"
                i -= 1
            if i >= 0 and tokens[i].group(0).lower() in _POINTERS:
                return tokens[i].start(), kept[0].end()
        while i >= 0:
            word = tokens[i].group(0)
            low = word.lower()
            if low in DETERMINERS:
                kept.insert(0, tokens[i])
                if i > 0 and tokens[i - 1].group(0).lower() in _NAME_PREPOSITIONS:
                    i -= 1  # "Institute for the Study of War": keep going
                    continue
                break
            if np_word(word) or (kept and ((low in CONNECTORS and i > 0) or _is_modifier(word))):
                kept.insert(0, tokens[i])
                i -= 1
                continue
            break
        if kept and kept[0].group(0).lower() in _LEADING:
            return None
        while len(kept) > 1 and (
            _is_count(kept[0].group(0)) or kept[0].group(0).lower() in _RELATIVES
        ):
            kept.pop(0)  # "Two district officials said", "What the agency says:"
        span = _trim(kept)
        # "Rep. Lee Seong-kweun of the ruling People Power Party told": the person speaks
        of_at = i - 1 if i >= 1 and tokens[i].group(0).lower() not in DETERMINERS else i
        while of_at >= 0 and tokens[of_at].group(0).lower() in _PARTY_WORDS:
            of_at -= 1
        if span and of_at >= 1 and tokens[of_at].group(0).lower() == "of":
            person = self.before(sentence_start, tokens[of_at].start(), unnamed, depth + 1)
            if person and norm[person[0]].isupper():
                found = self.speakers.speaker(*person, unnamed)
                if found is not None and found.kind == "person":
                    return person
        if span and acronym_end is not None:
            span = (span[0], acronym_end)
        if span and i >= 1 and tokens[i].group(0) == ",":
            i = _place_before_comma(self.article, tokens, i, span)
            if i < 0:
                span = None
            elif tokens[i + 1].start() < span[0]:
                span = tokens[i + 1].start(), span[1]
        if span and self.article.gazetteer.places.knows(norm[span[0] : span[1]]):
            # "diplomats in Addis Ababa estimated": the diplomats speak, not the city
            j = i
            if j >= 1 and tokens[j].group(0).lower() in _PLACE_PREPOSITIONS:
                return self.before(sentence_start, tokens[j].start(), unnamed, depth + 1)
            # "Japan said", "Tokyo expects": a state (or its capital) speaks; in "Peru said it
            # killed 300" the actor step reads the speaking state as the side that killed
            return span if is_state(self.article.gazetteer, norm[span[0] : span[1]]) else None
        return span

    def _appositive(
        self, tokens: list[re.Match[str]], comma: int, unnamed: Span, depth: int
    ) -> Span | None:
        """ "Lee Seong-kweun, a lawmaker on the committee, told ...": the name before the
        first comma, or None; the words between the commas are remembered as the role."""
        norm = self.article.norm
        j = comma - 1
        while j >= 0 and comma - j <= 14 and tokens[j].group(0) != ",":
            j -= 1
        if j < 1 or comma - j > 14:
            return None
        inner = (tokens[j + 1].start(), tokens[comma - 1].end())
        before = self.before(tokens[0].start(), tokens[j].start(), unnamed, depth + 1)
        inner_text = drop_determiner(norm[inner[0] : inner[1]])
        if is_aside(tokens[j + 1].group(0)) or inner_text.split(" ", 1)[0].lower() in _RELATIVES:
            # "a military spokesman, who asked not to be named, said": the phrase before;
            # so too "X, writing on ..., admitted" and "X, in a statement, said"
            return before
        if inner_text.split(" ", 1)[0].lower() in _RELATIVES:
            # "a military spokesman, who asked not to be named, said": the phrase before
            return before
        if _is_proper(inner_text):
            # "Ukraine's ombudsman, Dmytro Lubinets, told": the name is between the commas
            if before:
                role = drop_determiner(norm[before[0] : before[1]])
                self.speakers.remember_role(inner, role, unnamed)
            offset = norm[inner[0] : inner[1]].find(inner_text)
            return inner[0] + offset, inner[1]
        if before is None or not (
            norm[before[0]].isupper()
            or (self.article.postmodified and POSTMODIFIED.match(norm, before[0], before[1]))
        ):
            return None
        self.speakers.remember_role(before, inner_text, unnamed)
        return before


def _postmodified(article: Article, tokens: list[re.Match[str]], i: int) -> Span | None:
    """ "Three sources familiar with the talks" ending at token ``i``: the phrase from its
    count (or head noun) to token ``i``, when no punctuation stands after the head; else
    None."""
    norm = article.norm
    first = max(0, i - 12)
    found = None
    for match in POSTMODIFIED.finditer(norm, tokens[first].start(), tokens[i].end()):
        found = match  # the last one
    if found is None:
        return None
    k = i
    while k > first and tokens[k].start() >= found.end():
        if not tokens[k].group(0)[0].isalnum():
            return None  # "sources familiar with it say, and the army said"
        k -= 1
    head = found.start()
    while k >= 0 and tokens[k].start() >= head:
        k -= 1
    if k >= 0 and _is_count(tokens[k].group(0)):
        head = tokens[k].start()  # "Three sources familiar with ..."
    elif k >= 0 and np_word(tokens[k].group(0)) and tokens[k].group(0)[0].isupper():
        head = tokens[k].start()  # "Western officials briefed on ..."
    return head, tokens[i].end()


def _place_before_comma(
    article: Article, tokens: list[re.Match[str]], comma: int, span: Span
) -> int:
    """Where a place written with a comma ("Washington, D.C.") starts when ``span`` ends
    it: the index of the token before it; else ``comma``."""
    norm = article.norm
    first = comma
    while first >= 1 and comma - first < 3 and tokens[first - 1].group(0)[0].isupper():
        first -= 1
        if article.gazetteer.places.knows(norm[tokens[first].start() : span[1]]):
            return first - 1
    return comma


def _is_count(word: str) -> bool:
    """Whether ``word`` counts the people of a phrase: "two", "several", "12"."""
    return word[0].isdigit() or word.lower() in _COUNT_WORDS


def is_state(gazetteer: Gazetteer, text: str) -> bool:
    """Whether ``text`` names a place that also stands for a side: a state or its capital
    ("Japan", "Tokyo"), not a region or a town."""
    text = drop_determiner(text)
    return gazetteer.places.knows(text) and gazetteer.actors.knows(text)


def _is_date(token: re.Match[str]) -> bool:
    """Whether ``token`` is a day of the week or a month's name ("Sunday", "May")."""
    word = token.group(0)
    return word[0].isupper() and (word.endswith("day") or word.lower() in lexicon.MONTHS)


def _is_modifier(word: str) -> bool:
    """Whether ``word`` is a hyphenated lower-case modifier that may stand before a speaker's
    noun: "anti-government forces", "pro-Kyiv monitors"."""
    return "-" in word and word[0].islower() and word.replace("-", "").isalpha()


def trailing_name(words: list[str], gazetteer: Gazetteer) -> list[str]:
    """The capitalised words at the end of a noun phrase that are a person's name: not a title,
    not an organisation word, not a country or demonym, not a possessive; [] if none or more than
    four."""
    name: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if (
            not word[0].isupper()
            or low in lexicon.TITLES
            or low in lexicon.ORG_WORDS
            or word.endswith(("'s", "'"))
            or gazetteer.actors.knows(word)
            or gazetteer.places.knows(word)
        ):
            break
        name.insert(0, word)
    return name if len(name) <= 4 else []


def _is_proper(text: str) -> bool:
    """Whether ``text`` is a proper name: one to five capitalised words, no title among them."""
    words = text.split()
    return 0 < len(words) <= 5 and all(
        (w[0].isupper() or w in _NAME_PARTICLES) and w.lower() not in lexicon.TITLES for w in words
    )


def is_proper_org(text: str) -> bool:
    """Whether ``text`` is a capitalised multi-word name, connectors allowed: "Coordination
    Headquarters for the Treatment of Prisoners of War"."""
    words = [w for w in text.split() if w.lower() not in CONNECTORS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def drop_determiner(text: str) -> str:
    """``text`` stripped, without a leading "a", "an", "the" or "one"."""
    return _DETERMINER.sub("", text.strip())


def _trim(kept: list[re.Match[str]]) -> Span | None:
    """The span of the tokens ``kept`` without trailing connectors and articles, or None when
    nothing but articles is left."""
    while kept and kept[-1].group(0).lower() in _TRAILING:
        kept.pop()
    if not kept or all(t.group(0).lower() in DETERMINERS for t in kept):
        return None
    return kept[0].start(), kept[-1].end()
