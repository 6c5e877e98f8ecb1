"""Quellenlage: who said what in German news."""

from quellenlage.model import Article, Attribution, Channel, Medium, Part, QuoteType, Source
from quellenlage.pipeline import analyze

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Channel",
    "Medium",
    "Part",
    "QuoteType",
    "Source",
    "__version__",
    "analyze",
]
