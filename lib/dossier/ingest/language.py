"""The language of an article, as an ISO 639-1 code.

The model is py3langid's (the maintained packaging of langid.py: a naive Bayes model of 97
languages shipped inside the package, so nothing is downloaded at run time). It reads the
headline and the opening paragraphs, at most :data:`SAMPLE_CHARS`. Most articles of a corpus
are English, and the model costs about as much as the rest of ingest; a sample whose words are
English's common function words (``data/lexicon/en/common_words.txt``) at :data:`ENGLISH_SHARE`
or more is English without asking it. A header line ``Language: de`` overrides both
(:mod:`dossier.ingest.articles`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from dossier import paths

SAMPLE_CHARS = 1000
ENGLISH_CHARS = 400  # the part of the sample the English words are counted in
ENGLISH_SHARE = 0.12  # English prose runs 0.25-0.40; the other languages here stay under 0.03
MIN_WORDS = 3  # fewer words than this (a stub of figures) is left to the default
MIN_CONFIDENCE = 0.5  # the model's probability below which its answer is a guess: the default
DEFAULT = "en"
_WORD = re.compile(r"[^\W\d_]+")
_COMMON = paths.DATA_DIR / "lexicon" / "en" / "common_words.txt"


@functools.cache
def _english_words() -> frozenset[str]:
    lines = _COMMON.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


@functools.cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def of_text(sample: str) -> str:
    """The ISO 639-1 code of ``sample``'s language; :data:`DEFAULT` for a sample of fewer than
    :data:`MIN_WORDS` words or one the model is unsure of (lists of figures, names, tables)."""
    sample = sample[:SAMPLE_CHARS]
    # the first sixty-odd words tell most English articles, at a third of the cost of all;
    # a headline in capitals and a short lead may need the whole sample
    for size in (ENGLISH_CHARS, SAMPLE_CHARS):
        words = _WORD.findall(sample[:size].lower())
        if sum(map(_english_words().__contains__, words)) >= ENGLISH_SHARE * len(words) > 0:
            return "en"
    if len(words) < MIN_WORDS:
        return DEFAULT
    code, probability = _identifier().classify(sample)
    return str(code) if probability >= MIN_CONFIDENCE else DEFAULT


def detect(text: str, title: tuple[int, int] | None, paragraphs: Sequence[tuple[int, int]]) -> str:
    """The language of an article from its headline and first paragraphs (spans of ``text``)."""
    parts, size = [], 0
    for start, end in ([title] if title else []) + list(paragraphs):
        parts.append(text[start : min(end, start + SAMPLE_CHARS - size)])
        size += len(parts[-1]) + 1
        if size >= SAMPLE_CHARS:
            break
    return of_text("\n".join(parts))
