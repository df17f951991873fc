"""The claims ledger: every figure about forces or casualties, with what it counts, whose forces,
who said it, how hedged, when and where. One row per mention.

A quantity found by :mod:`dossier.extract.numbers` is a claim when its head noun is a force
("2,300 Sudanese soldiers") or a casualty ("92 casualties"), or when it has no noun and a
casualty phrase
follows it ("2,700 who sustained injuries", "250 have returned to duty"), or it is the object of a
casualty or deployment verb ("killed 200", "sent 2,300"). Dates, durations, ages, money, and
counts of anything else ("five locations", "300 tanks") are not claims. See the README's
"How claims are read" for every rule.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

import pandas as pd

from dossier.errors import DossierWarning
from dossier.extract import attribution, gazetteer, lexicon, numbers
from dossier.text import anchor_positions, for_matching, search_at, search_in

log = logging.getLogger(__name__)

COLUMNS = {
    "claim_id": "str",
    "article_id": "str",
    "section": "str",
    "sentence_no": "int64",
    "char_start": "int64",
    "char_end": "int64",
    "number_text": "str",
    "quote": "str",
    "value_low": "float64",
    "value_high": "float64",
    "unit": "str",
    "is_approximate": "bool",
    "bound": "str",
    "is_vague": "bool",
    "category": "str",
    "actor": "str",
    "attributed_to": "str",
    "speaker_role": "str",
    "attribution_in": "str",
    "cited_source": "str",
    "is_hedged": "bool",
    "hedge_cues": "str",
    "when_text": "str",
    "where_text": "str",
}
CATEGORIES = (
    "deployed",
    "reinforcements",
    "killed",
    "wounded",
    "casualties",
    "captured",
    "returned_to_duty",
    "casualty_rate",
)
# How each category reads in a briefing.
CATEGORY_LABELS = {
    "deployed": "Forces deployed",
    "reinforcements": "Reinforcements sent",
    "killed": "Killed",
    "wounded": "Wounded",
    "casualties": "Killed or wounded",
    "captured": "Captured",
    "returned_to_duty": "Returned to duty",
    "casualty_rate": "Casualty rate",
}


def category_label(category: str) -> str:
    """The category's name for readers; a category without one reads as itself."""
    return CATEGORY_LABELS.get(category, category)


