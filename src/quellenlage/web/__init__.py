"""A read-only web API and a small search page over an archive: `create_app(db_url)`."""

from quellenlage.web.app import create_app

__all__ = ["create_app"]
