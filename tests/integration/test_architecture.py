"""The package's shape: the stages' import contract, module and class sizes, and the README's
category table, which is derived from the registry."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from dossier import paths
from dossier.extract import categories

PACKAGE = paths.PACKAGE_DIR
MAX_MODULE_LINES = 400
MAX_CLASS_LINES = 150
MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_400_lines_and_no_class_over_150(module):
    lines = module.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= MAX_MODULE_LINES, f"{module.name}: {len(lines)} lines"
    for node in ast.walk(ast.parse("\n".join(lines))):
        if isinstance(node, ast.ClassDef):
            size = node.end_lineno - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"class {node.name}: {size} lines"


def test_the_stages_import_only_the_stages_before_them_and_no_cycle():
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(linter), "--no-cache"], cwd=paths.ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_readme_category_table_is_the_registry():
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert categories.markdown_table() in readme
