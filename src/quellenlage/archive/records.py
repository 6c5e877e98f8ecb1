"""What the archive stores about an article besides the analysis, and the prepared write unit.

`prepare()` does all the work that needs no database (hashing, MinHash, search terms, source keys),
so worker processes can do it in parallel and the single writer only writes.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any

from quellenlage.archive import neardup
from quellenlage.archive.text_search import index_text
from quellenlage.errors import InputError
from quellenlage.model import ROLE_NAMES, Article, Attribution

SPACES = re.compile(r"\s+")
# What no database stores as text: NUL (PostgreSQL refuses it, SQLite would keep it) and
# halves of surrogate pairs (neither can encode them; a JSON escape can hold one).
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
EDGE_PUNCTUATION = " \t\n\"'„“”‚‘’»«()[],.:;"
META_FIELDS = ("url", "outlet", "title", "author", "published", "language", "section", "origin")


@dataclass(slots=True)
class ArticleMeta:
    """Metadata kept where known. `published` is naive UTC; `origin` says where it was read."""

    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    section: str | None = None
    origin: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleMeta:
        values: dict[str, Any] = {}
        for name in META_FIELDS:
            value = data.get(name)
            values[name] = None if value is None or value == "" else str(value)
        values["published"] = parse_datetime(data.get("published"))
        return cls(**values)


def storable(text: str) -> str:
    """`text` without NUL characters and with stray surrogates replaced (U+FFFD)."""
    if UNSTORABLE.search(text) is None:
        return text
    return UNSTORABLE.sub(lambda match: "" if match.group() == "\x00" else "\ufffd", text)


def storable_meta(meta: ArticleMeta) -> ArticleMeta:
    """The metadata with every string made storable."""
    cleaned = {name: storable(value) for name in META_FIELDS
               if isinstance(value := getattr(meta, name), str) and UNSTORABLE.search(value)}
    return replace(meta, **cleaned) if cleaned else meta


def parse_datetime(value: object) -> datetime | None:
    """A naive UTC datetime from a datetime, a date or an ISO 8601 string; None when unknown."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        text = str(value).strip()
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            from email.utils import parsedate_to_datetime

            try:
                moment = parsedate_to_datetime(text)
            except (TypeError, ValueError):
                return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def normalise_text(text: str) -> str:
    return SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_hash(text: str) -> str:
    """The identity of an article's text: equal after Unicode and whitespace normalisation."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def source_key(name: str) -> str:
    """The canonical form of a source name: the same person or body in any article."""
    return normalise_text(name).strip(EDGE_PUNCTUATION).casefold()[:300]


@dataclass(slots=True)
class PreparedSource:
    key: str
    kind: str
    name: str


@dataclass(slots=True)
class PreparedAttribution:
    position: int
    columns: dict[str, Any]  # the attributions table's own columns
    source: PreparedSource | None
    channel: tuple[str, str] | None  # (kind, outlet or "")
    spans: list[tuple[str, int, int, int]]  # (role, ordinal, start, end)
    search_text: str


@dataclass(slots=True)
class PreparedArticle:
    meta: ArticleMeta
    text: str
    content_hash: str
    attributions: list[PreparedAttribution]
    mentions: list[tuple[PreparedSource, int, int]]
    signature: bytes | None
    band_keys: list[int]
    search_title: str
    search_body: str


def prepare(
    article: Article, meta: ArticleMeta, *, known_hash: str | None = None
) -> PreparedArticle:
    """Everything the writer needs, computed without a database. `known_hash`: the text's
    content hash where the caller has computed it already. A text no database can store (a
    NUL character) is an InputError on SQLite and PostgreSQL alike; metadata is cleaned."""
    if UNSTORABLE.search(article.text):
        raise InputError("the text holds a NUL character or a stray surrogate, which the "
                         "archive cannot store; read it with `quellenlage ingest`, which "
                         "removes them")
    meta = storable_meta(meta)
    prepared = [_prepare_attribution(i, a) for i, a in enumerate(article.attributions)]
    mentions: dict[tuple[str, str, int], tuple[PreparedSource, int, int]] = {}
    for attribution, item in zip(article.attributions, prepared, strict=True):
        if attribution.source is not None and item.source is not None:
            for start, end in attribution.source.mentions:
                mentions[(item.source.key, item.source.kind, start)] = (item.source, start, end)
    signature = neardup.signature(article.text)
    return PreparedArticle(
        meta=meta,
        text=article.text,
        content_hash=known_hash or content_hash(article.text),
        attributions=prepared,
        mentions=list(mentions.values()),
        signature=signature,
        band_keys=neardup.band_keys(signature) if signature else [],
        search_title=index_text(meta.title),
        search_body=index_text(article.text),
    )


def _prepare_attribution(position: int, attribution: Attribution) -> PreparedAttribution:
    source = _source_of(attribution)
    columns: dict[str, Any] = {
        "position": position,
        "type": str(attribution.type),
        "medium": str(attribution.medium),
        "stance": attribution.stance,
        "responds_to": attribution.responds_to,
        "quote_text": attribution.quote.text,
        "quote_start": attribution.quote.start,
        "quote_end": attribution.quote.end,
        "channel_text": attribution.channel.text if attribution.channel else None,
        # Encoded here, in the worker: a string crosses to the writer process in half the time
        # of the nested dict, and the writer stores it as it is (database.EncodedJSON).
        "data": json.dumps(_statement_data(attribution, stored_source=source is not None)),
    }
    spans: list[tuple[str, int, int, int]] = []
    for role in ("quote", *ROLE_NAMES):
        part = getattr(attribution, role)
        if role != "quote":
            columns[f"{role}_text"] = part.text if part else None
        if part is not None:
            spans.extend((role, n, s, e) for n, (s, e) in enumerate(part.spans))
    if attribution.channel is not None:
        spans.extend(("channel", n, s, e) for n, (s, e) in enumerate(attribution.channel.spans))
    return PreparedAttribution(
        position=position,
        columns=columns,
        source=source,
        channel=(
            (attribution.channel.kind, attribution.channel.outlet or "")
            if attribution.channel
            else None
        ),
        spans=spans,
        search_text=index_text(attribution.quote.text),
    )


def _statement_data(attribution: Attribution, *, stored_source: bool) -> dict[str, Any]:
    """The statement's JSON; a source stored as one without its mentions: the mentions table
    holds them once per article (copied into every statement they grew with the square of the
    text)."""
    data = attribution.to_dict()
    if stored_source:
        del data["source"]["mentions"]
    return data


def _source_of(attribution: Attribution) -> PreparedSource | None:
    """The resolved source, or None. A speaker the resolver left unresolved ("sie", "Ich",
    "Demnach") is no source: stored as one it would make every article's "Ich" the same
    source. Its words stay on the statement (speaker_text), where a source search finds them."""
    if attribution.source is None:
        return None
    key = source_key(attribution.source.name)
    if not key:
        return None
    return PreparedSource(
        key=key, kind=attribution.source.kind or "unknown",
        name=normalise_text(attribution.source.name),
    )
