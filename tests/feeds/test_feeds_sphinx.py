"""Real builds of a small blog: feeds written, valid, complete, discoverable, reproducible."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from feeds_checks import feed_files, problems_in

ROOTS = Path(__file__).resolve().parents[1] / "roots"
BASE = "https://example.org/blog/"
POSTS = ("hostile", "multi-author", "older", "oldest")
YEARS = ("year/2023", "year/2024")  # ABlog files a post under its year in blog_timezone


def out(app) -> Path:
    return Path(app.outdir)


def read(app, name: str) -> str:
    return (out(app) / name).read_text(encoding="utf-8")


@pytest.fixture
def built(make_app, tmp_path):
    """A fresh copy of the feeds-basic root, built once (each test gets its own)."""

    def build(name: str = "feeds-basic", copy: str = "", **kwargs):
        srcdir = tmp_path / (copy or name)
        shutil.copytree(ROOTS / f"test-{name}", srcdir)
        app = make_app("html", srcdir=srcdir, freshenv=True, **kwargs)
        app.build()
        return app

    return build


def test_feeds_are_written_valid_and_quiet(built):
    app = built()
    assert app.warning.getvalue() == ""
    files = feed_files(out(app))
    expected = {f"feeds/{name}" for name in ("atom.xml", "rss.xml", "feed.json")}
    for index in (
        "tag/elixir",
        "tag/ct",
        "tag/emoji",
        "tag/quotes-here",
        "tag/trains",
        "category/code-more",
        "category/travel",
        "author/ana-lima",
        "author/sam-okafor",
        *YEARS,
    ):
        expected |= {f"feeds/{index}/{n}" for n in ("atom.xml", "rss.xml", "feed.json")}
    assert set(files) == expected
    assert problems_in(out(app)) == []


def test_index_feeds_match_ablog_pages(built):
    app = built()
    for file in feed_files(out(app)):
        parts = file.split("/")
        if len(parts) == 4 and parts[1] == "year":  # years are ABlog's blog/<year>.html
            assert (out(app) / "blog" / f"{parts[2]}.html").is_file(), file
        elif len(parts) == 4:
            assert (out(app) / "blog" / parts[1] / f"{parts[2]}.html").is_file(), file


def test_drafts_and_future_posts_are_in_no_feed_and_not_in_the_sitemap(built):
    app = built()
    everything = b"\n".join(feed_files(out(app)).values()).decode()
    sitemap = read(app, "sitemap.xml")
    for text in ("a-draft", "Secret draft", "from-the-future", "Future text", "Letters from"):
        assert text not in everything and text not in sitemap
    for name in POSTS:
        assert f"{BASE}posts/2024/{name}.html" in sitemap
    assert "404.html" not in sitemap


def test_main_feed_limit_and_index_feeds_have_all(built):
    app = built()
    main = feedparser.parse(read(app, "feeds/atom.xml"))
    assert [e.title for e in main.entries][1:] == [
        'Fish & <chips> "quoted" it\'s 🎉 ]]> done',
        "An older post",
    ]
    assert len(main.entries) == 3  # feeds_limit = 3 in the root's conf.py
    elixir = feedparser.parse(read(app, "feeds/tag/elixir/atom.xml"))
    assert [e.title for e in elixir.entries] == [
        "Written together",
        "An older post",
        "The oldest post",
    ]


def test_entries_are_complete_and_links_absolute(built):
    app = built()
    entry = feedparser.parse(read(app, "feeds/atom.xml")).entries[0]
    assert entry.title == "Written together"
    assert entry.link == f"{BASE}posts/2024/multi-author.html"
    assert entry.id == "tag:example.org,2024-04-02:posts/2024/multi-author"
    assert entry.published == "2024-04-02T18:00:00+00:00"
    assert entry.updated == "2024-05-01T10:00:00+01:00"
    assert [a["name"] for a in entry.authors] == ["Ana Lima", "Sam Okafor"]
    assert {t.term for t in entry.tags} == {"Travel", "trains", "elixir"}
    assert entry.summary.startswith("The first paragraph of a post written by two people")
    hostile = json.loads(read(app, "feeds/feed.json"))["items"][1]
    html = hostile["content_html"]
    assert f'href="{BASE}posts/2024/multi-author.html"' in html
    assert f'href="{BASE}posts/2024/hostile.html#a-section"' in html
    assert f'src="{BASE}_images/pixel.png"' in html
    assert "headerlink" not in html and "post-meta" not in html and "<h1" not in html
    assert hostile["image"] == f"{BASE}_images/pixel.png"
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(["a", "img"]):
        url = tag.get("href") or tag.get("src")
        assert url.startswith(("https://", "http://")), url


def test_feed_updated_is_the_newest_entry_not_the_clock(built):
    app = built()
    assert "<updated>2024-05-01T10:00:00+01:00</updated>" in read(app, "feeds/atom.xml")
    assert "<lastBuildDate>Wed, 01 May 2024 10:00:00 +0100</lastBuildDate>" in read(
        app, "feeds/rss.xml"
    )


def test_two_builds_give_identical_feeds(built, make_app, tmp_path):
    app = built()
    first = feed_files(out(app))
    app.cleanup()  # forget this app's docutils registrations before the next app starts
    second_src = tmp_path / "again"
    shutil.copytree(ROOTS / "test-feeds-basic", second_src)
    app = make_app("html", srcdir=second_src, freshenv=True)
    app.build()
    assert feed_files(out(app)) == first
    app.build(force_all=True)  # and an incremental rebuild in place
    assert feed_files(out(app)) == first


def test_parallel_build_equals_serial(built):
    app = built()
    serial = feed_files(out(app))
    app.cleanup()
    parallel = built("feeds-basic", copy="parallel", parallel=2)
    assert parallel.warning.getvalue() == ""
    assert feed_files(out(parallel)) == serial


def test_every_page_links_the_main_feeds_and_index_pages_their_own(built):
    app = built()
    for page in ("index.html", "posts/2024/older.html", "blog/tag/elixir.html", "404.html"):
        head = BeautifulSoup(read(app, page), "html.parser").head
        links = {link["href"]: link["type"] for link in head.find_all("link", rel="alternate")}
        assert links[f"{BASE}feeds/atom.xml"] == "application/atom+xml"
        assert links[f"{BASE}feeds/rss.xml"] == "application/rss+xml"
        assert links[f"{BASE}feeds/feed.json"] == "application/feed+json"
    head = BeautifulSoup(read(app, "blog/tag/elixir.html"), "html.parser").head
    own = [link["href"] for link in head.find_all("link", rel="alternate")]
    assert f"{BASE}feeds/tag/elixir/atom.xml" in own and len(own) == 6
    head = BeautifulSoup(read(app, "blog/author/sam-okafor.html"), "html.parser").head
    assert f"{BASE}feeds/author/sam-okafor/rss.xml" in [
        link["href"] for link in head.find_all("link", rel="alternate")
    ]


def test_home_page_shows_a_visible_feed_link(built):
    app = built()
    soup = BeautifulSoup(read(app, "index.html"), "html.parser")
    visible = [a["href"] for a in soup.body.find_all("a") if "/feeds/" in a.get("href", "")]
    assert f"{BASE}feeds/atom.xml" in visible


def test_posts_have_social_meta_and_canonical_links(built):
    app = built()
    for name in POSTS:
        soup = BeautifulSoup(read(app, f"posts/2024/{name}.html"), "html.parser")
        meta = {
            m.get("property") or m.get("name"): m["content"]
            for m in soup.find_all("meta")
            if m.get("content") is not None
        }
        url = f"{BASE}posts/2024/{name}.html"
        assert soup.find("link", rel="canonical")["href"] == url
        assert meta["og:url"] == url and meta["og:type"] == "article"
        assert meta["og:title"] and meta["og:description"] and meta["twitter:card"]
    soup = BeautifulSoup(read(app, "posts/2024/hostile.html"), "html.parser")
    meta = {
        m.get("property") or m.get("name"): m["content"]
        for m in soup.find_all("meta")
        if m.get("content") is not None
    }
    assert meta["og:image"] == f"{BASE}_images/pixel.png"
    assert meta["twitter:image"] == f"{BASE}_images/pixel.png"
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:description"] == "A summary with <angle> & ]]> and 🎉"


def test_robots_txt_and_404_page(built):
    app = built()
    assert read(app, "robots.txt") == f"User-agent: *\nDisallow:\n\nSitemap: {BASE}sitemap.xml\n"
    soup = BeautifulSoup(read(app, "404.html"), "html.parser")
    assert soup.html["data-content_root"] == "/blog/"
    urls = [
        t.get("href") or t.get("src")
        for t in soup.find_all(["a", "link", "script", "img"])
        if t.get("href") or t.get("src")
    ]
    local = [u for u in urls if not u.startswith(("https://", "#"))]
    assert local and all(u.startswith("/blog/") for u in local), local
    assert "/blog/_images/pixel.png" in urls and "/blog/index.html" in urls


def test_stale_feeds_are_removed(built):
    app = built()
    stale = out(app) / "feeds/tag/gone/atom.xml"
    stale.parent.mkdir(parents=True)
    stale.write_text("old")
    app.config.feeds_formats = ["atom"]
    app.build()
    files = feed_files(out(app))
    assert "feeds/tag/gone/atom.xml" not in files and not stale.parent.exists()
    assert "feeds/rss.xml" not in files and "feeds/atom.xml" in files


def test_no_base_url_skips_feeds_with_one_warning(built):
    app = built("feeds-nobase")
    warnings = app.warning.getvalue()
    assert warnings.count("html_baseurl is empty") == 1
    assert not (out(app) / "feeds").exists()
    assert 'rel="alternate"' not in read(app, "posts/one.html")


def test_snippet_embeds_and_links_work_inside_feed_content(built):
    app = built()
    items = json.loads(read(app, "feeds/tag/elixir/feed.json"))["items"]
    oldest = next(item for item in items if item["url"].endswith("/oldest.html"))
    html = oldest["content_html"]
    assert f'href="{BASE}posts/2024/older.html#snippet-greet"' in html  # the role's link
    assert "snippet-embed" in html and "hello &lt;world&gt; &amp; ]]&gt;" in html  # the embed
    assert html.count(f"{BASE}posts/2024/older.html#snippet-greet") == 2  # "from <post>"
    assert problems_in(out(app)) == []


def test_unchanged_feeds_are_not_written_again_but_changed_ones_are(built, monkeypatch):
    import extensions.feeds.sphinx_feeds as boundary

    app = built()
    record = json.loads((Path(app.doctreedir) / "blog-feeds.json").read_text())
    recorded = {file for files in record["files"].values() for file in files}
    assert recorded and recorded <= set(feed_files(out(app)))
    made: list[str] = []
    real = boundary.serialise

    def spy(feed, fmt):
        made.append(feed.file(fmt))
        return real(feed, fmt)

    monkeypatch.setattr(boundary, "serialise", spy)
    before = feed_files(out(app))
    app.build()
    assert made == []  # nothing changed: no feed is built or written again
    post = Path(app.srcdir) / "posts" / "2024" / "older.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more paragraph.\n")
    app.build()
    changed = {file for file, data in feed_files(out(app)).items() if before.get(file) != data}
    assert "feeds/atom.xml" in changed and "feeds/tag/elixir/atom.xml" in changed
    assert set(made) >= changed  # what changed was written ...
    assert "feeds/category/travel/atom.xml" in before  # a feed without that post ...
    assert "feeds/category/travel/atom.xml" not in made  # ... was not written again
    assert app.warning.getvalue().count("WARNING") == 0
    assert problems_in(out(app)) == []


def test_the_sitemap_lists_every_page_after_an_incremental_build_too(built):
    app = built()
    full = read(app, "sitemap.xml")
    assert (
        f"<loc>{BASE}index.html</loc>" in full and f"<loc>{BASE}blog/tag/trains.html</loc>" in full
    )
    app.build()  # nothing changed: almost nothing is written again
    assert read(app, "sitemap.xml") == full
    post = Path(app.srcdir) / "posts" / "2024" / "older.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nOne more paragraph.\n")
    app.build()
    assert read(app, "sitemap.xml") == full
    post.unlink()
    app.build()
    assert f"{BASE}posts/2024/older.html" not in read(app, "sitemap.xml")
