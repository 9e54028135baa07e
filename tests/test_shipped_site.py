"""The repository's own site, whatever its posts: what must hold for any content.

A user replaces the sample posts on day one; these tests keep passing: the site builds with
zero warnings (the ``real_site`` fixture), every published post is listed newest first,
every feed is valid, nothing unpublished is anywhere, every link resolves, the sitemap lists
every page. Tests of specific content build tests/roots/test-sample-blog instead.
"""

from __future__ import annotations

import re
import runpy
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import REPO
from feeds.feeds_checks import feed_files, problems_in
from site_checks import broken_links, list_pages

from extensions.frontmatter.post import decode_source
from extensions.frontmatter.publish import scan_source, verdict
from extensions.nimble.header import looks_like_nimble
from extensions.nimble.translate import translate

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def post_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in (site / "posts").rglob("*.html")}


def unpublished_posts() -> list[str]:
    """Docnames of the repository's drafts and future posts, by the build's own rule."""
    from zoneinfo import ZoneInfo

    conf = runpy.run_path(str(REPO / "conf.py"))
    zone = ZoneInfo(conf.get("blog_timezone") or "UTC")
    hidden = []
    for path in sorted((REPO / "posts").rglob("*.md")):
        docname = path.relative_to(REPO).with_suffix("").as_posix()
        text, _ = decode_source(path.read_bytes())
        if text is None:
            continue
        if looks_like_nimble(text):
            text = translate(text, docname).myst
        scanned = scan_source(docname, text, "markdown", posts_folder="posts", matched=frozenset())
        if verdict(scanned, datetime.now(UTC), zone) is not None:
            hidden.append(docname)
    return hidden


def test_every_published_post_is_listed_on_the_home_pages_newest_first(site):
    cards = []
    listed = set()
    for page in list_pages(site):
        found = soup(page).select("article.post-card")
        assert 0 < len(found) <= 10  # ten to a page
        cards += found
        for card in found:
            href = card.select_one(".post-card-title a")["href"]
            listed.add((page.parent / href).resolve().relative_to(site.resolve()).as_posix())
    assert listed == post_pages(site)
    dates = [card.select_one("time")["datetime"] for card in cards]
    assert dates == sorted(dates, reverse=True)
    for card in cards:
        assert re.fullmatch(r"\d{4}/\d{2}/\d{2}", card.select_one("time").get_text(strip=True))
        assert card.select_one(".post-card-more a").get_text(strip=True) == "Continue..."


def test_every_post_page_shows_its_date_and_title(site):
    for name in post_pages(site):
        page = soup(site / name)
        assert page.select_one("h1").get_text(strip=True)
        date = page.select_one(".post-meta .post-date").get_text(" ", strip=True)
        assert re.match(r"\d{4}/\d{2}/\d{2}", date), name


def test_every_feed_is_valid(site):
    files = feed_files(site)
    assert {"feeds/atom.xml", "feeds/rss.xml", "feeds/feed.json"} <= set(files)
    assert problems_in(site) == []


def test_nothing_unpublished_is_anywhere(site):
    hidden = unpublished_posts()
    outputs = [p for p in site.rglob("*") if p.is_file()]
    for docname in hidden:
        assert not (site / f"{docname}.html").exists(), docname
        for path in outputs:
            assert docname not in path.read_bytes().decode("utf-8", "replace"), (docname, path)


def test_every_internal_link_and_picture_resolves(site):
    assert broken_links(site) == []


def test_the_sitemap_lists_every_page(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for name in post_pages(site) | {"index.html"}:
        assert f"/{name}</loc>" in sitemap, name
