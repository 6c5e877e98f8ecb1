"""`quellenlage sources` (who is quoted in a set of articles) and `quellenlage evaluate-sources`
(accuracy of sources, channels and stance on the shipped test set)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from quellenlage.cli.common import console, user_errors
from quellenlage.errors import InputError
from quellenlage.model import Article
from quellenlage.pipeline import analyze
from quellenlage.text.reading import read_text

KINDS = ("person", "organisation", "state", "media", "collective", "anonymous", "unknown")


def _input_files(inputs: list[str]) -> list[str]:
    files: list[str] = []
    for name in inputs:
        path = Path(name)
        if name != "-" and path.is_dir():
            found = sorted(str(p) for p in path.rglob("*.txt"))
            if not found:
                raise InputError(f"{name}: no .txt files in this folder")
            files += found
        else:
            files.append(name)
    return files


def source_summary(articles: list[Article]) -> dict:
    """Counts of the sources of a set of articles: by source, by kind, anonymity and gender."""
    statements: Counter[tuple[str, str]] = Counter()
    persons: dict[str, str | None] = {}
    for article in articles:
        for attribution in article.attributions:
            source = attribution.source
            if source is None:
                continue
            statements[(source.name, source.kind)] += 1
            if source.kind == "person":
                persons[source.name] = persons.get(source.name) or source.gender
    by_kind = Counter()
    for (_, kind), count in statements.items():
        by_kind[kind] += count
    total = sum(statements.values())
    gender_statements = Counter()
    for (name, kind), count in statements.items():
        if kind == "person":
            gender_statements[persons.get(name) or "unknown"] += count
    return {
        "articles": len(articles),
        "statements_with_source": total,
        "by_kind": {kind: by_kind.get(kind, 0) for kind in KINDS},
        "anonymous_share": by_kind.get("anonymous", 0) / total if total else 0.0,
        "persons_by_gender": dict(Counter(g or "unknown" for g in persons.values())),
        "person_statements_by_gender": dict(gender_statements),
        "sources": [
            {"name": name, "kind": kind, "statements": count}
            for (name, kind), count in statements.most_common()
        ],
    }


def sources_command(
    inputs: Annotated[
        list[str], typer.Argument(help="UTF-8 text files, folders of .txt files, or - (stdin).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    limit: Annotated[int, typer.Option("--top", help="How many sources to list.")] = 30,
) -> None:
    """List the sources of a set of articles: counts by kind, anonymity, gender balance."""
    with user_errors():
        articles = [analyze(read_text(name)) for name in _input_files(inputs)]
    summary = source_summary(articles)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    table = Table(title=f"Sources in {summary['articles']} article(s)")
    table.add_column("source", style="bold cyan")
    table.add_column("kind", style="green")
    table.add_column("statements", justify="right")
    for row in summary["sources"][:limit]:
        table.add_row(row["name"], row["kind"], str(row["statements"]))
    console.print(table)
    total = summary["statements_with_source"]
    kinds = ", ".join(f"{kind} {count}" for kind, count in summary["by_kind"].items() if count)
    console.print(f"statements with a source: {total}" + (f" ({kinds})" if kinds else ""))
    console.print(f"anonymous share: {100 * summary['anonymous_share']:.1f}%")
    persons = summary["persons_by_gender"]
    said = summary["person_statements_by_gender"]
    console.print(
        "person sources by gender: "
        + (", ".join(f"{g} {n} ({said.get(g, 0)} statements)" for g, n in persons.items())
           or "none")
    )


def evaluate_sources_command(
    path: Annotated[
        str | None,
        typer.Argument(help="Test set (JSONL); default: the shipped sources test set."),
    ] = None,
    wikinews: Annotated[
        str | None,
        typer.Option("--wikinews", help="Also check pronoun/role-noun resolution on this "
                     "WikiNews quotation file (e.g. ../shared/data/wikinews-quotes/dev.jsonl)."),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
) -> None:
    """Print per-field accuracy of sources, channels and stance on the test set."""
    from quellenlage.evaluation.anaphora import check_end_to_end, check_resolution
    from quellenlage.evaluation.sources_testset import (
        FIELDS,
        load_testset,
        score_end_to_end,
        score_gold,
    )

    with user_errors():
        if path is not None and not Path(path).exists():
            raise InputError(f"{path}: no such file")
        paragraphs = load_testset(path)
        gold = score_gold(paragraphs)
        end_to_end, found, total = score_end_to_end(paragraphs)
    table = Table(title=f"Sources test set: {len(paragraphs)} paragraphs, {total} statements")
    table.add_column("field")
    table.add_column("gold spans", justify="right")
    table.add_column("end-to-end", justify="right")
    for name in FIELDS:
        table.add_row(
            name,
            f"{100 * gold.accuracy(name):.1f}% ({gold.correct[name]}/{gold.total[name]})",
            f"{100 * end_to_end.accuracy(name):.1f}% "
            f"({end_to_end.correct[name]}/{end_to_end.total[name]})",
        )
    console.print(table)
    console.print(f"end-to-end: the extractor found {found} of {total} expected statements")
    if verbose:
        for label, score in (("gold", gold), ("end-to-end", end_to_end)):
            for miss in score.mismatches:
                console.print(f"[dim]{label}[/] {miss.paragraph}#{miss.statement} {miss.field}: "
                              f"expected {miss.expected!r}, got {miss.observed!r}")
    if wikinews is not None:
        with user_errors():
            if not Path(wikinews).exists():
                raise InputError(f"{wikinews}: no such file")
            result = check_resolution(wikinews)
            pipeline_result, counted = check_end_to_end(wikinews)
        console.print("WikiNews pronoun and role-noun speakers, gold speaker spans resolved:")
        for label, anaphor in (("all", None), ("pronouns", "pronoun"), ("role nouns", "role")):
            ok, count = result.rate(anaphor)
            share = 100 * ok / count if count else 0.0
            console.print(f"  {label}: resolved to a name in the article {ok}/{count} "
                          f"({share:.1f}%)")
        ok, count = pipeline_result.rate()
        share = 100 * ok / count if count else 0.0
        console.print(f"End to end (the pipeline found {count} of the {counted} quotations): "
                      f"resolved to a name in the article {ok}/{count} ({share:.1f}%)")
        if verbose:
            for case in result.cases:
                if not case.ok:
                    console.print(f"[dim]unresolved[/] {case.speaker!r} -> {case.resolved!r} "
                                  f"({case.document[:60]})")
