"""Hostile-input bench: each kind of bad input run through a real `newsweave ingest`, one process each.

For every kind in ``tests/hostile_inputs.py`` (about 60: damaged gzips, gzip bombs, deep JSON,
bad names, special files, empty containers, foreign encodings, junk, wrong JSON types) it reports
the exit code, the outcome counts, whether every input was accounted for (stored, duplicate or
named in a rejection), whether the valid articles inside survived, and the child's peak RSS.

    uv run python bench/hostile_ingest.py                     # full-size bombs (1 GiB inflated)
    uv run python bench/hostile_ingest.py --bomb-mb 64 --only bomb
    uv run python bench/hostile_ingest.py --src /tmp/old/src  # measure another tree (before/after)

Each child runs under RLIMIT_AS (``--cap-gb``, default 4) so an unbounded reader fails with a
MemoryError instead of taking the machine; a child that outlives ``--timeout`` counts as hung.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from hostile_inputs import BUILDERS, Case, valid_inputs  # noqa: E402


def run_case(case: Case, db: Path, src: Path, cap_gb: float, timeout: float) -> dict[str, object]:
    """Run one ingest in a child process; return its exit code, counts, accounting and peak RSS."""
    env = {**os.environ, "PYTHONPATH": str(src), "NEWSWEAVE_DB": str(db), "COLUMNS": "200"}
    cap = int(cap_gb * 2**30)

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    cmd = [sys.executable, "-m", "newsweave", "ingest", "--json", *case.args]
    started = time.perf_counter()
    io_dir = db.parent
    (io_dir / "stdin").write_bytes(case.stdin or b"")
    with (
        open(io_dir / "stdin", "rb") as stdin,
        open(io_dir / "stdout", "wb") as stdout,
        open(io_dir / "stderr", "wb") as stderr,
    ):
        child = subprocess.Popen(cmd, env=env, stdin=stdin, stdout=stdout, stderr=stderr, preexec_fn=limit)
    code: object = "hung"
    rss_mb = 0.0
    while time.perf_counter() - started < timeout:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:  # wait4 gives this child's own peak RSS, not the maximum over all children
            code, rss_mb = os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024
            break
        time.sleep(0.05)
    else:
        child.kill()
        _, _, usage = os.wait4(child.pid, 0)
        rss_mb = usage.ru_maxrss / 1024
    child.returncode = 0  # reaped above: keep Popen from waiting again
    out, err = (io_dir / "stdout").read_bytes(), (io_dir / "stderr").read_bytes()
    report = _json(out)
    named = _named(report, db)
    wanted = case.named if case.named else case.args
    accounted = sum(any(n == w or n.startswith(w) for n in named) for w in wanted)
    last = (err.decode("utf-8", "replace").strip().splitlines() or [""])[-1][:90]
    return {
        "kind": case.kind,
        "exit": code,
        "read": report.get("read"),
        "stored": report.get("stored"),
        "duplicates": report.get("duplicates"),
        "rejected": report.get("rejected"),
        "accounted": f"{accounted}/{len(wanted)}",
        "valid_kept": _valid_kept(case, report),
        "peak_rss_mb": round(rss_mb),
        "seconds": round(time.perf_counter() - started, 1),
        "last_stderr": last,
    }


def _json(out: bytes) -> dict[str, object]:
    text = out.decode("utf-8", "replace")
    start = text.find("{")
    try:
        return json.loads(text[start:]) if start >= 0 else {}
    except ValueError:
        return {}


def _named(report: dict[str, object], db: Path) -> list[str]:
    names = [str(r["item"]) for r in report.get("rejections", [])]  # type: ignore[attr-defined]
    if db.exists():
        with sqlite3.connect(db) as conn, contextlib.suppress(sqlite3.Error):
            names += [row[0] for row in conn.execute("SELECT source_path FROM sightings")]
    return names


def _valid_kept(case: Case, report: dict[str, object]) -> str:
    stored = report.get("stored")
    if case.expect == "stored":
        return "yes" if isinstance(stored, int) and stored >= case.stored else "NO"
    return "yes" if stored == 0 else f"NO ({stored} junk stored)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bomb-mb", type=int, default=1024, help="inflated size of each gzip bomb")
    parser.add_argument("--only", default="", help="run only kinds whose name contains this")
    parser.add_argument("--src", type=Path, default=ROOT / "src", help="the newsweave source tree to measure")
    parser.add_argument("--cap-gb", type=float, default=4.0, help="RLIMIT_AS of each child")
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--out", type=Path, help="also write the rows as JSON here")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cases = [(k, b) for k, b in BUILDERS.items() if args.only in k]
        cases.append(("valid inputs", lambda folder, bomb: valid_inputs(folder)))
        for n, (kind, build) in enumerate(cases):
            folder = Path(tmp) / f"case{n}"
            folder.mkdir()
            case = build(folder, args.bomb_mb * 2**20)
            if case.needs_unprivileged and os.geteuid() == 0:
                rows.append({"kind": kind, "exit": "skipped (root reads every folder)"})
                continue
            rows.append(run_case(case, folder / "store.sqlite", args.src, args.cap_gb, args.timeout))
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
            _unlock(folder)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    _table(rows)


def _unlock(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)


def _table(rows: list[dict[str, object]]) -> None:
    print("\n| kind | exit | read | stored | dup | rejected | accounted | valid kept | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        cells = [r.get(k, "") for k in ("kind", "exit", "read", "stored", "duplicates", "rejected")]
        cells += [r.get(k, "") for k in ("accounted", "valid_kept", "peak_rss_mb")]
        print("| " + " | ".join("" if c is None else str(c) for c in cells) + " |")


if __name__ == "__main__":
    main()
