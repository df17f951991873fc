"""The per-sentence rules that find the phrase naming a sentence's speaker, in their order.

Reads one sentence span of the article (and, in a headline, its section). Returns the candidate
noun phrases in the order the rules try them, each marked "np" or "pronoun": "according to X";
"as reported by X", "was confirmed by X"; a trailing "..., X said." or "..., said X, a ...";
the subject of each reporting verb ("X said", "X, a lawmaker, told"); "an estimate by X"; "X's
estimate"; in a headline, a leading known name or speaker's noun ("X: ..."), a trailing ": X"
and "..., X Reports". In "X adds that according to Y" the subject comes first.
"""

from __future__ import annotations

import re

from dossier.extract import lexicon
from dossier.extract.attribution.article import Article
from dossier.extract.attribution.phrases import (
    DOCUMENTS,
    POSTMODIFIED,
    Span,
    Subjects,
    drop_determiner,
    forward,
    is_state,
)
from dossier.extract.attribution.roster import HEADS
from dossier.extract.attribution.skips import NP_LOWER
from dossier.extract.attribution.speakers import ROLE_HEADS, Candidate, Resolver
from dossier.text import first_letters

EN = lexicon.EN
_ACCORDING = re.compile(
    # document nouns in lower case only: "the Institute for the Study of War" is a name
    r"\baccording\s+to\s+(?:(?:(?:a|an|the|its|their)\s+)?(?:[\w-]+\s+){0,3}?(?-i:"
    + EN.pattern("according_documents")
    + r")(?:\s+(?:"
    + EN.pattern("according_participles")
    + r"))?\s+(?:by|from|of)\s+)?",
    re.IGNORECASE,
)
# the rest of a list after its first item: ", British and other " in "U.S., British and other
# Western intelligence agencies"
_COORDINATION = re.compile(r",(?:\s+[A-Z][\w.\-]*,){0,3}\s+[A-Z][\w.\-]*,?\s+and\s+(?:other\s+)?")
_AS_BY = re.compile(r"\bas\s+(?:" + EN.pattern("as_by_verbs") + r")\s+by\s+", re.IGNORECASE)
# "X adds that according to Y, ...": X relays Y, X is the speaker (Y the cited source)
_SAY_VERBS = sorted(lexicon.SAY_VERBS - {"according"})
_RELAYED_ACCORDING = re.compile(
    r"\b"
    + first_letters(_SAY_VERBS)
    + r"(?:"
    + "|".join(_SAY_VERBS)
    + r")\s+that\s+according\s+to\b"
)
_PASSIVE_BY = re.compile(r"\b" + EN.guarded("passive_by") + r"\s+", re.IGNORECASE)
# a sentence that sources the one before it: "This was stated by X."
BACK_REFERENCE = re.compile(r"\s*(?:" + EN.pattern("back_references") + r")\s", re.IGNORECASE)
_TRAILING = re.compile(
    # after a comma, a quote or a dash: "... a month - the paper writes."
    r"(?:[,\"']|\s-)\s*(?P<np>[^,\"]{2,90}?)\s+(?:"
    + EN.pattern("trailing_verbs")
    + r")(?:\s+(?:in|on|at|after|during|via|to)\b[^,;]{1,80}|\s+\w+day)?(?:,\s*(?:"
    + EN.pattern("trailing_continuations")
    + r")\b[^;]{0,120})?\s*[.!?\"']*$"
)
_TRAILING_INVERTED = re.compile(
    r"[,\"']\s*(?:"
    + EN.pattern("inverted_verbs")
    + r")\s+(?P<np>[^,]{2,90}?)(?:\s+(?:on|in|at|last|this)\s+\w+|\s+\w+day)?"
    + r"(?:,\s*(?P<role>[^;]{2,140}?))?\s*[.!?\"']*$"
)
# An owner starts a word (scanning from every capital inside a long word would be quadratic).
_POSSESSIVE_ESTIMATE = re.compile(
    r"(?<![\w.\-])(?P<owner>[A-Z][\w.\-]*+(?:\s+[A-Z][\w.\-]*+){0,5})'s?\s+"
    r"(?:latest\s+|own\s+)?(?:" + EN.pattern("possessive_estimates") + r")\b"
)
_ESTIMATE_OF = re.compile(
    r"\b" + EN.guarded("estimate_nouns") + r"\s+(?:of|by|from)\s+", re.IGNORECASE
)
_TITLE_LEAD = re.compile(r"(?P<who>[A-Z][\w'.-]*(?:\s+[\w'.-]+){0,3}):\s")
# a headline's trailing "..., Defence Ministry Reports": the verb in any case
_TITLE_TRAILING = re.compile(
    r",\s*(?P<np>[^,:]{2,80}?)\s+(?i:" + EN.pattern("trailing_verbs") + r")\s*[.!?]?$"
)
# a headline's leading "Veloria Says ..." (after a "Live:" label too): a title-case verb
_TITLE_SAYS = re.compile(
    r"(?:^|:\s)(?P<who>[A-Z][\w'.\-]*(?:\s+[A-Z][\w'.\-]*){0,4}?)\s+(?:"
    + "|".join(sorted(w.capitalize() for w in lexicon.SAY_VERBS - {"according"}))
    + r")\s"
)
# a headline's trailing "... - Army": a speaker after a dash
_TITLE_DASH = re.compile(r"\s[-\u2013\u2014]{1,2}\s*(?P<np>[A-Z][^-\u2013\u2014:,]{1,60}?)\s*$")
# a line with no closing punctuation reads as a headline: "Figure ...: the spy agency"
_CLOSED = re.compile(r"[.!?\"')\]]\s*$")
# a headline is short
HEADLINE_LENGTH = 200
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)\s*$")
# How far before the sentence end a trailing "..., X said." can start (characters).
TRAILING_WINDOW = 600


