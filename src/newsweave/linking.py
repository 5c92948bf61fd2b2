"""Wiring of the link stage to the store: load the indexes, link new articles, persist results.

Kept apart from ``core`` so the facade stays a list of one-line entry points.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from newsweave.analyze.embedding import Embedder, RoutedEmbedder, route_of, routed_embedder
from newsweave.config import DEFAULT_ROUTE, ROUTES
from newsweave.errors import ConfigError, StoreError
from newsweave.link.disagreements import ArticleClaims, compare
from newsweave.link.duplicates import signature
from newsweave.link.evidence import NumericClaim, remember_claims
from newsweave.link.linker import Candidate, LinkArticle, Linker, LinkResult, lead_text
from newsweave.link.pair_scorer import PairScorer
from newsweave.records import Article, ClaimRelation, Link, RelationKind
from newsweave.store.base import Store, StoredEmbedding

_CACHE = 512  # candidate articles kept in memory between links (recent ones recur)

# Embeds sentences elsewhere (``Linker.sentence_vectors`` in another process): (sentences, language).
EmbedSentences = Callable[[list[str], str | None], Future[np.ndarray]]
ReadClaims = Callable[[str], Future[tuple[NumericClaim, ...]] | None]
ReadLead = Callable[[str, str | None], Future[np.ndarray]]
_ASKED = 512  # sentence sets (and leads) asked for ahead and not taken yet
Pair = tuple[LinkArticle, LinkArticle]


@dataclass(slots=True)
class LinkReport:
    """Counts of one link run."""

    linked: int = 0
    links: int = 0
    stories: int = 0


class StoreLinker:
    """A ``Linker`` loaded from, and writing to, a store."""

    def __init__(self, store: Store, embedder: Embedder | None = None, scorer: PairScorer | None = None) -> None:
        self.store = store
        self.linker = Linker(embedder or RoutedEmbedder(), scorer or PairScorer.load())
        self.model = self.linker.embedder.name
        self._cache: OrderedDict[str, LinkArticle] = OrderedDict()
        # The ANN graph's checkpoints are saved (beside a SQLite store, in the data folder for a
        # PostgreSQL one), so opening the store does not re-insert every vector.
        self.index_path = store.ann_checkpoint(self.model)
        languages = store.linked_languages() if self.linker.cascade is not None else None
        self.linker.load(list(store.linked_vectors(self.model)), self.index_path, languages)
        for article_id, story_id, published in store.story_memberships():
            self.linker.clusterer.place(article_id, story_id, published)
        for article_id, story_id in store.cannot_join():
            self.linker.clusterer.cannot_join.setdefault(article_id, set()).add(story_id)
        self._duplicates_loaded = False  # search, similar and why never need them
        # True when a run stopped with articles indexed but not linked: load the indexes anew
        # (``Newsweave.link`` drops such a linker), or an article would meet itself.
        self.stale = False

    def load_duplicates(self) -> None:
        """Fill the near-duplicate index from the store's signatures (once; linking calls it)."""
        if not self._duplicates_loaded:
            for article_id, sig in self.store.signatures():
                self.linker.duplicates.add(article_id, sig)
            self._duplicates_loaded = True

    def run(
        self,
        on_article: Callable[[Article], None] | None = None,
        *,
        embed: EmbedSentences | None = None,
        read_claims: ReadClaims | None = None,
        read_lead: ReadLead | None = None,
        embed_exact: EmbedSentences | None = None,
        ahead: int = 16,
    ) -> LinkReport:
        """Link every stored article not linked yet, in publication order; each commits on its own.

        ``embed``: what embeds the sentences relating will need, ``ahead`` articles before
        (``Linker.sentence_vectors`` in worker processes, ``scale.pool``); the same result.
        ``read_claims`` (with ``embed``): what reads each article's figures ahead for the pair
        features (``link.evidence.claims`` in a worker; None from it: read them here).
        ``read_lead`` (with ``embed``): what embeds the second-view leads relating will read, ahead
        (``link.linker.lead_vector`` in a worker: the same bits).
        ``embed_exact`` (with ``embed``): what embeds, ahead, the first sentences of the articles
        whose translations the cascade will check in e5's bridged space (``Linker.exact_sentence_vectors``).

        Raises:
            Conflict: another process is linking the same store.
            StoreError: the store is read-only, or stayed locked by another writer.
        """
        if self.store.read_only:
            raise StoreError(
                "the store is read-only",
                item=self.store.location,
                hint="make it writable, or pass --db a writable store",
            )
        with self.store.link_lock():
            if embed is None:
                report = self._run(on_article)
            else:
                # Beside busy workers, this process's small matrix products run on one thread: an
                # idle BLAS thread spins on the core a worker needs. BSNLP, two workers: linking's
                # own CPU 37-39 → 21 ms an article, its time 44 → 35-37 ms (ad hoc, same store).
                with threadpool_limits(1, user_api="blas"):
                    report = self._run_ahead(Ahead(embed, read_claims, read_lead, embed_exact), ahead, on_article)
        report.stories = len({s for _, s, _ in self.store.story_memberships()})
        return report  # the vector index saved its checkpoints beside the store as it passed them

    def _run(self, on_article: Callable[[Article], None] | None) -> LinkReport:
        report = LinkReport()
        for article in self.store.unlinked_articles():
            try:
                with self.store.transaction():
                    report.links += self.link_one(article)
            except BaseException:
                self.stale = True  # the article may be indexed, its transaction rolled back
                raise
            report.linked += 1
            if on_article:
                on_article(article)
        return report

    def link_one(self, article: Article) -> int:
        """Link one article; return how many relations it got."""
        self.load_duplicates()
        view = self.view(article)
        return self._keep(article, view, self.linker.link(view, self.view_by_id))

    def _run_ahead(self, work: Ahead, ahead: int, on_article: Callable[[Article], None] | None) -> LinkReport:
        """``_run`` with the sentence vectors and leads relating will need embedded by other
        processes ``ahead`` articles before: this process finds each article's candidates and
        indexes it in link order, asks for the sentences and leads its pairs will need
        (``Linker.foresee``), and relates the article ``ahead`` places back, whose vectors are
        ready by then. Candidates come from the indexes alone (which articles came before, not
        what was decided), so finding them ahead finds the same ones. The article's figures are
        read ahead the same way (``read_claims``), the very ones this process would read."""
        report = LinkReport()
        self.load_duplicates()
        sentences: OrderedDict[str, Future[np.ndarray]] = OrderedDict()
        leads: OrderedDict[str, Future[np.ndarray]] = OrderedDict()
        exact: OrderedDict[str, Future[np.ndarray]] = OrderedDict()
        rests: OrderedDict[str, Future[np.ndarray]] = OrderedDict()
        figures: dict[str, Future[tuple[NumericClaim, ...]]] = {}
        flying: deque[tuple[Article, LinkArticle, list[Candidate]]] = deque()
        gated: list[tuple[LinkArticle, LinkArticle]] = []  # pairs whose sentence vectors are awaited
        leading: list[tuple[LinkArticle, LinkArticle]] = []  # pairs whose e5 leads are awaited

        def ask_ahead() -> None:
            nonlocal gated, leading
            assert work.embed_exact is not None
            gated, admitted = ask_exact(self.linker, gated, sentences, exact, work.embed_exact)
            leading = ask_exact_rests(self.linker, leading + admitted, sentences, exact, rests, work.embed_exact)

        def link_first() -> None:
            article, view, candidates = flying.popleft()
            if (read := figures.pop(view.id, None)) is not None:
                remember_claims(view.text, read.result())
            result = self.linker.relations(view, candidates)
            self.linker.settle(view, result)
            with self.store.transaction():
                report.links += self._keep(article, view, result)
            report.linked += 1
            if on_article:
                on_article(article)

        self.linker.sentences_ahead = _taken(sentences)
        self.linker.leads_ahead = _taken(leads)
        self.linker.exact_leads_ahead = _taken(exact)
        self.linker.exact_rests_ahead = _taken(rests)
        if work.embed_exact is not None:
            embed_exact = work.embed_exact
            self.linker.exact_elsewhere = lambda batch, language: embed_exact(batch, language).result()
        try:
            for article in self.store.unlinked_articles():
                view = self.view(article)
                if work.read_claims is not None and (read := work.read_claims(view.text)) is not None:
                    figures[view.id] = read
                found = self.linker.candidates(view)
                self.linker.remember(view.id, view.document, view.signature, view.language)
                candidates = [Candidate(self.view_by_id(i), cosine, cross) for i, cosine, cross in found]
                foreseen = self.linker.foresee(view, candidates)
                for needed in foreseen.sentences:
                    if needed.id not in sentences:
                        sentences[needed.id] = work.embed(self.linker.split(needed), needed.language)
                if work.read_lead is not None:
                    for needed in foreseen.leads:
                        if needed.id not in leads:
                            leads[needed.id] = work.read_lead(lead_text(needed), needed.language)
                if work.embed_exact is not None:
                    gated.extend(foreseen.gated)
                    ask_ahead()
                flying.append((article, view, candidates))
                if len(flying) > ahead:
                    link_first()
                for asked in (sentences, leads, exact, rests):
                    while len(asked) > _ASKED:  # foreseen for a pair that did not ask after all
                        asked.popitem(last=False)[1].cancel()
            while flying:
                if work.embed_exact is not None:
                    ask_ahead()
                link_first()
        except BaseException:
            self.stale = True  # its indexes hold articles that were not linked: load them anew
            pending: list[Future[Any]] = [
                *sentences.values(), *leads.values(), *exact.values(), *rests.values(), *figures.values()
            ]  # fmt: skip
            for future in pending:
                future.cancel()
            raise
        finally:
            self.linker.sentences_ahead = self.linker.leads_ahead = None
            self.linker.exact_leads_ahead = self.linker.exact_rests_ahead = None
            self.linker.exact_elsewhere = None
        return report

    def _keep(self, article: Article, view: LinkArticle, result: LinkResult) -> int:
        """Store what linking one article found; return how many relations it got."""
        for changed in {a.id: a for a in (*result.embedded_sentences, *result.embedded_leads, view)}.values():
            self._save(changed)
        self.store.put_signature(article.id, view.signature)
        for link in result.links:
            self.store.add_link(link)
            compare_claims(self.store, link, self._cached_claims)
        self.store.set_story(article.id, result.story_id)
        self.store.mark_linked(article.id)
        return len(result.links)

    def relate(self, first: Article, second: Article) -> Link | None:
        """The relation of two articles computed now (None: unrelated); vectors it embeds are stored."""
        a, b = self.view(first), self.view(second)
        link, result = self.linker.relate(a, b)
        with self.store.transaction():
            for changed in {x.id: x for x in (*result.embedded_sentences, *result.embedded_leads, a, b)}.values():
                self._save(changed)  # embed once: a later link or why reads them back
        return link

    def view(self, article: Article) -> LinkArticle:
        """The article as linking sees it: stored vectors, or new ones embedded now."""
        if article.id in self._cache:
            self._cache.move_to_end(article.id)
            return self._cache[article.id]
        stored = self.store.get_embedding(article.id)
        date = article.published.value if article.published else None
        if stored is None or stored.model != self.model:
            view = self.linker.prepare(article.id, article.title, article.text, article.language, date)
        else:
            sentences = list(stored.sentences) if stored.sentences else None
            sig = self.store.get_signature(article.id)  # a bulk ingest stores it
            view = LinkArticle(
                article.id, article.title or "", article.text, article.language, date, stored.document,
                stored.title, signature(article.text) if sig is None else sig, sentences, stored.sentence_vectors,
            )  # fmt: skip
            if stored.lead_vector is not None and stored.lead_model == self.linker.second_view.name:
                view.lead_vector = stored.lead_vector
        if view.facts is None and self.store.has_facts(article.id):
            view.facts = self.store.facts(article.id)  # the fact features read them (see pair_features)
        self._cache[article.id] = view
        if len(self._cache) > _CACHE:
            self._cache.popitem(last=False)
        return view

    def _cached_claims(self, article_id: str) -> ArticleClaims | None:
        """The claims of an article linking holds in memory (None: not held, read the store)."""
        view = self._cache.get(article_id)
        if view is None or view.facts is None:
            return None
        return ArticleClaims(article_id, view.published, view.language, view.facts.claims)

    def view_by_id(self, article_id: str) -> LinkArticle:
        """``view`` of a stored article."""
        return self.view(self.store.get_article(article_id))

    def _save(self, view: LinkArticle) -> None:
        sentences = tuple(view.sentences) if view.sentences is not None else None
        embedding = StoredEmbedding(
            self.model, view.document, view.title_vector, sentences, view.sentence_vectors,
            self.linker.second_view.name, view.lead_vector,
        )  # fmt: skip
        self.store.put_embedding(view.id, embedding)


