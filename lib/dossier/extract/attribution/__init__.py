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
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from dossier.extract import lexicon
from dossier.extract.gazetteer import Gazetteer, Match

_TOKEN = re.compile(r"[A-Za-z][\w'.\-]*[\w]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_NP_LOWER = (
    lexicon.TITLES
    | lexicon.ORG_WORDS
    | lexicon.words(
        "military defence defense intelligence security spy main national senior top local "
        "regional state think tank official officials source sources analyst analysts expert "
        "experts monitor monitors monitoring group health war human rights independent "
        "western british american ukrainian russian korean south north opposition diplomatic "
        "diplomat diplomats observer observers investigator investigators commander commanders "
        "witness witnesses medic medics researcher researchers monitor spokesman spokeswoman "
        "european u.s. ombudsman rights human"
    )
)
_CONNECTORS = lexicon.words("of for the and on")
# Heads of role phrases that name one person: "Ukraine's spy chief", "the army's spokesman".
_ROLE_HEADS = lexicon.words(
    "chief head minister spokesman spokeswoman spokesperson commander envoy ombudsman director "
    "president secretary general ambassador governor lawmaker"
)
_DEFINITE_HEADS = lexicon.words(
    "experts report officials official ministry diplomats analysts spokesman spokeswoman "
    "spokesperson commander group movement militia rebels"
)
_COUNT_WORDS = lexicon.words("two three four five six several many some few")
_GROUP_HEADS = lexicon.words("group movement militia rebels organisation organization")
_DETERMINERS = lexicon.words("a an the")
_ADVERBS = lexicon.words(
    "further also later earlier previously again recently separately then now had has have "
    "has also had also publicly repeatedly"
)
_SAY = re.compile(r"\b(?:" + "|".join(sorted(lexicon.SAY_VERBS - {"according"})) + r")\b")
_ACCORDING = re.compile(
    # document nouns in lower case only: "the Institute for the Study of War" is a name
    r"\baccording\s+to\s+(?:(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?-i:report|statement"
    r"|assessment|estimate|estimates|briefing|document|analysis|tally|data|figures|count|study"
    r"|update)(?:\s+(?:published|released|issued|compiled|provided|seen))?\s+(?:by|from|of)\s+)?",
    re.IGNORECASE,
)
_AS_BY = re.compile(
    r"\bas\s+(?:noted|reported|stated|said|confirmed|indicated|estimated|cited|described|"
    r"assessed|claimed|announced|revealed|disclosed)\s+by\s+",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"[,\"']\s*(?P<np>[^,\"]{2,90}?)\s+(?:said|says|told\s+\w+(?:\s+\w+)?|added|noted|stated"
    r"|reported|claimed|estimated|confirmed|wrote|warned|announced)"
    r"(?:\s+(?:in|on|at|after|during|via|to)\b[^,;]{1,80}|\s+\w+day)?"
    r"(?:,\s*(?:speaking|citing|adding|according|quoting)\b[^;]{0,120})?\s*[.!?\"']*$"
)
_TRAILING_INVERTED = re.compile(
    r"[,\"']\s*(?:said|says|added|wrote|told\s+\w+)\s+(?P<np>[^,]{2,90}?)"
    r"(?:,\s*(?P<role>[^;]{2,140}?))?\s*[.!?\"']*$"
)
# An owner starts a word (scanning from every capital inside a long word would be quadratic).
_POSSESSIVE_ESTIMATE = re.compile(
    r"(?<![\w.\-])(?P<owner>[A-Z][\w.\-]*+(?:\s+[A-Z][\w.\-]*+){0,5})'s?\s+"
    r"(?:latest\s+|own\s+)?(?:estimate|"
    r"estimates|assessment|figures|data|tally|count|report|calculations)\b"
)
_ANONYMOUS = re.compile(lexicon.ANONYMOUS_SOURCES, re.IGNORECASE)
_TITLE_LEAD = re.compile(r"(?P<who>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}):\s")
_ESTIMATE_OF = re.compile(
    r"\b(?:estimate|estimates|assessment|figures|tally|count)\s+(?:of|by|from)\s+", re.IGNORECASE
)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*$")
_CITING = re.compile(rf"\b(?:{lexicon.CITING})\s+", re.IGNORECASE)
_WORD_RUN = re.compile(r"\w+")
_SPACE = re.compile(r"\s")
# Heads of "the ministry", "the group": the words a bare mention is resolved by.
_HEADS = lexicon.ORG_WORDS | _DEFINITE_HEADS
_PLAIN_HEADS = frozenset(h for h in _HEADS if _WORD_RUN.fullmatch(h))
_OTHER_HEADS = {h: re.compile(rf"\b{re.escape(h)}\b") for h in _HEADS - _PLAIN_HEADS}
# Bounds that keep every look-up linear in the article: how far back from a reporting verb its
# subject is read (characters), how far before the sentence end a trailing "..., X said." can
# start, how deep "X of the Y of the Z said" is followed, how many people a relayed sentence is
# checked against.
NP_WINDOW = 400
TRAILING_WINDOW = 600
MAX_NP_DEPTH = 4
MAX_RELAYS = 64


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


