"""Named entities on the BSNLP 2021 test set: recognition and cross-lingual linking, per language.

Recognition is scored relaxed, as BSNLP does: per document and surface form, a predicted form
counts when the document's gold list holds the same form (with and without the type required).
Cross-lingual linking is scored pairwise over mention pairs in different languages: gold links
share an entity id, predicted links share a canonical key; once on the gold mentions (the
normaliser alone) and once on the predicted mentions (recognition and normalisation).

The CRF is trained on one topic and tested on the other, both ways (``cross_topic``), so no
figure reports a model on data it was trained on; ``shipped`` scores the shipped model, trained
on both topics, which is an in-sample figure.

Outside BSNLP's languages and topics: the SemEval names (``semeval_names``), news in eight
languages and in Polish and Russian annotated for newsweave in the same format, and the NTREX
names (``ntrex_names``), news in five more languages and in Czech and Bulgarian; the training
part of the SemEval names (but Chinese's) joins every tagger trained here, as it joins the
shipped one, and ``evaluate_semeval`` scores the shipped model on the held-out part of all
seventeen languages.
"""

from __future__ import annotations

import hashlib
import json
import logging
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast

from newsweave.analyze.entities.features import BSNLP_LANGUAGES, SEMEVAL_LANGUAGES
from newsweave.analyze.entities.normalizer import Normalizer, default_normalizer
from newsweave.analyze.entities.recognizer import EntityRecognizer
from newsweave.analyze.entities.text import fold
from newsweave.analyze.entities.training import AnnotatedDoc, train
from newsweave.errors import ConfigError
from newsweave.eval.data import find_benchmark
from newsweave.records import EntityType

log = logging.getLogger(__name__)