def store_route(store: Store, chosen: str | None) -> str:
    """The route for languages outside USE's (``analyze.embedding.ROUTES``) that linking ``store`` takes.

    A store keeps the route it was first linked with: the candidate index holds the vectors of
    one embedder, so articles linked through another route would drop out of every search and
    new articles would never meet them. ``chosen`` (the setting; None: not set) applies to a
    store not linked yet, and must agree with the store's route otherwise.

    Raises:
        ConfigError: ``chosen`` is another route than the store's, or the store was linked by an
            embedder this release does not have.
    """
    models = store.linked_models()
    if not models:
        return chosen or DEFAULT_ROUTE
    model = max(models, key=lambda m: models[m])  # a store mixed by an older release: its main route
    route = route_of(model)
    if route is None:
        raise ConfigError(
            f"its {models[model]:,} linked articles carry vectors of {model}, which this release does not have",
            item=store.location,
            hint=f"embed them again through a route of this release: newsweave reembed {DEFAULT_ROUTE}",
        )
    if chosen is not None and chosen != route:
        raise ConfigError(
            f"its {models[model]:,} linked articles went through the {route} route for languages outside "
            f"USE's; linking or searching through the {chosen} route would leave them out of every candidate search",
            item=store.location,
            hint=f"unset NEWSWEAVE_OTHER_LANGUAGES (or set it to {route}) to keep the store's route, "
            f"or move the store to the {chosen} route: newsweave reembed {chosen}",
        )
    return route


