"""Who a sentence's figures are sourced to.

Per sentence, in this order: "according to X"; "as noted/reported/... by X" and a passive "was
confirmed by X"; a trailing "..., X said." (or "- X writes.") or "..., said X (on Monday)."; "X
said/told/estimated/accused/released a statement ... (that)" with X the noun phrase before the verb
(adverbs and asides such as "further", "in particular" skipped; an appositive "X, a lawmaker, said"
gives X and the role); "X's estimate"; in a headline (or a line that does not close like a
sentence) a leading "X: ...", a trailing ": X" or "..., X Reports". A document the text points at
("the assessment states", "according to that data") is a source of its own. In "X adds that
according to Y", X speaks and Y is the origin. A state or its capital speaks ("Japan said"; "Tokyo
expects" is Japan once Japan has spoken); asides before the verb ("X, writing on ..., admitted", "X
reached by phone disputed") are skipped; a body's role phrase is kept whole ("an M23 spokesman"); a
headline's "X Says ...", "Minister: ..." (the person given that role) and "... - Army" (the body so
named) are read; the items of a list take the speaker of its "X says:" line. "He"/"She" resolve to
the last person named before, or to a role speaker ("a spokesman") named after that person. A
sentence whose source is anonymous ("reports indicate", "it has been reported", "unnamed sources")
has no speaker and inherits none; any other sentence without a speaker inherits the nearest speaker
of the earlier sentences of its paragraph, the speaker of a following "This was stated by X", or
the speaker who closes its paragraph ("..., X said.") (``attribution_in = "context"``). A quote
that runs over sentences takes the speaker named after its closing mark ('"... 600. But ...
2,000," X told reporters'), and a sentence with no speaker takes the one the next sentence of its
paragraph opens with ("The army said / did not give details ..."), when that one spoke before.

Names are canonicalised with ``data/aliases.csv`` (a body the text describes in words that
share none with its canonical name, "Sudan's army", keeps the text's words), then a surname
alone maps to the full name of a person named anywhere in the same article, and "the ministry" to
the last organisation speaker whose name holds "ministry". A relayed figure ("Park, citing a
briefing by the defence ministry") keeps its speaker and records the origin as ``cited_source``
for that speaker's figures in the article.

The article is read twice: a first pass scans it for speakers (the roster, and the full names a
surname said earlier resolves to), a second resolves each sentence's speaker against that roster.
:mod:`.article` indexes the text once, :mod:`.finders` holds the per-sentence rules,
:mod:`.phrases` reads noun phrases, :mod:`.speakers` makes them canonical speakers,
:mod:`.roster` indexes the speakers found, :mod:`.relays` finds cited sources. The words the rules
use are in ``data/lexicon/en/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.extract import lexicon
from dossier.extract.attribution import relays
from dossier.extract.attribution.article import Article
from dossier.extract.attribution.finders import (
    BACK_REFERENCE,
    TRAILING_WINDOW,
    Finders,
    trailing_start,
)
from dossier.extract.attribution.phrases import MAX_NP_DEPTH, NP_WINDOW, Subjects
from dossier.extract.attribution.relays import MAX_RELAYS
from dossier.extract.attribution.roster import Roster, Speaker
from dossier.extract.attribution.speakers import Candidate, People, Resolver
from dossier.extract.gazetteer import Gazetteer, Match

# a sentence that opens with a speaker saying what it did not give: "The army did not give details"
_WITHHELD = re.compile(
    r"\s*(?P<np>[A-Z][\w'.\-]*(?:\s+[\w'.\-]+){0,5}?)\s+(?:also\s+)?(?:"
    + lexicon.EN.pattern("withheld_phrases")
    + r")\b"
)
# a list item: "- 300 killed;", "* 40 captured"
_BULLET = re.compile(r"\s*[-*\u2022\u2013]\s")

__all__ = [
    "MAX_NP_DEPTH",
    "MAX_RELAYS",
    "NP_WINDOW",
    "TRAILING_WINDOW",
    "ArticleSources",
    "Attribution",
    "Speaker",
    "attribute",
]


@dataclass
class Attribution:
    """A sentence's source: the speaker, where it was found, and whether the sentence names an
    anonymous source instead."""

    speaker: Speaker | None = None
    found_in: str | None = None  # "sentence" | "context"
    is_anonymous: bool = False


@dataclass
class ArticleSources:
    """Every sentence's attribution in one article, plus what the article says about its people."""

    sentences: list[Attribution]
    cited: dict[str, str] = field(default_factory=dict)  # speaker name -> origin
    people: list[Speaker] = field(default_factory=list)  # speakers found by rule, for entities


