"""Load on `newsweave serve`: concurrent clients on loopback, story pages and searches, latency percentiles.

Starts the server in a subprocess on 127.0.0.1 (a free port) over a store (by default a temporary
one with the seeds ingested and linked), then runs N client threads for a fixed time, each one
alternating a story page (the HTML of the largest story) and a cross-lingual search (JSON). Stops
by itself at the time limit or the request limit, whichever comes first, stops the server, and
prints the request count, the errors (any non-200 answer or failed request) and the 50th, 95th
and 99th percentile latency of each kind.

    uv run python bench/serve_load.py [--db news.sqlite] [--clients 50] [--seconds 60] [--max-requests 200000]
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
QUERIES = [
    "Saudi recruitment official killed near Deir ez-Zor",
    "militants trapped after the fall of Abu Kamal",
    "боевики ИГИЛ окружены",
    "responsable du recrutement tué",
    "Russian aviation supports government forces",
    "suicide vests found",
]
TOKEN = "load-bench-token-" + "z" * 24


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seeded_store() -> Path:
    db = Path(tempfile.mkdtemp(prefix="newsweave-load-")) / "news.sqlite"
    subprocess.run([sys.executable, "-m", "newsweave", "--db", str(db), "ingest", str(SEEDS), "--link"],
                   check=True, capture_output=True)  # fmt: skip
    return db


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, NEWSWEAVE_TOKEN=TOKEN)
    cmd = [sys.executable, "-m", "newsweave", "--db", str(db), "serve", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/status", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 120 s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] if ordered else float("nan")


def run(base: str, clients: int, seconds: float, max_requests: int) -> dict[str, object]:
    story = httpx.get(f"{base}/api/stories", params={"limit": 1}).json()["items"][0]["id"]
    # Warm up once: the first search loads the embedding model, which is start-up cost, not load.
    httpx.get(f"{base}/api/search", params={"q": QUERIES[0]}, timeout=300).raise_for_status()
    latencies: dict[str, list[float]] = {"story page": [], "search": []}
    errors: list[str] = []
    lock = threading.Lock()
    sent = 0
    stop_at = time.monotonic() + seconds

    def client(n: int) -> None:
        nonlocal sent
        with httpx.Client(base_url=base, timeout=60) as http:
            i = n
            while time.monotonic() < stop_at:
                with lock:
                    if sent >= max_requests:
                        return
                    sent += 1
                kind = "story page" if i % 2 == 0 else "search"
                start = time.perf_counter()
                try:
                    if kind == "story page":
                        response = http.get(f"/stories/{story}")
                    else:
                        response = http.get("/api/search", params={"q": QUERIES[i % len(QUERIES)]})
                    ok = response.status_code == 200
                    problem = f"{kind}: HTTP {response.status_code}"
                except httpx.HTTPError as e:
                    ok, problem = False, f"{kind}: {type(e).__name__}"
                elapsed = time.perf_counter() - start
                with lock:
                    (latencies[kind] if ok else errors).append(elapsed if ok else problem)  # type: ignore[arg-type]
                i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - began
    return {"latencies": latencies, "errors": errors, "seconds": took}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="store to serve (default: the seeds, ingested and linked)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=200_000)
    args = parser.parse_args()
    db = args.db or seeded_store()
    port = free_port()
    server = start_server(db, port)
    try:
        result = run(f"http://127.0.0.1:{port}", args.clients, min(args.seconds, 600), args.max_requests)
    finally:
        server.terminate()
        server.wait(timeout=30)
    latencies: dict[str, list[float]] = result["latencies"]  # type: ignore[assignment]
    errors: list[str] = result["errors"]  # type: ignore[assignment]
    total = sum(len(v) for v in latencies.values()) + len(errors)
    seconds = float(result["seconds"])  # type: ignore[arg-type]
    print(f"{args.clients} clients, {seconds:.1f} s on 127.0.0.1, store {db}")
    # The machine's load says how much of the latency is queueing for a CPU rather than the server's work.
    print("load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    print(f"{total} requests ({total / seconds:.1f}/s), {len(errors)} errors")
    for kind, values in latencies.items():
        ms = [v * 1000 for v in values]
        mean = statistics.fmean(ms) if ms else float("nan")
        print(f"  {kind:<11} n={len(ms):>6}  p50 {percentile(ms, 50):7.1f} ms  p95 {percentile(ms, 95):7.1f} ms  "
              f"p99 {percentile(ms, 99):7.1f} ms  mean {mean:7.1f} ms")  # fmt: skip
    for problem in sorted(set(errors))[:10]:
        print(f"  error: {problem} ({errors.count(problem)}x)")


if __name__ == "__main__":
    main()
