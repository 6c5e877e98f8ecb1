"""Errors a user can meet, each with a message that says what to do."""

from __future__ import annotations


class QuellenlageError(Exception):
    """Base class: every error the CLI reports without a traceback."""


class InputError(QuellenlageError):
    """The input could not be read (wrong encoding, missing file, unknown format)."""


class NotFoundError(InputError):
    """What was asked for by id (an article, a claim) is not in the archive."""


class DataFormatError(QuellenlageError):
    """A data file (evaluation corpus, model, lexicon) is not in the expected format."""
