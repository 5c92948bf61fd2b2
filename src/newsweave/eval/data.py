"""Where the public evaluation data lives: ``shared/benchmarks/…`` beside the repository or the cwd."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsweave.errors import ConfigError, InputError


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


def labelled_rows(path: Path, check: Callable[[dict[str, Any]], object], *, what: str) -> list[dict[str, Any]]:
    """The rows of a JSON Lines file of labels, blank lines skipped, each passed to ``check``,
    which raises KeyError or TypeError for a row that is not ``what``.

    Raises:
        InputError: a line is not JSON or ``check`` refuses it: "<path>: line N is not <what> (why)".
    """
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            check(row)
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise InputError(f"{path}: line {number} is not {what} ({e})") from e
        rows.append(row)
    return rows
