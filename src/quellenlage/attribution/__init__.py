"""Extraction: finding statements (quote, cue, speaker, frame, addressee) in a document."""

from quellenlage.attribution.rules import extract_rules

__all__ = ["extract_rules"]