def attribute(
    norm: str,
    sentences: list[tuple[int, int, int, str]],
    names: list[Match],
    gazetteer: Gazetteer,
) -> ArticleSources:
    """Return the sources of ``sentences`` ((start, end, paragraph_no, section) spans of the
    article text ``norm``, normalised for matching), given the article's name matches."""
    article = Article(norm, names, gazetteer)
    known = People(names)
    first_pass, candidates = _scan(article, known, sentences)
    resolver = Resolver(article, known, first_pass, Roster())
    results = _resolve(article, resolver, sentences, candidates)
    # an origin is resolved with the anonymous sources of the article's last sentence: those of
    # the sentence read last, as the rules have always done
    unnamed = article.anonymous_in(*sentences[-1][:2]) if sentences else (0, 0)
    speakers = [result.speaker for result in results]
    cited = relays.cited(article, resolver, sentences, speakers, unnamed)
    return ArticleSources(results, cited, resolver.people)


def _scan(
    article: Article, known: People, sentences: list[tuple[int, int, int, str]]
) -> tuple[Roster, dict[int, list[Candidate]]]:
    """The first pass: every speaker the rules find (a headline's ": ministry" names a body the
    text names later), with the full names of the people among them added to ``known`` (a
    surname used before the full name still resolves); and each sentence's candidate phrases,
    by sentence start, found once for both passes."""
    first_pass = Roster()
    resolver = Resolver(article, known, first_pass, Roster())  # no speakers of its own pass
    finders = Finders(article, Subjects(article, resolver), resolver)
    candidates: dict[int, list[Candidate]] = {}
    for start, end, _, section in sentences:
        unnamed = article.anonymous_in(start, end)
        if start not in candidates:
            candidates[start] = finders.candidates(start, end, section, unnamed)
        found = resolver.first(candidates[start], unnamed, pronouns=False)
        if found:
            first_pass.append(found)
            if found.kind == "person" and " " in found.name:
                known.add_full_name(found.name)
    return first_pass, candidates


def _resolve(
    article: Article,
    resolver: Resolver,
    sentences: list[tuple[int, int, int, str]],
    candidates: dict[int, list[Candidate]],
) -> list[Attribution]:
    """The second pass: each sentence's attribution, its speakers added to ``resolver.speakers``
    as they are found."""
    results: list[Attribution] = []
    current: dict[int, Speaker] = {}  # paragraph_no -> last speaker
    lead_in: Speaker | None = None  # the speaker of a list's opening line ("X says:")
    for start, end, paragraph, section in sentences:
        unnamed = article.anonymous_in(start, end)
        speaker = resolver.first(candidates[start], unnamed, pronouns=True)
        item = _BULLET.match(article.norm, start, end) is not None
        if not item:
            opens_list = article.norm[start:end].rstrip().endswith(":") and section != "title"
            lead_in = speaker if opens_list else None
        if speaker is None and item and lead_in is not None and unnamed[0] == unnamed[1]:
            results.append(Attribution(lead_in, "context"))  # an item of "X says: - ..."
        elif speaker is not None:
            pronoun = article.norm[speaker.start : speaker.end].lower() in lexicon.PRONOUNS
            results.append(Attribution(speaker, "context" if pronoun else "sentence"))
            current[paragraph] = speaker
            resolver.speakers.append(speaker)
        elif unnamed[0] < unnamed[1]:  # an anonymous source starts in the sentence
            results.append(Attribution(is_anonymous=True))
        elif paragraph in current and section != "title":
            results.append(Attribution(current[paragraph], "context"))
        else:
            results.append(Attribution())
    _refer_back(article, sentences, results)
    _close_paragraphs(article, sentences, results)
    _close_quotes(article, sentences, results)
    _lead_in_next(article, resolver, sentences, results)
    return results


