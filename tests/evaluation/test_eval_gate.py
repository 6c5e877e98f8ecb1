"""The floor gate: the default engine on the full dev split must not fall below the pinned floors
in eval_baseline.json. The lead raises the floors as the engine improves; this is the one test
that runs the pipeline over all of dev (150 documents, one pass)."""

from __future__ import annotations

import json
from pathlib import Path

from quellenlage.evaluation.runner import run_evaluation

BASELINE = Path(__file__).with_name("eval_baseline.json")


def test_dev_figures_stay_above_their_floors(wikinews_dev: Path) -> None:
    floors = json.loads(BASELINE.read_text("utf-8"))
    report = run_evaluation(wikinews_dev).report
    measured = {"joint_f1": report.joint.f1, "message_f1": report.message.f1}
    assert set(floors) <= set(measured), f"unknown figures in {BASELINE.name}"
    below = {
        name: f"{measured[name]:.4f} < floor {floor:.4f}"
        for name, floor in floors.items()
        if measured[name] < floor
    }
    assert not below, f"dev figures fell below the floors in {BASELINE.name}: {below}"
