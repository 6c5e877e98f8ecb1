"""Bad input gets a clear result or a clear error: never a traceback, a crash or a hang."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quellenlage import analyze
from quellenlage.errors import InputError
from quellenlage.pipeline import ENGINES

SENTENCE = "Der Minister sagte, die Lage sei „unter Kontrolle“. "


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "quellenlage", *args], input=stdin, capture_output=True,
        timeout=120, check=False,
    )


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_empty_and_blank_text_have_no_statements(text: str, engine: str) -> None:
    article = analyze(text, engine=engine)
    assert article.text == text
    assert article.attributions == []


def test_text_without_quotation(engine: str) -> None:
    text = "Der Himmel ist blau. Morgen regnet es in Hamburg."
    assert analyze(text, engine=engine).attributions == []


def test_non_string_input_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="needs a str"):
        analyze(b"Der Minister sagte, es sei gut.")  # type: ignore[arg-type]


def test_unknown_engine_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="unknown engine"):
        analyze("Text", engine="magic")


@pytest.mark.parametrize(
    "text",
    [
        "„Das ist ein offenes Zitat ohne Ende, sagte er. Und es geht weiter.",
        "Ein Ende ohne Anfang“, sagte sie. »Und noch eins.",
        "„„„ “““ ‚‚ ‘‘ »» «« \"\"\" ''' „",
    ],
)
def test_unbalanced_quotation_marks(text: str, engine: str) -> None:
    article = analyze(text, engine=engine)
    for attribution in article.attributions:
        for start, end in attribution.quote.spans:
            assert 0 <= start < end <= len(text)


def test_hundreds_of_quotation_marks(engine: str) -> None:
    text = " ".join(f"„Zitat {i}“, sagte Sprecher {i}." for i in range(300))
    article = analyze(text, engine=engine)
    # each quotation with its cue is a statement; the trained engine may pass over a few
    assert len(article.attributions) >= 285


def test_five_megabytes_of_text() -> None:
    text = (SENTENCE * (5_000_000 // len(SENTENCE) + 1))[:5_000_000]
    article = analyze(text)  # the default engine; every stage must stay linear in the length
    assert len(article.attributions) > 10_000


def test_cli_rejects_invalid_utf8_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Der Bürgermeister sagte, es sei gut.".encode("latin-1"))
    result = run_cli("extract", str(path))
    assert result.returncode == 2
    assert b"not valid UTF-8" in result.stderr
    assert b"Traceback" not in result.stderr


def test_cli_error_is_one_line_with_the_whole_path(tmp_path: Path) -> None:
    folder = tmp_path / ("ein-sehr-langer-ordnername-" * 6) / "[entwurf]"
    folder.mkdir(parents=True)
    path = folder / "latin1.txt"
    path.write_bytes("Die Bürgermeisterin sagte, es sei gut.".encode("latin-1"))
    result = run_cli("extract", str(path))
    assert result.returncode == 2
    lines = result.stderr.decode("utf-8").strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and "not valid UTF-8" in lines[0]


def test_cli_reports_a_missing_file() -> None:
    result = run_cli("extract", "/nonexistent/article.txt")
    assert result.returncode == 2
    assert b"no such file" in result.stderr
    assert b"Traceback" not in result.stderr


def test_cli_reads_standard_input_as_json() -> None:
    result = run_cli("extract", "-", stdin=b"Laut Polizei wurde niemand verletzt.")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["attributions"][0]["speaker"]["text"] == "Polizei"


def test_cli_handles_empty_standard_input() -> None:
    result = run_cli("extract", "-", "--format", "table")
    assert result.returncode == 0, result.stderr
    assert b"no statements found" in result.stdout
