"""Search: statements (by default) or articles matching a text query, narrowed by filters.

The same Core query runs on SQLite (FTS5) and PostgreSQL (tsvector); only the full-text condition
differs. Near-duplicates are left out unless asked for, so wire copy is not counted twice. Without
words, the filters alone choose (a source's statements, an outlet's denials). `summarise` counts
what a search finds: the total, facets (source, outlet, stance, type, source kind, gender) and
statements per day.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)

from quellenlage.archive.database import casefold
from quellenlage.archive.records import source_key
from quellenlage.archive.schema import articles, attributions, sources
from quellenlage.archive.text_search import TextQuery, parse_query
from quellenlage.errors import InputError
from quellenlage.model import STANCES, QuoteType

Scope = Literal["quotes", "articles"]
SNIPPET = 200
FACET_VALUES = 10  # the most frequent values shown per facet
NO_SOURCE = "none"  # the kind filter for statements resolved to no source
UNKNOWN_GENDER = "unknown"  # the gender filter for sources of no known gender
GENDERS = ("female", "male", UNKNOWN_GENDER)


@dataclass(frozen=True, slots=True)
class SearchFilters:
    source: str | None = None  # part of the source's name, any case
    source_id: int | None = None  # exactly this source (the archive's id)
    outlet: str | None = None
    since: datetime | None = None  # published at or after (naive UTC)
    until: datetime | None = None  # published before
    type: str | None = None  # a QuoteType value
    stance: str | None = None
    kind: str | None = None  # the source's kind, or "none": resolved to no source
    gender: str | None = None  # the source's gender: female, male or "unknown"
    include_duplicates: bool = False


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One statement (scope quotes) or one article (scope articles, statement fields None)."""

    article_id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: datetime | None
    text: str  # the quote, or the start of the article
    attribution_id: int | None = None
    type: str | None = None
    stance: str | None = None
    speaker: str | None = None
    source: str | None = None
    source_kind: str | None = None
    source_gender: str | None = None
    source_id: int | None = None
    position: int | None = None  # the statement's index in its article

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["published"] = self.published.isoformat() if self.published else None
        return data


@dataclass(frozen=True, slots=True)
class FacetValue:
    value: str  # what the filter takes: a stance, an outlet, a source's id ...
    name: str  # what is shown: the same, or the source's name
    count: int


@dataclass(slots=True)
class SearchSummary:
    """How many statements (or articles) a search finds, counted by facet and by day."""

    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    days: list[tuple[date, int]] = field(default_factory=list)  # in date order
    undated: int = 0  # found in articles without a date

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "facets": {
                name: [{"value": v.value, "name": v.name, "count": v.count} for v in values]
                for name, values in self.facets.items()
            },
            "days": [[day.isoformat(), count] for day, count in self.days],
            "undated": self.undated,
        }


def parse_day(value: str | date | datetime | None, *, end: bool = False) -> datetime | None:
    """A date or datetime; a bare day used as an end means the end of that day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        day = value
    else:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise InputError(f"{value!r} is not a date; write YYYY-MM-DD") from None
        if len(value) > 10:
            return moment
        day = moment.date()
    start = datetime(day.year, day.month, day.day)
    return start + timedelta(days=1) if end else start


def search_filters(
    *,
    source: str | None = None,
    source_id: int | None = None,
    outlet: str | None = None,
    since: str | date | datetime | None = None,
    until: str | date | datetime | None = None,
    type: str | None = None,
    stance: str | None = None,
    kind: str | None = None,
    gender: str | None = None,
    include_duplicates: bool = False,
) -> SearchFilters:
    """The filters of a search; dates as YYYY-MM-DD (until: to the end of that day)."""
    return SearchFilters(
        source=source, source_id=source_id, outlet=outlet, since=parse_day(since),
        until=parse_day(until, end=True), type=type, stance=stance, kind=kind, gender=gender,
        include_duplicates=include_duplicates,
    )


def quote_type(value: str | None) -> str | None:
    if value is None:
        return None
    for member in QuoteType:
        if value.casefold() in (member.value.casefold(), member.name.casefold()):
            return member.value
    choices = ", ".join(member.value for member in QuoteType)
    raise InputError(f"unknown quote type {value!r}; choose one of {choices}")


def stance_label(connection: Connection, value: str | None) -> str | None:
    """A stance filter as stored, or an error naming the stances there are: an unknown stance
    finds nothing, and saying so beats an empty page. The archive's own labels count too."""
    if value is None:
        return None
    stored = connection.scalars(select(attributions.c.stance).distinct())
    known = sorted({*STANCES, *(label for label in stored if label)})
    for label in known:
        if value.casefold() == label.casefold():
            return label
    raise InputError(f"unknown stance {value!r}; choose one of {', '.join(known)}")


