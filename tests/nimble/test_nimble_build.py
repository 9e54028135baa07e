"""Real Sphinx builds: NimblePublisher posts build as they are, bad headers are located
warnings and drafts, and a converted post builds to the same page as the original."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from extensions.imports.cli import run

TESTS = Path(__file__).resolve().parents[1]
SHARED = TESTS / "nimble" / "cases"  # NimblePublisher cases kept with the tests
ROOTS = TESTS / "roots"

PUBLISHED = {
    "posts/2019/03-14-first-steps-with-genstage": "First steps with GenStage",
    "posts/2020/02-29-leap-day-in-banff": "A leap day in Banff",
    "posts/2020/06-01-windows-line-endings": "Windows line endings",
    "posts/2020/08-15-escapes": 'Quoting "escapes" and unicode: café ☕',
}
DRAFT = "posts/2020/07-04-string-keys-and-drafts"


def site_with(tmp_path: Path, name: str = "site", posts: Path | None = SHARED / "posts") -> Path:
    site = tmp_path / name
    shutil.copytree(ROOTS / "test-nimble-shared", site)
    if posts is not None:
        shutil.copytree(posts, site / "posts")
    return site


def warnings_of(app) -> list[str]:
    """Warning lines without colours; a second app in one test re-registers Sphinx's nodes."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", app.warning.getvalue())
    return [line for line in text.splitlines() if line and "[app.add_node]" not in line]


def page(app, docname: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / f"{docname}.html").read_text("utf-8"), "html.parser")


def body_of(app, docname: str) -> str:
    """The post's rendered content, without the prev/next links (they name other pages)."""
    body = page(app, docname).select_one("div.body")
    for extra in body.select("div.ablog__blog_comments"):
        extra.decompose()
    return str(body)


def snapshot(post) -> tuple:
    return (
        post.title,
        post.date,
        post.authors,
        post.tags,
        post.categories,
        post.description,
        post.draft,
        post.image,
        dict(post.extra),
    )


def test_shared_posts_build_unchanged_and_are_listed_like_myst_posts(tmp_path, make_app):
    site = site_with(tmp_path)
    before = {p: p.read_bytes() for p in (site / "posts").rglob("*.md")}
    app = make_app("html", srcdir=site)
    app.build()
    assert warnings_of(app) == []
    assert {p: p.read_bytes() for p in (site / "posts").rglob("*.md")} == before

    posts = app.env.get_domain("blog").posts
    assert {docname: post.title for docname, post in posts.items()} == PUBLISHED
    genstage = posts["posts/2019/03-14-first-steps-with-genstage"]
    assert genstage.date == dt.datetime(2019, 3, 14)
    assert genstage.authors == ("Sam Okafor",)
    assert genstage.tags == ("elixir", "genstage", "backpressure")
    assert genstage.description.startswith("A producer, a consumer")
    banff = posts["posts/2020/02-29-leap-day-in-banff"]
    assert banff.categories == ("Travel",)
    assert dict(banff.extra)["cover_image"] == "/images/banff.jpg"

    out = Path(app.outdir)
    assert not (out / f"{DRAFT}.html").exists()
    assert "String keys work too" not in (out / "blog.html").read_text("utf-8")
    listing = (out / "blog.html").read_text("utf-8")
    for title in ("First steps with GenStage", "A leap day in Banff", "Windows line endings"):
        assert title in listing
    assert "First steps with GenStage" in (out / "blog/tag/genstage.html").read_text("utf-8")
    assert "A leap day in Banff" in (out / "blog/category/travel.html").read_text("utf-8")
    assert "A leap day in Banff" in (out / "blog/2020.html").read_text("utf-8")

    banff_page = page(app, "posts/2020/02-29-leap-day-in-banff")
    assert banff_page.select_one("h1").get_text().startswith("A leap day in Banff")
    assert banff_page.select_one("div.body hr") is not None  # the later --- is Markdown
    assert "%{" not in banff_page.get_text() and "cover_image" not in banff_page.get_text()
    genstage_page = page(app, "posts/2019/03-14-first-steps-with-genstage")
    assert (
        genstage_page.select_one("div.body section section h2")
        .get_text()
        .startswith("A counter producer")
    )
    escapes_page = page(app, "posts/2020/08-15-escapes")
    assert (
        'escapes" and unicode: café ☕' in escapes_page.select_one("h1").get_text()
    )  # as written: no smart quotes in a title


@pytest.mark.parametrize("name", sorted(p.name for p in (SHARED / "bad").glob("*.md")))
def test_shared_bad_headers_are_located_warnings_and_left_out(tmp_path, make_app, name):
    site = site_with(tmp_path)
    shutil.copy(SHARED / "bad" / name, site / "posts" / "2020" / f"09-09-{name}")
    app = make_app("html", srcdir=site)
    app.build()
    warnings = warnings_of(app)
    assert len(warnings) == 1, warnings
    assert re.search(
        rf"posts/2020/09-09-{re.escape(name)}:\d+: WARNING: NimblePublisher header: "
        r".*left out as a draft.* \[nimble\.[a-z-]+\]$",
        warnings[0],
    ), warnings[0]
    assert not (Path(app.outdir) / f"posts/2020/09-09-{name[:-3]}.html").exists()
    assert set(app.env.get_domain("blog").posts) == set(PUBLISHED)


