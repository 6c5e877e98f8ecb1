"""Benchmark of the text layer's tagger: tokens/s and milliseconds per article on 10kGNAD.

    .venv/bin/python benchmarks/tagger_bench.py [--corpus ../shared/data/10kgnad/test.csv]
        [--limit 1000] [--rounds 3]

Prints, on one core: the tokenizer and sentence splitter alone (what every article pays), the
tagger over every sentence (`document.morphology.tags()`), the tagger over only the sentences
that hold a verb of saying's cue (what a reader that asks only there pays), the chunks on top,
and the model's size on disk. Times are CPU seconds of this process, the best of `--rounds`
runs (the machine is shared); the first round also pays for each new word's cached features.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from quellenlage.evaluation.corpus import read_gnad_csv
from quellenlage.resources import data_path
from quellenlage.text import Document
from quellenlage.text.tagger import MODEL_DIR, default_tagger

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "10kgnad" / "test.csv"
CUE_WORDS = frozenset({"sagte", "sagt", "erklärte", "teilte", "so", "laut", "zufolge", "betonte",
                       "meinte", "hieß", "sprach", "kündigte", "kritisierte", "forderte"})


def best_of(rounds: int, work: Callable[[], None]) -> float:
    """The least CPU time of this process over `rounds` runs of `work`: on a shared machine
    wall time counts the other processes too."""
    times = []
    for _ in range(rounds):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    options = parser.parse_args()

    texts = [text for _, text in read_gnad_csv(options.corpus)][: options.limit]
    started = time.perf_counter()
    default_tagger()
    load = time.perf_counter() - started
    documents = [Document(text) for text in texts]
    tokens = sum(len(d.tokens) for d in documents)
    articles = len(documents)

    def tokenize() -> None:
        for text in texts:
            Document(text)

    def tag_all() -> None:
        for document in documents:
            document.__dict__.pop("morphology", None)
            document.morphology.tags()

    cue_sentences = [
        [s.index for s in d.sentences
         if any(t.text.lower() in CUE_WORDS for t in d.sentence_tokens(s))]
        for d in documents
    ]

    def tag_cue_sentences() -> None:
        for document, indices in zip(documents, cue_sentences, strict=True):
            document.__dict__.pop("morphology", None)
            for index in indices:
                document.morphology.sentence_tags(index)

    def chunk_all() -> None:
        for document in documents:
            document.__dict__.pop("morphology", None)
            for sentence in document.sentences:
                document.morphology.chunks(sentence.index)

    tagged_in_cue = sum(d.sentences[i].last - d.sentences[i].first
                        for d, indices in zip(documents, cue_sentences, strict=True)
                        for i in indices)
    print(f"corpus: {options.corpus} ({articles} articles, {tokens:,} tokens, "
          f"{tokens / articles:.0f} tokens per article); model loaded in {load:.2f} s")
    for name, work, counted in (
        ("tokens and sentences (Document)", tokenize, tokens),
        ("tagger, every sentence", tag_all, tokens),
        ("tagger, cue sentences only", tag_cue_sentences, tagged_in_cue),
        ("tagger and chunks, every sentence", chunk_all, tokens),
    ):
        seconds = best_of(options.rounds, work)
        print(f"{name:<36} {counted / seconds:>10,.0f} tokens/s  "
              f"{1000 * seconds / articles:6.3f} ms per article  ({counted:,} tokens)")
    folder = data_path(*MODEL_DIR)
    size = sum(path.stat().st_size for path in folder.iterdir()) / 1e6
    print(f"model size on disk: {size:.2f} MB ({folder})")


if __name__ == "__main__":
    main()