def _checked(connection: Connection, filters: SearchFilters) -> SearchFilters:
    """The filters with a known stance, type and gender, or an InputError."""
    quote_type(filters.type)
    if filters.gender is not None and filters.gender not in GENDERS:
        raise InputError(f"unknown gender {filters.gender!r}; choose one of {', '.join(GENDERS)}")
    return replace(filters, stance=stance_label(connection, filters.stance))


def _matching(
    connection: Connection, query: str | None, filters: SearchFilters, scope: Scope
) -> Select[Any]:
    parsed = parse_query(query) if query and query.strip() else None
    filters = _checked(connection, filters)
    dialect = connection.dialect.name
    if scope == "quotes":
        return _quote_search(parsed, filters, dialect)
    if scope == "articles":
        return _article_search(parsed, filters, dialect)
    raise InputError(f"unknown search scope {scope!r}; use quotes or articles")


def search_page(
    connection: Connection,
    query: str | None,
    filters: SearchFilters,
    *,
    scope: Scope = "quotes",
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[SearchHit], int]:
    """The hits from `offset` on, newest first (without words, every statement or article
    that the filters let through), and how many there are in all, counted in the same query."""
    statement = _matching(connection, query, filters, scope)
    rows = connection.execute(
        statement.add_columns(func.count().over().label("total")).limit(limit).offset(offset)
    ).mappings().all()
    if rows:
        total = int(rows[0]["total"])
    elif offset:  # past the last hit: no row tells the total
        counted = statement.order_by(None).subquery()
        total = int(connection.scalar(select(func.count()).select_from(counted)) or 0)
    else:
        total = 0
    return [_hit(row, scope) for row in rows], total


def summarise(
    connection: Connection,
    query: str | None,
    filters: SearchFilters,
    *,
    scope: Scope = "quotes",
    facets: bool = True,
) -> SearchSummary:
    """What `search` finds, counted: in all, and with `facets` by facet and by day of
    publication."""
    found = _matching(connection, query, filters, scope).order_by(None).subquery()
    total = connection.scalar(select(func.count()).select_from(found)) or 0
    summary = SearchSummary(total=int(total))
    if not total or not facets:
        return summary
    counted = {"outlet": found.c.outlet}
    if scope == "quotes":
        counted = {
            "source": found.c.source_id, "outlet": found.c.outlet, "stance": found.c.stance,
            "type": found.c.type, "kind": func.coalesce(found.c.source_kind, NO_SOURCE),
            "gender": func.coalesce(found.c.source_gender, UNKNOWN_GENDER),
        }
    for name, column in counted.items():
        count = func.count().label("n")
        shown = func.min(found.c.source).label("shown") if name == "source" else column
        rows = connection.execute(
            select(column.label("value"), shown, count)
            .where(column.is_not(None))
            .group_by(column)
            .order_by(count.desc(), column)
            .limit(FACET_VALUES)
        )
        summary.facets[name] = [
            FacetValue(str(value), str(label), int(n)) for value, label, n in rows
        ]
    day = func.date(found.c.published)
    for value, count in connection.execute(
        select(day, func.count()).group_by(day).order_by(day)
    ):
        if value is None:
            summary.undated = int(count)
        else:
            summary.days.append((date.fromisoformat(str(value)[:10]), int(count)))
    return summary


def gender_of_source() -> ColumnElement[str]:
    """The gender of a statement's source as the analysis gave it (kept in its JSON)."""
    return attributions.c.data[("source", "gender")].as_string()


# The statement search's columns, tables and order, built once (constructs are immutable).
_QUOTE_SELECT = (
    select(
        articles.c.id.label("article_id"),
        articles.c.title,
        articles.c.outlet,
        articles.c.url,
        articles.c.published,
        attributions.c.quote_text.label("text"),
        attributions.c.id.label("attribution_id"),
        attributions.c.type,
        attributions.c.stance,
        attributions.c.speaker_text.label("speaker"),
        sources.c.name.label("source"),
        sources.c.kind.label("source_kind"),
        attributions.c.source_id,
        attributions.c.position,
        gender_of_source().label("source_gender"),
    )
    .select_from(
        attributions.join(articles, articles.c.id == attributions.c.article_id).outerjoin(
            sources, sources.c.id == attributions.c.source_id
        )
    )
    .order_by(
        articles.c.published.desc().nulls_last(), articles.c.id.desc(), attributions.c.position
    )
)