_DATA = Path("benchmarks") / "bsnlp2021"
# SemEval news annotated for names (``semeval_names``): one line a text, its names as BSNLP lists them.
SEMEVAL_NAMES = Path(__file__).resolve().parents[3] / "tests" / "data" / "entities" / "semeval_names.jsonl"
# News in Korean, Japanese, Thai, Dutch and Portuguese (NTREX-128's professional translations of
# WMT19 news) annotated the same way, the texts kept in the file: SemEval has none of them.
NTREX_NAMES = SEMEVAL_NAMES.with_name("ntrex_names.jsonl")
# Each of those training texts is learnt this many times: 44-77 texts a language beside BSNLP's
# 1,452. Chosen by two-fold cross-validation on English's training part (recognition F1 0.707
# with the texts learnt once without a delexicalised copy each, 0.716 once with it, 0.726 three
# times with it), and used alike for the other four languages.
SEMEVAL_WEIGHT = 3
# The Polish and Russian SemEval texts are learnt once, with their words only: BSNLP's documents
# already teach the delexicalised weights Slavic text (trained on covid-19 and scored on the US
# election, recognition F1 0.8669 without them; 0.8677 learnt once, 0.8668 three times, both with
# every third sequence delexicalised as BSNLP's are; 0.8686 once without).
SLAVIC_NEWS_WEIGHT = 1
# The NTREX names' languages whose training part the tagger learns, as it learns SemEval's texts.
NTREX_TAUGHT = frozenset({"ar"})


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold mention: a surface form in a document, its type and cross-lingual entity id."""

    doc: str
    language: str
    surface: str
    lemma: str
    type: str
    entity: str


@dataclass(frozen=True, slots=True)
class Document:
    """One benchmark document (title and text joined as newsweave reads them)."""

    doc_id: str
    topic: str
    language: str
    text: str


@dataclass(frozen=True, slots=True)
class PredictedMention:
    """A predicted (document, surface form) with its type and canonical key."""

    doc: str
    language: str
    surface: str
    type: str
    key: str


@dataclass(frozen=True, slots=True)
class EntityScores:
    """One row of the report: recognition and linking P/R/F1 for a language (or all)."""

    language: str
    documents: int
    gold: int
    predicted: int
    rec_p: float
    rec_r: float
    rec_f1: float
    rec_typed_f1: float
    link_gold_p: float
    link_gold_r: float
    link_gold_f1: float
    link_pred_p: float
    link_pred_r: float
    link_pred_f1: float


@dataclass
class EntityReport:
    """Rows per language and overall, with how the model behind them was trained."""

    rows: list[EntityScores] = field(default_factory=list)
    setting: str = ""
    by_topic: dict[str, list[EntityScores]] = field(default_factory=dict)
    # Linking on gold mentions, all languages, by reference keys: {name: (P, R, F1)}.
    references: dict[str, tuple[float, float, float]] = field(default_factory=dict)


def default_data_dir() -> Path:
    """``shared/benchmarks/bsnlp2021`` beside the repository or the working directory."""
    return find_benchmark(_DATA, what="the BSNLP 2021 benchmark", hint="pass --data DIR (docs.jsonl, mentions.jsonl)")


def load(data_dir: Path) -> tuple[list[Document], list[GoldMention]]:
    """Documents and gold mentions from ``docs.jsonl`` and ``mentions.jsonl``.

    Raises:
        ConfigError: a file missing or a line without the expected fields.
    """
    docs = [
        Document(d["id"], d.get("topic", ""), d["language"], _joined(d.get("title", ""), d["text"]))
        for d in _read_jsonl(data_dir / "docs.jsonl", ("id", "language", "text"))
    ]
    gold = [
        GoldMention(m["doc"], m["language"], m["surface"], m.get("lemma", m["surface"]), m["type"], m["entity"])
        for m in _read_jsonl(data_dir / "mentions.jsonl", ("doc", "language", "surface", "type", "entity"))
    ]
    return docs, gold


@dataclass(frozen=True, slots=True)
class NewsNames:
    """News annotated for names: a training part, and a test part no model trains on."""

    train: list[Document]
    test: list[Document]
    gold: list[GoldMention]


def semeval_names(pairs_csv: Path | None = None) -> NewsNames:
    """Names in 934 texts of SemEval-2022 Task 8 (dev.csv's training part, never its held-out
    fifth) in English, German, Spanish, French, Italian, Turkish, Arabic, Chinese, Polish and
    Russian, listed per text and surface form, typed, without offsets, as BSNLP lists them (the
    guidelines: docs/entities.md; Polish and Russian with BSNLP's member nouns, "Polaków",
    "демократы", as names). The file keeps the names, each text's id (the first 12 hex digits of
    its SHA-1) and its part: ``test`` (two English texts in five by id; in each other language the
    first 30 texts annotated, Turkish, Arabic and Chinese taken in the order of their ids; Polish
    and Russian texts whose id is 0 modulo 3) or ``train`` (Chinese's is development only: a
    segmenter reads Chinese, no tagger learns it). The texts are read from the benchmark's CSV.

    Raises:
        ConfigError: the CSV or the names file missing, or a text of the file not in the CSV.
    """
    texts = semeval_texts(pairs_csv)
    rows = _read_jsonl(SEMEVAL_NAMES, ("doc", "language", "part", "names"))
    odd = [r["doc"] for r in rows if r["part"] not in ("train", "test")]
    if odd:
        raise ConfigError(f"{SEMEVAL_NAMES}: text {odd[0]}'s part is neither train nor test")
    missing = [r["doc"] for r in rows if r["doc"] not in texts]
    if missing:
        raise ConfigError(f"{len(missing)} annotated texts not in the SemEval CSV (first: {missing[0]})")
    docs = [Document(r["doc"], "semeval", r["language"], texts[r["doc"]]) for r in rows]
    gold = [
        GoldMention(r["doc"], r["language"], surface, surface, etype, "")
        for r in rows
        for surface, etype in cast(list[tuple[str, str]], r["names"])  # JSON: a list of [surface, type]
    ]
    part = {r["doc"]: r["part"] for r in rows}
    return NewsNames(
        [d for d in docs if part[d.doc_id] == "train"], [d for d in docs if part[d.doc_id] == "test"], gold
    )


def semeval_texts(pairs_csv: Path | None = None) -> dict[str, str]:
    """Every text of SemEval's CSV by the id the files annotated for newsweave give it: the first
    12 hex digits of its SHA-1 (the SemEval names, the headline names)."""
    from newsweave.eval.semeval import default_pairs_csv, load_pairs

    texts = {}
    for pair in load_pairs(pairs_csv or default_pairs_csv()):
        for text in (pair.text1, pair.text2):
            texts[hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]] = text
    return texts


def training_docs(
    docs: Iterable[Document], gold: Iterable[GoldMention], *, required: bool = False
) -> list[AnnotatedDoc]:
    """What a tagger is trained on: ``docs`` and, where SemEval's CSV is found, the training part
    of the SemEval names (``semeval_names``) and the Arabic training part of the NTREX names
    (``ntrex_names``), as the shipped model is. (The NTREX names' Czech and Bulgarian training part
    is not learnt: on the choice direction it took recognition from 0.8686 to 0.8683 learnt once
    with its words only, 0.8677 with delexicalised copies, 0.8672 twice. Their Arabic is: the
    tagger's Arabic came from 45 local news texts and missed most foreign names, Athens and
    California among them; docs/entities.md, facts-25.)

    Raises:
        ConfigError: ``required`` and the names cannot be read (else a warning, and BSNLP alone).
    """
    out = annotated(docs, gold)
    try:
        names, ntrex = semeval_names(), ntrex_names()
    except ConfigError as e:
        if required:
            raise
        log.warning("trained without the SemEval and NTREX names: %s", e)
        return out
    taught = [d for d in names.train if d.language in SEMEVAL_LANGUAGES]  # Chinese: a segmenter reads it
    taught_ntrex = annotated([d for d in ntrex.train if d.language in NTREX_TAUGHT], ntrex.gold)
    # Polish and Russian news beside BSNLP's: general news of 2020, annotated as BSNLP annotates.
    slavic = [
        replace(d, delexicalised=False) for d in annotated(names.train, names.gold) if d.language in BSNLP_LANGUAGES
    ]
    return out + (annotated(taught, names.gold) + taught_ntrex) * SEMEVAL_WEIGHT + slavic * SLAVIC_NEWS_WEIGHT


def ntrex_names(path: Path = NTREX_NAMES) -> NewsNames:
    """Names in news articles of NTREX-128 in five languages SemEval lacks (Korean, Japanese, Thai,
    Dutch, Portuguese) and in two of BSNLP's outside its topics (Czech, Bulgarian)
    (``ntrex_names.jsonl``: each line an article's id, language, part, text and names, as the
    SemEval names list them). Its ``train`` part is a development part (choices were made on it in
    the five; no tagger learns it, ``training_docs``), its ``test`` part held out. Documents are
    keyed ``language/id``: the same article is there in every language.

    Raises:
        ConfigError: the file missing or malformed, a part neither train nor test, or a listed
            name not written in its text.
    """
    rows = _read_jsonl(path, ("doc", "language", "part", "text", "names"))
    odd = [r["doc"] for r in rows if r["part"] not in ("train", "test")]
    if odd:
        raise ConfigError(f"{path}: text {odd[0]}'s part is neither train nor test")
    for row in rows:  # one article in several languages: an id per translation
        row["doc"] = f"{row['language']}/{row['doc']}"
    docs = [Document(r["doc"], "ntrex", r["language"], r["text"]) for r in rows]
    gold = [
        GoldMention(r["doc"], r["language"], surface, surface, etype, "")
        for r in rows
        for surface, etype in cast(list[tuple[str, str]], r["names"])
    ]
    texts = {d.doc_id: d.text for d in docs}
    unwritten = [m for m in gold if m.surface not in texts[m.doc]]
    if unwritten:
        raise ConfigError(f"{path}: {unwritten[0].surface!r} is not written in text {unwritten[0].doc}")
    part = {r["doc"]: r["part"] for r in rows}
    train = [d for d in docs if part[d.doc_id] == "train"]
    return NewsNames(train, [d for d in docs if part[d.doc_id] == "test"], gold)


OUTSIDE_BSNLP = "outside BSNLP's languages"


def evaluate_semeval(model_path: Path | None = None) -> list[EntityScores]:
    """Recognition on the test part of the SemEval names and of the NTREX names by the shipped model
    (or ``model_path``): a row per language, "all", the languages outside BSNLP's, then the training
    and development parts', labelled in-sample."""
    semeval, ntrex = semeval_names(), ntrex_names()
    names = NewsNames(semeval.train + ntrex.train, semeval.test + ntrex.test, semeval.gold + ntrex.gold)
    recognizer = EntityRecognizer(model_path=model_path)
    predicted = predict(recognizer, names.test)
    # NTREX's translations in a language SemEval's texts have too (Arabic) get a row of their own:
    # professional translations of English news are another kind of text than a local outlet's.
    shared = {d.language for d in semeval.test} & {d.language for d in ntrex.test}
    apart = {d.doc_id for d in ntrex.test if d.language in shared}
    rows = score([d for d in names.test if d.doc_id not in apart], names.gold,
                 [m for m in predicted if m.doc not in apart], lambda m: "")[:-1]  # fmt: skip
    for language in sorted(shared):
        docs = [d for d in ntrex.test if d.language == language]
        row = score(docs, names.gold, [m for m in predicted if m.doc in apart and m.language == language], lambda m: "")
        rows.append(replace(row[-1], language=f"{language} (NTREX)"))
    rows.append(score(names.test, names.gold, predicted, lambda m: "")[-1])
    # The languages BSNLP does not cover, apart: the news languages its figure says nothing of (one
    # text set a language, as before NTREX's Arabic came: that row stands beside it).
    others = [d for d in names.test if d.language not in BSNLP_LANGUAGES and d.doc_id not in apart]
    ids = {d.doc_id for d in others}
    outside = score(others, names.gold, [m for m in predicted if m.doc in ids], lambda m: "")[-1]
    seen = score(names.train, names.gold, predict(recognizer, names.train), lambda m: "")[-1]
    return [*rows, replace(outside, language=OUTSIDE_BSNLP), replace(seen, language="training part (in-sample)")]


