"""Linking throughput, and whether its per-article cost stays flat as the store grows.

1. End to end (ingest → extract → embed → link) on ~3,000-character articles built from the
   SemEval texts (real news, ten languages), against the bare default embedder on the same texts
   in the same run: the embedder is the physical limit, everything else is overhead.
   The same again with two worker processes (``ingest --workers 2 --link``, ``scale.pool``):
   items understood (facts, text and title vectors) on one-thread processes, then linking
   here with the sentences and leads its pairs will need embedded on a worker, articles ahead.
   Those articles each resemble many others (three texts of one language), so most meet a close
   pair; 1b. is a feed as a desk gets it: ``--distinct`` SemEval texts, one an article, each once
   (ten languages, many topics), in one process and on two workers, facts on and off.
2. The linking stage alone at 10k and 100k stored articles, with deterministic stand-in vectors
   (clustered around "events", so candidates pass the floor and get scored as real ones do):
   per-article time for the next articles, and peak memory.

3. Optionally (--open N), the time to open a store of N linked articles for linking, with and
   without the ANN graph saved beside it by the previous run (``--open-route static``: a store
   of the static route, whose cascade also opens one index per language).

4. Optionally (--streams), every language at speed: ``ingest --link`` end to end on the BSNLP 2021
   articles (six Slavic languages, four outside USE: bg, cs, sl, uk) and on a mixed stream (those
   and the SemEval texts in ten of USE's languages), per language and overall, beside the bare
   embedders on the same texts in the same run: USE, e5 whole (the e5 route), e5 on the first
   ``--e5-tokens`` tokens, and the static embedder. ``--fallback`` picks what embeds the languages
   outside USE's (``lead``, the product's default; ``e5``, ``e5-first``, ``static``, or
   ``static-plain``: the static route without its cascade, ``link.cascade``); the machine's load
   is printed with the rates, and the articles the cascade sent to e5. Those runs load every model
   before the clock starts; the BSNLP articles are also ingested by the command itself, timed from
   its start to its exit (``--child bsnlp-cli 0``: the whole file, as a user runs it).

5. Optionally (--peer REVISION), this code's speed against an earlier commit's on the same host,
   in the same run: that commit's sources and benchmark (``git archive``) run its own end to end
   (``--peer-kinds``, its ``--child`` runs; ``e2e`` by default), alternating with this code's
   (``--ours``; ``e2e-pool`` by default: two workers, facts on), ``--rounds`` times. A target set
   in articles/s on another day's host is checked as a ratio to the code that measured it: issue
   12's "≥ 25/s on the USE languages as today" quotes the 28.0–29.7/s of 68b077b's ``e2e`` (one
   process, no facts then), a ratio of 0.84–0.89.

    uv run python bench/link_bench.py [--articles 200] [--sizes 10000 100000] [--open 100000]
    uv run python bench/link_bench.py --streams --per-language 20 [--fallback static]
    uv run python bench/link_bench.py --peer 68b077b [--ours e2e-pool e2e-pool-nofacts] [--rounds 3]
    uv run python bench/link_bench.py --peer a365808 --peer-kinds bsnlp-cli --ours bsnlp-cli --articles 0
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

PAIRS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "semeval2022-task8" / "dev.csv"
BSNLP = PAIRS.parents[1] / "bsnlp2021" / "docs.jsonl"


def articles(n: int, seed: int = 3) -> list[dict[str, str]]:
    """``n`` articles of about 3,000 characters: three texts of one language each."""
    csv.field_size_limit(sys.maxsize)
    by_language: dict[str, list[str]] = {}
    with PAIRS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for text, lang in ((row["text1"], row["lang1"]), (row["text2"], row["lang2"])):
                by_language.setdefault(lang, []).append(text)
    rng = random.Random(seed)
    langs = sorted(by_language)
    out = []
    for i in range(n):
        lang = langs[i % len(langs)]
        parts = rng.sample(by_language[lang], 3)
        text = "\n\n".join(parts)[:3000]
        out.append({"title": parts[0][:80], "text": text, "language": lang, "date": f"2020-05-{1 + i % 28:02d}"})
    return out


def distinct_articles(n: int, seed: int = 5) -> list[dict[str, str]]:
    """``n`` articles as a monitoring feed brings them: SemEval texts of 500 characters or more,
    one text an article (its first 3,000 characters), each once, in a shuffled order. Ten
    languages and many topics, so most articles meet no close pair, unlike ``articles``, whose
    three texts of one language each make every article resemble many others."""
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    out = []
    with PAIRS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for text, lang in ((row["text1"], row["lang1"]), (row["text2"], row["lang2"])):
                if len(text) >= 500 and text[:200] not in seen:
                    seen.add(text[:200])
                    out.append({"title": text[:80], "text": text[:3000], "language": lang, "date": "2020-05-01"})
    random.Random(seed).shuffle(out)
    return out[:n]


def _docs(n: int, kind: str) -> list[dict[str, str]]:
    return distinct_articles(n) if kind == "distinct" else articles(n)


def end_to_end(n: int, facts: bool = True, second_view: bool = True, kind: str = "built") -> dict[str, float]:
    """Ingest and link ``n`` articles; then embed the same texts bare. Also splits our time into
    embedding (every USE call), reading facts (names, places, dates, claims), the pair scorer's
    second view (e5 on the leads of articles with a pair near the line) and everything else.
    Without ``second_view``, linking decides as pair scorer v4 did (``Settings.second_view``)."""
    from newsweave import Newsweave, Settings
    from newsweave.analyze.embedding import E5Embedder, UseEmbedder
    from newsweave.link.linker import second_view_embedder

    docs = _docs(n, kind)
    embedding = [0.0]
    reading = [0.0]
    viewing = [0.0, 0]
    bare_encode, bare_view = UseEmbedder._encode, E5Embedder.embed

    def timed_view(self: E5Embedder, texts: list[str], language: str | None = None) -> np.ndarray:
        start = time.perf_counter()
        vectors = bare_view(self, texts, language)
        viewing[0] += time.perf_counter() - start
        viewing[1] += len(texts)
        return vectors

    E5Embedder.embed = timed_view  # type: ignore[method-assign]
    second_view_embedder().embed(["warm up"])  # the model loads once per process: not timed
    viewing[:] = [0.0, 0]

    def timed_encode(self: UseEmbedder, texts: list[str], engine: str) -> np.ndarray:  # documents and sentences
        start = time.perf_counter()
        vectors = bare_encode(self, texts, engine)
        embedding[0] += time.perf_counter() - start
        return vectors

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.jsonl"
        path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
        embedder = UseEmbedder()
        embedder.embed(["warm up"])
        UseEmbedder._encode = timed_encode  # type: ignore[method-assign]
        with Newsweave(Settings(db_path=Path(tmp) / "s.sqlite", facts=facts, second_view=second_view)) as nw:
            nw.pipeline()
            # Models load once per process, not per article: not timed (the bare embedder is warmed too).
            nw._linker().linker.embedder.embed(["warm up"], "en")
            nw._linker().linker.sentence_vectors(["warm up"], "en")
            analyzer = nw.fact_analyzer()
            for warm in _warm_up_articles(docs) if facts else []:
                analyzer.read(warm)
            analyzer.read = _timed(analyzer.read, reading)  # type: ignore[method-assign]
            embedding[0] = 0.0  # the warm-up's call is not the articles'
            start = time.perf_counter()
            nw.ingest([str(path)], workers=1)
            nw.link()
            ours = time.perf_counter() - start
            stored = [nw.store.get_embedding(a.id) for a in nw.articles()]
            split = sum(1 for e in stored if e is not None and e.sentence_vectors is not None)
        UseEmbedder._encode = bare_encode  # type: ignore[method-assign]
        start = time.perf_counter()
        for d in docs:
            embedder.embed([f"{d['title']}\n{d['text']}"[:3000]])
        bare = time.perf_counter() - start
    rates = {"newsweave_per_s": n / ours, "bare_embedder_per_s": n / bare}
    split_ms = {"embedding_ms": 1000 * embedding[0] / n, "facts_ms": 1000 * reading[0] / n,
                "second_view_ms": 1000 * viewing[0] / n,
                "other_ms": 1000 * (ours - embedding[0] - reading[0] - viewing[0]) / n}  # fmt: skip
    shares = {"sentences_embedded": split / n, "leads_embedded": viewing[1] / n}
    return {"articles": n, **rates, **split_ms, "bare_ms": 1000 * bare / n, **shares}


def end_to_end_pooled(n: int, workers: int = 2, facts: bool = True, kind: str = "built") -> dict[str, float]:
    """``end_to_end`` with ingest on ``workers`` local processes (``ingest --workers``): each
    extracts, reads facts and embeds (text, title) on one thread; this process writes, then
    links. Worker-seconds per article are summed over the workers (CPU-bound: each holds one core)."""
    r = _pooled(_docs(n, kind), workers, facts=facts)
    return {"articles": n, "workers": workers, "newsweave_per_s": r["per_s"], **r}


def _pooled(docs: list[dict[str, str]], workers: int, **settings: Any) -> dict[str, Any]:
    """Ingest ``docs`` on ``workers`` local processes, then link, timed. Models load before timing,
    as a long-running ingest's do: this process's embedders (and the cascade's e5) and linking's
    figure and date readers, and every language's readers in each worker (one article of each
    language, as ``end_to_end`` warms them)."""
    from newsweave import Newsweave, Settings
    from newsweave.scale.pool import pool_ingest

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.jsonl"
        path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
        with Newsweave(Settings(db_path=Path(tmp) / "s.sqlite", **settings)) as nw:
            linker = nw._linker().linker
            for language in sorted({d["language"] for d in docs}):
                linker.embedder.embed(["warm up"], language)
                linker.sentence_vectors(["warm up"], language)
            if linker.cascade is not None:  # the cascade's own e5 (8-bit, a scale a token), as the workers warm it
                linker.cascade.embedder().embed(["warm up"], "cs")
            _warm_up_link_readers()
            pool = nw.worker_pool(workers)  # as `ingest --workers N --link`: one pool for both
            pool.warm(_warm_up_items(docs))
            start, writing = time.perf_counter(), time.process_time()
            report = pool_ingest(nw, [str(path)], pool=pool)
            ingested, writing = time.perf_counter() - start, time.process_time() - writing
            cpu, waited, helped = time.process_time(), _WaitTimer(), _workers_cpu(pool)
            try:
                nw.link(workers=workers)
            finally:
                waited.stop()
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu
            helped = _workers_cpu(pool) - helped
    n, seconds = len(docs), report.seconds
    return {"per_s": n / wall, "ingest_s": ingested, "link_ms": 1000 * (wall - ingested) / n,
            "link_cpu_ms": 1000 * cpu / n, "link_wait_ms": 1000 * waited.seconds / n,
            "worker_link_ms": 1000 * helped / n, "ingest_cpu_ms": 1000 * writing / n,
            "worker_facts_ms": 1000 * seconds["facts"] / n, "worker_embed_ms": 1000 * seconds["embed"] / n,
            "worker_extract_ms": 1000 * seconds["extract"] / n, "load": [load_before, os.getloadavg()[0]],
            "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}  # fmt: skip


def _workers_cpu(pool: Any) -> float:
    """CPU seconds the pool's worker processes have used so far (Linux's /proc; NaN elsewhere).
    Read through the executor's process table, which ``concurrent.futures`` keeps but does not
    publish: a benchmark may, the product does not."""
    total = 0.0
    try:
        for pid in pool._executor._processes:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (OSError, AttributeError, ValueError):
        return math.nan
    return total


class _WaitTimer:
    """While it runs, the time linking spends waiting for what it asked the workers for (sentence
    vectors, leads, the cascade's e5 leads: ``linking._taken``), in ``seconds``."""

    def __init__(self) -> None:
        from newsweave import linking

        self.seconds, self._linking, self._bare = 0.0, linking, linking._taken

        def timed_taken(asked: Any) -> Any:
            taken = self._bare(asked)

            def timed(view: Any) -> Any:
                began = time.perf_counter()
                try:
                    return taken(view)
                finally:
                    self.seconds += time.perf_counter() - began

            return timed

        linking._taken = timed_taken

    def stop(self) -> None:
        self._linking._taken = self._bare


def _warm_up_link_readers() -> None:
    """Load what linking reads figures and dates with (every language's month names and date
    words, about a second), as the single-process run's facts warm-up does in its process."""
    from newsweave.link.evidence import differing_claims

    differing_claims("On 3 May 2019, 50 people were killed.", "Le 3 mai 2019, 80 personnes ont été tuées.")


def _end_to_end_pooled_without_facts(n: int) -> dict[str, float]:
    return end_to_end_pooled(n, facts=False)


def _distinct(n: int) -> dict[str, float]:
    return end_to_end(n, kind="distinct")


def _distinct_pooled(n: int) -> dict[str, float]:
    return end_to_end_pooled(n, kind="distinct")


def _distinct_pooled_without_facts(n: int) -> dict[str, float]:
    return end_to_end_pooled(n, facts=False, kind="distinct")


class StandInEmbedder:
    """Deterministic unit vectors: texts of one "event" land near each other."""

    name = "stand-in"
    dim = 512
    languages = None

    def embed(self, texts: list[str], language: str | None = None) -> np.ndarray:
        rows = []
        for text in texts:
            event = int(text.split()[1]) if text.startswith("event ") else 0
            base = np.random.default_rng(event).normal(size=self.dim)
            noise = np.random.default_rng(int(hashlib.md5(text.encode()).hexdigest()[:8], 16)).normal(size=self.dim)
            v = base + 0.8 * noise
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32)


