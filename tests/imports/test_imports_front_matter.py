"""Front matter, format by format: Jekyll's and Hugo's keys become ours, the file name and
layout give the date and slug, drafts stay drafts, and old addresses are recorded."""

from __future__ import annotations

import datetime as dt

import pytest
from imports_samples import source

from extensions.imports.headers import cut, load_toml, load_yaml, names, read_date
from extensions.imports.hugo import hugo_place, read_hugo, ref_key
from extensions.imports.jekyll import read_jekyll
from extensions.imports.model import Draft, Options, Problem
from extensions.imports.nimblepublisher import read_nimble

UTC1 = dt.timezone(dt.timedelta(hours=1))


def jekyll(relative: str, front: str, body: str = "Body.\n", **options) -> Draft:
    draft = read_jekyll(
        source(relative, f"---\n{front}\n---\n{body}"),
        f"---\n{front}\n---\n{body}",
        Options(**options),
    )
    assert isinstance(draft, Draft), draft
    return draft


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        pytest.param(
            "layout: post\ntitle: Hi",
            {"title": "Hi", "date": dt.date(2010, 7, 21)},
            id="layout-dropped-date-from-name",
        ),
        pytest.param(
            "title: Hi\ndate: 2011-01-02 03:04:05 +0100",
            {"title": "Hi", "date": dt.datetime(2011, 1, 2, 3, 4, 5, tzinfo=UTC1)},
            id="date-overrides-name-ruby-zone",
        ),
        pytest.param(
            "title: Hi\ncategories: Code  Life\ntags: a b",
            {
                "title": "Hi",
                "date": dt.date(2010, 7, 21),
                "category": ["Code", "Life"],
                "tags": ["a", "b"],
            },
            id="space-separated-lists",
        ),
        pytest.param(
            "title: Hi\ncategory: Web Development\ntag: one tag",
            {
                "title": "Hi",
                "date": dt.date(2010, 7, 21),
                "category": ["Web Development"],
                "tags": ["one tag"],
            },
            id="singular-keys-not-split",
        ),
        pytest.param(
            "title: Hi\ncategories: [A, B]\ntags: [x, 2]",
            {
                "title": "Hi",
                "date": dt.date(2010, 7, 21),
                "category": ["A", "B"],
                "tags": ["x", "2"],
            },
            id="yaml-lists",
        ),
        pytest.param(
            "title: Hi\nexcerpt: Short",
            {"title": "Hi", "date": dt.date(2010, 7, 21), "description": "Short"},
            id="excerpt-is-description",
        ),
        pytest.param(
            "title: Hi\nexcerpt: Short\ndescription: Long",
            {
                "title": "Hi",
                "date": dt.date(2010, 7, 21),
                "excerpt": "Short",
                "description": "Long",
            },
            id="description-wins",
        ),
        pytest.param(
            "title: Hi\npublished: false",
            {"title": "Hi", "date": dt.date(2010, 7, 21), "draft": True},
            id="unpublished-is-draft",
        ),
        pytest.param(
            "title: Hi\npublished: true\nauthor: Ana\nimage: /a.png\nseries: x",
            {
                "title": "Hi",
                "date": dt.date(2010, 7, 21),
                "author": "Ana",
                "image": "/a.png",
                "series": "x",
            },
            id="kept-keys",
        ),
        pytest.param(
            "title: Hi\nimage:\n  path: /a.png\n  height: 100",
            {"title": "Hi", "date": dt.date(2010, 7, 21), "image": "/a.png"},
            id="seo-tag-image",
        ),
        pytest.param(
            "author: Ana",
            {"title": "Name", "date": dt.date(2010, 7, 21), "author": "Ana"},
            id="title-from-slug-like-jekyll",
        ),
    ],
)
def test_jekyll_front_matter(front, expected):
    draft = jekyll("_posts/2010-07-21-name.md", front)
    assert dict(draft.front_matter) == expected


