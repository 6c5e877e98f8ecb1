"""map_in_order, the worker pool of ingest and of the local batch engine."""

from __future__ import annotations

import subprocess
import sys
from contextlib import closing

from quellenlage.ingest.parallel import map_in_order

# Large results keep the workers sending all the time, so the consumer's stop ends them
# halfway through a result on almost every round. Run with -c, as the CLI is: the forkserver
# then has no __main__ file to import.
STOP_EARLY_ROUNDS = """
from contextlib import closing
from quellenlage.ingest.parallel import map_in_order
for _ in range(10):
    with closing(map_in_order(bytes, [4_000_000] * 40, workers=2,
                              preload="quellenlage.ingest.parallel", chunk_size=1)) as results:
        next(results)
print("stopped ten times")
"""


def test_results_come_in_the_order_of_the_items() -> None:
    with closing(map_in_order(len, ["ein", "Satz", "mit", "Wörtern"] * 20, workers=2,
                              preload="quellenlage.ingest.parallel", chunk_size=3)) as results:
        assert list(results) == [3, 4, 3, 7] * 20


def test_a_consumer_that_stops_early_lets_the_command_end() -> None:
    """Workers ended while sending a result left the executor's thread reading half a message
    forever, and the interpreter waited for that thread at exit (an ingest into a read-only
    archive hung now and then)."""
    run = subprocess.run([sys.executable, "-c", STOP_EARLY_ROUNDS], capture_output=True,
                         timeout=120, check=False)
    assert run.returncode == 0, run.stderr.decode()
    assert run.stdout.decode().strip() == "stopped ten times"
    assert b"leaked" not in run.stderr, run.stderr.decode()
