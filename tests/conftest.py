"""Shared fixtures. Data under ../shared is read in place and never copied into the repository;
tests that need it skip with a clear message where it is absent (a user's machine)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
