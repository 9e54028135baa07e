"""Old addresses: Jekyll's URL templates and slugs, Hugo's rules, --old-url patterns, and how
a link's address is matched to a post whatever its spelling."""

from __future__ import annotations

import datetime as dt

import pytest
from imports_samples import source

from extensions.imports.detect import detect
from extensions.imports.urls import (
    check_pattern,
    file_slug,
    from_pattern,
    hugo_url,
    jekyll_slugify,
    jekyll_template,
    jekyll_url,
    pattern_fields,
    post_target,
    site_path,
    url_key,
)

DATE = dt.date(2010, 7, 21)


@pytest.mark.parametrize(
    ("template", "slug", "categories", "expected"),
    [
        (jekyll_template(None), "name", (), "/2010/07/21/name.html"),
        (
            jekyll_template("date"),
            "name",
            ("Jekyll", "Update"),
            "/jekyll/update/2010/07/21/name.html",
        ),
        (jekyll_template("pretty"), "name", ("A",), "/a/2010/07/21/name/"),
        (jekyll_template(":ordinal"), "name", (), "/2010/202/name.html"),
        (jekyll_template("none"), "name", ("x", "x"), "/x/name.html"),
        (jekyll_template("weekdate"), "name", (), "/2010/W29/Wed/name.html"),
        ("/:year/:month_:day/:title", "name", (), "/2010/07_21/name"),
        ("/:slugified_categories/:title/", "My Post!", ("Big Ideas",), "/big-ideas/My-Post!/"),
        ("/blog/../:title/", "a", (), "/blog/a/"),
        ("/:i_month/:i_day/:short_year/:title", "a", (), "/7/21/10/a"),
        ("/:unknown/", "a", (), None),
    ],
)
def test_jekyll_url(template, slug, categories, expected):
    assert jekyll_url(template, slug=slug, date=DATE, categories=categories) == expected


@pytest.mark.parametrize(
    ("text", "pretty", "expected"),
    [
        ("Hello World", "pretty", "Hello-World"),
        ("café au lait", "pretty", "café-au-lait"),
        ("a.b_c~d!e", "pretty", "a.b_c~d!e"),
        ("a.b_c", "default", "a-b-c"),
        ("--trim--", "pretty", "trim"),
        ("C++ & C#", "default", "c-c"),
    ],
)
def test_jekyll_slugify(text, pretty, expected):
    if pretty == "pretty":
        assert jekyll_slugify(text) == expected
    else:
        assert jekyll_slugify(text, pretty=False, cased=False) == expected


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("/blog/{slug}", "/blog/my-post"),
        ("/{year}/{month}/{day}/{slug}/", "/2010/07/21/my-post/"),
        ("/{categories}/{slug}.html", "/code/life/my-post.html"),
        ("/{filename}", "/2010-07-21-my-post"),
    ],
)
def test_patterns(pattern, expected):
    fields = pattern_fields("my-post", DATE, ("Code", "Life"), "2010-07-21-my-post")
    assert from_pattern(pattern, fields) == expected
    assert from_pattern("/{categories}/{slug}", pattern_fields("s", DATE)) == "/s"


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("/blog/{slug}", None),
        ("none", None),
        ("blog/{slug}", "must start with a single '/'"),
        ("//host/{slug}", "must start with a single '/'"),
        ("/a/{slug}?x=1", "without a host, query or fragment"),
        ("/{year}/{name}", "unknown field(s) name"),
        ("/{year}/", "needs {slug} or {filename}"),
    ],
)
def test_check_pattern(pattern, problem):
    found = check_pattern(pattern)
    assert found is None if problem is None else problem in found


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("/a/b/", "a/b"),
        ("/a/b", "a/b"),
        ("/a/b.html", "a/b"),
        ("/a/b/index.html", "a/b"),
        ("a/b.md", "a/b"),
        ("/A/B.HTM".lower(), "a/b"),
        ("/a//b/?q=1#frag", "a/b"),
        ("/caf%C3%A9/", "café"),
        ("/index.html", ""),
    ],
)
def test_url_key_makes_spellings_equal(spelling, key):
    assert url_key(spelling) == key


def test_hugo_and_site_paths_and_targets():
    assert hugo_url("posts", "My Post") == "/posts/my-post/"
    assert hugo_url("", "about") == "/about/"
    assert site_path("x/y/", "/posts/") == "/posts/x/y/"
    assert site_path("/x//y/") == "/x/y/"
    assert post_target(DATE, "a/b c") == "2010/a-b-c.md"
    assert file_slug("..hidden") == "hidden" and file_slug("///") == "post"


NIMBLE = '%{title: "T"}\n---\nBody\n'
YAML_POST = "---\ntitle: T\ndate: 2020-01-01\n---\nBody\n"
YAML_PAGE = "---\nlayout: page\ntitle: About\n---\nBody\n"


@pytest.mark.parametrize(
    ("root", "relative", "text", "forced", "expected"),
    [
        ("posts", "2020/01-02-a.md", NIMBLE, "auto", "nimble"),
        ("site", "content/posts/a.md", "+++\ntitle = 'T'\n+++\n", "auto", "hugo"),
        ("site", "_posts/2020-01-02-a.md", YAML_POST, "auto", "jekyll"),
        ("site", "_drafts/a.md", YAML_PAGE, "auto", "jekyll"),
        ("_posts", "2020-01-02-a.markdown", YAML_PAGE, "auto", "jekyll"),
        ("old", "2020-01-02-a.md", YAML_POST, "auto", "jekyll"),
        ("site", "content/posts/a.md", YAML_POST, "auto", "hugo"),
        ("posts", "2020/a.md", YAML_POST, "auto", "already MyST"),
        ("site", "about.md", YAML_PAGE, "auto", "not a post (YAML"),
        ("site", "README.md", "# Read me\n", "auto", "not a post (no `%{`"),
        ("site", "notes.md", YAML_POST, "jekyll", "jekyll"),
        ("site", "notes.md", "+++\n+++\n", "hugo", "hugo"),
        ("site", "notes.md", "# x\n", "jekyll", "not a Jekyll post"),
        ("site", "_posts/2020-01-02-a.md", YAML_POST, "nimble", "already MyST"),
        ("site", "a.md", "text\n---\nmore\n", "nimble", "nimble"),
    ],
)
def test_detect(root, relative, text, forced, expected):
    found = detect(source(relative, text, root=root), text, forced)
    if found.source_format:
        assert found.source_format == expected
    else:
        assert found.reason.startswith(expected), found.reason
