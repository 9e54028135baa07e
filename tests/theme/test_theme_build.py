"""sphinx.testing builds of tests/roots/test-theme, drawn by the blog's theme: landmarks, the
skip link, the favicon, tables of contents, images, snippet previews, escaping, descriptions,
and Sphinx's own search and index pages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

ROOTS = Path(__file__).resolve().parents[1] / "roots"
OWNER = 'Zoë "<b>Bold</b>" & Co'


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    src = tmp_path_factory.mktemp("theme") / "src"
    shutil.copytree(ROOTS / "test-theme", src)
    app = SphinxTestApp("html", srcdir=src)
    try:
        app.build()
        yield app
    finally:
        app.cleanup()


def page(app, name: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / name).read_text(encoding="utf-8"), "html.parser")


def raw(app, name: str) -> str:
    return (app.outdir / name).read_text(encoding="utf-8")


PAGES = [
    "index.html",
    "posts/2025/long.html",
    "blog/tag/testing.html",
    "blog/archive.html",
    "blog/tag.html",
    "search.html",
    "genindex.html",
    "snippets.html",
    "page/2.html",
]


def test_the_build_has_no_warnings(site):
    text = re.sub(r"\x1b\[[0-9;]*m", "", site.warning.getvalue())
    assert [line for line in text.splitlines() if "WARNING" in line] == []


@pytest.mark.parametrize("name", PAGES)
def test_every_page_has_the_landmarks_a_skip_link_and_an_icon(site, name):
    doc = page(site, name)
    body = doc.body
    assert [
        child.name for child in body.find_all(["header", "main", "footer"], recursive=False)
    ] == [
        "header",
        "main",
        "footer",
    ]
    skip = body.find("a")
    assert "skip-link" in skip["class"] and skip["href"] == "#blog-main"
    main = body.find("main", recursive=False)
    assert main["id"] == "blog-main" and main["role"] == "main"  # the feeds read role=main
    assert len(doc.select("[role=main], main")) == 1
    assert doc.select_one("header nav[aria-label=Main]") and doc.select_one(
        "header details.site-menu"
    )
    icon = doc.find("link", rel="icon")
    assert icon["href"].endswith("_static/favicon.svg")
    assert (Path(site.outdir) / "_static/favicon.svg").is_file()
    assert doc.find("meta", attrs={"name": "description"})["content"]
    assert len(doc.find_all("meta", attrs={"name": "description"})) == 1
    assert doc.find("script", string=re.compile("localStorage.getItem")) is not None
    assert doc.select_one("link[href*='pygments-dark.css']")


def test_the_header_names_the_owner_escaped_and_links_home(site):
    doc = page(site, "posts/2025/long.html")
    name = doc.select_one("header a.site-name")
    assert name.get_text() == OWNER and name["href"] == "../../index.html"
    labels = [a.get_text() for a in doc.select("header nav.site-nav a")]
    assert labels == ["Home", "Archive", "Tags", "Snippets", "Feeds"]
    assert doc.select_one("header nav.site-nav a[href='#blog-feeds']")
    assert doc.find(id="blog-feeds").find("a", type="application/atom+xml")
    assert doc.select_one("header form[role=search]")["action"] == "../../search.html"
    assert "<b>Bold</b>" not in raw(site, "posts/2025/long.html")
    footer = doc.select_one("footer .site-copyright").get_text()
    assert footer == f"\u00a9 2025 {OWNER}"


def test_a_post_with_three_sections_has_a_table_of_contents(site):
    doc = page(site, "posts/2025/long.html")
    toc = doc.select_one("article.post nav.post-toc")
    assert [a["href"] for a in toc.select("a")] == [
        "#first",
        "#second-section",
        "#a-subsection",
        "#third-section",
    ]
    assert toc.select_one("a").get_text() == "First <section>"  # text, escaped
    # it follows the post header
    assert toc.find_previous_sibling().get("class")[0] == "post-meta"


def test_a_post_with_two_sections_has_none(site):
    assert page(site, "posts/2025/short.html").select_one("nav.post-toc") is None
    assert page(site, "index.html").select_one("nav.post-toc") is None


def test_images_are_lazy_with_their_size(site):
    doc = page(site, "posts/2025/long.html")
    own = doc.find("img", alt="A small picture")
    assert (own["width"], own["height"], own["loading"]) == ("7", "5", "lazy")
    assert own.parent.name != "a"  # not wrapped in a link to itself
    remote = doc.find("img", alt="A remote picture")
    assert remote["loading"] == "lazy" and "width" not in remote.attrs
    sized = page(site, "posts/2025/short.html").find("img", alt="A sized picture")
    assert sized["loading"] == "lazy" and sized["style"] == "width: 20px;"  # the author's size


def test_code_blocks_are_focusable_for_scrolling(site):
    doc = page(site, "posts/2025/long.html")
    blocks = doc.select("div.highlight > pre")
    assert blocks and all(pre.get("tabindex") == "0" for pre in blocks)


def test_a_page_that_links_a_snippet_carries_its_preview(site):
    doc = page(site, "posts/2025/short.html")
    link = doc.select_one("a.reference .snippet").find_parent("a")
    assert link["href"] == "long.html#snippet-greet"
    previews = doc.select("template.snippet-preview-source")
    assert len(previews) == 1
    preview = previews[0]
    assert preview["data-snippet"] == "snippet-greet" and preview["data-language"] == "python"
    assert preview["data-caption"] == "Greet <em>someone</em>"  # an attribute value, as text
    assert 'data-caption="Greet &lt;em&gt;someone&lt;/em&gt;"' in raw(site, "posts/2025/short.html")
    assert '<div class="highlight"><pre><span></span><span class="k">def</span>' in str(preview)
    # outside <main>: not part of the post's content (the feeds read <main>)
    assert preview.find_parent("main") is None
    assert page(site, "posts/2025/third.html").select_one("template") is None


def test_list_pages_have_a_description_and_link_rel_prev_next(site):
    home = page(site, "index.html")
    assert home.find("link", rel="next")["href"] == "page/2.html"
    assert home.select_one("nav.pager a[rel=next]")["href"] == "page/2.html"
    second = page(site, "page/2.html")
    assert second.find("link", rel="prev")["href"] == "../index.html"
    tag = page(site, "blog/tag/testing.html")
    assert tag.find("meta", attrs={"name": "description"})["content"] == (
        "Posts tagged testing \u2014 Small <i>tests</i>, big & bold."
    )
    assert "Small &lt;i&gt;tests&lt;/i&gt;, big &amp; bold." in raw(site, "blog/tag/testing.html")


def test_the_home_page_greets_and_lists_the_newest_posts(site):
    doc = page(site, "index.html")
    assert doc.select_one(".blog-greeting .blog-owner").get_text() == OWNER
    assert [a.get_text() for a in doc.select(".post-card-title a")] == [
        "A third post",
        "A short post",
    ]


def test_the_tags_page_counts_and_the_archive_groups_by_year(site):
    tags = page(site, "blog/tag.html")
    entries = {
        a.contents[0].strip(): a.select_one(".post-count").get_text(" ", strip=True)
        for a in tags.select(".post-catalog-list a")
    }
    assert entries["testing"] == "2 posts" and entries["trains"] == "1 post"
    assert entries["<b>bold</b>"] == "1 post"
    archive = page(site, "blog/archive.html")
    assert [h.get_text(" ", strip=True) for h in archive.select(".post-archive-year h2")] == [
        "2025 3 posts"
    ]


def test_a_post_has_its_neighbours_with_rel(site):
    doc = page(site, "posts/2025/short.html")
    nav = doc.select_one('nav.post-nav[aria-label="More posts"]')
    assert nav.select_one("a[rel=prev]")["href"] == "long.html"
    assert nav.select_one("a[rel=next]")["href"] == "third.html"


def test_sphinx_search_and_index_pages_keep_working(site):
    search = page(site, "search.html")
    scripts = [s.get("src", "") for s in search.find_all("script")]
    assert any("searchtools.js" in s for s in scripts) and any(
        "searchindex.js" in s for s in scripts
    )
    assert search.find(id="search-results") is not None
    assert search.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert search.select_one("main h1").get_text() == "Search"
    assert page(site, "genindex.html").select_one("main h1").get_text() == "Index"


def test_heading_permalinks_have_a_name(site):
    doc = page(site, "posts/2025/long.html")
    link = doc.select_one("h2 a.headerlink")
    assert link["title"] == "Link to this heading"
    assert link.select_one("span[aria-hidden=true]").get_text() == "#"


def test_reading_time_series_and_related_posts_are_drawn(site):
    doc = page(site, "posts/2025/long.html")
    assert [r.get_text() for r in doc.select(".post-reading-time")] == ["1 min read"]  # once
    series = doc.select_one('nav.post-series[aria-label="Series: Tests & <more>"]')
    assert series.select_one(".post-series-title").get_text(" ", strip=True) == (
        "Part 1 of 2 in Tests & <more>"
    )
    assert series.select_one("[aria-current=page]").get_text().startswith("A long post")
    assert [a["href"] for a in series.select("a")] == ["short.html"]
    related = doc.select_one("nav.post-related")
    assert [(a.get_text(), a["href"]) for a in related.select("a")] == [
        ("A short post", "short.html")  # the one sharing a tag; the third shares nothing
    ]
    assert "Tests &amp; &lt;more&gt;" in raw(site, "posts/2025/long.html")  # escaped
    assert "post-nav" in series["class"] and "post-nav" in related["class"]  # not in feeds
    home = page(site, "index.html")
    assert [r.get_text() for r in home.select(".post-card-reading")] == ["1 min read"] * 2
    # and without them: nothing
    third = raw(site, "posts/2025/third.html")
    assert "post-series" not in third and "post-related" not in third


def test_the_favicon_can_be_the_blogs_own(tmp_path):
    shutil.copytree(ROOTS / "test-theme", tmp_path / "src")
    app = SphinxTestApp(
        "html", srcdir=tmp_path / "src", confoverrides={"blog_favicon": "pictures/dot.png"}
    )
    try:
        app.build()
        icon = page(app, "index.html").find("link", rel="icon")
        assert icon["href"] == "_static/dot.png" and "type" not in icon.attrs
        assert (app.outdir / "_static/dot.png").is_file()
    finally:
        app.cleanup()


def test_a_posts_description_reads_without_its_footnote_marks(site):
    doc = page(site, "posts/2025/long.html")
    for meta in (
        doc.find("meta", attrs={"name": "description"}),
        doc.find("meta", attrs={"property": "og:description"}),
    ):
        assert meta["content"] == "The first paragraph of the long post.", meta
    home = page(site, "index.html")
    summaries = [s.get_text(" ", strip=True) for s in home.select(".post-card-summary")]
    assert not any(summary.endswith("post.1") for summary in summaries)


def test_remembered_asset_tags_are_the_tags_sphinx_writes(tmp_path, monkeypatch):
    """The theme remembers each page folder's <link>/<script> tags (Sphinx reads every file
    again for its checksum on every page): the pages are byte for byte the same without."""
    from extensions.theme.sphinx_theme import Theme

    outputs = []
    for remember in (True, False):
        if not remember:
            monkeypatch.setattr(Theme, "_same_tags", lambda self, name, make, folder: make)
        src = tmp_path / f"src-{remember}"
        shutil.copytree(ROOTS / "test-theme", src)
        app = SphinxTestApp("html", srcdir=src)
        try:
            app.build()
        finally:
            app.cleanup()
        out = Path(app.outdir)
        outputs.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*.html")})
    assert outputs[0] == outputs[1]
    assert any(b"blog-theme.css?v=" in page for page in outputs[0].values())
