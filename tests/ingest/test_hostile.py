"""Hostile inputs: one bad input never stops a batch, memory stays bounded, every input is accounted for.

The main test builds every kind of bad input in ``tests/hostile_inputs.py`` (damaged gzips,
gzip bombs, deep JSON, wrong JSON types, bad names, stdin twice, a FIFO, empty containers,
UTF-16/32 and CJK legacy encodings, junk) beside valid inputs, runs a real ``newsweave ingest``
over all of them in a child process with a lowered page limit, and checks the exit code, the
accounting, the valid articles and the child's peak memory against a run on the valid inputs alone.
"""

from __future__ import annotations

import gzip
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_inputs import ARTICLE, BUILDERS, Case, valid_inputs
from newsweave.config import Settings
from newsweave.core import Newsweave
from newsweave.ingest import read_inputs
from newsweave.records import RawItem, Rejection

PAGE_LIMIT = 200_000
BOMB = 640 * 2**20  # each bomb inflates to 640 MB: reading one whole would show in the peak memory
MEMORY_CAP = 3 * 2**30  # RLIMIT_AS of the child: an unbounded reader fails instead of taking the machine
# The baseline run reads the batch's legitimate articles alone (the valid inputs, every stored case
# but the bombs), so it loads the models the whole batch needs (the Chinese and Japanese segmenters
# alone take ~300 and ~190 MB); the hostile batch may add what its junk, truncated archives and
# ~1,500 short filler articles cost (measured: 2 MB), while a bomb read whole adds 640 MB.
ALLOWED_GROWTH_MB = 300


def run_ingest(args: list[str], db: Path, stdin: bytes = b"") -> tuple[int, dict, str, float]:
    """Run `newsweave ingest --json` in a child; return exit code, report, stderr and peak RSS in MB."""
    # One process: the peak wait4 reports is the largest of the process and the children it reaped,
    # so with `--workers auto` (on a run of 200 items or more, when memory is free) it would be a
    # worker's, holding every model (1.45 GB against 0.89), whatever the readers held.
    env = {**os.environ, "NEWSWEAVE_DB": str(db), "NEWSWEAVE_MAX_PAGE_BYTES": str(PAGE_LIMIT), "COLUMNS": "300"}
    env["NEWSWEAVE_WORKERS"] = "1"
    out, err = db.with_suffix(".out"), db.with_suffix(".err")

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    db.with_suffix(".in").write_bytes(stdin)
    with open(db.with_suffix(".in"), "rb") as i, open(out, "wb") as o, open(err, "wb") as e:
        child = subprocess.Popen(
            [sys.executable, "-m", "newsweave", "ingest", "--json", *args],
            env=env,
            stdin=i,
            stdout=o,
            stderr=e,
            preexec_fn=cap,
        )
    deadline = time.monotonic() + 300
    while True:  # wait4 gives this child's own peak RSS
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            child.kill()
            pytest.fail("newsweave ingest hung")
        time.sleep(0.05)
    child.returncode = os.waitstatus_to_exitcode(status)
    text = out.read_text(encoding="utf-8")
    report = json.loads(text[text.index("{") :]) if "{" in text else {}
    return child.returncode, report, err.read_text(encoding="utf-8", errors="replace"), usage.ru_maxrss / 1024


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Case], Case, Path]:
    root = tmp_path_factory.mktemp("hostile")
    cases = []
    for n, (_kind, build) in enumerate(BUILDERS.items()):
        folder = root / f"case{n:02d}"
        folder.mkdir()
        case = build(folder, BOMB)
        if case.needs_unprivileged and os.geteuid() == 0:
            (folder / "locked").chmod(0o755)  # root reads every folder: the case cannot happen
            continue
        cases.append(case)
    valid_folder = root / "valid"
    valid_folder.mkdir()
    return cases, valid_inputs(valid_folder), root


def _stored_by_path(db: Path) -> dict[str, list[str]]:
    """Every stored article's body, under each input path it was read from."""
    by_path: dict[str, list[str]] = {}
    with Newsweave(Settings(db_path=db)) as nw:
        for article in nw.articles():
            for seen in nw.sightings(article.id):
                by_path.setdefault(seen.path, []).append("\n".join((article.title or "", *article.body)))
    return by_path


