"""The pages in a real browser: Playwright drives Debian's Chromium (scripts/chromium.sh installs
it; Playwright never downloads a browser of its own) through search -> article -> source ->
claim on the small test archive, at a desktop's width and a phone's (390 px), where nothing may
run off the screen. Without a browser these tests skip with one line."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from quellenlage.web import create_app, pages
from tests.web.server import serving

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright is not installed: pip install -e '.[dev]'"
)
CHROMIUM = os.environ.get("QUELLENLAGE_CHROMIUM") or "/usr/bin/chromium"
if not Path(CHROMIUM).is_file():
    pytest.skip(
        f"no browser at {CHROMIUM}: run scripts/chromium.sh as root on Debian, or set "
        "QUELLENLAGE_CHROMIUM to a Chromium binary", allow_module_level=True,
    )
# Chromium as root, offline: no sandbox, no GPU, and none of its own calls home.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def site(db_url: str) -> Iterator[str]:
    """The test archive served on a loopback port, three rows to a page."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "PAGE_ROWS", 3)
        with serving(create_app(db_url)) as url:
            yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(params=list(WIDTHS))
def page(browser: Any, site: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    width = WIDTHS[request.param]
    context = browser.new_context(base_url=site, viewport={"width": width, "height": 900})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda message: errors.append(message.text)
              if message.type == "error" else None)
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == []  # no script error, nothing the content security policy blocked


def fits(page: Any) -> None:
    """Nothing runs off the side of the window."""
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for box in page.eval_on_selector_all(
        "td.quote, h1, svg.chart", "els => els.map(e => e.getBoundingClientRect().right)"
    ):
        assert box <= width + 0.5


def test_search_facets_pages_chart_and_csv(page: Any) -> None:
    page.goto("/")
    page.fill("input[name=q]", "Kosten")
    page.click("button[type=submit]")
    expect = sync_api.expect
    expect(page.locator(".pager .count").first).to_have_text("Treffer 1–3 von 8")
    expect(page.locator("svg.chart rect.bar").first).to_be_visible()
    expect(page.locator("td.quote mark.hit").first).to_have_text("Kosten")
    fits(page)

    page.locator('.facet[data-facet="outlet"] a', has_text="Tagesbote").click()
    expect(page.locator(".pager .count").first).to_have_text("Treffer 1–3 von 4")
    page.locator("a[rel=next]").first.click()
    expect(page.locator(".pager .count").first).to_have_text("Treffer 4–4 von 4")
    fits(page)

    csv_link = page.locator("a.csv").first.get_attribute("href")
    assert csv_link is not None
    download = page.request.get(csv_link)
    assert download.ok
    assert download.headers["content-type"] == "text/csv; charset=utf-8"
    lines = download.text().splitlines()
    assert lines[0].startswith("article_id,position,published,outlet")
    assert len(lines) == 5  # all 4 hits, not the page's 3


def test_search_to_article_to_source_to_claim(page: Any) -> None:
    expect = sync_api.expect
    page.goto("/")
    page.select_option("select[name=type]", label="direkt")
    page.fill("input[name=q]", "Straßenbahn")
    page.click("button[type=submit]")
    expect(page.locator(".pager .count").first).to_have_text("Treffer 1–2 von 2")
    fits(page)

    # the hit leads to its statement in the article, the words searched highlighted
    page.locator("td.quote a", has_text="Straßenbahn").first.click()
    expect(page.locator("h1")).to_have_text("Protest in der Stadt (1)")
    assert page.url.endswith("#aussage-1")
    expect(page.locator("tr:target td.quote mark.hit")).to_have_text("Straßenbahn")
    expect(page.locator("p.text .role-speaker").first).to_have_text(
        "Verkehrsminister Jonas Brandt"
    )
    expect(page.locator("p.text .role-cue").first).to_have_text("sagte")
    expect(page.locator("p.text .role-quote mark.hit")).to_have_text("Straßenbahn")
    fits(page)

    page.locator("tr#aussage-1 a", has_text="Jonas Brandt").click()
    expect(page.locator("h1")).to_have_text("Jonas Brandt")
    expect(page.locator("svg.chart")).to_be_visible()
    expect(page.locator(".pager .count").first).to_have_text("Aussagen 1–1 von 1")
    fits(page)

    page.locator("table.claims-of-source a").first.click()
    expect(page.locator("h1")).to_contain_text("Behauptung")
    expect(page.locator("svg.chart rect").first).to_be_visible()
    expect(page.locator("table.timeline a", has_text="Jonas Brandt")).to_be_visible()
    fits(page)


def test_who_is_quoted_and_the_claims(page: Any) -> None:
    expect = sync_api.expect
    page.goto("/quellen")
    expect(page.locator("h1")).to_have_text("Wer kommt zu Wort")
    expect(page.locator("svg.share").first).to_be_visible()
    fits(page)
    page.goto("/claims")
    page.select_option("select[name=stance]", label="bestreitet")
    page.click("button[type=submit]")
    expect(page.locator(".pager .count").first).to_have_text("Behauptungen 1–1 von 1")
    expect(page.locator("td.quote a")).to_contain_text("Wasserpreis")
    fits(page)


def test_the_api_docs_render_offline(page: Any) -> None:
    expect = sync_api.expect
    page.goto("/docs")
    expect(page.locator(".swagger-ui .title").first).to_contain_text("Quellenlage")
    expect(page.get_by_text("/api/search").first).to_be_visible()
