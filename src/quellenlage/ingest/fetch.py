"""Fetching pages and feeds politely: a clear user agent, timeouts, and a size limit."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import urljoin

import urllib3

from quellenlage import __version__
from quellenlage.errors import InputError

USER_AGENT = f"quellenlage/{__version__} (news attribution archive; python-urllib3)"
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
MAX_BYTES = 10 * 1024 * 1024
CHUNK = 64 * 1024


class FetchError(InputError):
    """A URL could not be fetched (network, status, size): reported, and the ingest goes on."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    content: bytes
    content_type: str


@dataclass(frozen=True, slots=True)
class FetchSettings:
    connect_timeout: float = CONNECT_TIMEOUT
    read_timeout: float = READ_TIMEOUT
    max_bytes: int = MAX_BYTES
    user_agent: str = USER_AGENT


@cache
def _pool() -> urllib3.PoolManager:
    # Connection failures are retried; a server that is too slow once is not asked again.
    retries = urllib3.Retry(total=3, connect=2, read=0, redirect=5, backoff_factor=0.5)
    return urllib3.PoolManager(retries=retries)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch(url: str, settings: FetchSettings | None = None) -> FetchedPage:
    """The body of `url`, read up to the size limit; FetchError says what went wrong."""
    settings = settings or FetchSettings()
    try:
        response = _pool().request(
            "GET",
            url,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=settings.connect_timeout, read=settings.read_timeout),
            preload_content=False,
        )
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"{url}: cannot be fetched ({type(error).__name__}: {error})") from None
    try:
        if response.status >= 400:
            raise FetchError(f"{url}: the server answered HTTP {response.status}")
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError(f"{url}: {declared} bytes is over the limit of {settings.max_bytes}")
        body = bytearray()
        for chunk in response.stream(CHUNK):
            body.extend(chunk)
            if len(body) > settings.max_bytes:
                raise FetchError(f"{url}: more than {settings.max_bytes} bytes; not read further")
        # urllib3 may report the path after redirects only; resolve it against the request.
        final_url = urljoin(url, response.geturl() or url)
        return FetchedPage(
            url=final_url,
            content=bytes(body),
            content_type=response.headers.get("Content-Type", "").lower(),
        )
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"{url}: reading failed ({type(error).__name__}: {error})") from None
    finally:
        response.release_conn()
