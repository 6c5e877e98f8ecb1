"""`quellenlage link-claims | claims | claim`: thin commands over quellenlage.claims."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from quellenlage.archive import DEFAULT_DB_URL, Archive
from quellenlage.claims import ClaimSummary, ClaimTimeline, LinkSettings
from quellenlage.claims.semantic import require_semantic
from quellenlage.cli.archive import DbOption, RichProgress, existing_archive
from quellenlage.cli.common import (
    EngineOption,
    console,
    day,
    error_console,
    progress_bar,
    user_errors,
)
from quellenlage.errors import InputError
from quellenlage.evaluation.claims import ClaimScores, evaluate_claims


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f")]
SemanticOption = Annotated[
    bool,
    typer.Option(
        "--semantic",
        help="Also link by meaning (sentence vectors; needs the optional extra "
        "quellenlage[semantic]; far slower).",
    ),
]


def link_claims_command(
    db: DbOption = DEFAULT_DB_URL,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    semantic: SemanticOption = False,
) -> None:
    """Link stored statements that make the same claim (only those not linked yet)."""
    with user_errors(db), existing_archive(db) as archive:
        _require_statements(archive)
        settings = LinkSettings(semantic=True) if semantic else None
        if semantic:
            require_semantic()
        if quiet:
            summary = archive.link_claims(settings=settings)
        else:
            with progress_bar("linking claims") as progress:
                summary = archive.link_claims(
                    settings=settings, progress=RichProgress(progress, "statements")
                )
    for line in summary.lines():
        console.print(line)


def claims_command(
    query: Annotated[
        str | None,
        typer.Argument(help='Words a statement of the claim contains ("a phrase", x OR y).'),
    ] = None,
    source: Annotated[str | None, typer.Option(help="Part of a source's name.")] = None,
    since: Annotated[str | None, typer.Option(help="Seen on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Seen on or before YYYY-MM-DD.")] = None,
    stance: Annotated[
        str | None, typer.Option(help="A statement of the claim has this stance (e.g. deny).")
    ] = None,
    min_articles: Annotated[
        int, typer.Option(help="Claims made in at least this many articles.")
    ] = 2,
    limit: Annotated[int, typer.Option(help="Most claims shown.")] = 20,
    output_format: FormatOption = OutputFormat.table,
    db: DbOption = DEFAULT_DB_URL,
) -> None:
    """List claims: label, statements, sources, first and last seen, the mix of stances."""
    with user_errors(db), existing_archive(db) as archive:
        _require_linked(archive)
        found = archive.claims(
            query, source=source, since=since, until=until, stance=stance,
            min_articles=min_articles, limit=limit,
        )
    if output_format is OutputFormat.json:
        typer.echo(json.dumps([claim.to_dict() for claim in found], ensure_ascii=False, indent=2))
    else:
        console.print(claims_table(found))


def claim_command(
    claim: Annotated[
        str,
        typer.Argument(
            help="The claim's id (from `quellenlage claims`), or words: the most widely "
            "reported claim with a statement that contains them."
        ),
    ],
    output_format: FormatOption = OutputFormat.table,
    db: DbOption = DEFAULT_DB_URL,
) -> None:
    """Show one claim's timeline: date, outlet, source, stance, channel and quote."""
    with user_errors(db), existing_archive(db) as archive:
        _require_linked(archive)
        if claim.strip().isdigit():
            claim_id = int(claim)
        else:
            found = archive.claims(claim, min_articles=1, limit=1)
            if not found:
                raise InputError(f"no claim has a statement with {claim!r}")
            claim_id = found[0].id
        timeline = archive.claim(claim_id)
    if output_format is OutputFormat.json:
        typer.echo(json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2))
    else:
        console.print(timeline_table(timeline))


def _stance_mix(claim: ClaimSummary) -> str:
    return ", ".join(f"{stance} {count}" for stance, count in claim.stances.items())