def reembed(store: Store, route: str, on_article: Callable[[str], None] | None = None, batch: int = 200) -> int:
    """Embed every linked article again through ``route``, so the store can be linked on through it.

    Relations and stories stay as they were decided; only the vectors change (whole text and
    title; sentence vectors are embedded again on first need). An article in one of USE's
    languages under another route of the same USE keeps its vectors, only relabelled: every route
    embeds those with USE alike, so a store moves at the cost of its other languages' articles.
    Articles already under the route's vectors are skipped, so a killed run resumes where it
    stopped. Returns how many were moved (embedded or relabelled).

    Raises:
        ConfigError: ``route`` is not one of ``analyze.embedding.ROUTES``.
    """
    if route not in ROUTES:
        raise ConfigError(f"no route {route!r}", hint=f"choose one of {', '.join(ROUTES)}")
    embedder = routed_embedder(route)
    linker = Linker(embedder, PairScorer.load(), cascade=False)
    target = embedder.name
    done = 0
    with store.link_lock():
        for model in [m for m in store.linked_models() if m != target]:
            same_use = model.startswith(f"{embedder.primary.name}+")  # a route's name starts with its primary's
            ids = [article_id for article_id, _ in store.linked_vectors(model)]
            for start in range(0, len(ids), batch):
                with store.transaction():
                    for article_id in ids[start : start + batch]:
                        article = store.get_article(article_id)
                        use_alike = same_use and not embedder.routes_to_fallback(article.language)
                        if use_alike and (kept := store.get_embedding(article_id)) is not None:
                            store.put_embedding(article_id, kept._replace(model=target))
                        else:
                            date = article.published.value if article.published else None
                            view = linker.prepare(article.id, article.title, article.text, article.language, date)
                            store.put_embedding(article_id, StoredEmbedding(target, view.document, view.title_vector))
                        done += 1
                        if on_article:
                            on_article(article_id)
    return done


