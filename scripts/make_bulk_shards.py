"""Write a bulk input of real news as several WARC.gz and JSON Lines shards (for bench/scale_bench.py).

From the public sets in ../shared/benchmarks (each folder's SOURCE.md says where they come from):

- SemEval-2022 task 8 ``dev.csv``: every distinct article text (ten languages, ~1,000 characters,
  undated: the file gives no dates) → JSON Lines shards ``semeval-K.jsonl`` (one of them gzipped);
- BSNLP 2021 ``docs.jsonl``: Slavic news with their dates → ``bsnlp.jsonl.gz``;
- TR-News and LGL (``geoparsing/docs.jsonl``): English news with dates, rendered as HTML pages
  (title, date meta tag, paragraphs) in WARC ``response`` records → ``geoparsing-K.warc.gz``;
- the article-extraction benchmark's real HTML pages as they were crawled → ``pages.warc.gz``.
  Its WARC-Date is the day this script writes (WARC wants one); newsweave reads no date from it.

Items are taken in a fixed order per source, up to the counts asked for, so the same arguments
always give the same shards. Nothing here is committed: the shards are built where you say.

    uv run python scripts/make_bulk_shards.py OUT_DIR [--semeval 1300] [--bsnlp 300] [--geoparsing 600] [--pages 181]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import html
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BENCHMARKS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"


def semeval(limit: int) -> Iterator[dict[str, str]]:
    """Distinct SemEval article texts, in file order: title = the first line, the rest the body."""
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    with (BENCHMARKS / "semeval2022-task8" / "dev.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for side, article_id in zip(("1", "2"), row["pair_id"].split("_"), strict=True):
                if article_id in seen or len(seen) >= limit:
                    continue
                seen.add(article_id)
                yield {"id": article_id, "text": row[f"text{side}"], "language": row[f"lang{side}"]}


def jsonl_docs(path: Path, limit: int, keys: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """The first ``limit`` documents of a JSON Lines file, with the keys kept."""
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n >= limit:
                return
            doc = json.loads(line)
            yield {k: doc[k] for k in keys if doc.get(k)}


def round_robin(docs: list[dict[str, str]], key: str) -> list[dict[str, str]]:
    """Documents interleaved by ``key`` (one of each language in turn), each group in file order."""
    groups: dict[str, list[dict[str, str]]] = {}
    for doc in docs:
        groups.setdefault(doc.get(key, ""), []).append(doc)
    ranked = sorted(((i, k) for k, g in groups.items() for i in range(len(g))))
    return [groups[k][i] for i, k in ranked]


def as_page(doc: dict[str, str]) -> bytes:
    """A news page: title, publication date meta tag, the text's paragraphs."""
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in doc["text"].split("\n") if p.strip())
    title = html.escape(doc.get("title", ""))
    date = f'<meta property="article:published_time" content="{doc["date"]}">' if doc.get("date") else ""
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{date}</head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def write_warc(path: Path, pages: list[tuple[str, bytes]]) -> None:
    """Pages as WARC/1.0 ``response`` records (HTTP 200, text/html), gzipped record by record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
            )
            writer.write_record(record)


def write_jsonl(path: Path, docs: list[dict[str, str]]) -> None:
    text = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs).encode()
    path.write_bytes(gzip.compress(text, mtime=0) if path.suffix == ".gz" else text)


def split(items: list[object], parts: int) -> list[list[object]]:
    size = -(-len(items) // parts) if items else 0
    return [items[i * size : (i + 1) * size] for i in range(parts)] if size else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--semeval", type=int, default=1300)
    parser.add_argument("--bsnlp", type=int, default=300)
    parser.add_argument("--geoparsing", type=int, default=600)
    parser.add_argument("--pages", type=int, default=181)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}

    for k, part in enumerate(split(list(semeval(args.semeval)), 3)):
        name = f"semeval-{k}.jsonl" + (".gz" if k == 0 else "")
        write_jsonl(args.out / name, part)  # type: ignore[arg-type]
        written[name] = len(part)
    keys = ("id", "title", "text", "language", "date", "url")
    bsnlp = round_robin(list(jsonl_docs(BENCHMARKS / "bsnlp2021" / "docs.jsonl", 10**9, keys)), "language")[
        : args.bsnlp
    ]
    if bsnlp:
        write_jsonl(args.out / "bsnlp.jsonl.gz", bsnlp)
        written["bsnlp.jsonl.gz"] = len(bsnlp)
    geo = [
        (d.get("url") or f"https://example.org/geoparsing/{d['id']}", as_page(d))
        for d in jsonl_docs(BENCHMARKS / "geoparsing" / "docs.jsonl", args.geoparsing, keys)
    ]
    for k, part in enumerate(split(geo, 2)):  # type: ignore[arg-type]
        write_warc(args.out / f"geoparsing-{k}.warc.gz", part)  # type: ignore[arg-type]
        written[f"geoparsing-{k}.warc.gz"] = len(part)
    folder = BENCHMARKS / "article-extraction"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page in sorted((folder / "html").glob("*.html.gz"))[: args.pages]:
        key = page.name.removesuffix(".html.gz")
        url = truth.get(key, {}).get("url") or f"https://example.org/article-extraction/{key}"
        pages.append((url, gzip.decompress(page.read_bytes())))
    if pages:
        write_warc(args.out / "pages.warc.gz", pages)
        written["pages.warc.gz"] = len(pages)
    for name, n in written.items():
        print(f"{n:6d}  {args.out / name}")
    print(f"{sum(written.values()):6d}  items in {len(written)} shards")


if __name__ == "__main__":
    main()
