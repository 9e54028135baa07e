"""The sample blog (tests/roots/test-sample-blog), built as `make html` builds it: every feed
valid, nothing unpublished.

Built with sphinx-build in a subprocess (the same command and flags as `make html`), once per
session, with the base URL given the way the GitHub Pages workflow gives it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from conftest import build_site, sample_source
from feeds_checks import feed_files, problems_in

pytestmark = pytest.mark.site

SPHINX_BUILD = Path(sys.executable).with_name("sphinx-build")
BASE = "https://someone.github.io/myblog/"
DRAFT = "notes-for-a-talk-i-have-not-given"
FUTURE = "letters-from-the-future"


@pytest.fixture(scope="session")
def source(tmp_path_factory) -> Path:
    return sample_source(tmp_path_factory.mktemp("feeds-sample"))


def build(source: Path, outdir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return build_site(source, outdir, "-E", **env)


@pytest.fixture(scope="session")
def site(source, tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("feeds-site")
    done = build(source, outdir, BLOG_BASEURL=BASE.rstrip("/"))  # as the workflow gives it
    assert done.returncode == 0, done.stderr
    return outdir


def test_every_feed_of_the_site_is_valid(site):
    files = feed_files(site)
    assert {"feeds/atom.xml", "feeds/rss.xml", "feeds/feed.json"} <= set(files)
    assert any(f.startswith("feeds/tag/") for f in files)
    assert any(f.startswith("feeds/category/") for f in files)
    assert any(f.startswith("feeds/author/") for f in files)
    assert problems_in(site) == []


def test_base_url_from_the_environment_is_used_everywhere(site):
    main = feedparser.parse((site / "feeds/atom.xml").read_bytes())
    assert main.feed.link == BASE
    assert all(entry.link.startswith(BASE + "posts/") for entry in main.entries)
    assert f"<loc>{BASE}index.html</loc>" in (site / "sitemap.xml").read_text()
    assert f"Sitemap: {BASE}sitemap.xml" in (site / "robots.txt").read_text()
    assert 'data-content_root="/myblog/"' in (site / "404.html").read_text()


def test_drafts_and_future_posts_are_absent(site):
    text = "\n".join(data.decode() for data in feed_files(site).values())
    sitemap = (site / "sitemap.xml").read_text()
    for slug in (DRAFT, FUTURE):
        assert slug not in text and slug not in sitemap
    assert not list(site.rglob(f"{FUTURE}*")) and not list(site.rglob(f"{DRAFT}*"))


def test_multi_author_post_has_both_authors_in_every_format(site):
    slug = "testing-genservers-without-sleeping"
    atom = feedparser.parse((site / "feeds/atom.xml").read_bytes())
    entry = next(e for e in atom.entries if slug in e.link)
    assert [a["name"] for a in entry.authors] == ["Sam Okafor", "Ana Lima"]
    rss = feedparser.parse((site / "feeds/rss.xml").read_bytes())
    entry = next(e for e in rss.entries if slug in e.link)
    assert [a["name"] for a in entry.authors] == ["Sam Okafor", "Ana Lima"]
    items = json.loads((site / "feeds/feed.json").read_text())["items"]
    item = next(i for i in items if slug in i["url"])
    assert [a["name"] for a in item["authors"]] == ["Sam Okafor", "Ana Lima"]
    assert (site / "feeds/author/sam-okafor/atom.xml").is_file()


def test_every_post_has_social_meta(site):
    posts = [p for p in (site / "posts").rglob("*.html")]
    assert posts
    for page in posts:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        url = BASE + page.relative_to(site).as_posix()
        meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.find_all("meta")}
        assert soup.find("link", rel="canonical")["href"] == url
        assert meta["og:url"] == url and meta["og:title"] and meta["og:description"]
        assert meta["twitter:card"] in ("summary", "summary_large_image")
        alternate = [link["href"] for link in soup.head.find_all("link", rel="alternate")]
        assert BASE + "feeds/atom.xml" in alternate


def test_two_builds_give_identical_feeds(site, source, tmp_path):
    again = build(source, tmp_path, BLOG_BASEURL=BASE)
    assert again.returncode == 0, again.stderr
    assert feed_files(tmp_path) == feed_files(site)


def test_read_the_docs_url_wins(source, tmp_path):
    rtd = "https://ana-lima.readthedocs.io/en/latest/"
    done = build(source, tmp_path, READTHEDOCS_CANONICAL_URL=rtd, BLOG_BASEURL=BASE)
    assert done.returncode == 0, done.stderr
    assert feedparser.parse((tmp_path / "feeds/rss.xml").read_bytes()).feed.link == rtd
    assert 'data-content_root="/en/latest/"' in (tmp_path / "404.html").read_text()