def test_a_batch_of_hostile_inputs_is_fully_accounted_for_in_bounded_memory(corpus, tmp_path: Path) -> None:
    cases, valid, _root = corpus
    legitimate = [
        arg
        for case in cases
        if case.expect == "stored" and "bomb" not in case.kind and not case.stdin
        for arg in case.args
    ]
    baseline_code, baseline, _, baseline_mb = run_ingest(legitimate + valid.args, tmp_path / "valid.sqlite")
    assert baseline_code == 0 and baseline["stored"] >= 4

    args = [arg for case in cases for arg in case.args] + valid.args
    stdin = next(case.stdin for case in cases if case.stdin)
    code, report, stderr, peak_mb = run_ingest(args, tmp_path / "all.sqlite", stdin)

    assert code == 0, stderr[-2000:]
    assert "Traceback" not in stderr
    assert report["read"] == report["stored"] + report["duplicates"] + report["rejected"]
    rejected = [r["item"] for r in report["rejections"]]
    stored = _stored_by_path(tmp_path / "all.sqlite")
    for case in [*cases, valid]:
        names = case.named or case.args
        for name in names:
            mine = [path for path in stored if path.startswith(name)]
            assert mine or any(item.startswith(name) for item in rejected), f"{case.kind}: {name} unaccounted for"
        sources = {*case.args, *case.named}
        bodies = [body for path, found in stored.items() if any(path.startswith(s) for s in sources) for body in found]
        if case.expect == "stored":
            assert len(bodies) >= case.stored, f"{case.kind}: valid articles lost"
            for text in case.texts:
                assert any(text in body for body in bodies), f"{case.kind}: {text!r} not read right"
        else:
            assert not bodies, f"{case.kind}: junk stored: {bodies[:1]}"
    assert peak_mb < baseline_mb + ALLOWED_GROWTH_MB, f"peak {peak_mb:.0f} MB against {baseline_mb:.0f} MB"


def test_rejections_name_what_is_wrong(corpus, tmp_path: Path) -> None:
    cases, _, _ = corpus
    by_kind = {case.kind: case for case in cases}
    expected = {
        "gzip truncated after 64 KiB of output": "truncated gzip",
        "gzip CRC mismatch": "corrupt gzip (incorrect data check)",
        "gzip invalid distance too far back": "invalid distance too far back",
        "gzip bomb: one JSONL line": "gzip bomb",
        "gzip bomb: RSS item": "the feed is over the 0.2 MB limit",
        "plain JSONL line over the page limit": "over the 0.2 MB limit",
        "JSON empty array": "empty JSON array",
        "RSS feed with no items": "the feed has no items",
        "WARC with no HTML response": "no HTML page",
        "glob that matches nothing": "no file matches",
        "named pipe in a folder": "a named pipe, not a regular file",
        "JSONL values of the wrong type": "field 'text' holds a boolean (true), expected text",
        "a single letter": "no article: its body has 1 word",
    }
    for kind, phrase in expected.items():
        entries = list(read_inputs(by_kind[kind].args, max_page_bytes=PAGE_LIMIT))
        reasons = [e.reason for e in entries if isinstance(e, Rejection)]
        if kind == "a single letter":  # rejected after extraction, by the pipeline
            with Newsweave(Settings(db_path=tmp_path / "one.sqlite")) as nw:
                reasons = [r.reason for r in nw.ingest(by_kind[kind].args).rejections]
        assert any(phrase in r for r in reasons), f"{kind}: {reasons}"


def test_stdin_named_twice_is_read_once() -> None:
    import io

    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode()))
    saved, sys.stdin = sys.stdin, stdin
    try:
        entries = list(read_inputs(["-", "-"]))
    finally:
        sys.stdin = saved
    assert [type(e).__name__ for e in entries] == ["RawItem", "Rejection"]
    assert entries[1].item == "<stdin>" and "read once" in entries[1].reason


