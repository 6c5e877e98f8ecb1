"""Shared fixtures. Data under ../shared is read in place and never copied into the repository;
tests that need it skip with a clear message where it is absent (a user's machine).

Archives for the storage and claim tests: every such test runs against SQLite and against
PostgreSQL. PostgreSQL comes from QUELLENLAGE_TEST_POSTGRES (`make test` starts a local server
with scripts/postgres.sh and sets it). Without it the PostgreSQL cases skip, except in CI, where
a missing server is a failure: the storage must be tested on both databases there.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from quellenlage.archive import Archive
from quellenlage.archive.database import parse_url

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


def shared_file(*parts: str) -> Path:
    """A file under ../shared/data, or skip the test when it is not there."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test needs ../shared beside the repository")
    return path


@pytest.fixture
def wikinews_dev() -> Path:
    return shared_file("wikinews-quotes", "dev.jsonl")


@pytest.fixture
def wikinews_train() -> Path:
    return shared_file("wikinews-quotes", "train.jsonl")


@pytest.fixture
def gnad_test() -> Path:
    return shared_file("10kgnad", "test.csv")


POSTGRES_ENV = "QUELLENLAGE_TEST_POSTGRES"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_ENV, "").strip()
    if not url:
        message = f"{POSTGRES_ENV} is not set: run `make test` or scripts/postgres.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return url


def fresh_postgres() -> str:
    """An empty database: the public schema dropped and made again."""
    url = postgres_url()
    engine = create_engine(parse_url(url))
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def archive_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.db'}"
    return fresh_postgres()


@pytest.fixture
def archive(archive_url: str) -> Iterator[Archive]:
    with Archive(archive_url) as opened:
        yield opened
