"""What a reader sees and does in a real browser, whatever the posts are (a user replaces the
sample posts on day one): the home page, a post, a tag, a snippet link, search, the theme
toggle, the phone menu and the 404 page. Names and pages are read from conf.py and the site."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .site_server import html_pages, newest_post

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
#: The page background of each scheme (extensions/theme/blog/static/blog-theme.css: --bg).
BACKGROUND = {"light": "rgb(251, 250, 247)", "dark": "rgb(21, 24, 29)"}
#: Read the first paint's scheme: the page's background as soon as the document is parsed.
FIRST_PAINT = """
document.addEventListener('DOMContentLoaded', () => {
  window.__firstPaint = {
    theme: document.documentElement.getAttribute('data-theme'),
    background: getComputedStyle(document.body).backgroundColor,
  };
});
"""
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


def owner() -> str:
    return str(runpy.run_path(str(REPO / "conf.py"))["blog_owner"])


def link(scope, text: str):
    """The link whose visible text is exactly `text` (like Selenium's LINK_TEXT)."""
    return scope.locator("a").filter(has_text=re.compile(rf"^\s*{re.escape(text)}\s*$")).first


def test_home_page_greets_with_the_owners_name_and_lists_the_newest_post_first(
    desktop_page, site_url
):
    page = desktop_page
    page.goto(site_url)
    greeting = page.locator(".blog-greeting")
    assert greeting.is_visible() and owner() in greeting.inner_text()
    assert page.locator("header .site-name").inner_text() == owner()
    cards = page.locator("article.post-card").all()
    assert cards and all(card.is_visible() for card in cards[:3])
    moments = [card.locator("time").first.get_attribute("datetime") for card in cards]
    assert moments == sorted(moments, reverse=True)
    assert greeting.bounding_box()["y"] < cards[0].bounding_box()["y"]


def test_continue_leads_to_the_post_and_a_tag_to_its_tag_page(desktop_page, site_url):
    page = desktop_page
    page.goto(site_url)
    card = page.locator("article.post-card").first
    title = card.locator(".post-card-title a").inner_text()
    more = card.locator(".post-card-more a")
    target = more.evaluate("a => a.href")
    more.click()
    page.wait_for_url(target)
    assert page.locator("main h1").first.inner_text().rstrip("#").strip() == title
    meta = page.locator(".post-meta").first
    assert meta.is_visible() and re.match(r"\d{4}/\d{2}/\d{2}", meta.inner_text())
    tags = page.locator(".post-meta .post-tags a")
    if not tags.count():
        pytest.skip("the newest post has no tag")
    tag = tags.first.inner_text()
    tags.first.click()
    page.wait_for_load_state()
    assert tag in page.locator("main h1").inner_text()
    assert title in page.locator(".post-card-title a").all_inner_texts()


def _page_with_a_snippet_link(site: Path) -> str | None:
    for name in html_pages(site):
        text = (site / name).read_text(encoding="utf-8")
        if 'class="snippet-preview-source"' in text:
            return name
    return None


def test_a_snippet_link_previews_its_code_on_hover_and_focus(desktop_page, site_url, real_site):
    name = _page_with_a_snippet_link(real_site)
    if name is None:
        pytest.skip("no page of this site links to a snippet ({snippet}`name`)")
    page = desktop_page
    page.goto(site_url + name)
    snippet_link = page.locator("a.reference:has(.snippet)").first
    snippet_link.scroll_into_view_if_needed()
    snippet_link.hover()
    tip = page.locator("[role=tooltip].snippet-preview")
    tip.wait_for(state="visible")
    assert tip.locator("pre").inner_text().strip()
    described = snippet_link.get_attribute("aria-describedby")
    assert described and tip.get_attribute("id") in described.split()
    page.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    snippet_link.focus()  # the keyboard too
    tip.wait_for(state="visible")
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_search_finds_a_post_by_a_word_of_its_body(desktop_page, site_url, real_site):
    post = newest_post(real_site)
    page = desktop_page
    page.goto(site_url + post)
    title = page.locator("main h1").first.inner_text().rstrip("#").strip()
    text = page.locator("article.post > section > p").first.inner_text()
    words = sorted(set(re.findall(r"[A-Za-z]{7,}", text)), key=len, reverse=True)
    if not words:
        pytest.skip(f"no long word in the first paragraph of {post}")
    search = page.locator("header .site-tools input[name=q]")
    search.fill(words[0])
    search.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q="))
    results = page.locator("#search-results ul.search li a")
    results.first.wait_for()
    assert title in results.all_inner_texts()


@pytest.mark.parametrize(("scheme", "chosen"), [("light", "dark"), ("dark", "light")])
def test_the_theme_toggle_persists_without_a_flash(new_page, site_url, real_site, scheme, chosen):
    page = new_page("desktop", scheme)
    page.add_init_script(FIRST_PAINT)
    page.goto(site_url)
    toggle = page.locator("header .theme-toggle")
    assert toggle.is_visible()  # shown when JavaScript runs
    assert toggle.get_attribute("aria-pressed") == ("true" if scheme == "dark" else "false")
    assert page.evaluate("window.__firstPaint.background") == BACKGROUND[scheme]
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.theme") == chosen
    assert toggle.get_attribute("aria-pressed") == ("true" if chosen == "dark" else "false")
    page.goto(site_url + newest_post(real_site))  # another page, and back: it persists
    first = page.evaluate("window.__firstPaint")
    assert first == {"theme": chosen, "background": BACKGROUND[chosen]}
    page.reload()
    assert page.evaluate("window.__firstPaint") == first


def test_the_toggle_is_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url)
        assert not page.locator("header .theme-toggle").is_visible()
        assert page.locator("article.post-card").first.is_visible()  # the page reads
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 320])
def test_on_a_phone_the_menu_opens_and_nothing_scrolls_sideways(
    new_page, site_url, real_site, width
):
    page = new_page("phone")
    page.set_viewport_size({"width": width, "height": 800})
    for path in ("index.html", newest_post(real_site), "search.html"):
        page.goto(site_url + path)
        assert page.evaluate(NO_SIDEWAYS_SCROLL), f"{path} scrolls sideways at {width} px"
    page.goto(site_url)
    assert not page.locator("header nav.site-nav").is_visible()
    menu = page.locator("header details.site-menu")
    assert menu.is_visible()
    menu.locator("summary").click()
    archive = link(menu.locator("nav"), "Archive")
    assert archive.is_visible()
    target = archive.evaluate("a => a.href")
    archive.click()
    page.wait_for_url(target)
    assert page.evaluate(NO_SIDEWAYS_SCROLL)


