"""Our scorer against the reference scorer (../shared/tools/quote_score.py), run as a separate
process on the same files: perturbed gold predictions on a slice of dev, and the mini documents.
Skips where ../shared is absent."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quellenlage.evaluation.dataset import read_gold, read_predictions
from quellenlage.evaluation.report import Report
from quellenlage.evaluation.scoring import score
from tests.conftest import SHARED_DATA
from tests.evaluation.minidocs import (
    MINISTER_TEXT,
    mayor_quote,
    minister_document,
    minister_quote,
    quotation,
)

REFERENCE = SHARED_DATA.parent / "tools" / "quote_score.py"
HEADLINE = ("message", "roles", "joint", "speaker", "cue", "frame", "addressee", "type")
SHARED_COUNTS = ("gold_docs", "pred_docs_found", "pairs", "unmatched_pred", "unmatched_gold")
ROLES = ("speaker", "cue", "frame", "addressee")
TYPES = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
MEDIA = ("Speech", "Writing", "SW", "ST", "none")
EMPTY_PART = {"spans": [], "tokenIds": [], "text": ""}


@pytest.fixture
def reference_scorer() -> Path:
    if not REFERENCE.exists():
        pytest.skip(f"{REFERENCE} is absent: the cross-check needs ../shared/tools")
    return REFERENCE


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def reference_figures(scorer: Path, gold: Path, predicted: Path) -> dict[str, Any]:
    """A reference scorer's --json figures (the JSON object its output starts with)."""
    done = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(predicted), "--json"],
        capture_output=True, text=True, check=True, timeout=120,
    )
    return json.JSONDecoder().raw_decode(done.stdout)[0]


def assert_agree(ours: Report, reference: dict[str, Any]) -> None:
    mine = ours.to_dict()
    for figure in HEADLINE:
        for key in ("p", "r", "f1"):
            assert mine[figure][key] == pytest.approx(reference[figure][key], abs=1e-9), (
                figure, key,
            )
    for count in SHARED_COUNTS:
        assert mine["counts"][count] == reference["counts"][count], count


def cross_check(scorer: Path, tmp_path: Path, gold: list[dict[str, Any]],
                predicted: list[dict[str, Any]]) -> Report:
    gold_path = write_jsonl(tmp_path / "gold.jsonl", gold)
    predicted_path = write_jsonl(tmp_path / "predicted.jsonl", predicted)
    ours = score(read_gold(gold_path), read_predictions(predicted_path))
    assert_agree(ours, reference_figures(scorer, gold_path, predicted_path))
    return ours


def shift_spans(part: dict[str, Any], rng: random.Random) -> None:
    """Move each span's edges by a few characters, often to the middle of a word."""
    for span in part["spans"]:
        begin = max(0, span["charBegin"] + rng.randint(-6, 6))
        span["charBegin"], span["charEnd"] = begin, max(begin, span["charEnd"] + rng.randint(-6, 6))


def perturb_quotation(annotation: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    predicted = copy.deepcopy(annotation)
    if rng.random() < 0.3:
        shift_spans(predicted["quote"], rng)
    if rng.random() < 0.25:
        predicted["type"] = rng.choice(TYPES)
    if rng.random() < 0.2:
        predicted["medium"] = rng.choice(MEDIA)
    for role in ROLES:
        chance = rng.random()
        if chance < 0.15:
            predicted[role] = dict(EMPTY_PART)
        elif chance < 0.2:
            del predicted[role]
        elif chance < 0.35:
            shift_spans(predicted[role], rng)
        elif chance < 0.4:
            # Token ids only: spans without character offsets.
            for span in predicted[role]["spans"]:
                span.pop("charBegin"), span.pop("charEnd")
    if rng.random() < 0.05:
        predicted["quote"] = dict(EMPTY_PART)
    return predicted


def perturb_document(document: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Predictions made from gold with errors: dropped, shifted, mistyped, role-less and extra
    quotations."""
    annotations = []
    for annotation in document["annotations"]:
        if rng.random() < 0.15:
            continue
        annotations.append(perturb_quotation(annotation, rng))
        if rng.random() < 0.08:
            annotations.append(perturb_quotation(annotation, rng))  # a near-duplicate
    for source in document["annotations"]:
        if rng.random() < 0.2:
            # An invented quotation: a gold speaker, cue or frame taken for a quote.
            extra = copy.deepcopy(source)
            extra["quote"] = copy.deepcopy(source[rng.choice(("speaker", "cue", "frame"))])
            annotations.append(extra)
    rng.shuffle(annotations)
    return {"documentName": document["documentName"], "annotations": annotations}


@pytest.fixture(scope="module")
def dev_slice() -> list[dict[str, Any]]:
    path = SHARED_DATA / "wikinews-quotes" / "dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs ../shared beside the repository")
    lines = path.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines[::7]]  # 22 documents, spread over the split


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_agrees_with_reference_on_perturbed_dev(
    reference_scorer: Path, tmp_path: Path, dev_slice: list[dict[str, Any]], seed: int
) -> None:
    rng = random.Random(seed)
    # Every fifth document has no prediction at all.
    predicted = [perturb_document(d, rng) for i, d in enumerate(dev_slice) if i % 5 != 2]
    predicted.append({"documentName": "not in gold", "annotations": []})
    ours = cross_check(reference_scorer, tmp_path, dev_slice, predicted)
    # The perturbations must bite, or agreement would prove little.
    assert 0.3 < ours.joint.f1 < 0.95
    assert ours.counts.unmatched_gold > 0 and ours.counts.unmatched_pred > 0
    assert ours.counts.pred_docs_found < len(dev_slice)


def test_agrees_with_reference_on_unchanged_dev(
    reference_scorer: Path, tmp_path: Path, dev_slice: list[dict[str, Any]]
) -> None:
    ours = cross_check(reference_scorer, tmp_path, dev_slice, dev_slice)
    assert ours.joint.f1 == 1.0


MINI_CASES: dict[str, list[dict[str, Any]]] = {
    "perfect": [minister_quote(), mayor_quote()],
    "missed": [minister_quote()],
    "partial": [minister_quote(quote="bauen neue Brücken.", speaker="Ministerin"), mayor_quote()],
    "empty quote": [minister_quote(quote=None), mayor_quote()],
    "no roles": [mayor_quote(speaker=None, cue=None), {"quote": minister_quote()["quote"]}],
    "extra": [
        minister_quote(),
        mayor_quote(),
        quotation(MINISTER_TEXT, "Die Ministerin sagte am Montag", type="Reported"),
    ],
    "type mismatch": [minister_quote(type="Indirect"), mayor_quote(type="Reported")],
    "nothing": [],
}


@pytest.mark.parametrize("case", sorted(MINI_CASES))
def test_agrees_with_reference_on_mini_documents(
    reference_scorer: Path, tmp_path: Path, case: str
) -> None:
    gold = [minister_document(), minister_document([]) | {"documentName": "empty"}]
    predicted = [{"documentName": "minister", "annotations": MINI_CASES[case]},
                 {"documentName": "empty", "annotations": [minister_quote()]}]
    cross_check(reference_scorer, tmp_path, gold, predicted)
