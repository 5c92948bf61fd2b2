"""Linking one new article against what came before: candidates, scores, relations, story.

For every article the whole text and the title are embedded once. Candidates come from two
indexes — the nearest earlier articles by embedding (ANN) and near-duplicate texts (MinHash LSH) —
so the cost per article stays flat as the store grows. Only candidates close enough to matter
(cosine >= ``candidate_floor``) are scored, from document features. Only pairs close enough to be
versions, or whose same-story decision is a close call (``PairScorer.needs_sentences``), need
sentence embeddings — computed once, on first need, and stored by the caller — for the sentence
features and the alignment: embedding sentences costs as much as the whole text again, so most
articles are never split at all. Pairs whose score is near the same-story line
(``PairScorer.needs_second_view``) are scored again with a second view, multilingual-e5 over the
two articles' leads, embedded on first need and stored by the caller (``LinkResult.embedded_leads``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

import numpy as np

from newsweave.analyze.embedding import E5Embedder, Embedder, lead_e5
from newsweave.analyze.sentences import split_sentences
from newsweave.link.alignment import AlignmentSummary, align, margin, summarise
from newsweave.link.ann import LanguageIndexes, VectorIndex
from newsweave.link.cascade import SHAPE_MIN_SENTENCES, Cascade, has_translation_shape, lead_similarity
from newsweave.link.duplicates import DuplicateIndex, jaccard, signature
from newsweave.link.evidence import differing_claims, shared_names, shared_numbers
from newsweave.link.lead_centres import LeadCentres
from newsweave.link.pair_features import (
    NUMBERS_COLUMN,
    ROW_FEATURES,
    PairSide,
    numbers_jaccard,
    pair_features,
    sentence_features,
)
from newsweave.link.pair_scorer import PairScorer
from newsweave.link.relations import RelationThresholds, VersionLine, aligns_as_version, decide
from newsweave.link.stories import StoryClusterer
from newsweave.records import AlignedSentences, Evidence, Facts, Link, RelationKind

DOCUMENT_CHARS = 3000
MAX_SENTENCES = 60
MAX_ALIGNED_KEPT = 40
# Sentence vectors are stored in half precision (they are many). They are rounded to it as soon as
# they are embedded, so a decision reads the same numbers whether its vectors were embedded a moment
# ago or read back from the store after a restart: a killed and resumed link equals an uninterrupted one.
SENTENCE_PRECISION = np.float16


@dataclass(slots=True)
class LinkArticle:
    """An article as linking sees it, with its vectors (sentences filled in on first need)."""

    id: str
    title: str
    text: str
    language: str | None
    published: datetime | None
    document: np.ndarray
    title_vector: np.ndarray
    signature: np.ndarray
    sentences: list[str] | None = None
    sentence_vectors: np.ndarray | None = None
    facts: Facts | None = None  # from the analyze stage, when it has read the article
    # The cascade's e5-bridged sentence vectors (``link.cascade``), kept in memory only: the store
    # keeps one sentence set, and e5 gives the same vectors again after a restart.
    exact_sentence_vectors: np.ndarray | None = None
    # The second view's vector of the lead (``lead_vector``), embedded on first need and stored by the caller.
    lead_vector: np.ndarray | None = None


class Candidate(NamedTuple):
    """An earlier article to relate a new one to, as ``Linker.candidates`` found it."""

    article: LinkArticle
    cosine: float
    cross: bool  # found only by the cascade's cross-language search


@dataclass(slots=True)
class LinkResult:
    """What linking one article produced."""

    story_id: int
    links: list[Link] = field(default_factory=list)
    embedded_sentences: list[LinkArticle] = field(default_factory=list)  # articles whose sentences were embedded
    embedded_leads: list[LinkArticle] = field(default_factory=list)  # articles whose lead was embedded (second view)
    admitted: dict[tuple[str, str, float], bool] = field(default_factory=dict)  # the cascade's pre-gate verdicts


@dataclass(frozen=True, slots=True)
class Foreseen:
    """The articles whose vectors relating one article will embed (``Linker.foresee``)."""

    sentences: list[LinkArticle]  # their sentences
    leads: list[LinkArticle]  # their second-view leads
    # pairs the cascade's pre-gate admits on their texts: whether e5 reads their first sentences
    # (``exact_lead``) is known once their sentence vectors are (``Linker.vectors_admit``)
    gated: list[tuple[LinkArticle, LinkArticle]] = field(default_factory=list)


# Pairs whose foreseen document features are kept for relating (a pooled run foresees 16
# articles ahead, ten candidates each).
_FORESEEN_FEATURES = 4096


class Linker:
    """Holds the indexes over linked articles and links new ones into them."""

    def __init__(
        self,
        embedder: Embedder,
        scorer: PairScorer,
        *,
        thresholds: RelationThresholds | None = None,
        clusterer: StoryClusterer | None = None,
        neighbours: int = 10,
        candidate_floor: float = 0.5,
        max_scored: int = 5,
        cascade: Cascade | bool = True,
        second_view: Embedder | None = None,
    ) -> None:
        self.embedder = embedder
        self.scorer = scorer
        # The embedder of the leads for the scorer's second view (its model loads on first need).
        self.second_view = second_view or second_view_embedder()
        self.lead_centres = LeadCentres.load()
        self.thresholds = thresholds or RelationThresholds(same_story=scorer.same_story, related=scorer.related)
        self.clusterer = clusterer or StoryClusterer(threshold=self.thresholds.same_story)
        self.neighbours = neighbours
        # Below this whole-text cosine a pair is taken as unrelated without embedding its sentences
        # or scoring it; 84% of the same-story pairs of SemEval dev.csv are above it (the USE cosine
        # row of `newsweave eval clustering`).
        self.candidate_floor = candidate_floor
        self.max_scored = max_scored
        self.vectors = VectorIndex(embedder.dim)
        self.duplicates = DuplicateIndex()
        self._ids: list[str] = []
        # True: the cascade when the embedder routes other languages to the static embedder.
        static = hasattr(embedder, "routes_to_fallback") and getattr(embedder, "static_sentences", False)
        self.cascade = cascade if isinstance(cascade, Cascade) else (Cascade() if cascade and static else None)
        self.by_language = LanguageIndexes(embedder.dim)  # the cascade's cross-language search
        # Sentence vectors and second-view leads embedded ahead elsewhere (``StoreLinker``'s pooled
        # run): an article's, or None.
        self.sentences_ahead: Callable[[LinkArticle], np.ndarray | None] | None = None
        self.leads_ahead: Callable[[LinkArticle], np.ndarray | None] | None = None
        self.exact_leads_ahead: Callable[[LinkArticle], np.ndarray | None] | None = None
        self.exact_rests_ahead: Callable[[LinkArticle], np.ndarray | None] | None = None
        # What embeds the e5-bridged sentences no one asked for ahead: this process's own e5 by
        # default; a pooled link hands them to its workers, which hold e5 already, so that this
        # process (linking's serial part) does not load it (about 2 s) for the few it meets.
        self.exact_elsewhere: Callable[[list[str], str | None], np.ndarray] | None = None
        # Document features ``foresee`` read (numbers unread), by pair: relating the pair takes
        # them and reads the numbers alone, rather than reading them all twice (a pooled link
        # foresees most pairs it relates).
        self._foreseen_features: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()

    def prepare(self, article_id: str, title: str | None, text: str, language: str | None,
                published: datetime | None) -> LinkArticle:  # fmt: skip
        """Embed an article's whole text and title (one batch) and sign it for duplicate search."""
        title = title or (split_sentences(text[:1000]) or [text[:200]])[0]
        document, title_vector = self.embedder.embed([f"{title}\n{text}"[:DOCUMENT_CHARS], title], language)
        return LinkArticle(article_id, title, text, language, published, document, title_vector, signature(text))

    def split(self, article: LinkArticle) -> list[str]:
        """The article's sentences (split once; as many as are embedded)."""
        if article.sentences is None:
            article.sentences = split_sentences(article.text)[:MAX_SENTENCES] or [article.text[:500]]
        return article.sentences

    def ensure_sentences(self, article: LinkArticle) -> bool:
        """Embed the article's sentences if not done yet (or take them from ``sentences_ahead``);
        True when it was done now."""
        if article.sentence_vectors is not None:
            return False
        sentences = self.split(article)
        ahead = self.sentences_ahead(article) if self.sentences_ahead is not None else None
        article.sentence_vectors = ahead if ahead is not None else self.sentence_vectors(sentences, article.language)
        return True

    def sentence_vectors(self, sentences: list[str], language: str | None) -> np.ndarray:
        """Sentence vectors as linking keeps them: rounded as stored ones are."""
        embed = getattr(self.embedder, "embed_sentences", self.embedder.embed)
        return embed(sentences, language).astype(SENTENCE_PRECISION).astype(np.float32)

    def exact_sentence_vectors(self, sentences: list[str], language: str | None) -> np.ndarray:
        """The cascade's e5-bridged vectors of a batch of sentences, rounded as stored ones are."""
        assert self.cascade is not None
        vectors = self.cascade.embedder().embed(sentences, language)
        return vectors.astype(SENTENCE_PRECISION).astype(np.float32)

    def exact_lead(self, article: LinkArticle) -> list[str]:
        """The sentences the cascade's second stage embeds first (``_exact_vectors``' first batch)."""
        return self.split(article)[: self._exact_lead_count()]

    def exact_rest(self, article: LinkArticle) -> list[str]:
        """The sentences it embeds once the leads agree (``_exact_vectors``' second batch)."""
        return self.split(article)[self._exact_lead_count() :]

    def exact_lead_vectors(
        self, article: LinkArticle, sentence_vectors: np.ndarray, exact_lead: np.ndarray | None
    ) -> np.ndarray | None:
        """What the cascade compares of an article's first sentences (``_leads_agree``): e5's
        vectors of them for an article through the bridge (``exact_lead``, None: not known yet),
        else its own sentence vectors'."""
        vectors = exact_lead if self._routed(article.language) else sentence_vectors
        return None if vectors is None else vectors[: self._exact_lead_count()]

    def exact_rest_needs(
        self, a: LinkArticle, b: LinkArticle, a_lead: np.ndarray, b_lead: np.ndarray
    ) -> list[LinkArticle]:
        """The sides of a pair whose first sentences' e5 vectors ``vectors_admit`` asked for, and
        whose other sentences the cascade will read too, now that those are known (``a_lead``,
        ``b_lead``: ``exact_lead_vectors``): none unless the leads agree; then its sides through
        the bridge with sentences beyond their lead not read yet."""
        if not self._lead_vectors_agree(a, b, a_lead, b_lead):
            return []
        lead = self._exact_lead_count()
        return [
            side
            for side in (a, b)
            if self._routed(side.language)
            and len(self.split(side)) > lead
            and _count(side.exact_sentence_vectors) <= lead
        ]

    def _exact_lead_count(self) -> int:
        """How many first sentences the cascade's e5 embeds as one batch before the rest."""
        assert self.cascade is not None
        return self.cascade.gate.lead + 2

    def load(
        self,
        linked: list[tuple[str, np.ndarray]],
        saved_index: Path | None = None,
        languages: Mapping[str, str | None] | None = None,
    ) -> None:
        """Fill the vector index with already linked (article id, document vector), in link order.

        ``saved_index`` is where the graph's checkpoints are kept (read to start from, written as
        linking passes new ones). The duplicate index is filled apart (``duplicates.add``): only
        linking needs it. ``languages`` (article id to language) fills the cascade's
        per-language indexes, when there is a cascade.
        """
        if self.cascade is not None and languages is not None:
            self.by_language = LanguageIndexes.from_articles(
                self.embedder.dim, ((i, languages.get(i), d) for i, d in linked), saved_index
            )
        else:
            self.by_language = LanguageIndexes(self.embedder.dim, saved_index)
        self._ids = [article_id for article_id, _ in linked]
        if linked:
            self.vectors = VectorIndex.from_vectors(np.stack([document for _, document in linked]), saved_index)
        else:
            self.vectors = VectorIndex(self.embedder.dim, checkpoint=saved_index)

    def remember(self, article_id: str, document: np.ndarray, sig: np.ndarray, language: str | None = None) -> None:
        """Add a linked article to the candidate indexes."""
        self.vectors.add(len(self._ids), document)
        self._ids.append(article_id)
        self.duplicates.add(article_id, sig)
        if self.cascade is not None:
            self.by_language.add(article_id, language, document)

    def nearest(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """The ``k`` linked articles nearest to a vector, with their cosine."""
        return [(self._ids[key], sim) for key, sim in self.vectors.search(vector, k)]

    def relate(self, a: LinkArticle, b: LinkArticle) -> tuple[Link | None, LinkResult]:
        """The relation of two articles (None when unrelated), computed now."""
        result = LinkResult(story_id=0)
        return self._relate(a, b, float(a.document @ b.document), result), result

    def link(self, article: LinkArticle, fetch: Callable[[str], LinkArticle]) -> LinkResult:
        """Relate ``article`` to earlier ones, put it in a story, and add it to the indexes."""
        found = self.candidates(article)
        result = self.relations(article, [Candidate(fetch(i), cosine, cross) for i, cosine, cross in found])
        self.settle(article, result)
        self.remember(article.id, article.document, article.signature, article.language)
        return result

    def relations(self, article: LinkArticle, candidates: list[Candidate]) -> LinkResult:
        """Relate ``article`` to its candidates: the links kept, and the vectors embedded on the
        way (its story is ``settle``'s). Reads the articles alone, not the indexes or the stories."""
        result = LinkResult(story_id=0)
        for other, cosine, cross in candidates:
            link = self._consider(other, article, cosine, cross, result)
            if link is not None:
                result.links.append(link)
        return result

    def sentence_needs(self, article: LinkArticle, candidates: list[Candidate]) -> list[LinkArticle]:
        """The articles, of ``article`` and its candidates, whose sentences relating them will
        embed (``foresee``)."""
        return self.foresee(article, candidates).sentences

    def foresee(self, article: LinkArticle, candidates: list[Candidate]) -> Foreseen:
        """The articles, of ``article`` and its candidates, whose sentences and second-view leads
        relating them will embed, foreseen from the document features. Sentences: the pairs the
        scorer asks sentences for, those close enough to be versions, and those whose texts pass
        the cascade's pre-gate (``gated``: its last line reads their sentence vectors, and then
        e5 may read their first sentences, ``vectors_admit``). Leads: the pairs whose first score
        may fall near the line, that is those the scorer asks sentences for (their full score is
        not known yet) and those whose document score is near it. Reading the features now costs
        little: what they read of each text is cached for relating, but for the numbers, which are
        left unread (another process may be reading them, see ``linking.StoreLinker``): a guess,
        and relating reads every feature."""
        sentences: dict[str, LinkArticle] = {}
        leads: dict[str, LinkArticle] = {}
        gated: list[tuple[LinkArticle, LinkArticle]] = []
        views = self.scorer.second_view_band > 0
        for other, cosine, cross in candidates:
            line = self._line(other, article)
            if self._texts_admit(other, article, cosine):  # the cascade's e5 may check it as a version
                sentences.update((side.id, side) for side in (other, article) if side.sentence_vectors is None)
                gated.append((other, article))
            if cross or (cosine < self.candidate_floor and cosine < line.gate):
                continue  # related only as a version the cascade confirms
            features = self._document_features(other, article, numbers=False)
            self._foreseen_features[(other.id, article.id)] = features.copy()
            if len(self._foreseen_features) > _FORESEEN_FEATURES:  # foreseen for a pair never related
                self._foreseen_features.popitem(last=False)
            asks = bool(self.scorer.needs_sentences(features)[0])
            if cosine >= line.gate or asks or self._shaped_gate(other, article, cosine, line):
                sentences.update((side.id, side) for side in (other, article) if side.sentence_vectors is None)
            if views and (asks or self.scorer.needs_second_view(features)[0]):
                leads.update((side.id, side) for side in (other, article) if side.lead_vector is None)
        return Foreseen(list(sentences.values()), list(leads.values()), gated)

    def vectors_admit(
        self, a: LinkArticle, b: LinkArticle, a_vectors: np.ndarray, b_vectors: np.ndarray
    ) -> list[LinkArticle]:
        """The sides of a pair ``foresee`` gated whose first sentences the cascade's e5 will
        read, now that the pair's sentence vectors are known: none unless the pre-gate's last
        line (the diagonal) admits it too; then those of its sides through the bridge not read yet."""
        assert self.cascade is not None
        gate = self.cascade.gate
        if not (gate.translation_shaped(self.split(a), self.split(b)) or gate.vectors_admit(a_vectors, b_vectors)):
            return []
        return [side for side in (a, b) if self._routed(side.language) and side.exact_sentence_vectors is None]

    def settle(self, article: LinkArticle, result: LinkResult) -> None:
        """Put a related article in its story (``result.story_id``), in link order."""
        matches = [(link.a, 1.0 if link.kind in _STRONG else link.evidence.pair_score or 0.0) for link in result.links]
        result.story_id = self.clusterer.assign(article.id, article.published, matches)

    def score(self, a: LinkArticle, b: LinkArticle) -> float:
        """The learned same-story score of two articles as relating them computes it: document
        features, and sentence features where the scorer asks for them (embedding sentences then)."""
        features = self._document_features(a, b)
        if self.scorer.needs_sentences(features)[0]:
            self.ensure_sentences(a)
            self.ensure_sentences(b)
            features = np.concatenate([features, sentence_features(_side(a), _side(b))])
        return self._score(a, b, features, LinkResult(story_id=0))

    def _score(self, a: LinkArticle, b: LinkArticle, features: np.ndarray, result: LinkResult) -> float:
        """The scorer's score of a pair's features, with the second view read where it asks for it."""
        if self.scorer.needs_second_view(features)[0]:
            row = np.full(len(ROW_FEATURES), np.nan)
            row[: len(features)] = features
            a_lead, b_lead = self._lead(a, result), self._lead(b, result)
            view = getattr(self.second_view, "name", "")
            row[-1] = self.lead_centres.lead_cosine(view, a_lead, a.language, b_lead, b.language)
            features = row
        return self.scorer.score(features)

    def _lead(self, article: LinkArticle, result: LinkResult) -> np.ndarray:
        """The article's second-view vector (embedded on first need, or ahead elsewhere, and then
        listed in ``result``)."""
        if article.lead_vector is None:
            ahead = self.leads_ahead(article) if self.leads_ahead is not None else None
            article.lead_vector = ahead if ahead is not None else self.read_lead(article)
            result.embedded_leads.append(article)
        return article.lead_vector

    def read_lead(self, article: LinkArticle) -> np.ndarray:
        """The second view's vector of an article's lead, embedded now (bulk workers read it ahead)."""
        return lead_vector(self.second_view, lead_text(article), article.language)

    def lead_comes_free(self, article: LinkArticle) -> bool:
        """True when embedding the article's document already read its second-view lead: a routed
        language's, when the route's embedder is the second view's (the lead route's is)."""
        routed = getattr(self.embedder, "routes_to_fallback", None)
        fallback = getattr(self.embedder, "fallback", None)
        same_run = getattr(fallback, "name", None) == self.second_view.name
        return same_run and routed is not None and bool(routed(article.language))

    def _document_features(self, a: LinkArticle, b: LinkArticle, *, numbers: bool = True) -> np.ndarray:
        """The pair's document features, its cosines on USE's scale when a side went through the bridge
        (the route's ``cosine_line`` for both sides, ``one_side_line`` for one); ``numbers=False``
        leaves the numbers unread (``pair_features``)."""
        foreseen = self._foreseen_features.pop((a.id, b.id), None)
        if foreseen is not None:
            if numbers:
                foreseen[NUMBERS_COLUMN] = numbers_jaccard(a.text, b.text)
            return foreseen
        features = pair_features(_side(a), _side(b), with_sentences=False, numbers=numbers)
        line = None
        sides = self._routed(a.language) + self._routed(b.language)
        if sides:
            line = getattr(self.embedder, "cosine_line" if sides == 2 else "one_side_line", None)
        if line is not None:
            slope, intercept = line
            features[:2] = slope * features[:2] + intercept  # the whole-text and title cosines
        return features

    def relate_as_candidate(self, earlier: LinkArticle, article: LinkArticle) -> Link | None:
        """The relation ``link`` would keep between ``article`` and an ``earlier`` article, were
        ``earlier`` among the nearest it finds (its rank among the others aside): a pair under the
        candidate floor is unrelated, one the cascade alone finds is kept only as a version.
        What the evaluations score as the product's decision on one pair."""
        cosine = float(earlier.document @ article.document)
        if cosine >= self._floor:
            cross = False
        elif (
            self.cascade is not None
            and self._cross_candidates(earlier, article)
            and cosine >= self._cross_line(earlier, article)
        ):
            cross = True
        else:
            return None
        return self._consider(earlier, article, cosine, cross, LinkResult(story_id=0))

    def _consider(
        self, other: LinkArticle, article: LinkArticle, cosine: float, cross: bool, result: LinkResult
    ) -> Link | None:
        """Relate a candidate: under the floor or found by the cascade alone, kept only for a translation."""
        under = cosine < self.candidate_floor and cosine < self._line(other, article).gate
        if (under or cross) and not self._admits(other, article, cosine, result):
            return None
        return self._relate(other, article, cosine, result, version_only=under or cross)

    def _shaped_gate(self, a: LinkArticle, b: LinkArticle, cosine: float, line: VersionLine) -> bool:
        """True when a pair under the gate has its sentences compared for its translation's shape
        (read from the texts: ``relations.TRANSLATION_SHAPE``)."""
        if not line.shape_gate or not line.shape_gate <= cosine < line.gate or self._cascade_sides(a, b):
            return False
        return has_translation_shape(self.split(a), self.split(b), line.shape_cost)

    def _by_shape(
        self, sa: list[str], sb: list[str], va: np.ndarray, vb: np.ndarray, line: VersionLine
    ) -> tuple[list[AlignedSentences], AlignmentSummary] | None:
        """The alignment of two sentence lists whose lengths agree as a translation's do, at the
        line's lower floor, when it makes them versions (``relations.TRANSLATION_SHAPE``)."""
        if not line.shape_cost or min(len(sa), len(sb)) < SHAPE_MIN_SENTENCES:
            return None
        # The alignment first: its programme costs a fraction of the length cost's over long texts.
        aligned = align(sa, sb, va, vb, min_similarity=line.shape_floor)
        summary = summarise(aligned, sa, sb, margin(aligned, va, vb) if line.margin else 0.0)
        if not aligns_as_version(summary, self.thresholds, line.by_shape()):
            return None
        return (aligned, summary) if has_translation_shape(sa, sb, line.shape_cost) else None

    def _apart(self, a: LinkArticle, b: LinkArticle) -> bool:
        """True when both dates are known and further apart than the story window."""
        if a.published is None or b.published is None:
            return False
        try:
            return abs(a.published - b.published) > self.clusterer.window
        except TypeError:  # one date with a time zone, one without: not comparable
            return False

    def candidates(self, article: LinkArticle) -> list[tuple[str, float, bool]]:
        """(id, cosine, found only by the cascade's cross-language search) of the linked articles
        to relate ``article`` to. Read from the indexes alone: which articles were linked before,
        never what was decided about them, so linking can relate one article while it finds the
        next one's candidates (``remember`` each in turn)."""
        near = dict(self.nearest(article.document, self.neighbours))
        for dup in self.duplicates.query(article.signature):
            near.setdefault(dup, 1.0)
        ranked = sorted(((i, s) for i, s in near.items() if s >= self._floor), key=lambda x: -x[1])
        chosen = [(i, s, False) for i, s in ranked[: self.max_scored]]
        if self.cascade is not None:
            taken = {i for i, _, _ in chosen}
            chosen.extend((i, s, True) for i, s in self._cross_language(article) if i not in taken)
        return chosen

    @property
    def _floor(self) -> float:
        """The whole-text cosine under which an ordinary candidate is not related at all."""
        return min(self.candidate_floor, self.thresholds.mixed.gate) if self._bridges else self.candidate_floor

    def _cross_candidates(self, a: LinkArticle, b: LinkArticle) -> bool:
        """True when the cascade's cross-language search looks for one of these articles from the other."""
        known = a.language is not None and b.language is not None and a.language != b.language
        return known and self._routed(a.language) + self._routed(b.language) > 0

    def _cross_line(self, a: LinkArticle, b: LinkArticle) -> float:
        assert self.cascade is not None
        return self.cascade.gate.cosine(self._routed(a.language) + self._routed(b.language))

    def _cross_language(self, article: LinkArticle) -> list[tuple[str, float]]:
        """The cascade's extra candidates: the nearest few articles of each other language, for
        pairs with a side on the static route, over the gate's cosine line."""
        assert self.cascade is not None
        mine = self._routed(article.language)
        out: list[tuple[str, float]] = []
        for language in self.by_language.languages():
            if language == article.language or language is None or article.language is None:
                continue
            bridged = mine + self._routed(language)
            if not bridged:
                continue
            line = self.cascade.gate.cosine(bridged)
            found = self.by_language.search(language, article.document, self.cascade.cross_neighbours)
            out.extend((article_id, s) for article_id, s in found if s >= line)
        return out

    def _routed(self, language: str | None) -> int:
        routed = getattr(self.embedder, "routes_to_fallback", None)
        return int(bool(routed(language))) if routed else 0

    def _cascade_sides(self, a: LinkArticle, b: LinkArticle) -> int:
        """How many sides of a pair the cascade's checks see through the bridge (0: not checked):
        two known languages, a side on the static route."""
        if self.cascade is None or a.language is None or b.language is None or a.language == b.language:
            return 0
        return self._routed(a.language) + self._routed(b.language)

    def _texts_admit(self, a: LinkArticle, b: LinkArticle, cosine: float) -> bool:
        """True when the cascade's pre-gate would read this pair's sentence vectors (``_admits``
        short of its last line): ``foresee``'s guess of the pairs whose e5 leads are read."""
        bridged = self._cascade_sides(a, b)
        if not bridged:
            return False
        assert self.cascade is not None
        return self.cascade.gate.texts_admit(a.text, b.text, self.split(a), self.split(b), cosine, bridged)

    def _admits(self, a: LinkArticle, b: LinkArticle, cosine: float, result: LinkResult) -> bool:
        """True when the cascade checks this pair's version with e5: two languages, a side on the
        static route, and the pre-gate passed (its verdict kept for the rest of this link)."""
        bridged = self._cascade_sides(a, b)
        if not bridged:
            return False
        assert self.cascade is not None
        key = (a.id, b.id, cosine)
        if key not in result.admitted:

            def vectors() -> tuple[np.ndarray, np.ndarray]:
                for side in (a, b):
                    if self.ensure_sentences(side):
                        result.embedded_sentences.append(side)
                assert a.sentence_vectors is not None and b.sentence_vectors is not None
                return a.sentence_vectors, b.sentence_vectors

            gate = self.cascade.gate
            result.admitted[key] = gate.admits(a.text, b.text, self.split(a), self.split(b), cosine, bridged, vectors)
        return result.admitted[key]

    def _exact_alignment(
        self, a: LinkArticle, b: LinkArticle, line: VersionLine
    ) -> tuple[list[AlignedSentences], AlignmentSummary]:
        """The alignment of two articles' sentences with the cascade's e5-bridged vectors."""
        va, vb = self._exact_vectors(a), self._exact_vectors(b)
        sa, sb = self.split(a), self.split(b)
        aligned = align(sa, sb, va, vb, min_similarity=line.floor)
        return aligned, summarise(aligned, sa, sb, margin(aligned, va, vb) if line.margin else 0.0)

    def _leads_agree(self, a: LinkArticle, b: LinkArticle) -> bool:
        """The cascade's second stage: e5 on the two leads before e5 on every sentence."""
        va, vb = self._exact_vectors(a, self._exact_lead_count()), self._exact_vectors(b, self._exact_lead_count())
        return self._lead_vectors_agree(a, b, va, vb)

    def _lead_vectors_agree(self, a: LinkArticle, b: LinkArticle, va: np.ndarray, vb: np.ndarray) -> bool:
        assert self.cascade is not None
        gate = self.cascade.gate
        bridged = self._routed(a.language) + self._routed(b.language)
        return gate.leads_agree(lead_similarity(va, vb, gate.lead), bridged)

    def _exact_vectors(self, article: LinkArticle, first: int | None = None) -> np.ndarray:
        """e5-bridged vectors of a static-route article's sentences, or of its ``first`` ones
        (embedded on first need, each sentence once, rounded as stored ones are); a USE-route
        article's own sentence vectors, which are USE's on every route."""
        if not self._routed(article.language):
            self.ensure_sentences(article)
            assert article.sentence_vectors is not None
            return article.sentence_vectors[:first]
        sentences = self.split(article)
        wanted = len(sentences[:first])
        # e5's sums change in the last bit with the batch a sentence is embedded in, which rounding
        # to half precision does not always hide. So the sentences are always embedded in the same
        # two batches, the leads and the rest, whatever was asked first: a resumed link reads the
        # same vectors as an uninterrupted one.
        lead = self._exact_lead_count()
        while (have := _count(article.exact_sentence_vectors)) < wanted:
            batch = sentences[have:lead] if have < lead else sentences[have:]
            ahead = self._exact_ahead(article, have)
            embed = self.exact_elsewhere or self.exact_sentence_vectors
            more = ahead if ahead is not None else embed(batch, article.language)
            done = article.exact_sentence_vectors
            article.exact_sentence_vectors = more if done is None else np.concatenate([done, more])
        assert article.exact_sentence_vectors is not None
        return article.exact_sentence_vectors[:wanted]

    def _exact_ahead(self, article: LinkArticle, have: int) -> np.ndarray | None:
        """The batch of ``_exact_vectors`` that starts at sentence ``have``, if embedded ahead."""
        if have == 0 and self.exact_leads_ahead is not None:
            return self.exact_leads_ahead(article)
        if have == self._exact_lead_count() and self.exact_rests_ahead is not None:
            return self.exact_rests_ahead(article)
        return None

    @property
    def _bridges(self) -> bool:
        """True when some languages are embedded through a bridge into the index's space."""
        return hasattr(self.embedder, "routes_to_fallback")

    def _line(self, a: LinkArticle, b: LinkArticle) -> VersionLine:
        """The version line of this pair: one language or two, and how many sides went through the bridge."""
        routed = getattr(self.embedder, "routes_to_fallback", None)
        bridged = sum(bool(routed(side.language)) for side in (a, b)) if routed else 0
        same = a.language is not None and a.language == b.language
        return self.thresholds.version_line(same_language=same, bridged_sides=bridged)

    def _relate(
        self, a: LinkArticle, b: LinkArticle, cosine: float, result: LinkResult, *, version_only: bool = False
    ) -> Link | None:
        features = self._document_features(a, b)
        aligned, summary = [], None
        line = self._line(a, b)
        exact = self._admits(a, b, cosine, result)
        # Sentences for the scorer's close calls, and for every pair close enough to be a version
        # (the scorer reads its sentence features only where it asked for them).
        compared = cosine >= line.gate or self._shaped_gate(a, b, cosine, line)
        if self.scorer.needs_sentences(features)[0] or compared or exact:
            for side in (a, b):
                if self.ensure_sentences(side):
                    result.embedded_sentences.append(side)
            assert a.sentence_vectors is not None and b.sentence_vectors is not None
            features = np.concatenate([features, sentence_features(_side(a), _side(b))])
            aligned = align(a.sentences or [], b.sentences or [], a.sentence_vectors, b.sentence_vectors,
                            min_similarity=line.floor)  # fmt: skip
            stand_out = margin(aligned, a.sentence_vectors, b.sentence_vectors) if line.margin else 0.0
            summary = summarise(aligned, a.sentences or [], b.sentences or [], stand_out)
        # A pair its alignment does not make versions may still be a translation by its shape.
        shaped, already = None, summary is not None and aligns_as_version(summary, self.thresholds, line)
        if exact and self._leads_agree(a, b):
            # The cascade: the version check again in e5's bridged space; kept when it finds one.
            exact_aligned, exact_summary = self._exact_alignment(a, b, line)
            if aligns_as_version(exact_summary, self.thresholds, line):
                aligned, summary = exact_aligned, exact_summary
            elif not already:
                sa, sb = self.split(a), self.split(b)
                shaped = self._by_shape(sa, sb, self._exact_vectors(a), self._exact_vectors(b), line)
        elif not already and summary is not None and not self._cascade_sides(a, b):  # in USE's space
            assert a.sentence_vectors is not None and b.sentence_vectors is not None
            shaped = self._by_shape(a.sentences or [], b.sentences or [], a.sentence_vectors, b.sentence_vectors, line)
        if shaped is not None:
            aligned, summary = shaped
            line = line.by_shape()
        score = self._score(a, b, features, result)
        dup = jaccard(a.signature, b.signature)
        kind, strength = decide(jaccard=dup, pair_score=score, alignment=summary, thresholds=self.thresholds, line=line)
        if version_only and kind not in _STRONG:
            return None  # reached only by the cascade: not scored as the ordinary candidates are
        if kind is RelationKind.SAME_STORY and self._apart(a, b):
            # Published further apart than a story stays hot: not one event as stories count it, so
            # the relation agrees with the stories (a follow-up weeks later is related, not the same).
            kind = RelationKind.RELATED
        if kind is None:
            return None
        differing = [d for pair in aligned for d in differing_claims(pair.a_text, pair.b_text)]
        evidence = Evidence(
            pair_score=round(score, 4),
            cosine=round(float(cosine), 4),
            jaccard=round(dup, 4),
            coverage_a=round(summary.coverage_a, 4) if summary else None,
            coverage_b=round(summary.coverage_b, 4) if summary else None,
            aligned=tuple(aligned[:MAX_ALIGNED_KEPT]),
            shared_names=tuple(shared_names(a.text, b.text)),
            shared_numbers=tuple(shared_numbers(a.text, b.text)),
            differing_numbers=tuple(dict.fromkeys(differing)),
        )
        return Link(a.id, b.id, kind, float(min(1.0, max(0.0, strength))), evidence)


_STRONG = (RelationKind.DUPLICATE, RelationKind.VERSION)


def second_view_embedder() -> E5Embedder:
    """What reads a lead for the pair scorer's second view: e5 over the first ``LEAD_TOKENS``
    tokens of its content words (its language's commonest words left out: the same cost, more of
    the story; docs/linking.md, v9), dense layers on 8-bit integers (1.5 times faster than float32
    on 2 cores; r 0.791 against float32's 0.790 when chosen for v7, `scripts/train_pair_scorer.py
    --views`). The lead route's document vectors read the same (``lead_e5``), so an article of a
    routed language has its second-view lead from its document's run."""
    return lead_e5()


def lead_text(article: LinkArticle) -> str:
    """What the second view reads of an article (``lead_vector``): its title, then its text."""
    return f"{article.title}\n{article.text}"


def lead_vector(embedder: Embedder, text: str, language: str | None) -> np.ndarray:
    """A text's second-view vector: its lead (as far as the embedder reads) alone in a batch, since
    e5's sums change in the last bit with the batch, and rounded as sentence vectors are, so an
    article's vector is the same whenever, and in whichever process, it is embedded."""
    return embedder.embed([text[:DOCUMENT_CHARS]], language)[0].astype(SENTENCE_PRECISION).astype(np.float32)


def _count(vectors: np.ndarray | None) -> int:
    return 0 if vectors is None else len(vectors)


def _side(article: LinkArticle) -> PairSide:
    return PairSide(
        article.text, article.language, article.document, article.title_vector, article.sentence_vectors, article.facts
    )