def _joined(title: str, text: str) -> str:
    return f"{title}\n\n{text}" if title and not text.startswith(title) else text


def _read_jsonl(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 may sit in a string
    except OSError as e:
        raise ConfigError(
            f"cannot read {path}: {e.strerror}", hint="pass --data DIR holding docs.jsonl and mentions.jsonl"
        ) from e
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise ConfigError(f"{path}:{number} is not JSON: {e.msg}") from e
        missing = [k for k in required if k not in row]
        if missing:
            raise ConfigError(f"{path}:{number} lacks {', '.join(missing)}", hint="see the benchmark's SOURCE.md")
        rows.append(row)
    return rows


def annotated(docs: Iterable[Document], gold: Iterable[GoldMention]) -> list[AnnotatedDoc]:
    """Documents with their gold (surface, type) lists, as the CRF trainer takes them."""
    names: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in gold:
        names[m.doc].add((m.surface, m.type))
    return [AnnotatedDoc(d.doc_id, d.language, d.text, tuple(sorted(names[d.doc_id]))) for d in docs]


def predict(recognizer: EntityRecognizer, docs: Iterable[Document]) -> list[PredictedMention]:
    """Each document's predicted names, once per surface form (the first type and key found)."""
    out = []
    for doc in docs:
        seen = set()
        for m in recognizer.mentions(doc.text, doc.language):
            if m.text not in seen:
                seen.add(m.text)
                out.append(PredictedMention(doc.doc_id, doc.language, m.text, m.type.value, m.entity or ""))
    return out


def prf(tp: float, predicted: float, gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of ``tp`` right among ``predicted``, out of ``gold``, rounded to 4 places."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0


def _cross_pairs(by_language: Counter[str], language: str | None) -> int:
    """Pairs in different languages among a group (only pairs with one side in ``language``, if given)."""
    total = sum(by_language.values())
    if language is not None:
        mine = by_language[language]
        return mine * (total - mine)
    return (total * total - sum(c * c for c in by_language.values())) // 2


def pairwise(items: Iterable[tuple[str, str, str]], language: str | None = None) -> tuple[int, int, int]:
    """(true, predicted, gold) cross-language pairs from (language, gold id or "", predicted key or "").

    An item with an empty gold id is a false mention (only in predicted pairs); one with an empty
    key was not predicted (only in gold pairs).
    """
    cells: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    golds: dict[str, Counter[str]] = defaultdict(Counter)
    keys: dict[str, Counter[str]] = defaultdict(Counter)
    for lang, gold_id, key in items:
        if gold_id:
            golds[gold_id][lang] += 1
        if key:
            keys[key][lang] += 1
        if gold_id and key:
            cells[(gold_id, key)][lang] += 1
    count = lambda groups: sum(_cross_pairs(c, language) for c in groups.values())  # noqa: E731
    return count(cells), count(keys), count(golds)


def score(
    docs: list[Document],
    gold: list[GoldMention],
    predicted: list[PredictedMention],
    gold_key: Callable[[GoldMention], str],
) -> list[EntityScores]:
    """Rows per language, then "all", for one set of predictions."""
    doc_ids = {d.doc_id for d in docs}
    gold = [m for m in gold if m.doc in doc_ids]
    gold_keys = [gold_key(m) for m in gold]
    gold_by_form = {(m.doc, m.surface): m for m in gold}
    rows = []
    for language in [*sorted({d.language for d in docs}), None]:

        def mine(lang: str, language: str | None = language) -> bool:
            return language is None or lang == language

        g = [m for m in gold if mine(m.language)]
        p = [m for m in predicted if mine(m.language)]
        hits = [m for m in p if (m.doc, m.surface) in gold_by_form]
        typed = sum(1 for m in hits if gold_by_form[(m.doc, m.surface)].type == m.type)
        rec = prf(len(hits), len(p), len(g))
        on_gold = pairwise(((m.language, m.entity, k) for m, k in zip(gold, gold_keys, strict=True)), language)
        matched = {(m.doc, m.surface): m for m in predicted}
        pred_items = [
            (m.language, gold_by_form[(m.doc, m.surface)].entity if (m.doc, m.surface) in gold_by_form else "", m.key)
            for m in predicted
        ]
        pred_items += [(m.language, m.entity, "") for m in gold if (m.doc, m.surface) not in matched]
        on_pred = pairwise(pred_items, language)
        rows.append(
            EntityScores(
                language or "all", sum(1 for d in docs if mine(d.language)), len(g), len(p), *rec,
                prf(typed, len(p), len(g))[2], *prf(*on_gold), *prf(*on_pred),
            )
        )  # fmt: skip
    return rows


def gold_keyer(normalizer: Normalizer | None = None, *, use_gold_lemma: bool = False) -> Callable[[GoldMention], str]:
    """The canonical key of a gold mention from its surface form (and its gold lemma, if asked)."""
    norm = normalizer or default_normalizer()

    def key(m: GoldMention) -> str:
        return norm.canonical_key(m.surface, EntityType(m.type), m.language, m.lemma if use_gold_lemma else None)

    return key


def reference_linking(gold: list[GoldMention]) -> dict[str, tuple[float, float, float]]:
    """Cross-language linking of the gold mentions by simpler keys, beside newsweave's own."""
    with_lemma = gold_keyer(use_gold_lemma=True)
    keyers: dict[str, Callable[[GoldMention], str]] = {
        "transliterated gold lemma alone": lambda m: fold(m.lemma),
        "newsweave keys (surface form only)": gold_keyer(),
        "newsweave keys given the gold lemma": with_lemma,
    }
    return {name: prf(*pairwise((m.language, m.entity, key(m)) for m in gold)) for name, key in keyers.items()}


def evaluate(
    data_dir: Path, *, cross_topic: bool = True, model_path: Path | None = None, with_semeval_names: bool = True
) -> EntityReport:
    """Score recognition and linking on a BSNLP-format folder.

    Args:
        data_dir: a folder with ``docs.jsonl`` and ``mentions.jsonl``.
        cross_topic: train a CRF on each topic and test it on the other(s) (held out); else score
            the shipped model (or ``model_path``), in-sample on BSNLP.
        model_path: a CRF model to score instead of the shipped one (``cross_topic=False`` only).
        with_semeval_names: train each topic's tagger with the SemEval names' training part too, as the
            shipped model is trained (``training_docs``).
    """
    docs, gold = load(data_dir)
    topics = sorted({d.topic for d in docs})
    keyer = gold_keyer()
    references = reference_linking(gold)
    if not cross_topic or len(topics) < 2:
        predicted = predict(EntityRecognizer(model_path=model_path), docs)
        label = "shipped model" if model_path is None else f"model {model_path}"
        rows = score(docs, gold, predicted, keyer)
        return EntityReport(rows, f"{label} (in-sample if trained on this data)", references=references)
    report = EntityReport(
        setting=f"cross-topic: trained on one topic, tested on the other ({', '.join(topics)})",
        references=references,
    )
    predicted = []
    with tempfile.TemporaryDirectory() as tmp:
        for topic in topics:
            train_docs = [d for d in docs if d.topic != topic]
            test_docs = [d for d in docs if d.topic == topic]
            model = Path(tmp) / f"without-{topic.replace('/', '_')}.crfsuite"
            log.info("training on %d documents, testing on %s", len(train_docs), topic)
            train(training_docs(train_docs, gold) if with_semeval_names else annotated(train_docs, gold), model)
            held_out = predict(EntityRecognizer(model_path=model), test_docs)
            report.by_topic[topic] = score(test_docs, gold, held_out, keyer)
            predicted += held_out
    report.rows = score(docs, gold, predicted, keyer)
    return report


@dataclass(frozen=True, slots=True)
class ToponymScores:
    """How many gold toponyms of an English geoparsing corpus the recognizer finds."""

    corpus: str
    documents: int
    toponyms: int
    found_exact: float  # a predicted mention with exactly the toponym's span
    found_overlap: float  # a predicted mention overlapping it
    found_as_loc: float  # exactly, and typed LOC


def default_toponyms_dir() -> Path:
    """``shared/benchmarks/geoparsing`` (English news with toponym offsets)."""
    return find_benchmark(
        Path("benchmarks") / "geoparsing", what="the geoparsing benchmark", hint="pass --toponyms DIR"
    )


def evaluate_toponyms(data_dir: Path, recognizer: EntityRecognizer | None = None) -> list[ToponymScores]:
    """Toponym recall of the recognizer on English news (TR-News, LGL): only places are annotated
    there, so precision cannot be measured; this checks recognition outside the Slavic languages."""
    recognizer = recognizer or EntityRecognizer()
    docs = _read_jsonl(data_dir / "docs.jsonl", ("id", "text"))
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for t in _read_jsonl(data_dir / "toponyms.jsonl", ("doc", "start", "end")):
        spans[str(t["doc"])].append((int(t["start"]), int(t["end"])))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        corpus = str(doc.get("corpus", "all"))
        mentions = recognizer.mentions(str(doc["text"]), str(doc.get("language") or "en"))
        exact = {(m.start, m.end): m.type for m in mentions}
        counts[corpus]["documents"] += 1
        for start, end in spans[str(doc["id"])]:
            c = counts[corpus]
            c["toponyms"] += 1
            c["exact"] += (start, end) in exact
            c["loc"] += exact.get((start, end)) is EntityType.LOCATION
            c["overlap"] += any(m.start < end and start < m.end for m in mentions)
    rows = []
    for corpus, c in sorted(counts.items()):
        n = c["toponyms"] or 1
        rows.append(
            ToponymScores(corpus, c["documents"], c["toponyms"], round(c["exact"] / n, 4),
                          round(c["overlap"] / n, 4), round(c["loc"] / n, 4))
        )  # fmt: skip
    return rows
