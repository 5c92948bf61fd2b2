"""Where the public evaluation data lives: ``shared/benchmarks/…`` beside the repository or the cwd."""

from __future__ import annotations

from pathlib import Path

from newsweave.errors import ConfigError


def find_benchmark(relative: Path, *, what: str, hint: str) -> Path:
    """The first existing ``shared/<relative>`` (or ``<relative>``) near the cwd or the repository.

    Raises:
        ConfigError: nothing found; ``hint`` says which option points at it.
    """
    repo = Path(__file__).resolve().parents[3]
    for base in (Path.cwd(), Path.cwd().parent, repo, repo.parent):
        for candidate in (base / "shared" / relative, base / relative):
            if candidate.exists():
                return candidate
    raise ConfigError(f"{what} was not found", hint=hint)
