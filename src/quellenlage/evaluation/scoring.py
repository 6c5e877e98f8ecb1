"""The published WikiNews quotation metric, with breakdowns by quotation type and role.

Per document, gold and predicted quotations are paired by a maximum-weight assignment on the
token-overlap F1 of their quotes (+0.01 for the same type, +0.001 for the same medium, added only
where the quotes overlap). Every pair of the assignment counts, zero-overlap pairs included; a
quotation left unpaired is set against an empty one, so all its tokens are errors. Within a pair
each part is scored per token; precision and recall are averaged over the (pair, part) cells that
have a non-zero denominator, and F1 is their harmonic mean. Predicted parts are located on the gold
tokens by character overlap (by their token ids where they carry no character offsets).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from quellenlage.evaluation.dataset import (
    PART_NAMES,
    ROLE_PARTS,
    GoldToken,
    PartAnnotation,
    Quotation,
    QuoteDocument,
)
from quellenlage.evaluation.report import PRF, Counts, Report, RoleRow, TypeRow
from quellenlage.model import ROLE_NAMES

SAME_TYPE_BONUS = 0.01
SAME_MEDIUM_BONUS = 0.001

TokenSet = frozenset[int]


class TokenLocator:
    """Maps a part onto the ids of the gold tokens it overlaps."""

    def __init__(self, tokens: Sequence[GoldToken]) -> None:
        self._ids = np.array([t.id for t in tokens], dtype=np.int64)
        self._begins = np.array([t.char_begin for t in tokens], dtype=np.int64)
        self._ends = np.array([t.char_end for t in tokens], dtype=np.int64)

    def token_ids(self, part: PartAnnotation) -> TokenSet:
        if not part.char_spans:
            return frozenset(part.token_ids)
        found: set[int] = set()
        for span in part.char_spans:
            overlaps = (self._begins < span.end) & (self._ends > span.begin)
            found.update(int(i) for i in self._ids[overlaps])
        return frozenset(found)


@dataclass(frozen=True, slots=True)
class LocatedQuotation:
    """A quotation as sets of gold token ids, one set a part."""

    parts: Mapping[str, TokenSet]
    type: str | None
    medium: str | None

    @classmethod
    def locate(cls, quotation: Quotation, locator: TokenLocator) -> LocatedQuotation:
        parts = {name: locator.token_ids(quotation.part(name)) for name in PART_NAMES}
        return cls(parts=parts, type=quotation.type, medium=quotation.medium)


NO_QUOTATION = LocatedQuotation(
    parts={name: frozenset() for name in PART_NAMES}, type=None, medium=None
)


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold and a predicted quotation set against each other; a missing side is None."""

    gold: LocatedQuotation | None
    predicted: LocatedQuotation | None
    overlap: float

    @property
    def gold_side(self) -> LocatedQuotation:
        return self.gold or NO_QUOTATION

    @property
    def predicted_side(self) -> LocatedQuotation:
        return self.predicted or NO_QUOTATION

    @property
    def is_assigned(self) -> bool:
        return self.gold is not None and self.predicted is not None

    @property
    def is_found(self) -> bool:
        """Both sides present and their quotes share at least one token."""
        return self.is_assigned and self.overlap > 0


def overlap_f1(gold: TokenSet, predicted: TokenSet) -> float:
    """Token-overlap F1 of two token sets; 0.0 when they share nothing (or one is empty)."""
    shared = len(gold & predicted)
    if shared == 0:
        return 0.0
    precision, recall = shared / len(predicted), shared / len(gold)
    return 2 * precision * recall / (precision + recall)


def pair_weight(gold: LocatedQuotation, predicted: LocatedQuotation) -> float:
    overlap = overlap_f1(gold.parts["quote"], predicted.parts["quote"])
    if overlap > 0:
        bonus = SAME_TYPE_BONUS * (gold.type == predicted.type)
        bonus += SAME_MEDIUM_BONUS * (gold.medium == predicted.medium)
        overlap += bonus
    return overlap


def align(gold: Sequence[LocatedQuotation], predicted: Sequence[LocatedQuotation]) -> list[Pair]:
    """The assignment's pairs (in gold order), then unpaired predictions, then unpaired gold."""
    assigned: list[tuple[int, int]] = []
    if gold and predicted:
        weights = np.array([[pair_weight(g, p) for p in predicted] for g in gold], dtype=float)
        rows, columns = linear_sum_assignment(weights, maximize=True)
        assigned = [(int(r), int(c)) for r, c in zip(rows, columns, strict=True)]
    pairs = [
        Pair(gold[g], predicted[p], overlap_f1(gold[g].parts["quote"], predicted[p].parts["quote"]))
        for g, p in assigned
    ]
    paired_gold = {g for g, _ in assigned}
    paired_predicted = {p for _, p in assigned}
    pairs += [Pair(None, q, 0.0) for i, q in enumerate(predicted) if i not in paired_predicted]
    pairs += [Pair(q, None, 0.0) for i, q in enumerate(gold) if i not in paired_gold]
    return pairs


def align_document(gold: QuoteDocument, predicted: QuoteDocument | None) -> list[Pair]:
    locator = TokenLocator(gold.tokens)
    gold_quotations = [LocatedQuotation.locate(q, locator) for q in gold.quotations]
    predicted_quotations = [
        LocatedQuotation.locate(q, locator) for q in (predicted.quotations if predicted else ())
    ]
    return align(gold_quotations, predicted_quotations)


