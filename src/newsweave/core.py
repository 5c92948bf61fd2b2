"""The ``Newsweave`` facade: the one entry point every face (CLI, Python, REST, web) goes through."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import numpy as np

from newsweave.analyze.embedding import routed_embedder
from newsweave.analyze.facts import FactAnalyzer
from newsweave.analyze.language import LanguageDetector
from newsweave.analyze.places.outlets import REMEMBERED_ARTICLES
from newsweave.analyze.sentences import split_sentences
from newsweave.config import Settings, Workers, default_data_dir
from newsweave.errors import ConfigError
from newsweave.extract import default_extractors
from newsweave.ingest import display_name, read_inputs
from newsweave.link.pair_scorer import PairScorer
from newsweave.link.relations import explain
from newsweave.link.which_event import which_event
from newsweave.linking import LinkReport, StoreLinker, compare_claims, reembed, store_route
from newsweave.pipeline import ErrorPolicy, Pipeline, store_facts
from newsweave.records import (
    Article,
    Disagreement,
    EntitySummary,
    EntityType,
    Facts,
    IngestReport,
    ItemResult,
    Link,
    PlaceSummary,
    Provenance,
    Rejection,
    SourcedClaim,
    Story,
    TimelineEvent,
)
from newsweave.store import Store, open_store

if TYPE_CHECKING:
    from newsweave.link.evidence import NumericClaim
    from newsweave.scale.pool import WorkerPool
    from newsweave.scale.writer import BulkReport


class Newsweave:
    """Ingest news into a store and read it back.

    Example:
        >>> from pathlib import Path
        >>> with Newsweave(Settings(db_path=Path(":memory:"))) as nw:
        ...     nw.count_articles()
        0
    """

    def __init__(self, settings: Settings | None = None, *, store: Store | None = None) -> None:
        self.settings = settings or Settings()
        target = self.settings.store_target
        if store is None and isinstance(target, Path) and target.parent == default_data_dir():
            target.parent.mkdir(parents=True, exist_ok=True)  # only this folder is made for you
        self.store: Store = store or open_store(target)
        self._pipeline: Pipeline | None = None
        self._linker_cache: StoreLinker | None = None
        self._linker_stamp: tuple[int, int] | None = None
        self._facts: FactAnalyzer | None = None
        self._pool: WorkerPool | None = None  # worker processes, kept from ingest to link until close

    def pipeline(self, errors: ErrorPolicy = "record") -> Pipeline:
        """The extract/analyze/store pipeline, built once per instance (models load once)."""
        if self._pipeline is None or self._pipeline.errors != errors:
            facts = self.fact_analyzer() if self.settings.facts else None
            self._pipeline = Pipeline(
                default_extractors(), self.store, batch_size=self.settings.batch_size, errors=errors, facts=facts
            )
        return self._pipeline

    def ingest(
        self,
        paths: Iterable[str | Path],
        *,
        on_result: Callable[[ItemResult], None] | None = None,
        workers: Workers | None = None,
    ) -> IngestReport:
        """Read every input (files, directories, globs, "-" for stdin) and store its articles.

        Re-running is safe: items already stored (same content hash) are counted as duplicates.
        ``workers`` (default ``settings.workers``, else 1; "auto": ``ingest_workers``) > 1: items
        are understood on that many local processes (``scale.pool``; the same result, with the vectors
        linking needs stored as well), which stay up for ``link`` until this instance closes
        (``worker_pool``).
        """
        inputs = [str(p) for p in paths]
        workers = self.ingest_workers(inputs, workers)
        if workers > 1:
            return self.ingest_on_workers(inputs, workers, on_result=on_result).ingest
        entries = read_inputs(
            inputs, max_page_bytes=self.settings.max_page_bytes, max_gzip_ratio=self.settings.max_gzip_ratio
        )
        report = self.pipeline().run(entries, on_result)
        self.store.record_run([display_name(p) for p in inputs], report)
        return report

    def ingest_on_workers(
        self, paths: Iterable[str | Path], workers: int, *, on_result: Callable[[ItemResult], None] | None = None
    ) -> BulkReport:
        """``ingest`` on ``workers`` local processes (``scale.pool``), with the bulk run's own
        figures (time in each stage, workers): what ``ingest --workers N --json`` prints."""
        from newsweave.scale.pool import pool_ingest

        return pool_ingest(self, paths, on_result=on_result, pool=self.worker_pool(workers))

    def ingest_workers(self, inputs: list[str], workers: Workers | None = None) -> int:
        """The processes an ingest of ``inputs`` runs on: ``workers``, else ``settings.workers``,
        else 1; "auto": as many as pay (``scale.auto``: one per core memory holds, from 200 new items)."""
        chosen = workers or self.settings.workers or 1
        if chosen != "auto":
            return chosen
        from newsweave.scale.auto import auto_workers

        return auto_workers(self, inputs)

    def article(self, id_or_prefix: str) -> Article:
        """The article with this id or unique id prefix."""
        return self.store.get_article(id_or_prefix)

    def sightings(self, article_id: str) -> list[Provenance]:
        """Every input the article's content was read from."""
        return self.store.sightings(article_id)

    def articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Stored articles in ingest order."""
        return self.store.iter_articles(limit=limit, offset=offset)

    def count_articles(self) -> int:
        """How many articles are stored."""
        return self.store.count_articles()

    def rejections(self, *, limit: int | None = None) -> list[Rejection]:
        """Inputs that could not be used, with their reasons."""
        return self.store.rejections(limit=limit)

    # -- facts -------------------------------------------------------------------------------

    def fact_analyzer(self) -> FactAnalyzer:
        """The analyze stage's fact readers, loaded once per instance."""
        if self._facts is None:
            self._facts = FactAnalyzer(aliases_path=self.settings.aliases_path)
            # Where the store's outlets' places lie, so that a new run goes on where the last left off.
            self._facts.remember_outlets(self.store.outlet_pins(REMEMBERED_ARTICLES))
        return self._facts

    def analyze(self, *, on_article: Callable[[Article], None] | None = None) -> int:
        """Read the facts of every article that has none (or has an older analyzer's); return how many.

        Interruptible and re-runnable: each article's facts commit on their own.
        """
        analyzer = self.fact_analyzer()
        done = 0
        for article_id in self.store.unanalyzed_article_ids(analyzer.version):
            article = self.store.get_article(article_id)
            with self.store.transaction():
                if store_facts(self.store, analyzer, article):
                    done += 1
                    for link in self.store.links(article_id):  # already linked: compare its claims anew
                        compare_claims(self.store, link)
            if on_article:
                on_article(article)
        return done

    def facts(self, id_or_prefix: str) -> Facts:
        """What one article says: its mentions, places, dates and numeric claims."""
        return self.store.facts(self.article(id_or_prefix).id)

    def entities(
        self,
        *,
        story: int | None = None,
        type: EntityType | None = None,
        language: str | None = None,
        article: str | None = None,
        limit: int | None = None,
    ) -> list[EntitySummary]:
        """Canonical entities (every spelling, script and language as one), most widely reported first."""
        article_id = self._scope(story, article)
        return self.store.entity_summaries(
            story_id=story, type=type, language=language, article_id=article_id, limit=limit
        )

    def places(
        self,
        *,
        story: int | None = None,
        language: str | None = None,
        article: str | None = None,
        resolved_only: bool = False,
        limit: int | None = None,
    ) -> list[PlaceSummary]:
        """Places with their coordinates (unresolved names last), most widely reported first."""
        article_id = self._scope(story, article)
        return self.store.place_summaries(
            story_id=story, language=language, article_id=article_id, resolved_only=resolved_only, limit=limit
        )

    def claims(
        self,
        *,
        story: int | None = None,
        language: str | None = None,
        article: str | None = None,
        limit: int | None = None,
    ) -> list[SourcedClaim]:
        """Numeric claims (how many of what, doing what), earliest article first."""
        article_id = self._scope(story, article)
        return self.store.sourced_claims(story_id=story, language=language, article_id=article_id, limit=limit)

    def _scope(self, story: int | None, article: str | None) -> str | None:
        """Check a facts query's story exists (NotFound otherwise); return its article's full id."""
        if story is not None:
            self.story(story)
        return self.article(article).id if article else None

    def timeline(self, story_id: int) -> list[TimelineEvent]:
        """A story's dated events: when, the sentence that says so, and its article."""
        self.story(story_id)
        return self.store.timeline(story_id)

    def disagreements(self, story_id: int | None = None, *, article: str | None = None) -> list[Disagreement]:
        """Where linked reports' numbers differ: qualifiers, conflicts and updates, with both quotes."""
        article_id = self._scope(story_id, article)
        return self.store.disagreements(story_id=story_id, article_id=article_id)

    # -- linking -------------------------------------------------------------------------------

    def link(
        self, *, on_article: Callable[[Article], None] | None = None, workers: Workers | None = None
    ) -> LinkReport:
        """Link every article not linked yet: relations and stories, in publication order.

        Safe to re-run and to interrupt: each article's linking commits on its own.
        ``workers`` (default ``settings.workers``; unset or "auto": the workers this instance's
        ingest started, else 1) > 1: the sentences and second-view leads that relating will need are
        embedded, and each text's figures read, on that many local processes, articles ahead of the
        one related (the same result).
        """
        chosen = workers or self.settings.workers
        if not isinstance(chosen, int):  # unset or "auto": the workers already running, if any
            chosen = self._pool.workers if self._pool is not None else 1
        workers = chosen
        linker = self._linker()
        embed = read_claims = read_lead = embed_exact = None
        if workers > 1:  # the workers start on the first sentences asked for, not for a run with none

            def embed(sentences: list[str], language: str | None) -> Future[np.ndarray]:
                return self.worker_pool(workers).sentences(sentences, language)

            def read_claims(text: str) -> Future[tuple[NumericClaim, ...]] | None:
                return self._pool.claims(text) if self._pool is not None else None  # once they run

            def read_lead(text: str, language: str | None) -> Future[np.ndarray]:
                return self.worker_pool(workers).lead(text, language)

            def embed_exact(sentences: list[str], language: str | None) -> Future[np.ndarray]:
                return self.worker_pool(workers).exact_sentences(sentences, language)

        try:
            report = linker.run(
                on_article, embed=embed, read_claims=read_claims, read_lead=read_lead, embed_exact=embed_exact
            )
        finally:
            if linker.stale:
                self._linker_cache = None
        self._linker_stamp = self.store.linking_stamp()  # its own links are already in its indexes
        return report

    def worker_pool(self, workers: int) -> WorkerPool:
        """``workers`` local processes with their models loaded (``scale.pool``), started on first
        need and kept for this instance's next ingest or link until ``close``."""
        from newsweave.scale.pool import WorkerOptions, WorkerPool

        if self._pool is not None and self._pool.workers != workers:
            self._pool.close()
            self._pool = None
        if self._pool is None:
            self._pool = WorkerPool(WorkerOptions.of(self), workers)
        return self._pool

    def reembed(self, route: str, *, on_article: Callable[[str], None] | None = None) -> int:
        """Move the store to another route for languages outside USE's (``analyze.embedding.ROUTES``): every
        linked article is embedded again through it; relations and stories stay. Resumable."""
        done = reembed(self.store, route, on_article)
        self._linker_cache = None  # its indexes hold the old vectors
        if self._pool is not None:  # its workers embed through the old route
            self._pool.close()
            self._pool = None
        return done

    def stories(self, *, limit: int | None = None) -> list[Story]:
        """Stories, largest and latest first."""
        return self.store.stories(limit=limit)

    def story(self, story_id: int) -> Story:
        """One story."""
        return self.store.story(story_id)

    def relations(self, article_id: str | None = None) -> list[Link]:
        """Stored relations, all or one article's."""
        if article_id is not None:
            article_id = self.article(article_id).id
        return self.store.links(article_id)

    def similar(self, id_or_prefix: str, *, limit: int = 10) -> list[tuple[Article, float]]:
        """Linked articles nearest in meaning to one article, any language, with their cosine."""
        article = self.article(id_or_prefix)
        view = self._linker().view(article)
        hits = self._linker().linker.nearest(view.document, limit + 1)
        return [(self.article(i), sim) for i, sim in hits if i != article.id][:limit]

    def why(self, a: str, b: str) -> str:
        """Why two articles are (or are not) linked, in plain words."""
        first, second = self.article(a), self.article(b)
        if first.id == second.id:
            raise ConfigError(
                f"{a!r} and {b!r} are the same article ({first.id[:12]})", hint="give two different articles"
            )
        stored = [x for x in self.store.links(first.id) if {x.a, x.b} == {first.id, second.id}]
        if stored:
            link = stored[0]
        else:
            computed = self._linker().relate(first, second)
            if computed is None:
                return self._unrelated(first, second)
            link = computed
        titles = {first.id: first.title, second.id: second.title}
        summaries = [s for i in (link.a, link.b) for s in self.store.entity_summaries(article_id=i)]
        names: dict[str, str] = {}
        for summary in summaries:  # A's spelling of a name both write
            names.setdefault(summary.entity.key, summary.entity.name)
        facts = which_event(self.store.facts(link.a), self.store.facts(link.b), names)
        return "\n".join([explain(link, titles[link.a], titles[link.b]), *facts])

    def _unrelated(self, first: Article, second: Article) -> str:
        """Why two articles are unrelated: their learned score against the related line."""
        linking = self._linker()
        a, b = linking.view(first), linking.view(second)
        score, line = linking.linker.score(a, b), linking.linker.thresholds.related
        cosine = float(a.document @ b.document)
        return (
            f"{second.id[:12]} and {first.id[:12]} are not related: their learned same-story score is "
            f"{score:.2f}, under the related line of {line:.2f} (whole-text cosine {cosine:.2f})."
        )

    def query_vectors(self, queries: Sequence[str]) -> list[np.ndarray]:
        """Embed search queries, many at once (one pass per language): a server batches concurrent searches.

        One pass over 25 short queries costs about what one query alone does, so batching is what
        keeps search latency flat under load.
        """
        embedder = self._linker().linker.embedder
        languages = [_query_language(q) for q in queries]
        vectors: dict[int, np.ndarray] = {}
        for language in dict.fromkeys(languages):
            rows = [i for i, lang in enumerate(languages) if lang == language]
            for i, vector in zip(rows, embedder.embed([queries[i] for i in rows], language), strict=True):
                vectors[i] = vector
        return [vectors[i] for i in range(len(queries))]

    def search(self, query: str, *, limit: int = 10, vector: np.ndarray | None = None) -> list[tuple[Article, float]]:
        """Cross-lingual semantic search, with a small bonus for full-text (BM25) matches.

        Meaning leads — an English query must find the French report — and the words only break
        near-ties, so each hit's score is its cosine to the query plus at most 0.05 for a lexical match.
        """
        if not query.strip():
            raise ConfigError("the search query is empty", hint='give words to look for, e.g. "dam burst"')
        linker = self._linker()
        if vector is None:  # ``vector``: the query's, from ``query_vectors`` (embedded with others)
            vector = self.query_vectors([query])[0]
        lexical = {aid: rank for rank, (aid, _) in enumerate(self.store.search_text(query, limit=limit * 2))}
        candidates = {aid for aid, _ in linker.linker.nearest(vector, limit * 2)} | set(lexical)
        scored = []
        for article_id in candidates:
            article = self.article(article_id)
            view = linker.view(article)
            # A short query reads like a headline: match it against the title as well as the text.
            cosine = max(float(view.document @ vector), float(view.title_vector @ vector))
            bonus = 0.05 / (1 + lexical[article_id]) if article_id in lexical else 0.0
            scored.append((article, cosine + bonus))
        return sorted(scored, key=lambda hit: -hit[1])[:limit]

    def search_words(self, query: str, *, limit: int = 10) -> list[tuple[Article, float]]:
        """Full-text search only (BM25 over titles and bodies, any article, linked or not), best first."""
        return [(self.article(aid), score) for aid, score in self.store.search_text(query, limit=limit)]

    def merge_stories(self, keep: int, absorb: int) -> Story:
        """Merge story ``absorb`` into ``keep`` (recorded in the audit trail)."""
        self.story(keep), self.story(absorb)  # both must exist
        if keep == absorb:
            raise ConfigError(f"cannot merge story {keep} into itself")
        with self.store.transaction():
            for article_id in self.store.story_article_ids(absorb):
                self.store.set_story(article_id, keep)
            self.store.record_edit("merge", {"keep": keep, "absorb": absorb})
        self._linker_cache = None
        return self.story(keep)

    def split_story(self, story_id: int, article_ids: list[str]) -> Story:
        """Move articles out of a story into a new one; they will not rejoin it by themselves."""
        members = set(self.store.story_article_ids(story_id))
        ids = [self.article(a).id for a in article_ids]
        outside = [a for a in ids if a not in members]
        if outside or not ids:
            raise ConfigError(f"article {outside[0][:12] if outside else '?'} is not in story {story_id}")
        if len(ids) == len(members):
            raise ConfigError("a split must leave at least one article in the story")
        new_id = self.store.next_story_id()
        with self.store.transaction():
            for article_id in ids:
                self.store.set_story(article_id, new_id)
                self.store.add_cannot_join(article_id, story_id)
            self.store.record_edit("split", {"story": story_id, "new_story": new_id, "articles": ids})
        self._linker_cache = None
        return self.story(new_id)

    def story_edits(self) -> list[dict[str, object]]:
        """The audit trail of merges and splits."""
        return self.store.edits()

    # -- views the faces (REST, web, export) need -------------------------------------------------

    def story_of(self, article_id: str) -> int | None:
        """The story an article is in (None when it is not linked yet)."""
        return self.store.story_of(self.article(article_id).id)

    def story_relations(self, story_id: int) -> list[Link]:
        """The relations between a story's own articles, each once, in the order they were stored."""
        members = set(self.store.story_article_ids(story_id))
        if not members:
            self.story(story_id)  # raises NotFound
        found = {(x.a, x.b): x for m in members for x in self.store.links(m) if x.a in members and x.b in members}
        return list(found.values())

    def related_stories(self, story_id: int, *, limit: int = 10) -> list[tuple[Story, Link]]:
        """Other stories joined to this one by a relation, each with its strongest link, strongest first."""
        members = set(self.store.story_article_ids(story_id))
        best: dict[int, Link] = {}
        for member in members:
            for link in self.store.links(member):
                other = link.b if link.a == member else link.a
                other_story = None if other in members else self.store.story_of(other)
                if other_story is None or other_story == story_id:
                    continue
                if other_story not in best or link.score > best[other_story].score:
                    best[other_story] = link
        ranked = sorted(best.items(), key=lambda item: (-item[1].score, item[0]))[:limit]
        return [(self.story(sid), link) for sid, link in ranked]

    def sentences(self, article_id: str) -> list[str]:
        """The article's sentences as linking split them: a relation's aligned indices point into this list."""
        return split_sentences(self.article(article_id).text)

    def find_stories(
        self,
        *,
        language: str | None = None,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        text: str | None = None,
        newest: bool = False,
    ) -> Iterator[Story]:
        """Stories, largest and latest first (latest first with ``newest``), that match every filter given.

        A story matches a date range when it overlaps it (undated stories never do); ``text``
        matches when every word is in the story's or one of its articles' titles (case ignored).
        Without filters, stories are read a page at a time, so the first page of a large store is cheap.
        """
        words = text.casefold().split() if text else []
        filtered = bool(language or outlet or since or until or words)
        for story in self._all_stories(newest) if filtered else self._story_pages(newest):
            if language and language not in story.languages:
                continue
            if outlet and outlet.casefold() not in {o.casefold() for o in story.outlets}:
                continue
            if (since or until) and not _overlaps(story.first_seen, story.last_seen, since, until):
                continue
            if words:
                titles = " ".join(self.article(i).title or "" for i in story.article_ids).casefold()
                if not all(w in titles for w in words):
                    continue
            yield story

    def find_articles(
        self,
        *,
        language: str | None = None,
        outlet: str | None = None,
        since: date | None = None,
        until: date | None = None,
        text: str | None = None,
    ) -> Iterator[Article]:
        """Stored articles in ingest order that match every filter given (streamed, not loaded at once).

        ``text`` matches when every word is in the title or body (case ignored).
        """
        words = text.casefold().split() if text else []
        for article in self._all_articles():
            if language and article.language != language:
                continue
            if outlet and (article.outlet or "").casefold() != outlet.casefold():
                continue
            if since or until:
                when = article.published.value if article.published else None
                if not _overlaps(when, when, since, until):
                    continue
            if words:
                haystack = f"{article.title or ''}\n{article.text}".casefold()
                if not all(w in haystack for w in words):
                    continue
            yield article

    def count_stories(self) -> int:
        """How many stories there are."""
        return self.store.count_stories()

    def _all_stories(self, newest: bool) -> Iterator[Story]:
        yield from self.store.stories(newest=newest)

    def _story_pages(self, newest: bool, page: int = 100) -> Iterator[Story]:
        offset = 0
        while batch := self.store.stories(limit=page, offset=offset, newest=newest):
            yield from batch
            offset += len(batch)

    def _all_articles(self, page: int = 1000) -> Iterator[Article]:
        """Every article in ingest order, read a page at a time (the store's reads load a page whole)."""
        offset = 0
        while batch := list(self.store.iter_articles(limit=page, offset=offset)):
            yield from batch
            offset += len(batch)

    def refresh(self) -> bool:
        """Drop the loaded linking indexes if another process linked or edited stories since; True if dropped.

        A long-lived instance (a server) calls this so that what a cron job's `ingest --link` added
        shows in its searches; the indexes reload on next use.
        """
        stamp = self.store.linking_stamp()
        if self._linker_cache is not None and stamp != self._linker_stamp:
            self._linker_cache = None
            return True
        return False

    def _linker(self) -> StoreLinker:
        if self._linker_cache is None:
            self._linker_stamp = self.store.linking_stamp()
            route = store_route(self.store, self.settings.other_languages)
            scorer = PairScorer.load()
            scorer = scorer if self.settings.second_view else scorer.without_second_view()
            self._linker_cache = StoreLinker(self.store, routed_embedder(route), scorer)
        return self._linker_cache

    def close(self) -> None:
        """Close the store (and stop the worker processes, if any were started)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None
        self.store.close()

    def __enter__(self) -> Newsweave:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _overlaps(first: datetime | None, last: datetime | None, since: date | None, until: date | None) -> bool:
    """Whether [first, last] meets the days [since, until] (either end open); undated never does."""
    if first is None or last is None:
        return False
    return (since is None or last.date() >= since) and (until is None or first.date() <= until)


def _query_language(query: str) -> str | None:
    """The query's language when identified with confidence (a few words often are not)."""
    language, confidence = LanguageDetector().detect(query)
    return language if confidence >= 0.7 else None
