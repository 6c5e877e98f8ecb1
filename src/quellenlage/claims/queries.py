"""Reading claims: listing them with filters, and one claim's timeline of statements.

Days are days of publication: a statement of an undated article has no day (it counts as
undated, with the day it was read in beside it), and `since`/`until` keep the claims with a
statement published in that time, as the search's date filters keep statements.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Select, case, exists, func, select

from quellenlage.archive.schema import (
    articles,
    attributions,
    channels,
    claim_statements,
    claims,
    sources,
)
from quellenlage.archive.search import parse_day, quote_matches, source_matches, stance_label
from quellenlage.errors import NotFoundError

CHUNK = 400
SOURCES_SHOWN = 5


@dataclass(frozen=True, slots=True)
class ClaimFilters:
    query: str | None = None  # words one of the claim's statements must match (search syntax)
    source: str | None = None  # part of the name of a source that made a statement of it
    since: datetime | None = None  # a statement published on or after
    until: datetime | None = None  # a statement published before
    stance: str | None = None  # one of its statements has this stance
    min_articles: int = 2  # a claim of one article is nobody else's claim yet


def claim_filters(
    query: str | None = None,
    *,
    source: str | None = None,
    since: str | date | datetime | None = None,
    until: str | date | datetime | None = None,
    stance: str | None = None,
    min_articles: int = 2,
) -> ClaimFilters:
    """The filters of a claims list; dates as YYYY-MM-DD (until: to the end of that day)."""
    return ClaimFilters(
        query=query or None, source=source, since=parse_day(since),
        until=parse_day(until, end=True), stance=stance, min_articles=min_articles,
    )


@dataclass(slots=True)
class ClaimSummary:
    id: int
    label: str
    statements: int
    articles: int
    source_count: int
    first_seen: datetime | None  # the first and last publication; None: all undated
    last_seen: datetime | None
    sources: list[str] = field(default_factory=list)  # the most frequent first
    source_ids: list[int | None] = field(default_factory=list)  # theirs; None: no source row
    stances: dict[str, int] = field(default_factory=dict)
    undated: int = 0  # statements in articles without a date
    ingested: datetime | None = None  # when its first article was read in

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "statements": self.statements,
            "articles": self.articles,
            "source_count": self.source_count,
            "sources": self.sources,
            "source_ids": self.source_ids,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "undated": self.undated,
            "ingested": self.ingested.isoformat() if self.ingested else None,
            "stances": self.stances,
        }


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: datetime | None  # published; None: the article is undated
    ingested: datetime  # when the article was read in
    outlet: str | None
    source: str | None
    source_id: int | None
    stance: str | None
    channel: str | None
    quote: str
    article_id: int
    attribution_id: int
    position: int  # the statement's index in its article
    title: str | None
    url: str | None
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["date"] = self.date.isoformat() if self.date else None
        data["ingested"] = self.ingested.isoformat()
        return data


@dataclass(slots=True)
class ClaimTimeline:
    claim: ClaimSummary
    entries: list[TimelineEntry]

    def to_dict(self) -> dict[str, Any]:
        return {**self.claim.to_dict(), "timeline": [e.to_dict() for e in self.entries]}


def list_claims(
    connection: Connection, filters: ClaimFilters, limit: int = 20, offset: int = 0
) -> list[ClaimSummary]:
    """Claims matching the filters, the most widely reported first, from `offset` on."""
    statement = _claims_query(connection, filters).limit(limit).offset(offset)
    found = [_summary(row) for row in connection.execute(statement)]
    _add_sources_and_stances(connection, found)
    return found


def count_claims(connection: Connection, filters: ClaimFilters) -> int:
    """How many claims `list_claims` finds in all."""
    matching = _claims_query(connection, filters).order_by(None).subquery()
    return int(connection.scalar(select(func.count()).select_from(matching)) or 0)


def claim_timeline(
    connection: Connection, claim_id: int, *, offset: int = 0, limit: int | None = None
) -> ClaimTimeline:
    """The claim and its statements in order of publication (undated ones last), the entries
    from `offset` on, at most `limit` of them."""
    row = connection.execute(_columns().where(claims.c.id == claim_id)).first()
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}; `quellenlage claims` lists them")
    summary = _summary(row)
    _add_sources_and_stances(connection, [summary])
    query = (
        select(
            articles.c.published,
            articles.c.ingested_at,
            articles.c.outlet,
            func.coalesce(sources.c.name, attributions.c.speaker_text).label("source"),
            attributions.c.source_id,
            attributions.c.stance,
            attributions.c.channel_text,
            channels.c.kind.label("channel_kind"),
            channels.c.outlet.label("channel_outlet"),
            attributions.c.quote_text,
            articles.c.id.label("article_id"),
            attributions.c.id.label("attribution_id"),
            attributions.c.position,
            articles.c.title,
            articles.c.url,
            claim_statements.c.similarity,
        )
        .select_from(
            claim_statements.join(
                attributions, attributions.c.id == claim_statements.c.attribution_id
            )
            .join(articles, articles.c.id == attributions.c.article_id)
            .outerjoin(sources, sources.c.id == attributions.c.source_id)
            .outerjoin(channels, channels.c.id == attributions.c.channel_id)
        )
        .where(claim_statements.c.claim_id == claim_id)
        .order_by(
            articles.c.published.nulls_last(), articles.c.ingested_at, articles.c.id,
            attributions.c.position,
        )
        .limit(limit)
        .offset(offset)
    )
    entries = [
        TimelineEntry(
            date=row.published,
            ingested=row.ingested_at,
            outlet=row.outlet,
            source=row.source,
            source_id=row.source_id,
            stance=row.stance,
            channel=_channel(row.channel_text, row.channel_kind, row.channel_outlet),
            quote=row.quote_text,
            article_id=int(row.article_id),
            attribution_id=int(row.attribution_id),
            position=int(row.position),
            title=row.title,
            url=row.url,
            similarity=float(row.similarity),
        )
        for row in connection.execute(query)
    ]
    return ClaimTimeline(summary, entries)


def _channel(text: str | None, kind: str | None, outlet: str | None) -> str | None:
    if kind and outlet:
        return f"{kind} ({outlet})"
    return kind or text


def _columns() -> Select[Any]:
    return select(
        claims.c.id,
        claims.c.label,
        claims.c.statement_count,
        claims.c.article_count,
        claims.c.source_count,
        claims.c.first_seen,
        claims.c.last_seen,
    )


def _summary(row: Any) -> ClaimSummary:
    return ClaimSummary(
        id=int(row.id),
        label=row.label,
        statements=int(row.statement_count),
        articles=int(row.article_count),
        source_count=int(row.source_count),
        first_seen=row.first_seen,
        last_seen=row.last_seen,
    )


def _claims_query(connection: Connection, filters: ClaimFilters) -> Select[Any]:
    statement = _columns().where(claims.c.article_count >= filters.min_articles)
    member_conditions = []
    if filters.since or filters.until:
        published = []
        if filters.since:
            published.append(articles.c.published >= filters.since)
        if filters.until:
            published.append(articles.c.published < filters.until)
        member_conditions.append(
            attributions.c.article_id.in_(select(articles.c.id).where(*published))
        )
    if filters.query:
        member_conditions.append(quote_matches(filters.query, connection.dialect.name))
    if filters.source:
        member_conditions.append(source_matches(filters.source))
    stance = stance_label(connection, filters.stance)
    if stance:
        member_conditions.append(attributions.c.stance == stance)
    # Each filter may be met by a different statement of the claim.
    for condition in member_conditions:
        statement = statement.where(
            exists(
                select(claim_statements.c.attribution_id)
                .join(attributions, attributions.c.id == claim_statements.c.attribution_id)
                .where(claim_statements.c.claim_id == claims.c.id, condition)
            )
        )
    return statement.order_by(
        claims.c.article_count.desc(), claims.c.last_seen.desc().nulls_last(), claims.c.id
    )


def _add_sources_and_stances(connection: Connection, found: list[ClaimSummary]) -> None:
    by_id = {summary.id: summary for summary in found}
    ids = sorted(by_id)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        source_name = func.coalesce(sources.c.name, attributions.c.speaker_text)
        members = claim_statements.join(
            attributions, attributions.c.id == claim_statements.c.attribution_id
        )
        rows = connection.execute(
            select(
                claim_statements.c.claim_id,
                attributions.c.stance,
                source_name.label("source"),
                attributions.c.source_id,
                func.count(),
            )
            .select_from(
                members.outerjoin(sources, sources.c.id == attributions.c.source_id)
            )
            .where(claim_statements.c.claim_id.in_(chunk))
            .group_by(
                claim_statements.c.claim_id, attributions.c.stance, source_name,
                attributions.c.source_id,
            )
        )
        stance_counts: dict[int, Counter[str]] = {}
        source_counts: dict[int, Counter[tuple[str, int | None]]] = {}
        for claim_id, stance, source, source_id, count in rows:
            stance_counts.setdefault(claim_id, Counter())[stance or "unknown"] += count
            if source:
                source_counts.setdefault(claim_id, Counter())[(source, source_id)] += count
        for claim_id, counts in stance_counts.items():
            by_id[claim_id].stances = dict(
                sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            )
        for claim_id, named in source_counts.items():
            ranked = sorted(named.items(), key=lambda item: (-item[1], item[0][0]))
            by_id[claim_id].sources = [name for (name, _), _ in ranked[:SOURCES_SHOWN]]
            by_id[claim_id].source_ids = [
                source_id for (_, source_id), _ in ranked[:SOURCES_SHOWN]
            ]
        undated = func.sum(case((articles.c.published.is_(None), 1), else_=0))
        for claim_id, first, last, no_date, ingested in connection.execute(
            select(
                claim_statements.c.claim_id,
                func.min(articles.c.published),
                func.max(articles.c.published),
                undated,
                func.min(articles.c.ingested_at),
            )
            .select_from(members.join(articles, articles.c.id == attributions.c.article_id))
            .where(claim_statements.c.claim_id.in_(chunk))
            .group_by(claim_statements.c.claim_id)
        ):
            summary = by_id[claim_id]
            summary.first_seen, summary.last_seen = first, last
            summary.undated, summary.ingested = int(no_date or 0), ingested


def article_claims(
    connection: Connection, article_id: int, min_articles: int = 2
) -> dict[int, int]:
    """For an article's statements that belong to a claim made in at least `min_articles`
    articles: the statement's position in the article -> the claim's id."""
    rows = connection.execute(
        select(attributions.c.position, claim_statements.c.claim_id)
        .select_from(
            attributions.join(
                claim_statements, claim_statements.c.attribution_id == attributions.c.id
            ).join(claims, claims.c.id == claim_statements.c.claim_id)
        )
        .where(attributions.c.article_id == article_id)
        .where(claims.c.article_count >= min_articles)
    )
    return {int(position): int(claim_id) for position, claim_id in rows}


def claims_exist(connection: Connection) -> tuple[int, int]:
    """How many statements the archive has, and how many of them are linked to claims."""
    statements = connection.scalar(select(func.count()).select_from(attributions)) or 0
    linked = connection.scalar(select(func.count()).select_from(claim_statements)) or 0
    return int(statements), int(linked)

