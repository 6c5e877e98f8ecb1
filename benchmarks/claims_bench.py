"""Benchmark of claim linking: statements/s on one core, growth with the archive, peak memory.

    .venv/bin/python benchmarks/claims_bench.py [--corpus ../shared/data/10kgnad/test.csv]
        [--sizes 1000,10000,50000] [--engine rules] [--semantic] [--undated]

First the 10kGNAD test archive (1,028 real articles) is ingested and linked; then archives of
about 1k, 10k and 50k statements, made from the same articles repeated with their sentences
sampled and shuffled (archive_bench.varied_corpus; dates spread over 15 years, or none with
--undated: then the time window prunes no candidate, the worst case), are ingested and
linked. Ingest uses two workers and is not timed here; each linking runs alone in a fresh
process (linking is single-threaded), so "peak MB" is the linking's own peak resident memory
and statements per CPU second is what one core does however busy the machine is. A second
linking run on each archive shows that nothing is left to do (incremental). Nothing is
written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from archive_bench import (  # the sibling benchmark's corpus tools
    DEFAULT_CORPUS,
    cpu_seconds,
    peak_mb,
    read_corpus,
    varied_corpus,
)

STATEMENTS_PER_ARTICLE = 5.5  # about, in 10kGNAD: sizes the generated corpora


def link_run(url: str, semantic: bool) -> dict[str, Any]:
    from quellenlage.archive import Archive
    from quellenlage.claims import LinkSettings

    settings = LinkSettings(semantic=semantic)
    with Archive(url) as archive:
        cpu_before = cpu_seconds()
        started = time.perf_counter()
        summary = archive.link_claims(settings=settings)
        seconds = time.perf_counter() - started
        cpu = cpu_seconds() - cpu_before
        again = archive.link_claims(settings=settings)
        counts = archive.counts()
    return {
        "statements": summary.statements,
        "seconds": round(seconds, 2),
        "statements_per_s": round(summary.statements / seconds, 1) if seconds else None,
        "statements_per_cpu_s": round(summary.statements / cpu, 1) if cpu else None,
        "peak_mb": peak_mb(),
        "comparisons_per_statement": round(summary.compared / max(summary.statements, 1), 2),
        "claims": summary.claims_total,
        "shared_claims": summary.shared_claims,
        "second_run_statements": again.statements,
        "articles": counts.get("articles"),
    }


def undated(corpus: Path) -> None:
    records = [json.loads(line) for line in corpus.read_text("utf-8").splitlines()]
    corpus.write_text("".join(
        json.dumps({k: v for k, v in record.items() if k != "published"}, ensure_ascii=False)
        + "\n" for record in records
    ), "utf-8")


def ingest(url: str, inputs: list[str], engine: str | None) -> None:
    from quellenlage.archive import Archive

    with Archive(url) as archive:
        archive.ingest(inputs, workers=2, engine=engine)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--sizes", default="1000,10000,50000",
                        type=lambda v: [int(x) for x in v.split(",")])
    parser.add_argument("--engine", default=None, help="extraction engine (default: pipeline's)")
    parser.add_argument("--semantic", action="store_true", help="link with meaning as well")
    parser.add_argument("--undated", action="store_true",
                        help="generated articles without dates (no time window)")
    parser.add_argument("--link", help=argparse.SUPPRESS)  # link this archive, in this process
    args = parser.parse_args()
    if args.link:
        print(json.dumps(link_run(args.link, args.semantic)))
        return
    if not Path(args.corpus).exists():
        raise SystemExit(f"{args.corpus} is absent: the benchmark needs ../shared/data")
    print(f"# claims benchmark on {args.corpus}, engine {args.engine or 'default'}, "
          f"semantic {args.semantic}, undated {args.undated}; {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.2f}", flush=True)
    texts = read_corpus(Path(args.corpus))
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="quellenlage-claims-bench-") as folder:
        scratch = Path(folder)
        jobs = [("10kgnad-test", str(args.corpus))]
        for size in args.sizes:
            articles = max(1, round(size / STATEMENTS_PER_ARTICLE))
            corpus = varied_corpus(texts, articles, scratch)
            if args.undated:
                undated(corpus)
            jobs.append((f"statements-{size}", str(corpus)))
        for name, corpus in jobs:
            url = f"sqlite:///{scratch / (name + '.db')}"
            ingest(url, [corpus], args.engine)
            command = [sys.executable, __file__, "--link", url]
            if args.semantic:
                command.append("--semantic")
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                results[name] = {"error": done.stderr.strip().splitlines()[-1:]}
            else:
                results[name] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{name}: {json.dumps(results[name])}", flush=True)
    print("\narchive                statements  seconds  statements/s  per CPU s  peak MB  "
          "compared")
    for name, result in results.items():
        if "error" in result:
            print(f"{name:<22} error: {result['error']}")
            continue
        print(f"{name:<22} {result['statements']:>10,} {result['seconds']:>8} "
              f"{result['statements_per_s']:>13} {result['statements_per_cpu_s']:>10} "
              f"{result['peak_mb']:>8} {result['comparisons_per_statement']:>9}")


if __name__ == "__main__":
    main()
