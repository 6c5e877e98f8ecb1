"""The ingest pipeline: read -> skip what is stored -> analyse (N workers) -> write (one writer).

Workers only compute; the main process is the single writer and commits whole articles in groups.
Killed at any moment, the archive holds whole articles only, and running the same ingest again
skips what is stored (by content hash, before analysis) and finishes the rest.

A bad input or article is reported and skipped. A fault of the run itself (the archive cannot be
written or read, a worker process dies) ends it at once with `IngestStopped`, which says how far
it got: the worker processes are ended, nothing waits for one that is gone, and what was
committed stays for the next run to build on.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing, suppress
from dataclasses import dataclass, field, replace
from typing import Protocol

from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from quellenlage.archive.database import database_reason, shown_url
from quellenlage.archive.records import PreparedArticle, content_hash
from quellenlage.archive.writer import ArchiveWriter, StoreResult
from quellenlage.errors import QuellenlageError
from quellenlage.ingest.parallel import map_in_order
from quellenlage.ingest.sources import (
    RawArticle,
    ReaderOptions,
    ReadProblem,
    count_articles,
    expand_inputs,
    input_problem,
    read_input,
)
from quellenlage.ingest.worker import AnalyseTask, Result, Skipped, Task, work
from quellenlage.pipeline import (
    DEFAULT_ENGINE,
    MAX_TEXT_CHARS,
    many_articles,
    many_articles_in_this_process,
    too_long,
)

HASH_BATCH = 64
GROUP_SIZE = 64
GROUP_SECONDS = 0.5
CHUNK_SIZE = 16
EXAMPLES = 10


class IngestStopped(QuellenlageError):
    """An ingest ended early by a fault of the archive or of a worker process; what was
    committed before stays, and the same ingest run again goes on from there."""


class ProgressHook(Protocol):
    def start(self, total: int | None) -> None: ...

    def advance(self, count: int = 1) -> None: ...


@dataclass(slots=True)
class IngestSummary:
    read: int = 0
    added: int = 0
    already_stored: int = 0
    near_duplicates: int = 0
    skipped_language: int = 0
    failed: int = 0
    attributions: int = 0
    seconds: float = 0.0
    languages: Counter[str] = field(default_factory=Counter)
    examples: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def note(self, skipped: Skipped) -> None:
        if skipped.kind == "stored":
            self.already_stored += 1
            return
        if skipped.kind == "language":
            self.skipped_language += 1
            self.languages[skipped.language or "unknown"] += 1
        else:
            self.failed += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append((skipped.origin, skipped.reason))

    def lines(self) -> list[str]:
        """The summary a person reads at the end of an ingest."""
        lines = [
            f"{self.read} articles read in {self.seconds:.1f} s ({self.rate:.1f} articles/s)",
            f"{self.added} stored with {self.attributions} statements; "
            f"{self.near_duplicates} of them near-duplicates of stored articles (linked)",
            f"{self.already_stored} already in the archive (skipped)",
        ]
        if self.skipped_language:
            languages = ", ".join(f"{lang} {n}" for lang, n in self.languages.most_common())
            lines.append(f"{self.skipped_language} skipped as not German ({languages})")
        if self.failed:
            lines.append(f"{self.failed} could not be read or analysed")
        lines.extend(f"  {origin}: {reason}" for origin, reason in self.examples)
        shown = len(self.examples)
        skipped = self.failed + self.skipped_language
        if skipped > shown:
            lines.append(f"  ... and {skipped - shown} more")
        return lines


def ingest(
    writer: ArchiveWriter,
    specs: list[str],
    *,
    workers: int = 1,
    options: ReaderOptions | None = None,
    progress: ProgressHook | None = None,
    engine: str = DEFAULT_ENGINE,
    max_chars: int = MAX_TEXT_CHARS,
) -> IngestSummary:
    """Read `specs` (files, folders, URLs, feeds), analyse and store every German article;
    a text longer than `max_chars` is reported and left out."""
    options = options or ReaderOptions()
    inputs, unreadable = expand_inputs(specs)

    def total() -> int | None:
        counts = [_count(spec, options) for spec in inputs]
        return None if any(c is None for c in counts) else sum(c or 0 for c in counts)

    raw = _read_all(inputs, options, unreadable)
    return run_tasks(writer, raw, total=total, workers=workers, progress=progress,
                     engine=engine, max_chars=max_chars)


def _count(spec: str, options: ReaderOptions) -> int | None:
    """The articles in `spec` for the progress bar; an input that cannot be read counts one
    (it is reported when it is read)."""
    try:
        return count_articles(spec, options)
    except Exception:  # reading the input says what is wrong with it, by name
        return 1


def _read_all(
    inputs: list[str], options: ReaderOptions, unreadable: Iterable[ReadProblem] = ()
) -> Iterator[RawArticle | Skipped]:
    """The articles of every input; an input that cannot be read, or stops being readable
    half-way, is reported by name and the others are read all the same."""
    for problem in unreadable:
        yield Skipped("failed", problem.origin, problem.reason)
    for spec in inputs:
        try:
            for item in read_input(spec, options):
                if isinstance(item, ReadProblem):
                    yield Skipped("failed", item.origin, item.reason)
                else:
                    yield item
        except Exception as error:  # one bad input must not stop the others
            yield Skipped("failed", spec, input_problem(spec, error))


def run_tasks(
    writer: ArchiveWriter,
    items: Iterable[RawArticle | Skipped | Task],
    *,
    total: int | Callable[[], int | None] | None,
    workers: int = 1,
    progress: ProgressHook | None = None,
    engine: str = DEFAULT_ENGINE,
    max_chars: int = MAX_TEXT_CHARS,
) -> IngestSummary:
    """Skip stored texts, analyse or prepare the rest on `workers` processes, store each one.

    `total` (for the progress bar) may be a function: it is then called once the worker
    processes are starting, so that counting the input overlaps with their start. A fault of
    the archive or of a worker process raises IngestStopped once the workers are ended.
    """
    too_long("", max_chars)  # an impossible limit is an error before any work
    summary = IngestSummary()
    started = time.perf_counter()
    store = _GroupStore(writer, summary, progress)
    try:
        with many_articles():
            tasks = _unstored(writer, items, engine, max_chars)
            results = (work(task) for task in tasks) if workers <= 1 else map_in_order(
                work, tasks, workers=workers, preload="quellenlage.ingest.worker",
                initializer=many_articles_in_this_process, chunk_size=CHUNK_SIZE)
            with closing(results):
                if progress is not None:
                    progress.start(total() if callable(total) else total)
                for result in results:
                    store.add(result)
            store.flush()
    except BrokenProcessPool:
        with suppress(DBAPIError, OSError):  # if the archive fails too, the worker is news
            store.flush()  # what the workers sent before is kept
        raise IngestStopped(
            f"a worker process ended unexpectedly (killed, or out of memory); "
            f"{_progress_note(summary)}"
        ) from None
    except DBAPIError as error:
        raise IngestStopped(
            f"the archive {shown_url(writer.engine.url)} cannot be written or read "
            f"({database_reason(error)}); {_progress_note(summary)}"
        ) from None
    except OSError as error:  # the worker processes could not be started or reached
        where = f"{error.filename}: " if error.filename else ""
        raise IngestStopped(
            f"the ingest failed ({where}{error.strerror or error}); {_progress_note(summary)}"
        ) from None
    summary.seconds = time.perf_counter() - started
    return summary


def _progress_note(summary: IngestSummary) -> str:
    return (f"{summary.added} articles were stored before it stopped; run the same command "
            "again to go on")


def _unstored(
    writer: ArchiveWriter, items: Iterable[RawArticle | Skipped | Task], engine: str,
    max_chars: int = MAX_TEXT_CHARS,
) -> Iterator[Task]:
    """Tasks for texts not stored yet; stored or repeated ones become Skipped("stored"), texts
    to analyse over `max_chars` Skipped("failed")."""
    seen: set[str] = set()
    pending: list[tuple[str, Task]] = []

    def flush() -> Iterator[Task]:
        known = writer.known_hashes(h for h, _ in pending)
        for digest, task in pending:
            if digest in known or digest in seen:
                origin = task.meta.origin if not isinstance(task, Skipped) else task.origin
                yield Skipped("stored", origin or "?", "already in the archive")
            else:
                seen.add(digest)
                yield task
        pending.clear()

    for item in items:
        if isinstance(item, RawArticle) and (reason := too_long(item.text, max_chars)):
            item = Skipped("failed", item.meta.origin or item.meta.url or "?", reason)
        if isinstance(item, Skipped):
            yield from flush()
            yield item
            continue
        digest = content_hash(item.text)
        task: Task = (
            AnalyseTask(item.text, item.meta, engine, digest) if isinstance(item, RawArticle)
            else replace(item, content_hash=digest)
        )
        pending.append((digest, task))
        if len(pending) >= HASH_BATCH:
            yield from flush()
    yield from flush()


class _GroupStore:
    """Collects prepared articles and stores them in groups: one transaction per group of up to
    GROUP_SIZE articles or GROUP_SECONDS of work, whichever comes first."""

    def __init__(
        self, writer: ArchiveWriter, summary: IngestSummary, progress: ProgressHook | None
    ) -> None:
        self.writer = writer
        self.summary = summary
        self.progress = progress
        self.pending: list[PreparedArticle] = []
        self.since = time.perf_counter()

    def add(self, result: Result) -> None:
        self.summary.read += 1
        if isinstance(result, Skipped):
            self.summary.note(result)
            if self.progress is not None:
                self.progress.advance()
            return
        if not self.pending:
            self.since = time.perf_counter()
        self.pending.append(result)
        if len(self.pending) >= GROUP_SIZE or time.perf_counter() - self.since > GROUP_SECONDS:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            try:
                stored = self.writer.store_many(self.pending)
            except Exception as error:
                if is_archive_fault(error):
                    raise
                stored = self._one_by_one()  # one article the database refuses: the rest
            for prepared, result in zip(self.pending, stored, strict=True):
                if result is None:
                    continue
                if result.status == "exists":
                    self.summary.already_stored += 1
                    continue
                self.summary.added += 1
                self.summary.attributions += len(prepared.attributions)
                if result.duplicate_of is not None:
                    self.summary.near_duplicates += 1
        if self.progress is not None and self.pending:
            self.progress.advance(len(self.pending))
        self.pending = []

    def _one_by_one(self) -> list[StoreResult | None]:
        """Each pending article in a transaction of its own; one the database refuses for what
        it holds is reported and skipped (None), a fault of the archive itself still stops."""
        results: list[StoreResult | None] = []
        for prepared in self.pending:
            try:
                results.append(self.writer.store(prepared))
            except Exception as error:
                if is_archive_fault(error):
                    raise
                origin = prepared.meta.origin or prepared.meta.url or "?"
                reason = f"not stored ({database_reason(error)})"
                self.summary.note(Skipped("failed", origin, reason))
                results.append(None)
        return results


def is_archive_fault(error: BaseException) -> bool:
    """Whether an error of the writer is a fault of the archive (full disk, read-only file,
    server gone), which stops the run, rather than one article's content, which skips it."""
    if isinstance(error, DBAPIError):
        return not isinstance(error, (DataError, IntegrityError))
    return isinstance(error, OSError)  # the system's, not the article's
