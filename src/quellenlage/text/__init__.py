"""The German text layer: tokens, sentences and paragraphs with character offsets, and on demand
their part of speech, case, mood and noun-phrase chunks (`Document.morphology`)."""

from quellenlage.text.document import Document, Sentence
from quellenlage.text.morphology import Chunk, Morphology
from quellenlage.text.tagger import Tag
from quellenlage.text.tokens import Token, tokenize

__all__ = ["Chunk", "Document", "Morphology", "Sentence", "Tag", "Token", "tokenize"]
