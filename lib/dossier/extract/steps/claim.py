"""The records the steps pass along: a candidate figure, and a claim."""

from __future__ import annotations

from typing import NamedTuple

from dossier.extract.numbers import Quantity


class Candidate(NamedTuple):
    """A number that may be a claim, with what its rules read around it."""

    quantity: Quantity
    sentence: int  # index into the document's sentences
    clause: tuple[int, int]  # the figure's clause
    lead_start: int  # where the bounded read before the figure starts
    before_words: list[str]  # the last words of the clause before the figure
    prev: str  # the word right before it, lower case
    after_at: int  # where the words after it start (past a suffix or a percent mark)
    after_words: list[str]
    window_end: int  # the clause's end, or the next figure's start
    head: str | None  # "force", "casualty" or None
    head_category: str | None  # the category a casualty head noun gives
    head_index: int | None  # the head's position in after_words
    head_word: str | None  # the head noun, lower case
    reinforced: bool  # "more", "additional" between the figure and its noun
    adjective: str | None  # the category of a casualty adjective: "12k wounded soldiers"


class Claim(NamedTuple):
    """A figure that is a claim: its category, and once the later steps ran, its side, its
    place and the side that did the killing or capturing (when the text says)."""

    quantity: Quantity
    sentence: int
    category: str
    has_deploy_cue: bool
    window_end: int
    head_word: str | None
    clause: tuple[int, int]
    actor: str | None = None
    where: str | None = None
    agent: str | None = None


class Earlier(NamedTuple):
    """What the claims before a figure tell its category rules: the last claim of its sentence
    so far, whether a force figure came before in its sentence or paragraph, and the last claim
    of its paragraph before its sentence."""

    previous: Claim | None
    force_before: bool
    paragraph_last: Claim | None = None  # the last claim of its paragraph before its sentence