def test_jekyll_keeps_no_title_when_the_body_has_a_heading():
    draft = jekyll("_posts/2010-07-21-name.md", "author: Ana", "# The heading\n")
    assert "title" not in dict(draft.front_matter)


def test_jekyll_folders_above_posts_are_categories():
    draft = jekyll("blog/_posts/2010-07-21-name.md", "title: T\ncategories: [Code]")
    assert dict(draft.front_matter)["category"] == ["blog", "Code"]
    assert draft.old_urls == ("/blog/code/2010/07/21/name.html",)


@pytest.mark.parametrize(
    ("relative", "front", "options", "urls"),
    [
        ("_posts/2010-07-21-name.md", "title: T", {}, ("/2010/07/21/name.html",)),
        (
            "_posts/2010-07-21-name.md",
            "title: T\ncategories: [Big Ideas, code]",
            {},
            ("/big ideas/code/2010/07/21/name.html",),
        ),
        ("_posts/2010-07-21-name.md", "title: T\npermalink: /about-x/", {}, ("/about-x/",)),
        (
            "_posts/2010-07-21-name.md",
            "title: T\npermalink: /:year/:title/",
            {},
            ("/2010/name/",),
        ),
        (
            "_posts/2010-07-21-name.md",
            "title: T\nslug: Other Name",
            {},
            ("/2010/07/21/Other-Name.html",),
        ),
        (
            "_posts/2010-07-21-name.md",
            "title: T",
            {"jekyll_permalinks": (("site", "pretty"),)},
            ("/2010/07/21/name/",),
        ),
        ("_posts/2010-07-21-name.md", "title: T", {"old_url": "/b/{slug}/"}, ("/b/name/",)),
        ("_posts/2010-07-21-name.md", "title: T", {"old_url": "none"}, ()),
        ("_posts/2010-07-21-name.md", "title: T\npublished: false", {}, ()),
        ("_drafts/name.md", "title: T\ndate: 2010-07-21", {}, ()),
        (
            "_posts/2010-07-21-name.md",
            "title: T\nredirect_from: [/older/]",
            {},
            ("/2010/07/21/name.html", "/older/"),
        ),
        ("_posts/2010-07-21-name.md", "title: T\npermalink: /:nope/", {}, ()),
    ],
)
def test_jekyll_old_addresses(relative, front, options, urls):
    assert jekyll(relative, front, **options).old_urls == urls


def test_jekyll_unknown_placeholder_is_a_note():
    draft = jekyll("_posts/2010-07-21-name.md", "title: T\npermalink: /:nope/")
    assert [(note.code, note.line) for note in draft.notes] == [("permalink", 3)]


def test_jekyll_drafts_are_dated_by_their_file():
    text = "---\ntitle: D\n---\nx\n"
    draft = read_jekyll(
        source("_drafts/idea.md", text, modified=dt.date(2024, 5, 6)), text, Options()
    )
    assert isinstance(draft, Draft)
    assert draft.target == "2024/idea.md" and draft.date == dt.date(2024, 5, 6)
    assert dict(draft.front_matter)["draft"] is True and not draft.published
    assert draft.names == ("post_url:_drafts/idea", "post_url:idea")


@pytest.mark.parametrize(
    ("relative", "text", "code", "line"),
    [
        ("_posts/2010-07-21-a.md", "---\ntitle: [unclosed\n---\n", "yaml", 2),
        ("_posts/2010-07-21-a.md", "---\ndate: next week\n---\n", "date", 2),
        ("_posts/2010-13-45-a.md", "---\ntitle: T\n---\n", "date", 1),
        ("_drafts/a.md", "---\ntitle: T\n---\n", "date", 1),
        ("_posts/2010-07-21-a.md", "no front matter\n", "front-matter", 1),
        ("_posts/2010-07-21-a.md", "---\n- a list\n---\n", "yaml", 2),
    ],
)
def test_jekyll_failures_are_located(relative, text, code, line):
    problem = read_jekyll(source(relative, text), text, Options())
    assert isinstance(problem, Problem) and (problem.code, problem.line) == (code, line)


