"""`newsweave ingest --engine ray`: the flag's refusals, without starting a cluster."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_bulk_run_refuses_stdin_with_a_hint(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsweave", "--db", str(tmp_path / "n.sqlite"), "ingest", "--engine", "ray", "-"],
        input="A title\n\nSome text.",
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "a bulk run reads files, not stdin" in proc.stderr
    assert "--engine local" in proc.stderr


def test_an_unknown_engine_is_a_usage_error(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "newsweave", "--db", str(tmp_path / "n.sqlite"), "ingest", "--engine", "spark", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2 and "spark" in proc.stderr
