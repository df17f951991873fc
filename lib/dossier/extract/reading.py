"""Reading the words around a figure, within fixed bounds.

Every rule reads at most :data:`CONTEXT` characters of a figure's clause either way: real clauses
are far shorter, and the bound keeps the work per figure constant, so no input (a list of
thousands of numbers, a megabyte without punctuation) makes extraction quadratic.
"""

from __future__ import annotations

import functools
import re

from dossier.text import TOKEN

# How far on either side of a figure, within its clause, its rules read (characters).
CONTEXT = 300
# How many mentions of sides or places the search for the nearest one may pass over.
NEAREST_LIMIT = 64
# Below this many characters a pattern is searched directly: the sentence's anchors pay off in
# long spans only.
DIRECT = 160

_WHITESPACE = re.compile(r"\s")
QUOTES = frozenset({'"', "'"})
# Words are read from a space on: no word contains one, so a read that starts at a space finds
# the same words as a read of the whole clause. Short reads first (three characters a word wanted
# suit text dense with numbers, 100 characters prose), the whole context if needed.
_SHORT_READ = 100


def _reads(count: int) -> tuple[int, ...]:
    return (3 * count, _SHORT_READ, CONTEXT)


def tail_words(norm: str, start: int, end: int, count: int = 8) -> list[str]:
    """The last ``count`` words of ``norm[start:end]`` (quotes left out), read within its last
    :data:`CONTEXT` characters."""
    for reach in _reads(count):
        lo = end - reach
        if lo > start:
            space = _WHITESPACE.search(norm, lo, end)
            lo = space.start() if space else end
        else:
            lo = start
        words = [w for w in TOKEN.findall(norm, lo, end) if w not in QUOTES]
        if len(words) >= count or lo == start:
            break
    return words[-count:]


def head_words(norm: str, start: int, end: int, count: int) -> list[str]:
    """The first ``count`` words of ``norm[start:end]``, read within its first :data:`CONTEXT`
    characters."""
    for reach in _reads(count):
        hi = start + reach
        if hi < end:
            hi = max(norm.rfind(" ", start, hi), norm.rfind("\n", start, hi), start)
        else:
            hi = end
        words = TOKEN.findall(norm, start, hi)
        if len(words) >= count or hi == end:
            break
    return words[:count]


@functools.lru_cache(maxsize=256)
def whole_word(word: str) -> re.Pattern[str]:
    """A pattern for ``word`` as a whole word, any case."""
    return re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
