"""Benchmark of the archive: articles/s and peak memory for extraction and ingest, scaling with
workers and corpus size, and search latency over 50k articles.

    .venv/bin/python benchmarks/archive_bench.py [--corpus ../shared/data/10kgnad/test.csv]
        [--postgres URL] [--sizes 1000,10000,50000] [--size-workers 2] [--only SECTION ...]

Each measurement runs in a fresh process, so "peak MB" is that run's own peak resident memory
(the writer process, and separately the largest worker process). Bigger corpora are made in a
temporary folder by repeating the real articles with their sentences sampled and shuffled (so
they are new texts, mostly not near-duplicates); nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "10kgnad" / "test.csv"
SENTENCE_END = re.compile(r"(?<=[.!?“\"])\s+(?=[A-ZÄÖÜ„\"])")
SEARCH_WORDS = (
    "Regierung", "Prozent", "Polizei", "Millionen", "Wien", "Präsident", "Euro", "Menschen",
    "Krieg", "Wahl", "Unternehmen", "Schule", "Zukunft", "Gesetz", "Kinder", "Spiel",
)
SEARCH_RUNS = 200
ENGINE: str | None = None  # --engine; None: the pipeline's default
PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
TICKS = os.sysconf("SC_CLK_TCK")


class Descendants(threading.Thread):
    """Samples this process's descendants (the worker processes) in /proc: the largest
    resident memory seen, and the CPU seconds each had used when last seen."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kb = 0
        self.cpu_ticks: dict[int, int] = {}
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(0.5):
            self.sample()

    def sample(self) -> None:
        parents: dict[int, int] = {}
        stats: dict[int, list[str]] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            stats[int(entry.name)] = fields
        me = os.getpid()
        for pid, fields in stats.items():
            ancestor = parents.get(pid)
            while ancestor not in (None, 0, 1, me):
                ancestor = parents.get(ancestor)
            if ancestor != me:
                continue
            self.cpu_ticks[pid] = int(fields[11]) + int(fields[12])  # utime + stime
            self.peak_kb = max(self.peak_kb, int(fields[21]) * PAGE_KB)

    def stop(self) -> tuple[float, float]:
        """(largest worker MB, worker CPU seconds)."""
        self.stopped.set()
        self.join()
        return round(self.peak_kb / 1024, 1), sum(self.cpu_ticks.values()) / TICKS


