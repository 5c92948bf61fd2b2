"""Write docs/cli-reference.md from the commands' own --help (tests/test_docs.py checks it is current).

uv run python scripts/gen_cli_reference.py
"""

from __future__ import annotations

from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli-reference.md"


def command_paths() -> list[list[str]]:
    """Every command and sub-command, as argument lists, in the order the CLI lists them."""
    import typer.main

    from newsweave.cli import app

    group = typer.main.get_command(app)
    paths: list[list[str]] = [[]]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        paths.append([name])
        paths.extend([name, sub] for sub in getattr(command, "commands", {}))
    return paths


def help_text(path: list[str]) -> str:
    """The --help output of one command, plain and 100 columns wide."""
    from typer.testing import CliRunner

    from newsweave.cli import app

    env = {"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    result = CliRunner().invoke(app, [*path, "--help"], env=env, prog_name="newsweave")
    return "\n".join(line.rstrip() for line in result.output.strip().splitlines())


def reference() -> str:
    """The whole page."""
    parts = [
        "# Command-line reference\n",
        "Generated from each command's `--help` by `scripts/gen_cli_reference.py`; `tests/test_docs.py` fails",
        "when it is out of date.\n",
    ]
    for path in command_paths():
        parts.append(f"## `{' '.join(['newsweave', *path])}`\n")
        parts.append(f"```text\n{help_text(path)}\n```\n")
    return "\n".join(parts)


if __name__ == "__main__":
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(reference(), encoding="utf-8")
    print(f"wrote {OUT}")
