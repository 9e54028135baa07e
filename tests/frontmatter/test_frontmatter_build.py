"""Real Sphinx builds of small roots: front matter as users write it, and bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest


def html(app, name: str) -> str:
    return (Path(app.outdir) / f"{name}.html").read_text(encoding="utf-8")


def all_output(app) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8", errors="replace")
        for path in Path(app.outdir).rglob("*")
        if path.is_file() and path.suffix in {".html", ".js", ".xml", ".json", ".txt", ".inv"}
    )


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_every_way_of_writing_front_matter_builds_cleanly(app):
    app.build()
    assert app.warning.getvalue() == ""
    posts = app.env.get_domain("blog").posts
    assert set(posts) == {
        "posts/2024/string-values",
        "posts/2024/list-values",
        "posts/2024/aware-date",
        "posts/2024/hostile-title",
        "posts/2024/title-and-heading",
    }
    listed = posts["posts/2024/list-values"]
    assert listed.authors == ("Ana Lima", "Sam Okafor")
    assert listed.categories == ("Code", "Travel")
    assert listed.tags == ("elixir", "trains")
    assert posts["posts/2024/string-values"].tags == ("elixir", "otp")
    assert posts["posts/2024/aware-date"].title == "Heading is the title"


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_title_key_becomes_the_page_heading_and_sections_nest_under_it(app):
    app.build()
    page = html(app, "posts/2024/list-values")
    assert re.search(r"<h1>List values<a class=\"headerlink\"", page)
    assert re.search(r"<h2>A section under the title", page)
    assert app.env.titles["posts/2024/string-values"].astext() == "String values"


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_lists_become_separate_index_pages_not_mangled_names(app):
    app.build()
    out = Path(app.outdir)
    assert (out / "blog/author/ana-lima.html").is_file()
    assert (out / "blog/author/sam-okafor.html").is_file()
    assert (out / "blog/category/travel.html").is_file()
    assert not list(out.rglob("*%22*")) and not any('["' in p.name for p in out.rglob("*"))
    travel = html(app, "blog/category/travel")
    assert "List values" in travel and "Heading is the title" in travel
    assert "String values" not in travel


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_aware_dates_are_shown_in_the_blog_timezone(app):
    app.build()
    page = html(app, "posts/2024/aware-date")
    assert "2024/03/11" in page  # 23:30 -05:00 is 04:30 on the 11th in Lisbon


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_description_is_the_summary_else_the_first_paragraph(app):
    app.build()
    records = app.env.ablog_posts
    excerpt = lambda d: " ".join(n.astext() for n in records[d][0]["excerpt"])  # noqa: E731
    assert excerpt("posts/2024/string-values") == "Every value written as a plain string."
    assert excerpt("posts/2024/list-values") == "The first paragraph becomes the summary."
    # the description is a summary, not part of the post's body
    assert "Every value written as a plain string." not in html(app, "posts/2024/string-values")


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_drafts_and_future_posts_are_nowhere_in_the_output(app):
    app.build()
    everything = all_output(app)
    for marker in (
        "DRAFT-TEXT",
        "FUTURE-TEXT",
        "A draft",
        "From the future",
        "secret-draft-tag",
        "secret-future-tag",
        "a-draft",
        "from-the-future",
    ):
        assert marker not in everything, marker
    assert not (Path(app.outdir) / "blog/drafts.html").exists()


@pytest.mark.sphinx("html", testroot="frontmatter-bad")
def test_bad_input_warns_with_file_and_line_and_the_build_goes_on(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "Traceback" not in warnings
    expectations = [
        (r"posts/2024/bad-date\.md:3: WARNING: cannot read date 'next tuesday'", "date"),
        (r"posts/2024/bad-month\.md:3: WARNING: cannot read date '2024-13-45'", "date"),
        (r"posts/2024/bad-tag\.md:5: WARNING: 'tags' holds \{'not': 'a tag'\}", "tags"),
        (r"posts/2024/bad-yaml\.md:\d+: WARNING: front matter is not valid YAML", "yaml"),
        (r"posts/2024/empty\.md:1: WARNING: empty post", "empty"),
        (
            r"posts/2023/imported-twice\.md:1: WARNING: this post has the same title and date as "
            r"posts/2023/05-12-imported-twice\.md",
            "same-post",
        ),
        (r"posts/2024/bad-tag\.md:3: WARNING: image file not readable", "not_readable"),
        (r"posts/2024/only-a-title\.md:1: WARNING: empty post", "empty"),
        (r"posts/2024/never-closed\.md:1: WARNING: front matter is not closed", "yaml"),
        (r"posts/2024/latin1\.md:2: WARNING: not UTF-8 \(byte 0xe9 at column 18\)", "encoding"),
        (r"posts/2024/empty-front-matter\.md:1: WARNING: no date", "date"),
        (
            r"posts/2024/same-slug\.md:1: WARNING: post slug 'same-slug' is also used by "
            r"posts/2023/same-slug\.md",
            "duplicate",
        ),
    ]
    for pattern, subtype in expectations:
        kind = "image" if subtype == "not_readable" else "frontmatter"  # Sphinx's own check
        assert re.search(pattern + r".*\[" + kind + r"\." + subtype + r"\]", warnings), pattern
    # each problem is reported once, by us, at its line (MyST does not add a vague second one)
    assert "Malformed YAML" not in warnings and "YAML is not a dict" not in warnings
    assert "may not begin with a transition" not in warnings
    assert warnings.count("bad-yaml.md") == 1
    # the build went on: the good parts of bad posts are published
    bad_month = app.env.get_domain("blog").posts["posts/2024/bad-month"]
    assert bad_month.tags == ("kept-despite-the-date",) and bad_month.date is None
    assert "Bad month" in html(app, "posts/2024/bad-month")
    assert (Path(app.outdir) / "posts/2024/bad-tag.html").is_file()
    assert "fine" in html(app, "blog/tag/fine")
    assert (Path(app.outdir) / "posts/2024/bad-date.html").is_file()


@pytest.mark.sphinx(
    "html",
    testroot="frontmatter-bad",
    confoverrides={"suppress_warnings": ["frontmatter", "myst", "image"]},
)
def test_warnings_are_typed_so_they_can_be_suppressed(app):
    app.build()
    assert "WARNING" not in app.warning.getvalue()


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_a_title_is_shown_as_written_not_as_markdown(app):
    app.build()
    title = 'Fish & <chips> "quoted" *stars* `code`'
    # the same everywhere: no smart quotes on the page either (lists and feeds have none)
    assert app.env.titles["posts/2024/hostile-title"].astext() == title
    assert app.env.get_domain("blog").posts["posts/2024/hostile-title"].title == title
    page = html(app, "posts/2024/hostile-title")
    assert "<title>Fish &amp; &lt;chips&gt; &#34;quoted&#34; *stars* `code`" in page
    assert "<h1>Fish &amp; &lt;chips&gt; &quot;quoted&quot; *stars* `code`" in page


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_a_post_image_is_its_cover_and_is_published(app):
    app.build()
    page = html(app, "posts/2024/string-values")
    assert re.search(
        r'<img alt="String values" class="post-cover" src="../../_images/cover.png"', page
    )
    assert (Path(app.outdir) / "_images" / "cover.png").is_file()
    assert app.warning.getvalue() == ""


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_with_title_and_heading_the_title_heads_the_page_and_the_heading_is_a_section(app):
    app.build()
    page = html(app, "posts/2024/title-and-heading")
    assert "<h1>The short name" in page and "<h2>A longer heading on the page" in page
    assert app.env.titles["posts/2024/title-and-heading"].astext() == "The short name"
    assert app.env.get_domain("blog").posts["posts/2024/title-and-heading"].title == (
        "The short name"
    )
    assert "The short name" in html(app, "blog")


@pytest.mark.sphinx("html", testroot="frontmatter")
def test_a_post_without_author_is_by_the_default_author_everywhere(app):
    app.build()
    assert app.env.get_domain("blog").posts["posts/2024/title-and-heading"].authors == ("Ana Lima",)
    assert 'By </span><a class="post-author reference internal"' in html(
        app, "posts/2024/title-and-heading"
    )
    assert "The short name" in html(app, "blog/author/ana-lima")
