"""Text normalisation for matching, never for storage.

:func:`for_matching` replaces characters one for one (curly quotes by straight ones, odd spaces by
a space, dashes by a hyphen), so an offset found in the normalised text is the same offset in the
original: every table can point back at the exact characters it came from.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata

_ONE_FOR_ONE = {
    # quotes and apostrophes
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # dashes and minus signs
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    # spaces of every width, and invisible characters that would split words
    "\u00a0": " ", "\u1680": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ",
    "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ",
    "\u200a": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ", "\t": " ",
    "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ",
}  # fmt: skip
_TABLE = str.maketrans(_ONE_FOR_ONE)
# Most text holds few of these characters: a regex finds them in C, about ten times faster than
# str.translate, which looks every character up in the table.
_ODD = re.compile("[" + "".join(re.escape(c) for c in _ONE_FOR_ONE) + "]")

# Letters or digits, joined by apostrophes, hyphens, points, or commas between digits ("9,000").
_WORD = re.compile(r"[^\W_]+(?:(?:['’\-.]|(?<=\d),(?=\d))[^\W_]+)*")
_SPACE = re.compile(r"\s+")
# The extractor's one tokenizer: a word (letters first, inner apostrophes, points and hyphens), a
# number with its separators, or one punctuation mark.
TOKEN = re.compile(r"[A-Za-z][\w'.\-]*[\w]|[A-Za-z]|\d[\d,.]*|[^\w\s]")


def for_matching(text: str) -> str:
    """Return ``text`` with quotes, dashes and spaces normalised, same length, same offsets."""
    return _ODD.sub(_one_for_one, text)


def _one_for_one(match: re.Match[str]) -> str:
    return _ONE_FOR_ONE[match.group()]


_TAG = re.compile(r"</?[A-Za-z][^<>]{0,80}>")


def one_line(text: str | None) -> str | None:
    """``text`` as one line for a table cell: markup tags dropped, every run of whitespace
    (line breaks included) one space; None stays None, and so does text that was only that."""
    if text is None:
        return None
    cleaned = _SPACE.sub(" ", _TAG.sub(" ", text)).strip()
    return cleaned or None


def word_count(text: str) -> int:
    """Return the number of words in ``text`` ("8,000-9,500" and "U.S." are one word each)."""
    return len(_WORD.findall(text))


def fingerprint(text: str) -> str:
    """Return a 16-hex-digit hash of ``text`` that ignores case, quote style, Unicode form and
    whitespace, so the same article saved twice (CRLF, BOM, curly quotes) gets the same value."""
    canonical = unicodedata.normalize("NFKC", for_matching(text)).casefold()
    canonical = _SPACE.sub(" ", canonical).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


# --- searching one text many times ------------------------------------------------------------
# A rule that asks "the first match in this span" for every figure of a sentence would rescan the
# sentence once per figure. These helpers scan it once and answer each span from that scan with
# the answer of ``pattern.search(text, start, end)``. (One difference: a match that exists only
# because the span ends where it does, a word boundary at ``end`` in the middle of a word, is not
# found.)


def anchor_positions(anchor: re.Pattern[str], text: str, start: int, end: int) -> list[int]:
    """Return the positions in ``text[start:end]`` where ``anchor`` matches (a zero-width
    lookahead such as ``(?=\\bword\\b)``: every position, overlapping ones included)."""
    return [m.start() for m in anchor.finditer(text, start, end)]


def search_at(
    pattern: re.Pattern[str], text: str, anchors: list[int], start: int, end: int
) -> re.Match[str] | None:
    """``pattern.search(text, start, end)`` for a pattern that can only start at one of
    ``anchors`` (sorted): tries only those in the span, leftmost first."""
    i = bisect.bisect_left(anchors, start)
    while i < len(anchors) and anchors[i] < end:
        m = pattern.match(text, anchors[i], end)
        if m is not None:
            return m
        i += 1
    return None


def search_in(
    pattern: re.Pattern[str],
    text: str,
    found: list[re.Match[str]],
    starts: list[int],
    start: int,
    end: int,
) -> re.Match[str] | None:
    """``pattern.search(text, start, end)`` answered from ``found``, the matches of one
    ``pattern.finditer`` over a wider span (``starts`` their starts). Rescans only where that
    scan cannot tell: a match running across ``start`` (it may hide one starting inside it) or
    across ``end`` (cut there, it may be shorter or fail)."""
    i = bisect.bisect_left(starts, start)
    if i and found[i - 1].end() > start:
        return pattern.search(text, start, end)
    if i == len(found) or found[i].start() >= end:
        return None
    if found[i].end() <= end:
        return found[i]
    return pattern.search(text, found[i].start(), end)


def trie_regex(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored as a trie so alternatives share prefixes."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches, optional = [], "" in node
        for char in sorted(k for k in node if k):
            piece = r"\s+" if char == " " else re.escape(char)
            branches.append(piece + walk(node[char]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return walk(trie)


def first_letters(alternatives: list[str]) -> str:
    """A lookahead for the characters the regex ``alternatives`` can start with
    ("(?=[CcQq])" for "citing|quoting"), or "" when one of them can start otherwise than with a
    letter or digit. Put before an alternation, it lets the regex engine skip every position
    that cannot start a match, which makes a long case-insensitive alternation several times
    faster to search."""
    chars: set[str] = set()
    for alternative in alternatives:
        for part in _top_level_split(alternative):  # a line may hold "a|b" itself
            found = _first_chars(part)
            if found is None:
                return ""
            chars |= found
    if not chars:
        return ""
    cased = {variant for ch in chars for variant in (ch.lower(), ch.upper())}
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(cased)) + "])"


def _first_chars(regex: str) -> set[str] | None:
    """The first characters of the matches of ``regex`` when it starts with a letter, a digit
    or a group of such alternatives that is not optional; else None."""
    if not regex:
        return None
    head = regex[0]
    if regex[:2] == "\\d":
        return None if regex[2:3] in ("?", "*", "{") else set("0123456789")
    if head.isalnum():
        return None if regex[1:2] in ("?", "*", "{") else {head}
    if head != "(":
        return None
    depth, close = 0, -1
    for i, ch in enumerate(regex):
        if ch == "\\":
            continue
        if ch == "(" and (i == 0 or regex[i - 1] != "\\"):
            depth += 1
        elif ch == ")" and regex[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                close = i
                break
    if close < 0 or regex[close + 1 : close + 2] in ("?", "*", "{"):
        return None
    inner = regex[1:close]
    if inner.startswith("?:"):
        inner = inner[2:]
    elif inner.startswith("?"):
        return None  # a lookaround or a named group
    found: set[str] = set()
    for part in _top_level_split(inner):
        chars = _first_chars(part)
        if chars is None:
            return None
        found |= chars
    return found


def _top_level_split(regex: str) -> list[str]:
    """``regex`` split at the "|" outside its groups."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(regex[start:i])
            start = i + 1
        i += 1
    parts.append(regex[start:])
    return parts
