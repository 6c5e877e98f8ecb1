"""One place that reads the package's data files (lexicons, gazetteers, models)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

DATA_PACKAGE = "quellenlage.data"


def data_path(*parts: str) -> Path:
    """The path of a shipped data file, e.g. data_path("lexicons", "cues.tsv")."""
    return Path(str(resources.files(DATA_PACKAGE).joinpath(*parts)))


@cache
def read_lines(*parts: str) -> tuple[str, ...]:
    """Non-empty lines of a data file, without `#` comments and surrounding whitespace."""
    lines = []
    for raw in data_path(*parts).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            lines.append(line)
    return tuple(lines)


@cache
def read_table(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated data file; the first row names the columns and is skipped."""
    rows = [tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(*parts)]
    return tuple(rows[1:])


@cache
def read_json(*parts: str) -> Any:
    return json.loads(data_path(*parts).read_text(encoding="utf-8"))
