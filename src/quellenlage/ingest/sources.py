"""Readers: every input names files, folders, URLs or feeds; each yields raw articles.

A reader never stops the whole ingest for one bad record: it yields a `ReadProblem` (origin and
reason) and goes on. An input named that does not exist raises InputError up front; one that
exists but cannot be read (no permission, not UTF-8, not a WARC file) fails when it is read,
and the caller reports it by name (`input_problem`) and reads the next one.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

import feedparser
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from quellenlage.archive.records import ArticleMeta, parse_datetime, storable, storable_meta
from quellenlage.errors import InputError
from quellenlage.ingest.fetch import MAX_BYTES, FetchError, FetchSettings, fetch, is_url
from quellenlage.ingest.html import extract_html, fragment_text
from quellenlage.text.reading import decode_problem, decode_utf8, read_text

CSV_SAMPLE = 64 * 1024
FEED_SNIFF = 2048
MIN_FEED_TEXT = 200  # a feed summary shorter than this is a teaser, not the article

# Where each metadata field is looked for in JSONL objects and CSV headers, in order.
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "sitename", "publisher"),
    "author": ("author", "authors", "byline"),
    "published": ("published", "date", "date_publish", "published_at", "pubdate"),
    "language": ("language", "lang"),
    "section": ("section", "category", "label"),
}


class InputKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    CSV = "csv"
    WARC = "warc"
    FEED = "feed"
    URL = "url"


SUFFIXES: dict[str, InputKind] = {
    ".txt": InputKind.TEXT,
    ".html": InputKind.HTML,
    ".htm": InputKind.HTML,
    ".jsonl": InputKind.JSONL,
    ".ndjson": InputKind.JSONL,
    ".csv": InputKind.CSV,
    ".tsv": InputKind.CSV,
    ".warc": InputKind.WARC,
    ".warc.gz": InputKind.WARC,
    ".rss": InputKind.FEED,
    ".atom": InputKind.FEED,
    ".xml": InputKind.FEED,
}


@dataclass(frozen=True, slots=True)
class RawArticle:
    """A text read from an input, with its metadata; both made storable (no NUL), so that
    SQLite and PostgreSQL store the same article."""

    text: str
    meta: ArticleMeta

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", storable(self.text))
        object.__setattr__(self, "meta", storable_meta(self.meta))


@dataclass(frozen=True, slots=True)
class ReadProblem:
    origin: str
    reason: str


ReadItem = RawArticle | ReadProblem


@dataclass(frozen=True, slots=True)
class ReaderOptions:
    """How to read corpora: `fields` maps a metadata field (text, title, url, outlet, author,
    published, language, section) to a JSONL key, a CSV header or a CSV column number (from 0)."""

    fields: Mapping[str, str] = field(default_factory=dict)
    delimiter: str | None = None  # CSV; sniffed when None
    quotechar: str | None = None  # CSV; sniffed when None
    follow_feed_links: bool = True  # fetch each feed entry's page for the full text
    outlet: str | None = None  # for articles whose outlet is not known otherwise
    fetch: FetchSettings = field(default_factory=FetchSettings)

    def __post_init__(self) -> None:
        for option, value in (("--delimiter", self.delimiter), ("--quotechar", self.quotechar)):
            if value is not None and len(value) != 1:
                raise InputError(f"{option} {value!r}: give one character, e.g. {option} ';'")


def parse_field_mapping(pairs: Iterable[str]) -> dict[str, str]:
    """`text=body` style pairs, checked against the known fields."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        name, sep, column = pair.partition("=")
        name = name.strip().lower()
        if not sep or not column.strip():
            raise InputError(f"--field {pair!r}: write FIELD=COLUMN, e.g. text=body or text=1")
        if name not in DEFAULT_FIELDS:
            raise InputError(f"--field {pair!r}: unknown field; use {', '.join(DEFAULT_FIELDS)}")
        mapping[name] = column.strip()
    return mapping


def kind_of(path: Path) -> InputKind | None:
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def expand_inputs(specs: Iterable[str]) -> tuple[list[str], list[ReadProblem]]:
    """URLs as given, files checked, folders replaced by the files of a known kind in them
    (sorted), and the folders among them that cannot be listed."""
    expanded: list[str] = []
    unreadable: list[ReadProblem] = []
    for spec in specs:
        if is_url(spec):
            expanded.append(spec)
            continue
        path = Path(spec)
        if path.is_dir():
            expanded.extend(_files_in(path, unreadable))
        elif path.is_file():
            if kind_of(path) is None:
                known = ", ".join(sorted(SUFFIXES))
                raise InputError(f"{spec}: unknown kind of file; readable are {known}")
            expanded.append(spec)
        else:
            raise InputError(f"{spec}: no such file, folder or http(s) URL")
    return expanded, unreadable