@functools.lru_cache(maxsize=4096)
def _mention_heads(mention: str) -> frozenset[str]:
    """The head words of :data:`_HEADS` that ``mention`` (lower case) holds as whole words."""
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
        if not self.mentions or self.mentions[-1] != mention:
            self.run_first.append(len(self.items))
        self.items.append(item)
        self.mentions.append(mention)
        self.run_of.append(len(self.run_first) - 1)


class _Roster:
    """Speakers in text order, indexed for what the rules ask of them in every sentence: the
    latest (or the first) whose mention holds a head word, the latest armed group, the latest
    person. Each answer is the one a walk over the whole list would give."""

    def __init__(self) -> None:
        self.items: list[Speaker] = []
        self.starts: list[int] = []
        self._heads: dict[str, _HeadList] = {}
        self._groups: list[int] = []
        self._people: list[int] = []

    def __len__(self) -> int:
        return len(self.items)

    def append(self, speaker: Speaker) -> None:
        k = len(self.items)
        self.items.append(speaker)
        self.starts.append(speaker.start)
        if speaker.kind == "group":
            self._groups.append(k)
        if speaker.kind == "person":
            self._people.append(k)
            return
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

    def people_latest_first(self):
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


def attribute(
    norm: str,
    sentences: list[tuple[int, int, int, str]],
    names: list[Match],
    gazetteer: Gazetteer,
) -> ArticleSources:
    """Return the sources of ``sentences`` ((start, end, paragraph_no, section) spans of the
    article text ``norm``, normalised for matching), given the article's name matches."""
    return _Article(norm, sentences, names, gazetteer).run()