@pytest.mark.sphinx("html", testroot="nimble-edge")
def test_edges(app):
    app.build()
    lines = sorted(warnings_of(app))
    assert len(lines) == 3, lines
    assert re.search(r"posts/2021/04-05-line-numbers\.md:9: WARNING: Unknown directive", lines[0])
    assert re.search(
        r"posts/2021/05-06-bad-date\.md:3: WARNING: NimblePublisher header: "
        r"invalid ~D\[2021-02-30\].*\[nimble\.date\]",
        lines[1],
    )
    assert re.search(
        r"posts/2021/06-07-unterminated-sigil\.md:3: WARNING: NimblePublisher "
        r"header: unterminated sigil ~w.*\[nimble\.unterminated\]",
        lines[2],
    )

    posts = app.env.get_domain("blog").posts
    assert set(posts) == {
        "posts/2021/01-10-byte-order-mark",
        "posts/2021/20210211-compact-date",
        "posts/2021/03-01-header-date-wins",
        "posts/2021/04-05-line-numbers",
    }
    assert posts["posts/2021/01-10-byte-order-mark"].title == "With a byte-order mark"
    assert posts["posts/2021/01-10-byte-order-mark"].date == dt.datetime(2021, 1, 10)
    assert posts["posts/2021/20210211-compact-date"].date == dt.datetime(2021, 2, 11)
    wins = posts["posts/2021/03-01-header-date-wins"]
    assert wins.date == dt.datetime(2021, 3, 2, 9, 30)
    assert wins.description == "A summary under another name"
    assert dict(wins.extra)["series"] == "{name: Dates, part: 2}"
    assert "header wins" in app.status.getvalue()


def test_a_converted_post_builds_to_the_same_page_as_the_original(tmp_path, make_app):
    original = site_with(tmp_path, "original")
    app = make_app("html", srcdir=original)
    app.build()
    assert warnings_of(app) == []
    app.cleanup()  # the next app in this test registers Sphinx's global nodes again

    converted = site_with(tmp_path, "converted", posts=None)
    # No redirect_from: the original has none, and this compares the two posts' metadata.
    imported = run([str(SHARED / "posts")], str(converted / "posts"), old_url="none", out=_Sink())
    assert imported == 0
    app2 = make_app("html", srcdir=converted)
    app2.build()
    assert warnings_of(app2) == []

    first = app.env.get_domain("blog").posts
    second = app2.env.get_domain("blog").posts
    assert len(first) == len(second) == len(PUBLISHED)
    for docname in PUBLISHED:
        year, name = docname.split("/")[1:]
        twin = f"posts/{year}/{name[len('MM-DD-') :]}"
        assert snapshot(first[docname]) == snapshot(second[twin]), docname
        assert body_of(app, docname) == body_of(app2, twin), docname
    assert not (Path(app2.outdir) / "posts/2020/string-keys-and-drafts.html").exists()


def test_editing_a_header_shows_on_the_next_build(tmp_path, make_app):
    site = site_with(tmp_path)
    app = make_app("html", srcdir=site)
    app.build()
    app.cleanup()
    post = site / "posts/2019/03-14-first-steps-with-genstage.md"
    post.write_text(
        post.read_text("utf-8").replace("First steps with GenStage", "GenStage, again"), "utf-8"
    )
    app2 = make_app("html", srcdir=site)
    app2.build()
    assert warnings_of(app2) == []
    assert (
        app2.env.get_domain("blog").posts["posts/2019/03-14-first-steps-with-genstage"].title
        == "GenStage, again"
    )
    assert "GenStage, again" in page(app2, "posts/2019/03-14-first-steps-with-genstage").get_text()
    assert "GenStage, again" in (Path(app2.outdir) / "blog.html").read_text("utf-8")


def test_parallel_build_equals_serial(tmp_path, make_app):
    serial = site_with(tmp_path, "serial")
    parallel = site_with(tmp_path, "parallel")
    for site in (serial, parallel):  # enough posts for Sphinx to really read in parallel
        for sample in (TESTS.parent / "posts" / "2023").glob("*.md"):
            shutil.copy(sample, site / "posts" / "2020" / sample.name)
    one = make_app("html", srcdir=serial)
    one.build()
    one.cleanup()
    two = make_app("html", srcdir=parallel, parallel=4)
    two.build()
    assert "parallel" not in " ".join(warnings_of(two))
    assert two.parallel == 4 and two.is_parallel_allowed("read")  # it really read in parallel
    assert warnings_of(one) == warnings_of(two) == []
    first = one.env.get_domain("blog").posts
    second = two.env.get_domain("blog").posts
    assert len(first) == len(PUBLISHED) + 2
    assert {d: snapshot(p) for d, p in first.items()} == {d: snapshot(p) for d, p in second.items()}
    for docname in first:
        assert body_of(one, docname) == body_of(two, docname)
    assert body_of(one, "blog") == body_of(two, "blog")


class _Sink:
    def write(self, text: str) -> int:
        return len(text)