@dataclass(frozen=True, slots=True)
class Cell:
    """Per-token precision and recall of one part in one pair; None where the denominator is 0."""

    precision: float | None
    recall: float | None

    @classmethod
    def of(cls, gold: TokenSet, predicted: TokenSet) -> Cell:
        shared = len(gold & predicted)
        return cls(
            precision=shared / len(predicted) if predicted else None,
            recall=shared / len(gold) if gold else None,
        )


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def macro_prf(pairs: Iterable[Pair], parts: Sequence[str]) -> PRF:
    """Precision and recall averaged over the (pair, part) cells that have a denominator."""
    precisions: list[float] = []
    recalls: list[float] = []
    for pair in pairs:
        for part in parts:
            cell = Cell.of(pair.gold_side.parts[part], pair.predicted_side.parts[part])
            if cell.precision is not None:
                precisions.append(cell.precision)
            if cell.recall is not None:
                recalls.append(cell.recall)
    return PRF(_mean(precisions), _mean(recalls))


def type_prf(pairs: Iterable[Pair]) -> PRF:
    """Type agreement, micro-averaged over all pairs as the reference scorer does: a pair agrees
    when both types are equal; otherwise a predicted type is a false positive and a gold type a
    false negative (an unpaired side has no type)."""
    agree = false_positive = false_negative = 0
    for pair in pairs:
        gold_type, predicted_type = pair.gold_side.type, pair.predicted_side.type
        if gold_type == predicted_type:
            agree += 1
            continue
        false_positive += predicted_type is not None
        false_negative += gold_type is not None
    precision = agree / (agree + false_positive) if agree + false_positive else 0.0
    recall = agree / (agree + false_negative) if agree + false_negative else 0.0
    return PRF(precision, recall)


def type_rows(pairs: Sequence[Pair]) -> tuple[TypeRow, ...]:
    gold_types = Counter(p.gold.type for p in pairs if p.gold is not None and p.gold.type)
    predicted_types = Counter(
        p.predicted.type for p in pairs if p.predicted is not None and p.predicted.type
    )
    rows = []
    for quote_type in sorted(set(gold_types) | set(predicted_types)):
        with_gold = [p for p in pairs if p.gold is not None and p.gold.type == quote_type]
        found = [p for p in with_gold if p.is_found]
        predicted_found = sum(
            1 for p in pairs
            if p.is_found and p.predicted is not None and p.predicted.type == quote_type
        )
        predicted_as = Counter(p.predicted_side.type or "(none)" for p in found)
        rows.append(
            TypeRow(
                type=quote_type,
                gold=gold_types[quote_type],
                gold_found=len(found),
                predicted=predicted_types[quote_type],
                predicted_found=predicted_found,
                type_correct=predicted_as[quote_type],
                message=macro_prf(with_gold, ("quote",)),
                joint=macro_prf(with_gold, PART_NAMES),
                predicted_as=dict(predicted_as.most_common()),
            )
        )
    return tuple(rows)


def role_row(pairs: Sequence[Pair], role: str) -> RoleRow:
    tally: Counter[str] = Counter()
    for pair in pairs:
        if not pair.is_found:
            continue
        gold, predicted = pair.gold_side.parts[role], pair.predicted_side.parts[role]
        tally["gold_present"] += bool(gold)
        tally["predicted_present"] += bool(predicted)
        if gold and not predicted:
            tally["missed"] += 1
        elif predicted and not gold:
            tally["spurious"] += 1
        elif gold and predicted:
            if gold == predicted:
                tally["exact"] += 1
            elif gold & predicted:
                tally["partial"] += 1
            else:
                tally["disjoint"] += 1
    return RoleRow(
        role=role,
        score=macro_prf(pairs, (role,)),
        gold_present=tally["gold_present"],
        predicted_present=tally["predicted_present"],
        exact=tally["exact"],
        partial=tally["partial"],
        missed=tally["missed"],
        spurious=tally["spurious"],
        disjoint=tally["disjoint"],
    )


def score(
    gold_documents: Sequence[QuoteDocument], predictions: Mapping[str, QuoteDocument]
) -> Report:
    """Score `predictions` (by document name) against every gold document. A gold document
    without a prediction counts as predicting nothing; predictions for unknown documents are
    ignored."""
    pairs: list[Pair] = []
    for gold in gold_documents:
        pairs += align_document(gold, predictions.get(gold.name))
    counts = Counts(
        gold_docs=len(gold_documents),
        pred_docs_found=sum(1 for gold in gold_documents if gold.name in predictions),
        gold_quotations=sum(1 for p in pairs if p.gold is not None),
        predicted_quotations=sum(1 for p in pairs if p.predicted is not None),
        pairs=sum(1 for p in pairs if p.is_assigned),
        pairs_with_overlap=sum(1 for p in pairs if p.is_found),
        unmatched_pred=sum(1 for p in pairs if p.gold is None),
        unmatched_gold=sum(1 for p in pairs if p.predicted is None),
    )
    return Report(
        message=macro_prf(pairs, ("quote",)),
        roles=macro_prf(pairs, ROLE_PARTS),
        joint=macro_prf(pairs, PART_NAMES),
        by_role={role: macro_prf(pairs, (role,)) for role in ROLE_NAMES},
        type=type_prf(pairs),
        counts=counts,
        type_rows=type_rows(pairs),
        role_rows=tuple(role_row(pairs, role) for role in ROLE_NAMES),
    )
