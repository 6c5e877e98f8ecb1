"""Running an engine over a gold corpus: only the text reaches it, every document gets a line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quellenlage import pipeline
from quellenlage.attribution.trained import default_model_dir
from quellenlage.cli.main import app
from quellenlage.errors import InputError
from quellenlage.evaluation.dataset import parse_document, read_predictions
from quellenlage.evaluation.runner import (
    evaluate_documents,
    run_evaluation,
    write_predictions,
)
from quellenlage.model import Article, Attribution, Medium, Part, QuoteType
from tests.evaluation.minidocs import document, minister_document

QUIET_TEXT = "Am Sonntag blieb es in der Stadt ruhig. Niemand äußerte sich."
GUILLEMETS = re.compile(r"„([^“]+)“")


class QuoteMarkEngine:
    """A stand-in engine: every text between „ and “ is a direct quote. Records what it saw."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, text: str, *, engine: str = "rules", model_dir: object = None) -> Article:
        self.seen.append(text)
        attributions = []
        for match in GUILLEMETS.finditer(text):
            quote = Part.from_spans(text, [match.span(1)])
            assert quote is not None
            attributions.append(Attribution(QuoteType.DIRECT, Medium.SPEECH, quote))
        return Article(text, attributions)


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> QuoteMarkEngine:
    engine = QuoteMarkEngine()
    monkeypatch.setattr(pipeline, "ENGINES", (*pipeline.ENGINES, "quotemarks"))
    monkeypatch.setattr(pipeline, "analyze", engine)
    return engine


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    lines = [minister_document(), document("quiet", QUIET_TEXT, [])]
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines), "utf-8")
    return path


def test_only_the_text_reaches_the_engine(fake_engine: QuoteMarkEngine, gold_file: Path) -> None:
    evaluation = run_evaluation(gold_file, "quotemarks")
    assert fake_engine.seen == [minister_document()["originalText"], QUIET_TEXT]
    assert evaluation.engine == "quotemarks"
    # The quote marks engine finds the minister's quote and misses the mayor's.
    assert evaluation.report.message.precision == pytest.approx(1.0)
    assert evaluation.report.message.recall == pytest.approx(0.5)


def test_every_document_gets_a_prediction_line(
    fake_engine: QuoteMarkEngine, gold_file: Path, tmp_path: Path
) -> None:
    evaluation = run_evaluation(gold_file, "quotemarks")
    out = tmp_path / "pred.jsonl"
    write_predictions(evaluation.predictions, out)
    predictions = read_predictions(out)
    assert list(predictions) == ["minister", "quiet"]
    assert predictions["quiet"].quotations == ()
    assert predictions["minister"].quotations[0].part("quote").text == "Wir bauen neue Brücken."


def test_progress_is_reported_per_document(fake_engine: QuoteMarkEngine) -> None:
    calls: list[tuple[int, int]] = []
    documents = [parse_document(minister_document())]
    evaluate_documents(documents, "quotemarks", on_progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1, 1)]


def test_unknown_engine_is_refused_before_any_work(gold_file: Path) -> None:
    with pytest.raises(InputError, match="unknown engine 'neural'"):
        run_evaluation(gold_file, "neural")


def test_default_engine_is_the_pipelines() -> None:
    assert pipeline.check_engine(None) == pipeline.DEFAULT_ENGINE in pipeline.ENGINES


def test_default_engine_runs_on_the_mini_corpus(gold_file: Path) -> None:
    evaluation = run_evaluation(gold_file)
    assert len(evaluation.predictions) == 2
    assert 0.0 <= evaluation.report.joint.f1 <= 1.0


runner = CliRunner()


def test_cli_json_and_predictions(
    fake_engine: QuoteMarkEngine, gold_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(
        app,
        ["evaluate", str(gold_file), "--engine", "quotemarks", "--json",
         "--write-predictions", str(out)],
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["engine"] == "quotemarks"
    assert figures["message"]["r"] == pytest.approx(0.5)
    assert {row["type"] for row in figures["by_type"]} == {"Direct", "Indirect"}
    assert len(out.read_text("utf-8").splitlines()) == 2


def test_cli_tables(fake_engine: QuoteMarkEngine, gold_file: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(gold_file), "--engine", "quotemarks"])
    assert result.exit_code == 0, result.output
    for heading in ("message", "joint", "by gold type", "by role", "1 found (quotes overlap)"):
        assert heading in " ".join(result.stdout.split())
    assert "found as:" not in result.stdout  # every found quotation has the right type


def test_cli_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2
    assert "absent.jsonl: no such file" in " ".join(result.output.split())


def test_cli_evaluates_a_model_directory(gold_file: Path) -> None:
    default = runner.invoke(app, ["evaluate", str(gold_file), "--json", "--engine", "trained"])
    named = runner.invoke(app, ["evaluate", str(gold_file), "--json",
                                "--model", str(default_model_dir())])
    assert named.exit_code == 0, named.output
    assert json.loads(named.stdout)["engine"] == "trained"
    assert json.loads(named.stdout)["joint"] == json.loads(default.stdout)["joint"]


def test_cli_refuses_a_folder_that_is_no_model(gold_file: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(gold_file), "--model", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a model directory" in " ".join(result.output.split())
