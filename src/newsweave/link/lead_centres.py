"""Each language's centre of the second view's lead vectors, taken off before two leads are compared.

e5's vectors of any two news leads are close (cosine about 0.8 for unrelated ones), and how close
depends on the languages: unrelated leads meet at 0.77-0.84 within one language, 0.73-0.79 across
two, with a spread of 0.02-0.03 (the news leads ``scripts/build_lead_centres.py`` reads; it prints
them). So the raw cosine of the second view
says as much about the pair's languages as about its stories, and a pair scorer that knows only
"cross-lingual or not" reads the offset as likeness. Taking each language's mean lead vector off
both vectors first (centring, the usual cure for an embedding's anisotropy) leaves what the two
leads have in common beyond their languages: on the training part's folds r 0.789 → 0.801 with
centres learnt on each fold's training texts only (docs/linking.md, "v8").

The centres come from unlabelled text (``scripts/build_lead_centres.py``): news leads for the
fourteen languages newsweave has news in, and for about 430 more (every language the Universal
Declaration of Human Rights is written in) the news centres' mean moved by the language's own
offset on the declaration. A language with neither is centred on the news centres' mean, which
removes what all languages share but not its own offset.
Centres belong to one embedder (the table records its name); leads of another are compared raw.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np

from newsweave.errors import ModelUnavailable

CENTRES_FILE = "lead_centres.npz"


class LeadCentres:
    """Language → centre of the second view's lead vectors, for one embedder."""

    def __init__(self, centres: dict[str, np.ndarray], fallback: np.ndarray, model: str) -> None:
        self.centres = centres
        self.fallback = fallback
        self.model = model

    @classmethod
    def load(cls) -> LeadCentres:
        """The shipped centres (``models/lead_centres.npz``)."""
        return _shipped()

    def centre(self, language: str | None) -> np.ndarray:
        """The centre of a language's leads (the news centres' mean for a language without one)."""
        return self.centres.get((language or "").split("-")[0].lower(), self.fallback)

    def cosine(self, a: np.ndarray, a_language: str | None, b: np.ndarray, b_language: str | None) -> float:
        """The cosine of two leads with their languages' centres taken off."""
        a = a - self.centre(a_language)
        b = b - self.centre(b_language)
        norms = float(np.linalg.norm(a) * np.linalg.norm(b))
        return float(a @ b) / norms if norms > 0 else 0.0

    def lead_cosine(
        self, model: str, a: np.ndarray, a_language: str | None, b: np.ndarray, b_language: str | None
    ) -> float:
        """The second view's feature for two leads of ``model``: centred if these centres are that
        model's, else the raw cosine (a stand-in embedder in tests, a user's own second view)."""
        if model != self.model or len(a) != len(self.fallback):
            return float(a @ b)
        return self.cosine(a, a_language, b, b_language)


@cache
def _shipped() -> LeadCentres:
    return read_centres(resources.files("newsweave.link") / "models" / CENTRES_FILE)


def read_centres(path: Traversable | Path) -> LeadCentres:
    """Centres from a file ``scripts/build_lead_centres.py`` wrote.

    Raises:
        ModelUnavailable: the file is missing.
    """
    try:
        with path.open("rb") as handle, np.load(handle) as data:
            centres = dict(zip(data["languages"].tolist(), data["centres"].astype(np.float32), strict=True))
            return LeadCentres(centres, data["fallback"].astype(np.float32), str(data["model"]))
    except FileNotFoundError as e:
        raise ModelUnavailable(f"lead centres {path} are missing", hint="run scripts/build_lead_centres.py") from e
