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

import re
from dataclasses import dataclass, field

from dossier import lexicon
from dossier.gazetteer import Gazetteer, Match

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
_POSSESSIVE_ESTIMATE = re.compile(
    r"(?P<owner>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,5})'s?\s+(?:latest\s+|own\s+)?(?:estimate|"
    r"estimates|assessment|figures|data|tally|count|report|calculations)\b"
)
_ANONYMOUS = re.compile(lexicon.ANONYMOUS_SOURCES, re.IGNORECASE)
_TITLE_LEAD = re.compile(r"(?P<who>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}):\s")
_ESTIMATE_OF = re.compile(
    r"\b(?:estimate|estimates|assessment|figures|tally|count)\s+(?:of|by|from)\s+", re.IGNORECASE
)
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*$")
_CITING = re.compile(rf"\b(?:{lexicon.CITING})\s+", re.IGNORECASE)


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
        self.gazetteer = gazetteer
        self.full_names = {m.canonical for m in names if m.kind == "person" and " " in m.canonical}
        self.roles: dict[str, str] = {}
        self.speakers: list[Speaker] = []
        self._candidate_cache: dict[int, list[tuple[str, tuple[int, int]]]] = {}
        self.says = list(_SAY.finditer(norm))  # one pass over the article
        # one pass over the article, not one per sentence and pass
        hint = "report" in norm.lower() or "sources" in norm
        self.anonymous_spans = [m.span() for m in _ANONYMOUS.finditer(norm)] if hint else []
        self.people: list[Speaker] = []

    def run(self) -> ArticleSources:
        # A first pass collects full names (a surname used before the full name still resolves)
        # and every speaker (a headline's ": ministry" names a body the text names later).
        self.first_pass: list[Speaker] = []
        for start, end, _, section in self.sentences:
            found = self._find(start, end, section)
            if found:
                self.first_pass.append(found)
                if found.kind == "person" and " " in found.name:
                    self.full_names.add(found.name)
        self.first_roles = dict(self.roles)
        self.speakers, self.people = [], []
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
        self._anonymous = [(a, b) for a, b in self.anonymous_spans if start <= a < end]
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
        says = [m for m in self.says if start <= m.start() < end]
        for pattern in (_TRAILING, _TRAILING_INVERTED) if says else ():
            match = pattern.search(text)
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
        anonymous = [(a, b) for a, b in self.anonymous_spans if start <= a < end]
        for match in says:
            if any(a <= match.start() < b for a, b in anonymous):
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
            if any(m.start == span[0] and m.end == span[1] for m in self.names):
                found.append(("np", span))
        if section == "title" and ":" in text:
            colon = start + text.rindex(":") + 1
            span = self._np_forward(colon, start + len(text))
            if span and span[1] >= start + len(text.rstrip(" .")) - 1:
                found.append(("np", span))
        self._candidate_cache[start] = found
        return found

    def _is_anonymous(self, start: int, end: int) -> bool:
        return any(start <= a < end for a, _ in self.anonymous_spans)

    # --- noun phrases ------------------------------------------------------------------------
    def _np_forward(self, start: int, end: int) -> tuple[int, int] | None:
        span = self._np_forward_scan(start, end)
        if span is not None:
            for m in self.names:  # "the Institute for the Study of War": a known name, whole
                if span[0] <= m.start < span[1] and span[1] < m.end <= end:
                    span = (span[0], m.end)
        return span

    def _np_forward_scan(self, start: int, end: int) -> tuple[int, int] | None:
        tokens = list(_TOKEN.finditer(self.norm, start, end))
        kept: list[re.Match[str]] = []
        for i, tok in enumerate(tokens):
            word = tok.group(0)
            if not kept and word.lower() in _DETERMINERS:
                kept.append(tok)
                continue
            if not kept and (word[0].isdigit() or word.lower() in _COUNT_WORDS):
                continue  # "according to two local officials"
            if _np_word(word) or (
                word.lower() in _CONNECTORS
                and kept
                and i + 1 < len(tokens)
                and _np_word(tokens[i + 1].group(0))
            ):
                kept.append(tok)
                continue
            break
        return _trim(kept)

    def _np_backward(self, sentence_start: int, verb_start: int) -> tuple[int, int] | None:
        tokens = list(_TOKEN.finditer(self.norm, sentence_start, verb_start))
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
            return self._appositive(tokens, i)
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
            person = self._np_backward(sentence_start, tokens[of_at].start())
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
                return self._np_backward(sentence_start, tokens[j].start())
            return None
        return span

    def _appositive(self, tokens: list[re.Match[str]], comma: int) -> tuple[int, int] | None:
        """ "Lee Seong-kweun, a lawmaker on the committee, told ...": the name before the
        first comma; the words between the commas are remembered as the role."""
        j = comma - 1
        while j >= 0 and tokens[j].group(0) != ",":
            j -= 1
        if j < 1 or comma - j > 14:
            return None
        inner = (tokens[j + 1].start(), tokens[comma - 1].end())
        before = self._np_backward(tokens[0].start(), tokens[j].start())
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
            self.roles.setdefault(speaker.name, role)

    # --- canonical speakers ------------------------------------------------------------------
    def _speaker(self, start: int, end: int) -> Speaker | None:
        text = self.norm[start:end].strip()
        words = text.split()
        if not words:
            return None
        head = words[-1].lower().rstrip(".")
        if head in lexicon.NOT_SPEAKERS or len(words) > 12:
            return None
        if any(a < end and start < b for a, b in getattr(self, "_anonymous", [])):
            return None  # "unidentified ... sources": a source with no name
        content = [w for w in words if w.lower() not in _DETERMINERS]
        definite = bool(content) and len(content) <= 3
        if definite and (all(w.islower() for w in content) or content[-1].lower() in _ROLE_HEADS):
            found = self._definite(words, start, end)
            if found is not None:
                return found
        if words[0].lower() in lexicon.PRONOUNS | {"it", "they", "we", "i"}:
            return None
        inside = [m for m in self.names if m.start >= start and m.end <= end]
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
        if head in _ROLE_HEADS:
            for name, role in {**getattr(self, "first_roles", {}), **self.roles}.items():
                if role.lower().split()[-1] == head:
                    return Speaker(name, role, "person", start, end, " ".join(words))
        if words[0].lower() not in ("the", "its") and len(words) > 1:
            return None
        if head not in lexicon.ORG_WORDS | _DEFINITE_HEADS:
            return None
        earlier = [sp for sp in self.speakers if sp.start < start]
        if head in _GROUP_HEADS:  # "the group said": the armed group that spoke last
            for sp in reversed([*earlier, *getattr(self, "first_pass", [])]):
                if sp.kind == "group" and sp.start != start:
                    return Speaker(sp.name, sp.role, sp.kind, start, end, sp.mention)
        for pool in (reversed(earlier), getattr(self, "first_pass", [])):
            for sp in pool:
                if sp.start == start or sp.mention.lower() == " ".join(words).lower():
                    continue  # itself, or another bare mention that resolved to nothing
                if sp.kind != "person" and re.search(rf"\b{re.escape(head)}\b", sp.mention.lower()):
                    return Speaker(sp.name, sp.role, sp.kind, start, end, sp.mention)
        return None

    def _make(self, name: str, role: str | None, kind: str, start: int, end: int) -> Speaker:
        """A speaker; for people, the span is the name as written and the name is resolved to
        the full name seen in the article."""
        if kind == "person":
            if " " not in name:
                # a surname alone; family names come first in Korean or Chinese names
                full = [f for f in self.full_names if name in (f.split()[-1], f.split()[0])]
                if len(full) == 1:
                    name = full[0]
            if role:
                self.roles.setdefault(name, role)
            role = role or self.roles.get(name)
        speaker = Speaker(name, role, kind, start, end)
        if kind == "person" and not any(m.start == start for m in self.names):
            self.people.append(speaker)
        return speaker

    def _last_person(self, before: int) -> Speaker | None:
        for speaker in reversed(self.speakers):
            if speaker.kind == "person" and speaker.start < before:
                return speaker
        people = [m for m in self.names if m.kind == "person" and m.end <= before]
        if people:
            last = people[-1]
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
        text = self.norm[start:end]
        for speaker in reversed(self.speakers):
            if speaker.kind != "person" or speaker.name == exclude:
                continue
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
