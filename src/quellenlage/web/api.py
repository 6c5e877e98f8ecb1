"""The JSON API under /api: the CLI's `--format json` shapes, read-only, each list a page with
its total (`offset`, `limit`, `total`, `items`), and each table also as CSV (`format=csv`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from quellenlage import __version__
from quellenlage.archive import Archive
from quellenlage.archive.search import Scope, SearchFilters, search_filters
from quellenlage.claims import ClaimSummary, ClaimTimeline
from quellenlage.claims.queries import claim_filters
from quellenlage.pipeline import check_engine
from quellenlage.web.analysis import AnalysisFailed, AnalysisPool, AnalysisTimeout, PoolFull

MAX_LIMIT = 200  # rows of a JSON page
MAX_CSV_ROWS = 10_000  # rows of a CSV table
MAX_ID = 2**63 - 1  # the largest id a database column holds
MAX_OFFSET = 10**9
MAX_TEXT_CHARS = 1_000_000
# Room for every character escaped in the JSON body (\uXXXX), plus the rest of the body.
MAX_ANALYZE_BYTES = 6 * MAX_TEXT_CHARS + 65_536
ANALYZE_PATH = "/api/analyze"
RETRY_AFTER_SECONDS = 5

router = APIRouter(prefix="/api")


# The dependencies are coroutines: a plain function would cost each request a hop to the
# thread pool.
async def opened_archive(request: Request) -> Archive:
    archive: Archive = request.app.state.archive
    return archive


def analysis_pool(request: Request) -> AnalysisPool:
    pool: AnalysisPool = request.app.state.analysis
    return pool


ArchiveDep = Annotated[Archive, Depends(opened_archive)]
Id = Annotated[int, Path(ge=1, le=MAX_ID)]
Text = Annotated[str | None, Query(max_length=500)]
Since = Annotated[str | None, Query(max_length=50, description="Published on or after "
                                                              "YYYY-MM-DD.")]
Until = Annotated[str | None, Query(max_length=50, description="Published on or before "
                                                              "YYYY-MM-DD.")]
Stance = Annotated[str | None, Query(max_length=50, description="A stance, e.g. deny.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Limit = Annotated[int | None, Query(ge=1, le=MAX_CSV_ROWS, description=(
    f"Rows to return: 20 by default, at most {MAX_LIMIT} in JSON and {MAX_CSV_ROWS:,} in CSV."
))]
Format = Annotated[Literal["json", "csv"], Query(description="json, or csv for a table.")]


def blank_as_none(value: str | None) -> str | None:
    """An empty form field means no filter."""
    if value is None or not value.strip():
        return None
    return value.strip()


@dataclass(frozen=True, slots=True)
class SearchForm:
    """The words and filters of a search, as the API and the search page take them."""

    q: str | None
    source: str | None
    source_id: int | None
    outlet: str | None
    since: str | None
    until: str | None
    type: str | None
    stance: str | None
    kind: str | None
    gender: str | None
    scope: Scope
    duplicates: bool

    def chooses(self) -> bool:
        """Whether words or a filter are given (the scope alone chooses nothing)."""
        return any(
            getattr(self, name) not in (None, False)
            for name in self.__slots__ if name != "scope"
        )

    def filters(self) -> SearchFilters:
        return search_filters(
            source=self.source, source_id=self.source_id, outlet=self.outlet, since=self.since,
            until=self.until, type=self.type, stance=self.stance, kind=self.kind,
            gender=self.gender, include_duplicates=self.duplicates,
        )


async def search_form(
    q: Annotated[str | None, Query(
        max_length=500,
        description='Words (all must occur), "a phrase", x OR y, -excluded or NOT excluded; '
        "none: every statement the filters let through.",
    )] = None,
    source: Annotated[str | None, Query(max_length=500,
                                        description="Part of the source's name.")] = None,
    source_id: Annotated[int | None, Query(ge=1, le=MAX_ID,
                                           description="The source's id.")] = None,
    outlet: Annotated[str | None, Query(max_length=500, description="The outlet, any case.")]
    = None,
    since: Since = None,
    until: Until = None,
    quote_type: Annotated[str | None, Query(
        alias="type", max_length=50,
        description="Direct, Indirect, FreeIndirect, IndirectFreeIndirect or Reported.",
    )] = None,
    stance: Stance = None,
    kind: Annotated[str | None, Query(
        max_length=50, description="The source's kind (person, organisation, state, media, "
        "collective, anonymous, unknown), or none: no source.",
    )] = None,
    gender: Annotated[str | None, Query(
        max_length=20, description="The source's gender: female, male or unknown."
    )] = None,
    scope: Annotated[Scope, Query(description="Statements, or article texts.")] = "quotes",
    duplicates: Annotated[bool, Query(description="Include near-duplicate copies.")] = False,
) -> SearchForm:
    return SearchForm(
        q=blank_as_none(q), source=blank_as_none(source), source_id=source_id,
        outlet=blank_as_none(outlet), since=blank_as_none(since), until=blank_as_none(until),
        type=blank_as_none(quote_type), stance=blank_as_none(stance), kind=blank_as_none(kind),
        gender=blank_as_none(gender), scope=scope, duplicates=duplicates,
    )


SearchFormDep = Annotated[SearchForm, Depends(search_form)]


def rows_wanted(limit: int | None, output: str) -> int:
    """The page size: 20 by default; a JSON page holds at most MAX_LIMIT rows."""
    if limit is None:
        return 20
    if output == "json" and limit > MAX_LIMIT:
        raise HTTPException(
            422, f"query limit: at most {MAX_LIMIT} in JSON ({MAX_CSV_ROWS:,} with format=csv)"
        )
    return limit


def page_of(items: Sequence[dict[str, Any]], total: int, offset: int, limit: int) -> dict[str, Any]:
    return {"total": total, "offset": offset, "limit": limit, "items": list(items)}


def json_response(data: dict[str, Any]) -> Response:
    """Plain JSON data as it is: FastAPI's encoder would walk it again (a cost of every search)."""
    return JSONResponse(data)


