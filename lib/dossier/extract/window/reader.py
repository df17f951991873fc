"""The window reader: the claims of one article in a language other than English.

For each figure of a sentence (:mod:`dossier.extract.window.numbers`):

1. its **head**: the first cue noun in the few words after it (a force noun, a casualty noun, a
   person noun or counter, or a thing that makes it no claim), else the last one before it in
   its clause (Korean writes "북한군 1만 명", Russian "потери — 1200 человек");
2. its **category**: a casualty noun gives its own; a force or person head takes the casualty
   predicates of its clause (killed and wounded together are casualties), else a reinforcement
   cue makes it reinforcements, else a force head (or a person head with a deployment cue) is
   deployed; a rate cue after a casualty makes it a rate;
3. its **side**, **speaker**, **hedges** and **time** from the same sentence
   (:mod:`dossier.extract.window.sources`).
"""

from __future__ import annotations

import itertools
import re

from dossier.extract.categories import REGISTRY
from dossier.extract.doc import Doc
from dossier.extract.numbers import Quantity
from dossier.extract.window.cues import Cues
from dossier.extract.window.sources import Sources

HEAD_WORDS = 4  # the head noun stands this many words after the figure at most
BEFORE_WORDS = 3  # ... or this many before it, in its clause
_WORDS_AFTER = re.compile(r"(?:\W*\w+){1,%s}" % HEAD_WORDS)  # noqa: UP031 (braces)
_WORD_BEFORE = re.compile(r"\w+\W*\Z")
_YEAR = re.compile(r"(?:19|20)\d\d")  # a bare number that may be a year
_SPACE = re.compile(r"\s*")
_WORD_AFTER = re.compile(r"\W*\w+")
_WORDS_BEFORE = re.compile(r"(?:\w+\s+){1,2}\Z")  # the two words before a figure
ELLIPSIS_CHARS = 40  # a figure without a noun this close after a counted one counts the same
BARE_FORCE = "force"  # a force figure with no cue in its clause: see :func:`claims`
CASUALTIES = frozenset(c.name for c in REGISTRY if c.kind == "casualty")


def claims(doc: Doc, cues: Cues) -> list[dict]:
    """The ledger rows (:data:`dossier.extract.steps.rows.COLUMNS`) of ``doc``."""
    norm, rows = doc.norm, []
    sources = Sources(doc, cues)
    last: tuple[int, int, str] | None = None  # (paragraph, sentence, category) of the last claim
    for index, s in enumerate(doc.sentences):
        figures = cues.numbers.find(norm, s.start, s.end)
        read = []
        for k, q in enumerate(figures):
            limit = figures[k + 1].start if k + 1 < len(figures) else s.end
            clause = _clause(norm, cues, s.start, s.end, q)
            head = _head(norm, cues, q, limit, clause)
            if head is None and read and _elliptic(q, read[-1][0], read[-1][2]):
                head = read[-1][2]  # "7 тысяч бойцов, а по другим сведениям 8 тысяч"
            if head is not None and head[0] != "not_claim":
                read.append((q, clause, head))
        wholes = _wholes(norm, cues, [q for q, _, _ in read])
        # the casualty words of a sentence go to its figures that count people, not to its
        # dates, not to the whole of a part ("800 of the 9,000 soldiers"), not to a figure
        # with a casualty noun of its own ("300 soldats tués et 500 blessés")
        owners = [q for q, _, head in read if q not in wholes and not _named(q, head)]
        heads = {head[2].span(): q for q, _, head in read}
        previous: tuple[Quantity, tuple, str] | None = None  # the sentence's last claim
        for q, clause, head in read:
            others = {span for span, f in heads.items() if f is not q}
            category = (
                "deployed"
                if q in wholes
                else _category(norm, cues, q, head, clause, owners, others)
            )
            if category == BARE_FORCE and previous and _coordinated(norm, cues, previous, q):
                category = previous[2]  # "300 Soldaten und 50 Söldner" verwundet
            if category == BARE_FORCE:
                # a force figure with no cue of its own, joined by "of them", "among them" to a
                # casualty figure just before, breaks it down; else it is a force's size
                near = last is not None and last[0] == s.paragraph_no and index - last[1] <= 1
                joined = near and cues.continuation.search(norm, s.start, q.qualifier_start)
                category = last[2] if joined and last[2] in CASUALTIES else "deployed"
            if category is None:
                continue
            last = (s.paragraph_no, index, category)
            previous = (q, head, category)
            rows.append(sources.row(index, q, category, clause))
    return rows


