"""What a reader sees, in a real browser: Debian's Chromium, driven headless by Selenium.

The site is built once (as `make html` builds it) and served on a loopback port, the way a
reader's browser would get it.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
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
def base_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("browser-site") / "html"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            "html",
            "-q",
            "-d",
            str(out.parent / "doctrees"),
            str(REPO),
            str(out),
        ],
        check=True,
        cwd=REPO,
    )
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
