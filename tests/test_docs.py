"""The README documents every command, and every quality figure names the command that reproduces it."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from newsweave.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        names.extend(f"{name} {sub}" for sub in getattr(command, "commands", {}))
    return names


def test_every_command_is_in_the_readme() -> None:
    missing = [name for name in command_names() if f"`{name}" not in README and f" {name.split()[-1]}`" not in README]
    assert not missing, f"commands missing from the README's command table: {missing}"


def test_every_command_has_help_with_an_example() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        for sub in [command, *getattr(command, "commands", {}).values()]:
            assert sub.help and ("Example:" in sub.help or getattr(sub, "commands", None)), f"{name}: no example"


def test_every_quality_row_names_its_command() -> None:
    rows = [line for line in README.splitlines() if line.startswith("| ") and re.search(r"\*\*0\.\d{3}\*\*", line)]
    assert rows and all("`newsweave eval " in row for row in rows)


def test_the_cli_reference_is_current() -> None:
    import importlib.util

    script = Path(__file__).resolve().parents[1] / "scripts" / "gen_cli_reference.py"
    spec = importlib.util.spec_from_file_location("gen_cli_reference", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = module.OUT.read_text(encoding="utf-8")
    assert written == module.reference(), "docs/cli-reference.md is stale: run scripts/gen_cli_reference.py"
