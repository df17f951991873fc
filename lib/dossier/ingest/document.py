"""One parsed article file: its text and the spans of its title and paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """One parsed article. Spans index ``text``; ``paragraphs[0]`` is the summary."""

    article_id: str
    file_name: str
    encoding: str
    text: str
    title: str
    title_span: Span | None  # None when the title is derived
    paragraphs: tuple[Span, ...]
    outlet: str | None
    published_date: str | None = None
    language: str = "en"  # ISO 639-1

    @property
    def is_title_derived(self) -> bool:
        return self.title_span is None

    @property
    def summary(self) -> str:
        start, end = self.paragraphs[0]
        return self.text[start:end]

    @property
    def body(self) -> str:
        if len(self.paragraphs) < 2:
            return ""
        return self.text[self.paragraphs[1][0] : self.paragraphs[-1][1]]
