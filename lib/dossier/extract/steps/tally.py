"""Step 2c, a tally: the items of a list take the category of the list's header.

Reads the sentence of a candidate and the sentences before it; returns the category of the list
it is an item of, or None. An item is a short line that starts with a figure or a bullet
("78 members of the militia, among them four officers.", "- 12 marines"); its header is the
nearest earlier sentence ending in a colon ("The dead, by side:"), with only items between, and
names what the list counts (``data/lexicon/en/tally_headers.txt``).
"""

from __future__ import annotations

import re

from dossier.extract import lexicon, numbers
from dossier.extract.doc import Doc
from dossier.extract.steps.claim import Candidate

EN = lexicon.EN
ITEM_WORDS = 24  # a list item is a line, not a paragraph of prose
ITEM_CHARS = 300  # nor longer than this
MAX_ITEMS = 40  # how many items back a header may stand
_HEADERS = [
    (c, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for c, p in EN.categories("tally_headers")
]
_BULLET = re.compile(r"\s*(?:[-•*·–—]\s*|\d{1,2}[.)]\s+)?")
_FIRST = re.compile(r"[\w,.]+")
_WORD = re.compile(r"\S+")


def tally_category(doc: Doc, c: Candidate) -> str | None:
    """The category the header of the list holding ``c`` gives it, or None."""
    if not _is_item(doc, c.sentence):
        return None
    for k in range(c.sentence - 1, max(-1, c.sentence - 1 - MAX_ITEMS), -1):
        s = doc.sentences[k]
        text = doc.norm[s.start : s.end].rstrip()
        if text.endswith(":"):
            return next((cat for cat, p in _HEADERS if p.search(text)), None)
        if not _is_item(doc, k):
            return None
    return None


def _is_item(doc: Doc, sentence: int) -> bool:
    """Whether sentence number ``sentence`` is a list item: a short paragraph of its own that
    opens with a figure, after a bullet or a number if any."""
    s = doc.sentences[sentence]
    if s.end - s.start > ITEM_CHARS:
        return False  # longer than any line of a list
    if any(
        o.paragraph_no == s.paragraph_no
        for o in doc.sentences[max(0, sentence - 1) : sentence + 2]
        if o is not s
    ):
        return False  # a sentence in a paragraph of prose
    text = doc.norm[s.start : s.end]
    if len(_WORD.findall(text)) > ITEM_WORDS:
        return False
    first = _FIRST.match(text, _BULLET.match(text).end())
    if first is None:
        return False
    word = first.group(0).rstrip(",.").lower()
    return word[:1].isdigit() or word in numbers.WORD_VALUES
