"""Work third-party packages do on import that a briefing never needs, deferred to first use.

``jsonschema`` (imported by Altair) imports ``rfc3987_syntax`` when it is installed (JupyterLab's
``jupyter-events`` installs it), and that module builds about forty Lark parsers on import: over
a second of CPU in every kernel, for the ``iri`` formats that no Vega-Lite schema uses. A
stand-in module takes its place until its one function is called; the first call imports the
real module and hands over, so an ``iri`` check still gives the real answer.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

IRI_MODULE = "rfc3987_syntax"


def defer_iri_grammar() -> bool:
    """Put a stand-in for ``rfc3987_syntax`` in ``sys.modules`` unless the real one is imported
    already, or missing, or ``jsonschema`` has been imported (and chose its checkers); return
    whether a stand-in is in place."""
    current = sys.modules.get(IRI_MODULE)
    if getattr(current, "__dossier_stand_in__", False):
        return True
    if IRI_MODULE in sys.modules or "jsonschema._format" in sys.modules:
        return False
    spec = importlib.util.find_spec(IRI_MODULE)
    if spec is None:
        return False
    stand_in = _stand_in()
    # its submodules can still be imported by name, from the real package's folder
    stand_in.__path__ = list(spec.submodule_search_locations or [])
    sys.modules[IRI_MODULE] = stand_in
    return True


def _stand_in() -> types.ModuleType:
    """A module that imports the real ``rfc3987_syntax`` the first time anything of it is used
    (its ``is_valid_syntax``, the one name ``jsonschema`` takes, or any other attribute)."""
    stand_in = types.ModuleType(IRI_MODULE, "stand-in: the real module is imported when used")
    stand_in.__dossier_stand_in__ = True

    def real() -> types.ModuleType:
        if sys.modules.get(IRI_MODULE) is stand_in:
            del sys.modules[IRI_MODULE]
        return importlib.import_module(IRI_MODULE)

    def is_valid_syntax(term: str, value: str) -> bool:
        return real().is_valid_syntax(term, value)

    def attribute(name: str) -> object:  # PEP 562: the names not set on the stand-in
        if name.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(name)
        return getattr(real(), name)

    stand_in.is_valid_syntax = is_valid_syntax
    stand_in.__getattr__ = attribute
    return stand_in
