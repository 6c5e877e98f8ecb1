"""Reading the published WikiNews format, and clear errors on malformed files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from quellenlage.errors import DataFormatError, InputError
from quellenlage.evaluation.dataset import read_gold, read_predictions
from tests.evaluation.minidocs import minister_document


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def as_line(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False)


def test_reads_documents_tokens_and_parts(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "gold.jsonl", [as_line(minister_document()), ""])
    [document] = read_gold(path)
    assert document.name == "minister"
    assert document.text.startswith("Die Ministerin sagte")
    assert document.tokens[1].text == "Ministerin"
    first = document.quotations[0]
    assert first.type == "Direct" and first.medium == "Speech"
    assert first.part("speaker").text == "Die Ministerin"
    assert first.part("frame").is_empty
    assert first.part("quote").char_spans is not None


def test_prediction_files_need_no_text_or_tokens(tmp_path: Path) -> None:
    record = {"documentName": "minister", "annotations": minister_document()["annotations"]}
    path = write_lines(tmp_path / "pred.jsonl", [as_line(record)])
    predictions = read_predictions(path)
    assert len(predictions["minister"].quotations) == 2


def test_prediction_folder_of_json_files(tmp_path: Path) -> None:
    (tmp_path / "minister.json").write_text(as_line(minister_document()), encoding="utf-8")
    assert list(read_predictions(tmp_path)) == ["minister"]


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ("[1, 2]", "line 2: expected a JSON object"),
        ('{"annotations": []}', "line 2: the document lacks the field 'documentName'"),
        ('{"documentName": "x", "originalText": "", "tokens": {}}', "'tokens' has the wrong type"),
        ('{"documentName": "x", "annotations": [{"quote": {"tokenIds": ["a"]}}]}',
         "annotation 0, quote: 'tokenIds' must hold integers"),
        ('{"documentName": "x", "annotations": [{"cue": {"spans": [{"charBegin": "1", '
         '"charEnd": 2}]}}]}', "'charBegin' has the wrong type"),
    ],
)
def test_malformed_lines_name_file_and_line(tmp_path: Path, broken: str, message: str) -> None:
    path = write_lines(tmp_path / "gold.jsonl", [as_line(minister_document()), broken])
    with pytest.raises(DataFormatError, match=message.replace("(", r"\(").replace("[", r"\[")):
        read_gold(path)


def test_duplicate_document_is_an_error(tmp_path: Path) -> None:
    line = as_line(minister_document())
    with pytest.raises(DataFormatError, match="line 2: document 'minister' appears twice"):
        read_gold(write_lines(tmp_path / "gold.jsonl", [line, line]))


def test_missing_file_and_wrong_encoding(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_gold(tmp_path / "absent.jsonl")
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes('{"documentName": "Bürgermeister"}\n'.encode("latin-1"))
    with pytest.raises(DataFormatError, match="not UTF-8"):
        read_predictions(latin)


def test_reads_the_released_dev_split(wikinews_dev: Path) -> None:
    documents = read_gold(wikinews_dev)
    assert len(documents) == 150
    assert sum(len(d.quotations) for d in documents) == 653
    assert sum(1 for d in documents if not d.quotations) > 0
