"""Rule-based extraction (placeholder until the rules land)."""

from __future__ import annotations

from quellenlage.model import Attribution
from quellenlage.text import Document


def extract_rules(document: Document) -> list[Attribution]:
    return []
