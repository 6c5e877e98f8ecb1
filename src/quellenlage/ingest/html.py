"""Article text and metadata from HTML pages, with trafilatura (boilerplate removed)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
import trafilatura
from lxml import etree

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


BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
    "table", "tr", "section", "article", "figcaption", "dd", "dt",
})
UNSEEN = ("script", "style", "noscript", "template")


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment without <html> or <body> (a feed entry's description or
    content), one paragraph per block, paragraphs separated by empty lines; plain text stays
    as it is. (trafilatura.html2txt returns nothing for a fragment without <body>.)"""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return " ".join(fragment.split())
    for element in list(root.iter(*UNSEEN)):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
            element.text = "\n\n" + (element.text or "")
    text = root.text_content()
    paragraphs = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)
