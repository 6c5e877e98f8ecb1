"""The metric on invented mini documents, every figure computed by hand."""

from __future__ import annotations

from typing import Any

import pytest

from quellenlage.evaluation.dataset import parse_document
from quellenlage.evaluation.report import Report
from quellenlage.evaluation.scoring import overlap_f1, score
from tests.evaluation.minidocs import (
    MINISTER_TEXT,
    mayor_quote,
    minister_document,
    minister_quote,
    quotation,
)


def run(gold: dict[str, Any], predicted: list[dict[str, Any]] | None) -> Report:
    """Score one gold document against one predicted annotation list (None: no prediction)."""
    gold_document = parse_document(gold)
    predictions = {}
    if predicted is not None:
        raw = {"documentName": gold["documentName"], "annotations": predicted}
        predictions[gold_document.name] = parse_document(raw, gold=False)
    return score([gold_document], predictions)


def close(figure: Any, precision: float, recall: float, f1: float) -> None:
    assert figure.precision == pytest.approx(precision)
    assert figure.recall == pytest.approx(recall)
    assert figure.f1 == pytest.approx(f1)


def test_perfect_match_scores_one_everywhere() -> None:
    report = run(minister_document(), [minister_quote(), mayor_quote()])
    for name in ("message", "roles", "joint", "speaker", "cue", "type"):
        close(report.headline()[name], 1.0, 1.0, 1.0)
    # Neither side has a frame or an addressee: no cells, so nothing to average.
    close(report.by_role["frame"], 0.0, 0.0, 0.0)
    assert report.counts.pairs == report.counts.pairs_with_overlap == 2


def test_one_missed_quote_halves_recall() -> None:
    report = run(minister_document(), [minister_quote()])
    # message: P over [1], R over [1, 0]
    close(report.message, 1.0, 0.5, 2 / 3)
    # roles: cue and speaker of the found pair (1, 1), of the missed one (recall 0, 0)
    close(report.roles, 1.0, 0.5, 2 / 3)
    close(report.joint, 1.0, 0.5, 2 / 3)
    close(report.type, 1.0, 0.5, 2 / 3)
    assert (report.counts.pairs, report.counts.unmatched_gold) == (1, 1)


def test_partial_overlap_of_quote_and_speaker() -> None:
    predicted = [minister_quote(quote="bauen neue Brücken.", speaker="Ministerin"), mayor_quote()]
    report = run(minister_document(), predicted)
    close(report.message, 1.0, (0.8 + 1.0) / 2, 2 * 0.9 / 1.9)  # 4 of 5 quote tokens
    close(report.by_role["speaker"], 1.0, 0.75, 2 * 0.75 / 1.75)  # 1 of 2 speaker tokens
    close(report.roles, 1.0, 3.5 / 4, 2 * 0.875 / 1.875)
    speaker_row = next(row for row in report.role_rows if row.role == "speaker")
    assert (speaker_row.exact, speaker_row.partial) == (1, 1)


def test_empty_predicted_quote_is_paired_and_scored() -> None:
    gold = minister_document([minister_quote()])
    report = run(gold, [minister_quote(quote=None)])
    close(report.message, 0.0, 0.0, 0.0)  # no precision cell, recall 0
    close(report.roles, 1.0, 1.0, 1.0)
    close(report.joint, 1.0, 2 / 3, 0.8)
    assert report.counts.pairs == 1 and report.counts.pairs_with_overlap == 0


def test_a_predicted_quote_without_any_part_does_not_crash() -> None:
    gold = minister_document([minister_quote()])
    report = run(gold, [{"type": "Direct", "medium": "Speech"}])
    close(report.joint, 0.0, 0.0, 0.0)


def test_no_predicted_roles() -> None:
    bare = {"quote": minister_quote()["quote"], "type": "Direct", "medium": "Speech"}
    empty_roles = mayor_quote(speaker=None, cue=None)
    report = run(minister_document(), [bare, empty_roles])
    close(report.message, 1.0, 1.0, 1.0)
    close(report.roles, 0.0, 0.0, 0.0)
    close(report.joint, 1.0, 1 / 3, 0.5)


def test_extra_prediction_costs_precision() -> None:
    extra = quotation(MINISTER_TEXT, "Die Ministerin sagte am Montag", type="Reported")
    report = run(minister_document(), [minister_quote(), mayor_quote(), extra])
    close(report.message, 2 / 3, 1.0, 0.8)
    close(report.roles, 1.0, 1.0, 1.0)
    close(report.joint, 6 / 7, 1.0, 12 / 13)
    close(report.type, 2 / 3, 1.0, 0.8)
    assert report.counts.unmatched_pred == 1


def test_type_mismatch_counts_only_in_type_f1() -> None:
    report = run(minister_document(), [minister_quote(type="Indirect"), mayor_quote()])
    close(report.joint, 1.0, 1.0, 1.0)
    close(report.type, 0.5, 0.5, 0.5)
    rows = {row.type: row for row in report.type_rows}
    direct = rows["Direct"]
    assert (direct.gold, direct.gold_found, direct.type_correct) == (1, 1, 0)
    assert direct.predicted_as == {"Indirect": 1}
    assert (rows["Indirect"].predicted, rows["Indirect"].predicted_found) == (2, 2)


def test_assignment_prefers_the_prediction_with_the_right_type() -> None:
    gold = minister_document([minister_quote()])
    report = run(gold, [minister_quote(type="Indirect", speaker=None), minister_quote()])
    close(report.by_role["speaker"], 1.0, 1.0, 1.0)  # the Direct one with a speaker was paired
    close(report.type, 0.5, 1.0, 2 / 3)  # the unpaired Indirect one is a false positive


def test_document_without_prediction_and_missing_documents() -> None:
    report = run(minister_document(), None)
    close(report.joint, 0.0, 0.0, 0.0)
    assert report.counts.pred_docs_found == 0 and report.counts.unmatched_gold == 2
    report = run(minister_document(), [])
    assert report.counts.pred_docs_found == 1 and report.counts.pairs == 0


def test_gold_document_without_quotations_only_penalises_predictions() -> None:
    report = run(minister_document([]), [minister_quote()])
    close(report.message, 0.0, 0.0, 0.0)
    assert report.counts.unmatched_pred == 1


def test_predicted_parts_map_to_gold_tokens_by_character_overlap() -> None:
    # A span cutting words in half still covers those tokens: "nisterin sagte am Mo".
    start = MINISTER_TEXT.index("nisterin")
    cue = {"spans": [{"charBegin": start, "charEnd": start + 20}], "tokenIds": [], "text": ""}
    predicted = minister_quote()
    predicted["cue"] = cue
    report = run(minister_document([minister_quote()]), [predicted])
    # covers Ministerin, sagte, am, Montag: cue precision 1/4, recall 1
    close(report.by_role["cue"], 0.25, 1.0, 0.4)


def test_parts_without_character_offsets_use_token_ids() -> None:
    predicted = minister_quote()
    predicted["speaker"] = {"spans": [{"begin": 1, "end": 2}], "tokenIds": [1], "text": ""}
    report = run(minister_document([minister_quote()]), [predicted])
    close(report.by_role["speaker"], 1.0, 0.5, 2 / 3)


def test_overlap_f1() -> None:
    assert overlap_f1(frozenset({1, 2, 3, 4}), frozenset({3, 4})) == pytest.approx(2 / 3)
    assert overlap_f1(frozenset({1}), frozenset()) == 0.0
    assert overlap_f1(frozenset(), frozenset()) == 0.0
