"""Statements whose speaker was resolved to no source no longer point to a source row.

Archives written before this revision stored such a speaker's words as a source of kind
"unknown", so every article's "Ich", "sie" or "Demnach" became one source. The statements keep
their speaker's words (speaker_text, and the statement's JSON, which never had a source); only
the link goes, with the source rows nothing refers to any more, and each claim's count of
sources is taken again.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 1000

attributions = sa.table(
    "attributions", sa.column("id"), sa.column("source_id"), sa.column("data")
)
sources = sa.table("sources", sa.column("id"))
mentions = sa.table("mentions", sa.column("source_id"))
claims = sa.table("claims", sa.column("id"), sa.column("source_count"))
claim_statements = sa.table(
    "claim_statements", sa.column("claim_id"), sa.column("attribution_id")
)


def upgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(attributions.c.id, attributions.c.data).where(
            attributions.c.source_id.is_not(None)
        )
    )
    unresolved = [number for number, data in rows if not _statement(data).get("source")]
    for start in range(0, len(unresolved), BATCH):
        connection.execute(
            attributions.update()
            .where(attributions.c.id.in_(unresolved[start : start + BATCH]))
            .values(source_id=None)
        )
    if not unresolved:
        return
    referred = sa.union(
        sa.select(attributions.c.source_id).where(attributions.c.source_id.is_not(None)),
        sa.select(mentions.c.source_id),
    )
    connection.execute(sources.delete().where(sources.c.id.not_in(referred)))
    statement_sources = (
        sa.select(sa.func.count(sa.distinct(attributions.c.source_id)))
        .select_from(
            claim_statements.join(
                attributions, attributions.c.id == claim_statements.c.attribution_id
            )
        )
        .where(claim_statements.c.claim_id == claims.c.id)
        .scalar_subquery()
    )
    connection.execute(claims.update().values(source_count=statement_sources))


def downgrade() -> None:
    """Nothing to restore: the links removed named no source."""


def _statement(data: object) -> dict[str, object]:
    """The statement's JSON as a dict (a string on SQLite, decoded already on PostgreSQL)."""
    if isinstance(data, str | bytes):
        decoded = json.loads(data)
        return decoded if isinstance(decoded, dict) else {}
    return data if isinstance(data, dict) else {}
