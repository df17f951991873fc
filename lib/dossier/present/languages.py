"""Language names for readers: "de" -> "German", from Babel's CLDR data (installed with
JupyterLab; nothing is downloaded)."""

from __future__ import annotations

import functools

from babel import Locale


@functools.cache
def language_name(code: str) -> str:
    """The English name of the ISO 639-1 language ``code``, or the code when CLDR has none."""
    return Locale("en").languages.get(code, code)
