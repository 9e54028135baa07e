"""Drafts and scheduled posts: `make html` never publishes them anywhere; the preview
(`make livehtml`, `make preview`: ``blog_preview``, in its own folder) shows them, each
marked on its page and in lists, and marks every page as a preview."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOTS, build_site

DRAFT = "posts/2025/draft"
LATER = "posts/2099/later"


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("preview")
    src = folder / "src"
    shutil.copytree(ROOTS / "test-check", src)
    (src / f"{DRAFT}.md").write_text(
        "---\ntitle: Unfinished thoughts\ndate: 2025-09-01\ncategory: Code\ntags: [elixir]\n"
        "draft: true\ndescription: Not yet.\n---\n\nQuokka words of an unfinished draft.\n",
        encoding="utf-8",
    )
    (src / f"{LATER}.md").parent.mkdir(parents=True)
    (src / f"{LATER}.md").write_text(
        "---\ntitle: Letters to the future\ndate: 2099-01-01\ncategory: Travel\n"
        "description: Later.\n---\n\nQuetzal words of a scheduled post.\n",
        encoding="utf-8",
    )
    published = folder / "_build/html"
    preview = folder / "_build/preview/html"
    for out, extra in ((published, ()), (preview, ("-D", "blog_preview=1"))):
        result = build_site(src, out, *extra)
        assert result.returncode == 0, result.stderr
    return published, preview


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def every_file_text(out: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace")
        for p in sorted(out.rglob("*"))
        if p.is_file()
    )


def test_the_published_site_holds_no_draft_or_scheduled_post_anywhere(builds):
    published, _ = builds
    assert not (published / f"{DRAFT}.html").exists()
    assert not (published / f"{LATER}.html").exists()
    everything = every_file_text(published)  # pages, lists, indexes, feeds, sitemap, search
    for words in ("unfinished thoughts", "letters to the future", "quokka", "quetzal"):
        assert words not in everything.lower(), words
    assert "is-preview" not in soup(published / "index.html").body["class"]
    _, preview = builds
    assert "quokka" in (preview / "searchindex.js").read_text(encoding="utf-8")  # it can fail


def test_the_preview_shows_them_marked_on_their_pages(builds):
    _, preview = builds
    draft = soup(preview / f"{DRAFT}.html")
    assert draft.select_one(".post-status-banner").get_text(" ", strip=True).startswith("Draft.")
    later = soup(preview / f"{LATER}.html")
    banner = later.select_one(".post-status-banner").get_text(" ", strip=True)
    assert banner.startswith("Scheduled for 2099/01/01.")
    published_post = soup(preview / "posts/2025/first.html")
    assert published_post.select_one(".post-status-banner") is None


def test_the_preview_marks_them_in_lists(builds):
    _, preview = builds
    home = soup(preview / "index.html")
    marks = {
        card.select_one(".post-card-title").get_text(strip=True): card.select_one(".post-status")
        for card in home.select("article.post-card")
    }
    assert marks["Unfinished thoughts"].get_text() == "Draft"
    assert marks["Letters to the future"].get_text() == "Scheduled for 2099/01/01"
    assert marks["The first post"] is None
    tag = soup(preview / "blog/tag/elixir.html")
    assert [m.get_text() for m in tag.select(".post-status")] == ["Draft"]


def test_every_preview_page_says_it_is_a_preview(builds):
    _, preview = builds
    for page in ("index.html", "posts/2025/first.html", "blog/archive.html", "search.html"):
        doc = soup(preview / page)
        assert "is-preview" in doc.body["class"], page
        assert doc.select_one(".preview-banner").get_text(" ", strip=True).startswith("Preview")
        assert doc.title.get_text().startswith("[Preview] "), page
        robots = [m["content"] for m in doc.find_all("meta", attrs={"name": "robots"})]
        assert any("noindex" in content for content in robots), page


def test_the_previews_feeds_leave_them_out(builds):
    _, preview = builds
    feed = json.loads((preview / "feeds/feed.json").read_text(encoding="utf-8"))
    assert [item["title"] for item in feed["items"]] == ["The second post", "The first post"]
    atom = (preview / "feeds/atom.xml").read_text(encoding="utf-8")
    assert not re.search("Unfinished|Letters to the future", atom)
