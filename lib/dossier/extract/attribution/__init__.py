"""Who a sentence's figures are sourced to.

Per sentence, in this order: "according to X"; "as noted/reported/... by X"; a trailing
"..., X said." or "..., said X."; "X said/told/estimated/... (that)" with X the noun phrase
before the verb (adverbs such as "further" skipped; an appositive "X, a lawmaker, said" gives X
and the role); "X's estimate"; a headline ending ": X". "He"/"She" resolve to the last person
named before. A sentence whose source is anonymous ("reports indicate", "it has been reported",
"unnamed sources") has no speaker and inherits none; any other sentence without a speaker inherits
the nearest speaker of the earlier sentences of its paragraph (``attribution_in = "context"``).

Names are canonicalised with ``data/aliases.csv``, then a surname alone maps to the full name of a
person named anywhere in the same article, and "the ministry" to the last organisation speaker
whose name holds "ministry". A relayed figure ("Park, citing a briefing by the defence
ministry") keeps its speaker and records the origin as ``cited_source`` for that speaker's figures
in the article.

The article is read twice: a first pass scans it for speakers (the roster, and the full names a
surname said earlier resolves to), a second resolves each sentence's speaker against that roster.
:mod:`.article` indexes the text once, :mod:`.finders` holds the per-sentence rules,
:mod:`.phrases` reads noun phrases, :mod:`.speakers` makes them canonical speakers,
:mod:`.roster` indexes the speakers found, :mod:`.relays` finds cited sources. The words the rules
use are in ``data/lexicon/en/``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dossier.extract import lexicon
from dossier.extract.attribution import relays
from dossier.extract.attribution.article import Article
from dossier.extract.attribution.finders import TRAILING_WINDOW, Finders
from dossier.extract.attribution.phrases import MAX_NP_DEPTH, NP_WINDOW, Subjects
from dossier.extract.attribution.relays import MAX_RELAYS
from dossier.extract.attribution.roster import Roster, Speaker
from dossier.extract.attribution.speakers import Candidate, People, Resolver
from dossier.extract.gazetteer import Gazetteer, Match

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
    for start, end, paragraph, section in sentences:
        unnamed = article.anonymous_in(start, end)
        speaker = resolver.first(candidates[start], unnamed, pronouns=True)
        if speaker is not None:
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
    return results