def claims_table(found: list[ClaimSummary]) -> Table:
    table = Table()
    table.add_column("id", justify="right", style="dim")
    table.add_column("claim")
    table.add_column("stmts", justify="right")
    table.add_column("articles", justify="right")
    table.add_column("sources", style="bold cyan")
    table.add_column("first", style="dim")
    table.add_column("last", style="dim")
    table.add_column("stances", style="green")
    for claim in found:
        label = claim.label if len(claim.label) <= 120 else claim.label[:119] + "…"
        names = ", ".join(claim.sources)
        if claim.source_count > len(claim.sources):
            names += f" (+{claim.source_count - len(claim.sources)})"
        table.add_row(
            str(claim.id), label, str(claim.statements), str(claim.articles), names or "–",
            day(claim.first_seen), day(claim.last_seen), _stance_mix(claim),
        )
    table.caption = f"{len(found)} claim{'' if len(found) == 1 else 's'}" if found else "no claims"
    return table


def timeline_table(timeline: ClaimTimeline) -> Table:
    claim = timeline.claim
    table = Table(title=f"claim {claim.id}: {claim.label}")
    table.add_column("date", style="dim")
    table.add_column("outlet")
    table.add_column("source", style="bold cyan")
    table.add_column("stance", style="green")
    table.add_column("channel")
    table.add_column("quote")
    for entry in timeline.entries:
        table.add_row(
            day(entry.date), entry.outlet or "–", entry.source or "–", entry.stance or "–",
            entry.channel or "–", entry.quote,
        )
    table.caption = (
        f"{claim.statements} statements in {claim.articles} articles from "
        f"{claim.source_count} sources; {_stance_mix(claim)}"
    )
    return table


NO_STATEMENTS = "the archive has no statements yet; add articles with `quellenlage ingest`"


def _require_statements(archive: Archive) -> None:
    statements, _ = archive.claims_linked()
    if not statements:
        raise InputError(NO_STATEMENTS)


def _require_linked(archive: Archive) -> None:
    statements, linked = archive.claims_linked()
    if not statements:
        raise InputError(NO_STATEMENTS)
    if not linked:
        raise InputError("no claims yet: link the statements with `quellenlage link-claims`")
    if statements > linked:
        error_console.print(
            f"[dim]note: {statements - linked} statements are not linked yet; "
            "`quellenlage link-claims` links them[/]"
        )


def evaluate_claims_command(
    articles: Annotated[
        Path, typer.Argument(help="Articles, one JSON object a line (the news-claims format).")
    ],
    gold: Annotated[
        Path, typer.Argument(help="Gold statements with claim keys, one article a line.")
    ],
    engine: EngineOption = None,
    semantic: SemanticOption = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as JSON instead of tables.")
    ] = False,
) -> None:
    """Ingest articles into a fresh temporary archive, link claims and score them against gold
    claim keys (the figures of ../shared/tools/claims_score.py)."""
    with user_errors():
        if semantic:
            require_semantic()
        scores = evaluate_claims(
            articles, gold, engine=engine, settings=LinkSettings(semantic=semantic)
        )
    if as_json:
        typer.echo(json.dumps(scores.to_dict(), ensure_ascii=False, indent=2))
        return
    console.print(wide_claims_table(scores))
    console.print(
        f"recall ceiling (both statements of a gold pair found): {scores.ceiling:.3f} "
        f"({scores.pairs_both_found} of {scores.pairs_tp + scores.pairs_fn} gold pairs)"
    )
    console.print(scores.summary(), soft_wrap=True)


def wide_claims_table(scores: ClaimScores) -> Table:
    table = Table(title="gold claims in three or more articles: their best predicted claim")
    table.add_column("gold claim")
    for name in ("articles", "stmts", "found", "purity", "coverage", "answers"):
        table.add_column(name, justify="right")
    for claim in sorted(scores.wide_claims, key=lambda c: (-c.statements, c.claim)):
        table.add_row(
            claim.claim, str(claim.articles), str(claim.statements), str(claim.found),
            f"{claim.purity:.2f}", f"{claim.coverage:.2f}",
            f"{claim.answers_in_claim}/{claim.answers}",
        )
    return table