# Two reports of one event: their numbers are worth comparing. A related story is another event.
COMPARED_KINDS = (RelationKind.DUPLICATE, RelationKind.VERSION, RelationKind.SAME_STORY)
# Links whose aligned sentences say one thing twice: a copy (a reprint, a copy with figures changed)
# and a version (a translation or rewrite).
_ONE_TEXT = (RelationKind.DUPLICATE, RelationKind.VERSION)


def compare_claims(store: Store, link: Link, held: Callable[[str], ArticleClaims | None] | None = None) -> int:
    """Compare the numeric claims of two linked articles and store how they compare; return how many.

    Copies and versions are compared sentence by sentence through their aligned sentences;
    independent reports of one story by what their claims count and say happened. Of a copy only
    what differs is stored: forty reprints of a wire would store every figure's agreement 780 times.
    ``held`` gives an article's
    claims already in memory (None where not), so linking does not read articles and facts back
    for every link.
    """
    if link.kind not in COMPARED_KINDS:
        return 0
    sides = [
        (held(article_id) if held else None) or _stored_claims(store, article_id) for article_id in (link.a, link.b)
    ]
    # A same-story pair's evidence aligns its likest sentences too ("three vaccines in Russia" beside
    # "nine vaccines in the world"), but only a copy's and a version's say one thing twice.
    one_text = link.kind in _ONE_TEXT
    aligned, alike = (link.evidence.aligned, None) if one_text else ((), link.evidence.aligned)
    found = compare(sides[0], sides[1], aligned, alike=alike) if sides[0].claims and sides[1].claims else []
    if link.kind is RelationKind.DUPLICATE:
        found = [d for d in found if d.relation is not ClaimRelation.AGREE]
    store.put_disagreements(link.a, link.b, found)
    return len(found)


