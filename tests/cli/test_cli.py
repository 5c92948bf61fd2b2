from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app

runner = CliRunner()


def invoke(db: Path, *args: str) -> tuple[int, str, str]:
    """Run the real entry point (with its error handler) in a subprocess."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsweave", "--db", str(db), *args], capture_output=True, text=True, check=False
    )
    return proc.returncode, proc.stdout, proc.stderr


def test_ingest_the_seeds_then_list_and_show(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "n.sqlite"
    code, out, _ = invoke(db, "ingest", str(seeds_dir), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["read"], report["stored"], report["rejected"]) == (3, 3, 0)

    code, out, _ = invoke(db, "ingest", str(seeds_dir), "--json")
    assert json.loads(out)["stored"] == 0 and json.loads(out)["duplicates"] == 3

    code, out, _ = invoke(db, "articles", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3
    assert {r["language"] for r in rows} == {"en", "fr"}
    assert all(r["provenance"]["path"].endswith(".txt") for r in rows)

    first = next(r for r in rows if r["outlet"] == "Military Review")
    code, out, _ = invoke(db, "show", first["id"][:10], "--json")
    shown = json.loads(out)
    assert code == 0 and len(shown["comments"]) == 14 and shown["sightings"][0]["path"].endswith(".txt")

    code, out, _ = invoke(db, "show", first["id"][:10])
    assert "Military Review" in out and "Mavrikiy" in out


def test_table_output_is_readable(tmp_path: Path, seeds_dir: Path) -> None:
    result = runner.invoke(app, ["--db", str(tmp_path / "t.sqlite"), "ingest", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    assert "3 stored" in result.output and "Military" in result.output


def test_unknown_article_is_one_error_line(tmp_path: Path) -> None:
    code, out, err = invoke(tmp_path / "e.sqlite", "show", "abc123")
    assert code == 1 and out == ""
    assert err.splitlines()[0] == "Error: no article with id 'abc123'"


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "junk.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (tmp_path / "in" / "good.txt").write_bytes((seeds_dir / "002_398c0e197356295c.txt").read_bytes())
    code, out, err = invoke(tmp_path / "b.sqlite", "ingest", str(tmp_path / "in"), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["stored"], report["rejected"]) == (1, 2)
    rejected_lines = [line for line in err.splitlines() if line.startswith("rejected")]
    assert len(rejected_lines) == 2 and any("empty.txt" in line for line in rejected_lines)


def test_all_inputs_rejected_exits_3(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, _ = invoke(tmp_path / "x.sqlite", "ingest", str(tmp_path / "empty.txt"))
    assert code == 3


@pytest.mark.parametrize("command", ["ingest", "articles", "show", "rejections", "eval"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output or command == "eval"


def test_ingest_with_link_links_and_reports_stories(tmp_path: Path, seeds_dir: Path) -> None:
    code, out, _ = invoke(tmp_path / "k.sqlite", "ingest", str(seeds_dir), "--link", "--json")
    report = json.loads(out)
    assert code == 0 and (report["stored"], report["linked"], report["stories"]) == (3, 3, 2)
    code, out, _ = invoke(tmp_path / "k.sqlite", "relations", "--json")
    assert sorted(r["kind"] for r in json.loads(out)) == ["related", "related", "version"]  # 002 to 000 and 001


def test_reading_commands_start_without_the_ingest_and_link_libraries(tmp_path: Path) -> None:
    # scipy (through datasketch), wordfreq and langcodes, and onnx cost a new process about a
    # second together; a command that only reads the store needs none of them.
    heavy = ("scipy", "datasketch", "wordfreq", "langcodes", "onnx")
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from newsweave.cli import app\n"
        f"result = CliRunner().invoke(app, ['--db', {str(tmp_path / 'n.sqlite')!r}, 'stories', '--json'])\n"
        "assert result.exit_code == 0, result.output\n"
        f"print(sorted(m for m in {heavy!r} if m in sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
