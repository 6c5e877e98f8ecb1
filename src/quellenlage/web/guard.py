"""What every request passes before the app sees it, as one ASGI middleware: the Host header must
name this server (a page of another site that rebinds its DNS name to 127.0.0.1 must not read
the archive), a request body may not exceed its limit (counted while it streams in, chunked
bodies too, so an oversized upload is refused before it is held in memory), and every answer
carries headers that keep it from running foreign scripts or being framed by another site."""

from __future__ import annotations

import json
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")
# Scripts, styles, images and fonts from this server only; no framing, no plugins.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# The API docs (Swagger UI, ReDoc) set styles from their scripts, and ReDoc searches in a worker.
DOCS_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
SECURITY_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
)


def host_name(header: str) -> str:
    """The host of a Host header, without its port: `[::1]:8000` -> `::1`."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Checks the Host header and the body size, and adds the security headers."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        allowed_hosts: Iterable[str] = (),
        body_limits: dict[str, int] | None = None,
        default_body_limit: int = 65_536,
    ) -> None:
        self.app = app
        self.allowed_hosts = frozenset(
            {*LOCAL_HOSTS, *(host_name(host) for host in allowed_hosts)}
        )
        self.body_limits = body_limits or {}
        self.default_body_limit = default_body_limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1"): value.decode("latin-1")
                   for key, value in scope.get("headers", [])}
        path: str = scope.get("path", "")
        send = self._with_security_headers(send, path)
        host = host_name(headers.get("host", ""))
        if host not in self.allowed_hosts:
            await _refuse(send, 400, f"the host {host!r} is not served here; allow it with "
                                     f"`quellenlage serve --allow-host {host or 'NAME'}`")
            return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit = self.body_limits.get(path, self.default_body_limit)
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > limit:
            await _refuse(send, 413, f"the request is larger than {limit:,} bytes")
            return
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            if len(body) > limit:
                await _refuse(send, 413, f"the request is larger than {limit:,} bytes")
                return
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(bytes(body), receive), send)

    def _with_security_headers(self, send: Send, path: str) -> Send:
        policy = DOCS_CONTENT_SECURITY_POLICY if path in DOCS_PATHS else CONTENT_SECURITY_POLICY

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", []),
                    (b"content-security-policy", policy.encode()),
                    *SECURITY_HEADERS,
                ]
            await send(message)

        return sending


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body read once more, for the app; after it, the client's own messages."""
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def _refuse(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close")],
    })
    await send({"type": "http.response.body", "body": body})
