"""Every failure the CLI can meet is one `Error:` line (and a `Hint:`), with the right exit code."""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsweave.cli import _configure_logging
from newsweave.store.sqlite import migrations

MAX = 2**63 - 1
ARTICLE = {
    "title": "Dam bursts",
    "text": "The dam burst on Tuesday and flooded villages near the river.",
    "language": "en",
}


def invoke(db: Path | str, *args: str) -> tuple[int, str, str]:
    """Run the real entry point (with its error handler) in a subprocess."""
    proc = subprocess.run(
        [sys.executable, "-m", "newsweave", "--db", str(db), *args], capture_output=True, text=True, check=False
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def one_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding one article, made once (each test gets a copy)."""
    folder = tmp_path_factory.mktemp("template")
    source = folder / "one.jsonl"
    source.write_text(json.dumps(ARTICLE), encoding="utf-8")
    db = folder / "s.sqlite"
    assert invoke(db, "ingest", str(source))[0] == 0
    return db


@pytest.fixture
def store(tmp_path: Path, one_article: Path) -> Path:
    """A copy of the one-article store (closed cleanly, so the file alone holds everything)."""
    (tmp_path / "one.jsonl").write_text(json.dumps(ARTICLE), encoding="utf-8")
    shutil.copyfile(one_article, tmp_path / "s.sqlite")
    return tmp_path / "s.sqlite"


def article_id(db: Path) -> str:
    return str(json.loads(invoke(db, "articles", "--json")[1])[0]["id"])


def test_why_an_article_and_itself_is_a_usage_error(store: Path) -> None:
    full = article_id(store)
    code, out, err = invoke(store, "why", full, full[:6])
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"Error: '{full}' and '{full[:6]}' are the same article ({full[:12]})",
        "Hint: give two different articles",
    ]


BIG = "99999999999999999999"


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["story", BIG], "'story_id'"),
        (["articles", "--limit", BIG], "'--limit' / '-n'"),
        (["articles", "--offset", BIG], "'--offset'"),
        (["stories", "merge", "1", BIG], "'absorb'"),
    ],
)
def test_numbers_beyond_the_store_s_range_are_usage_errors(store: Path, args: list[str], name: str) -> None:
    code, out, err = invoke(store, *args)
    assert (code, out) == (2, "")
    line = f"Error: Invalid value for {name}: {BIG} is larger than the largest the store holds ({MAX})"
    assert err.splitlines()[-1] == line and "Traceback" not in err


def test_an_empty_search_is_a_usage_error(store: Path) -> None:
    for query in ("", "   "):
        code, out, err = invoke(store, "search", query)
        assert (code, out) == (2, "")
        assert err.splitlines() == [
            "Error: the search query is empty",
            'Hint: give words to look for, e.g. "dam burst"',
        ]


def test_a_read_only_store_is_read_and_a_write_is_one_error_line(store: Path, tmp_path: Path) -> None:
    store.chmod(0o444)
    assert invoke(store, "articles", "--json")[0] == 0
    code, out, _ = invoke(store, "search", "dam", "--json")  # search only reads
    assert code == 0 and json.loads(out)[0]["title"] == "Dam bursts"
    source = tmp_path / "two.jsonl"
    source.write_text(json.dumps(ARTICLE | {"text": "Another text about the flood."}), encoding="utf-8")
    code, out, err = invoke(store, "ingest", str(source))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {store}: the store is read-only",
        "Hint: make the file (and its folder) writable, or pass --db a writable store",
    ]
    code, _, err = invoke(store, "link")
    assert code == 1 and err.splitlines()[0] == f"Error: {store}: the store is read-only"


def test_a_store_from_a_newer_release_is_refused_naming_both_versions(store: Path) -> None:
    latest = migrations()[-1][0]
    db = sqlite3.connect(store, isolation_level=None)
    db.execute("INSERT INTO schema_version VALUES (?)", (latest + 1,))
    db.close()
    code, out, err = invoke(store, "ingest", str(store.parent / "one.jsonl"))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {store}: the store has schema version {latest + 1}, newer than this newsweave's {latest}; "
        "it was written by a newer release and is left untouched",
        "Hint: upgrade newsweave, or pass --db a store of this release",
    ]


def test_a_store_in_a_missing_folder_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    db = tmp_path / "typo" / "s.sqlite"
    code, out, err = invoke(db, "articles")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {db}: the folder {db.parent} does not exist",
        "Hint: create it first, or pass --db a path in an existing folder",
    ]
    assert not db.parent.exists()


def test_control_characters_from_inputs_never_reach_the_terminal(tmp_path: Path) -> None:
    evil = tmp_path / "evil\x1b[31m.jsonl"
    evil.write_text(json.dumps(ARTICLE | {"title": "Dam \x1b[2J\x1b]0;pwned\x07bursts\x9b1m"}), encoding="utf-8")
    junk = tmp_path / "junk\x1b[5m.txt"
    junk.write_bytes(b"\x00\x01binary")
    db = tmp_path / "s.sqlite"
    code, out, err = invoke(db, "ingest", str(evil), str(junk))
    assert code == 0 and "\x1b" not in out + err and "\x9b" not in out + err
    assert f"rejected {tmp_path}/junk.txt: binary data (NUL bytes), not a news document" in err.splitlines()
    code, out, _ = invoke(db, "articles")
    assert code == 0 and "Dam 0;pwnedbursts" in out and "\x1b" not in out and "\x9b" not in out
    code, out, _ = invoke(db, "articles", "--json")
    assert json.loads(out)[0]["title"] == "Dam \x1b[2J\x1b]0;pwned\x07bursts\x9b1m"  # JSON keeps it, escaped
    assert "\x1b" not in out and "\x9b" not in out and "\\u001b" in out and "\\u009b" in out
    code, _, err = invoke(tmp_path / "no\x1b[2J" / "s.sqlite", "articles")  # an Error: line is cleaned too
    assert (
        code == 1 and err.splitlines()[0] == f"Error: {tmp_path}/no/s.sqlite: the folder {tmp_path}/no does not exist"
    )


def test_library_logs_are_shown_only_with_debug(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        _configure_logging(debug=False)
        logging.getLogger("trafilatura.core").warning("discarding data: None")
        logging.getLogger("warcio.recordloader").warning("Replacing spaces in invalid WARC-Target-URI")
        logging.getLogger("newsweave.link.ann").warning("ignoring the saved vector index \x1b[2Jx")
        assert capsys.readouterr().err == "WARNING newsweave.link.ann: ignoring the saved vector index x\n"
        _configure_logging(debug=True)
        logging.getLogger("trafilatura.core").warning("discarding data: None")
        assert capsys.readouterr().err == "WARNING trafilatura.core: discarding data: None\n"
    finally:
        _configure_logging(debug=False)
        logging.getLogger().setLevel(logging.WARNING)


# -- two processes -------------------------------------------------------------------------------


@contextmanager
def other_process(script: str, *args: str) -> Iterator[None]:
    """Another process that prints "ready" once it holds what ``script`` takes, and keeps it."""
    with subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE) as p:
        assert p.stdout is not None and p.stdout.readline().strip() == b"ready"
        try:
            yield
        finally:
            p.kill()


_WRITE_FOR_A_SECOND = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("ready", flush=True)
time.sleep(1.0)
db.execute("COMMIT")
time.sleep(60)
"""

_LINKING = """
import fcntl, sys, time
lock = open(sys.argv[1] + ".link.lock", "a+b")
fcntl.flock(lock, fcntl.LOCK_EX)
print("ready", flush=True)
time.sleep(60)
"""


def test_an_ingest_waits_for_another_writer_and_loses_nothing(store: Path, tmp_path: Path) -> None:
    many = tmp_path / "many.jsonl"
    many.write_text(
        "\n".join(json.dumps(ARTICLE | {"text": f"Report {n}: the flood reached village {n}."}) for n in range(450)),
        encoding="utf-8",
    )
    with other_process(_WRITE_FOR_A_SECOND, str(store)):
        code, out, err = invoke(store, "ingest", str(many), "--json")
    assert code == 0, err
    assert json.loads(out)["stored"] == 450  # every batch, not only the first
    assert len(json.loads(invoke(store, "articles", "--json", "--limit", "1000")[1])) == 451


def test_a_second_link_is_refused_with_one_line(store: Path) -> None:
    with other_process(_LINKING, str(store)):
        code, out, err = invoke(store, "link")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {store}: another newsweave process is linking this store",
        "Hint: wait for it to finish: it links every article stored before it started, and a later "
        "`newsweave link` takes the rest",
    ]