_STOP = lexicon.words(
    "in at to from on by for with within into through toward towards against near across since "
    "during after before over under than "
    "and or but who which that whom whose were was are is be been being have has had will would "
    "could may might can must should remain remained remains died surrendered returned managed "
    "left fled went came arrived followed took got as per each every this these those here there"
)
_PARTITIVE_DETERMINERS = lexicon.words("the its their his her our these those them whom")
_DEPLOY_VERBS = lexicon.words(
    "sent send sending sends deployed deploy deploying deploys dispatched dispatch dispatching "
    "stationed mobilised mobilized mobilising mobilizing moved transferred committed"
)
_CLAUSE_BREAK = re.compile(
    r"[;:()]|,(?=\s)|\s[-–—]{1,2}\s"
)  # not quotes: "several hundred" is no clause
_WORD = re.compile(r"[A-Za-z][\w'.\-]*[\w]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_HEDGE = re.compile(rf"\b(?:{lexicon.alternation(lexicon.HEDGES)})\b", re.IGNORECASE)
_TIME = re.compile(rf"\b(?:{lexicon.TIME})\b")
_RATE = re.compile(rf"\W*(?:\w+\W+){{0,3}}?(?:{lexicon.RATE})\b", re.IGNORECASE)  # .match
_CATEGORY_AFTER = [(c, re.compile(rf"(?:{p})\b", re.IGNORECASE)) for c, p in lexicon.CATEGORY_AFTER]
_ANY_CATEGORY_AFTER = re.compile(
    "(?:" + "|".join(f"(?:{p})\\b" for _, p in lexicon.CATEGORY_AFTER) + ")", re.IGNORECASE
)
# Words that may stand between a figure (or its noun) and what happened to it.
_FILLERS = lexicon.words(
    "who which that have has had been were was are is being be already reportedly reported as "
    "since then later also all both either managed to subsequently eventually now allegedly "
    "believed thought presumed confirmed feared officially were so far in total together still "
    "others more since"
)
_CATEGORY_BEFORE = [
    (c, re.compile(rf"\b(?:{p})$", re.IGNORECASE)) for c, p in lexicon.CATEGORY_BEFORE
]
_ANY_CATEGORY_BEFORE = re.compile(
    r"\b(?:" + "|".join(f"(?:{p})" for _, p in lexicon.CATEGORY_BEFORE) + ")$", re.IGNORECASE
)
# How many words a phrase of CATEGORY_BEFORE spans at most: one more than its spaces, as long as
# no group of a pattern is repeated (then a phrase could span any number of words).
if any(re.search(r"\)[*+{]", p) for _, p in lexicon.CATEGORY_BEFORE):
    raise RuntimeError("lexicon.CATEGORY_BEFORE: a repeated group leaves phrases unbounded")
_BEFORE_WORDS = 1 + max(p.count("\\s") + p.count(" ") for _, p in lexicon.CATEGORY_BEFORE)
_OVERRIDE = re.compile(rf"\b(?:{lexicon.CATEGORY_OVERRIDE_AFTER[1]})\b", re.IGNORECASE)
_MEASURED_NOUNS = (
    r"casualties|losses|death\s+toll|toll|deaths|dead|killed|wounded|injured|prisoners|pows"
)
_MEASURED = re.compile(
    rf"\b(?P<noun>{_MEASURED_NOUNS})\b(?P<gap>[^;]{{0,120}}?)\b{lexicon.MEASURE}\s*$",
    re.IGNORECASE,
)
_MEASURED_CATEGORY = {
    "casualties": "casualties", "losses": "casualties", "deaths": "killed", "dead": "killed",
    "killed": "killed", "wounded": "wounded", "injured": "wounded", "prisoners": "captured",
    "pows": "captured", "toll": "killed",
}  # fmt: skip
_CONTINUATION_STRICT = re.compile(
    r"\b(?:(?:down|up)\s+from|compared\s+(?:with|to)|against|versus|vs\.?)\s*$", re.IGNORECASE
)
_REINFORCE_BEFORE = re.compile(
    rf"(?:{lexicon.REINFORCEMENT_BEFORE})(?:\s+\S+){{0,2}}\s*$", re.IGNORECASE
)
_REPLACEMENT = re.compile(rf"\b{lexicon.REPLACEMENT}\b", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,80}>")
# A force noun measured by the figure: "put the reinforcements at 1,000".
_FORCE_NOUNS_MEASURED = r"reinforcements|replacements|deployment|contingent|force"
_FORCE_MEASURED = re.compile(
    rf"\b(?P<noun>{_FORCE_NOUNS_MEASURED})\b[^;,.]{{0,40}}?"
    r"\b(?:at|to|numbering|totall?ing|of)\s+(?:an?\s+)?(?:estimated\s+|about\s+|some\s+|around\s+"
    r"|roughly\s+|approximately\s+|nearly\s+|up\s+to\s+|more\s+than\s+|at\s+least\s+)?$",
    re.IGNORECASE,
)
# Where each of the patterns above that ends at a figure can start: found once per sentence.
_ANCHORS = {
    "measured": re.compile(rf"(?=\b(?:{_MEASURED_NOUNS})\b)", re.IGNORECASE),
    "force_measured": re.compile(rf"(?=\b(?:{_FORCE_NOUNS_MEASURED})\b)", re.IGNORECASE),
    "reinforce": re.compile(rf"(?=(?:{lexicon.REINFORCEMENT_BEFORE}))", re.IGNORECASE),
    "partitive": re.compile(r"(?=\b(?:among|of)\s)", re.IGNORECASE),
}
_ANCHORED = {
    "measured": _MEASURED,
    "force_measured": _FORCE_MEASURED,
    "reinforce": _REINFORCE_BEFORE,
}
# Below this many characters a pattern is searched directly: the sentence's anchors pay off in
# long spans only.
_DIRECT = 160
_SPACES = re.compile(r"\s*")
_WHITESPACE = re.compile(r"\s")
_SUBSET_LEAD = re.compile(r"\s*(?:including|among\s+them|among\s+whom|of\s+whom)\b", re.I)
_QUOTES = frozenset({'"', "'"})
_PERCENT_MARK = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)
_MAY_MONTH = re.compile(r"^\s*(?:\d|,?\s*(?:19|20)\d\d)")
# Between a figure and a side named after it: that side is not the figure's owner.
_NOT_OWNER = re.compile(
    r"\b(?:to|in|into|at|near|toward|towards|against|inside|alongside|with|beside|supporting"
    r"|fighting|facing|by)\b"
)
# An active verb of killing or capturing: "have been killed" is a passive, not an agent.
_AGENT = re.compile(
    r"(?<!been )(?<!were )(?<!was )(?<!are )(?<! is )(?<!being )(?<!be )"
    r"\b(?:killed|killing|wounded|wounding|captured|capturing|destroyed|eliminated|took)\b",
    re.IGNORECASE,
)
_KILLED_OR_WOUNDED = re.compile(r"(?:killed|dead)\s+(?:or|and)\s+(?:wounded|injured)")
_PARTITIVE_BEFORE = re.compile(r"\b(?:among|of)\s+(?:the|them|whom|those)?\s*$", re.IGNORECASE)
_DIGIT = re.compile(r"(?<![\w])\d")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LOCATIVE = re.compile(
    r"\b(?:to|in|into|at|near|inside|toward|towards|across|from|on|around|outside|within"
    r"|throughout)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PARTICIPLE_AGENT = re.compile(
    r"\s*(?:and\s+)?(?:killing|wounding|capturing|injuring|destroying|eliminating)\b", re.IGNORECASE
)
_OWN_AGENT = re.compile(
    r"\b(?:its|their|our|his|her|the\s+[\w-]+'s?)\s+(?:\w+\s+)?(?:fighters|forces|troops|soldiers"
    r"|units|men|officers)\s+"
    r"(?:had\s+|have\s+|has\s+)?(?:killed|wounded|captured|destroyed|eliminated)\b",
    re.IGNORECASE,
)
_BACKED = re.compile(r"-(?:backed|aligned|allied|supported|linked|sponsored)\b", re.IGNORECASE)
_OWNER_AFTER = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?", re.IGNORECASE)
_IN_PLACE = re.compile(r"\b(?:in|at|near|inside)\s+(?:the\s+)?$", re.IGNORECASE)
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s[^,]{1,60},")
# A wire dateline opening a sentence: "MOGADISHU, March 4 (Reuters) -", "BAMAKO, Mali (AP) —".
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'-]{2,40},[^()\n]{0,40}\([A-Za-z .]{2,20}\)\s*[-—–]{1,2}\s*")
_OWN_SIDE = re.compile(
    r"\b(?:military|army|armed\s+forces|defen[cs]e|forces|navy|general\s+staff|health)\b",
    re.IGNORECASE,
)


# How far on either side of a figure, within its clause, its rules read (characters). Real
# clauses are far shorter; the bound keeps the work per figure constant, so no input (a list of
# thousands of numbers, a megabyte without punctuation) makes extraction quadratic.
CONTEXT = 300
# How many mentions of sides or places the search for the nearest one may pass over.
NEAREST_LIMIT = 64


def _once(method):
    """A property computed on first use and kept (functools.cached_property takes a lock on
    every first use, which costs more than most of these take to compute)."""
    name = "_" + method.__name__

    def get(self):
        value = self.__dict__.get(name, _MISSING)
        if value is _MISSING:
            value = self.__dict__[name] = method(self)
        return value

    get.__doc__ = method.__doc__
    return property(get)


_MISSING = object()


