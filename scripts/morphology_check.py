"""What the text layer's case, mood and chunks would fix in the readers, measured on
../shared/data/news-sources/dev.jsonl (real articles; nothing of them is written anywhere).

    .venv/bin/python scripts/morphology_check.py [--data ../shared/data/news-sources/dev.jsonl]
        [--engine trained|rules] [--examples 5]

1. Speakers: each gold statement is paired with the predicted statement whose quote overlaps it
   most (as ../shared/tools/e2e_score.py pairs them). Where both have a speaker, the predicted
   speaker span, and the nominative chunk inside it (`Morphology.nominative_phrase_in`), are
   compared with the gold speaker as word sets without articles and prepositions.
2. Mood: sentences fall into three groups: covered by a gold IndirectFreeIndirect statement
   (Konjunktiv speech without a cue, which a continuation rule should find), inside another
   gold statement, and outside every statement (where a flag is a false continuation). The word
   list (attribution/lexicon.py `subjunctive_forms`) and the tagger (`is_subjunctive`) each say
   whether the sentence holds a Konjunktiv form.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from quellenlage import analyze
from quellenlage.attribution.lexicon import subjunctive_forms
from quellenlage.pipeline import DEFAULT_ENGINE
from quellenlage.text import Document

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "news-sources" / "dev.jsonl"
STOP = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem",
        "einen", "von", "vom", "zu", "zur", "zum", "in", "im", "am", "an", "und", "laut", "nach"}


def words(text: str | None) -> frozenset[str]:
    return frozenset(t for t in re.findall(r"\w+", (text or "").casefold()) if t not in STOP)


def locate(text: str, phrase: str | None, start: int) -> tuple[int, int] | None:
    if not phrase:
        return None
    at = text.find(phrase, start)
    if at < 0:
        at = text.find(phrase)
    return (at, at + len(phrase)) if at >= 0 else None


def located_statements(article: dict) -> Iterator[tuple[dict, tuple[int, int]]]:
    """Each gold statement whose quote is found in the text, with the quote's span."""
    position = 0
    for gold in article["statements"]:
        quote = locate(article["text"], gold["quote"], position)
        if quote is not None:
            position = quote[0]
            yield gold, quote


def overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> int:
    return sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for b in spans)


def speakers(articles: list[dict], engine: str, examples: int) -> None:
    counts: Counter[str] = Counter()
    shown: dict[str, list[str]] = {"fixed": [], "broken": []}
    for article in articles:
        text = article["text"]
        document = Document(text)
        predicted = analyze(text, engine=engine).attributions
        used: set[int] = set()
        for gold, quote in located_statements(article):
            best, best_overlap = None, 0
            for number, statement in enumerate(predicted):
                if number in used:
                    continue
                shared = overlap(quote, list(statement.quote.spans))
                if shared > best_overlap:
                    best, best_overlap = number, shared
            if best is None:
                continue
            statement = predicted[best]
            shorter = min(quote[1] - quote[0], statement.quote.end - statement.quote.start)
            if best_overlap * 2 < shorter:
                continue
            used.add(best)
            if not gold["speaker"] or statement.speaker is None:
                continue
            counts["paired with speakers"] += 1
            gold_words = words(gold["speaker"])
            span_right = words(statement.speaker.text) == gold_words
            first, last = document.token_span(statement.speaker.start, statement.speaker.end)
            chunk = document.morphology.nominative_phrase_in(first, last)
            chunk_text = None if chunk is None else text[slice(*document.char_span(
                chunk.start, chunk.end))]
            chunk_right = chunk is not None and words(chunk_text) == gold_words
            # the reader's choice: the chunk where the span holds one, else the span
            choice_right = chunk_right if chunk is not None else span_right
            counts["span right"] += span_right
            counts["chunk found"] += chunk is not None
            counts["chunk right"] += chunk_right
            counts["span, or chunk where found, right"] += choice_right
            if chunk is not None and chunk_right and not span_right:
                counts["fixed (span wrong, chunk right)"] += 1
                shown["fixed"].append(f"{statement.speaker.text!r} -> {chunk_text!r}")
            if span_right and chunk is not None and not chunk_right:
                counts["broken (span right, chunk wrong)"] += 1
                shown["broken"].append(f"{statement.speaker.text!r} -> {chunk_text!r}")
            if not span_right and gold_words < words(statement.speaker.text):
                counts["span too long (holds the gold words)"] += 1
    print("1. speaker spans of the default engine vs gold speakers (word sets)")
    for key, value in counts.items():
        print(f"   {key:<42} {value}")
    for kind, lines in shown.items():
        for line in lines[:examples]:
            print(f"   {kind}: {line}")