def linking_alone(stored: int, new: int = 300) -> dict[str, float]:
    """Per-article linking time for ``new`` articles after ``stored`` are in the indexes (the
    pair scorer's second view off: the stand-in texts are not news, and part 1 times it)."""
    from newsweave.link.linker import Linker
    from newsweave.link.pair_scorer import PairScorer

    embedder = StandInEmbedder()
    linker = Linker(embedder, PairScorer.load().without_second_view())
    events = max(1, stored // 20)
    start_day = datetime(2020, 1, 1)
    views = {}
    for i in range(stored + new):
        event = i % events
        text = f"event {event} report {i}. " + " ".join(f"Sentence {k} about event {event}." for k in range(8))
        view = linker.prepare(f"a{i}", f"event {event} title {i}", text, "en", start_day + timedelta(minutes=i))
        views[view.id] = view
        if i < stored:
            linker.remember(view.id, view.document, view.signature)
            linker.clusterer.place(view.id, 1 + event, view.published)
    start = time.perf_counter()
    for i in range(stored, stored + new):
        linker.link(views[f"a{i}"], views.__getitem__)
    seconds = time.perf_counter() - start
    return {"stored": stored, "ms_per_article": 1000 * seconds / new}


def opening(stored: int, route: str = "e5") -> dict[str, float]:
    """Seconds to open a store of ``stored`` linked articles: without, then with, the saved graphs; then the
    near-duplicate index that only linking loads. On the static route the articles are in four
    languages, two of them outside USE's, so the cascade's per-language indexes are opened too."""
    from newsweave.analyze.embedding import routed_embedder
    from newsweave.link.duplicates import signature
    from newsweave.linking import StoreLinker
    from newsweave.records import Article, Provenance
    from newsweave.store.sqlite import SqliteStore, StoredEmbedding

    rng = np.random.default_rng(0)
    embedder = routed_embedder(route)
    languages = ("en", "cs", "bg", "de") if route == "static" else ("en",)
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "s.sqlite")
        with store.transaction():
            for i in range(stored):
                text = f"Report {i} on event {i % max(1, stored // 20)}. " + "Words " * 20
                article_id = hashlib.sha256(str(i).encode()).hexdigest()
                lang = languages[i % len(languages)]
                store.add_article(Article(article_id, f"t{i}", (text,), Provenance("bench"), "bench", language=lang))
                vector = rng.normal(size=512).astype(np.float32)
                vector /= np.linalg.norm(vector)
                store.put_embedding(article_id, StoredEmbedding(embedder.name, vector, vector))
                store.put_signature(article_id, signature(text))
                store.mark_linked(article_id)
                store.set_story(article_id, 1 + i // 5)
        start = time.perf_counter()
        linker = StoreLinker(store, embedder)
        cold = time.perf_counter() - start
        assert linker.index_path is not None
        linker.linker.vectors.save(linker.index_path)
        start = time.perf_counter()
        reopened = StoreLinker(store, embedder)
        warm = time.perf_counter() - start
        start = time.perf_counter()
        reopened.load_duplicates()
        duplicates = time.perf_counter() - start
        store.close()
    return {
        "stored": stored, "open_without_saved_graph_s": cold, "open_with_saved_graph_s": warm,
        "duplicate_index_s": duplicates,
    }  # fmt: skip


def bsnlp_articles(per_language: int) -> list[dict[str, str]]:
    """The first ``per_language`` BSNLP 2021 articles of each language, in file order (0: all 1,452)."""
    taken: dict[str, int] = {}
    out = []
    with BSNLP.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            if per_language and taken.get(doc["language"], 0) >= per_language:
                continue
            taken[doc["language"]] = taken.get(doc["language"], 0) + 1
            out.append({k: doc[k] for k in ("title", "text", "language", "date")})
    return out


def mixed_articles(per_language: int) -> list[dict[str, str]]:
    """A stream of many languages: the BSNLP articles interleaved with as many SemEval-built ones."""
    slavic = bsnlp_articles(per_language)
    semeval = articles(len(slavic))
    return [d for pair in zip(slavic, semeval, strict=True) for d in pair]


def fallback_embedder(kind: str, e5_tokens: int) -> Any:
    """The embedder for languages outside USE's, by its bench name."""
    from newsweave.analyze.embedding import E5Embedder, lead_e5
    from newsweave.analyze.embedding_static import StaticEmbedder

    kinds = {"e5": lambda: E5Embedder(), "e5-first": lambda: E5Embedder(e5_tokens), "static": StaticEmbedder,
             "static-plain": StaticEmbedder, "lead": lead_e5}  # fmt: skip
    return kinds[kind]()


def stream(docs: list[dict[str, str]], fallback: str, e5_tokens: int) -> dict[str, Any]:
    """Ingest and link ``docs`` (facts on), timing each article's ingest and link by its language,
    and, over all articles, the facts readers and the pair scorer's second view (e5 on leads);
    then embed the same texts with each bare embedder."""
    from newsweave import Newsweave, Settings
    from newsweave.analyze.embedding import E5Embedder, RoutedEmbedder, UseEmbedder, routed_embedder
    from newsweave.config import ROUTES
    from newsweave.link import linker as linker_module
    from newsweave.link.linker import Linker
    from newsweave.linking import StoreLinker
    from newsweave.pipeline import Pipeline

    load_before = os.getloadavg()[0]
    spent: dict[str, float] = {}
    by_id: dict[str, float] = {}
    # The product's routes as the product builds them (the lead route's sentences are static).
    routed = (
        routed_embedder(fallback)
        if fallback in ROUTES
        else RoutedEmbedder(fallback=fallback_embedder(fallback, e5_tokens))
    )
    routed.embed(["warm up"], "en")
    routed.embed(["warm up"], "cs")
    routed.embed_sentences(["warm up"], "en")
    linker_module.second_view_embedder().embed(["warm up"])  # its model loads once per process: not timed
    E5Embedder(rows=True).embed(["warm up"])  # so does the cascade's (e5 on sentences, for versions across the bridge)
    bare_one, bare_link, bare_init = Pipeline._one, StoreLinker.link_one, StoreLinker.__init__
    bare_exact = Linker._exact_vectors
    exact_articles: set[str] = set()  # articles whose sentences the static route's cascade sent to e5
    whole_articles: set[str] = set()  # those whose every sentence it sent (the others: their leads)
    reading, viewing = [0.0, 0], [0.0, 0]  # seconds in the facts readers, in the second view; calls
    bare_lead = linker_module.lead_vector

    def counted_exact(self: Linker, article: Any, first: int | None = None) -> np.ndarray:
        vectors = bare_exact(self, article, first)
        if self._routed(article.language):
            exact_articles.add(article.id)
            if len(vectors) == len(article.sentences or []):
                whole_articles.add(article.id)
        return vectors

    def timed_one(self: Pipeline, entry: Any) -> Any:
        start = time.perf_counter()
        result = bare_one(self, entry)
        if result[0].article_id:
            by_id[result[0].article_id] = time.perf_counter() - start
        return result

    def timed_link(self: StoreLinker, article: Any) -> int:
        start = time.perf_counter()
        links = bare_link(self, article)
        language = article.language or "?"
        spent[language] = spent.get(language, 0.0) + time.perf_counter() - start + by_id.pop(article.id, 0.0)
        return links

    def with_routed(self: StoreLinker, store: Any, _embedder: Any = None, scorer: Any = None) -> None:
        # The bench's route, whatever the facade passes: it passes the settings' route (e5 by
        # default), which made every --fallback measure e5.
        bare_init(self, store, routed, scorer)
        if fallback == "static-plain":  # the static route without its cascade
            self.linker.cascade = None

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.jsonl"
        path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
        Pipeline._one, StoreLinker.link_one = timed_one, timed_link  # type: ignore[method-assign]
        Linker._exact_vectors = counted_exact  # type: ignore[method-assign]
        StoreLinker.__init__ = with_routed  # type: ignore[method-assign]
        try:
            with Newsweave(Settings(db_path=Path(tmp) / "s.sqlite")) as nw:
                analyzer = nw.fact_analyzer()
                for warm in _warm_up_articles(docs):  # models load once per process: not timed
                    analyzer.read(warm)
                analyzer.read = _timed(analyzer.read, reading)  # type: ignore[method-assign]
                linker_module.lead_vector = _timed(bare_lead, viewing)
                start, cpu = time.perf_counter(), time.process_time()
                nw.ingest([str(path)], workers=1)
                nw.link()
                wall, cpu = time.perf_counter() - start, time.process_time() - cpu
                versions = sum(link.kind.value == "version" for link in nw.store.links())
                counts: dict[str, int] = {}
                for article in nw.articles():
                    counts[article.language or "?"] = counts.get(article.language or "?", 0) + 1
        finally:
            Pipeline._one, StoreLinker.link_one, StoreLinker.__init__ = bare_one, bare_link, bare_init  # type: ignore[method-assign]
            Linker._exact_vectors = bare_exact  # type: ignore[method-assign]
            linker_module.lead_vector = bare_lead
    bare = _bare_rates(
        docs, UseEmbedder(), {k: fallback_embedder(k, e5_tokens) for k in ("e5", "e5-first", "static", "lead")}
    )
    return {
        "articles": len(docs), "per_s": len(docs) / wall, "fallback": fallback, "e5_tokens": e5_tokens,
        "languages": {lang: {"articles": counts[lang], "per_s": counts[lang] / spent[lang]} for lang in sorted(spent)},
        "bare": bare, "load": [load_before, os.getloadavg()[0]], "cpu_per_s": len(docs) / cpu,
        "e5_articles": len(exact_articles), "e5_whole": len(whole_articles), "versions": versions,
        "facts_ms": 1000 * reading[0] / len(docs), "second_view_ms": 1000 * viewing[0] / len(docs),
        "leads_read": viewing[1] / len(docs), "other_ms": 1000 * (wall - reading[0] - viewing[0]) / len(docs),
    }  # fmt: skip


def stream_pooled(docs: list[dict[str, str]], route: str, workers: int = 2) -> dict[str, Any]:
    """``stream`` with ingest on ``workers`` local processes (``ingest --workers``), through one
    of the product's routes (``e5`` or ``static``); overall rate only."""
    return {"articles": len(docs), "route": route, "workers": workers, **_pooled(docs, workers, other_languages=route)}


def command_line(docs: list[dict[str, str]], workers: int = 2) -> dict[str, Any]:
    """``newsweave ingest FILE --link --workers N`` as a user types it, timed from the command's
    start to its exit: the start-up the runs above leave out (imports, each worker's models, every
    language's readers on first meeting them, the pool's end) is in the figure."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "a.jsonl"
        path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in docs), encoding="utf-8")
        db = Path(tmp) / "s.sqlite"
        cmd = [sys.executable, "-m", "newsweave", "--db", str(db), "ingest", str(path), "--link"]
        cmd += ["--workers", str(workers)]
        load_before, before = os.getloadavg()[0], resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {"articles": len(docs), "workers": workers, "wall_s": wall, "per_s": len(docs) / wall,
            "cpu_ms": 1000 * cpu / len(docs), "load": [load_before, os.getloadavg()[0]],
            "peak_rss_mb": after.ru_maxrss / 1024}  # fmt: skip  # the largest of its processes


def _bare_rates(docs: list[dict[str, str]], use: Any, others: dict[str, Any]) -> dict[str, dict[str, float]]:
    """Documents per second of each bare embedder on each language's texts (as linking embeds them:
    title and text, first 3,000 characters; USE only on its own languages)."""
    from newsweave.analyze.embedding import USE_LANGUAGES

    texts: dict[str, list[str]] = {}
    for d in docs:
        texts.setdefault(d["language"], []).append(f"{d['title']}\n{d['text']}"[:3000])
    rates: dict[str, dict[str, float]] = {}
    for language, group in sorted(texts.items()):
        embedders = {"use": use} if language in USE_LANGUAGES else others
        for name, embedder in embedders.items():
            start = time.perf_counter()
            for text in group:
                embedder.embed([text], language)
            rates.setdefault(language, {})[name] = len(group) / (time.perf_counter() - start)
    return rates


def _timed(function: Any, total: list[Any]) -> Any:
    """``function``, adding each call's seconds to ``total[0]`` and counting calls in ``total[1]``
    when it has a second place."""

    def timed(*args: Any) -> Any:
        begin = time.perf_counter()
        try:
            return function(*args)
        finally:
            total[0] += time.perf_counter() - begin
            if len(total) > 1:
                total[1] += 1

    return timed


def _warm_up_articles(docs: list[dict[str, str]]) -> list[Any]:
    """One article per language of the benchmark, to load every reader's models before timing
    (a long-running ingest loads each language's lexicons once)."""
    from newsweave.records import Article, Provenance

    first = {d["language"]: d for d in reversed(docs)}
    return [Article(f"{i:064x}", d["title"], (d["text"],), Provenance("-"), "warm-up", language=lang)
            for i, (lang, d) in enumerate(sorted(first.items()))]  # fmt: skip


def _warm_up_items(docs: list[dict[str, str]]) -> list[Any]:
    """``_warm_up_articles`` as raw JSON Lines items, for the workers of ``end_to_end_pooled``."""
    from newsweave.ingest import read_inputs

    first = {d["language"]: d for d in reversed(docs)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "warm.jsonl"
        lines = [json.dumps({**d, "text": f"{d['text']} (warm-up)"}, ensure_ascii=False) for d in first.values()]
        path.write_text("\n".join(lines), encoding="utf-8")
        return list(read_inputs([str(path)]))


def _end_to_end_without_facts(n: int) -> dict[str, float]:
    return end_to_end(n, facts=False)


def _end_to_end_without_second_view(n: int) -> dict[str, float]:
    return end_to_end(n, second_view=False)


def _child(kind: str, arg: int, options: list[str]) -> None:
    if kind == "bsnlp-cli":
        print(json.dumps(command_line(bsnlp_articles(arg))))
        return
    if kind in ("bsnlp", "mixed", "bsnlp-pool", "mixed-pool"):
        docs = bsnlp_articles(arg) if kind.startswith("bsnlp") else mixed_articles(arg)
        pooled = kind.endswith("-pool")
        print(json.dumps(stream_pooled(docs, options[0]) if pooled else stream(docs, options[0], int(options[1]))))
        return
    runs = {"e2e": end_to_end, "e2e-nofacts": _end_to_end_without_facts, "e2e-noview": _end_to_end_without_second_view,
            "e2e-pool": end_to_end_pooled, "e2e-pool-nofacts": _end_to_end_pooled_without_facts,
            "distinct": _distinct, "distinct-pool": _distinct_pooled,
            "distinct-pool-nofacts": _distinct_pooled_without_facts,
            "link": linking_alone, "open": opening}  # fmt: skip
    result = runs[kind](arg, *options)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def _run(kind: str, arg: int, *options: str) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, str(arg), *options]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1])


