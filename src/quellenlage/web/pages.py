"""The HTML pages, in German: the search at / (hits with facets, a chart and pages), one article
at /articles/{id} (its statements marked in the text), one source at /sources/{id}, the claims at
/claims and one claim's timeline at /claims/{id}, and who is quoted at /quellen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlencode

import jinja2
from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from quellenlage.archive.search import GENDERS, NO_SOURCE, search_filters
from quellenlage.claims.queries import claim_filters
from quellenlage.errors import QuellenlageError
from quellenlage.model import STANCES, QuoteType
from quellenlage.web import charts, labels
from quellenlage.web.api import MAX_ID, MAX_OFFSET, ArchiveDep, Id, SearchFormDep, blank_as_none
from quellenlage.web.marking import highlighted, marked_text, query_terms

PAGE_ROWS = 50
CHART_STATEMENTS = 5_000  # a claim's statements drawn in its chart
# Stances that take a side on a claim get a colour, so disagreement shows at a glance.
STYLED_STANCES = frozenset({"assert", "confirm", "deny", "not_confirm"})
KINDS = ("person", "organisation", "state", "media", "collective", "anonymous", "unknown",
         NO_SOURCE)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _day(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M").removesuffix(" 00:00") if moment else "undatiert"


def _date_only(moment: datetime | None) -> str:
    return moment.date().isoformat() if moment else "undatiert"


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _percent(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def _stance_class(stance: str | None) -> str | None:
    return f"stance-{stance}" if stance in STYLED_STANCES else None


def _web_link(url: str | None) -> str | None:
    """Only http(s) addresses become links: a stored `javascript:` URL must not run."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _link(request: Request, path: str | None = None, **changes: Any) -> str:
    """This page's address (or `path`) with its query changed: a value of None drops a
    parameter; a change of filter starts again at the first page."""
    query = {key: value for key, value in request.query_params.items() if value != ""}
    if path is not None and path != request.url.path:
        query = {}
    if "page" not in changes:
        query.pop("page", None)
        query.pop("offset", None)
    for key, value in changes.items():
        if value is None:
            query.pop(key, None)
        else:
            query[key] = str(value)
    target = path or request.url.path
    return f"{target}?{urlencode(query)}" if query else target


def _api_link(request: Request, path: str, output: str, **extra: Any) -> str:
    """The API's address for this page's table: its filters, this page's rows as JSON, all
    rows (up to the CSV limit) as CSV."""
    query = {key: value for key, value in request.query_params.items()
             if value != "" and key not in ("page", "offset")}
    query.update({key: str(value) for key, value in extra.items()})
    if output == "csv":
        query.update(format="csv", limit="10000")
    return f"{path}?{urlencode(query)}" if query else path


templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.PackageLoader("quellenlage.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
)
templates.env.filters.update(
    day=_day,
    date_only=_date_only,
    number=_number,
    percent=_percent,
    web_link=_web_link,
    stance_class=_stance_class,
    stance_label=lambda value: labels.label(labels.STANCES, value),
    type_label=lambda value: labels.label(labels.TYPES, value),
    kind_label=lambda value: labels.label(labels.KINDS, value),
    gender_label=lambda value: labels.label(labels.GENDERS, value),
    channel_label=lambda value: labels.label(labels.CHANNELS, value),
)
templates.env.globals.update(
    highlighted=highlighted,
    link=_link,
    api_link=_api_link,
    facet_label=labels.facet_label,
    facet_names=labels.FACETS,
    facet_parameters=labels.FACET_PARAMETERS,
    stance_choices=[(value, labels.STANCES[value]) for value in STANCES],
    type_choices=[(member.value, labels.TYPES[member.value]) for member in QuoteType],
    kind_choices=[(value, labels.KINDS[value]) for value in KINDS],
    gender_choices=[(value, labels.GENDERS[value]) for value in GENDERS],
)