def _files_in(folder: Path, unreadable: list[ReadProblem]) -> list[str]:
    """The files of a known kind in `folder` and below, sorted; each subfolder that cannot be
    listed is added to `unreadable`."""
    found: list[str] = []

    def note(error: OSError) -> None:
        where = str(error.filename or folder)
        unreadable.append(ReadProblem(where, f"folder cannot be read ({error.strerror})"))

    for parent, _, names in os.walk(folder, onerror=note):
        found.extend(os.path.join(parent, name) for name in names
                     if kind_of(Path(name)) is not None
                     and os.path.isfile(os.path.join(parent, name)))
    return sorted(found, key=lambda name: Path(name).parts)


def input_problem(spec: str, error: BaseException) -> str:
    """Why an input could not be read, in one line and without its name (said beside it)."""
    if isinstance(error, UnicodeDecodeError):
        reason = decode_problem(error.object, error.start)
    elif isinstance(error, ArchiveLoadFailed) and "non-chunked gzip" in str(error):
        reason = ("not a readable WARC file (compressed as one gzip stream, not record by "
                  "record; `warcio recompress` makes it readable)")
    elif isinstance(error, ArchiveLoadFailed):
        reason = "not a readable WARC file (the records are not in WARC format)"
    elif isinstance(error, OSError) and error.strerror:
        reason = f"cannot be read ({error.strerror})"
    elif isinstance(error, csv.Error):
        reason = f"not a readable CSV file ({error})"
    elif isinstance(error, InputError):
        reason = str(error)
    else:
        reason = f"cannot be read ({type(error).__name__}: {error})"
    reason = reason.removeprefix(f"{spec}: ").strip()
    first_line = reason.splitlines()[0] if reason else type(error).__name__
    return first_line if first_line.isprintable() else ascii(first_line)[1:-1]


def count_articles(spec: str, options: ReaderOptions) -> int | None:
    """How many articles `spec` holds when that is cheap to know, else None."""
    if is_url(spec):
        return None
    path = Path(spec)
    kind = kind_of(path)
    if kind in (InputKind.TEXT, InputKind.HTML):
        return 1
    if kind is InputKind.JSONL:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    if kind is InputKind.CSV:
        return sum(1 for _ in _csv_records(path, options))
    return None


def read_input(spec: str, options: ReaderOptions) -> Iterator[ReadItem]:
    """The articles of one input (a URL or a file, not a folder)."""
    items = _read_url(spec, options) if is_url(spec) else _read_file(Path(spec), options)
    for item in items:
        if isinstance(item, RawArticle) and options.outlet and not item.meta.outlet:
            item = RawArticle(item.text, replace(item.meta, outlet=options.outlet))
        yield item


def _read_file(path: Path, options: ReaderOptions) -> Iterator[ReadItem]:
    kind = kind_of(path)
    origin = str(path)
    if kind is InputKind.TEXT:
        text = read_text(origin)
        if not text.strip():
            yield ReadProblem(origin, "empty text")
        else:
            yield RawArticle(text, ArticleMeta(origin=origin))
    elif kind is InputKind.HTML:
        page = extract_html(path.read_bytes())
        if page is None:
            yield ReadProblem(origin, "no article text found in the HTML")
        else:
            yield RawArticle(page.text, replace(page.meta, origin=origin))
    elif kind is InputKind.JSONL:
        yield from _read_jsonl(path, options)
    elif kind is InputKind.CSV:
        yield from _read_csv(path, options)
    elif kind is InputKind.WARC:
        yield from _read_warc(path, options.fetch.max_bytes)
    elif kind is InputKind.FEED:
        yield from _read_feed(path.read_bytes(), origin, options)
    else:
        raise InputError(f"{path}: unknown kind of file")


def _read_url(url: str, options: ReaderOptions) -> Iterator[ReadItem]:
    try:
        page = fetch(url, options.fetch)
    except FetchError as error:
        yield ReadProblem(url, str(error))
        return
    if looks_like_feed(page.content, page.content_type):
        yield from _read_feed(page.content, url, options)
        return
    extracted = extract_html(page.content, page.url)
    if extracted is None:
        yield ReadProblem(url, "no article text found on the page")
    else:
        yield RawArticle(extracted.text, replace(extracted.meta, origin=url))


