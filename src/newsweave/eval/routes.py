"""Same-story decisions outside USE's languages: the e5 route against the static and lead routes.

An article in a language multilingual USE v3 does not know is embedded by the route
``Settings.other_languages`` names: ``e5`` (multilingual-e5-small through the linear bridge into
USE's space, the default), ``static`` (e5's token vectors mapped into USE's space, with the
cascade checking cross-language versions through e5) or ``lead`` (e5 on each text's first 128
tokens through the bridge, sentences as the static route's). The static route is 13 times faster; this
measures what it costs on same-story decisions, two ways. Every pair is related by the linker's
own code: ``Linker.score`` (the learned score, sentence features where the scorer asks for them)
and ``Linker.relate_as_candidate`` (the candidate floor, the cascade, the same-story line).

- **SemEval-2022 Task 8** (human-rated pairs, all in USE's languages): the ``forced`` languages
  are sent through the other-languages route as if USE did not know them, so one set of pairs is
  scored four ways: USE as today (``use``), forced through the e5 bridge (``e5``), forced through
  the static route and its cascade (``static``), forced through the lead route (``lead``).
  Reported: Pearson r of the score with human Overall, and same-story precision and recall at
  the product's line (gold: Overall <= 2), by
  subset (how many sides forced; one language or two). On the development part every pair is
  scored by a scorer refitted as the shipped one was (on USE features) on the other four of five
  grouped folds, since the shipped model was trained on these pairs; on the held-out part
  (``semeval.held_out``) by the shipped scorer, which never saw them.
- **BSNLP 2021** (six Slavic languages; bg, cs, sl and uk outside USE's, pl and ru inside): pairs
  of different articles, same topic (covid-19 or the 2020 US election) against different topic,
  a weaker proxy for "same story". Per language pair: AUC of the score, precision of same-story
  decisions (the share of them within one topic), and the share of same-topic and of
  different-topic pairs called same-story. The articles are ``versions.bsnlp_topic_split``'s
  (the first 12 per language and topic for development, the next 6 held out).

Within a run each text is embedded once per model (``languages.Remembered``); e5 is the slow
part (about half a second an article on two cores).

    newsweave eval routes --part development
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import USE_LANGUAGES, E5Embedder, Embedder, UseEmbedder, lead_e5, routed_embedder
from newsweave.config import ROUTES as OTHER_LANGUAGE_ROUTES
from newsweave.errors import ConfigError
from newsweave.eval.clustering import GOLD_SAME_STORY
from newsweave.eval.data import find_benchmark
from newsweave.eval.languages import Remembered
from newsweave.eval.semeval import RatedPair, featurise, fit_scorer, groups, held_out, load_pairs
from newsweave.eval.versions import bsnlp_topic_split
from newsweave.link.cascade import Cascade
from newsweave.link.linker import LinkArticle, Linker
from newsweave.link.pair_scorer import PairScorer
from newsweave.records import RelationKind

ROUTES = ("use", *OTHER_LANGUAGE_ROUTES)  # "use": nothing forced, as linking runs today
PARTS = ("development", "held-out")
# Every SemEval language but English: English stays on USE, so an X-English pair stands for a
# pair with one side outside USE's languages (Czech-English), X-X for two sides in one such
# language (Czech-Czech) and de-fr, es-it for two such languages (Czech-Slovak).
DEFAULT_FORCED = ("ar", "de", "es", "fr", "it", "pl", "ru", "tr", "zh")
_SAME_STORY = (RelationKind.SAME_STORY, RelationKind.VERSION, RelationKind.DUPLICATE)
FOLDS = 5


@dataclass(frozen=True, slots=True)
class RouteRow:
    """One route on one subset of the SemEval pairs: Pearson r and same-story P/R/F1 at the line."""

    route: str
    subset: str
    pairs: int
    pearson: float
    precision: float
    recall: float
    f1: float
    # The same decisions kept only where the earlier article is among the ``max_scored`` nearest of
    # the later one among all earlier articles of the part (streamed in article-id order): what a
    # stream of these articles could link, other articles competing for the candidate slots.
    streamed_precision: float
    streamed_recall: float


@dataclass(frozen=True, slots=True)
class TopicRow:
    """One route on the BSNLP pairs of one language pair (same topic as the proxy for same story)."""

    route: str
    languages: str
    pairs: int
    auc: float  # of the learned score, same-topic pairs against different-topic ones
    precision: float  # share of same-story decisions within one topic
    same_topic_linked: float  # share of same-topic pairs called same-story
    other_topic_linked: float  # share of different-topic pairs called same-story


@dataclass(frozen=True, slots=True)
class RoutesReport:
    """Both measurements of one part, with what was embedded."""

    part: str
    forced: tuple[str, ...]
    semeval: list[RouteRow]
    bsnlp: list[TopicRow]
    semeval_articles: int  # distinct article ids
    bsnlp_articles: int
    e5_texts: int  # distinct texts (documents, titles, sentences) e5 embedded in the run, whole or leads


@dataclass(frozen=True, slots=True)
class Judged:
    """The product's verdict on one pair: its learned score and whether it is one story."""

    score: float
    same_story: bool