def _stored_claims(store: Store, article_id: str) -> ArticleClaims:
    article = store.get_article(article_id)
    published = article.published.value if article.published else None
    return ArticleClaims(article_id, published, article.language, store.facts(article_id).claims)


@dataclass(frozen=True, slots=True)
class Ahead:
    """What a pooled link has other processes do ahead (``StoreLinker.run``)."""

    embed: EmbedSentences
    read_claims: ReadClaims | None = None
    read_lead: ReadLead | None = None
    embed_exact: EmbedSentences | None = None


def ask_exact(
    linker: Linker,
    gated: list[tuple[LinkArticle, LinkArticle]],
    sentences: Mapping[str, Future[np.ndarray]],
    exact: dict[str, Future[np.ndarray]],
    embed_exact: EmbedSentences,
) -> tuple[list[Pair], list[Pair]]:
    """Ask for the first e5 sentences of the gated pairs (``Foreseen.gated``) whose sentence
    vectors are known by now (on the article, or embedded ahead: ``sentences``) and pass the
    cascade's last pre-gate line (``Linker.vectors_admit``); add them to ``exact`` by article.
    Return the pairs still waiting for their vectors, and those whose leads were asked for. A
    pair related before its vectors came is checked there, e5 run in the linking process.
    (Asking on the texts alone, before the vectors, asked for five times too many leads on BSNLP.)"""
    waiting, admitted = [], []
    for a, b in gated:
        va, vb = _known(a, sentences), _known(b, sentences)
        if va is not None and vb is not None:
            if sides := linker.vectors_admit(a, b, va, vb):
                admitted.append((a, b))
            for side in sides:
                if side.id not in exact:
                    exact[side.id] = embed_exact(linker.exact_lead(side), side.language)
        elif _coming(a, sentences) and _coming(b, sentences):
            waiting.append((a, b))
    return waiting, admitted


