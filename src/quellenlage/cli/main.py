"""`quellenlage`: the command group. Each command lives in its own module and is registered here."""

from __future__ import annotations

import logging

import typer

from quellenlage.cli import (
    archive,
    bench,
    claims,
    evaluate,
    extract,
    sources,
    stance,
    tagger,
    train,
    web,
)

app = typer.Typer(
    name="quellenlage",
    help="Who said what in German news: quotations, speakers, sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)



def _print_version(value: bool) -> None:
    if value:
        from quellenlage import __version__

        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", help="Print the version and exit.", is_eager=True,
        callback=_print_version,
    ),
) -> None:
    """Who said what in German news: quotations, speakers, sources."""
    # A lost database connection is reported in one line of our own; the driver's warning
    # about the pipeline it could not close would print a second one.
    logging.getLogger("psycopg").setLevel(logging.ERROR)


app.command("extract")(extract.extract_command)
app.command("evaluate")(evaluate.evaluate_command)
app.command("bench")(bench.bench_command)
app.command("train")(train.train_command)
app.command("train-tagger")(tagger.train_tagger_command)
app.command("sources")(sources.sources_command)
app.command("evaluate-sources")(sources.evaluate_sources_command)
app.command("train-stance")(stance.train_stance_command)
app.command("ingest")(archive.ingest_command)
# a query may start with "-" (an excluded word): an argument, not an unknown option
QUERY_FIRST = {"ignore_unknown_options": True}
app.command("search", context_settings=QUERY_FIRST)(archive.search_command)
app.command("export")(archive.export_command)
app.command("batch")(archive.batch_command)
app.command("load")(archive.load_command)
app.command("link-claims")(claims.link_claims_command)
app.command("claims", context_settings=QUERY_FIRST)(claims.claims_command)
app.command("claim")(claims.claim_command)
app.command("evaluate-claims")(claims.evaluate_claims_command)
app.command("serve")(web.serve_command)


def main() -> None:  # pragma: no cover - entry point
    app()
