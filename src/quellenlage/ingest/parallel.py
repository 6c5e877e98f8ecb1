"""A function over a stream of items on worker processes, results in the order of the items.

Used by ingest and by the local batch engine. The main thread hands the workers a few chunks
each at a time (memory stays flat) and takes the results back in order. Nothing can wait
forever: a worker that dies breaks the pool, so the next result raises BrokenProcessPool at once
(multiprocessing.Pool's imap waited forever for a dead worker's chunk), and when the consumer
stops (an error of its own, or closing the iterator) the workers are ended without waiting for
the work queued to them.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

CHUNKS_IN_FLIGHT_PER_WORKER = 4  # queued work per worker while the main thread writes
WORKER_EXIT_SECONDS = 5


def map_in_order(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    *,
    workers: int,
    preload: str,
    initializer: Callable[[], None] | None = None,
    chunk_size: int = 16,
) -> Iterator[Result]:
    """`function` of each item, computed on `workers` processes forked from a server that has
    imported module `preload` (no database connection is ever inherited, each worker starts in
    milliseconds). Close the iterator (contextlib.closing) when the consumer may stop early."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload])
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer)
    in_flight: deque[Future[list[Result]]] = deque()
    limit = workers * CHUNKS_IN_FLIGHT_PER_WORKER
    stream = iter(items)
    try:
        while chunk := list(islice(stream, chunk_size)):
            while len(in_flight) >= limit or (in_flight and in_flight[0].done()):
                yield from in_flight.popleft().result()
            in_flight.append(executor.submit(_apply, function, chunk))
        while in_flight:
            yield from in_flight.popleft().result()
    except BaseException:  # also GeneratorExit: the consumer stopped
        end_workers(executor)
        raise
    executor.shutdown(wait=True)


def _apply(function: Callable[[Item], Result], chunk: list[Item]) -> list[Result]:
    """A chunk of items, one round trip to a worker process."""
    return [function(item) for item in chunk]


def end_workers(executor: ProcessPoolExecutor) -> None:
    """End the worker processes now, without waiting for the work queued to them. The executor
    has no public way to do this before Python 3.14 (terminate_workers), hence _processes.

    A worker ended halfway through sending its result leaves half a message in the result pipe,
    and the executor's thread, reading it, then waits forever for the rest (the interpreter
    joins that thread at exit, so the command never ends). The workers send under the result
    queue's write lock: holding it while they are ended means none of them is sending."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    write_lock = getattr(getattr(executor, "_result_queue", None), "_wlock", None)
    # A worker killed from outside while it held the lock never gives it back: wait a little
    holding = write_lock is not None and write_lock.acquire(timeout=WORKER_EXIT_SECONDS)
    try:
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(WORKER_EXIT_SECONDS)
            if process.is_alive():
                process.kill()
                process.join(WORKER_EXIT_SECONDS)
    finally:
        if holding:
            write_lock.release()