def ask_exact_rests(
    linker: Linker,
    pairs: list[Pair],
    sentences: Mapping[str, Future[np.ndarray]],
    exact: Mapping[str, Future[np.ndarray]],
    rests: dict[str, Future[np.ndarray]],
    embed_exact: EmbedSentences,
) -> list[Pair]:
    """Ask for the other e5 sentences of the pairs whose first ones ``ask_exact`` asked for,
    once those are known and agree (``Linker.exact_rest_needs``): the cascade's whole-text
    alignment then reads them (about 0.3 s of e5 in the linking process for a BSNLP article);
    add them to ``rests`` by article and return the pairs still waiting for their leads."""
    waiting = []
    for a, b in pairs:
        known = [_exact_lead_known(linker, side, sentences, exact) for side in (a, b)]
        if known[0] is not None and known[1] is not None:
            for side in linker.exact_rest_needs(a, b, known[0], known[1]):
                if side.id not in rests:
                    rests[side.id] = embed_exact(linker.exact_rest(side), side.language)
        elif all(_coming(side, sentences) and _lead_coming(side, exact) for side in (a, b)):
            waiting.append((a, b))
    return waiting[-_ASKED:]  # (a side's lead asked, then dropped unread, would keep a pair waiting)


def _exact_lead_known(
    linker: Linker,
    view: LinkArticle,
    sentences: Mapping[str, Future[np.ndarray]],
    exact: Mapping[str, Future[np.ndarray]],
) -> np.ndarray | None:
    """What the cascade compares of an article's first sentences, if known (``Linker.exact_lead_vectors``)."""
    own = _known(view, sentences)
    if own is None:
        return None
    lead = view.exact_sentence_vectors
    return linker.exact_lead_vectors(view, own, lead if lead is not None else _done(exact.get(view.id)))


def _known(view: LinkArticle, asked: Mapping[str, Future[np.ndarray]]) -> np.ndarray | None:
    """An article's sentence vectors if known: on it, or embedded ahead and done (not taken)."""
    if view.sentence_vectors is not None:
        return view.sentence_vectors
    return _done(asked.get(view.id))


def _done(future: Future[np.ndarray] | None) -> np.ndarray | None:
    """The vectors a future holds once it is done (None: not asked, not done, or failed)."""
    if future is None or not future.done() or future.cancelled() or future.exception() is not None:
        return None
    return future.result()


def _coming(view: LinkArticle, asked: Mapping[str, Future[np.ndarray]]) -> bool:
    """True when an article's sentence vectors are known or being embedded ahead."""
    future = asked.get(view.id)
    return view.sentence_vectors is not None or (future is not None and not future.cancelled())


def _lead_coming(view: LinkArticle, exact: Mapping[str, Future[np.ndarray]]) -> bool:
    """False when an article's e5 lead was asked for ahead and cancelled."""
    future = exact.get(view.id)
    return future is None or not future.cancelled()


def _taken(asked: OrderedDict[str, Future[np.ndarray]]) -> Callable[[LinkArticle], np.ndarray | None]:
    """What the linker reads vectors embedded ahead through: an article's, once, or None (not asked)."""

    def taken(view: LinkArticle) -> np.ndarray | None:
        future = asked.pop(view.id, None)
        return None if future is None else future.result()

    return taken