def _elliptic(q: Quantity, before: Quantity, head: tuple) -> bool:
    """Whether ``q``, a figure without a head noun, counts what the figure ``before`` (with
    ``head``) counts: it follows that head closely and is of the same order (no day, no
    share)."""
    close = 0 <= q.start - head[2].end() <= ELLIPSIS_CHARS
    year = _YEAR.fullmatch(q.text) is not None and q.qualifier_start == q.start
    return close and not year and q.value_low >= 100 and before.value_low >= 100


def _named(q: Quantity, head: tuple) -> bool:
    """Whether the figure's own noun after it is a casualty noun ("500 blessés"): it takes no
    casualty word of its sentence."""
    return head[0] in CASUALTIES and head[2].start() >= q.end


def _coordinated(norm: str, cues: Cues, previous: tuple, q: Quantity) -> bool:
    """Whether ``q`` is joined by "and" to the claim before it ("300 Soldaten und 40
    Söldner"), so it counts what that one counts."""
    before, head, _ = previous
    end = max(before.end, head[2].end())
    gap = cues.conjunction.fullmatch(norm, end, q.qualifier_start)
    return end <= q.qualifier_start and gap is not None


def _wholes(norm: str, cues: Cues, figures: list[Quantity]) -> list[Quantity]:
    """The figures that are the whole a figure before them is part of: "800 dei 9mila
    soldati", "600 des 7 000 soldats"."""
    return [
        q
        for p, q in itertools.pairwise(figures)
        if cues.partitive.fullmatch(norm, p.end, q.qualifier_start)
    ]


def _clause(norm: str, cues: Cues, start: int, end: int, q: Quantity) -> tuple[int, int]:
    """The span of the figure's clause: its sentence cut at the clause breaks around it."""
    lo, hi = start, end
    for m in cues.clause_breaks.finditer(norm, start, end):
        if m.end() <= q.qualifier_start:
            lo = m.end()
        elif m.start() >= q.end:
            hi = m.start()
            break
    return lo, hi


def _head(norm: str, cues: Cues, q: Quantity, limit: int, clause: tuple[int, int]):
    """(kind, category-or-None, match) of the figure's head noun, or None."""
    window = _WORDS_AFTER.match(norm, q.end, max(q.end, min(limit, clause[1])))
    after_end = window.end() if window else q.end
    best = None
    for kind, pattern in cues.heads:
        m = pattern.search(norm, q.end, after_end)
        if m and (best is None or m.start() < best[2].start()):
            best = (kind, None, m)
    if _YEAR.fullmatch(q.text) and q.qualifier_start == q.start:
        # a bare year-like number counts people only with its noun right after it ("2000
        # soldats"); "tués en 2023", "seit 2022", "nel 2022 i soldati" are dates
        gap = _SPACE.match(norm, q.end)
        return best if best is not None and best[2].start() == gap.end() else None
    words = BEFORE_WORDS
    if best is not None:
        if best[0] != "persons" or cues.bounded:
            return best
        # a counter ("1만 명"): the noun right before the figure says whom it counts ("북한군 1만
        # 명", "사망자 300명", "노동자 1만 명")
        words = 1
    # before it: the nearest cue of the few words before, within the clause
    start = q.qualifier_start
    lo = start
    for _ in range(words):
        w = _WORD_BEFORE.search(norm, clause[0], lo)
        if w is None:
            break
        lo = w.start()
    before = None
    for kind, pattern in cues.heads:
        for m in pattern.finditer(norm, lo, start):
            if before is None or m.start() > before[2].start():
                before = (kind, None, m)
    return before or best


