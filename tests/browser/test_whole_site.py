"""Every page of the built site, in light and dark: it loads without errors, every request it
makes succeeds, its icon loads and its links lead somewhere. (axe-core: test_accessibility.py.)

The `report` fixture (conftest.py, crawl.py) crawls the whole site once per colour scheme and
test run; each test here reads one check of it.

The icon is the theme's (extensions/theme/blog/favicon.svg) unless conf.py names one
(blog_favicon): no page asks for a missing /favicon.ico.
"""

from __future__ import annotations

import pytest

from .crawl import SCHEMES, problems
from .site_server import html_pages

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_crawl_visits_every_page_of_the_output(report, real_site):
    every = set(html_pages(real_site))
    assert set(report.pages) == every and {"index.html", "404.html"} <= every
    bad = [f"{page}: HTTP {status}" for page, status in report.pages.items() if status != 200]
    assert not bad, problems(bad, "pages did not load")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_console_errors_or_page_errors(report):
    found = report.console_errors
    assert not found, problems(found, "console errors")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_same_origin_request_succeeds(report):
    """No missing image, stylesheet or script. (The icon has its own test, below.)"""
    found = report.failed_requests
    assert not found, problems(found, "failed requests")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_page_has_an_icon_that_loads(report):
    """The icon a page declares (`<link rel="icon">`), else the browser's /favicon.ico."""
    found = report.icons
    assert not found, problems(found, "icons do not load")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_internal_link_leads_to_a_file_and_fragment(report):
    found = report.broken_links
    assert not found, problems(found, "broken internal links")