class _SentenceIndex:
    """What the figures of one sentence read, each part found once, on first use: a sentence
    whose figures are all rejected early never has its time phrases or its sides scanned."""

    def __init__(self, norm: str, start: int, end: int):
        self.norm, self.start, self.end = norm, start, end
        self._anchors: dict[str, list[int]] = {}

    @_once
    def breaks(self) -> tuple[list[int], list[int]]:
        """Starts and ends of the clause breaks (punctuation, dashes), in order."""
        spans = [m.span() for m in _CLAUSE_BREAK.finditer(self.norm, self.start, self.end)]
        return [s for s, _ in spans], [e for _, e in spans]

    @_once
    def hedges(self) -> list[tuple[int, int, str]]:
        """The hedge cues: start, end, the cue."""
        found = []
        for m in _HEDGE.finditer(self.norm, self.start, self.end):
            word = re.sub(r"\s+", " ", m.group(0).lower())
            if word == "may" and _MAY_MONTH.match(self.norm, m.end()):
                continue  # the month: "May 5", "May 2024"
            found.append((m.start(), m.end(), word))
        return found

    @_once
    def appositives(self) -> tuple[list[int], list[int]]:
        """Starts and ends of ", a role," asides: no side is named there."""
        spans = [m.span() for m in _APPOSITIVE.finditer(self.norm, self.start, self.end)]
        return [s for s, _ in spans], [e for _, e in spans]

    @_once
    def dateline(self) -> tuple[int, int] | None:
        """ "CITY, March 4 (Reuters) -" opening the sentence: no side, no place."""
        found = _DATELINE.match(self.norm, self.start)
        return found.span() if found else None

    @_once
    def agents(self) -> list[int]:
        """Starts of active verbs of killing or capturing."""
        return [m.start() for m in _AGENT.finditer(self.norm, self.start, self.end)]

    @_once
    def times(self) -> tuple[list[re.Match[str]], list[int]]:
        """The time phrases, and their starts."""
        found = list(_TIME.finditer(self.norm, self.start, self.end))
        return found, [m.start() for m in found]

    def anchors(self, name: str) -> list[int]:
        """Where the pattern ``name`` of :data:`_ANCHORS` can start."""
        found = self._anchors.get(name)
        if found is None:
            found = anchor_positions(_ANCHORS[name], self.norm, self.start, self.end)
            self._anchors[name] = found
        return found

    def is_aside(self, position: int) -> bool:
        """Whether ``position`` lies in an appositive or the dateline."""
        if self.dateline and self.dateline[0] <= position < self.dateline[1]:
            return True
        starts, ends = self.appositives
        i = bisect.bisect_right(starts, position) - 1
        return i >= 0 and position < ends[i]


@dataclass
class _Claim:
    quantity: numbers.Quantity
    sentence: int  # index into the article's sentences
    category: str
    has_deploy_cue: bool
    window_end: int = 0  # end of the figure's clause, or the next figure's start
    head_word: str | None = None  # the force or casualty noun the figure counts, if any
    clause: tuple[int, int] = (0, 0)  # the figure's clause
    actor: str | None = None
    where: str | None = None
    agent: str | None = None  # the side that killed or captured, when the text says


class _Sides(NamedTuple):
    """The sides of an article: named by its figures (most often first), its states, its armed
    groups, and both."""

    ranked: list[str]
    states: list[str]
    groups: list[str]
    mentioned: list[str]


@dataclass
class _Seen:
    """The last claim with a side so far: in the article, per sentence, per paragraph."""

    last: _Claim | None = None
    by_sentence: dict[int, _Claim] = field(default_factory=dict)
    by_paragraph: dict[int, _Claim] = field(default_factory=dict)


LEDGER_COLUMNS = [
    "outlet", "number_text", "value_low", "value_high", "category", "actor", "attributed_to",
    "is_hedged", "hedge_cues", "quote", "claim_id",
]  # fmt: skip


