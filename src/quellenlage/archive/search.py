"""Search: statements (by default) or articles matching a text query, narrowed by filters.

The same Core query runs on SQLite (FTS5) and PostgreSQL (tsvector); only the full-text condition
differs. Near-duplicates are left out unless asked for, so wire copy is not counted twice.
"""

from __future__ import annotations

from dataclasses import dataclass
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
from quellenlage.model import QuoteType

Scope = Literal["quotes", "articles"]
SNIPPET = 200


@dataclass(frozen=True, slots=True)
class SearchFilters:
    source: str | None = None  # part of the source's name, any case
    outlet: str | None = None
    since: datetime | None = None  # published at or after (naive UTC)
    until: datetime | None = None  # published before
    type: str | None = None  # a QuoteType value
    stance: str | None = None
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

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["published"] = self.published.isoformat() if self.published else None
        return data


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


def quote_type(value: str | None) -> str | None:
    if value is None:
        return None
    for member in QuoteType:
        if value.casefold() in (member.value.casefold(), member.name.casefold()):
            return member.value
    choices = ", ".join(member.value for member in QuoteType)
    raise InputError(f"unknown quote type {value!r}; choose one of {choices}")


def search(
    connection: Connection,
    query: str,
    filters: SearchFilters,
    *,
    scope: Scope = "quotes",
    limit: int = 20,
) -> list[SearchHit]:
    parsed = parse_query(query)
    dialect = connection.dialect.name
    if scope == "quotes":
        statement = _quote_search(parsed, filters, dialect)
    elif scope == "articles":
        statement = _article_search(parsed, filters, dialect)
    else:
        raise InputError(f"unknown search scope {scope!r}; use quotes or articles")
    rows = connection.execute(statement.limit(limit)).mappings().all()
    return [_hit(row, scope) for row in rows]


def _quote_search(parsed: TextQuery, filters: SearchFilters, dialect: str) -> Select[Any]:
    statement = (
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
        )
        .select_from(
            attributions.join(articles, articles.c.id == attributions.c.article_id).outerjoin(
                sources, sources.c.id == attributions.c.source_id
            )
        )
        .where(_quote_match(parsed, dialect))
        .where(*_article_conditions(filters))
        .where(*_statement_conditions(filters))
    )
    return statement.order_by(
        articles.c.published.desc().nulls_last(), articles.c.id.desc(), attributions.c.position
    )


def _article_search(parsed: TextQuery, filters: SearchFilters, dialect: str) -> Select[Any]:
    statement = select(
        articles.c.id.label("article_id"),
        articles.c.title,
        articles.c.outlet,
        articles.c.url,
        articles.c.published,
        func.substr(articles.c.text, 1, SNIPPET).label("text"),
    ).where(_article_match(parsed, dialect), *_article_conditions(filters))
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


def _article_match(parsed: TextQuery, dialect: str) -> ColumnElement[bool]:
    return _text_match(parsed, dialect, articles.c.id, "article_fts", "articles.search_vector")


def quote_matches(query: str, dialect: str) -> ColumnElement[bool]:
    """A condition on `attributions`: the quote matches `query` (for queries built elsewhere)."""
    return _quote_match(parse_query(query), dialect)


def _quote_match(parsed: TextQuery, dialect: str) -> ColumnElement[bool]:
    return _text_match(parsed, dialect, attributions.c.id, "quote_fts", "attributions.quote_vector")


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
    if filters.type:
        conditions.append(attributions.c.type == quote_type(filters.type))
    if filters.stance:
        conditions.append(func.lower(attributions.c.stance) == filters.stance.lower())
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
    if scope == "articles":
        values["text"] = " ".join(values["text"].split())
    return SearchHit(**values)
