"""Claims: statements of different articles that make the same claim, linked by quellenlage.claims.

Only adds tables, so existing archives keep every row; the linker fills them later
(`quellenlage link-claims`).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IdType = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "claims",
        sa.Column("id", IdType, primary_key=True, autoincrement=True),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column(
            "label_attribution_id",
            IdType,
            sa.ForeignKey("attributions.id", name="fk_claims_label_attribution_id_attributions"),
            nullable=False,
        ),
        sa.Column("first_seen", sa.DateTime()),
        sa.Column("last_seen", sa.DateTime()),
        sa.Column("statement_count", sa.Integer(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("source_count", sa.Integer(), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
    )
    op.create_index("ix_claims_article_count", "claims", ["article_count"])

    op.create_table(
        "claim_statements",
        sa.Column(
            "attribution_id",
            IdType,
            sa.ForeignKey(
                "attributions.id", name="fk_claim_statements_attribution_id_attributions"
            ),
            nullable=False,
        ),
        sa.Column(
            "claim_id",
            IdType,
            sa.ForeignKey("claims.id", name="fk_claim_statements_claim_id_claims"),
            nullable=False,
        ),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("attribution_id", name="pk_claim_statements"),
    )
    op.create_index("ix_claim_statements_claim_id", "claim_statements", ["claim_id"])

    op.create_table(
        "claim_terms",
        sa.Column("term", sa.String(100), nullable=False),
        sa.Column(
            "claim_id",
            IdType,
            sa.ForeignKey("claims.id", name="fk_claim_terms_claim_id_claims"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("term", "claim_id", name="pk_claim_terms"),
    )

    op.create_table(
        "claim_term_counts",
        sa.Column("term", sa.String(100), nullable=False),
        sa.Column("statements", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("term", name="pk_claim_term_counts"),
    )


def downgrade() -> None:
    op.drop_table("claim_term_counts")
    op.drop_table("claim_terms")
    op.drop_index("ix_claim_statements_claim_id", table_name="claim_statements")
    op.drop_table("claim_statements")
    op.drop_index("ix_claims_article_count", table_name="claims")
    op.drop_table("claims")
