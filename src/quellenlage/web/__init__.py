"""A read-only web API and search pages over an archive: `create_app(db_url)`.

`create_app` is imported on first use, so that the analysis worker processes, which only need
`quellenlage.web.analysis`, do not load the web stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quellenlage.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from quellenlage.web.app import create_app

        return create_app
    raise AttributeError(f"module 'quellenlage.web' has no attribute {name!r}")
