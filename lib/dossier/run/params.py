"""The briefing's parameters checked before a kernel starts: each rule reads one parameter's
value and says what is wrong with it, in one line (or None). ``dossier brief -p`` exits 2 on the
first problem, so a typo costs no kernel start and never gives a silently empty briefing."""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dossier.extract.categories import CATEGORIES

GRADES = tuple("ABCDEF")


def _date(name: str, value: Any) -> str | None:
    if value is None:
        return None
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return f"-p {name} {value!r} is no date: write YYYY-MM-DD (2025-03-31)"
    return None


def _names(name: str, value: Any, known: tuple[str, ...] | None = None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return f"-p {name} takes a JSON list of text, such as '[\"{(known or ('x',))[0]}\"]'"
    for item in value if known else ():
        if item not in known:
            close = difflib.get_close_matches(item, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            return f"-p {name}: unknown value {item!r}{hint}; known: {', '.join(known)}"
    return None


def _grade(name: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and value.upper() in GRADES):
        return None
    return f"-p {name} takes a grade A-F, not {value!r}"


def _text(name: str, value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return None
    return f"-p {name} takes text, not {value!r}"


RULES: dict[str, Callable[[str, Any], str | None]] = {
    "since": _date,
    "until": _date,
    "categories": lambda name, value: _names(name, value, CATEGORIES),
    "outlets": _names,
    "min_reliability": _grade,
    "query": _text,
    "title": _text,
}


def problem(parameters: dict[str, Any], declared: dict[str, Any]) -> str | None:
    """What is wrong with ``parameters`` (name -> value) for a notebook declaring ``declared``:
    an unknown name, a value a rule refuses, or a period that ends before it starts."""
    for name, value in parameters.items():
        if name not in declared:
            close = difflib.get_close_matches(name, list(declared), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            return f"unknown parameter {name!r}{hint}; the notebook takes: {', '.join(declared)}"
        rule = RULES.get(name)
        if rule is not None and (found := rule(name, value)):
            return found
    since, until = parameters.get("since"), parameters.get("until")
    if since and until and str(since) > str(until):
        return f"-p since {since} is after -p until {until}"
    return None


class ParametersFileError(ValueError):
    """A parameters file that cannot be read as a mapping of names to values."""


def load_file(path: Path) -> dict[str, Any]:
    """The parameters of a YAML file (papermill's ``-f``): a mapping of names to values."""
    import yaml

    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ParametersFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ParametersFileError(f"{path} is not UTF-8 text") from exc
    except yaml.YAMLError as exc:
        raise ParametersFileError(f"{path} is no YAML: {str(exc).splitlines()[0]}") from exc
    if loaded is None:
        return {}
    if not isinstance(loaded, dict) or not all(isinstance(k, str) for k in loaded):
        raise ParametersFileError(f"{path} must map parameter names to values")
    return {k: v.isoformat() if isinstance(v, datetime.date) else v for k, v in loaded.items()}


def describe(declared: dict[str, Any]) -> str:
    """The notebook's parameters, one a line: name, default and what it is for."""
    width = max((len(name) for name in declared), default=0)
    return "\n".join(
        f"{name:<{width}}  {details.get('default', '')}"
        + (f"  # {details['help']}" if details.get("help") else "")
        for name, details in declared.items()
    )
