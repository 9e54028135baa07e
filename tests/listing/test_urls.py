"""The one URL scheme: slugs as ABlog spelled them (so old addresses stay), but for `+` and
`#` (which ABlog dropped: C, C++ and C# shared a page), names without letters (which got an
empty slug) and very long names (which made file names too long); every page and feed path."""

from __future__ import annotations

import pytest
from ablog.blog import slugify as ablog_slugify

from extensions.listing.urls import MAX_SLUG, Scheme, absolute_url, slugify

NAMES = [
    "python",
    "Python",
    "Functional Programming",
    "  spaced  out  ",
    "C<T> & ]]>",
    "C++",
    "emoji 🎉",
    'quotes "here"',
    "Code & <More>",
    "São Miguel",
    "Ærø",
    "naïve café",
    "ﬁligree",
    "under_score",
    "dash--dash",
    "a - b",
    "tab\there",
    "日本語",
    "Straße",
    "🎉",
    "",
    "x/y",
    "1.0 release",
    "it's",
    "Ⅻ roman",
    "ＦＵＬＬ width",
]


@pytest.mark.parametrize(
    "name",
    [
        name
        for name in NAMES
        if not {"+", "#"} & set(name)
        and ablog_slugify(name).strip("-") == ablog_slugify(name)
        and ablog_slugify(name)
    ],
)
def test_slug_agrees_with_ablogs_own_rule(name):
    assert ablog_slugify is not slugify  # imported before any build replaced it
    assert slugify(name) == ablog_slugify(name)


@pytest.mark.parametrize(
    ("name", "slug"), [("C++", "c-plus-plus"), ("C#", "c-sharp"), ("F#", "f-sharp"), ("C", "c")]
)
def test_plus_and_sharp_are_spelled_out(name, slug):
    assert slugify(name) == slug


def test_examples():
    assert slugify("Functional Programming") == "functional-programming"
    assert slugify("São Miguel") == "sao-miguel"
    assert slugify("C<T> & ]]>") == "ct"


@pytest.mark.parametrize("name", ["", "🎉", "!!!", "<>"])
def test_a_name_without_letters_still_has_a_page(name):
    slug = slugify(name)
    assert slug.startswith("n-") and len(slug) == 10
    assert slugify(name) == slug  # stable


def test_long_names_have_short_distinct_slugs():
    long, longer = "x" * 260, "x" * 259 + "y"
    assert len(slugify(long)) <= MAX_SLUG and len(slugify("+" * 100)) <= MAX_SLUG
    assert slugify(long) != slugify(longer)


def test_every_page_and_feed_path():
    scheme = Scheme(root_doc="index", blog_path="blog", feeds_path="feeds")
    assert scheme.index("tag", "C++") == "blog/tag/c-plus-plus"
    assert scheme.index("year", "2025") == "blog/2025"
    assert scheme.catalog("category") == "blog/category"
    assert scheme.archive == "blog/archive" and scheme.all_posts == "blog"
    assert scheme.page("index", 1) == "index" and scheme.page("index", 3) == "page/3"
    assert scheme.page("blog/tag/elixir", 2) == "blog/tag/elixir/page/2"
    assert scheme.feed_folder() == "feeds"
    assert scheme.feed_folder("author", "Ana Lima") == "feeds/author/ana-lima"
    assert scheme.feed_folder("year", "2025") == "feeds/year/2025"


def test_urls_are_percent_encoded():
    assert (
        absolute_url("https://x.org/b/", "/posts/café au lait.html")
        == "https://x.org/b/posts/caf%C3%A9%20au%20lait.html"
    )
    assert absolute_url("https://x.org/", "a%20b.html") == "https://x.org/a%20b.html"