def ledger(claims: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Return the claims as a reader's table: outlet, number_text, value_low, value_high,
    category, actor, attributed_to, is_hedged, hedge_cues, quote, claim_id; in article order."""
    merged = claims.merge(articles[["article_id", "outlet"]], on="article_id", how="left")
    return merged[LEDGER_COLUMNS].reset_index(drop=True)


def extract(
    articles: pd.DataFrame, sentences: pd.DataFrame, with_entities: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Return ``(claims, entities)`` for the articles and sentences of a corpus.

    ``claims`` has the columns of :data:`COLUMNS`; ``entities`` those of
    :data:`dossier.extract.entities.COLUMNS`, or None unless ``with_entities``."""
    from dossier.extract import entities as entities_module

    gaz = gazetteer.load()
    # plain tuples grouped once: slicing a frame per article would cost more than the extraction
    by_article: dict[str, list[tuple]] = {}
    columns = ["article_id", "section", "paragraph_no", "sentence_no", "char_start", "char_end"]
    for article_id, *row in sentences[columns].itertuples(index=False, name=None):
        by_article.setdefault(article_id, []).append(tuple(row))
    claim_rows: list[dict] = []
    entity_rows: list[dict] = []
    failed: list[str] = []
    for article_id, text in zip(articles["article_id"], articles["text"], strict=True):
        rows = by_article.get(article_id)
        if not rows:
            continue
        try:
            found = _Article(article_id, text, rows, gaz)
            article_claims = found.claims()
            article_entities = entities_module.rows(found) if with_entities else []
        except Exception as exc:  # a rule's fault on one odd article must not sink the rest
            log.exception("claims could not be read from article %s", article_id)
            failed.append(f"{article_id} ({type(exc).__name__}: {exc})")
            continue
        claim_rows.extend(article_claims)
        entity_rows.extend(article_entities)
    if failed:
        warnings.warn(
            f"claims could not be read from {len(failed)} article(s), which have none in the "
            f"ledger: {'; '.join(failed[:3])}{' ...' if len(failed) > 3 else ''} (see the log)",
            DossierWarning,
            stacklevel=2,
        )
    claims = pd.DataFrame(claim_rows, columns=list(COLUMNS)).astype(COLUMNS)
    return claims, entities_module.frame(entity_rows) if with_entities else None


class _Article:
    """Everything known about one article's text, computed once."""

    def __init__(self, article_id: str, text: str, sentence_rows: list[tuple], gaz):
        self.article_id = article_id
        self.text = text
        # Markup pasted into article text ("300 troops <b>were</b> wounded") is blanked, length
        # for length, so it neither splits phrases nor moves offsets.
        self.norm = _TAG.sub(lambda m: " " * len(m.group(0)), for_matching(text))
        # (section, paragraph_no, sentence_no, char_start, char_end) per sentence, in order
        self.sentence_rows = sentence_rows
        self.spans = [(s, e, p, sec) for sec, p, _, s, e in self.sentence_rows]
        self.gaz = gaz
        self._previous: dict[int, _Claim] = {}  # sentence index -> its last claim so far
        # paragraph -> the sentences whose last claim so far counts a force
        self._force_sentences: dict[int, set[int]] = {}
        self._sentence_index: dict[int, _SentenceIndex] = {}
        self._last_index: tuple[int, _SentenceIndex | None] = (-1, None)
        self._openings: dict[int, int] = {}  # clause start -> where its first word starts

    # Names and speakers are found only when asked for: an article with no figure costs no more
    # than its number scan (entities still ask for them).
    @functools.cached_property
    def _found(self):
        return self.gaz.find_all(self.norm)

    @property
    def names(self):
        return self._found[0]

    @property
    def places(self):
        return self._found[1]

    @property
    def actors(self):
        return self._found[2]

    @functools.cached_property
    def sources(self):
        return attribution.attribute(self.norm, self.spans, self.names, self.gaz)

    @functools.cached_property
    def _actor_starts(self) -> list[int]:
        return [a.start for a in self.actors]

    @functools.cached_property
    def _place_starts(self) -> list[int]:
        return [p.start for p in self.places]

    @functools.cached_property
    def _place_start_set(self) -> frozenset[int]:
        return frozenset(self._place_starts)

    def _index(self, sentence: int) -> _SentenceIndex:
        """The sentence's index (see :class:`_SentenceIndex`)."""
        if sentence == self._last_index[0]:  # asked many times in a row for one sentence
            return self._last_index[1]
        found = self._sentence_index.get(sentence)
        if found is None:
            start, end, _, _ = self.spans[sentence]
            found = self._sentence_index[sentence] = _SentenceIndex(self.norm, start, end)
        self._last_index = (sentence, found)
        return found

    # --- the ledger ---------------------------------------------------------------------------
    def claims(self) -> list[dict]:
        quantities = numbers.find(self.norm)
        found: list[_Claim] = []
        qi = 0
        for index, (start, end, _, _) in enumerate(self.spans):
            while qi < len(quantities) and quantities[qi].start < start:
                qi += 1
            in_sentence = []
            while qi < len(quantities) and quantities[qi].end <= end:
                in_sentence.append(quantities[qi])
                qi += 1
            sentence_claims = [
                c
                for k, q in enumerate(in_sentence)
                if (c := self._classify(index, q, in_sentence[k + 1 : k + 2])) is not None
            ]
            self._replacements(index, sentence_claims)
            found.extend(sentence_claims)
        self._corefer(found)
        self._actors_and_places(found)
        return [self._row(c) for c in found]

    def _classify(
        self, index: int, q: numbers.Quantity, following: list[numbers.Quantity]
    ) -> _Claim | None:
        """The claim ``q`` makes, or None; ``following`` holds the next figure of the sentence,
        if any."""
        s_start, s_end, _, _ = self.spans[index]
        norm = self.norm
        clause_start, clause_end = self._clause(index, q)
        lead_start = max(clause_start, q.qualifier_start - CONTEXT)  # the clause before, bounded
        before_words = _tail_words(norm, clause_start, q.qualifier_start)
        prev = before_words[-1].lower().rstrip(".") if before_words else ""
        after_at = q.end + (len(q.suffix) + 1 if q.suffix else 0)
        if q.unit == "percent":  # "40 percent of the troops": the marker is not the head
            marker = _PERCENT_MARK.match(norm, after_at)
            after_at = marker.end() if marker else after_at
        after_words = _head_words(norm, after_at, clause_end, _AFTER_WORDS)
        nxt = after_words[0].lower() if after_words else ""

        # --- not claims: dates, durations, ages, money, sizes of other things
        if prev in lexicon.MONTHS or nxt.rstrip(".") in lexicon.MONTHS:
            return None
        if q.suffix and q.suffix not in ("odd", "plus") and q.suffix not in lexicon.HYPHEN_SIZE:
            return None  # "24-year-old", "12-week", "300-kilometre"
        if nxt in lexicon.DURATION_UNITS or nxt in lexicon.CURRENCY_AFTER:
            return None
        if _is_year(q) and nxt not in lexicon.FORCE_NOUNS and nxt not in lexicon.CASUALTY_NOUNS:
            return None

        head, head_category, head_index, reinforced, adjective = self._head(after_words, q)
        head_word = (
            after_words[head_index].lower()
            if head_index is not None and head_index < len(after_words)
            else None
        )
        if head == "other":
            return None
        if q.suffix in lexicon.HYPHEN_SIZE:
            head = "force"
        window_end = min(clause_end, following[0].start) if following else clause_end
        window_words = _head_words(norm, after_at, window_end, (head_index or 0) + _PREDICATE_WORDS)
        category = head_category
        if category in (None, "wounded") and _OVERRIDE.search(
            " ".join(window_words[: (head_index or 0) + 10])
        ):
            category = (
                "returned_to_duty"  # "9,000 servicemen who were wounded ... returned to duty"
            )
        if category is None:
            category = _category_after(window_words, head_index)
        if category is None:
            category = _category_before(before_words)
        if category is None and head != "casualty":
            category = self._measured(index, q)
        if category is None and (
            m := self._search(
                index, "force_measured", max(clause_start, q.start - CONTEXT), q.start
            )
        ):
            noun = m.group("noun").lower()
            category = (
                "reinforcements" if noun in ("reinforcements", "replacements") else "deployed"
            )
        if category is None and _SUBSET_LEAD.match(
            norm, self._opening(clause_start), q.qualifier_start
        ):
            # "..., including 30 soldiers, were killed": the predicate after the parenthesis
            next_end = self._clause(index, _after(q, clause_end + 1))[1]
            predicate = _head_words(norm, clause_end + 1, next_end, _PREDICATE_WORDS)
            category = _category_after(predicate, None)
        if category is None:
            category = adjective  # "12k wounded soldiers"
        deploy_verb = any(w.lower() in _DEPLOY_VERBS for w in before_words[-4:])
        previous = self._previous.get(index)
        if head is None and category is None and not deploy_verb:
            if self._continues(previous, s_start, q):
                category = previous.category  # "..., down from an estimated 2,500"
            elif prev in ("further", "another", "additional") and self._previous_force(index):
                category = "reinforcements"  # "A further 1,500 followed within two weeks"
            elif previous and prev in lexicon.DEPLOYED_CUES:
                category = "deployed"  # "... among the initial 7,000"
            elif previous and self._partitive(index, lead_start, q.qualifier_start, after_words):
                category = previous.category  # "nine of them", "among them 300"
            elif self._partitive(index, lead_start, q.qualifier_start, after_words):
                category = _category_after(
                    _head_words(norm, after_at, s_end, _PREDICATE_WORDS), None
                )
                of_them = [w.lower() for w in after_words[:2]] == ["of", "them"]
                if category is None and of_them and (q.is_vague or q.value_low >= 10):
                    category = "deployed"  # "Several thousand of them have been thrown in"
            if category is None:
                return None
        if q.unit == "percent" and head is None:
            return None
        if category in ("casualties", "killed", "wounded") and _RATE.match(
            norm, after_at, min(window_end, after_at + CONTEXT)
        ):
            category = "casualty_rate"
        if category in (None, "deployed"):  # "a fresh contingent of" outranks "contingent"
            adjacent_before = prev in lexicon.REINFORCEMENT_ADJACENT or (
                len(before_words) >= 2
                and prev in ("a", "an")
                and before_words[-2].lower() in lexicon.REINFORCEMENT_ADJACENT
            )
            if (
                reinforced
                or head_word in ("reinforcements", "replacements")
                or adjacent_before
                or self._search(index, "reinforce", lead_start, q.qualifier_start)
            ):
                category = "reinforcements"
            elif category is None:
                category = "deployed"
        deploy_cue = (
            q.suffix in lexicon.HYPHEN_SIZE  # "an 11,000-strong contingent"
            or any(w.lower() in lexicon.DEPLOYED_CUES for w in before_words[-3:])
            or any(w.lower() in ("initially", "originally") for w in before_words[-4:])
        )
        claim = _Claim(
            q, index, category, deploy_cue, window_end, head_word, (clause_start, clause_end)
        )
        self._previous[index] = claim
        forces = self._force_sentences.setdefault(self.spans[index][2], set())
        if category in ("deployed", "reinforcements"):
            forces.add(index)
        else:
            forces.discard(index)
        return claim

    def _continues(self, previous: _Claim | None, s_start: int, q: numbers.Quantity) -> bool:
        """Whether ``q`` continues the claim before it in its sentence: "from 500 to 650" (close,
        one clause), "..., down from 2,500", "compared with" (may reach back further)."""
        if previous is None or q.qualifier_start - previous.quantity.end > 160:
            return False
        gap = self.norm[previous.quantity.end : q.qualifier_start]
        lead = self.norm[max(s_start, previous.quantity.start - 40) : previous.quantity.start]
        from_to = gap.rstrip().endswith(" to") and re.search(r"\bfrom\b", lead + gap)
        near = from_to and len(gap) <= 80 and "," not in gap
        return bool(near or _CONTINUATION_STRICT.search(gap))

    def _search(self, sentence: int, name: str, start: int, end: int) -> re.Match[str] | None:
        """``pattern.search(norm, start, end)`` for the pattern ``name`` of :data:`_ANCHORS`:
        directly in a short span, else only where the sentence's anchors say it can start."""
        pattern = _ANCHORED[name]
        if end - start <= _DIRECT:
            return pattern.search(self.norm, start, end)
        return search_at(pattern, self.norm, self._index(sentence).anchors(name), start, end)

    def _opening(self, clause_start: int) -> int:
        """Where the first word of the clause at ``clause_start`` starts. Found once per clause:
        a clause may open with a long run of spaces, and every figure in it asks."""
        found = self._openings.get(clause_start)
        if found is None:
            found = self._openings[clause_start] = _SPACES.match(self.norm, clause_start).end()
        return found

    def _head(
        self, after_words: list[str], q: numbers.Quantity
    ) -> tuple[str | None, str | None, int | None, bool, str | None]:
        """Return (head kind: "force", "casualty", "other" or None, casualty category, index of
        the head in ``after_words``, whether "more/additional" stands between, the category of a
        casualty adjective before a force noun: "wounded" in "12k wounded soldiers")."""
        reinforced = False
        adjective: str | None = None
        skip = 0
        lowered = [w.lower() for w in after_words[:3]]
        if lowered[:2] in (["or", "more"], ["or", "so"], ["or", "fewer"], ["or", "less"]):
            skip = 2
        elif lowered[:1] in (["odd"], ["plus"], ["-"]):
            skip = 1
        for i, word in enumerate(after_words[:8]):
            if i < skip:
                continue
            low = word.lower()
            if low in _QUOTES:
                continue  # a quoted figure: the noun follows the closing quote
            if low in lexicon.REINFORCEMENT_ADJACENT and i <= skip + 1:
                reinforced = True
                continue
            if low == "of" and i == skip:
                continue  # "dozens of soldiers", "3,000 of its troops"
            if (
                low in _PARTITIVE_DETERMINERS
                and i <= skip + 1
                and lowered[skip : skip + 1] == ["of"]
            ):
                if low in ("them", "whom"):
                    return None, None, None, reinforced, adjective
                continue
            following = [w.lower() for w in after_words[i + 1 : i + 4]]
            force_follows = any(w in lexicon.FORCE_NOUNS for w in following)
            if low in lexicon.CASUALTY_NOUNS and force_follows and following[0] not in _STOP:
                adjective = lexicon.CASUALTY_NOUNS[low]
                continue
            if low in lexicon.CASUALTY_NOUNS:
                category = lexicon.CASUALTY_NOUNS[low]
                rest = " ".join(after_words[i : i + 4]).lower()
                if _KILLED_OR_WOUNDED.match(rest):
                    category = "casualties"
                if low in ("prisoners", "prisoner") and not rest.startswith(
                    ("prisoners of war", "prisoner of war", "prisoners,", "prisoners")
                ):
                    category = "captured"
                return "casualty", category, i, reinforced, adjective
            if low in lexicon.FORCE_NOUNS or self._is_people_of_a_side(after_words, i):
                return "force", None, i, reinforced, adjective
            if low in lexicon.OTHER_NOUNS:
                return "other", None, i, reinforced, adjective
            if q.unit == "percent" and (word[0].isdigit() or low in ("-", "strong")):
                continue  # "half of the 1,200-strong contingent": the share of a counted force
            if low in _STOP or not word[0].isalpha():
                return None, None, None, reinforced, adjective  # a verb, punctuation, a number
        return None, None, None, reinforced, adjective

    def _is_people_of_a_side(self, words: list[str], i: int) -> bool:
        """A side's people in the plural ("North Koreans", "Russians"), counted as its forces."""
        word = words[i]
        if not (word[0].isupper() and word.endswith("s")):
            return False
        pair = f"{words[i - 1]} {word}" if i > 0 else word
        return self.gaz.actors.knows(word) or self.gaz.actors.knows(pair)

    def _previous_force(self, index: int) -> bool:
        """Whether a force figure came before in this sentence or paragraph."""
        return bool(self._force_sentences.get(self.spans[index][2]))

    def _partitive(self, sentence: int, start: int, end: int, after_words: list[str]) -> bool:
        """ "Among the 2,700 ...", "of whom 250 ...", "nine of them": a subset of a count
        (``start``-``end``: the text before the figure)."""
        if [w.lower() for w in after_words[:2]] in (["of", "them"], ["of", "whom"]):
            return True
        if end - start <= _DIRECT:
            return _PARTITIVE_BEFORE.search(self.norm, start, end) is not None
        # only the last "among" or "of" can be followed by nothing but a determiner
        anchors = self._index(sentence).anchors("partitive")
        last = bisect.bisect_left(anchors, end) - 1
        return (
            last >= 0
            and anchors[last] >= start
            and _PARTITIVE_BEFORE.match(self.norm, anchors[last], end) is not None
        )

    def _measured(self, sentence: int, q: numbers.Quantity) -> str | None:
        """ "losses have exceeded 5,000", "put casualties at nearly 900,000": the figure measures
        a casualty noun earlier in its sentence."""
        # The bound may itself be the measure verb: "losses have exceeded 5,000".
        # the noun, the gap and the verb fit in the context before the figure
        start = max(self.spans[sentence][0], q.qualifier_start - CONTEXT)
        m = self._search(sentence, "measured", start, q.qualifier_start) or self._search(
            sentence, "measured", start, q.start
        )
        if m is None or _DIGIT.search(_YEAR.sub("", m.group("gap"))):
            return None  # another figure stands between: the noun is that figure's
        noun = re.sub(r"\s+", " ", m.group("noun").lower())
        return _MEASURED_CATEGORY.get(noun.split()[-1], "casualties")

    def _clause(self, sentence: int, q: numbers.Quantity) -> tuple[int, int]:
        """The clause of ``q``: between the punctuation (or dash) before and after it."""
        s_start, s_end, _, _ = self.spans[sentence]
        index = self._index(sentence)
        starts, ends = index.breaks
        before = bisect.bisect_right(ends, q.qualifier_start)
        after = bisect.bisect_left(starts, q.end)
        start = ends[before - 1] if before else s_start
        end = starts[after] if after < len(starts) else s_end
        return start, end

    def _replacements(self, index: int, found: list[_Claim]) -> None:
        """ "the deployment of 2,300 troops ..., aimed at replacing casualties": the force figure
        nearest before a replacement word (else after it) is a reinforcement."""
        if not found:
            return
        s_start, s_end, _, _ = self.spans[index]
        ends = [c.quantity.end for c in found]  # figures do not overlap: ends are in order
        forces = [c for c in found if c.category in ("deployed", "reinforcements")]
        force_starts = [c.quantity.start for c in forces]
        force_ends = [c.quantity.end for c in forces]
        for m in _REPLACEMENT.finditer(self.norm, s_start, s_end):
            own = bisect.bisect_right(ends, m.start()) - 1
            if own >= 0 and m.start() - ends[own] <= 25:
                continue  # "several thousand replacements": a figure's own noun
            before = bisect.bisect_right(force_ends, m.start()) - 1
            after = bisect.bisect_left(force_starts, m.end())
            if before >= 0 and not forces[before].has_deploy_cue:
                forces[before].category = "reinforcements"
            elif after < len(forces) and not forces[after].has_deploy_cue:
                clause = self._clause(index, forces[after].quantity)
                if clause[0] <= m.start():  # "to replace losses, 2,000 troops were sent"
                    forces[after].category = "reinforcements"

    def _corefer(self, found: list[_Claim]) -> None:
        """A force figure with no cue of its own that repeats a reinforcement figure given
        earlier in the article is that reinforcement."""
        seen: set[tuple[float, float]] = set()
        for claim in found:
            key = (claim.quantity.value_low, claim.quantity.value_high)
            if claim.category == "reinforcements":
                seen.add(key)
            elif claim.category == "deployed" and not claim.has_deploy_cue and key in seen:
                claim.category = "reinforcements"

    # --- actor and place ----------------------------------------------------------------------
    def _actors_and_places(self, found: list[_Claim]) -> None:
        explicit: list[str] = []
        for i, claim in enumerate(found):
            claim.actor = self._actor(claim)
            claim.where = self._where(claim)
            if claim.actor:
                explicit.append(claim.actor)
            if claim.where is None and i and found[i - 1].sentence == claim.sentence:
                claim.where = found[i - 1].where
        ranked = [a for a, _ in Counter(explicit).most_common()]
        paragraph_of = {i: span[2] for i, span in enumerate(self.spans)}
        states, groups = self._side_counts() if any(c.actor is None for c in found) else ([], [])
        # the sides the article's own figures name come first: mentions alone mislead
        # ("Ukrainian intelligence said North Korean troops ...")
        states = [a for a in ranked if self._is_state(a)] + [a for a in states if a not in ranked]
        groups = [a for a in ranked if not self._is_state(a)] + [
            a for a in groups if a not in ranked
        ]
        sides = _Sides(ranked, states, groups, states + groups)
        seen = _Seen()
        for claim in found:
            paragraph = paragraph_of[claim.sentence]
            if not claim.actor:
                claim.actor = self._inferred_actor(claim, paragraph, sides, seen)
            if claim.actor:
                seen.last = seen.by_sentence[claim.sentence] = claim
                seen.by_paragraph[paragraph] = claim

    def _inferred_actor(
        self, claim: _Claim, paragraph: int, sides: _Sides, seen: _Seen
    ) -> str | None:
        """The side of a figure whose text names none: the other side of an agent, the side of
        the figure before it in its sentence, the article's group or state for group or state
        force nouns, the reporting body's own side, the figure before it in its paragraph or the
        article, else the article's most named side."""
        ranked, states, groups, mentioned = sides
        if claim.agent:  # "its fighters had killed about 450 soldiers": the other side's
            others = [a for a in ranked if a != claim.agent] or [
                a for a in mentioned if a != claim.agent
            ]
            if others:
                return others[0]
        if claim.sentence in seen.by_sentence:  # "killing 12 soldiers and wounding 30"
            return seen.by_sentence[claim.sentence].actor
        head = claim.head_word or ""
        if head in lexicon.GROUP_FORCE_NOUNS and groups:  # "the militants lost 150 fighters"
            return groups[0]
        if (affiliated := self._affiliation(claim)) is not None:
            return affiliated
        if head in lexicon.STATE_FORCE_NOUNS and states:  # soldiers are a state's
            return states[0]
        if paragraph in seen.by_paragraph:
            return seen.by_paragraph[paragraph].actor
        if seen.last is not None:
            return seen.last.actor
        return ranked[0] if ranked else (mentioned[0] if mentioned else None)

    def _actor(self, claim: _Claim) -> str | None:
        """The side named with the figure: in its noun phrase ("2,300 Sudanese soldiers",
        "troops from Rwanda"), else the nearest side named before it in its clause, then in its
        sentence (not the speaker, not an appositive, not the side that did the killing)."""
        q = claim.quantity
        norm = self.norm
        s_start = self.spans[claim.sentence][0]
        clause_start, clause_end = claim.clause
        speaker = self.sources.sentences[claim.sentence].speaker
        head_end = self._head_end(claim, clause_end)
        # "3,500 Sudanese soldiers", "troops from Rwanda": only sides close after the figure
        first = bisect.bisect_left(self._actor_starts, q.end)
        stop = bisect.bisect_left(self._actor_starts, min(clause_end, head_end + 40))
        for a in self.actors[first:stop]:
            if _BACKED.match(norm, a.end):
                continue
            if a.end <= head_end and not _NOT_OWNER.search(norm[q.end : a.start].lower()):
                return a.canonical
            if head_end <= a.start and _OWNER_AFTER.fullmatch(norm, head_end, a.start):
                return a.canonical
        own = self._speaker_side(claim)
        speaker_first = speaker is not None and speaker.end <= clause_start
        if (
            own
            and speaker_first
            and (
                _PARTICIPLE_AGENT.match(norm, self._opening(clause_start), q.qualifier_start)
                or _OWN_AGENT.search(
                    norm, max(clause_start, q.qualifier_start - CONTEXT), q.qualifier_start
                )
            )
        ):
            # "..., killing hundreds of fighters" / "its fighters had killed about 450": the
            # speaker's side did it, so the figure counts the other side
            claim.agent = own
            return None
        # The nearest side before the figure in its clause, else in its sentence: the same
        # mention either way, so one search over the sentence.
        index = self._index(claim.sentence)
        nearest = self._nearest_side(s_start, q.qualifier_start, speaker, index)
        if nearest is None:
            return None
        agents = bisect.bisect_left(index.agents, nearest.end)
        if agents < len(index.agents) and index.agents[agents] < q.qualifier_start:
            claim.agent = nearest.canonical  # "Ukraine said it killed 300"
            return None
        possessive_place = (
            norm[nearest.end : nearest.end + 2] == "'s" and nearest.end + 3 in self._place_start_set
        )
        return None if possessive_place else nearest.canonical

    def _nearest_side(self, start: int, end: int, speaker, index: _SentenceIndex):
        """The last side named in ``start``-``end`` that is not the speaker, not inside an
        appositive or the dateline, not a destination ("to Russia") and not "X-backed"."""
        speaker_span = (speaker.start, speaker.end) if speaker else (-1, -1)
        i = bisect.bisect_left(self._actor_starts, end) - 1
        for _ in range(NEAREST_LIMIT):
            if i < 0 or self.actors[i].start < start:
                return None
            a = self.actors[i]
            i -= 1
            if speaker_span[0] - 30 <= a.start <= speaker_span[1]:
                continue
            if index.is_aside(a.start):
                continue
            if _LOCATIVE.search(self.norm, max(0, a.start - 12), a.start):
                continue
            if _BACKED.match(self.norm, a.end):
                continue
            return a
        return None

    def _head_end(self, claim: _Claim, clause_end: int) -> int:
        """Where the figure's noun phrase ends: after its head noun, else right after it."""
        q = claim.quantity
        if not claim.head_word:
            return q.end
        m = _whole_word(claim.head_word).search(self.norm, q.end, min(clause_end, q.end + CONTEXT))
        return m.end() if m else q.end

    def _side_counts(self) -> tuple[list[str], list[str]]:
        """The states and the armed groups the article names, most named first."""
        counts = Counter(a.canonical for a in self.actors)
        states = [a for a, _ in counts.most_common() if self._is_state(a)]
        groups = [a for a, _ in counts.most_common() if not self._is_state(a)]
        return states, groups

    def _is_state(self, actor: str) -> bool:
        entry = self.gaz.places.entries.get(actor.casefold()) or self.gaz.places.entries.get(actor)
        return bool(entry) and entry[1] == "country"

    def _speaker_side(self, claim: _Claim) -> str | None:
        """The side of the sentence's own speaker, when the alias lists know it."""
        source = self.sources.sentences[claim.sentence]
        if source.speaker is None or source.found_in != "sentence":
            return None
        sp = source.speaker
        sides = self.gaz.actors.find(for_matching(f"{sp.mention} {sp.role or ''} {sp.name}"))
        return sides[0].canonical if sides else None

    def _affiliation(self, claim: _Claim) -> str | None:
        """Casualties a military, defence or health body reports with no side named are its
        own side's: "the military said three soldiers were killed"."""
        if claim.category not in ("killed", "wounded", "casualties", "returned_to_duty"):
            return None
        source = self.sources.sentences[claim.sentence]
        speaker = source.speaker
        if speaker is None:
            return None
        pronoun = self.norm[speaker.start : speaker.end].lower() in lexicon.PRONOUNS
        if source.found_in != "sentence" and not pronoun:
            return None  # a speaker inherited from the paragraph speaks of whoever it spoke of
        described = " ".join(filter(None, [speaker.mention, speaker.role or "", speaker.name]))
        if not _OWN_SIDE.search(described):
            return None
        sides = self.gaz.actors.find(for_matching(described))
        if sides:
            return sides[0].canonical
        return self._reporting_sides[claim.sentence]

    @functools.cached_property
    def _reporting_sides(self) -> list[str | None]:
        """Per sentence, the side of the nearest body before it that spoke as a military,
        defence or health body with a known side ("the Sudanese army said")."""
        nearest: list[str | None] = []
        side = None
        for source in self.sources.sentences:
            nearest.append(side)
            sp = source.speaker
            if sp and sp.kind != "person" and _OWN_SIDE.search(sp.mention):
                found = self.gaz.actors.find(for_matching(sp.mention))
                if found:
                    side = found[0].canonical
        return nearest

    def _where(self, claim: _Claim) -> str | None:
        """The place of the figure's clause: the first after it, else the last before it that
        follows "in", "at", "near" or "inside"."""
        q = claim.quantity
        clause_start, clause_end = claim.clause
        dateline = self._index(claim.sentence).dateline
        if dateline:
            clause_start = max(clause_start, dateline[1])  # the dateline is where it was filed
        places, starts = self.places, self._place_starts
        # places do not overlap, so the first one after the figure is the first to end
        i = bisect.bisect_left(starts, q.end)
        if i < len(places) and places[i].end <= clause_end:
            first = places[i]
            # "Ukraine's Kharkiv region": the more specific place after the possessive
            follow = places[i + 1] if i + 1 < len(places) else None
            if (
                follow is not None
                and follow.end <= clause_end
                and follow.start - first.end <= 4
                and self.norm[first.end : first.end + 2] == "'s"
            ):
                return follow.canonical
            return first.canonical
        # else the last place before it that follows "in", "at", "near", "inside"
        i = bisect.bisect_left(starts, q.qualifier_start) - 1
        for _ in range(NEAREST_LIMIT):
            if i < 0 or places[i].start < clause_start:
                break
            p = places[i]
            i -= 1
            if p.end <= q.qualifier_start and _IN_PLACE.search(
                self.norm, max(clause_start, p.start - 40), p.start
            ):
                return p.canonical
        return None

    # --- the row --------------------------------------------------------------------------------
    def _row(self, claim: _Claim) -> dict:
        q = claim.quantity
        section, _, sentence_no, s_start, s_end = self.sentence_rows[claim.sentence]
        source = self.sources.sentences[claim.sentence]
        speaker = source.speaker
        clause_start, clause_end = claim.clause
        cues = self._hedges(claim.sentence, q.start, q.end, claim.window_end)
        return {
            "claim_id": f"{self.article_id}@{q.start}-{q.end}",
            "article_id": self.article_id,
            "section": section,
            "sentence_no": sentence_no,
            "char_start": q.start,
            "char_end": q.end,
            "number_text": self.text[q.start : q.end],
            "quote": self.text[s_start:s_end],
            "value_low": q.value_low,
            "value_high": q.value_high,
            "unit": q.unit,
            "is_approximate": q.is_approximate,
            "bound": q.bound,
            "is_vague": q.is_vague,
            "category": claim.category,
            "actor": claim.actor,
            "attributed_to": speaker.name if speaker else None,
            "speaker_role": speaker.role if speaker else None,
            "attribution_in": source.found_in,
            "cited_source": self.sources.cited.get(speaker.name) if speaker else None,
            "is_hedged": bool(cues),
            "hedge_cues": ", ".join(cues) if cues else None,
            "when_text": self._when(claim.sentence, q, clause_start, clause_end),
            "where_text": claim.where,
        }

    def _hedges(self, sentence: int, q_start: int, q_end: int, window_end: int) -> list[str]:
        """The hedge cues that govern a figure: earlier in its sentence, or after it up to
        ``window_end`` (its clause's end, or the next figure)."""
        cues: list[str] = []
        for start, end, word in self._index(sentence).hedges:
            if start >= window_end:
                break
            if (end <= q_start or (start >= q_end and end <= window_end)) and word not in cues:
                cues.append(word)
        return cues

    def _when(
        self, sentence: int, q: numbers.Quantity, clause_start: int, clause_end: int
    ) -> str | None:
        """The time phrase of the figure's clause: after it, else before it (read within
        :data:`CONTEXT` characters)."""
        index = self._index(sentence)
        for start, end in (
            (q.end, min(clause_end, q.end + CONTEXT)),
            (max(clause_start, q.qualifier_start - CONTEXT), q.qualifier_start),
        ):
            if end - start <= _DIRECT:
                m = _TIME.search(self.norm, start, end)
            else:
                m = search_in(_TIME, self.norm, *index.times, start, end)
            if m:
                found = self.text[m.start() : m.end()]
                return re.sub(r"^(?:in|during|on)\s+", "", found)
        return None


def _after(q: numbers.Quantity, position: int) -> numbers.Quantity:
    """A zero-width stand-in at ``position``, to ask for the clause there."""
    return numbers.Quantity(position, position, "", 0, 0, "persons", False, "none", False, "",
                            position)  # fmt: skip


# Words are read from a space on: no word contains one, so a read that starts at a space finds
# the same words as a read of the whole clause. Short reads first (three characters a word wanted
# suit text dense with numbers, 100 characters prose), the whole context if needed.
_SHORT_READ = 100


def _reads(count: int) -> tuple[int, ...]:
    return (3 * count, _SHORT_READ, CONTEXT)


def _tail_words(norm: str, start: int, end: int, count: int = 8) -> list[str]:
    """The last ``count`` words of ``norm[start:end]`` (quotes left out), read within its last
    :data:`CONTEXT` characters."""
    for reach in _reads(count):
        lo = end - reach
        if lo > start:
            space = _WHITESPACE.search(norm, lo, end)
            lo = space.start() if space else end
        else:
            lo = start
        words = [w for w in _WORD.findall(norm, lo, end) if w not in _QUOTES]
        if len(words) >= count or lo == start:
            break
    return words[-count:]


def _head_words(norm: str, start: int, end: int, count: int) -> list[str]:
    """The first ``count`` words of ``norm[start:end]``, read within its first :data:`CONTEXT`
    characters."""
    for reach in _reads(count):
        hi = start + reach
        if hi < end:
            hi = max(norm.rfind(" ", start, hi), norm.rfind("\n", start, hi), start)
        else:
            hi = end
        words = _WORD.findall(norm, start, hi)
        if len(words) >= count or hi == end:
            break
    return words[:count]


@functools.lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)


