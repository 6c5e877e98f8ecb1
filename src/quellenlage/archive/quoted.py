"""Who is quoted: one source's profile, and the archive's figures on the sources it quotes
(women and men, anonymous sources, kinds of source; by outlet and by month), the figures the
Gender Gap Tracker shows for Canadian news.

Near-duplicates (wire copy) count once, as in the search; statements are counted, so a source
quoted three times in an article counts three times.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, case, func, select

from quellenlage.archive.schema import articles, attributions, claim_statements, claims, sources
from quellenlage.archive.search import NO_SOURCE, gender_of_source
from quellenlage.errors import NotFoundError

CLAIMS_SHOWN = 100
OUTLETS_SHOWN = 15


@dataclass(slots=True)
class SourceClaim:
    """A claim (made in two or more articles) that a source has a statement in."""

    id: int
    label: str
    articles: int
    statements: int  # the source's statements in it
    stances: dict[str, int]  # the source's stances in it

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(slots=True)
class SourceProfile:
    id: int
    name: str
    kind: str
    role: str | None  # the role and gender the analysis gave it most often
    gender: str | None
    statements: int
    articles: int
    stances: dict[str, int]  # the most frequent first
    outlets: dict[str, int]  # the outlets that quote it, the most frequent first
    first_seen: datetime | None  # first and last publication; None: undated only
    last_seen: datetime | None
    undated: int  # statements in articles without a date
    claims: list[SourceClaim] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__slots__}
        data["first_seen"] = self.first_seen.isoformat() if self.first_seen else None
        data["last_seen"] = self.last_seen.isoformat() if self.last_seen else None
        data["claims"] = [claim.to_dict() for claim in self.claims]
        return data


def _ranked(pairs: Any) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for value, count in pairs:
        counts[value] += int(count)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def source_profile(connection: Connection, source_id: int) -> SourceProfile:
    row = connection.execute(
        select(sources.c.name, sources.c.kind).where(sources.c.id == source_id)
    ).first()
    if row is None:
        raise NotFoundError(f"no source with id {source_id}")
    statements = attributions.join(articles, articles.c.id == attributions.c.article_id)
    own = [attributions.c.source_id == source_id, articles.c.duplicate_of.is_(None)]

    def counted(column: ColumnElement[Any]) -> dict[str, int]:
        count = func.count()
        rows = connection.execute(
            select(column, count).select_from(statements).where(*own, column.is_not(None))
            .group_by(column)
        )
        return _ranked(rows)

    roles = counted(attributions.c.data[("source", "role")].as_string())
    genders = counted(gender_of_source())
    undated = func.sum(case((articles.c.published.is_(None), 1), else_=0))
    total, article_count, first, last, no_date = connection.execute(
        select(
            func.count(), func.count(func.distinct(articles.c.id)),
            func.min(articles.c.published), func.max(articles.c.published), undated,
        ).select_from(statements).where(*own)
    ).one()
    return SourceProfile(
        id=source_id,
        name=row.name,
        kind=row.kind,
        role=next(iter(roles), None),
        gender=next(iter(genders), None),
        statements=int(total),
        articles=int(article_count),
        stances=counted(attributions.c.stance),
        outlets=dict(list(counted(articles.c.outlet).items())[:OUTLETS_SHOWN]),
        first_seen=first,
        last_seen=last,
        undated=int(no_date or 0),
        claims=_source_claims(connection, source_id),
    )


def _source_claims(connection: Connection, source_id: int) -> list[SourceClaim]:
    rows = connection.execute(
        select(
            claims.c.id, claims.c.label, claims.c.article_count, attributions.c.stance,
            func.count(),
        )
        .select_from(
            claim_statements.join(
                attributions, attributions.c.id == claim_statements.c.attribution_id
            ).join(claims, claims.c.id == claim_statements.c.claim_id)
        )
        .where(attributions.c.source_id == source_id, claims.c.article_count >= 2)
        .group_by(claims.c.id, claims.c.label, claims.c.article_count, attributions.c.stance)
    )
    found: dict[int, SourceClaim] = {}
    for claim_id, label, article_count, stance, count in rows:
        claim = found.setdefault(
            claim_id, SourceClaim(int(claim_id), label, int(article_count), 0, {})
        )
        claim.statements += int(count)
        label_of_stance = stance or "unknown"
        claim.stances[label_of_stance] = claim.stances.get(label_of_stance, 0) + int(count)
    ranked = sorted(found.values(), key=lambda c: (-c.articles, -c.statements, c.id))
    return ranked[:CLAIMS_SHOWN]


@dataclass(slots=True)
class QuotedShares:
    """Statements counted by their source: women, men, anonymous sources, kinds of source."""

    statements: int = 0
    female: int = 0
    male: int = 0
    anonymous: int = 0
    kinds: Counter[str] = field(default_factory=Counter)  # "none": resolved to no source

    def add(self, kind: str, gender: str | None, count: int) -> None:
        self.statements += count
        self.kinds[kind] += count
        if gender == "female":
            self.female += count
        elif gender == "male":
            self.male += count
        if kind == "anonymous":
            self.anonymous += count

    @property
    def women_share(self) -> float | None:
        """Women among the statements of sources of known gender."""
        gendered = self.female + self.male
        return self.female / gendered if gendered else None

    @property
    def anonymous_share(self) -> float | None:
        return self.anonymous / self.statements if self.statements else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "statements": self.statements,
            "female": self.female,
            "male": self.male,
            "women_share": self.women_share,
            "anonymous": self.anonymous,
            "anonymous_share": self.anonymous_share,
            "kinds": dict(self.kinds.most_common()),
        }


@dataclass(slots=True)
class QuotedOverview:
    total: QuotedShares
    by_outlet: dict[str, QuotedShares]  # the outlets with the most statements first
    by_month: dict[str, QuotedShares]  # "YYYY-MM" in order; undated statements are in none
    undated: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total.to_dict(),
            "by_outlet": {name: shares.to_dict() for name, shares in self.by_outlet.items()},
            "by_month": {month: shares.to_dict() for month, shares in self.by_month.items()},
            "undated": self.undated,
        }


def _month(connection: Connection) -> ColumnElement[str]:
    if connection.dialect.name == "sqlite":
        return func.strftime("%Y-%m", articles.c.published)
    return func.to_char(articles.c.published, "YYYY-MM")


def quoted_overview(
    connection: Connection,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    outlet: str | None = None,
) -> QuotedOverview:
    """Who the archive quotes, in all, by outlet and by month of publication."""
    month = _month(connection).label("month")
    kind = func.coalesce(sources.c.kind, NO_SOURCE).label("kind")
    gender = gender_of_source().label("gender")
    conditions = [articles.c.duplicate_of.is_(None)]
    if since:
        conditions.append(articles.c.published >= since)
    if until:
        conditions.append(articles.c.published < until)
    if outlet:
        conditions.append(func.lower(articles.c.outlet) == outlet.lower())
    rows = connection.execute(
        select(articles.c.outlet, month, kind, gender, func.count())
        .select_from(
            attributions.join(articles, articles.c.id == attributions.c.article_id).outerjoin(
                sources, sources.c.id == attributions.c.source_id
            )
        )
        .where(*conditions)
        .group_by(articles.c.outlet, month, kind, gender)
    )
    total = QuotedShares()
    by_outlet: dict[str, QuotedShares] = {}
    by_month: dict[str, QuotedShares] = {}
    undated = 0
    for outlet_name, month_name, kind_name, gender_name, count in rows:
        count = int(count)
        total.add(kind_name, gender_name, count)
        by_outlet.setdefault(outlet_name or "", QuotedShares()).add(kind_name, gender_name, count)
        if month_name is None:
            undated += count
        else:
            by_month.setdefault(month_name, QuotedShares()).add(kind_name, gender_name, count)
    outlets = sorted(by_outlet.items(), key=lambda item: (-item[1].statements, item[0]))
    return QuotedOverview(
        total=total,
        by_outlet=dict(outlets[:OUTLETS_SHOWN]),
        by_month=dict(sorted(by_month.items())),
        undated=undated,
    )
