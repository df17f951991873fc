"""The cue words of one language, compiled from ``data/lexicon/<language>/`` for the window
reader (:mod:`dossier.extract.window.reader`).

Every list is a patterns or categories list (``data/lexicon/README.md``); a word may be a stem
with its endings (``Soldat\\w*``, ``погибш\\w+``). Korean writes its particles and endings on the
word, so no list there needs a word boundary at its end (``inflection.txt`` says which endings a
name may carry).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from dossier import paths
from dossier.extract import gazetteer
from dossier.extract.lexicon import Lexicon, load
from dossier.extract.window.numbers import Grammar, grammar
from dossier.text import for_matching, trie_regex

_FLAGS = re.IGNORECASE


REQUIRED = ("number_words", "head_nouns")  # without these a folder reads no figure


def _has(lexicon: Lexicon, name: str) -> bool:
    """Whether the language has the list ``name`` with an entry; a list it lacks is empty."""
    return (lexicon.folder / f"{name}.txt").is_file() and bool(lexicon.lines(name))


def _any(lexicon: Lexicon, name: str, bounded: bool) -> re.Pattern[str]:
    """A patterns list as one regex, whole words unless the language writes endings on."""
    pattern = lexicon.pattern(name) if _has(lexicon, name) else "(?!)"
    if bounded:
        return re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", _FLAGS)
    return re.compile(rf"(?:{pattern})", _FLAGS)


def _wrapped(lexicon: Lexicon, name: str, template: str, flags: int = _FLAGS) -> re.Pattern[str]:
    """A patterns list put into ``template`` at ``{}``; a list the language lacks matches
    nothing."""
    if not _has(lexicon, name):
        return re.compile("(?!)")
    return re.compile(template.replace("{}", lexicon.pattern(name)), flags)


def _kinds(lexicon: Lexicon, name: str, bounded: bool) -> list[tuple[str, re.Pattern[str]]]:
    edge = (r"(?<!\w)", r"(?!\w)") if bounded else ("", "")
    if not _has(lexicon, name):
        return []
    return [
        (kind, re.compile(rf"{edge[0]}(?:{p}){edge[1]}", _FLAGS))
        for kind, p in lexicon.categories(name)
    ]


@dataclass(frozen=True, eq=False)
class Cues:
    """One language's compiled cue lists."""

    language: str
    numbers: Grammar
    heads: list[tuple[str, re.Pattern[str]]]  # kind of head noun -> its words
    predicates: list[tuple[str, re.Pattern[str]]]  # category -> casualty verbs and nouns
    reinforcement: re.Pattern[str]
    deployment: re.Pattern[str]
    total: re.Pattern[str]  # a cue that a force figure is the whole force, waves included
    continuation: re.Pattern[str]  # "of them", "among them": a figure breaking down the last
    partitive: re.Pattern[str]  # what joins a part to its whole: "800 dei 9mila"
    rate: re.Pattern[str]
    hedges: re.Pattern[str]
    conjunction: re.Pattern[str]
    clause_breaks: re.Pattern[str]
    speaker_before: re.Pattern[str]  # "laut NP", "selon NP": the speaker follows
    speaker_after: re.Pattern[str]  # "NP zufolge", "NP에 따르면": the speaker comes first
    say_verbs: re.Pattern[str]
    actors: list[tuple[str, re.Pattern[str]]]
    destination_before: re.Pattern[str]  # "nach", "a", "до": the side after it is a destination
    destination_after: re.Pattern[str]  # Korean "에": the side before it is a destination
    times: re.Pattern[str]
    names: re.Pattern[str] | None
    name_entries: dict[str, tuple[str, bool]]
    determiners: frozenset[str]  # words a speaker's phrase does not start or end with
    bounded: bool


@functools.cache
def cues(language: str) -> Cues:
    """The compiled cues of ``language``; LookupError when it has no folder of them."""
    lexicon = load(language)
    missing = [name for name in REQUIRED if not _has(lexicon, name)]
    if missing:
        raise LookupError(f"{lexicon.folder} lacks {', '.join(missing)}")
    bounded = not _has(lexicon, "writes_endings_on")
    any_, kinds = (lambda n: _any(lexicon, n, bounded)), (lambda n: _kinds(lexicon, n, bounded))
    names, entries = _names(lexicon)
    return Cues(
        language=language,
        numbers=grammar(lexicon),
        heads=kinds("head_nouns"),
        predicates=kinds("casualty_predicates"),
        reinforcement=any_("reinforcement_cues"),
        deployment=any_("deployment_cues"),
        total=any_("total_cues"),
        continuation=any_("continuation_cues"),
        partitive=_wrapped(lexicon, "partitives", r"\s*(?:{})\s*"),
        rate=any_("rate"),
        hedges=any_("hedges"),
        conjunction=_any(lexicon, "conjunctions", False),  # it starts and ends with spaces
        clause_breaks=_wrapped(lexicon, "clause_breaks", "(?:{})", flags=0),
        speaker_before=_any(lexicon, "speaker_before", True),
        speaker_after=_any(lexicon, "speaker_after", bounded),
        say_verbs=any_("say_verbs"),
        actors=kinds("actors"),
        destination_before=_wrapped(lexicon, "destination_before", r"(?<!\w)(?:{})\s+\Z"),
        destination_after=_wrapped(lexicon, "destination_after", "(?:{})"),
        times=any_("time"),
        names=names,
        name_entries=entries,
        determiners=lexicon.words("determiners") if _has(lexicon, "determiners") else frozenset(),
        bounded=bounded,
    )


def _names(lexicon: Lexicon) -> tuple[re.Pattern[str] | None, dict[str, tuple[str, bool]]]:
    """The people and bodies of ``data/aliases.csv`` as one regex that lets a name take the
    language's endings ("Буданова", "국정원은"), and alias -> (canonical, is written in
    capitals)."""
    entries, names = _aliases()
    if not entries:
        return None, entries
    endings = lexicon.pattern("inflection") if _has(lexicon, "inflection") else ""
    ending = f"(?:{endings})?" if endings else ""
    regex = rf"(?<!\w)(?P<name>{names}){ending}(?!\w)"
    return re.compile(regex, _FLAGS), entries


@functools.cache
def _aliases() -> tuple[dict[str, tuple[str, bool]], str]:
    """alias -> (canonical, is written in capitals), and the aliases as one trie regex: read
    once for every language (the trie alone takes longer to build than most cue lists)."""
    entries: dict[str, tuple[str, bool]] = {}
    for row in gazetteer.rows(paths.DATA_DIR / "aliases.csv"):
        written = for_matching(row["alias"].strip())
        if written and row["canonical_name"].strip():
            capitals = written.isupper() and len(written) <= 6
            entries.setdefault(written.casefold(), (row["canonical_name"].strip(), capitals))
    return entries, trie_regex(sorted(entries)) if entries else ""
