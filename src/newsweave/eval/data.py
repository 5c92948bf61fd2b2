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


def checkout_data(relative: str, *, what: str, hint: str) -> Path:
    """``tests/data/<relative>`` of a source checkout: the labelled data newsweave ships for its
    own evaluations.

    Raises:
        ConfigError: not a source checkout (an installed package has no tests); ``hint`` says
            which option takes the file instead.
    """
    path = Path(__file__).resolve().parents[3] / "tests" / "data" / relative
    if not path.is_file():
        raise ConfigError(f"{what} were not found", hint=hint)
    return path
