"""`quellenlage serve`: refuses a missing archive, otherwise hands the app to uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

from quellenlage.cli.main import app as cli


def test_serve_refuses_a_missing_archive_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--db", "sqlite:///missing.db"])
    assert result.exit_code == 2
    assert result.stdout == ""
    error = " ".join(result.stderr.split())
    assert error == "error: missing.db: no archive here; create one with `quellenlage ingest`"
    assert not (tmp_path / "missing.db").exists()


def test_serve_runs_the_app_on_the_given_address(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, Any] = {}

    def fake_run(app: FastAPI, *, host: str, port: int) -> None:
        started.update(app=app, host=host, port=port)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    result = CliRunner().invoke(cli, ["serve", "--db", db_url, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert isinstance(started["app"], FastAPI)
    assert (started["host"], started["port"]) == ("127.0.0.1", 8123)
