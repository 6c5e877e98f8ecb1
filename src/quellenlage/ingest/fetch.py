"""Fetching pages and feeds politely: a clear user agent, timeouts, a deadline for the whole
page (a server that sends a line now and then cannot hold an ingest), and a size limit."""

from __future__ import annotations

import threading
from contextlib import suppress
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
    deadline: float = READ_TIMEOUT  # seconds for the whole page: answer and body

    def __post_init__(self) -> None:
        if not min(self.connect_timeout, self.read_timeout, self.deadline) > 0:
            raise InputError("--timeout: give a number of seconds above 0")
        if self.max_bytes < 1:
            raise InputError(f"--max-bytes {self.max_bytes}: give a number of bytes above 0")


@cache
def _pool() -> urllib3.PoolManager:
    # Connection failures are retried; a server that is too slow once is not asked again.
    retries = urllib3.Retry(total=3, connect=2, read=0, redirect=5, backoff_factor=0.5)
    return urllib3.PoolManager(retries=retries)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch(url: str, settings: FetchSettings | None = None) -> FetchedPage:
    """The body of `url`, read up to the size limit within the deadline; FetchError says what
    went wrong."""
    settings = settings or FetchSettings()
    try:
        response = _pool().request(
            "GET",
            url,
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=urllib3.Timeout(connect=settings.connect_timeout, read=settings.read_timeout,
                                    total=settings.deadline),
            preload_content=False,
        )
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"{url}: cannot be fetched ({type(error).__name__}: {error})") from None
    # A read waits for data only up to the read timeout, but a server that sends a little
    # now and then would keep it going: at the deadline the socket is shut for reading.
    overdue = threading.Event()

    def stop() -> None:
        overdue.set()
        with suppress(Exception):  # the body may be read and the connection gone meanwhile
            response.shutdown()

    timer = threading.Timer(settings.deadline, stop)
    timer.daemon = True
    timer.start()
    complete = False
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
        if overdue.is_set():
            raise FetchError(f"{url}: not read completely within {settings.deadline:g} s")
        complete = True
        # urllib3 may report the path after redirects only; resolve it against the request.
        final_url = urljoin(url, response.geturl() or url)
        return FetchedPage(
            url=final_url,
            content=bytes(body),
            content_type=response.headers.get("Content-Type", "").lower(),
        )
    except urllib3.exceptions.HTTPError as error:
        if overdue.is_set():
            raise FetchError(f"{url}: not read completely within {settings.deadline:g} s"
                             ) from None
        raise FetchError(f"{url}: reading failed ({type(error).__name__}: {error})") from None
    finally:
        timer.cancel()
        if not complete:
            # a body left unread (an error page, a page over the limit) must not reach the
            # next request on this connection: the connection is closed, not reused
            response.close()
        response.release_conn()