def looks_like_feed(content: bytes, content_type: str = "") -> bool:
    if "rss" in content_type or "atom" in content_type:
        return True
    head = content[:FEED_SNIFF].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _read_feed(content: bytes, origin: str, options: ReaderOptions) -> Iterator[ReadItem]:
    # From a stream: feedparser.parse() takes a str or bytes for a path or URL first, so a
    # server could make it read a local file.
    feed = feedparser.parse(io.BytesIO(content))
    if feed.bozo and not feed.entries:
        yield ReadProblem(origin, f"not a readable RSS/Atom feed ({feed.get('bozo_exception')})")
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        meta = ArticleMeta(
            url=link,
            outlet=outlet,
            title=entry.get("title"),
            author=entry.get("author"),
            published=_feed_time(entry),
            language=feed.feed.get("language"),
            origin=link or f"{origin}#{number}",
        )
        summary_html = entry["content"][0].get("value", "") if entry.get("content") else ""
        summary = fragment_text(summary_html or entry.get("summary", ""))
        problem = None
        if options.follow_feed_links and link and is_url(link):
            try:
                page = fetch(link, options.fetch)
                extracted = extract_html(page.content, page.url)
                if extracted is not None:
                    found = extracted.meta
                    yield RawArticle(
                        extracted.text,
                        replace(
                            meta,
                            title=meta.title or found.title,
                            author=meta.author or found.author,
                            published=meta.published or found.published,
                        ),
                    )
                    continue
                problem = "no article text found on the page"
            except FetchError as error:
                problem = str(error)
        if len(summary) >= MIN_FEED_TEXT:
            yield RawArticle(summary, meta)
        else:
            yield ReadProblem(meta.origin or origin, problem or "the feed entry has no full text")


