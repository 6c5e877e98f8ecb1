"""The German text layer: tokens, sentences and paragraphs with character offsets."""

from quellenlage.text.document import Document, Sentence
from quellenlage.text.tokens import Token, tokenize

__all__ = ["Document", "Sentence", "Token", "tokenize"]
