"""`quellenlage sources` (who is quoted in a set of articles) and `quellenlage evaluate-sources`
(sources, channels, stance and responses measured on annotated statements)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from quellenlage.cli.common import EngineOption, console, user_errors
from quellenlage.errors import InputError
from quellenlage.model import Article
from quellenlage.pipeline import analyze, check_engine
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


def _stance_model_trained_on(path: Path) -> bool:
    from quellenlage.evaluation.stance_training import file_digest
    from quellenlage.stance.classifier import shipped_classifier

    classifier = shipped_classifier()
    return classifier is not None and classifier.trained_on_digest(file_digest(path))


def write_analyses(folder: Path, names: list[str], articles: list[Article]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, article in zip(names, articles, strict=True):
            (folder / f"{name}.json").write_text(article.to_json(), encoding="utf-8")
    except OSError as error:
        raise InputError(f"{folder}: cannot write the predictions ({error.strerror})") from None


def evaluate_sources_command(
    path: Annotated[
        str | None,
        typer.Argument(help="Gold statements (JSONL, the sources test set's format, e.g. "
                       "../shared/data/news-sources/dev.jsonl); default: the shipped test set."),
    ] = None,
    engine: EngineOption = None,
    wikinews: Annotated[
        str | None,
        typer.Option("--wikinews", help="Also check pronoun/role-noun resolution on this "
                     "WikiNews quotation file (e.g. ../shared/data/wikinews-quotes/dev.jsonl)."),
    ] = None,
    predictions_out: Annotated[
        Path | None,
        typer.Option("--write-predictions", help="Write the analysis of each paragraph to this "
                     "folder as ID.json (what ../shared/tools/e2e_score.py reads)."),
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as JSON instead of tables.")
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False,
) -> None:
    """Per-field accuracy of sources, channels and stance with gold spans and end to end, and
    the end-to-end figures of who said what (as ../shared/tools/e2e_score.py defines them)."""
    from quellenlage.evaluation.anaphora import check_end_to_end, check_resolution
    from quellenlage.evaluation.sources_testset import (
        FIELDS,
        default_testset,
        load_testset,
        score_end_to_end,
        score_gold,
    )

    with user_errors():
        chosen = check_engine(engine)
        if path is not None and not Path(path).exists():
            raise InputError(f"{path}: no such file")
        paragraphs = load_testset(path)
        gold = score_gold(paragraphs)
        end_to_end = score_end_to_end(paragraphs, lambda text: analyze(text, engine=chosen))
        if predictions_out is not None:
            write_analyses(predictions_out, [p.id for p in paragraphs], end_to_end.articles)
    fields, counts = end_to_end.fields, end_to_end.counts
    in_sample = _stance_model_trained_on(Path(path) if path else default_testset())
    if as_json:
        payload = {
            "data": path or "sources test set", "engine": chosen,
            "stance_model_trained_on_this_file": in_sample,
            "gold_spans": {name: gold.accuracy(name) for name in FIELDS},
            "end_to_end_fields": {name: fields.accuracy(name) for name in FIELDS},
            "end_to_end": counts.to_dict(),
        }
        typer.echo(json.dumps(payload, indent=2))
        return
    table = Table(title=f"{Path(path).name if path else 'Sources test set'}: "
                  f"{len(paragraphs)} paragraphs, {counts.gold} statements, engine {chosen}")
    table.add_column("field")
    table.add_column("gold spans", justify="right")
    table.add_column("end-to-end", justify="right")
    for name in FIELDS:
        table.add_row(
            name,
            f"{100 * gold.accuracy(name):.1f}% ({gold.correct[name]}/{gold.total[name]})",
            f"{100 * fields.accuracy(name):.1f}% ({fields.correct[name]}/{fields.total[name]})",
        )
    console.print(table)
    console.print(f"end to end: {counts.summary()}", soft_wrap=True)
    if in_sample:
        console.print("note: the stance classifier was trained on this file, so its stance "
                      "figures here are in-sample; `quellenlage train-stance` reports "
                      "cross-validated ones", soft_wrap=True)
    if verbose:
        for label, score in (("gold", gold), ("end-to-end", fields)):
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