Field = Annotated[str | None, Query(max_length=500)]
PageNumber = Annotated[int | None, Query(ge=1, le=MAX_OFFSET // PAGE_ROWS)]
Offset = Annotated[int | None, Query(ge=0, le=MAX_OFFSET)]


def first_row(page: int | None, offset: int | None) -> int:
    """Where a page's rows start: `offset`, else page `page` of PAGE_ROWS rows."""
    if offset is not None:
        return offset
    return ((page or 1) - 1) * PAGE_ROWS


def paging(total: int, offset: int) -> dict[str, Any]:
    """What the pager shows: rows first to last of total, and the pages before and after."""
    return {
        "total": total,
        "first": offset + 1 if total else 0,
        "last": min(offset + PAGE_ROWS, total),
        "page": offset // PAGE_ROWS + 1,
        "pages": max(1, -(-total // PAGE_ROWS)),
        "previous": offset // PAGE_ROWS if offset > 0 else None,
        "next": offset // PAGE_ROWS + 2 if offset + PAGE_ROWS < total else None,
    }


def _counts_chart(days: list[tuple[Any, int]], caption: str) -> Markup:
    columns = charts.by_period((day, Counter({"n": count})) for day, count in days)
    return charts.column_chart(
        columns, ["n"], caption=caption, css_class=lambda _: "bar", label=lambda _: "Anzahl"
    )


@router.get("/")
def search_page(
    request: Request,
    archive: ArchiveDep,
    form: SearchFormDep,
    page: PageNumber = None,
    offset: Offset = None,
) -> Response:
    start = first_row(page, offset)
    context: dict[str, Any] = {
        "form": form, "hits": None, "counts": None, "error": None, "summary": None,
        "chart": Markup(""), "source_name": None, "terms": frozenset(),
    }
    if not form.chooses():
        context["counts"] = archive.counts()
        return templates.TemplateResponse(request, "search.html", context)
    if form.source_id is not None:
        context["source_name"] = archive.source(form.source_id).name

    def find() -> None:
        summary = archive.search_summary(form.q, form.filters(), scope=form.scope)
        context["summary"] = summary
        context["paging"] = paging(summary.total, start)
        context["hits"] = archive.search(
            form.q, source=form.source, source_id=form.source_id, outlet=form.outlet,
            since=form.since, until=form.until, type=form.type, stance=form.stance,
            kind=form.kind, gender=form.gender, scope=form.scope,
            include_duplicates=form.duplicates, limit=PAGE_ROWS, offset=start,
        )
        what = "Artikel" if form.scope == "articles" else "Aussagen"
        context["chart"] = _counts_chart(summary.days, f"{what} pro Tag")
        context["terms"] = query_terms(form.q)

    return _with_results(request, "search.html", context, find)


@router.get("/articles/{article_id}")
def article_page(
    request: Request, archive: ArchiveDep, article_id: Id, hl: Field = None
) -> Response:
    stored = archive.article(article_id)
    terms = query_terms(hl)
    context = {
        "stored": stored,
        "claim_of": archive.article_claims(article_id),
        "marked": marked_text(stored.article.text, stored.article.attributions, terms),
        "terms": terms,
    }
    return templates.TemplateResponse(request, "article.html", context)


@router.get("/sources/{source_id}")
def source_page(
    request: Request,
    archive: ArchiveDep,
    source_id: Id,
    page: PageNumber = None,
    offset: Offset = None,
) -> Response:
    start = first_row(page, offset)
    profile = archive.source(source_id)
    statements = archive.search(None, source_id=source_id, limit=PAGE_ROWS, offset=start)
    days = archive.search_summary(None, search_filters(source_id=source_id)).days
    context = {
        "profile": profile,
        "statements": statements,
        "paging": paging(profile.statements, start),
        "chart": _counts_chart(days, f"Aussagen von {profile.name} pro Tag"),
        "stance_bar": charts.share_bar(
            Counter(profile.stances), list(profile.stances), css_class=_stance_css,
            label=lambda value: labels.label(labels.STANCES, value),
        ),
    }
    return templates.TemplateResponse(request, "source.html", context)


def _stance_css(stance: str) -> str:
    return f"stance-{stance}" if stance in STYLED_STANCES else "stance-other"


@router.get("/claims")
def claims_page(
    request: Request,
    archive: ArchiveDep,
    q: Field = None,
    source: Field = None,
    since: Field = None,
    until: Field = None,
    stance: Field = None,
    min_articles: Annotated[int, Query(ge=1, le=MAX_ID)] = 2,
    page: PageNumber = None,
    offset: Offset = None,
) -> Response:
    start = first_row(page, offset)
    given = {"q": q, "source": source, "since": since, "until": until, "stance": stance}
    form: dict[str, Any] = {name: blank_as_none(value) for name, value in given.items()}
    form["min_articles"] = min_articles
    statements, linked = archive.claims_linked()
    context: dict[str, Any] = {
        "form": form,
        "statements": statements,
        "unlinked": statements - linked,
        "claims": None,
        "error": None,
    }
    if not linked:
        return templates.TemplateResponse(request, "claims.html", context)

    def find() -> None:
        filters = {name: form[name] for name in ("source", "since", "until", "stance")}
        context["claims"] = archive.claims(
            form["q"], **filters, min_articles=min_articles, limit=PAGE_ROWS, offset=start
        )
        total = archive.count_claims(claim_filters(form["q"], **filters,
                                                   min_articles=min_articles))
        context["paging"] = paging(total, start)

    return _with_results(request, "claims.html", context, find)


@router.get("/claims/{claim_id}")
def claim_page(
    request: Request,
    archive: ArchiveDep,
    claim_id: Id,
    page: PageNumber = None,
    offset: Offset = None,
) -> Response:
    start = first_row(page, offset)
    timeline = archive.claim(claim_id, offset=start, limit=PAGE_ROWS)
    every = archive.claim(claim_id, limit=CHART_STATEMENTS).entries
    stances = [stance for stance in (*STANCES, *sorted({e.stance or "" for e in every}))
               if any(entry.stance == stance for entry in every)]
    columns = charts.by_period(
        (entry.date.date(), Counter({entry.stance or "": 1})) for entry in every if entry.date
    )
    context = {
        "timeline": timeline,
        "paging": paging(timeline.claim.statements, start),
        "chart": charts.column_chart(
            columns, list(dict.fromkeys(stances)), caption="Haltungen pro Tag",
            css_class=_stance_css, label=lambda value: labels.label(labels.STANCES, value),
        ),
    }
    return templates.TemplateResponse(request, "claim.html", context)


@router.get("/quellen")
def quoted_page(
    request: Request,
    archive: ArchiveDep,
    since: Field = None,
    until: Field = None,
    outlet: Field = None,
) -> Response:
    form = {"since": blank_as_none(since), "until": blank_as_none(until),
            "outlet": blank_as_none(outlet)}
    context: dict[str, Any] = {"form": form, "overview": None, "error": None}

    def find() -> None:
        overview = archive.quoted(**form)
        context["overview"] = overview
        months = [(date.fromisoformat(f"{month}-01"), shares)
                  for month, shares in overview.by_month.items()]
        context["gender_chart"] = charts.column_chart(
            charts.by_period(
                ((month, Counter(female=s.female, male=s.male)) for month, s in months),
                monthly=True,
            ),
            ["female", "male"], caption="Aussagen von Frauen und Männern pro Monat",
            css_class=lambda value: f"gender-{value}",
            label=lambda value: labels.label(labels.GENDERS, value),
        )
        context["kind_chart"] = charts.column_chart(
            charts.by_period(((month, s.kinds) for month, s in months), monthly=True), KINDS,
            caption="Arten von Quellen pro Monat", css_class=lambda value: f"kind-{value}",
            label=lambda value: labels.label(labels.KINDS, value),
        )
        context["gender_bar"] = _gender_bar
        context["kind_bar"] = _kind_bar

    return _with_results(request, "quoted.html", context, find)


def _gender_bar(shares: Any) -> Markup:
    return charts.share_bar(
        Counter(female=shares.female, male=shares.male), ["female", "male"],
        css_class=lambda value: f"gender-{value}",
        label=lambda value: labels.label(labels.GENDERS, value),
    )


def _kind_bar(shares: Any) -> Markup:
    return charts.share_bar(
        shares.kinds, KINDS, css_class=lambda value: f"kind-{value}",
        label=lambda value: labels.label(labels.KINDS, value),
    )


def _with_results(
    request: Request, template: str, context: dict[str, Any], find: Callable[[], None]
) -> Response:
    """The page after find() filled its context; a filter the archive refuses (a bad date, a
    bad query, an unknown stance) is shown above the form the user can correct, not on a bare
    error page."""
    try:
        find()
    except QuellenlageError as error:
        context["error"] = str(error)
        return templates.TemplateResponse(request, template, context, status_code=400)
    return templates.TemplateResponse(request, template, context)


def error_page(request: Request, status: int, detail: str) -> Response:
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "detail": detail}, status_code=status
    )
