"""`quellenlage serve`: refuses a missing archive, otherwise hands the app to uvicorn, answering
localhost, the --host address and each --allow-host name."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
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


def test_serve_answers_the_hosts_it_is_told(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **_: started.update(app=app))
    result = CliRunner().invoke(
        cli, ["serve", "--db", db_url, "--host", "192.0.2.7", "--allow-host", "archiv.example",
              "--analyze-workers", "2", "--analyze-timeout", "90"],
    )
    assert result.exit_code == 0, result.output
    with TestClient(started["app"]) as client:
        for host in ("archiv.example", "192.0.2.7:8000", "localhost:8000"):
            assert client.get("/api/health", headers={"host": host}).status_code == 200, host
        assert client.get("/api/health", headers={"host": "boese.example"}).status_code == 400
        settings = client.app.state.analysis.settings  # type: ignore[attr-defined]
        assert (settings.workers, settings.timeout) == (2, 90)