def test_a_post_with_wide_code_scrolls_inside_the_block(new_page, site_url, real_site):
    page = new_page("phone")
    page.set_viewport_size({"width": 320, "height": 800})
    for path in html_pages(real_site):
        if not path.startswith("posts/"):
            continue
        page.goto(site_url + path)
        wide = page.evaluate(
            "Array.from(document.querySelectorAll('div.highlight pre'))"
            ".filter(pre => pre.scrollWidth > pre.clientWidth).length"
        )
        assert page.evaluate(NO_SIDEWAYS_SCROLL), path
        if wide:
            pre = page.locator("div.highlight pre[tabindex='0']").first
            pre.focus()
            assert page.evaluate("document.activeElement.tagName") == "PRE"
            return
    pytest.skip("no post has a code block wider than a 320 px phone")


def test_code_blocks_have_a_copy_button(new_page, site_url, real_site):
    page = new_page("desktop")
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(site_url + newest_post(real_site))
    blocks = page.locator("div.highlight")
    for path in html_pages(real_site):
        if blocks.count():
            break
        page.goto(site_url + path)
    if not blocks.count():
        pytest.skip("no page has a code block")
    block = blocks.first
    block.hover()
    button = block.get_by_role("button", name="Copy the code")
    button.click()
    expect(button).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() and copied.strip() in block.locator("pre").inner_text()


def test_the_404_page_is_styled_and_its_links_work_at_any_depth(desktop_page, site_url):
    # The site is served under its public path (/blog/ for the default html_baseurl), and a
    # miss is answered with 404.html, as GitHub Pages does for a project site.
    page = desktop_page
    response = page.goto(site_url + "no/such/deep/page.html")
    assert response is not None and response.status == 404
    assert page.locator("main h1").first.is_visible()
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == BACKGROUND["light"]
    assert page.locator("link[rel=icon]").evaluate("l => l.href").startswith(site_url)
    page.locator("header .site-name").click()
    page.wait_for_load_state()
    assert page.url in (site_url, site_url + "index.html")
    assert page.locator(".blog-greeting").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_open_with_the_asked_colour_scheme_and_viewport(phone_page, scheme, site_url):
    phone_page.goto(site_url)
    asks_dark = phone_page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")
    assert asks_dark == (scheme == "dark")
    assert (
        phone_page.evaluate("getComputedStyle(document.body).backgroundColor")
        == (BACKGROUND[scheme])
    )
    assert phone_page.evaluate("[innerWidth, matchMedia('(pointer: coarse)').matches]") == [
        390,
        True,
    ]
