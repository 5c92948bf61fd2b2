"""The measurement scripts (scripts/, bench/) still import what they name from newsweave.

They reach into the package's internals to replay what ``eval`` does; a rename there broke
``scripts/measure_story_merges.py`` for three days unnoticed, since no test runs the scripts
(they take minutes). Importing each name is cheap and catches that.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = sorted([*ROOT.glob("scripts/*.py"), *ROOT.glob("bench/*.py")])


def _newsweave_imports(path: Path) -> list[tuple[str, str]]:
    """(module, name) for every ``from newsweave… import name`` in the file, at any depth."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "newsweave"
        for alias in node.names
    ]


def test_there_are_scripts_to_check() -> None:
    assert len(SCRIPTS) > 10
    assert any(_newsweave_imports(path) for path in SCRIPTS)


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_script_imports_exist(path: Path) -> None:
    missing = []
    for module_name, name in _newsweave_imports(path):
        module = importlib.import_module(module_name)
        if not hasattr(module, name):
            try:
                importlib.import_module(f"{module_name}.{name}")  # a submodule
            except ModuleNotFoundError:
                missing.append(f"{module_name}.{name}")
    assert not missing, f"{path.name} imports names newsweave no longer has: {missing}"