class ForcedLanguages:
    """An embedder that claims not to know the ``forced`` languages, so a ``RoutedEmbedder`` with
    it as primary sends them to its fallback (the other-languages route); it embeds as ``inner``."""

    def __init__(self, inner: Embedder, forced: Collection[str]) -> None:
        self.inner = inner
        self.name = inner.name + "".join(f"-no-{code}" for code in sorted(forced))
        self.dim = inner.dim
        self.languages: frozenset[str] | None = frozenset((inner.languages or USE_LANGUAGES) - set(forced))

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Embed as the wrapped embedder does."""
        return self.inner.embed(texts, language)


@dataclass
class Models:
    """The models of one run, each remembering what it embedded: USE, e5 and e5 on leads (before
    the bridge), static."""

    use: Remembered
    e5: Remembered
    static: Embedder
    lead: Remembered

    @classmethod
    def load(cls) -> Models:
        """The shipped models (each loads on first use)."""
        from newsweave.analyze.embedding_static import StaticEmbedder

        return cls(Remembered(UseEmbedder()), Remembered(E5Embedder()), StaticEmbedder(), Remembered(lead_e5()))


def route_linker(route: str, forced: Collection[str], scorer: PairScorer, models: Models) -> Linker:
    """A linker as the product builds it for ``route``, the ``forced`` languages sent through the
    other-languages route (``use``: nothing forced, as today; languages outside USE's still go to e5)."""
    if route not in ROUTES:
        raise ConfigError(f"unknown route {route!r}", hint=f"one of {', '.join(ROUTES)}")
    primary = ForcedLanguages(models.use, () if route == "use" else forced)
    bridged = routed_embedder("e5", primary, e5=models.e5)
    if route in ("use", "e5"):
        return Linker(bridged, scorer, cascade=False)
    # As ``routed_embedder(route)`` builds it and the linker's default cascade, but forced.
    embedder = routed_embedder(route, primary, static=models.static, lead=models.lead)
    return Linker(embedder, scorer, cascade=Cascade(exact=bridged))


def judge(linker: Linker, earlier: LinkArticle, article: LinkArticle) -> Judged:
    """The learned score of a pair and whether linking would put it in one story."""
    link = linker.relate_as_candidate(earlier, article)
    return Judged(linker.score(earlier, article), link is not None and link.kind in _SAME_STORY)


def default_bsnlp_docs() -> Path:
    """``shared/benchmarks/bsnlp2021/docs.jsonl`` beside the repository or the working directory."""
    relative = Path("benchmarks") / "bsnlp2021" / "docs.jsonl"
    return find_benchmark(relative, what="the BSNLP 2021 articles", hint="pass --bsnlp PATH or --no-bsnlp")


def parse_forced(codes: str) -> tuple[str, ...]:
    """``"pl,tr"`` as language codes, each one of USE's (only those can be forced out of it)."""
    forced = tuple(sorted({c.strip() for c in codes.split(",") if c.strip()}))
    unknown = [c for c in forced if c not in USE_LANGUAGES]
    if not forced or unknown:
        raise ConfigError(
            f"cannot force {unknown[0] if unknown else 'no language'!r} through the other-languages route",
            hint=f"name languages USE knows: {','.join(sorted(USE_LANGUAGES))}",
        )
    return forced


def evaluate_routes(
    pairs_csv: Path,
    bsnlp_docs: Path | None,
    *,
    part: str,
    forced: Sequence[str] = DEFAULT_FORCED,
    models: Models | None = None,
    routes: Sequence[str] = ROUTES,
) -> RoutesReport:
    """Both measurements on one part (``development`` or ``held-out``), in one run, of ``routes``
    (BSNLP: those other than ``use``, which forces nothing there)."""
    if part not in PARTS:
        raise ConfigError(f"unknown part {part!r}", hint=f"one of {', '.join(PARTS)}")
    unknown = [route for route in routes if route not in ROUTES]
    if unknown or not routes:
        raise ConfigError(f"unknown route {unknown[0] if unknown else ''!r}", hint=f"one of {', '.join(ROUTES)}")
    models = models or Models.load()
    pairs = load_pairs(pairs_csv)
    chosen = [p for p, out in zip(pairs, held_out(pairs), strict=True) if out == (part == "held-out")]
    semeval = evaluate_semeval(chosen, forced, models, refit=part == "development", routes=routes)
    docs = [d for d in bsnlp_topic_split(bsnlp_docs) if d["part"] == part] if bsnlp_docs else []
    others = [route for route in routes if route != "use"]
    bsnlp = evaluate_bsnlp(docs, models, others) if docs and others else []
    articles = len({key for p in chosen for key in (p.id1, p.id2)})
    e5_texts = models.e5.embedded + models.lead.embedded
    return RoutesReport(part, tuple(forced), semeval, bsnlp, articles, len(docs), e5_texts)


def evaluate_semeval(
    pairs: Sequence[RatedPair], forced: Collection[str], models: Models, *, refit: bool, routes: Sequence[str] = ROUTES
) -> list[RouteRow]:
    """Every route on the same rated pairs; ``refit``: score them by grouped-fold scorers (see the module)."""
    scorers = _fold_scorers(pairs, models) if refit else [PairScorer.load()] * len(pairs)
    rows = []
    for route in routes:
        linkers: dict[int, Linker] = {}
        prepared: dict[str, LinkArticle] = {}
        judged = []
        for pair, scorer in zip(pairs, scorers, strict=True):
            linker = linkers.setdefault(id(scorer), route_linker(route, forced, scorer, models))
            a, b = (_prepare(linker, prepared, pid, text, lang) for pid, text, lang in _sides(pair))
            judged.append(judge(linker, a, b))
        reachable = candidate_ranks(pairs, prepared) < next(iter(linkers.values())).max_scored
        rows.extend(semeval_rows(route, pairs, judged, forced, reachable))
    return rows


def candidate_ranks(pairs: Sequence[RatedPair], prepared: dict[str, LinkArticle]) -> np.ndarray:
    """Per pair, how many articles streamed before the later of the two are nearer to it than the
    earlier one (articles in id order; 0: the earlier is its nearest). Ties count in its favour."""
    keys = sorted(prepared)
    order = {key: i for i, key in enumerate(keys)}
    vectors = np.stack([prepared[key].document for key in keys])
    ranks = []
    for pair in pairs:
        earlier, later = sorted((order[pair.id1], order[pair.id2]))
        similarity = vectors[:later] @ vectors[later]
        ranks.append(int((similarity > similarity[earlier]).sum()))
    return np.array(ranks)


def _fold_scorers(pairs: Sequence[RatedPair], models: Models) -> list[PairScorer]:
    """For each pair, a scorer fitted on USE features of the other folds (grouped by connected articles)."""
    from sklearn.model_selection import GroupKFold

    x, _ = featurise(pairs, models.use, facts={})  # the shipped model reads no facts (semeval.LEFT_OUT)
    y = -np.array([p.overall for p in pairs])
    group = groups(pairs)
    out: list[PairScorer | None] = [None] * len(pairs)
    for train, test in GroupKFold(n_splits=min(FOLDS, len(set(group)))).split(x, y, group):
        scorer = fit_scorer(x[train], y[train], version="fold")
        for i in test:
            out[i] = scorer
    return [s for s in out if s is not None]


def _sides(pair: RatedPair) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    return (pair.id1, pair.text1, pair.lang1), (pair.id2, pair.text2, pair.lang2)


def _prepare(linker: Linker, prepared: dict[str, LinkArticle], key: str, text: str, language: str) -> LinkArticle:
    """The article as this route's linker sees it, prepared once per route (its sentences kept).

    Keyed by the SemEval article id: the file holds 94 ids with two captures of one article whose
    texts differ a little (one of them sometimes word-shuffled); the first capture read stands
    for the article in every pair (52 of the 1,024 development pairs, 11 of the 259 held out)."""
    if key not in prepared:
        prepared[key] = linker.prepare(key, None, text, language, None)
    return prepared[key]


def subset(pair: RatedPair, forced: Collection[str]) -> str:
    """Which kind of pair this is once ``forced`` languages leave USE."""
    sides = (pair.lang1 in forced) + (pair.lang2 in forced)
    if sides == 0:
        return "no side forced"
    if not pair.cross_lingual:
        return "one language, forced"
    return "two languages, one forced" if sides == 1 else "two languages, both forced"


SUBSETS = ("one language, forced", "two languages, one forced", "two languages, both forced", "no side forced")


def semeval_rows(
    route: str,
    pairs: Sequence[RatedPair],
    judged: Sequence[Judged],
    forced: Collection[str],
    reachable: np.ndarray | None = None,
) -> list[RouteRow]:
    """Pearson r and same-story P/R/F1 on every pair, on those with a side forced, and per subset;
    streamed: the decisions on pairs ``reachable`` as candidates (default: every pair)."""
    kinds = np.array([subset(p, forced) for p in pairs])
    masks = {"all": np.ones(len(pairs), bool), "a side forced": kinds != "no side forced"}
    masks |= {name: kinds == name for name in SUBSETS}
    score = np.array([j.score for j in judged])
    linked = np.array([j.same_story for j in judged])
    streamed = linked & (np.ones(len(pairs), bool) if reachable is None else reachable)
    gold = np.array([p.overall for p in pairs]) <= GOLD_SAME_STORY
    overall = np.array([p.overall for p in pairs])
    rows = []
    for name, mask in masks.items():
        if not mask.any():
            continue
        precision, recall, f1 = _precision_recall(linked[mask], gold[mask])
        streamed_precision, streamed_recall, _ = _precision_recall(streamed[mask], gold[mask])
        r = _pearson(score[mask], -overall[mask])
        rows.append(
            RouteRow(route, name, int(mask.sum()), r, precision, recall, f1, streamed_precision, streamed_recall)
        )
    return rows


def evaluate_bsnlp(
    docs: Sequence[dict[str, str]], models: Models, routes: Sequence[str] = OTHER_LANGUAGE_ROUTES
) -> list[TopicRow]:
    """Every pair of the BSNLP articles, on each route, summed by language pair."""
    scorer = PairScorer.load()
    rows = []
    for route in routes:
        linker = route_linker(route, (), scorer, models)
        articles = [linker.prepare(d["id"], d.get("title"), d["text"], d["language"], None) for d in docs]
        by_languages: dict[str, list[tuple[bool, Judged]]] = defaultdict(list)
        for (i, a), (j, b) in itertools.combinations(enumerate(articles), 2):
            key = "-".join(sorted((docs[i]["language"], docs[j]["language"])))
            by_languages[key].append((docs[i]["topic"] == docs[j]["topic"], judge(linker, a, b)))
        rows.extend(topic_rows(route, by_languages))
    return rows


def topic_rows(route: str, by_languages: dict[str, list[tuple[bool, Judged]]]) -> list[TopicRow]:
    """A row per language pair, then the pairs with no, one and two sides outside USE's languages."""
    names = ("both in USE's", "one side outside USE's", "both outside USE's")
    groups_of: dict[str, list[tuple[bool, Judged]]] = {name: [] for name in ("all", *names)}
    for key, judged in by_languages.items():
        groups_of[names[sum(code not in USE_LANGUAGES for code in key.split("-"))]] += judged
        groups_of["all"] += judged
    chosen = sorted(by_languages.items()) + [(name, judged) for name, judged in groups_of.items() if judged]
    return [_topic_row(route, key, judged) for key, judged in chosen]


def _topic_row(route: str, key: str, judged: Iterable[tuple[bool, Judged]]) -> TopicRow:
    same = np.array([s for s, _ in judged])
    score = np.array([j.score for _, j in judged])
    linked = np.array([j.same_story for _, j in judged])
    precision = float(same[linked].mean()) if linked.any() else float("nan")
    return TopicRow(route, key, len(same), _auc(score, same), precision,
                    _share(linked[same]), _share(linked[~same]))  # fmt: skip


def _share(flags: np.ndarray) -> float:
    return float(flags.mean()) if len(flags) else float("nan")


def _auc(score: np.ndarray, positive: np.ndarray) -> float:
    if positive.all() or not positive.any():
        return float("nan")
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(positive, score))


def _pearson(score: np.ndarray, target: np.ndarray) -> float:
    if len(score) < 3 or np.std(score) == 0 or np.std(target) == 0:
        return float("nan")
    return float(np.corrcoef(score, target)[0, 1])


def _precision_recall(predicted: np.ndarray, gold: np.ndarray) -> tuple[float, float, float]:
    tp = int((predicted & gold).sum())
    precision = tp / max(1, int(predicted.sum()))
    recall = tp / max(1, int(gold.sum()))
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0
