"""What a reader sees, in a real browser: Debian's Chromium, driven headless by Selenium.

The site is built once (as `make html` builds it) and served on a loopback port, the way a
reader's browser would get it.
"""

from __future__ import annotations

import functools
import http.server
import io
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not (CHROMIUM and CHROMEDRIVER),
        reason="Debian's chromium and chromium-driver are not installed (make test installs them)",
    ),
]


@pytest.fixture(scope="module")
def base_url(real_site):
    out = real_site  # built once per session, strict (tests/conftest.py)
    handler = functools.partial(QuietHandler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def test_home_page_shows_the_greeting_and_the_newest_post_first(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url)
    greeting = browser.find_element(By.CSS_SELECTOR, ".blog-greeting")
    assert greeting.is_displayed() and "Ana Lima" in greeting.text
    cards = browser.find_elements(By.CSS_SELECTOR, "article.post-card")
    assert len(cards) >= 8 and all(card.is_displayed() for card in cards[:3])
    first = cards[0].text
    assert "Continue..." in first
    dates = [c.find_element(By.CSS_SELECTOR, "time").text for c in cards]
    assert dates == sorted(dates, reverse=True)
    # the greeting sits above the first post
    assert greeting.location["y"] < cards[0].location["y"]


def test_continue_leads_to_the_post_with_its_header(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url)
    card = browser.find_elements(By.CSS_SELECTOR, "article.post-card")[0]
    title = card.find_element(By.CSS_SELECTOR, ".post-card-title a").text
    card.find_element(By.LINK_TEXT, "Continue...").click()
    assert browser.find_element(By.TAG_NAME, "h1").text.rstrip("#").strip() == title
    meta = browser.find_element(By.CSS_SELECTOR, ".post-meta")
    assert meta.is_displayed()
    lines = meta.text.splitlines()
    assert lines[0].count("/") == 2 and " - " in lines[0]  # YYYY/MM/DD - Category
    assert any(line.startswith("By ") for line in lines)


def test_a_tag_link_on_a_post_opens_the_tag_page(browser, base_url):
    from selenium.webdriver.common.by import By

    browser.get(base_url + "posts/2025/night-train-to-vienna.html")
    browser.find_element(By.LINK_TEXT, "slow-travel").click()
    assert browser.current_url.endswith("/blog/tag/slow-travel.html")
    titles = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".post-card-title a")]
    assert titles == ["Night train to Vienna"]


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """A static host that serves the site under /blog/ and answers misses with 404.html,
    as GitHub Pages does for a project site."""

    prefix = "/blog/"

    def translate_path(self, path):
        if path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def send_head(self):
        if self.path.startswith(self.prefix) and not Path(self.translate_path(self.path)).exists():
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def sub_path_host(real_site):
    handler = functools.partial(SubPathHandler, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_the_404_page_is_styled_and_its_links_work_at_any_depth(browser, sub_path_host):
    from selenium.webdriver.common.by import By

    browser.get(sub_path_host + "/blog/no/such/deep/page.html")
    heading = browser.find_element(By.TAG_NAME, "h1")
    assert "not found" in heading.text.lower()
    # the blog's stylesheet loaded (the page background is the blog's paper colour)
    background = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(255, 253, 249)"
    browser.find_element(By.LINK_TEXT, "home page").click()
    assert browser.current_url == sub_path_host + "/blog/index.html"
    assert browser.find_element(By.CSS_SELECTOR, ".blog-greeting").is_displayed()
