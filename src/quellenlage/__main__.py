"""`python -m quellenlage`: the same as the `quellenlage` command."""

from quellenlage.cli.main import app

app()
