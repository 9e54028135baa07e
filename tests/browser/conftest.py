"""Browser tests: Playwright for Python driving Debian's Chromium, against the real site.

The site is built once per session as `make html` builds it (`real_site`, tests/conftest.py)
and served on a loopback port under its public path (site_server.py). Fixtures:

- `site_url`: where the home page is served (`http://127.0.0.1:PORT/blog/`).
- `browser`: one headless Chromium per test session (per xdist worker).
- `scheme`: "light" (default) or "dark"; parametrize it to get both.
- `desktop_page` (1280x900) and `phone_page` (390x844, mobile, touch): a fresh page in a fresh
  context with `scheme` as the preferred colour scheme; `new_page(viewport, scheme)` for more.
- `axe`: runs axe-core (from npm) in a page; `accessibility.violations()` reads the results.
- `report`: the crawl of every page of the site in `scheme` (crawl.py), once per test run.

Never a downloaded browser: Chromium is Debian's (chromium.py). Without it every test here is
skipped (__init__.py), in one line; without node_modules (npm) the axe tests are, in another.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .accessibility import Axe
from .chromium import (
    AXE_JS,
    CHROMIUM,
    CHROMIUM_FLAGS,
    NO_AXE,
    NO_CHROMIUM,
    VIEWPORTS,
    axe_available,
    chromium_available,
)
from .crawl import SiteReport, crawl_site
from .site_server import serve


@pytest.fixture(scope="session")
def site_server(real_site) -> Iterator[Any]:
    with serve(real_site) as server:
        yield server


@pytest.fixture(scope="session")
def site_url(site_server) -> str:
    return site_server.url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not chromium_available():
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright gives each launch a fresh, temporary user-data dir.
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def scheme() -> str:
    """The preferred colour scheme of the pages a test opens; parametrize it for dark."""
    return "light"


@pytest.fixture
def new_page(browser) -> Iterator[Callable[..., Any]]:
    """Open a page in its own context: `new_page("phone", "dark")`."""
    contexts = []

    def open_page(viewport: str = "desktop", scheme: str = "light") -> Any:
        context = browser.new_context(**VIEWPORTS[viewport], color_scheme=scheme)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def desktop_page(new_page, scheme) -> Any:
    return new_page("desktop", scheme)


@pytest.fixture
def phone_page(new_page, scheme) -> Any:
    return new_page("phone", scheme)


@pytest.fixture(scope="session")
def axe() -> Iterator[Axe]:
    """axe-core, served from node_modules on its own port and injected into pages on demand."""
    if not axe_available():
        pytest.skip(NO_AXE)
    with serve(AXE_JS.parent, prefix="/") as server:
        yield Axe(server.url + AXE_JS.name)


@pytest.fixture(scope="session")
def crawler(request, tmp_path_factory, real_site, site_url) -> Callable[[str], SiteReport]:
    """Gives the report of the whole site in a scheme, crawling it once per test run: under
    xdist the workers share the crawls (a lock and a JSON file in the run's temporary folder),
    so whichever needs a scheme first crawls it and the other waits and reads it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, common to its workers

    def report_in(scheme: str) -> SiteReport:
        saved = shared / f"site-crawl-{scheme}.json"
        with open(shared / f"site-crawl-{scheme}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not saved.exists():
                axe = request.getfixturevalue("axe") if axe_available() else None
                browser = request.getfixturevalue("browser")
                report = crawl_site(browser, axe, real_site, site_url, scheme)
                saved.write_text(json.dumps(dataclasses.asdict(report)), encoding="utf-8")
        return SiteReport.from_json(saved.read_text(encoding="utf-8"))

    return report_in


@pytest.fixture
def report(crawler, scheme) -> SiteReport:
    """The crawl of every page of the site in `scheme`."""
    result = crawler(scheme)
    pages = len(result.pages)
    print(
        f"crawled {pages} pages in {scheme} in {result.seconds:.1f} s "
        f"({result.seconds / max(pages, 1) * 1000:.0f} ms a page, axe included)"
    )
    return result
