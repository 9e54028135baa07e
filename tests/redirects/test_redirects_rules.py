"""The pure rules of old addresses: which are acceptable, which files serve them, who gets
a file when several want it, and the page itself."""

from __future__ import annotations

import pickle
from html.parser import HTMLParser

import pytest

from extensions.redirects.model import Claim, Page, Problem, Redirects
from extensions.redirects.paths import (
    canonical_url,
    files_for,
    is_redirect_page,
    redirect_page,
    relative_url,
    site_path,
    values,
)
from extensions.redirects.plan import claims, settle


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/old/slug/", "/old/slug/"),
        ("old/slug", "/old/slug"),
        ("  /old//slug.html ", "/old/slug.html"),
        ("/caf%C3%A9/", "/café/"),
        ("/a b/", "/a b/"),
        ("https://x.org/a/", "full URL"),
        ("//x.org/a/", "full URL"),
        ("/a/?page=2", "query or fragment"),
        ("/a/#top", "query or fragment"),
        ("/a/../b/", "'..' segment"),
        ("/a/./b/", "'.' or '..'"),
        ("/a/%2e%2e/b/", "'..' segment"),
        ("/a//b", "/a/b"),
        ("/.git/config", "hidden"),
        ("/a\\b/", "backslash"),
        ("/a\x00b/", "control character"),
        ("/", "site's root"),
        ("", "site's root"),
        (42, "must be a path"),
        (None, "must be a path"),
    ],
)
def test_site_path(value, expected):
    found = site_path(value)
    if isinstance(found, Problem):
        assert expected in found.message
        assert found.code == ("value" if not isinstance(value, str) else "path")
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/old/slug/", ("old/slug/index.html", None)),
        ("/old/slug.html", ("old/slug.html", None)),
        ("/old/slug.HTM", ("old/slug.HTM", None)),
        ("/old/slug", ("old/slug/index.html", "old/slug.html")),
        ("/v1.2-release", ("v1.2-release/index.html", "v1.2-release.html")),
        ("/feed.xml", "names a .xml file"),
        ("/index.php", "names a .php file"),
    ],
)
def test_files_for(path, expected):
    found = files_for(path)
    if isinstance(found, Problem):
        assert expected in found.message
    else:
        assert found == expected


@pytest.mark.parametrize(
    ("file", "target", "url"),
    [
        ("old/slug/index.html", "posts/2020/x.html", "../../posts/2020/x.html"),
        ("old.html", "posts/2020/x.html", "posts/2020/x.html"),
        ("a/b.html", "a/c.html", "c.html"),
        ("old/index.html", "posts/2020/x/", "../posts/2020/x/"),
        ("o/index.html", "posts/caf é.html", "../posts/caf%20%C3%A9.html"),
        ("o/index.html", "index.html#top", "../index.html#top"),
    ],
)
def test_relative_url(file, target, url):
    assert relative_url(file, target) == url


@pytest.mark.parametrize(
    ("base", "target", "expected"),
    [
        ("https://e.org/blog/", "posts/x.html", "https://e.org/blog/posts/x.html"),
        ("https://e.org/blog", "posts/x/", "https://e.org/blog/posts/x/"),
        ("", "posts/x.html", ""),
    ],
)
def test_canonical_url(base, target, expected):
    assert canonical_url(base, target) == expected


def test_redirect_page_is_complete_escaped_html_without_script():
    page = redirect_page(
        url='../x.html?a=1&b="2"', canonical="https://e.org/x.html", title="<b>Tom & 'Jerry'</b>"
    )

    tags: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append((tag, dict(attrs)))

    Collect().feed(page)
    assert page.startswith("<!DOCTYPE html>\n<html") and page.endswith("</html>\n")
    assert "<script" not in page and "<b>" not in page
    metas = [attrs for tag, attrs in tags if tag == "meta"]
    assert {"http-equiv": "refresh", "content": '0; url=../x.html?a=1&b="2"'} in metas
    assert {"name": "robots", "content": "noindex"} in metas
    assert ("link", {"rel": "canonical", "href": "https://e.org/x.html"}) in tags
    assert ("a", {"href": '../x.html?a=1&b="2"'}) in tags
    assert "&lt;b&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/b&gt;" in page
    assert is_redirect_page(page.encode()) and not is_redirect_page(b"<html>a page</html>")


def test_values():
    assert values(None) == () and values("/a/") == ("/a/",) and values(["/a/", 1]) == ("/a/", 1)


def test_claims_and_settle():
    records = [
        Redirects("b", ("/x/", "/y", "/../bad/"), "redirect_from", 4),
        Redirects("a", ("/x/", "/x/", "/page.html", "/y.html"), "aliases", 2),
    ]
    found, problems = claims(records)
    assert [(c.docname, c.file, c.secondary) for c in found] == [
        ("a", "x/index.html", False),
        ("a", "page.html", False),
        ("a", "y.html", False),
        ("b", "x/index.html", False),
        ("b", "y/index.html", False),
        ("b", "y.html", True),
    ]
    assert [(d, p.code, p.line) for d, p in problems] == [("b", "path", 4)]
    assert problems[0][1].message.startswith("redirect_from: ")
    pages, refused = settle(found, {"page.html": "the page of page"})
    assert pages == [
        Page("x/index.html", "a", "/x/"),
        Page("y.html", "a", "/y.html"),  # a's address beats b's second file
        Page("y/index.html", "b", "/y"),
    ]
    assert [(d, p.code, p.line) for d, p in refused] == [("a", "clash", 2), ("b", "duplicate", 4)]
    assert (
        "the page of page" in refused[0][1].message
        and "a already redirects" in refused[1][1].message
    )


def test_records_are_small_and_picklable():
    for value in (
        Redirects("d", ("/a/",), "aliases", 3),
        Claim("d", "/a/", "a/index.html", 3),
        Page("a/index.html", "d", "/a/"),
    ):
        assert pickle.loads(pickle.dumps(value)) == value