def trailing_start(text: str) -> int | None:
    """Where the speaker of a sentence-final "..., X said." starts in ``text``, or None."""
    match = _TRAILING.search(text, max(0, len(text) - TRAILING_WINDOW))
    return match.start("np") if match else None


class Finders:
    """The rules for the sentences of one article; a role read in a trailing "said X, a ..."
    is given to X through ``speakers``."""

    def __init__(self, article: Article, subjects: Subjects, speakers: Resolver) -> None:
        self.article = article
        self.subjects = subjects
        self.speakers = speakers

    def candidates(self, start: int, end: int, section: str, unnamed: Span) -> list[Candidate]:
        """The noun phrases that may name the speaker of the sentence at ``start``-``end``
        (``unnamed``: its anonymous sources), in the order of the rules."""
        text = self.article.norm[start:end]
        says = self.article.says_in(start, end)
        if "ccording" in text and _RELAYED_ACCORDING.search(text):
            # the relayer speaks; "according to" names the origin (see relays)
            return [
                *self._subjects(start, unnamed, says),
                *self._cues(start, text),
                *self._trailing(start, text, unnamed, says),
                *self._estimates(start, text),
            ]
        return [
            *self._cues(start, text),
            *self._trailing(start, text, unnamed, says),
            *self._subjects(start, unnamed, says),
            *self._estimates(start, text),
            *(headline(self.article, start, text) if is_headline(text, section) else ()),
        ]

    def _cues(self, start: int, text: str) -> list[Candidate]:
        """The phrase after "according to (a report by)", after "as reported by" and after a
        passive "was confirmed by"."""
        found: list[Candidate] = []
        matches = []
        if "ccording" in text:
            matches.append(_ACCORDING.search(text))
        if " by " in text:
            matches.append(_AS_BY.search(text))
            matches.append(_PASSIVE_BY.search(text))
        for match in matches:
            if match and (span := forward(self.article, start + match.end(), start + len(text))):
                if match.re is _ACCORDING and self.article.norm[span[1] : span[1] + 1] == ",":
                    span = self._coordinated(span, start + len(text))
                found.append(("np", span))
        return found

    def _coordinated(self, span: Span, end: int) -> Span:
        """``span`` grown over the rest of a list of modifiers that share one head noun
        ("according to Veloria, Orvane and other allied intelligence agencies"): when ``span``
        is one or two words and the list ends on a phrase of at least two words whose last is
        a speaker's lower-case noun; else ``span``."""
        norm = self.article.norm
        if len(norm[span[0] : span[1]].split()) > 2:
            return span
        match = _COORDINATION.match(norm, span[1], end)
        if match is None:
            return span
        last = forward(self.article, match.end(), end)
        if last is None:
            return span
        words = norm[last[0] : last[1]].split()
        if len(words) < 2 or not words[-1].islower() or words[-1] not in NP_LOWER:
            return span
        return span[0], last[1]

    def _trailing(
        self, start: int, text: str, unnamed: Span, says: list[re.Match[str]]
    ) -> list[Candidate]:
        """The phrase of a sentence-final "..., X said." and of "..., said X, a lawmaker."
        (whose role is given to X); none without a reporting verb in the sentence."""
        norm = self.article.norm
        found: list[Candidate] = []
        for pattern in (_TRAILING, _TRAILING_INVERTED) if says else ():
            # both end at the sentence's end: no match starts further back than the window
            match = pattern.search(text, max(0, len(text) - TRAILING_WINDOW))
            if not match:
                continue
            s, e = start + match.start("np"), start + match.end("np")
            written = _PARENTHETICAL.sub("", norm[s:e])  # "Institute (RUSI)"
            span = forward(self.article, s, s + len(written))
            if (
                (not span or span[1] < s + len(written.rstrip()) - 1)
                and self.article.postmodified
                and POSTMODIFIED.search(written)
            ):
                span = s, s + len(written.rstrip())  # "..., two officials close to it said."
            if not span or span[1] < s + len(written.rstrip()) - 1:
                continue
            if role := match.groupdict().get("role"):
                self.speakers.remember_role(span, drop_determiner(role), unnamed)
            pronoun = norm[span[0] : span[1]].lower() in lexicon.PRONOUNS
            found.append(("pronoun" if pronoun else "np", span))
        return found

    def _subjects(self, start: int, unnamed: Span, says: list[re.Match[str]]) -> list[Candidate]:
        """The subject of each reporting verb, in text order, but for the words of an
        anonymous source ("Recent reports indicate")."""
        norm = self.article.norm
        found: list[Candidate] = []
        states: list[Candidate] = []  # "Veloria says ..., while its spy agency says": the agency
        for match in says:
            if self.article.in_anonymous(match.start(), start):
                continue  # a source with no name, not a speaker
            verb = match.start()
            said = match.group(0)
            if said == "briefed" and POSTMODIFIED.match(
                norm, norm.rfind(" ", start, verb - 1) + 1, match.end() + 4
            ):
                continue  # "officials briefed on the talks said": no verb of its own
            if " " in said and (noun := said.split(None, 1)[0]) in DOCUMENTS:
                verb += len(noun)  # "the ministry's data shows": the subject ends on the noun
            span = self.subjects.before(start, verb, unnamed)
            if span is None:
                continue
            pronoun = norm[span[0] : span[1]].lower() in lexicon.PRONOUNS
            if is_state(self.article.gazetteer, norm[span[0] : span[1]]):
                states.append(("np", span))
            else:
                found.append(("pronoun" if pronoun else "np", span))
        return found + states

    def _estimates(self, start: int, text: str) -> list[Candidate]:
        """The phrase after each "an estimate by", then the owner of the first "X's estimate"."""
        found: list[Candidate] = []
        for match in _ESTIMATE_OF.finditer(text):
            if span := forward(self.article, start + match.end(), start + len(text)):
                found.append(("np", span))
        if "'s" in text:
            match = _POSSESSIVE_ESTIMATE.search(text)
            if match:
                found.append(("np", (start + match.start(), start + match.end("owner"))))
        return found


