"""The figures an evaluation produces, as plain typed records with a stable JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and their harmonic mean, each in [0, 1]."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, float]:
        return {"p": self.precision, "r": self.recall, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class Counts:
    """How many documents and quotations took part, and how the assignment paired them."""

    gold_docs: int
    pred_docs_found: int
    gold_quotations: int
    predicted_quotations: int
    pairs: int
    pairs_with_overlap: int
    unmatched_pred: int
    unmatched_gold: int

    def to_dict(self) -> dict[str, int]:
        return {
            "gold_docs": self.gold_docs,
            "pred_docs_found": self.pred_docs_found,
            "gold_quotations": self.gold_quotations,
            "predicted_quotations": self.predicted_quotations,
            "pairs": self.pairs,
            "pairs_with_overlap": self.pairs_with_overlap,
            "unmatched_pred": self.unmatched_pred,
            "unmatched_gold": self.unmatched_gold,
        }


@dataclass(frozen=True, slots=True)
class TypeRow:
    """One quotation type: how often it was annotated and predicted, how much of it was found
    (a pair whose quotes share a token), and the scores of the pairs whose gold has this type
    (unfound gold quotations included)."""

    type: str
    gold: int
    gold_found: int
    predicted: int
    predicted_found: int
    type_correct: int
    message: PRF
    joint: PRF
    predicted_as: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "gold": self.gold,
            "gold_found": self.gold_found,
            "predicted": self.predicted,
            "predicted_found": self.predicted_found,
            "type_correct": self.type_correct,
            "message": self.message.to_dict(),
            "joint": self.joint.to_dict(),
            "predicted_as": dict(self.predicted_as),
        }


@dataclass(frozen=True, slots=True)
class RoleRow:
    """One role (speaker, cue, frame, addressee): its score over all cells, and over the found
    pairs how often it was exact, partly right, missed, invented or put on other tokens."""

    role: str
    score: PRF
    gold_present: int
    predicted_present: int
    exact: int
    partial: int
    missed: int
    spurious: int
    disjoint: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "score": self.score.to_dict(),
            "gold_present": self.gold_present,
            "predicted_present": self.predicted_present,
            "exact": self.exact,
            "partial": self.partial,
            "missed": self.missed,
            "spurious": self.spurious,
            "disjoint": self.disjoint,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `score` measures. `to_dict` keeps the reference scorer's keys for the headline
    figures (message, roles, joint, each role, type, counts) and adds the breakdowns."""

    message: PRF
    roles: PRF
    joint: PRF
    by_role: dict[str, PRF]
    type: PRF
    counts: Counts
    type_rows: tuple[TypeRow, ...]
    role_rows: tuple[RoleRow, ...]

    def headline(self) -> dict[str, PRF]:
        """The figures in reporting order: message, roles, joint, each role, type."""
        return {
            "message": self.message,
            "roles": self.roles,
            "joint": self.joint,
            **self.by_role,
            "type": self.type,
        }

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: prf.to_dict() for name, prf in self.headline().items()}
        data["counts"] = self.counts.to_dict()
        data["by_type"] = [row.to_dict() for row in self.type_rows]
        data["by_role"] = [row.to_dict() for row in self.role_rows]
        return data