def _cell(value: object) -> object:
    # A cell a spreadsheet would run as a formula is kept as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def csv_response(rows: Iterable[dict[str, Any]], columns: Sequence[str], name: str) -> Response:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: _cell(row.get(column)) for column in columns})
    return Response(
        out.getvalue(), media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{name}.csv"'},
    )


HIT_COLUMNS = (
    "article_id", "position", "published", "outlet", "title", "url", "source", "source_id",
    "source_kind", "source_gender", "speaker", "type", "stance", "text",
)
CLAIM_COLUMNS = (
    "id", "label", "statements", "articles", "source_count", "sources", "first_seen",
    "last_seen", "undated", "stances",
)
TIMELINE_COLUMNS = (
    "date", "ingested", "outlet", "source", "source_id", "stance", "channel", "quote",
    "article_id", "position", "title", "url",
)


@router.get("/health")
def health(archive: ArchiveDep) -> dict[str, Any]:
    return {"status": "ok", "version": __version__, "counts": archive.counts()}


@router.get("/search")
def search(
    archive: ArchiveDep,
    form: SearchFormDep,
    offset: Offset = 0,
    limit: Limit = None,
    facets: Annotated[bool, Query(description="Also count by facet and by day.")] = False,
    output: Annotated[Format, Query(alias="format")] = "json",
) -> Response:
    """Statements (or articles) matching the words and filters, newest first: a page of hits
    (as `quellenlage search --format json`) with the total."""
    rows = rows_wanted(limit, output)
    filters = form.filters()
    hits, total = archive.search_page(
        form.q, filters, scope=form.scope, limit=rows, offset=offset
    )
    if output == "csv":
        return csv_response((hit.to_dict() for hit in hits), HIT_COLUMNS, "quellenlage-suche")
    answer = page_of([hit.to_dict() for hit in hits], total, offset, rows)
    if facets:
        summary = archive.search_summary(form.q, filters, scope=form.scope)
        answer.update({key: value for key, value in summary.to_dict().items() if key != "total"})
    return json_response(answer)


@router.get("/articles/{article_id}")
def article(archive: ArchiveDep, article_id: Id) -> dict[str, Any]:
    """One stored article with metadata and statements (a line of `quellenlage export`), each
    source with its id in the archive (`source_id`); where it was read from is not shown."""
    data = archive.article(article_id).to_dict()
    del data["origin"]  # a path on the server's disk is no one else's business
    return data


@router.get("/sources/{source_id}")
def source(archive: ArchiveDep, source_id: Id) -> dict[str, Any]:
    """One source: statements, articles, stances, outlets, first and last day, its claims.
    Its statements: /api/search?source_id=ID."""
    return archive.source(source_id).to_dict()


@router.get("/quoted")
def quoted(
    archive: ArchiveDep, since: Since = None, until: Until = None, outlet: Text = None
) -> dict[str, Any]:
    """Who is quoted: women and men, anonymous sources, kinds of source; in all, by outlet and
    by month of publication."""
    return archive.quoted(
        since=blank_as_none(since), until=blank_as_none(until), outlet=blank_as_none(outlet)
    ).to_dict()