def test_wrong_json_types_are_refused_and_plausible_epochs_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        {"title": "S", "text": ARTICLE, "date": 1_700_000_000},
        {"title": "Ms", "text": ARTICLE, "date": 1_700_000_000_000},
        {"title": "Paragraphs", "text": ["One.", "Two."], "authors": [{"name": "A"}, "B"], "publisher": {"name": "P"}},
        {"title": "NaN", "text": ARTICLE, "date": float("nan")},
        {"title": "Old", "text": ARTICLE, "date": 86_400},
        {"title": {"a": 1}, "text": ARTICLE},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    seconds, millis, paragraphs, nan, old, title = read_inputs([str(path)])
    assert isinstance(seconds, RawItem) and seconds.fields["date"] == "2023-11-14T22:13:20"
    assert isinstance(millis, RawItem) and millis.fields["date"] == "2023-11-14T22:13:20"
    assert isinstance(paragraphs, RawItem) and paragraphs.data == b"One.\n\nTwo."
    assert paragraphs.fields["author"] == "A, B" and paragraphs.fields["outlet"] == "P"
    assert isinstance(nan, Rejection) and "not a plausible date" in nan.reason
    assert isinstance(old, Rejection) and "1990-2100" in old.reason
    assert isinstance(title, Rejection) and "field 'title' holds an object" in title.reason


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
_RECORD = st.dictionaries(st.sampled_from(["title", "text", "date", "author", "url", "html", "lang", "x"]), _JSON)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(_RECORD | _JSON, min_size=1, max_size=6))
def test_any_json_values_give_one_entry_per_line(tmp_path: Path, records: list) -> None:
    path = tmp_path / "fuzz.jsonl"
    records = [{"title": "First", "text": ARTICLE}, *records]  # JSON Lines open with an object
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    entries = list(read_inputs([str(path)]))
    assert len(entries) == len(records)  # every line accounted for, none lost after a bad one
    for entry in entries:
        if isinstance(entry, RawItem):
            entry.data.decode("utf-8")
            assert all(isinstance(v, str) for v in entry.fields.values())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.floats(0.05, 1.0), flips=st.lists(st.integers(0, 10**6), max_size=3))
def test_damaged_gzip_keeps_what_came_before_and_says_so(tmp_path: Path, cut: float, flips: list[int]) -> None:
    lines = [json.dumps({"title": f"T{i}", "text": f"Report {i}. " * 40}) for i in range(300)]
    data = bytearray(gzip.compress("\n".join(lines).encode()))
    data = data[: max(12, int(len(data) * cut))]
    for flip in flips:
        data[10 + flip % (len(data) - 10)] ^= 0x55
    path = tmp_path / "damaged.jsonl.gz"
    path.write_bytes(bytes(data))
    entries = list(read_inputs([str(path)], max_page_bytes=PAGE_LIMIT))
    assert entries and all(isinstance(e, RawItem | Rejection) for e in entries)
    assert sum(isinstance(e, RawItem) for e in entries) <= 300
    if cut < 0.99 and not flips:  # a cut gzip always ends with a rejection saying so
        assert isinstance(entries[-1], Rejection) and "truncated" in entries[-1].reason


def test_an_unreadable_folder_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads every folder, so the refusal is simulated where os.walk reports it.
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):  # type: ignore[no-untyped-def]
        if onerror:
            onerror(PermissionError(13, "Permission denied", str(tmp_path / "news" / "locked")))
        yield from real_walk(top, onerror=onerror, **kwargs)

    monkeypatch.setattr(os, "walk", walk)
    entries = list(read_inputs([str(tmp_path / "news")]))
    assert [type(e).__name__ for e in entries] == ["Rejection", "RawItem"]
    assert entries[0].item.endswith("locked") and "cannot list this folder (permission denied)" in entries[0].reason


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path) -> None:
    raw = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(raw, "wb") as out:
        out.write(ARTICLE.encode())
    (item,) = read_inputs([os.fsdecode(raw)])
    assert item.provenance.path == f"{tmp_path}/caf\\xe9.txt"
    item.provenance.path.encode("utf-8")
