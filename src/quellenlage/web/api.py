"""The JSON API under /api: the shapes of the CLI's `--format json` output, read-only."""

from __future__ import annotations

import threading
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel

from quellenlage import __version__
from quellenlage.archive import Archive
from quellenlage.pipeline import analyze, check_engine

MAX_LIMIT = 200
MAX_TEXT_CHARS = 1_000_000
# Room for every character escaped in the JSON body (\uXXXX), plus the rest of the body.
MAX_ANALYZE_BYTES = 6 * MAX_TEXT_CHARS + 65_536
ANALYZE_PATH = "/api/analyze"

# The trained engine's tagger is shared by the process and not safe to run in two threads.
_analyze_lock = threading.Lock()

router = APIRouter(prefix="/api")


def opened_archive(request: Request) -> Archive:
    archive: Archive = request.app.state.archive
    return archive


ArchiveDep = Annotated[Archive, Depends(opened_archive)]
Since = Annotated[str | None, Query(description="On or after YYYY-MM-DD.")]
Until = Annotated[str | None, Query(description="On or before YYYY-MM-DD.")]
Stance = Annotated[str | None, Query(description="A stance label, e.g. deny.", max_length=50)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def blank_as_none(value: str | None) -> str | None:
    """An empty form field means no filter."""
    if value is None or not value.strip():
        return None
    return value.strip()


@router.get("/health")
def health(archive: ArchiveDep) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "counts": archive.counts()}


@router.get("/search")
def search(
    archive: ArchiveDep,
    q: Annotated[
        str,
        Query(
            min_length=1, max_length=500,
            description='Words (all must occur), "a phrase", x OR y, -excluded.',
        ),
    ],
    source: Annotated[
        str | None, Query(max_length=500, description="Part of the source's name.")
    ] = None,
    outlet: Annotated[
        str | None, Query(max_length=500, description="The outlet, any case.")
    ] = None,
    since: Since = None,
    until: Until = None,
    quote_type: Annotated[
        str | None,
        Query(alias="type", description="Direct, Indirect, FreeIndirect, IndirectFreeIndirect "
              "or Reported."),
    ] = None,
    stance: Stance = None,
    scope: Annotated[
        Literal["quotes", "articles"], Query(description="Statements, or article texts.")
    ] = "quotes",
    duplicates: Annotated[bool, Query(description="Include near-duplicate copies.")] = False,
    limit: Limit = 20,
) -> list[dict[str, Any]]:
    """Statements (or articles) matching the words and filters, as `quellenlage search`."""
    hits = archive.search(
        q,
        source=blank_as_none(source),
        outlet=blank_as_none(outlet),
        since=blank_as_none(since),
        until=blank_as_none(until),
        type=blank_as_none(quote_type),
        stance=blank_as_none(stance),
        scope=scope,
        include_duplicates=duplicates,
        limit=limit,
    )
    return [hit.to_dict() for hit in hits]


@router.get("/articles/{article_id}")
def article(archive: ArchiveDep, article_id: int) -> dict[str, Any]:
    """One stored article with metadata and statements (a line of `quellenlage export`)."""
    return archive.article(article_id).to_dict()


@router.get("/claims")
def claims(
    archive: ArchiveDep,
    q: Annotated[
        str | None, Query(max_length=500, description="Words a statement of the claim contains.")
    ] = None,
    source: Annotated[
        str | None, Query(max_length=500, description="Part of a source's name.")
    ] = None,
    since: Since = None,
    until: Until = None,
    stance: Stance = None,
    min_articles: Annotated[int, Query(ge=1, description="Made in at least this many articles.")]
    = 2,
    limit: Limit = 20,
) -> list[dict[str, Any]]:
    """Claims linked across articles, the most widely reported first, as `quellenlage claims`."""
    found = archive.claims(
        blank_as_none(q),
        source=blank_as_none(source),
        since=blank_as_none(since),
        until=blank_as_none(until),
        stance=blank_as_none(stance),
        min_articles=min_articles,
        limit=limit,
    )
    return [claim.to_dict() for claim in found]


@router.get("/claims/{claim_id}")
def claim(archive: ArchiveDep, claim_id: int) -> dict[str, Any]:
    """One claim with its timeline of statements, as `quellenlage claim ID --format json`."""
    return archive.claim(claim_id).to_dict()


class AnalyzeRequest(BaseModel):
    text: str
    engine: str | None = None


@router.post("/analyze")
def analyze_text(request: AnalyzeRequest) -> dict[str, Any]:
    """Who said what in a German text (`Article.to_dict()`); nothing is stored."""
    if not request.text.strip():
        raise HTTPException(422, "text is empty")
    if len(request.text) > MAX_TEXT_CHARS:
        raise HTTPException(413, f"text is longer than {MAX_TEXT_CHARS:,} characters")
    engine = check_engine(request.engine)
    with _analyze_lock:
        return analyze(request.text, engine=engine).to_dict()