def test_jekyll_post_url_names():
    draft = jekyll("_posts/2019/2019-01-02-x.md", "title: T")
    assert draft.names == ("post_url:2019/2019-01-02-x", "post_url:2019-01-02-x")


def hugo(relative: str, text: str, **options) -> Draft:
    draft = read_hugo(source(relative, text), text, Options(**options))
    assert isinstance(draft, Draft), draft
    return draft


TOML = """+++
title = "T"
date = 2021-06-01T08:00:00+02:00
tags = ["a", "b"]
categories = ["Code"]
summary = "S"
slug = "the-slug"
aliases = ["/old/", "rel.html"]
images = ["one.png", "two.png"]
lastmod = 2021-06-02
layout = "wide"
weight = 3
+++
Body
"""


def test_hugo_toml_front_matter():
    draft = hugo("content/posts/file-name.md", TOML)
    assert dict(draft.front_matter) == {
        "title": "T",
        "date": dt.datetime(2021, 6, 1, 8, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        "tags": ["a", "b"],
        "category": ["Code"],
        "description": "S",
        "image": "one.png",
        "updated": dt.date(2021, 6, 2),
        "weight": 3,
    }
    assert draft.target == "2021/the-slug.md" and draft.slug == "the-slug"
    assert draft.old_urls == ("/posts/the-slug/", "/old/", "/posts/rel.html")
    assert draft.body == "Body\n" and draft.body_line == 14


@pytest.mark.parametrize(
    ("relative", "front", "options", "urls"),
    [
        ("content/posts/a.md", "title: T\ndate: 2021-01-01", {}, ("/posts/a/",)),
        ("content/posts/My Post.md", "title: T\ndate: 2021-01-01", {}, ("/posts/my-post/",)),
        ("content/posts/b/index.md", "title: T\ndate: 2021-01-01", {}, ("/posts/b/",)),
        ("content/posts/a.md", "title: T\ndate: 2021-01-01\nurl: x/y/", {}, ("/x/y/",)),
        ("content/posts/a.md", "title: T\ndate: 2021-01-01\ndraft: true", {}, ()),
        (
            "content/posts/a.md",
            "title: T\ndate: 2021-01-01",
            {"old_url": "/{year}/{slug}/"},
            ("/2021/a/",),
        ),
        ("content/posts/a.md", "title: T\ndate: 2021-01-01\naliases: /z/", {"old_url": "none"}, ()),
        ("posts/a.md", "title: T\ndate: 2021-01-01", {}, ("/posts/a/",)),
    ],
)
def test_hugo_old_addresses(relative, front, options, urls):
    assert hugo(relative, f"---\n{front}\n---\nx\n", **options).old_urls == urls


def test_hugo_publish_date_and_drafts():
    draft = hugo("content/posts/a.md", "---\ntitle: T\npublishDate: 2020-02-02\ndraft: true\n---\n")
    assert dict(draft.front_matter) == {"title": "T", "date": dt.date(2020, 2, 2), "draft": True}
    assert not draft.published


@pytest.mark.parametrize(
    ("relative", "text", "expected"),
    [
        ("content/posts/_index.md", "---\ntitle: S\n---\n", "section page"),
        ("content/posts/a.md", "---\ntitle: T\n---\n", ("date", 2)),
        ("content/posts/a.md", '+++\ntitle = "T\n+++\n', ("toml", 2)),
        ("content/posts/a.md", "+++\ntitle = 'T'\n", ("front-matter", 1)),
    ],
)
def test_hugo_skips_and_failures(relative, text, expected):
    result = read_hugo(source(relative, text), text, Options())
    if isinstance(expected, str):
        assert isinstance(result, str) and expected in result
    else:
        assert isinstance(result, Problem) and (result.code, result.line) == expected


@pytest.mark.parametrize(
    ("root", "relative", "place"),
    [
        ("site", "content/posts/a.md", ("posts", "a", "posts/a")),
        ("site", "content/posts/b/index.md", ("posts", "b", "posts/b")),
        ("site", "content/posts/2020/c.md", ("posts", "c", "posts/2020/c")),
        ("posts", "a.md", ("posts", "a", "posts/a")),
        ("posts", "b/index.markdown", ("posts", "b", "posts/b")),
        ("site", "content/about.md", ("", "about", "about")),
        ("site", "content/index.md", "outside a bundle"),
    ],
)
def test_hugo_place(root, relative, place):
    result = hugo_place(source(relative, "", root=root))
    assert result == place if isinstance(place, tuple) else place in result


@pytest.mark.parametrize(
    ("reference", "key"),
    [
        ("posts/a.md", "ref:posts/a"),
        ("/posts/a", "ref:posts/a"),
        ("a.md#part", "ref:a"),
        ("posts/b/index.md", "ref:posts/b"),
        ("posts/_index.md", "ref:posts"),
    ],
)
def test_hugo_ref_keys(reference, key):
    assert ref_key(reference) == key


NIMBLE = '%{\n  title: "T",\n  category: "Code"\n}\n---\nBody\n'


@pytest.mark.parametrize(
    ("relative", "options", "in_place", "urls"),
    [
        ("2021/03-01-slug.md", {}, "", ("/blog/slug",)),
        (
            "2021-03-01-slug.md",
            {"old_url": "/{year}/{month}/{day}/{slug}/"},
            "",
            ("/2021/03/01/slug/",),
        ),
        (
            "2021-03-01-slug.md",
            {"old_url": "/{categories}/{filename}"},
            "",
            ("/code/2021-03-01-slug",),
        ),
        ("2021-03-01-slug.md", {"old_url": "none"}, "2021/03-01-slug", ()),
        (
            "2021/03-01-slug.md",
            {},
            "2021/03-01-slug",
            ("/blog/slug", "/posts/2021/03-01-slug.html"),
        ),
    ],
)
def test_nimble_old_addresses(relative, options, in_place, urls):
    post = source(relative, NIMBLE, root="posts", in_place=in_place)
    draft = read_nimble(post, NIMBLE, Options(**options))
    assert isinstance(draft, Draft) and draft.old_urls == urls
    assert draft.target == "2021/slug.md" and draft.body == "Body\n" and draft.body_line == 6


def test_nimble_drafts_record_no_address():
    text = '%{title: "T", draft: true}\n---\nx\n'
    draft = read_nimble(source("2021-03-01-s.md", text), text, Options())
    assert isinstance(draft, Draft) and draft.old_urls == () and not draft.published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2010-07-21", dt.date(2010, 7, 21)),
        ("2010-7-1", dt.date(2010, 7, 1)),
        ("2010-07-21 10:15:00 +0100", dt.datetime(2010, 7, 21, 10, 15, tzinfo=UTC1)),
        ("2010-07-21T10:15Z", dt.datetime(2010, 7, 21, 10, 15, tzinfo=dt.UTC)),
        ("2010-07-21 9:05", dt.datetime(2010, 7, 21, 9, 5)),
        (dt.date(2001, 2, 3), dt.date(2001, 2, 3)),
        ("2010-02-30", None),
        ("yesterday", None),
        (42, None),
    ],
)
def test_read_date(value, expected):
    assert read_date(value) == expected


def test_cut_load_and_names():
    split = cut("---\na: 1\n...\nbody\n")
    assert split is not None and split.block == "a: 1" and split.body == "body\n"
    assert cut("---\nnever closed\n") is None and cut("text") is None
    crlf = cut("---\r\na: 1\r\n---\r\nbody\r\n")
    assert crlf is not None and crlf.newline == "\r\n" and crlf.body == "body\r\n"
    assert load_yaml("", 2) == {}
    assert load_toml("a = 1", 2) == {"a": 1}
    assert names("a b", split_text=True) == ["a", "b"]
    assert names(["a", 1, None, {"x": 1}], split_text=True) == ["a", "1"]
