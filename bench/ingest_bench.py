"""Ingest+extract throughput and peak memory, with bare trafilatura on the same HTML as the reference.

Builds a corpus of a few thousand documents in a temporary folder: plain-text captures made by
varying the seeds (shuffled paragraphs, renamed places, re-numbered figures, with and without
comment threads) and HTML pages generated from the same text with site chrome and a comment
section. Each measurement runs in its own process so its peak RSS is its own. The generated
pages are small (2 ms of trafilatura a page), so fixed costs (the store's text index, the
comment reader, language identification) weigh on them; the 181 real pages of the
article-extraction benchmark (``shared/benchmarks/article-extraction``, 20-25 ms a page) are
measured the same way beside them when that folder is there.

    uv run python bench/ingest_bench.py                  # default corpus: 2000 text + 1000 HTML
    uv run python bench/ingest_bench.py --text 500 --html 200
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from html import escape
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
REAL_PAGES = SEEDS.parent / "benchmarks" / "article-extraction" / "html"
PLACES = ["Abu Kemal", "Mayadin", "Raqqa", "Palmyra", "Homs", "Hama", "Idlib", "Aleppo", "Mosul", "Tikrit"]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]


def build_corpus(folder: Path, n_text: int, n_html: int, seed: int = 7) -> None:
    """Write ``n_text`` text captures and ``n_html`` HTML pages into ``folder``."""
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    comments_block = seeds[0][seeds[0].index("Dear reader") :]
    seeds[0] = seeds[0][: seeds[0].index("Dear reader")]
    pool = [para for text in seeds for para in _paragraphs(text)]
    (folder / "text").mkdir()
    (folder / "html").mkdir()
    for i in range(n_text):
        body = _vary(rng, pool, i)
        title = f"Report {i}: fighting near {rng.choice(PLACES)}"
        tail = comments_block if i % 2 == 0 else ""
        (folder / "text" / f"{i:05d}.txt").write_text(f"Outlet {i % 37}\n\n{title}\n\n\n{body}\n{tail}", "utf-8")
    for i in range(n_html):
        body = _vary(rng, pool, 10_000 + i).split("\n\n")
        (folder / "html" / f"{i:05d}.html").write_text(_page(i, rng.choice(PLACES), body), "utf-8")
    if REAL_PAGES.is_dir():
        (folder / "real").mkdir()
        for page in sorted(REAL_PAGES.glob("*.html.gz")):
            (folder / "real" / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))


def _vary(rng: random.Random, pool: list[str], salt: int) -> str:
    picked = rng.sample(pool, k=min(len(pool), rng.randint(5, 9)))
    text = "\n\n".join(picked).replace("Abu Kemal", rng.choice(PLACES))
    return text.replace("150-200", f"{rng.randint(100, 300)}-{rng.randint(301, 500)}") + f"\n\nRef {salt}."


def _page(i: int, place: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    comments = "".join(
        f'<li class="comment"><span class="author">user{k}</span><time>2017-11-24 0{k}:00</time>'
        f"<p>Comment {k} on report {i}: this is a reader's view of the events.</p></li>"
        for k in range(1, 6)
    )
    nav = "".join(f'<li><a href="/s/{k}">Section {k}</a></li>' for k in range(12))
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report {i} near {place} | Daily'
        f' Wire Test</title><meta property="og:site_name" content="Daily Wire Test">'
        f'<meta property="article:published_time" content="2017-11-{1 + i % 28:02d}T10:00:00Z"></head>'
        f"<body><header><nav><ul>{nav}</ul></nav></header><main><article><h1>Report {i} near {place}</h1>"
        f'<p class="byline">By Staff Writer</p>{body}</article><aside>Share on Facebook · Tweet · Subscribe'
        f'</aside><section id="comments"><h2>Comments</h2><ol>{comments}</ol></section></main>'
        f"<footer>© Daily Wire Test. All rights reserved. Privacy policy. Contact us.</footer></body></html>"
    )


def measure_newsweave(folder: Path, facts: bool = False) -> dict[str, float]:
    """Ingest+extract every file of ``folder`` into a fresh store; articles per second. With
    ``facts`` the analyze stage reads each article's facts too, as ``newsweave ingest`` does by
    default (the extraction targets are about reading and extracting, so they are measured without)."""
    from newsweave import Newsweave, Settings

    with tempfile.TemporaryDirectory() as tmp, Newsweave(Settings(db_path=Path(tmp) / "b.sqlite", facts=facts)) as nw:
        # Load models before timing: the language identifier loads its model on first use (about
        # 0.25 s, once a process), which timed here would add 0.25 ms to each of 1,000 pages.
        nw.pipeline().language.detect("load the model")
        start, cpu = time.perf_counter(), time.process_time()
        report = nw.ingest([str(folder)], workers=1)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"articles": report.stored, "rejected": report.rejected, "seconds": seconds, "cpu_seconds": cpu}


def measure_trafilatura(folder: Path) -> dict[str, float]:
    """Bare ``trafilatura.extract`` (main text and metadata, as newsweave asks) over the same files."""
    import trafilatura

    files = sorted(folder.iterdir())
    start, cpu = time.perf_counter(), time.process_time()
    done = 0
    for path in files:
        done += trafilatura.bare_extraction(path.read_bytes(), include_comments=True, with_metadata=True) is not None
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"articles": done, "rejected": len(files) - done, "seconds": seconds, "cpu_seconds": cpu}


def _child(mode: str, folder: Path) -> None:
    if mode == "trafilatura":
        result = measure_trafilatura(folder)
    else:
        result = measure_newsweave(folder, facts=mode == "newsweave-facts")
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _run(mode: str, folder: Path) -> dict[str, float]:
    # taskset pins the child to one core: the targets are per core.
    cmd = ["taskset", "-c", "0", sys.executable, __file__, "--child", mode, str(folder)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """Build the corpus, run each measurement in its own process, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--text", type=int, default=2000, help="plain-text captures to generate")
    parser.add_argument("--html", type=int, default=1000, help="HTML pages to generate")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], Path(args.child[1]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        build_corpus(folder, args.text, args.html)
        rows = {
            "text captures, newsweave": _run("newsweave", folder / "text"),
            "HTML, newsweave": _run("newsweave", folder / "html"),
            "HTML, bare trafilatura": _run("trafilatura", folder / "html"),
            "text, newsweave with facts": _run("newsweave-facts", folder / "text"),
            "HTML, newsweave with facts": _run("newsweave-facts", folder / "html"),
        }
        if (folder / "real").is_dir():
            rows["real HTML, newsweave"] = _run("newsweave", folder / "real")
            rows["real HTML, bare trafilatura"] = _run("trafilatura", folder / "real")
    print(f"{'run':<28}{'articles':>9}{'rejected':>9}{'seconds':>9}{'articles/s':>12}{'peak MB':>9}")
    for name, r in rows.items():
        rate = r["articles"] / r["seconds"] if r["seconds"] else float("inf")
        print(
            f"{name:<28}{r['articles']:>9.0f}{r['rejected']:>9.0f}{r['seconds']:>9.2f}{rate:>12.1f}"
            f"{r['peak_rss_mb']:>9.0f}"
        )
    for pages in ("HTML", "real HTML"):
        if f"{pages}, newsweave" not in rows:
            continue
        ours, bare = rows[f"{pages}, newsweave"], rows[f"{pages}, bare trafilatura"]
        for clock, label in (("seconds", "time"), ("cpu_seconds", "CPU time")):
            ratio = (ours[clock] / max(ours["articles"], 1)) / (bare[clock] / max(bare["articles"], 1))
            print(f"{pages} {label} per article, newsweave / bare trafilatura: {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
