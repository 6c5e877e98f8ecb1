"""Analysis of posted texts in worker processes, apart from the server that reads the archive.

One request's analysis can take seconds of CPU time and much memory. Run on the server's own
threads it holds the thread pool and the interpreter lock that every search needs (100 analyses
made a 77 ms search take 4.6 s). Here it runs in a few worker processes at a lower scheduling
priority: the server only waits on a pipe. At most `workers + queue` analyses are taken at once;
another is refused at once (`PoolFull`, a 503 with Retry-After) rather than left to pile up. An
analysis that runs past `timeout` seconds is stopped with its process (`AnalysisTimeout`), and a
worker that exceeds its memory limit is replaced (`AnalysisFailed`).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import os
import resource
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

# The analysis function a worker runs: (text, engine) -> the JSON-ready result. A module-level
# function, so that a spawned worker can import it.
AnalyzeFunction = Callable[[str, str], dict[str, Any]]
STARTUP_SECONDS = 120


class PoolFull(Exception):
    """Every worker is busy and the queue is full."""


class AnalysisTimeout(Exception):
    """The analysis ran past its time limit and was stopped."""


class AnalysisFailed(Exception):
    """The analysis could not be made: too large a text for the memory or the answer (status
    413), the worker stopped (503), or the analysis raised an error (500)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class PoolSettings:
    workers: int = 1  # processes that analyse at once
    queue: int = 16  # analyses that may wait for a worker; more are refused
    timeout: float = 60.0  # seconds one analysis may take
    memory_bytes: int | None = 2 * 1024**3  # address space a worker may use (None: no limit)
    result_bytes: int = 64 * 1024**2  # the largest JSON answer a worker sends back


def analyze_article(text: str, engine: str) -> dict[str, Any]:
    """The default analysis: who said what in `text` (`Article.to_dict()`)."""
    from quellenlage.pipeline import analyze

    return analyze(text, engine=engine).to_dict()


def warm_up() -> None:
    """Load the pipeline and the default engine's model before the first request's clock runs."""
    from quellenlage.pipeline import DEFAULT_ENGINE

    analyze_article("„Ja“, sagte sie.", DEFAULT_ENGINE)


def _serve(connection: Connection, function: AnalyzeFunction, settings: PoolSettings) -> None:
    """A worker's loop: say ("ready", pid) once warmed up, then analyse each (text, engine)
    received and send back ("ok", JSON bytes) or (status, message) for a failure, until the
    pipe closes."""
    os.nice(10)  # the server's reads come first
    if settings.memory_bytes is not None:
        resource.setrlimit(resource.RLIMIT_AS, (settings.memory_bytes, settings.memory_bytes))
    warm_up()
    connection.send(("ready", os.getpid()))
    most = settings.result_bytes
    while True:
        try:
            text, engine = connection.recv()
        except (EOFError, OSError):
            return
        try:
            body = json.dumps(function(text, engine), ensure_ascii=False).encode("utf-8")
        except MemoryError:
            connection.send(("too_large", "the analysis needs more memory than a worker may "
                                          "use; send a shorter text"))
            continue
        except Exception as error:  # a fault of ours: said in one line, the worker goes on
            connection.send(("failed", f"the analysis failed: {type(error).__name__}: {error}"))
            continue
        if len(body) > most:
            connection.send(("too_large", f"the analysis is larger than {most:,} bytes; send a "
                                          "shorter text"))
        else:
            connection.send(("ok", body))


class _Worker:
    """One worker process and the pipe to it; started on first use, restarted when it died."""

    def __init__(self, function: AnalyzeFunction, settings: PoolSettings) -> None:
        self.function = function
        self.settings = settings
        self.process: BaseProcess | None = None
        self.connection: Connection | None = None

    def _start(self) -> Connection:
        context = multiprocessing.get_context("spawn")  # the server has threads: no fork
        ours, theirs = context.Pipe()
        process = context.Process(
            target=_serve, args=(theirs, self.function, self.settings), daemon=True,
            name="quellenlage-analysis",
        )
        process.start()
        theirs.close()
        self.process, self.connection = process, ours
        # Starting counts against no request's time limit.
        try:
            ready = ours.poll(STARTUP_SECONDS) and ours.recv()[0] == "ready"
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.stop()
            raise AnalysisFailed("the analysis worker did not start; see the server log", 503)
        return ours

    def run(self, text: str, engine: str) -> bytes:
        """The JSON of the analysis; blocks (on a thread of the pool's own)."""
        connection = self.connection
        if connection is None or self.process is None or not self.process.is_alive():
            self.stop()
            connection = self._start()
        try:
            connection.send((text, engine))
            if not connection.poll(self.settings.timeout):
                self.stop()
                raise AnalysisTimeout(
                    f"the analysis took longer than {self.settings.timeout:g} s and was "
                    "stopped; send a shorter text"
                )
            status, value = connection.recv()
        except (EOFError, OSError):
            self.stop()
            raise AnalysisFailed(
                "the analysis worker stopped (out of memory? see the server log)", 503
            ) from None
        if status != "ok":
            raise AnalysisFailed(value, 413 if status == "too_large" else 500)
        return bytes(value)

    def stop(self) -> None:
        if self.connection is not None:
            self.connection.close()
        if self.process is not None and self.process.is_alive():
            self.process.kill()
            self.process.join(5)
        self.process = self.connection = None


class AnalysisPool:
    """Worker processes for `analyze`, shared by the requests of one app."""

    def __init__(
        self, settings: PoolSettings | None = None, function: AnalyzeFunction = analyze_article
    ) -> None:
        self.settings = settings or PoolSettings()
        self._workers = [_Worker(function, self.settings) for _ in range(self.settings.workers)]
        self._idle: list[_Worker] = list(self._workers)
        self._free = threading.Condition()
        self._closed = False
        self._taken = 0  # analyses running or waiting
        self._lock = threading.Lock()
        # Its own threads wait on the pipes: the server's thread pool stays free for reads.
        self._threads = ThreadPoolExecutor(
            max_workers=self.settings.workers + self.settings.queue,
            thread_name_prefix="quellenlage-analysis",
        )

    async def analyze(self, text: str, engine: str) -> bytes:
        """The analysis as JSON bytes, or PoolFull, AnalysisTimeout, AnalysisFailed."""
        with self._lock:
            if self._taken >= self.settings.workers + self.settings.queue:
                raise PoolFull("all analysis workers are busy; try again in a few seconds")
            self._taken += 1
        try:
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self._threads, self._run, text, engine)
        finally:
            with self._lock:
                self._taken -= 1

    def _run(self, text: str, engine: str) -> bytes:
        with self._free:
            while not self._idle and not self._closed:
                self._free.wait()
            if self._closed:
                raise AnalysisFailed("the server is stopping", 503)
            worker = self._idle.pop()
        try:
            return worker.run(text, engine)
        finally:
            with self._free:
                self._idle.append(worker)
                self._free.notify()

    def close(self) -> None:
        """Stop the workers; analyses still waiting end with AnalysisFailed."""
        with self._free:
            self._closed = True
            self._free.notify_all()
        for worker in self._workers:
            worker.stop()
        self._threads.shutdown(wait=False, cancel_futures=True)
