"""Article text and metadata from HTML pages, with trafilatura (boilerplate removed)."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from quellenlage.archive.records import ArticleMeta, parse_datetime


@dataclass(frozen=True, slots=True)
class ExtractedPage:
    text: str
    meta: ArticleMeta


def extract_html(content: bytes | str, url: str | None = None) -> ExtractedPage | None:
    """The main text of a page with its title, author, date and site; None when there is none."""
    document = trafilatura.bare_extraction(
        content,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    if document is None or not getattr(document, "text", None):
        return None
    # trafilatura writes one paragraph a line; the text layer starts paragraphs at empty lines.
    paragraphs = [line.strip() for line in document.text.splitlines() if line.strip()]
    meta = ArticleMeta(
        url=document.url or url,
        outlet=document.sitename or document.hostname,
        title=document.title,
        author=document.author,
        published=parse_datetime(document.date),
        language=document.language,
    )
    return ExtractedPage(text="\n\n".join(paragraphs), meta=meta)