def moods(articles: list[dict], examples: int) -> None:
    forms = subjunctive_forms()
    # (group, list finds a form, tagger finds one) -> sentences
    table: Counter[tuple[str, bool, bool]] = Counter()
    first_only: Counter[tuple[str, bool]] = Counter()  # (group, tagger finds Konjunktiv I)
    finite_listed: Counter[tuple[str, bool]] = Counter()  # a listed form tagged as finite verb
    shown: dict[str, list[str]] = {}
    for article in articles:
        text = article["text"]
        document = Document(text)
        spans: dict[str, list[tuple[int, int]]] = {"free": [], "other": []}
        for gold, quote in located_statements(article):
            spans["free" if gold["type"] == "IndirectFreeIndirect" else "other"].append(quote)
        for sentence in document.sentences:
            length = sentence.end - sentence.start
            if overlap((sentence.start, sentence.end), spans["free"]) * 2 > length:
                group = "IndirectFreeIndirect"
            elif overlap((sentence.start, sentence.end), spans["other"]) > 0:
                group = "in another statement"
            else:
                group = "in no statement"
            tokens = document.sentence_tokens(sentence)
            listed = [t.text for t in tokens if t.text in forms]
            tagged = [document.tokens[i].text
                      for i in document.morphology.subjunctive_in(sentence.first, sentence.last)]
            table[(group, bool(listed), bool(tagged))] += 1
            first_only[(group, any(document.morphology.mood(i) == "Subj1"
                                   for i in range(sentence.first, sentence.last)))] += 1
            finite_listed[(group, any(t.text in forms and document.morphology.is_finite_verb(
                t.index) for t in tokens))] += 1
            if group != "in another statement" and bool(listed) != bool(tagged):
                key = f"{group}: {'list' if listed else 'tagger'} only"
                shown.setdefault(key, []).append(f"list {listed} tagger {tagged}")
    print("2. sentences by gold group: does the word list / the tagger find a Konjunktiv form?")
    groups = ("IndirectFreeIndirect", "in another statement", "in no statement")
    for group in groups:
        cells = [f"list {'+' if a else '-'} tagger {'+' if b else '-'}: {table[(group, a, b)]:4}"
                 for a in (True, False) for b in (True, False)]
        print(f"   {group:<22} " + "   ".join(cells))
    for name, found in (("list", 1), ("tagger", 2)):
        hits = sum(v for k, v in table.items() if k[found] and k[0] == groups[0])
        false = sum(v for k, v in table.items() if k[found] and k[0] == groups[2])
        total = sum(v for k, v in table.items() if k[0] == groups[0])
        print(f"   {name:<6} finds {hits}/{total} IndirectFreeIndirect sentences "
              f"({100 * hits / total:.1f} %), flags {false} sentences outside any statement")
    total = sum(v for k, v in first_only.items() if k[0] == groups[0])
    for name, counts in (("tagger, Konjunktiv I only", first_only),
                         ("list, where the tagger reads a finite verb", finite_listed)):
        print(f"   {name}: finds {counts[(groups[0], True)]}/{total} "
              f"({100 * counts[(groups[0], True)] / total:.1f} %), flags "
              f"{counts[(groups[2], True)]} sentences outside any statement")
    for key, lines in sorted(shown.items()):
        print(f"   {key}: {len(lines)}; e.g. " + "; ".join(lines[:examples]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--engine", default=DEFAULT_ENGINE)
    parser.add_argument("--examples", type=int, default=5)
    options = parser.parse_args()
    articles = [json.loads(line) for line in options.data.read_text(encoding="utf-8").splitlines()
                if line.strip()]
    speakers(articles, options.engine, options.examples)
    moods(articles, options.examples)


if __name__ == "__main__":
    main()
