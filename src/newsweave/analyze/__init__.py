"""The analyze stage: language, sentences, entities, places, dates, numeric claims."""

from newsweave.analyze.language import LanguageDetector

__all__ = ["LanguageDetector"]