def _peer_tree(revision: str, where: Path) -> Path:
    """``revision``'s sources and benchmarks, unpacked under ``where`` beside a link to the shared
    benchmarks, where its own ``link_bench.py`` looks for them."""
    root = Path(__file__).resolve().parents[1]
    archive = subprocess.run(["git", "-C", str(root), "archive", revision, "src", "bench"],
                             check=True, capture_output=True).stdout  # fmt: skip
    tree = where / "peer"
    tree.mkdir()
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    (where / "shared").symlink_to(PAIRS.parents[2])
    return tree


def _run_peer(tree: Path, kind: str, arg: int) -> dict[str, Any]:
    """``_run`` on the peer's benchmark, its sources ahead of this checkout's on the path (the
    environment's packages are shared: a peer needing others fails here, loudly)."""
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    cmd = [sys.executable, str(tree / "bench" / "link_bench.py"), "--child", kind, str(arg)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if done.returncode:
        sys.exit(f"the peer's {kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _print_peer(revision: str, kinds: list[str], ours: list[str], n: int, rounds: int) -> None:
    """Part 5: this code's ``ours`` runs against ``revision``'s own ``kinds``, alternating."""
    runs = f"its {', '.join(kinds)} against this code's {', '.join(ours)}"
    print(f"{revision}: {runs}, {n or 'every'} article(s) or per language, alternating (2 cores):")
    theirs = {f"{revision} {kind}": kind for kind in kinds}
    rates: dict[str, list[float]] = {name: [] for name in [*theirs, *ours]}
    with tempfile.TemporaryDirectory() as tmp:
        tree = _peer_tree(revision, Path(tmp))
        for round_ in range(1, rounds + 1):
            load = os.getloadavg()[0]
            for name, kind in theirs.items():
                rates[name].append(_rate(_run_peer(tree, kind, n)))
            for kind in ours:
                rates[kind].append(_rate(_run(kind, n)))
            cells = ", ".join(f"{name} {values[-1]:.2f}" for name, values in rates.items())
            print(f"  round {round_} (load {load:.1f}): {cells} articles/s")
    for mine in ours:
        for name in theirs:
            ratios = sorted(a / b for a, b in zip(rates[mine], rates[name], strict=True))
            print(f"  {mine} / {name}: {ratios[0]:.2f}–{ratios[-1]:.2f} (median {ratios[len(ratios) // 2]:.2f})")


def _rate(r: dict[str, Any]) -> float:
    """Articles a second of a run's result (the end-to-end runs' and the streams' keys)."""
    return float(r.get("newsweave_per_s", r.get("per_s")))


def _print_stream(title: str, r: dict[str, Any]) -> None:
    from newsweave.analyze.embedding import USE_LANGUAGES

    print(f"{title}: {r['articles']} articles, languages outside USE's embedded by {r['fallback']}"
          f" (load average {r['load'][0]:.1f} before, {r['load'][1]:.1f} after; 2 cores)")  # fmt: skip
    print(f"  overall, ingest+extract+facts+embed+link {r['per_s']:6.2f} articles/s"
          f" ({r['cpu_per_s']:.2f} per CPU second of the process)")  # fmt: skip
    print(f"  articles the cascade sent to e5: {r['e5_articles']} (every sentence: {r['e5_whole']}, the rest their"
          f" leads); version links: {r['versions']}")  # fmt: skip
    print(f"  per article: facts {r['facts_ms']:.1f} ms, second view {r['second_view_ms']:.1f} ms"
          f" (leads of {r['leads_read']:.0%} of the articles), everything else {r['other_ms']:.1f} ms")  # fmt: skip
    e5_first = f"e5 first {r['e5_tokens']}"
    print(f"  {'language':<9}{'articles':>9}{'newsweave/s':>13}   bare embedders, documents/s (same texts)")
    for language, row in r["languages"].items():
        bare = r["bare"].get(language, {})
        names = {"use": "USE", "e5": "e5 whole", "e5-first": e5_first, "static": "static", "lead": "e5 lead int8"}
        cells = ", ".join(f"{names[k]} {v:.1f}" for k, v in bare.items())
        route = "USE" if language in USE_LANGUAGES else r["fallback"]
        print(f"  {language:<9}{row['articles']:>9}{row['per_s']:>13.2f}   [{route}] {cells}")


def _print_distinct(n: int) -> None:
    """Part 1b: a feed of distinct articles, one process and pooled, facts on and off."""
    one, pooled, plain = _run("distinct", n), _run("distinct-pool", n), _run("distinct-pool-nofacts", n)
    print(f"a feed of {n} distinct SemEval articles (one text each, ten languages, many topics):")
    print(
        f"  one process, facts on                   {one['newsweave_per_s']:6.1f} articles/s"
        f"  (leads embedded {one['leads_embedded']:.0%}, bare USE {one['bare_embedder_per_s']:.1f}/s)"
    )
    print(
        f"  {pooled['workers']} workers, facts on                     {pooled['per_s']:6.1f} articles/s"
        f"  ({pooled['per_s'] / one['newsweave_per_s']:.2f}x one process; load {pooled['load'][0]:.1f})"
    )
    print(f"  {plain['workers']} workers, facts off                    {plain['per_s']:6.1f} articles/s"
          f"  (facts on / off {pooled['per_s'] / plain['per_s']:.2f})")  # fmt: skip


def main() -> None:
    """Run each measurement in its own process and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--distinct", type=int, default=300, help="articles of the feed of distinct articles (1b)")
    parser.add_argument("--open", type=int, default=0, help="also time opening a store this large (slow to build)")
    parser.add_argument(
        "--open-route",
        choices=["e5", "static"],
        default="e5",
        help="the route of the store --open times (static: with the cascade's per-language indexes)",
    )
    parser.add_argument("--streams", action="store_true", help="only the BSNLP and mixed streams (part 4)")
    parser.add_argument("--per-language", type=int, default=20, help="BSNLP articles per language (0: all)")
    parser.add_argument(
        "--fallback",
        choices=["e5", "e5-first", "static", "static-plain", "lead"],
        default="lead",
        help="what embeds the languages outside USE's (default: lead, the product's default route)",
    )
    parser.add_argument("--e5-tokens", type=int, default=128)
    parser.add_argument("--peer", help="only part 5: this code against that commit's, in the same run")
    parser.add_argument("--peer-kinds", nargs="+", default=["e2e"], help="the peer's runs (its --child kinds)")
    parser.add_argument("--ours", nargs="+", default=["e2e-pool"], help="this code's runs part 5 sets beside them")
    parser.add_argument("--rounds", type=int, default=3, help="alternations of part 5")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child[0], int(args.child[1]), args.child[2:])
        return
    if args.peer:
        _print_peer(args.peer, args.peer_kinds, args.ours, args.articles, args.rounds)
        return
    if args.streams:
        for kind in ("bsnlp", "mixed"):
            _print_stream(kind, _run(kind, args.per_language, args.fallback, str(args.e5_tokens)))
            if args.fallback in ("static", "e5", "lead"):  # the product's routes: also with ingest on 2 workers
                r = _run(f"{kind}-pool", args.per_language, args.fallback)
                print(f"  with ingest on {r['workers']} worker processes: {r['per_s']:6.2f} articles/s (load"
                      f" {r['load'][0]:.1f} before, {r['load'][1]:.1f} after); per article: worker-seconds facts"
                      f" {r['worker_facts_ms']:.1f} ms, embed (text, title, free leads) {r['worker_embed_ms']:.1f} ms;"
                      f" linking afterwards {r['link_ms']:.1f} ms (its own CPU {r['link_cpu_ms']:.1f} ms, waiting for"
                      f" the workers' vectors {r['link_wait_ms']:.1f} ms; the workers' CPU meanwhile"
                      f" {r['worker_link_ms']:.1f} ms);"
                      f" a worker's peak {r['worker_peak_rss_mb']:.0f} MB")  # fmt: skip
            if kind == "bsnlp" and args.fallback == "lead":
                c = _run("bsnlp-cli", args.per_language)
                print(f"  the command itself (`newsweave ingest FILE --link --workers 2`, start-up included):"
                      f" {c['per_s']:6.2f} articles/s, {c['wall_s']:.1f} s for {c['articles']} articles,"
                      f" {c['cpu_ms']:.0f} ms of CPU an article (load {c['load'][0]:.1f} before)")  # fmt: skip
        return
    e2e = _run("e2e", args.articles)
    plain = _run("e2e-nofacts", args.articles)
    unviewed = _run("e2e-noview", args.articles)
    print(f"end to end on {args.articles} articles of ~3,000 characters (2 cores):")
    print(f"  newsweave ingest+extract+facts+embed+link {e2e['newsweave_per_s']:6.1f} articles/s")
    print(f"  the same with facts off                 {plain['newsweave_per_s']:6.1f} articles/s")
    print(f"  facts on / off                          {e2e['newsweave_per_s'] / plain['newsweave_per_s']:6.2f}")
    print(f"  the same without the second view        {unviewed['newsweave_per_s']:6.1f} articles/s")
    print(f"  second view on / off                    {e2e['newsweave_per_s'] / unviewed['newsweave_per_s']:6.2f}")
    print(f"  articles whose lead e5 embedded        {e2e['leads_embedded']:6.0%}")
    print(f"  bare USE embedder, same texts        {e2e['bare_embedder_per_s']:6.1f} articles/s")
    print(f"  ratio                                {e2e['newsweave_per_s'] / e2e['bare_embedder_per_s']:6.2f}")
    print(f"  articles whose sentences were needed {e2e['sentences_embedded']:6.0%}")
    embed, bare, rest = e2e["embedding_ms"], e2e["bare_ms"], e2e["other_ms"]
    facts_ms = e2e["facts_ms"]
    view_ms = e2e["second_view_ms"]
    print(f"  per article: embedding {embed:.1f} ms (bare {bare:.1f}), facts {facts_ms:.1f} ms, "
          f"second view {view_ms:.1f} ms, the rest {rest:.1f} ms")  # fmt: skip
    pooled = _run("e2e-pool", args.articles)
    pooled_plain = _run("e2e-pool-nofacts", args.articles)
    print(f"the same with ingest on {pooled['workers']} worker processes (ingest --workers {pooled['workers']}):")
    print(f"  newsweave ingest+extract+facts+embed+link {pooled['newsweave_per_s']:6.1f} articles/s"
          f"  ({pooled['newsweave_per_s'] / e2e['newsweave_per_s']:.2f}x one process)")  # fmt: skip
    print(f"  the same with facts off                 {pooled_plain['newsweave_per_s']:6.1f} articles/s")
    print(
        f"  facts on / off                          {pooled['newsweave_per_s'] / pooled_plain['newsweave_per_s']:6.2f}"
    )
    print(f"  per article: worker-seconds extract {pooled['worker_extract_ms']:.1f} ms, facts"
          f" {pooled['worker_facts_ms']:.1f} ms, embed (text, title, free leads) {pooled['worker_embed_ms']:.1f} ms;"
          f" linking afterwards {pooled['link_ms']:.1f} ms (its own CPU {pooled['link_cpu_ms']:.1f} ms, waiting"
          f" for the workers' vectors {pooled['link_wait_ms']:.1f} ms; the workers' CPU meanwhile"
          f" {pooled['worker_link_ms']:.1f} ms);"
          f" a worker's peak {pooled['worker_peak_rss_mb']:.0f} MB")  # fmt: skip
    _print_distinct(args.distinct)
    rows = [_run("link", size) for size in args.sizes]
    print("linking stage alone (stand-in vectors):")
    for r in rows:
        print(
            f"  {r['stored']:>7,} stored: {r['ms_per_article']:6.2f} ms per new article, peak {r['peak_rss_mb']:.0f} MB"
        )
    growth = rows[-1]["ms_per_article"] / rows[0]["ms_per_article"]
    print(f"  growth {rows[0]['stored']:,} -> {rows[-1]['stored']:,}: {growth:.2f}x")
    if args.open:
        opened = _run("open", args.open, args.open_route)
        print(f"opening a store of {args.open:,} linked articles for linking ({args.open_route} route):")
        print(f"  building the ANN graph from the stored vectors  {opened['open_without_saved_graph_s']:6.1f} s")
        print(f"  with the graph saved by the last link run       {opened['open_with_saved_graph_s']:6.1f} s")
        print(f"  then, for linking only, the near-duplicate index {opened['duplicate_index_s']:6.1f} s")


if __name__ == "__main__":
    main()
