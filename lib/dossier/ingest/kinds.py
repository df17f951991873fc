"""Files that decode as text but are no article: a saved web page, a PDF or other document
with a text-looking start, data (JSON, JSON lines, CSV with a header of fields). Each is a
``not_article`` problem that says what the file looks like, never an article titled
``<!DOCTYPE html>`` or ``{"file": ...}``.

Told from the file's start, the way ``file(1)`` tells formats by their magic: a few regexes
anchored at the first characters, so the check costs the same for any size of file.
"""

from __future__ import annotations

import json
import re

_START = 2000  # characters looked at
_MARKUP = re.compile(r"\s*(?:<\?xml\b|<!doctype\s+html\b|<html\b|<head\b|<body\b)", re.IGNORECASE)
_MAGIC = {
    "%PDF-": "a PDF document",
    "{\\rtf": "an RTF document",
    "PK\x03\x04": "a ZIP archive (or a Word or Excel file)",
}
_JSON_START = re.compile(r"\s*[\[{]")


def problem(text: str) -> str | None:
    """Why ``text`` (a decoded file) is no article, or None when it may be one."""
    start = text[:_START]
    for magic, what in _MAGIC.items():
        if start.startswith(magic):
            return f"not an article: {what}"
    if _MARKUP.match(start):
        return "not an article: markup (a saved web page or XML); save the article's text"
    if _JSON_START.match(start) and _is_json(text):
        return "not an article: JSON data"
    return None


def _is_json(text: str) -> bool:
    """Whether the file is one JSON value, or JSON lines (its first line parses as JSON)."""
    first = text.lstrip().split("\n", 1)[0]
    for candidate in (first, text):
        try:
            json.loads(candidate)
            return True
        except ValueError:
            continue
    return False
