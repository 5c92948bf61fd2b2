"""The README documents every command, and every quality figure names the command that reproduces it."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from newsweave.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Pages written by hand (the generated CLI reference names every command by construction).
DOCS = "\n".join(
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md")) if p.name != "cli-reference.md"
)


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    names = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        names.append(name)
        names.extend(f"{name} {sub}" for sub in getattr(command, "commands", {}))
    return names


def test_every_command_is_documented() -> None:
    text = README + DOCS
    missing = [name for name in command_names() if f"`{name}" not in text and f" {name.split()[-1]}`" not in text]
    assert not missing, f"commands in neither the README's command table nor a docs page: {missing}"


def test_every_rest_route_is_in_the_rest_page() -> None:
    from newsweave.api import ApiConfig, create_app
    from newsweave.config import Settings

    page = (ROOT / "docs" / "rest-api.md").read_text(encoding="utf-8")
    app = create_app(Settings(db_path=Path(":memory:")), ApiConfig(token="x" * 32))
    routes = [f"{method.upper()} {path}" for path, ops in app.openapi()["paths"].items() for method in ops]
    missing = [r for r in routes if f"`{r}" not in page]
    assert not missing, f"routes missing from docs/rest-api.md: {missing}"


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


def test_every_relative_link_in_the_docs_resolves() -> None:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    broken = []
    for page in pages:
        for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
            path = target.split("#", 1)[0]
            if path and "://" not in path and not (page.parent / path).exists():
                broken.append(f"{page.name}: {target}")
    assert not broken, f"links to files that do not exist: {broken}"
