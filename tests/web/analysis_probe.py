"""An analysis function for the tests of the analysis workers: the posted text is a command.

wait:PATH   waits until the file PATH exists (a worker kept busy until the test says so)
sleep:S     sleeps S seconds
bytes:N     answers with a text of N characters
memory:N    allocates N bytes
crash       ends the worker process
pid         answers with the worker's process id
It lives in a module of its own, so that a spawned worker process can import it.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any


def probe(text: str, engine: str) -> dict[str, Any]:
    command, _, argument = text.partition(":")
    if command == "wait":
        while not Path(argument).exists():
            time.sleep(0.02)
    elif command == "sleep":
        time.sleep(float(argument))
    elif command == "bytes":
        return {"text": "x" * int(argument)}
    elif command == "memory":
        return {"size": len(bytearray(int(argument)))}
    elif command == "crash":
        os._exit(3)
    return {"pid": os.getpid(), "engine": engine}
