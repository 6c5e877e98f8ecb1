"""POST /api/analyze runs in worker processes, apart from the reads: searches answer while every
worker is busy, a full queue is a 503 with Retry-After, an analysis past its time limit is
stopped (504), a result too large or a worker out of memory is a 413, a crashed worker is
replaced. The worker's analysis here is tests/web/analysis_probe.py: the text is a command."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2 as httpx
import pytest
from fastapi.testclient import TestClient

from quellenlage.web import create_app
from quellenlage.web.analysis import PoolSettings
from tests.web.analysis_probe import probe
from tests.web.server import serving


def probing_client(db_url: str, **settings: object) -> TestClient:
    app = create_app(db_url, analysis=PoolSettings(**settings), analyze_function=probe)  # type: ignore[arg-type]
    return TestClient(app, base_url="http://localhost")


@pytest.fixture(scope="module")
def probing(db_url: str) -> Iterator[TestClient]:
    """One worker, a queue of one, a time limit of 3 s, results up to 10,000 bytes and
    256 MB of address space per worker."""
    with probing_client(
        db_url, workers=1, queue=1, timeout=3.0, result_bytes=10_000, memory_bytes=2**28
    ) as client:
        yield client


def test_the_analysis_runs_in_another_process(probing: TestClient) -> None:
    answer = probing.post("/api/analyze", json={"text": "pid", "engine": "rules"})
    assert answer.status_code == 200
    assert answer.json()["engine"] == "rules"
    assert answer.json()["pid"] != os.getpid()


def test_searches_answer_while_every_worker_is_busy(db_url: str, tmp_path: Path) -> None:
    gate = tmp_path / "gate"
    app = create_app(db_url, analysis=PoolSettings(workers=1, queue=60), analyze_function=probe)
    with serving(app) as url, httpx.Client(base_url=url, timeout=60) as client, \
            ThreadPoolExecutor(max_workers=50) as threads:
        # More analyses than the server has threads for requests (40), all held by the gate.
        held = [threads.submit(client.post, "/api/analyze", json={"text": f"wait:{gate}"})
                for _ in range(45)]
        for _ in range(3):
            search = client.get("/api/search", params={"q": "Kosten"}, timeout=15)
            assert search.status_code == 200
            assert search.json()["total"] == 8
        assert client.get("/", params={"q": "Kosten"}, timeout=15).status_code == 200
        assert not any(future.done() for future in held)
        gate.touch()
        assert {future.result().status_code for future in held} == {200}


def test_a_full_queue_is_a_503_with_retry_after(probing: TestClient, tmp_path: Path) -> None:
    gate = tmp_path / "gate"
    answers: list[httpx.Response] = []
    running = [
        threading.Thread(target=lambda: answers.append(
            probing.post("/api/analyze", json={"text": f"wait:{gate}"})
        ))
        for _ in range(2)  # the worker and the queue's one place
    ]
    for thread in running:
        thread.start()
    pool = probing.app.state.analysis  # type: ignore[attr-defined]
    while pool._taken < 2:
        threading.Event().wait(0.02)
    refused = probing.post("/api/analyze", json={"text": "pid"})
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "5"
    assert refused.json() == {
        "detail": "all analysis workers are busy; try again in a few seconds"
    }
    gate.touch()
    for thread in running:
        thread.join(30)
    assert [answer.status_code for answer in answers] == [200, 200]


def test_an_analysis_past_its_time_limit_is_stopped(probing: TestClient) -> None:
    before = probing.post("/api/analyze", json={"text": "pid"}).json()["pid"]
    late = probing.post("/api/analyze", json={"text": "sleep:60"})
    assert late.status_code == 504
    assert late.json() == {
        "detail": "the analysis took longer than 3 s and was stopped; send a shorter text"
    }
    after = probing.post("/api/analyze", json={"text": "pid"})
    assert after.status_code == 200
    assert after.json()["pid"] != before  # a fresh worker


def test_too_large_a_result_or_too_much_memory_is_a_413(probing: TestClient) -> None:
    assert probing.post("/api/analyze", json={"text": "bytes:100"}).status_code == 200
    large = probing.post("/api/analyze", json={"text": "bytes:20000"})
    assert large.status_code == 413
    assert large.json() == {
        "detail": "the analysis is larger than 10,000 bytes; send a shorter text"
    }
    greedy = probing.post("/api/analyze", json={"text": f"memory:{2**30}"})
    assert greedy.status_code == 413
    assert greedy.json()["detail"].startswith("the analysis needs more memory than a worker")
    assert probing.post("/api/analyze", json={"text": "pid"}).status_code == 200


def test_a_crashed_worker_is_replaced(probing: TestClient) -> None:
    crashed = probing.post("/api/analyze", json={"text": "crash"})
    assert crashed.status_code == 503
    assert crashed.json()["detail"].startswith("the analysis worker stopped")
    assert probing.post("/api/analyze", json={"text": "pid"}).status_code == 200