def peak_mb() -> float:
    """Peak resident memory of this process, in MB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def read_corpus(corpus: Path) -> list[str]:
    from quellenlage.ingest.sources import RawArticle, ReaderOptions, read_input

    return [item.text for item in read_input(str(corpus), ReaderOptions())
            if isinstance(item, RawArticle)]


def varied_corpus(texts: list[str], size: int, folder: Path) -> Path:
    """`size` articles as JSONL: the real ones, then variants (sentences sampled, shuffled)."""
    path = folder / f"corpus-{size}.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for number in range(size):
            text = texts[number % len(texts)]
            if number >= len(texts):
                rng = random.Random(number)
                sentences = SENTENCE_END.split(text)
                kept = [s for s in sentences if rng.random() < 0.75] or sentences[:3]
                rng.shuffle(kept)
                text = " ".join(kept)
            record = {"text": text, "outlet": f"Outlet {number % 7}",
                      "published": f"20{10 + number % 15}-0{1 + number % 9}-1{number % 10}"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def ingest_run(url: str, inputs: list[str], workers: int) -> dict[str, Any]:
    from quellenlage.archive import Archive

    sampler = Descendants()
    sampler.start()
    cpu_before = cpu_seconds()
    with Archive(url) as archive:
        summary = archive.ingest(inputs, workers=workers, engine=ENGINE)
        counts = archive.counts()
    writer_cpu = cpu_seconds() - cpu_before
    worker_peak, worker_cpu = sampler.stop()
    total_cpu = writer_cpu + worker_cpu
    return {
        "articles": summary.read,
        "stored": summary.added,
        "near_duplicates": summary.near_duplicates,
        "statements": summary.attributions,
        "seconds": round(summary.seconds, 2),
        "articles_per_s": round(summary.read / summary.seconds, 1),
        # Per CPU-second of all processes: what one core does, however busy the machine is.
        "articles_per_cpu_s": round(summary.read / total_cpu, 1) if total_cpu else None,
        "cpu_s": {"writer": round(writer_cpu, 2), "workers": round(worker_cpu, 2)},
        "peak_mb": peak_mb(),
        "worker_peak_mb": worker_peak,
        "archive": counts,
    }


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine

    from quellenlage.archive.database import parse_url

    engine = create_engine(parse_url(url))
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def search_latency(url: str) -> dict[str, Any]:
    """p50/p95 of word queries with a source filter, over the most quoted sources."""
    from sqlalchemy import func, select

    from quellenlage.archive import Archive
    from quellenlage.archive.schema import attributions, sources

    with Archive(url) as archive:
        with archive.engine.connect() as connection:
            top = connection.execute(
                select(sources.c.name)
                .join(attributions, attributions.c.source_id == sources.c.id)
                .where(sources.c.kind != "unknown")
                .group_by(sources.c.id, sources.c.name)
                .order_by(func.count().desc())
                .limit(20)
            ).scalars().all() or ["Polizei"]
        rng = random.Random(7)
        results: dict[str, Any] = {}
        for scope in ("quotes", "articles"):
            timings, hits = [], 0
            for _ in range(SEARCH_RUNS):
                word, source = rng.choice(SEARCH_WORDS), rng.choice(top)
                started = time.perf_counter()
                found = archive.search(word, source=source, scope=scope, limit=20)
                timings.append((time.perf_counter() - started) * 1000)
                hits += len(found)
            timings.sort()
            results[scope] = {
                "queries": SEARCH_RUNS,
                "p50_ms": round(statistics.median(timings), 2),
                "p95_ms": round(timings[int(0.95 * len(timings)) - 1], 2),
                "max_ms": round(timings[-1], 2),
                "mean_hits": round(hits / SEARCH_RUNS, 1),
            }
        results["sources_sampled"] = len(top)
    return results


def count_statements(job: tuple[str, str | None]) -> int:
    from quellenlage.pipeline import analyze

    text, engine = job  # the engine travels with the text: workers do not share globals
    return len(analyze(text, engine=engine).attributions)


def run_section(section: str, args: argparse.Namespace, scratch: Path) -> dict[str, Any]:
    corpus = Path(args.corpus)
    if section == "extract":
        from quellenlage.pipeline import analyze, many_articles

        texts = read_corpus(corpus)
        with many_articles():  # as ingest runs it
            started, cpu_before = time.perf_counter(), cpu_seconds()
            statements = sum(len(analyze(text, engine=ENGINE).attributions) for text in texts)
            seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_before
        return {"articles": len(texts), "statements": statements, "seconds": round(seconds, 2),
                "articles_per_s": round(len(texts) / seconds, 1),
                "articles_per_cpu_s": round(len(texts) / cpu, 1), "peak_mb": peak_mb()}
    if section == "extract-w2":
        # The control for the ingest speed-up: extraction alone on two processes shows how
        # much parallel speed this machine offers right now (other load included).
        import multiprocessing

        texts = read_corpus(corpus)
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["quellenlage.pipeline"])
        sampler = Descendants()
        sampler.start()
        started = time.perf_counter()
        with context.Pool(2) as pool:
            statements = sum(pool.imap(count_statements, [(t, ENGINE) for t in texts], 4))
        seconds = time.perf_counter() - started
        worker_peak, _ = sampler.stop()
        return {"articles": len(texts), "statements": statements, "seconds": round(seconds, 2),
                "articles_per_s": round(len(texts) / seconds, 1), "peak_mb": peak_mb(),
                "worker_peak_mb": worker_peak}
    if section.startswith("sqlite-w"):
        url = f"sqlite:///{scratch / (section + '.db')}"
        return ingest_run(url, [str(corpus)], workers=int(section.removeprefix("sqlite-w")))
    if section == "postgres":
        if not args.postgres:
            return {"skipped": "no PostgreSQL URL (--postgres or QUELLENLAGE_TEST_POSTGRES)"}
        reset_postgres(args.postgres)
        result = ingest_run(args.postgres, [str(corpus)], workers=1)
        reset_postgres(args.postgres)
        return result
    if section.startswith("size-"):
        size = int(section.removeprefix("size-"))
        path = varied_corpus(read_corpus(corpus), size, scratch)
        url = f"sqlite:///{scratch / (section + '.db')}"
        result = ingest_run(url, [str(path)], workers=args.size_workers)
        result["workers"] = args.size_workers
        path.unlink()
        if size == max(args.sizes):
            result["search"] = search_latency(url)
        return result
    raise SystemExit(f"unknown section {section}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--postgres", default=os.environ.get("QUELLENLAGE_TEST_POSTGRES"))
    parser.add_argument("--sizes", default="1000,10000,50000",
                        type=lambda v: [int(x) for x in v.split(",")])
    parser.add_argument("--size-workers", type=int, default=2)
    parser.add_argument("--only", nargs="*", help="sections to run (default: all)")
    parser.add_argument("--engine", default=None, help="extraction engine (default: pipeline's)")
    parser.add_argument("--run", help=argparse.SUPPRESS)  # one section, in this process
    parser.add_argument("--scratch", help=argparse.SUPPRESS)
    args = parser.parse_args()
    global ENGINE
    ENGINE = args.engine
    if not Path(args.corpus).exists():
        raise SystemExit(f"{args.corpus} is absent: the benchmark needs ../shared/data")

    if args.run:
        print(json.dumps(run_section(args.run, args, Path(args.scratch))))
        return

    sections = ["extract", "extract-w2", "sqlite-w1", "sqlite-w2", "postgres"]
    sections += [f"size-{size}" for size in args.sizes]
    if args.only:
        sections = [s for s in sections if s in args.only]
    print(f"# archive benchmark on {args.corpus}, engine {args.engine or 'default'}; "
          f"{os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.2f}", flush=True)
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="quellenlage-bench-") as scratch:
        for section in sections:
            command = [sys.executable, __file__, "--run", section, "--scratch", scratch,
                       "--corpus", args.corpus, "--sizes", ",".join(map(str, args.sizes)),
                       "--size-workers", str(args.size_workers)]
            if args.engine:
                command += ["--engine", args.engine]
            if args.postgres:
                command += ["--postgres", args.postgres]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                results[section] = {"error": done.stderr.strip().splitlines()[-1:]}
            else:
                results[section] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{section}: {json.dumps(results[section])}", flush=True)
    print_summary(results)


def print_summary(results: dict[str, Any]) -> None:
    def rate(section: str) -> float:
        return float(results.get(section, {}).get("articles_per_s", 0.0))

    print("\n# summary")
    for section in ("extract", "extract-w2", "sqlite-w1", "sqlite-w2", "postgres"):
        if section in results and "articles_per_s" in results[section]:
            r = results[section]
            per_cpu = r.get("articles_per_cpu_s")
            print(f"{section:10s} {r['articles_per_s']:8.1f} articles/s "
                  + (f"({per_cpu} per CPU-second)" if per_cpu else "")
                  + f"   peak {r['peak_mb']} MB"
                  + (f" (largest worker {r['worker_peak_mb']} MB)" if r.get("worker_peak_mb")
                     else ""))
    if rate("sqlite-w1") and rate("sqlite-w2"):
        speedup = rate("sqlite-w2") / rate("sqlite-w1")
        print(f"speed-up with 2 workers: {speedup:.2f}x ingest", end="")
        if rate("extract") and rate("extract-w2"):
            print(f"; {rate('extract-w2') / rate('extract'):.2f}x for extraction alone (what "
                  "this machine offered two processes during the run)", end="")
        print()
    sizes = sorted((int(s.removeprefix("size-")), r) for s, r in results.items()
                   if s.startswith("size-") and "seconds" in r)
    if sizes:
        base_size, base = sizes[0]
        for size, r in sizes:
            linear = base["seconds"] * size / base_size
            print(f"{size:6d} articles: {r['seconds']:8.1f} s  {r['articles_per_s']:7.1f} "
                  f"articles/s  ({r['seconds'] / linear:.2f} x linear)  peak {r['peak_mb']} MB")
        search = sizes[-1][1].get("search")
        if search:
            for scope in ("quotes", "articles"):
                s = search[scope]
                print(f"search {scope} with source filter over {sizes[-1][0]}: p50 "
                      f"{s['p50_ms']} ms, p95 {s['p95_ms']} ms, max {s['max_ms']} ms, "
                      f"{s['mean_hits']} hits/query")


if __name__ == "__main__":
    main()