def _quote_search(
    parsed: TextQuery | None, filters: SearchFilters, dialect: str
) -> Select[Any]:
    return _QUOTE_SELECT.where(
        *_quote_match(parsed, dialect), *_article_conditions(filters),
        *_statement_conditions(filters),
    )


def _article_search(
    parsed: TextQuery | None, filters: SearchFilters, dialect: str
) -> Select[Any]:
    statement = select(
        articles.c.id.label("article_id"),
        articles.c.title,
        articles.c.outlet,
        articles.c.url,
        articles.c.published,
        func.substr(articles.c.text, 1, SNIPPET).label("text"),
    ).where(*_article_match(parsed, dialect), *_article_conditions(filters))
    statement_filters = _statement_conditions(filters)
    if statement_filters:
        # An article qualifies when one of its statements passes the statement filters.
        statement = statement.where(
            exists(
                select(attributions.c.id)
                .where(attributions.c.article_id == articles.c.id, *statement_filters)
            )
        )
    return statement.order_by(articles.c.published.desc().nulls_last(), articles.c.id.desc())


def _article_match(parsed: TextQuery | None, dialect: str) -> list[ColumnElement[bool]]:
    if parsed is None:
        return []
    return [_text_match(parsed, dialect, articles.c.id, "article_fts", "articles.search_vector")]


def quote_matches(query: str, dialect: str) -> ColumnElement[bool]:
    """A condition on `attributions`: the quote matches `query` (for queries built elsewhere)."""
    return _text_match(
        parse_query(query), dialect, attributions.c.id, "quote_fts", "attributions.quote_vector"
    )


def _quote_match(parsed: TextQuery | None, dialect: str) -> list[ColumnElement[bool]]:
    if parsed is None:
        return []
    return [_text_match(
        parsed, dialect, attributions.c.id, "quote_fts", "attributions.quote_vector"
    )]


def _text_match(
    parsed: TextQuery, dialect: str, ids: ColumnElement[int], fts_table: str, vector: str
) -> ColumnElement[bool]:
    """Rows whose text matches: SQLite's FTS5 table by rowid, or PostgreSQL's tsvector column.
    Both index the same stems, so both answer alike."""
    if dialect == "sqlite":
        matching = text(f"SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH :query")
        return ids.in_(matching.bindparams(query=parsed.to_fts5()).columns(rowid=Integer))
    return literal_column(vector).op("@@")(func.to_tsquery("simple", parsed.to_tsquery()))


def _article_conditions(filters: SearchFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if not filters.include_duplicates:
        conditions.append(articles.c.duplicate_of.is_(None))
    if filters.outlet:
        conditions.append(func.lower(articles.c.outlet) == filters.outlet.lower())
    if filters.since:
        conditions.append(articles.c.published >= filters.since)
    if filters.until:
        conditions.append(articles.c.published < filters.until)
    return conditions


def _statement_conditions(filters: SearchFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.source:
        conditions.append(source_matches(filters.source))
    if filters.source_id is not None:
        conditions.append(attributions.c.source_id == filters.source_id)
    if filters.type:
        conditions.append(attributions.c.type == quote_type(filters.type))
    if filters.stance:
        conditions.append(func.lower(attributions.c.stance) == filters.stance.lower())
    if filters.kind == NO_SOURCE:
        conditions.append(attributions.c.source_id.is_(None))
    elif filters.kind:
        kind_sources = select(sources.c.id).where(sources.c.kind == filters.kind)
        conditions.append(attributions.c.source_id.in_(kind_sources))
    if filters.gender == UNKNOWN_GENDER:
        conditions.append(gender_of_source().is_(None))
    elif filters.gender:
        conditions.append(gender_of_source() == filters.gender)
    return [and_(*conditions)] if conditions else []


def source_matches(name: str) -> ColumnElement[bool]:
    """Statements of a source whose name contains `name` (any case), and statements whose
    speaker was resolved to no source but whose words contain it."""
    key = source_key(name)
    matching_sources = select(sources.c.id).where(sources.c.key.contains(key, autoescape=True))
    return or_(
        attributions.c.source_id.in_(matching_sources),
        and_(
            attributions.c.source_id.is_(None),
            casefold(attributions.c.speaker_text).contains(key, autoescape=True),
        ),
    )


def _hit(row: Any, scope: Scope) -> SearchHit:
    values = dict(row)
    del values["total"]
    if scope == "articles":
        values["text"] = " ".join(values["text"].split())
    return SearchHit(**values)