@router.get("/claims")
def claims(
    archive: ArchiveDep,
    q: Annotated[str | None, Query(
        max_length=500, description="Words a statement of the claim contains."
    )] = None,
    source: Annotated[str | None, Query(max_length=500, description="Part of a source's name.")]
    = None,
    since: Since = None,
    until: Until = None,
    stance: Stance = None,
    min_articles: Annotated[int, Query(ge=1, le=MAX_ID,
                                       description="Made in at least this many articles.")] = 2,
    offset: Offset = 0,
    limit: Limit = None,
    output: Annotated[Format, Query(alias="format")] = "json",
) -> Response:
    """Claims linked across articles, the most widely reported first (as `quellenlage claims`),
    a page of them with the total."""
    rows = rows_wanted(limit, output)
    words, source, stance = blank_as_none(q), blank_as_none(source), blank_as_none(stance)
    since, until = blank_as_none(since), blank_as_none(until)
    found = archive.claims(
        words, source=source, since=since, until=until, stance=stance,
        min_articles=min_articles, limit=rows, offset=offset,
    )
    if output == "csv":
        return csv_response((claim_row(claim) for claim in found), CLAIM_COLUMNS,
                            "quellenlage-behauptungen")
    total = archive.count_claims(claim_filters(
        words, source=source, since=since, until=until, stance=stance, min_articles=min_articles
    ))
    return json_response(page_of([claim.to_dict() for claim in found], total, offset, rows))


def claim_row(claim: ClaimSummary) -> dict[str, Any]:
    row = claim.to_dict()
    row["sources"] = "; ".join(claim.sources)
    row["stances"] = "; ".join(f"{stance} {count}" for stance, count in claim.stances.items())
    return row


@router.get("/claims/{claim_id}")
def claim(
    archive: ArchiveDep,
    claim_id: Id,
    offset: Offset = 0,
    limit: Annotated[int | None, Query(ge=1, le=MAX_CSV_ROWS, description=(
        f"Statements of the timeline: {MAX_LIMIT} by default and at most in JSON, "
        f"{MAX_CSV_ROWS:,} in CSV."
    ))] = None,
    output: Annotated[Format, Query(alias="format")] = "json",
) -> Response:
    """One claim with its timeline of statements (as `quellenlage claim ID --format json`),
    from `offset` on; `total` is the number of its statements."""
    rows = MAX_LIMIT if limit is None else rows_wanted(limit, output)
    timeline = archive.claim(claim_id, offset=offset, limit=rows)
    if output == "csv":
        return csv_response(timeline_rows(timeline), TIMELINE_COLUMNS,
                            f"quellenlage-behauptung-{claim_id}")
    return json_response({**timeline.to_dict(), "total": timeline.claim.statements,
                          "offset": offset, "limit": rows})


def timeline_rows(timeline: ClaimTimeline) -> Iterable[dict[str, Any]]:
    return (entry.to_dict() for entry in timeline.entries)


class AnalyzeRequest(BaseModel):
    text: str
    engine: str | None = None


@router.post(
    "/analyze",
    responses={
        200: {"description": "The analysis (`Article.to_dict()`)."},
        413: {"description": "The text is longer than allowed, or its analysis too large."},
        503: {"description": "Every analysis worker is busy (see Retry-After)."},
        504: {"description": "The analysis ran past its time limit."},
    },
)
async def analyze_text(payload: AnalyzeRequest, request: Request) -> Response:
    """Who said what in a German text (`Article.to_dict()`); nothing is stored. It runs in a
    worker process with a time limit, apart from the reads."""
    text = payload.text
    if not text.strip():
        raise HTTPException(422, "text is empty")
    if len(text) > MAX_TEXT_CHARS:
        raise HTTPException(413, f"text is longer than {MAX_TEXT_CHARS:,} characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise HTTPException(
            422, f"text holds a lone surrogate at character {error.start}, which is not Unicode "
            "text; send UTF-8"
        ) from None
    engine = check_engine(payload.engine)
    try:
        body = await analysis_pool(request).analyze(text, engine)
    except PoolFull as error:
        raise HTTPException(
            503, str(error), headers={"retry-after": str(RETRY_AFTER_SECONDS)}
        ) from None
    except AnalysisTimeout as error:
        raise HTTPException(504, str(error)) from None
    except AnalysisFailed as error:
        raise HTTPException(error.status, str(error)) from None
    return Response(body, media_type="application/json")

