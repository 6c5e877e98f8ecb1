"""Benchmark of `quellenlage extract` on one long text: time and peak memory as the text grows.

    .venv/bin/python benchmarks/extract_bench.py [--corpus ../shared/data/10kgnad/test.csv]
        [--sizes 1,2,4,5] [--engine rules]

Each size (in millions of characters) is a text made at run time in a temporary folder from the
real articles of the corpus, joined by empty lines (repeated from the start when the corpus is
shorter), cut at the size; nothing is written into the repository. Each `extract --format json`
runs in a fresh process: "wall s" is its elapsed time, "CPU s" its user and system time (steadier
than wall time on a shared machine), "peak MB" its largest resident memory, and "x" the ratio of
CPU time to that of the size before it (linear cost: the ratio of the sizes).
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "10kgnad" / "test.csv"
QUELLENLAGE = Path(sys.executable).with_name("quellenlage")


def corpus_texts(path: Path) -> list[str]:
    """The article texts of a 10kGNAD file (`label;'text'` a line)."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]


def long_text(texts: list[str], size: int) -> str:
    parts: list[str] = []
    length = 0
    while length < size:
        text = texts[len(parts) % len(texts)]
        parts.append(text)
        length += len(text) + 2
    return "\n\n".join(parts)[:size]


def run_extract(path: Path, engine: str | None) -> tuple[float, float, float, int]:
    """(wall s, CPU s, peak MB, output bytes) of one `extract --format json` process."""
    command = [str(QUELLENLAGE), "extract", str(path), "--format", "json"]
    if engine:
        command += ["--engine", engine]
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        assert process.stderr is not None
        error = process.stderr.read().decode(errors="replace").strip()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"extract failed on {path.name} (exit {process.returncode}): {error}")
        output_bytes = output.seek(0, os.SEEK_END)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default="1,2,4,5",
                        help="text sizes in millions of characters, comma-separated")
    parser.add_argument("--engine", choices=("trained", "rules"), default=None)
    options = parser.parse_args()
    if not options.corpus.is_file():
        raise SystemExit(f"{options.corpus}: no such corpus file")
    texts = corpus_texts(options.corpus)
    sizes = [float(size) for size in options.sizes.split(",")]
    print(f"extract --format json, engine {options.engine or 'default'}, "
          f"text from {options.corpus.name}")
    print(f"{'size M chars':>12} {'wall s':>8} {'CPU s':>8} {'x':>6} {'peak MB':>8} "
          f"{'JSON MB':>8}")
    previous: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"text-{size}.txt"
            path.write_text(long_text(texts, int(size * 1_000_000)), encoding="utf-8")
            wall, cpu, peak, output_bytes = run_extract(path, options.engine)
            ratio = f"{cpu / previous[1]:.2f}" if previous else "-"
            print(f"{size:>12g} {wall:>8.1f} {cpu:>8.1f} {ratio:>6} {peak:>8.0f} "
                  f"{output_bytes / 1e6:>8.1f}", flush=True)
            previous = (size, cpu)
            path.unlink()


if __name__ == "__main__":
    main()