class _Article:
    def __init__(self, norm, sentences, names, gazetteer):
        self.norm = norm
        self.sentences = sentences
        self.names = names
        self.name_starts = [m.start for m in names]  # names do not overlap: ends are in order
        self.name_spans = {(m.start, m.end) for m in names}
        self.person_names = [m for m in names if m.kind == "person"]
        self.person_name_ends = [m.end for m in self.person_names]
        self.gazetteer = gazetteer
        # full names of people, by their last and by their first word
        self.full_names: dict[str, set[str]] = {}
        for m in names:
            if m.kind == "person" and " " in m.canonical:
                self._add_full_name(m.canonical)
        self.roles: dict[str, str] = {}
        self.role_heads: dict[str, str] = {}  # last word of a role -> first person given it
        self.speakers = _Roster()  # the second pass's speakers, so far
        self.first_pass = _Roster()  # every speaker of the first pass
        self._candidate_cache: dict[int, list[tuple[str, tuple[int, int]]]] = {}
        self.says = list(_SAY.finditer(norm))  # one pass over the article
        self.say_starts = [m.start() for m in self.says]
        # one pass over the article, not one per sentence and pass
        hint = "report" in norm.lower() or "sources" in norm
        self.anonymous_spans = [m.span() for m in _ANONYMOUS.finditer(norm)] if hint else []
        self.anonymous_starts = [a for a, _ in self.anonymous_spans]
        self.anonymous_ends = [b for _, b in self.anonymous_spans]
        self._anonymous = (0, 0)  # the anonymous sources of the sentence being read
        self.people: list[Speaker] = []

    def _add_full_name(self, name: str) -> None:
        words = name.split()
        for word in (words[0], words[-1]):
            self.full_names.setdefault(word, set()).add(name)

    def _set_role(self, name: str, role: str) -> None:
        """Give ``name`` its role, unless it has one already."""
        if name not in self.roles:
            self.roles[name] = role
            if words := role.lower().split():
                self.role_heads.setdefault(words[-1], name)

    def _anonymous_in(self, start: int, end: int) -> tuple[int, int]:
        """The range of :attr:`anonymous_spans` that start in ``start``-``end``."""
        return (
            bisect.bisect_left(self.anonymous_starts, start),
            bisect.bisect_left(self.anonymous_starts, end),
        )

    def run(self) -> ArticleSources:
        # A first pass collects full names (a surname used before the full name still resolves)
        # and every speaker (a headline's ": ministry" names a body the text names later).
        for start, end, _, section in self.sentences:
            found = self._find(start, end, section)
            if found:
                self.first_pass.append(found)
                if found.kind == "person" and " " in found.name:
                    self._add_full_name(found.name)
        self.speakers, self.people = _Roster(), []
        results: list[Attribution] = []
        current: dict[int, Speaker] = {}  # paragraph_no -> last speaker
        for start, end, paragraph, section in self.sentences:
            speaker = self._find(start, end, section, pronouns=True)
            if speaker is not None:
                pronoun = self.norm[speaker.start : speaker.end].lower() in lexicon.PRONOUNS
                results.append(Attribution(speaker, "context" if pronoun else "sentence"))
                current[paragraph] = speaker
                self.speakers.append(speaker)
            elif self._is_anonymous(start, end):
                results.append(Attribution(is_anonymous=True))
            elif paragraph in current and section != "title":
                results.append(Attribution(current[paragraph], "context"))
            else:
                results.append(Attribution())
        cited = self._cited(results)
        return ArticleSources(results, cited, self.people)

    # --- finding a speaker in one sentence -----------------------------------------------------
    def _find(self, start: int, end: int, section: str, pronouns: bool = False) -> Speaker | None:
        """The speaker of the sentence at ``start``: the first candidate noun phrase that
        resolves to one."""
        self._anonymous = self._anonymous_in(start, end)
        for kind, span in self._candidates(start, end, section):
            if kind == "pronoun":
                if pronouns and (person := self._last_person(span[0])):
                    return Speaker(person.name, person.role, "person", *span)
                continue
            if (speaker := self._speaker(*span)) is not None:
                return speaker
        return None

    def _candidates(self, start: int, end: int, section: str) -> list[tuple[str, tuple[int, int]]]:
        """The noun phrases that may name the sentence's speaker, in the order of the rules.
        Found once per sentence: both passes over the article reuse them."""
        if start in self._candidate_cache:
            return self._candidate_cache[start]
        text = self.norm[start:end]
        found: list[tuple[str, tuple[int, int]]] = []
        matches = []
        if "ccording" in text:
            matches.append(_ACCORDING.search(text))
        if " by " in text:
            matches.append(_AS_BY.search(text))
        for match in matches:
            if match and (span := self._np_forward(start + match.end(), start + len(text))):
                found.append(("np", span))
        says = self.says[
            bisect.bisect_left(self.say_starts, start) : bisect.bisect_left(self.say_starts, end)
        ]
        for pattern in (_TRAILING, _TRAILING_INVERTED) if says else ():
            # both end at the sentence's end: no match starts further back than the window
            match = pattern.search(text, max(0, len(text) - TRAILING_WINDOW))
            if not match:
                continue
            s, e = start + match.start("np"), start + match.end("np")
            written = _PARENTHETICAL.sub("", self.norm[s:e])  # "Institute (RUSI)"
            span = self._np_forward(s, s + len(written))
            if not span or span[1] < s + len(written.rstrip()) - 1:
                continue
            if role := match.groupdict().get("role"):
                self._remember_role(span, _drop_determiner(role))
            pronoun = self.norm[span[0] : span[1]].lower() in lexicon.PRONOUNS
            found.append(("pronoun" if pronoun else "np", span))
        for match in says:
            if self._in_anonymous(match.start(), start):
                continue  # "Recent reports indicate": a source with no name, not a speaker
            span = self._np_backward(start, match.start())
            if span is None:
                continue
            pronoun = self.norm[span[0] : span[1]].lower() in lexicon.PRONOUNS
            found.append(("pronoun" if pronoun else "np", span))
        for match in _ESTIMATE_OF.finditer(text):
            if span := self._np_forward(start + match.end(), start + len(text)):
                found.append(("np", span))
        if "'s" in text:
            match = _POSSESSIVE_ESTIMATE.search(text)
            if match:
                found.append(("np", (start + match.start(), start + match.end("owner"))))
        if section == "title" and (lead := _TITLE_LEAD.match(text)):
            span = (start, start + lead.end("who"))
            if span in self.name_spans:
                found.append(("np", span))
        if section == "title" and ":" in text:
            colon = start + text.rindex(":") + 1
            span = self._np_forward(colon, start + len(text))
            if span and span[1] >= start + len(text.rstrip(" .")) - 1:
                found.append(("np", span))
        self._candidate_cache[start] = found
        return found

    def _is_anonymous(self, start: int, end: int) -> bool:
        first, stop = self._anonymous_in(start, end)
        return first < stop

    def _in_anonymous(self, position: int, sentence_start: int) -> bool:
        """Whether ``position`` lies in an anonymous source ("reports indicate") that starts in
        the sentence at ``sentence_start``."""
        i = bisect.bisect_right(self.anonymous_starts, position) - 1
        return (
            i >= 0
            and self.anonymous_starts[i] >= sentence_start
            and position < self.anonymous_ends[i]
        )

    # --- noun phrases ------------------------------------------------------------------------
    def _np_forward(self, start: int, end: int) -> tuple[int, int] | None:
        span = self._np_forward_scan(start, end)
        if span is not None:
            # "the Institute for the Study of War": a known name, whole. Names do not overlap,
            # so only the last one starting inside the span can run past its end.
            i = bisect.bisect_left(self.name_starts, span[1]) - 1
            if i >= 0:
                m = self.names[i]
                if span[0] <= m.start < span[1] and span[1] < m.end <= end:
                    span = (span[0], m.end)
        return span

    def _np_forward_scan(self, start: int, end: int) -> tuple[int, int] | None:
        # tokens are read one at a time: the phrase ends long before the sentence does
        tokens = _TOKEN.finditer(self.norm, start, end)
        kept: list[re.Match[str]] = []
        tok = next(tokens, None)
        while tok is not None:
            following = next(tokens, None)
            word = tok.group(0)
            if not kept and word.lower() in _DETERMINERS:
                kept.append(tok)
            elif not kept and (word[0].isdigit() or word.lower() in _COUNT_WORDS):
                pass  # "according to two local officials"
            elif _np_word(word) or (
                word.lower() in _CONNECTORS
                and kept
                and following is not None
                and _np_word(following.group(0))
            ):
                kept.append(tok)
            else:
                break
            tok = following
        return _trim(kept)

    def _np_backward(
        self, sentence_start: int, verb_start: int, depth: int = 0
    ) -> tuple[int, int] | None:
        """The noun phrase ending before ``verb_start``: the subject of a reporting verb."""
        if depth > MAX_NP_DEPTH:
            return None  # "X of the ruling Y of the ruling Z ... said": no speaker that deep
        start = sentence_start
        if verb_start - sentence_start > NP_WINDOW:
            # read the last NP_WINDOW characters, from a space so that no word is cut
            space = _SPACE.search(self.norm, verb_start - NP_WINDOW, verb_start)
            start = space.start() if space else verb_start
        tokens = list(_TOKEN.finditer(self.norm, start, verb_start))
        i = len(tokens) - 1
        acronym_end = None
        if i >= 3 and tokens[i].group(0) == ")" and tokens[i - 2].group(0) == "(":
            acronym_end = tokens[i].end()  # "Ukraine's military intelligence (HUR) said"
            tokens = tokens[: i - 2]
            i = len(tokens) - 1
        while i >= 0 and tokens[i].group(0).lower() in _ADVERBS | {"also"}:
            i -= 1
        while i >= 0 and tokens[i].group(0).lower().endswith("ly") and tokens[i].group(0).islower():
            i -= 1
        if i >= 0 and tokens[i].group(0) == ",":
            return self._appositive(tokens, i, depth)
        kept: list[re.Match[str]] = []
        while i >= 0:
            word = tokens[i].group(0)
            low = word.lower()
            if low in _DETERMINERS:
                kept.insert(0, tokens[i])
                if i > 0 and tokens[i - 1].group(0).lower() in ("of", "for", "on"):
                    i -= 1  # "Institute for the Study of War": keep going
                    continue
                break
            if _np_word(word) or (low in _CONNECTORS and kept and i > 0):
                kept.insert(0, tokens[i])
                i -= 1
                continue
            break
        if kept and kept[0].group(0).lower() in _CONNECTORS - _DETERMINERS:
            return None
        span = _trim(kept)
        # "Rep. Lee Seong-kweun of the ruling People Power Party told": the person speaks
        of_at = i - 1 if i >= 1 and tokens[i].group(0).lower() not in _DETERMINERS else i
        while of_at >= 0 and tokens[of_at].group(0).lower() in ("the", "ruling", "opposition"):
            of_at -= 1
        if span and of_at >= 1 and tokens[of_at].group(0).lower() == "of":
            person = self._np_backward(sentence_start, tokens[of_at].start(), depth + 1)
            if person and self.norm[person[0]].isupper():
                found = self._speaker(*person)
                if found is not None and found.kind == "person":
                    return person
        if span and acronym_end is not None:
            span = (span[0], acronym_end)
        if span and self.gazetteer.places.knows(self.norm[span[0] : span[1]]):
            # "diplomats in Addis Ababa estimated": the diplomats speak, not the city
            j = i
            if j >= 1 and tokens[j].group(0).lower() in ("in", "at", "from", "near"):
                return self._np_backward(sentence_start, tokens[j].start(), depth + 1)
            return None
        return span

    def _appositive(
        self, tokens: list[re.Match[str]], comma: int, depth: int
    ) -> tuple[int, int] | None:
        """ "Lee Seong-kweun, a lawmaker on the committee, told ...": the name before the
        first comma; the words between the commas are remembered as the role."""
        j = comma - 1
        while j >= 0 and comma - j <= 14 and tokens[j].group(0) != ",":
            j -= 1
        if j < 1 or comma - j > 14:
            return None
        inner = (tokens[j + 1].start(), tokens[comma - 1].end())
        before = self._np_backward(tokens[0].start(), tokens[j].start(), depth + 1)
        inner_text = _drop_determiner(self.norm[inner[0] : inner[1]])
        if inner_text.split(" ", 1)[0].lower() in ("who", "which", "whose"):
            # "a military spokesman, who asked not to be named, said": the phrase before
            return before
        if _is_proper(inner_text):
            # "Ukraine's ombudsman, Dmytro Lubinets, told": the name is between the commas
            if before:
                self._remember_role(inner, _drop_determiner(self.norm[before[0] : before[1]]))
            offset = self.norm[inner[0] : inner[1]].find(inner_text)
            return inner[0] + offset, inner[1]
        if before is None or not self.norm[before[0]].isupper():
            return None
        self._remember_role(before, inner_text)
        return before

    def _remember_role(self, span: tuple[int, int], role: str) -> None:
        speaker = self._speaker(*span)
        if speaker and speaker.kind == "person" and role:
            self._set_role(speaker.name, role)

    # --- canonical speakers ------------------------------------------------------------------
    def _speaker(self, start: int, end: int) -> Speaker | None:
        text = self.norm[start:end].strip()
        words = text.split()
        if not words:
            return None
        head = words[-1].lower().rstrip(".")
        if head in lexicon.NOT_SPEAKERS or len(words) > 12:
            return None
        first, stop = self._anonymous
        i = bisect.bisect_right(self.anonymous_ends, start, first, stop)
        if i < stop and self.anonymous_starts[i] < end:
            return None  # "unidentified ... sources": a source with no name
        content = [w for w in words if w.lower() not in _DETERMINERS]
        definite = bool(content) and len(content) <= 3
        if definite and (all(w.islower() for w in content) or content[-1].lower() in _ROLE_HEADS):
            found = self._definite(words, start, end)
            if found is not None:
                return found
        if words[0].lower() in lexicon.PRONOUNS | {"it", "they", "we", "i"}:
            return None
        first = bisect.bisect_left(self.name_starts, start)
        inside = [
            m for m in self.names[first : bisect.bisect_left(self.name_starts, end)] if m.end <= end
        ]
        if inside:
            match = max(inside, key=lambda m: (m.kind == "person", m.end - m.start))
            role = self.norm[start : match.start].strip(" ,") or None
            role = (_drop_determiner(role) if role else None) or None
            speaker = self._make(match.canonical, role, match.kind, start, end)
            return Speaker(speaker.name, speaker.role, speaker.kind, start, end, text)
        name_words = _trailing_name(words, self.gazetteer)
        before_name = words[-len(name_words) - 1].lower() if len(words) > len(name_words) else ""
        if name_words and before_name in _CONNECTORS:
            name_words = []  # "Institute for the Study of War": an organisation's name
        if name_words:
            name = " ".join(name_words)
            role = _drop_determiner(" ".join(words[: len(words) - len(name_words)])) or None
            name_start = start + self.norm[start:end].rstrip().rfind(name)
            return self._make(name, role, "person", name_start, name_start + len(name))
        canonical = _drop_determiner(text)
        owner = re.match(r"^[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*'s?\s+(?P<rest>.+)$", canonical)
        if owner and _is_proper_org(owner.group("rest")):
            canonical = owner.group("rest")  # "Ukraine's Coordination Headquarters for ..."
        kind = "organisation" if any(w.lower() in lexicon.ORG_WORDS for w in words) else "unnamed"
        if kind == "unnamed" and not any(
            w.lower() in _NP_LOWER or w[0].isupper() for w in words[-1:]
        ):
            return None
        return Speaker(canonical, None, kind, start, end, text)

    def _definite(self, words: list[str], start: int, end: int) -> Speaker | None:
        """ "the agency", "the military", a headline's bare "ministry": the latest speaker whose
        mention holds the same head word, else the first one later in the article. A role
        ("Ukraine's spy chief") resolves to the person given that role in the article."""
        head = words[-1].lower()
        if head in _ROLE_HEADS and (name := self.role_heads.get(head)) is not None:
            role = self.roles[name]  # the first person given a role ending in this word
            return Speaker(name, role, "person", start, end, " ".join(words))
        if words[0].lower() not in ("the", "its") and len(words) > 1:
            return None
        if head not in _HEADS:
            return None
        earlier = self.speakers.before(start)
        first_pass = self.first_pass
        if head in _GROUP_HEADS:  # "the group said": the armed group that spoke last
            sp = first_pass.latest_group(len(first_pass), start) or self.speakers.latest_group(
                earlier, start
            )
            if sp is not None:
                return Speaker(sp.name, sp.role, sp.kind, start, end, sp.mention)
        # the latest earlier speaker with that head word, else the first in the article; not
        # itself, nor another bare mention that resolved to nothing
        mention = " ".join(words).lower()
        sp = self.speakers.latest_with(head, earlier, mention) or first_pass.first_with(
            head, start, mention
        )
        if sp is not None:
            return Speaker(sp.name, sp.role, sp.kind, start, end, sp.mention)
        return None

    def _make(self, name: str, role: str | None, kind: str, start: int, end: int) -> Speaker:
        """A speaker; for people, the span is the name as written and the name is resolved to
        the full name seen in the article."""
        if kind == "person":
            if " " not in name:
                # a surname alone; family names come first in Korean or Chinese names
                full = self.full_names.get(name, ())
                if len(full) == 1:
                    name = next(iter(full))
            if role:
                self._set_role(name, role)
            role = role or self.roles.get(name)
        speaker = Speaker(name, role, kind, start, end)
        if kind == "person" and not self._name_starts_at(start):
            self.people.append(speaker)
        return speaker

    def _name_starts_at(self, position: int) -> bool:
        i = bisect.bisect_left(self.name_starts, position)
        return i < len(self.name_starts) and self.name_starts[i] == position

    def _last_person(self, before: int) -> Speaker | None:
        if (speaker := self.speakers.latest_person(before)) is not None:
            return speaker
        named = bisect.bisect_right(self.person_name_ends, before)
        if named:
            last = self.person_names[named - 1]
            return Speaker(last.canonical, self.roles.get(last.canonical), "person", 0, 0)
        return None

    # --- relayed figures ---------------------------------------------------------------------
    def _cited(self, results: list[Attribution]) -> dict[str, str]:
        cited: dict[str, str] = {}
        for (start, end, _, _), result in zip(self.sentences, results, strict=True):
            match = _CITING.search(self.norm, start, end)
            if not match:
                continue
            span = self._np_forward(match.end(), end)
            origin = self._speaker(*span) if span else None
            if origin is None:
                continue
            relay = result.speaker
            if relay is None or relay.name == origin.name:
                relay = self._person_named_in(start, end, exclude=origin.name)
            if relay is not None and relay.name != origin.name:
                cited.setdefault(relay.name, origin.name)
        return cited

    def _person_named_in(self, start: int, end: int, exclude: str) -> Speaker | None:
        """The latest person speaker (of the last :data:`MAX_RELAYS` distinct people) whose
        surname the sentence at ``start`` names."""
        text = self.norm[start:end]
        tried: set[str] = set()
        for speaker in self.speakers.people_latest_first():
            if speaker.name == exclude or speaker.name in tried:
                continue
            if len(tried) >= MAX_RELAYS:
                break
            tried.add(speaker.name)
            last = speaker.name.split()[-1]
            if re.search(rf"\b{re.escape(last)}\b", text):
                return speaker
        return None


