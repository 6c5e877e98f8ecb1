"""`quellenlage extract`: analyse files or standard input and print who said what."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer
from rich.table import Table

from quellenlage.cli.common import (
    EngineOption,
    MaxCharsOption,
    ModelOption,
    console,
    user_errors,
)
from quellenlage.errors import InputError
from quellenlage.model import Article
from quellenlage.pipeline import MAX_TEXT_CHARS, analyze, too_long
from quellenlage.text.reading import read_text

QUOTE_PREVIEW = 90
# short type names keep the table narrow; the JSON has the full ones
TYPE_LABELS = {"IndirectFreeIndirect": "IndirectFree", "FreeIndirect": "FreeIndirect"}


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def extract_command(
    inputs: Annotated[list[str], typer.Argument(help="UTF-8 text files, or - for standard input.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json, jsonl (one line a file), table.")
    ] = OutputFormat.json,
    engine: EngineOption = None,
    model: ModelOption = None,
    max_chars: MaxCharsOption = MAX_TEXT_CHARS,
) -> None:
    """Find quotations and reported speech, with speaker and cue, in German texts."""
    with user_errors():
        articles = [
            (name, analyze(_read_checked(name, max_chars), engine=engine, model_dir=model))
            for name in inputs
        ]
    if output_format is OutputFormat.jsonl:
        for _, article in articles:
            typer.echo(article.to_json(indent=None))
    elif output_format is OutputFormat.json:
        if len(articles) == 1:
            typer.echo(articles[0][1].to_json())
        else:
            typer.echo(json.dumps([a.to_dict() for _, a in articles], ensure_ascii=False, indent=2))
    else:
        for name, article in articles:
            console.print(article_table(article, title=name))


def _read_checked(name: str, max_chars: int) -> str:
    text = read_text(name)
    reason = too_long(text, max_chars)
    if reason:
        raise InputError(f"{name}: {reason}")
    return text


def shorten(text: str, limit: int = QUOTE_PREVIEW) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def article_table(article: Article, title: str | None = None) -> Table:
    """One row a statement: who (source and kind, else the speaker's words), cue, stance, type,
    channel and the quote. The quote gets the room; the other columns stay narrow."""
    table = Table(title=title, show_lines=False, expand=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("who", style="bold cyan", max_width=28)
    table.add_column("cue", style="magenta", max_width=16)
    table.add_column("stance", style="yellow", no_wrap=True)
    table.add_column("type", style="green", no_wrap=True)
    table.add_column("channel", style="blue", max_width=22)
    table.add_column("quote", min_width=30, ratio=1)
    for number, attribution in enumerate(article.attributions, start=1):
        source, channel = attribution.source, attribution.channel
        if source is not None:
            who = f"{source.name} [dim]({source.kind})[/]"
        else:
            who = attribution.speaker.text if attribution.speaker else "–"
        stance = attribution.stance or "–"
        if attribution.responds_to is not None:
            stance += f" → #{attribution.responds_to + 1}"
        table.add_row(
            str(number),
            who,
            attribution.cue.text if attribution.cue else "–",
            stance,
            TYPE_LABELS.get(str(attribution.type), str(attribution.type)),
            (channel.kind + (f" ({channel.outlet})" if channel.outlet else "")) if channel else "–",
            shorten(attribution.quote.text, QUOTE_PREVIEW),
        )
    if not article.attributions:
        table.caption = "no statements found"
    return table
