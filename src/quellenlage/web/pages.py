"""The HTML pages: a search form with its hits at /, one article at /articles/{id}, the claims
linked across articles at /claims and one claim's timeline at /claims/{id}."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from quellenlage.errors import QuellenlageError
from quellenlage.model import QuoteType
from quellenlage.web.api import ArchiveDep

PAGE_HITS = 50
PAGE_CLAIMS = 50
# Stances that take a side on a claim get a colour, so disagreement shows at a glance.
STYLED_STANCES = frozenset({"assert", "confirm", "deny", "not_confirm"})

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _day(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M").removesuffix(" 00:00") if moment else "–"


def _date_only(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else "–"


def _stance_class(stance: str | None) -> str | None:
    return f"stance-{stance}" if stance in STYLED_STANCES else None


def _web_link(url: str | None) -> str | None:
    """Only http(s) addresses become links: a stored `javascript:` URL must not run."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.PackageLoader("quellenlage.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
)
templates.env.filters["day"] = _day
templates.env.filters["web_link"] = _web_link
templates.env.filters["date_only"] = _date_only
templates.env.filters["stance_class"] = _stance_class

Field = Annotated[str | None, Query(max_length=500)]


@router.get("/")
def search_page(
    request: Request,
    archive: ArchiveDep,
    q: Field = None,
    source: Field = None,
    outlet: Field = None,
    since: Field = None,
    until: Field = None,
    quote_type: Annotated[str | None, Query(alias="type", max_length=50)] = None,
    stance: Field = None,
) -> Response:
    given = {
        "q": q, "source": source, "outlet": outlet, "since": since, "until": until,
        "type": quote_type, "stance": stance,
    }
    form = {name: (value or "").strip() for name, value in given.items()}
    context: dict[str, Any] = {
        "form": form,
        "types": [member.value for member in QuoteType],
        "hits": None,
        "most_hits": PAGE_HITS,
        "counts": None,
        "error": None,
    }
    if not form["q"]:
        context["counts"] = archive.counts()
        return templates.TemplateResponse(request, "search.html", context)
    return _with_results(
        request, "search.html", context, "hits",
        lambda: archive.search(
            form["q"],
            source=form["source"] or None,
            outlet=form["outlet"] or None,
            since=form["since"] or None,
            until=form["until"] or None,
            type=form["type"] or None,
            stance=form["stance"] or None,
            limit=PAGE_HITS,
        ),
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, archive: ArchiveDep, article_id: int) -> Response:
    stored = archive.article(article_id)
    context = {"stored": stored, "claim_of": archive.article_claims(article_id)}
    return templates.TemplateResponse(request, "article.html", context)


@router.get("/claims")
def claims_page(
    request: Request,
    archive: ArchiveDep,
    q: Field = None,
    source: Field = None,
    since: Field = None,
    until: Field = None,
    stance: Field = None,
    min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 2,
) -> Response:
    given = {"q": q, "source": source, "since": since, "until": until, "stance": stance}
    form: dict[str, Any] = {name: (value or "").strip() for name, value in given.items()}
    form["min_articles"] = min_articles
    statements, linked = archive.claims_linked()
    context: dict[str, Any] = {
        "form": form,
        "statements": statements,
        "unlinked": statements - linked,
        "claims": None,
        "most_claims": PAGE_CLAIMS,
        "error": None,
    }
    if not linked:
        return templates.TemplateResponse(request, "claims.html", context)
    return _with_results(
        request, "claims.html", context, "claims",
        lambda: archive.claims(
            form["q"] or None,
            source=form["source"] or None,
            since=form["since"] or None,
            until=form["until"] or None,
            stance=form["stance"] or None,
            min_articles=min_articles,
            limit=PAGE_CLAIMS,
        ),
    )


@router.get("/claims/{claim_id}")
def claim_page(request: Request, archive: ArchiveDep, claim_id: int) -> Response:
    timeline = archive.claim(claim_id)
    return templates.TemplateResponse(request, "claim.html", {"timeline": timeline})


def _with_results(
    request: Request, template: str, context: dict[str, Any], key: str,
    find: Callable[[], object],
) -> Response:
    """The page with context[key] = find(); a filter the archive refuses (a bad date, a bad
    query) is shown above the form the user can correct, not on a bare error page."""
    try:
        context[key] = find()
    except QuellenlageError as error:
        context["error"] = str(error)
        return templates.TemplateResponse(request, template, context, status_code=400)
    return templates.TemplateResponse(request, template, context)


def error_page(request: Request, status: int, detail: str) -> Response:
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "detail": detail}, status_code=status
    )