def _feed_time(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed"):
        moment = entry.get(key)
        if moment:
            return datetime(*moment[:6])  # feedparser normalises to UTC
    return None


def _read_jsonl(path: Path, options: ReaderOptions) -> Iterator[ReadItem]:
    with path.open("rb") as handle:
        for number, raw_line in enumerate(handle, start=1):
            origin = f"{path}:{number}"
            if not raw_line.strip():
                continue
            try:
                record = json.loads(decode_utf8(raw_line, origin))
            except InputError as error:
                yield ReadProblem(origin, str(error).removeprefix(f"{origin}: "))
                continue
            except json.JSONDecodeError as error:
                yield ReadProblem(origin, f"not a JSON line ({error})")
                continue
            if not isinstance(record, dict):
                yield ReadProblem(origin, "a JSON line must hold an object")
                continue
            yield record_article(record, origin, options.fields)


def record_value(record: Mapping[str, Any], name: str, mapping: Mapping[str, str]) -> Any:
    """The value of metadata field `name` in a record, by the mapping or the usual keys."""
    if name in mapping:
        return record.get(mapping[name])
    lowered = {str(key).lower(): value for key, value in record.items()}
    for key in DEFAULT_FIELDS[name]:
        if lowered.get(key) not in (None, ""):
            return lowered[key]
    return None


def record_article(
    record: Mapping[str, Any], origin: str, mapping: Mapping[str, str]
) -> ReadItem:
    text = record_value(record, "text", mapping)
    if not isinstance(text, str) or not text.strip():
        return ReadProblem(origin, "no text (map the text field with --field text=KEY)")
    values: dict[str, Any] = {}
    for name in ("url", "outlet", "title", "author", "language", "section"):
        value = record_value(record, name, mapping)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        values[name] = str(value) if value not in (None, "") else None
    published = parse_datetime(record_value(record, "published", mapping))
    return RawArticle(text, ArticleMeta(published=published, origin=origin, **values))


def _csv_dialect(sample: str, options: ReaderOptions) -> tuple[str, str]:
    """The delimiter and quote character: given, or the pair that splits rows most evenly."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    if options.delimiter:
        delimiter = options.delimiter
    else:
        def evenness(candidate: str) -> tuple[float, int]:
            counts = [line.count(candidate) for line in lines]
            if not counts or max(counts) == 0:
                return (0.0, 0)
            modal = max(set(counts), key=counts.count)
            return (counts.count(modal) / len(counts), -modal)

        delimiter = max((",", ";", "\t", "|"), key=evenness)
    if options.quotechar:
        return delimiter, options.quotechar
    single = sum(line.startswith("'") or f"{delimiter}'" in line for line in lines)
    double = sum(line.startswith('"') or f'{delimiter}"' in line for line in lines)
    return delimiter, "'" if single > double else '"'


def _csv_records(path: Path, options: ReaderOptions) -> Iterator[tuple[str, dict[str, Any]]]:
    """(origin, record) per row; records are keyed by header names or by column numbers."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        delimiter, quotechar = _csv_dialect(handle.read(CSV_SAMPLE), options)
        handle.seek(0)
        reader = csv.reader(handle, delimiter=delimiter, quotechar=quotechar)
        first = next(reader, None)
        if first is None:
            return
        lowered = [cell.strip().lower() for cell in first]
        known = {key for keys in DEFAULT_FIELDS.values() for key in keys}
        mapped = set(options.fields.values())
        has_header = bool(known & set(lowered)) or bool(mapped & set(first))
        header = first if has_header else [str(i) for i in range(len(first))]
        missing = {name: column for name, column in options.fields.items()
                   if column not in header}
        if missing:
            name, column = next(iter(missing.items()))
            shown = ", ".join(header[:12]) + (" ..." if len(header) > 12 else "")
            raise InputError(f"--field {name}={column}: this CSV has no such column "
                             f"(columns: {shown})")
        rows = reader if has_header else chain([first], reader)
        for number, row in enumerate(rows, start=2 if has_header else 1):
            yield f"{path}:{number}", dict(zip(header, row, strict=False))


def _read_csv(path: Path, options: ReaderOptions) -> Iterator[ReadItem]:
    mapping = dict(options.fields)
    records = _csv_records(path, options)
    buffered: list[tuple[str, dict[str, Any]]] = []
    if "text" not in mapping:
        # Without a header or mapping the text is the column with the longest values.
        for item in records:
            buffered.append(item)
            if len(buffered) >= 20:
                break
        if buffered and all(key.isdigit() for key in buffered[0][1]):
            width = max(len(record) for _, record in buffered)
            mapping["text"] = max(
                (str(i) for i in range(width)),
                key=lambda key: sum(len(record.get(key) or "") for _, record in buffered),
            )
    for origin, record in chain(buffered, records):
        yield record_article(record, origin, mapping)


def _read_warc(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[ReadItem]:
    with path.open("rb") as handle:
        yield from read_warc_stream(handle, str(path), max_bytes)


def read_warc_stream(
    handle: BinaryIO, name: str, max_bytes: int = MAX_BYTES
) -> Iterator[ReadItem]:
    """Articles in a WARC stream: HTML responses (main text extracted) and plain-text records.
    A record over `max_bytes` (uncompressed) or cut short (a truncated file) is reported and
    skipped; a record's rest is skipped without being held in memory."""
    records = ArchiveIterator(handle)
    records.INC_RECORD = ""  # its warning about a bad record length goes to stderr as it is
    seen = 0
    for seen, record in enumerate(records, start=1):  # noqa: B007 - counted for the end
        if record.format != "warc":  # warcio's fallback for what is no WARC record: ARC
            yield ReadProblem(name, "not a readable WARC file (a record is not in WARC format)")
            return
        url = record.rec_headers.get_header("WARC-Target-URI")
        origin = url or f"{name}#{record.rec_headers.get_header('WARC-Record-ID')}"
        if record.rec_type == "response" and record.http_headers is not None:
            content_type = (record.http_headers.get_header("Content-Type") or "").lower()
            status = record.http_headers.get_statuscode()
            if "html" not in content_type or not str(status).startswith("2"):
                continue
        elif record.rec_type in ("resource", "conversion"):
            content_type = (record.rec_headers.get_header("Content-Type") or "").lower()
            if not content_type.startswith("text/plain"):
                continue
        else:
            continue
        content = record.content_stream().read(max_bytes + 1)
        if len(content) > max_bytes:
            yield ReadProblem(origin, f"record over the limit of {max_bytes} bytes; skipped")
            continue
        if record.raw_stream.limit > 0:
            yield ReadProblem(origin, "record cut short (the WARC file is truncated); skipped")
            continue
        if record.rec_type == "response":
            page = extract_html(content, url)
            if page is None:
                yield ReadProblem(origin, "no article text found in the archived page")
                continue
            yield RawArticle(page.text, replace(page.meta, url=url, origin=origin))
            continue
        try:
            text = decode_utf8(content, origin)
        except InputError as error:
            yield ReadProblem(origin, str(error).removeprefix(f"{origin}: "))
            continue
        yield RawArticle(text, ArticleMeta(url=url, origin=origin))
    if not seen:
        yield ReadProblem(name, "not a readable WARC file (no WARC records in it)")
