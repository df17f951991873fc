"""Parsing one article file and building the ``articles`` frame.

The file format, as collected from news sites::

    Headline line                      (optional; else a title is derived and flagged)
    0                                  (optional counter line)
    5b1c0f6e-2a57-4f0e-9d1a-...        (optional UUID line; becomes the article_id)

    Summary paragraph (the first paragraph)
    Body paragraphs, separated by blank lines or single line breaks
    Original Source: www.example.com   (optional; gives the outlet)
    Leave a Reply ...                  (site trailer: everything after the source line is dropped)

The header lines may come in any combination and order. Offsets in every table index the decoded
text (``articles.text``), whose line ends are normalised to ``\\n``.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pandas as pd

from dossier import paths
from dossier.ingest import language
from dossier.ingest.document import Document, Span
from dossier.ingest.files import UnreadableFile
from dossier.ingest.sentences import split_spans, strip_span
from dossier.text import fingerprint, first_letters, for_matching, word_count

COLUMNS = {
    "article_id": "str",
    "file_name": "str",
    "title": "str",
    "is_title_derived": "bool",
    "summary": "str",
    "body": "str",
    "outlet": "str",
    "word_count": "int64",
    "encoding": "str",
    "published_date": "datetime64[ns]",
    "language": "str",
    "text": "str",
}

_COUNTER = re.compile(r"^\d{1,9}$")
# An optional date line in the header: "2025-03-04", "Published: 2025-03-04T08:00Z".
_DATE = re.compile(
    r"^(?:(?:published|date|updated)\s*:\s*)?(?P<date>\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+Z?)?$",
    re.IGNORECASE,
)
# A date stamp that opens the first line, before its words: "date 2025-03-04 Headline".
_STAMP = re.compile(r"\s*(?:date\s*:?\s*)?(?P<date>\d{4}-\d{2}-\d{2})\s+(?=\S)", re.IGNORECASE)
# An optional language line in the header: "Language: de" (ISO 639-1), overriding the detector.
_LANGUAGE = re.compile(r"^lang(?:uage)?\s*:\s*(?P<code>[a-z]{2})$", re.IGNORECASE)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
# Matched on stripped lines; a lazy value before "\s*$" would be quadratic in a line's spaces.
_SOURCE = re.compile(r"^(?:original\s+)?source\s*:\s*(?P<value>\S.*)$", re.I)
# A plain "Source: The Wall Street Journal" followed later by the footer credits whom the outlet
# relays: a line of page furniture, not the end of the article. The footer says "Original
# Source:" or names a domain ("Source: www.example.com", "Source: https://...").
_FOOTER = re.compile(
    r"^original\s|^source\s*:\s*(?:[a-z][a-z0-9+.-]*://)?[\w-]+(?:\.[\w-]+)+\S*$", re.I
)
_TERMINAL = tuple(".!?…:;\"')]")  # a line ending so ends a sentence
_NOT_HEADLINE_END = tuple(".:;,")  # headlines may end in "?" or "!", not like prose
# Two initials at the very end ("... With U.S."): matched from four characters before the end.
_INITIALISM_END = re.compile(r"(?:\b[A-Za-z]\.){2}$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")

# The dates a datetime64[ns] column holds, whole days only.
_FIRST_DATE = (pd.Timestamp.min + pd.Timedelta(days=1)).date()
_LAST_DATE = (pd.Timestamp.max - pd.Timedelta(days=1)).date()

MAX_HEADLINE_WORDS = 30
DERIVED_TITLE_WORDS = 16
WRAP_MIN_CHARS = 50


def load_boilerplate(path: Path | None = None) -> tuple[str, ...]:
    """Return the site-trailer line prefixes of ``data/boilerplate.txt`` (one per line, ``#``
    comments), normalised for matching."""
    path = path or paths.BOILERPLATE_FILE
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return tuple(
        for_matching(line.strip()).casefold()
        for line in lines
        if line.strip() and not line.lstrip().startswith("#")
    )


@functools.cache
def furniture(path: Path | None = None) -> re.Pattern[str]:
    """The page-furniture lines of ``data/page_furniture.txt`` as one pattern for a whole
    stripped line (see that file)."""
    path = path or paths.FURNITURE_FILE
    lines = [line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines()]
    patterns = [line.replace(" ", r"\s+") for line in lines if line and not line.startswith("#")]
    guard = first_letters(patterns)  # most lines start otherwise: one look says so
    return re.compile(
        guard + "(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\Z", re.IGNORECASE
    )


def parse(text: str, file_name: str, encoding: str, boilerplate: Sequence[str] = ()) -> Document:
    """Return the :class:`Document` in ``text``; raises ``UnreadableFile("no_body", ...)`` when
    the file holds no paragraph of article text."""
    lines = _lines(text)
    norm = for_matching(text)
    content = [(s, e) for s, e in lines if norm[s:e].strip()]
    title_span, uuid, published, stated_language, rest = _header(norm, content)
    if published is not None:
        _check_date(published)
    outlet, paragraphs = _paragraphs(norm, rest, boilerplate)
    if not paragraphs:
        what = "only a headline" if title_span else "no article text"
        raise UnreadableFile("no_body", f"no body text: the file holds {what}")
    if title_span is not None:
        title = text[title_span[0] : title_span[1]]
        id_basis = [title_span, *paragraphs]
    else:
        title = _derive_title(text, paragraphs[0])
        id_basis = list(paragraphs)
    article_id = uuid.lower() if uuid else fingerprint("\n".join(text[s:e] for s, e in id_basis))
    return Document(
        article_id=article_id,
        file_name=file_name,
        encoding=encoding,
        text=text,
        title=title,
        title_span=title_span,
        paragraphs=tuple(paragraphs),
        outlet=outlet,
        published_date=published,
        language=stated_language or language.detect(norm, title_span, paragraphs),
    )


def _check_date(value: str) -> None:
    """Raise ``UnreadableFile("bad_date", ...)`` unless the header's date line is a calendar
    date the tables can hold (1678 to 2261: what a nanosecond timestamp spans)."""
    try:
        date = datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise UnreadableFile(
            "bad_date", f"the header's date line {value} is no date: {exc}"
        ) from exc
    if not _FIRST_DATE <= date <= _LAST_DATE:
        raise UnreadableFile(
            "bad_date",
            f"the header's date line {value} is out of range "
            f"({_FIRST_DATE.year}-{_LAST_DATE.year})",
        )


def frame(documents: Iterable[Document]) -> pd.DataFrame:
    """Return the ``articles`` frame, one row per article: article_id, file_name, title,
    is_title_derived, summary, body, outlet, word_count, encoding, published_date (NaT when the
    header has no date line), language (ISO 639-1: a header's "Language:" line, else
    detected), text."""
    rows = []
    for doc in documents:
        counted = (
            [doc.summary, doc.body] if doc.is_title_derived else [doc.title, doc.summary, doc.body]
        )
        rows.append(
            {
                "article_id": doc.article_id,
                "file_name": doc.file_name,
                "title": doc.title,
                "is_title_derived": doc.is_title_derived,
                "summary": doc.summary,
                "body": doc.body,
                "outlet": doc.outlet,
                "word_count": sum(word_count(t) for t in counted),
                "encoding": doc.encoding,
                "published_date": pd.to_datetime(doc.published_date),
                "language": doc.language,
                "text": doc.text,
            }
        )
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype(COLUMNS)


def normalise_outlet(value: str) -> str | None:
    """Return the outlet of a source line: lower case, no scheme, no ``www.``, no path
    ("https://www.Example.com/news/1" -> "example.com"); plain names are lower-cased."""
    value = for_matching(value).strip().strip(".,;").lower()
    value = _SCHEME.sub("", value)
    if " " not in value and "." in value:
        value = re.split(r"[/?#]", value, maxsplit=1)[0].split(":")[0]
    value = re.sub(r"^www\d*\.", "", value)
    return value or None


def _lines(text: str) -> list[Span]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _header(norm: str, content: list[Span]) -> tuple:
    """Split the non-blank lines into (title span, UUID, published date, stated language,
    remaining lines)."""
    uuid = published = language = None
    i = 0

    def fields(i: int) -> int:
        nonlocal uuid, published, language
        while i < len(content):
            line = norm[content[i][0] : content[i][1]].strip()
            if _UUID.match(line):
                uuid = uuid or line
            elif date := _DATE.match(line):
                published = published or date.group("date")
            elif stated := _LANGUAGE.match(line):
                language = language or stated.group("code").lower()
            elif not _COUNTER.match(line):
                break
            i += 1
        return i

    i = fields(i)
    if i >= len(content):
        return None, uuid, published, language, []
    candidate = content[i]
    stamp = _STAMP.match(norm, candidate[0], candidate[1])
    if stamp:  # "date 2025-03-04 Headline ...": a date stamp pasted before the first line
        published = published or stamp.group("date")
        candidate = (stamp.end(), candidate[1])
        content = [*content[:i], candidate, *content[i + 1 :]]
    after = fields(i + 1)
    is_source = bool(_SOURCE.match(norm[candidate[0] : candidate[1]].strip()))
    has_fields = after > i + 1 and not is_source
    is_title = has_fields or (after < len(content) and _looks_like_headline(norm, candidate))
    if not is_title:
        return None, uuid, published, language, content[i:]
    return strip_span(norm, *candidate), uuid, published, language, content[after:]


def _looks_like_headline(norm: str, span: Span) -> bool:
    line = norm[span[0] : span[1]].strip()
    if word_count(line) > MAX_HEADLINE_WORDS:
        return False
    if _SOURCE.match(line):
        return False
    if line.endswith(_NOT_HEADLINE_END) and not _INITIALISM_END.search(line, len(line) - 4):
        return False  # a headline does not end like a sentence ("... Talks With U.S." does)
    return len(split_spans(line)) == 1


def _paragraphs(
    norm: str, lines: list[Span], boilerplate: Sequence[str]
) -> tuple[str | None, list[Span]]:
    """Return (outlet, paragraph spans). Lines without a blank line between them are one
    paragraph when the first does not end like a sentence (hard-wrapped text)."""
    outlet = None
    paragraphs: list[Span] = []
    previous: Span | None = None  # the raw span of the last paragraph line
    last_footer: int | None = None  # the last footer line, found when a source line needs it
    dropping = False  # the lines after a "Read also:" header, up to a blank line
    for i, (start, end) in enumerate(lines):
        line = norm[start:end].strip()
        if dropping and norm[lines[i - 1][1] : start].count("\n") == 1:
            continue
        dropping = False
        if len(line) <= 120 and furniture().match(line):
            dropping = line.endswith(":")
            previous = None
            continue
        source = _SOURCE.match(line)
        if source:
            if last_footer is None:
                footers = [k for k, (s, e) in enumerate(lines) if _FOOTER.match(norm[s:e].strip())]
                last_footer = footers[-1] if footers else -1
            if i < last_footer and not _FOOTER.match(line):
                previous = None  # a credit line ("Source: Reuters"): dropped, the text goes on
                continue
            outlet = outlet or normalise_outlet(source.group("value"))
            if paragraphs:
                break  # the source line closes the article; what follows is site chrome
            previous = None
            continue
        if boilerplate and line.casefold().startswith(tuple(boilerplate)):
            if paragraphs:
                break
            previous = None
            continue
        span = strip_span(norm, start, end)
        if previous is not None and _is_wrapped(norm, previous, span):
            paragraphs[-1] = (paragraphs[-1][0], span[1])
        else:
            paragraphs.append(span)
        previous = (start, end)
    return outlet, paragraphs


def _is_wrapped(norm: str, previous: Span, span: Span) -> bool:
    """Whether ``span`` continues the line ``previous`` (hard-wrapped text): no blank line
    between, the previous line does not end like a sentence, and either this line starts in
    lower case or the previous one is long (a short line is a subheading, not a wrap)."""
    if norm[previous[1] : span[0]].count("\n") != 1:
        return False
    prev = norm[previous[0] : previous[1]].strip()
    if prev.endswith(_TERMINAL):
        return False
    return norm[span[0]].islower() or len(prev) >= WRAP_MIN_CHARS


def _derive_title(text: str, summary: Span) -> str:
    """A headline from the first sentence of the summary: its first clause when that is long
    enough to stand alone, else the sentence cut at a word boundary."""
    start, end = split_spans(text, *summary)[0]
    sentence = text[start:end].rstrip(".!?… ")
    words = sentence.split()
    if len(words) <= DERIVED_TITLE_WORDS:
        return sentence
    clause = re.split(r"[,;:]\s|\s[–—-]\s", sentence, maxsplit=1)[0]
    if 6 <= len(clause.split()) <= DERIVED_TITLE_WORDS:
        return clause
    return " ".join(words[:DERIVED_TITLE_WORDS]) + "…"