def _lead_in_next(
    article: Article,
    resolver: Resolver,
    sentences: list[tuple[int, int, int, str]],
    results: list[Attribution],
) -> None:
    """A sentence with no speaker (nor an anonymous one) takes the speaker the next sentence of
    its paragraph opens with, when that speaker spoke earlier in the article: "... one was
    killed outside. The army said / did not give details ..." (the army, again). Returns
    nothing, ``results`` is changed in place."""
    norm = article.norm
    spoken: set[str] = set()
    for i in range(len(sentences) - 1):
        here = results[i]
        start, end, paragraph, _ = sentences[i + 1]
        if (
            here.speaker is None
            and not here.is_anonymous
            and sentences[i][3] != "title"
            and paragraph == sentences[i][2]
            and spoken
        ):
            after = results[i + 1]
            speaker = None
            if after.speaker is not None:
                if after.found_in == "sentence" and not norm[start : after.speaker.start].strip():
                    speaker = after.speaker  # "The ministry elaborated that ..."
            elif not after.is_anonymous and (withheld := _WITHHELD.match(norm, start, end)):
                unnamed = article.anonymous_in(start, end)
                speaker = resolver.speaker(start, withheld.end("np"), unnamed)
            if speaker is not None and speaker.name in spoken:
                results[i] = Attribution(speaker, "context")
        if here.speaker is not None and here.found_in == "sentence":
            spoken.add(here.speaker.name)


def _close_quotes(
    article: Article, sentences: list[tuple[int, int, int, str]], results: list[Attribution]
) -> None:
    """A quote that runs over sentences and is closed by its relayer ('X said "... 600. But
    ... 2,000," Y told reporters') gives Y to the sentences before the closing one, back to the
    one that opened the quote, even when that one names a speaker of its own (Y relays it);
    not to a sentence with an anonymous source. Returns nothing, ``results`` is changed in
    place."""
    norm = article.norm
    if '"' not in norm:
        return
    opened: int | None = None  # the sentence that opened the quote still open
    for i, (start, end, paragraph, section) in enumerate(sentences):
        if i and sentences[i - 1][2] != paragraph:
            opened = None  # a quote does not run over a paragraph's end
        if section == "title" or norm.find('"', start, end) < 0:
            continue
        marks = norm.count('"', start, end)
        if opened is None:
            if marks % 2:
                opened = i
            continue
        if marks % 2 == 0:
            continue  # closes and opens again: no relayer of the quote before
        closing = norm.find('"', start, end)
        speaker = results[i].speaker
        if speaker is not None and closing < speaker.start < end:
            for j in range(opened, i):
                if not results[j].is_anonymous:
                    results[j] = Attribution(speaker, "context")
        opened = None


def _close_paragraphs(
    article: Article, sentences: list[tuple[int, int, int, str]], results: list[Attribution]
) -> None:
    """A paragraph that ends on "..., X said." (a quote closed by its speaker) gives X to the
    sentences before it that name no speaker (nor an anonymous one), back to the paragraph's
    start or its previous speaker; returns nothing, ``results`` is changed in place."""
    for i, (start, end, paragraph, section) in enumerate(sentences):
        speaker = results[i].speaker
        last = i + 1 == len(sentences) or sentences[i + 1][2] != paragraph
        if not last or section == "title" or speaker is None or results[i].found_in != "sentence":
            continue
        at = trailing_start(article.norm[start:end])
        if at is None or speaker.start < start + at:
            continue
        j = i - 1
        while j >= 0 and sentences[j][2] == paragraph and results[j].speaker is None:
            if results[j].is_anonymous:
                break
            results[j] = Attribution(speaker, "context")
            j -= 1


def _refer_back(
    article: Article, sentences: list[tuple[int, int, int, str]], results: list[Attribution]
) -> None:
    """A sentence opening "This was stated by X" gives X to the sentence before it, when that
    one names no speaker of its own (nor an anonymous one) and is no headline; returns
    nothing, ``results`` is changed in place."""
    for i in range(1, len(sentences)):
        start, end, _, _ = sentences[i]
        speaker = results[i].speaker
        before = results[i - 1]
        if (
            speaker is None
            or results[i].found_in != "sentence"
            or before.found_in == "sentence"
            or before.is_anonymous
            or sentences[i - 1][3] == "title"
            or not BACK_REFERENCE.match(article.norm, start, end)
        ):
            continue
        results[i - 1] = Attribution(speaker, "context")