def _np_word(word: str) -> bool:
    if word[0].isupper():
        return True
    low = word.lower()
    return (
        low in _NP_LOWER or low.endswith("-based") or (low.endswith("'s") and low[:-2] in _NP_LOWER)
    )


def _trailing_name(words: list[str], gazetteer: Gazetteer) -> list[str]:
    """The capitalised words at the end of a noun phrase that are a person's name: not a title,
    not an organisation word, not a country or demonym, not a possessive."""
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
        (w[0].isupper() or w in ("al", "bin", "de", "van", "von"))
        and w.lower() not in lexicon.TITLES
        for w in words
    )


def _is_proper_org(text: str) -> bool:
    """A capitalised multi-word name, connectors allowed: "Coordination Headquarters for the
    Treatment of Prisoners of War"."""
    words = [w for w in text.split() if w.lower() not in _CONNECTORS]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


def _drop_determiner(text: str) -> str:
    return re.sub(r"^(?:a|an|the|one)\b\s*", "", text.strip(), flags=re.IGNORECASE)


def _trim(kept: list[re.Match[str]]) -> tuple[int, int] | None:
    while kept and kept[-1].group(0).lower() in _CONNECTORS | _DETERMINERS:
        kept.pop()
    if not kept or all(t.group(0).lower() in _DETERMINERS for t in kept):
        return None
    return kept[0].start(), kept[-1].end()
