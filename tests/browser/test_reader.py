"""What a reader sees and does in a real browser: the home page, a post, a tag page, the 404."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def link(scope, text: str):
    """The link whose visible text is exactly `text` (like Selenium's LINK_TEXT)."""
    return scope.locator("a").filter(has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")).first


def test_home_page_shows_the_greeting_and_the_newest_post_first(desktop_page, site_url):
    page = desktop_page
    page.goto(site_url)
    greeting = page.locator(".blog-greeting")
    assert greeting.is_visible() and "Ana Lima" in greeting.inner_text()
    cards = page.locator("article.post-card").all()
    assert len(cards) >= 8 and all(card.is_visible() for card in cards[:3])
    first = cards[0].inner_text()
    assert "Continue..." in first
    dates = [card.locator("time").first.inner_text() for card in cards]
    assert dates == sorted(dates, reverse=True)
    # the greeting sits above the first post
    assert greeting.bounding_box()["y"] < cards[0].bounding_box()["y"]


def test_continue_leads_to_the_post_with_its_header(desktop_page, site_url):
    page = desktop_page
    page.goto(site_url)
    card = page.locator("article.post-card").first
    title = card.locator(".post-card-title a").inner_text()
    more = link(card, "Continue...")
    target = more.evaluate("a => a.href")
    more.click()
    page.wait_for_url(target)
    assert page.locator("h1").first.inner_text().rstrip("#").strip() == title
    meta = page.locator(".post-meta").first
    assert meta.is_visible()
    lines = meta.inner_text().splitlines()
    assert lines[0].count("/") == 2 and " - " in lines[0]  # YYYY/MM/DD - Category
    assert any(line.startswith("By ") for line in lines)


def test_a_tag_link_on_a_post_opens_the_tag_page(desktop_page, site_url):
    page = desktop_page
    page.goto(site_url + "posts/2025/night-train-to-vienna.html")
    link(page, "slow-travel").click()
    page.wait_for_url("**/blog/tag/slow-travel.html")
    assert page.url.endswith("/blog/tag/slow-travel.html")
    titles = page.locator(".post-card-title a").all_inner_texts()
    assert titles == ["Night train to Vienna"]


def test_the_404_page_is_styled_and_its_links_work_at_any_depth(desktop_page, site_url):
    # The site is served under its public path (/blog/ for the default html_baseurl), and a
    # miss is answered with 404.html, as GitHub Pages does for a project site.
    page = desktop_page
    response = page.goto(site_url + "no/such/deep/page.html")
    assert response is not None and response.status == 404
    heading = page.locator("h1").first
    assert "not found" in heading.inner_text().lower()
    # the blog's stylesheet loaded (the page background is the blog's paper colour)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 253, 249)"
    link(page, "home page").click()
    page.wait_for_url(site_url + "index.html")
    assert page.url == site_url + "index.html"
    assert page.locator(".blog-greeting").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_open_with_the_asked_colour_scheme_and_viewport(phone_page, scheme, site_url):
    phone_page.goto(site_url)
    asks_dark = phone_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert asks_dark == (scheme == "dark")
    assert phone_page.evaluate("[innerWidth, matchMedia('(pointer: coarse)').matches]") == [
        390,
        True,
    ]
