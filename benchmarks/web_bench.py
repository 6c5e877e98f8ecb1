"""Benchmark of `quellenlage serve` on loopback: search latency idle and under load (20
concurrent search clients while 10 analyze calls run), and one analysis of 1,000,000
characters (time, answer size, peak memory of the server and its analysis worker).

    .venv/bin/python benchmarks/web_bench.py [--corpus ../shared/data/10kgnad/test.csv]
        [--db sqlite:///web-bench.db] [--searches 30] [--workers 1] [--skip-large]

Without --db the 10kGNAD test articles are ingested (`quellenlage ingest ... --field
section=0`) and linked into a temporary SQLite archive; nothing is written into the repository.
The server runs as its own process (`quellenlage serve`), as a user starts it; the clients are
threads of this process. It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "10kgnad" / "test.csv"
CLI = Path(sys.executable).with_name("quellenlage")
SEARCHES = (
    {"q": "Regierung"}, {"q": "Polizei"}, {"q": "Prozent"}, {"q": "Präsident"},
    {"q": "Euro", "stance": "assert"}, {"q": "Wien OR Berlin"}, {"q": "Unternehmen NOT Bank"},
    {"q": "Kritik"}, {"q": "Wahl", "type": "Indirect"}, {"kind": "anonymous"},
)
ANALYZE_CLIENTS = 10
SEARCH_CLIENTS = 20
LARGE_CHARS = 1_000_000
PAGE_KB = 4


def request(url: str, body: bytes | None = None, timeout: float = 300) -> tuple[int, bytes]:
    headers = {"content-type": "application/json"} if body is not None else {}
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=body, headers=headers), timeout=timeout
        ) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def articles(corpus: Path) -> list[str]:
    with corpus.open(encoding="utf-8", newline="") as handle:
        return [row[1] for row in csv.reader(handle, delimiter=";", quotechar="'") if len(row) > 1]


def build_archive(corpus: Path, folder: Path) -> str:
    url = f"sqlite:///{folder / 'web-bench.db'}"
    started = time.perf_counter()
    subprocess.run([str(CLI), "ingest", str(corpus), "--field", "section=0", "--workers", "2",
                    "--db", url], check=True, stderr=subprocess.DEVNULL)
    subprocess.run([str(CLI), "link-claims", "--quiet", "--db", url], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"archive: {corpus.name} ingested and linked in {time.perf_counter() - started:.0f} s")
    return url


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: str, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    server = subprocess.Popen(
        [str(CLI), "serve", "--db", db, "--port", str(port), "--analyze-workers", str(workers)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if request(f"{base}/api/health", timeout=2)[0] == 200:
                return server, base
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def search_url(base: str, number: int) -> str:
    return f"{base}/api/search?{urllib.parse.urlencode(SEARCHES[number % len(SEARCHES)])}"


def timed_search(base: str, number: int) -> float:
    started = time.perf_counter()
    status, _ = request(search_url(base, number), timeout=60)
    if status != 200:
        raise SystemExit(f"search {search_url(base, number)} answered {status}")
    return (time.perf_counter() - started) * 1000


def percentiles(name: str, timings: list[float]) -> None:
    ordered = sorted(timings)
    p95 = ordered[max(0, int(0.95 * len(ordered)) - 1)]
    print(f"{name}: {len(ordered)} searches, p50 {statistics.median(ordered):.1f} ms, "
          f"p95 {p95:.1f} ms, max {ordered[-1]:.1f} ms")


SERVER_PID = 0  # the server process, whose CPU time per search is printed


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def concurrent_searches(base: str, per_client: int) -> list[float]:
    """The latencies of SEARCH_CLIENTS clients searching at once; prints the server's CPU time
    per search, which depends less on what else the machine runs than the latency does."""
    before = cpu_seconds(SERVER_PID)
    with ThreadPoolExecutor(SEARCH_CLIENTS) as pool:
        timings = list(pool.map(lambda n: timed_search(base, n),
                                range(SEARCH_CLIENTS * per_client)))
    used = cpu_seconds(SERVER_PID) - before
    print(f"  server CPU time per search: {used / len(timings) * 1000:.1f} ms")
    return timings


def under_load(base: str, texts: list[str], per_client: int) -> None:
    """20 search clients, each `per_client` searches, while 10 clients keep analyze busy."""
    stop = threading.Event()
    outcomes: dict[int, int] = {}
    lock = threading.Lock()

    def analyze_client(number: int) -> None:
        while not stop.is_set():
            text = texts[number % len(texts)]
            body = json.dumps({"text": text}).encode()
            status, _ = request(f"{base}/api/analyze", body)
            with lock:
                outcomes[status] = outcomes.get(status, 0) + 1
            number += ANALYZE_CLIENTS
            if status == 503:
                stop.wait(1)

    analysers = [threading.Thread(target=analyze_client, args=(n,), daemon=True)
                 for n in range(ANALYZE_CLIENTS)]
    for thread in analysers:
        thread.start()
    time.sleep(2)  # the workers are busy before the clock runs
    timings = concurrent_searches(base, per_client)
    stop.set()
    for thread in analysers:
        thread.join(120)
    percentiles(f"{SEARCH_CLIENTS} search clients while {ANALYZE_CLIENTS} analyze clients run",
                timings)
    print(f"  analyze answers meanwhile: {dict(sorted(outcomes.items()))}")


def family(pid: int) -> list[int]:
    """The process and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def peak_kb(pid: int) -> int:
    """The highest resident memory the process has had (VmHWM), in kB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def large_analysis(base: str, server_pid: int, texts: list[str]) -> None:
    text = ""
    for article in texts:
        if len(text) >= LARGE_CHARS:
            break
        text += article + "\n\n"
    text = text[:LARGE_CHARS]
    sampled = {"total_kb": 0}
    done = threading.Event()

    def sample() -> None:  # the server and its worker together, every 0.2 s
        while not done.wait(0.2):
            total = 0
            for pid in family(server_pid):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            sampled["total_kb"] = max(sampled["total_kb"], total)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.perf_counter()
    status, body = request(f"{base}/api/analyze", json.dumps({"text": text}).encode(),
                           timeout=600)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    workers = [pid for pid in family(server_pid) if pid != server_pid]
    worker_peak = max((peak_kb(pid) for pid in workers), default=0)
    detail = ""
    if status == 200:
        found = json.loads(body)
        detail = f", {len(found['attributions'])} statements, {len(body) / 1e6:.1f} MB answer"
    else:
        detail = f": {body.decode()[:200]}"
    print(f"analyze of {len(text):,} characters: status {status} in {seconds:.1f} s{detail}")
    print(f"  peak resident memory: server {peak_kb(server_pid) / 1024:.0f} MB, analysis worker "
          f"{worker_peak / 1024:.0f} MB, both together (sampled) "
          f"{sampled['total_kb'] / 1024:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--db", help="an archive made before (default: ingest the corpus)")
    parser.add_argument("--searches", type=int, default=30, help="searches per search client")
    parser.add_argument("--workers", type=int, default=1, help="serve --analyze-workers")
    parser.add_argument("--skip-large", action="store_true", help="no 1,000,000-char analysis")
    options = parser.parse_args()
    texts = articles(options.corpus)
    with tempfile.TemporaryDirectory() as folder:
        db = options.db or build_archive(options.corpus, Path(folder))
        server, base = start_server(db, options.workers)
        global SERVER_PID
        SERVER_PID = server.pid
        print(f"load average before: {' '.join(f'{v:.1f}' for v in os.getloadavg())} "
              f"({os.cpu_count()} cores)")
        try:
            request(f"{base}/api/analyze", json.dumps({"text": texts[0]}).encode())  # warm up
            percentiles("one client", [timed_search(base, n) for n in range(200)])
            percentiles(f"{SEARCH_CLIENTS} search clients, no analysis",
                        concurrent_searches(base, options.searches))
            under_load(base, texts, options.searches)
            if not options.skip_large:
                large_analysis(base, server.pid, texts)
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