def is_headline(text: str, section: str) -> bool:
    """Whether a sentence reads as a headline: the title, or a short line that does not
    close like a sentence."""
    if section == "title":
        return True
    return len(text) <= HEADLINE_LENGTH and not _CLOSED.search(text)


def headline(article: Article, start: int, text: str) -> list[Candidate]:
    """In a headline: before a leading colon, a known name or a phrase headed by a
    speaker's noun ("Think tank: ..."); the phrase after the last colon when it runs to the
    end; the phrase of a trailing "..., Defence Ministry Reports"."""
    found: list[Candidate] = []
    if lead := _TITLE_LEAD.match(text):
        span = (start, start + lead.end("who"))
        head = lead.group("who").split()[-1].lower()
        if span in article.name_spans or head in HEADS or head in ROLE_HEADS:
            found.append(("headline", span))
        elif " " not in lead.group("who"):
            found.append(("surname", span))  # "Lind: ...", Ana Lind speaking in the body
    if says := _TITLE_SAYS.search(text):
        found.append(("headline", (start + says.start("who"), start + says.end("who"))))
    if ":" in text and not any(c.isdigit() for c in text[text.rindex(":") :]):
        # "...: Calder Agency", not "Live: 900 Troops Move North" (a figure is no speaker)
        colon = start + text.rindex(":") + 1
        span = forward(article, colon, start + len(text))
        if span and span[1] >= start + len(text.rstrip(" .")) - 1:
            found.append(("np", span))
    if match := _TITLE_TRAILING.search(text):
        s, e = start + match.start("np"), start + match.end("np")
        span = forward(article, s, e)
        if span and span[1] >= e - 1:
            found.append(("np", span))
    if match := _TITLE_DASH.search(text):
        s, e = start + match.start("np"), start + match.end("np")
        span = forward(article, s, e)
        if span and span[1] >= e - 1:
            found.append(("headline", span))
    return found