def _is_year(q: numbers.Quantity) -> bool:
    return (
        q.value_low == q.value_high
        and 1900 <= q.value_low <= 2100
        and q.text.isdigit()
        and len(q.text) == 4
    )


# How many words after a figure its rules read: the head noun comes within the first eight.
_AFTER_WORDS = 12
_PREDICATE_WORDS = 32  # the head, fillers ("who have since been"), then what happened


def _category_after(after_words: list[str], head_index: int | None) -> str | None:
    """The category a phrase right after the figure (or its head noun) gives it: "troops have
    been killed", "who sustained injuries", "already reported as killed or wounded". Only
    auxiliaries and adverbs may stand between, so "troops to Russia amid heavy casualties" is not
    a casualty count."""
    i = head_index + 1 if head_index is not None else 0
    if [w.lower() for w in after_words[i : i + 2]] in (["of", "them"], ["of", "whom"]):
        i += 2  # "300 of them had died"
    while i < len(after_words) and after_words[i].lower() in _FILLERS:
        i += 1
    rest = " ".join(after_words[i : i + 6])
    if not _ANY_CATEGORY_AFTER.match(rest):
        return None  # most figures: no pattern matches, and one look says so
    for category, pattern in _CATEGORY_AFTER:
        if pattern.match(rest):
            return category
    return None


def _category_before(before_words: list[str]) -> str | None:
    """The category a word right before the figure gives it, connectors allowed between:
    "killed 200", "killing three", "casualties of 5,200", "brought home 157"."""
    words = [w.lower() for w in before_words[-8:]]
    k, dropped = len(words), 0
    while k > 0 and words[k - 1] in lexicon.BEFORE_CONNECTORS and dropped < 4:
        k -= 1
        dropped += 1
    tail = " ".join(words[:k])
    # every phrase ends the text, and none is longer than _BEFORE_WORDS words
    last = " ".join(words[max(0, k - _BEFORE_WORDS) : k])
    if not _ANY_CATEGORY_BEFORE.search(last):
        return None  # most figures: no pattern matches, and one look says so
    for category, pattern in _CATEGORY_BEFORE:
        if pattern.search(tail):
            return category
    return None
