"""Claims: the same claim made, answered and repeated across articles over time.

`link_claims(archive)` links every statement stored but not yet linked (its own step after
`ingest`, incremental and idempotent); `list_claims` and `claim_timeline` read the result.
"""

from __future__ import annotations

from quellenlage.claims.linker import LinkSettings, LinkSummary, link_claims
from quellenlage.claims.queries import (
    ClaimFilters,
    ClaimSummary,
    ClaimTimeline,
    TimelineEntry,
    claim_timeline,
    list_claims,
)
from quellenlage.claims.terms import claim_terms

__all__ = [
    "ClaimFilters",
    "ClaimSummary",
    "ClaimTimeline",
    "LinkSettings",
    "LinkSummary",
    "TimelineEntry",
    "claim_terms",
    "claim_timeline",
    "link_claims",
    "list_claims",
]
