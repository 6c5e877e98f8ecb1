"""Stance: whether a statement asserts, denies, confirms ... and what it answers."""

from quellenlage.stance.assign import assign_stance, responds_to, stance_of
from quellenlage.stance.cues import cue_lemma

__all__ = ["assign_stance", "cue_lemma", "responds_to", "stance_of"]
