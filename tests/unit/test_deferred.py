"""Import-time work deferred: ``import dossier`` leaves pandas and the extraction rules for
later, and jsonschema's IRI grammar is built only when an IRI is checked, with the real
answer. Each case runs in a fresh interpreter, as a kernel does."""

import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    return result.stdout.strip()


def test_importing_dossier_imports_neither_pandas_nor_the_rules_until_used():
    out = _run("""
        import sys, dossier
        print("pandas" in sys.modules, "dossier.extract" in sys.modules)
        dossier.load, dossier.Corpus
        print("pandas" in sys.modules)
    """)
    assert out.split() == ["False", "False", "True"]


@pytest.mark.parametrize(
    ("value", "valid"),
    [("https://example.org/a b", False), ("https://example.org/\u00e9t\u00e9", True)],
)
def test_the_iri_grammar_waits_for_its_first_use_and_then_answers(value, valid):
    out = _run(f"""
        import sys, dossier, jsonschema
        print("lark" in sys.modules)
        check = jsonschema.FormatChecker()
        v = jsonschema.Draft7Validator({{"format": "iri"}}, format_checker=check)
        print(v.is_valid({value!r}), "lark" in sys.modules)
    """)
    assert out.split() == ["False", str(valid), "True"]


def test_no_stand_in_once_jsonschema_has_chosen_its_checkers():
    out = _run("""
        import sys, jsonschema
        from dossier import deferred
        print(deferred.defer_iri_grammar(), "rfc3987_syntax" in sys.modules)
    """)
    assert out.split() == ["False", "True"]


def test_other_names_and_submodules_of_the_iri_module_still_import():
    out = _run("""
        import sys, dossier
        from rfc3987_syntax import RFC3987_SYNTAX_PARSER_TYPE
        import rfc3987_syntax.utils
        print(RFC3987_SYNTAX_PARSER_TYPE, callable(rfc3987_syntax.utils.load_grammar))
    """)
    assert out.split() == ["earley", "True"]
