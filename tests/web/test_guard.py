"""What every request passes: the Host header must name this server (DNS rebinding), a request
body is refused once it streams past its limit (chunked too), and every answer carries a
content security policy, nosniff and no framing."""

from __future__ import annotations

import select
import socket
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from quellenlage.web import create_app
from quellenlage.web.api import MAX_ANALYZE_BYTES
from quellenlage.web.guard import host_name
from tests.web.server import serving


@pytest.mark.parametrize(
    "path", ["/", "/?q=Kosten", "/claims", "/articles/1", "/api/health", "/api/articles/9999",
             "/static/style.css", "/docs", "/quellen"],
)
def test_every_answer_carries_the_security_headers(client: TestClient, path: str) -> None:
    answer = client.get(path)
    policy = answer.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src" not in policy or "'unsafe-inline'" not in policy.split("script-src")[1]
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"


def test_pages_allow_no_inline_style_or_script(client: TestClient) -> None:
    policy = client.get("/").headers["content-security-policy"]
    assert "unsafe-inline" not in policy
    assert "<style" not in client.get("/").text
    assert "<script" not in client.get("/?q=Kosten").text


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000"])
def test_local_host_names_are_served(db_url: str, host: str) -> None:
    with TestClient(create_app(db_url)) as client:
        assert client.get("/api/health", headers={"host": host}).status_code == 200


def test_another_host_name_is_refused_in_one_json_line(db_url: str) -> None:
    with TestClient(create_app(db_url)) as client:
        answer = client.get("/api/health", headers={"host": "boese.example"})
        assert answer.status_code == 400
        assert answer.json() == {
            "detail": "the host 'boese.example' is not served here; allow it with "
            "`quellenlage serve --allow-host boese.example`"
        }
        assert client.get("/", headers={"host": "boese.example:8000"}).status_code == 400
        assert client.get("/", headers={"host": "localhost.boese.example"}).status_code == 400


def test_a_configured_host_name_is_served(db_url: str) -> None:
    app = create_app(db_url, allowed_hosts=["Archiv.Redaktion.example"])
    with TestClient(app, base_url="http://archiv.redaktion.example:8000") as client:
        assert client.get("/api/health").status_code == 200
        assert client.get("/", headers={"host": "boese.example"}).status_code == 400


def test_host_names_without_their_port() -> None:
    assert host_name("LOCALHOST:8000") == "localhost"
    assert host_name("[::1]:8000") == "::1"
    assert host_name("::1") == "::1"
    assert host_name("") == ""


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    answer = client.post(
        "/api/analyze", content=b"x", headers={"content-length": str(MAX_ANALYZE_BYTES + 1),
                                               "content-type": "application/json"},
    )
    assert answer.status_code == 413
    assert answer.json() == {"detail": f"the request is larger than {MAX_ANALYZE_BYTES:,} bytes"}
    # other paths take small bodies only
    assert client.post("/api/search", content=b"x" * 70_000).status_code == 413
    assert client.post("/api/search", content=b"x").status_code == 405


def test_a_chunked_body_is_refused_once_it_streams_past_the_limit(db_url: str) -> None:
    """31 MB sent in chunks, without a Content-Length: the server answers 413 once about
    6 MB have come in, not after reading all of it. The kernel's socket buffers on both sides
    take several MB more before the answer is seen."""
    chunk = b"a" * 65_536
    sent = 0
    answer = b""
    with serving(create_app(db_url)) as url:
        address = urlsplit(url)
        with socket.create_connection((address.hostname, address.port), timeout=30) as sock:
            sock.sendall(
                b"POST /api/analyze HTTP/1.1\r\nHost: localhost\r\n"
                b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            try:
                while sent < 31 * 2**20 and not answer:
                    sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent += len(chunk)
                    if select.select([sock], [], [], 0)[0]:
                        answer = sock.recv(65_536)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server closed the connection after its answer
            while not answer.endswith(b"}"):
                try:
                    more = sock.recv(65_536)
                except ConnectionResetError:
                    break
                if not more:
                    break
                answer += more
    assert answer.startswith(b"HTTP/1.1 413")
    assert b'"the request is larger than' in answer
    assert sent < 24 * 2**20