def _category(
    norm: str,
    cues: Cues,
    q: Quantity,
    head: tuple,
    clause: tuple[int, int],
    figures: list[Quantity],
    others: set[tuple[int, int]] = frozenset(),
) -> str | None:
    """The category of ``q`` with ``head``; ``figures`` are the sentence's figures that take
    casualty words, ``others`` the spans of the other figures' head nouns."""
    kind, _, m = head
    # "weitere 3.000 Soldaten", "3.000 weitere Soldaten": a reinforcement cue in the figure's own
    # phrase outweighs a casualty word elsewhere in its clause
    lead = _WORDS_BEFORE.search(norm, clause[0], q.qualifier_start)
    follow = _WORD_AFTER.match(norm, m.end(), clause[1])  # "3 000 soldats supplémentaires"
    phrase = (lead.start() if lead else q.qualifier_start, follow.end() if follow else m.end())
    sent = cues.deployment.search(norm, *clause)
    if kind not in CASUALTIES and sent and cues.reinforcement.search(norm, *phrase):
        return "reinforcements"
    if kind in CASUALTIES:
        category = kind
        other = _next_casualty_noun(norm, cues, m.end(), clause[1])
        if other and other != kind and {kind, other} <= {"killed", "wounded", "casualties"}:
            category = "casualties"  # "Tote und Verwundete"
    else:
        category = _predicate(norm, cues, q, clause, figures, others)
        if category is None:
            if cues.total.search(norm, *clause):
                return "deployed"  # "the contingent grows to 14,000": a total, not the wave
            until = max(m.end(), q.end)
            if (
                not cues.bounded
            ):  # verb-final: the cue stands before the verb ("병력을 추가로 파병")
                verb = cues.deployment.search(norm, until, clause[1])
                until = verb.end() if verb else clause[1]
            if cues.reinforcement.search(norm, clause[0], until):
                return "reinforcements"
            if sent:
                return "deployed"
            return BARE_FORCE if kind == "force" else None
    rated = category in ("killed", "wounded", "casualties")
    rate = rated and any(
        _owned(r.span(), q, figures, not cues.bounded) for r in cues.rate.finditer(norm, *clause)
    )
    return "casualty_rate" if rate else category


def _next_casualty_noun(norm: str, cues: Cues, at: int, end: int) -> str | None:
    """The category of a casualty noun joined to the one ending at ``at``: "Tote und Verwundete"."""
    joined = cues.conjunction.match(norm, at, end)
    if joined is None:
        return None
    for kind, pattern in cues.heads:
        if kind in CASUALTIES and pattern.match(norm, joined.end(), end):
            return kind
    return None


def _distance(span: tuple[int, int], q: Quantity) -> int:
    """How far a cue is from a figure: after it by its gap, before it by twice its gap (a cue
    after a figure governs it more often than one before)."""
    return span[0] - q.end if span[0] >= q.end else 2 * (q.qualifier_start - span[1])


def _owned(
    span: tuple[int, int], q: Quantity, figures: list[Quantity], verb_final: bool = False
) -> bool:
    """Whether a cue is nearer ``q`` than any other figure of its sentence: in "200 fielen, die
    Zahl der Verletzten liegt bei 900" the wounded are the 900. In a verb-final language a cue
    belongs to the last figure before it ("200명이 숨지고 500명이 다쳤다")."""
    if not any(f is q for f in figures):  # a figure that takes no casualty word still owns cues
        figures = sorted([*figures, q], key=lambda f: f.start)
    if verb_final:
        before = [f for f in figures if f.end <= span[0]]
        return before[-1] is q if before else figures[0] is q
    mine = abs(_distance(span, q))
    return all(f is q or abs(_distance(span, f)) >= mine for f in figures)


def _predicate(
    norm: str,
    cues: Cues,
    q: Quantity,
    clause: tuple[int, int],
    figures: list[Quantity],
    others: set[tuple[int, int]] = frozenset(),
) -> str | None:
    """The category the casualty words of the figure's clause give it: of the words nearer it
    than any other figure, the nearest; casualties when killed and wounded are both there
    ("getötet oder verwundet", "muertos, desaparecidos o heridos")."""
    found: dict[str, int] = {}
    for category, pattern in cues.predicates:
        for m in pattern.finditer(norm, *clause):
            if m.span() in others or not _owned(m.span(), q, figures, not cues.bounded):
                continue
            distance = _distance(m.span(), q)
            if category not in found or distance < found[category]:
                found[category] = distance
    if not found:
        return None
    if "killed" in found and "wounded" in found:
        return "casualties"
    return min(found, key=found.get)
