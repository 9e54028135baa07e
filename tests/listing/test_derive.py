"""The pure core of the lists: order, pagination, grouping, neighbours, related posts and
series, table-driven, without Sphinx."""

from __future__ import annotations

import pickle

import pytest

from extensions.listing.derive import (
    Settings,
    derive,
    groups,
    newest_first,
    paginate,
    related_posts,
    relatedness,
    series_of,
)
from extensions.listing.model import ArchivePage, CatalogPage, Link, ListPage
from extensions.listing.urls import Scheme


def post(name: str, when: str, tags=(), categories=(), authors=("Ana",), series="", title=None):
    from extensions.listing.model import Listed

    return Listed(
        docname=f"posts/{name}",
        title=title or name.title(),
        order=f"{when}T00:00:00+00:00",
        moment=f"{when}T00:00:00+00:00",
        date=when.replace("-", "/"),
        year=when[:4],
        categories=tuple(categories),
        tags=tuple(tags),
        authors=tuple(authors),
        series=series,
    )


POSTS = [
    post("e", "2024-05-01", ["elixir", "otp"], ["Code"]),
    post("d", "2024-04-01", ["trains"], ["Travel"]),
    post("c", "2024-03-01", ["elixir"], ["Code"], series="Counter"),
    post("b", "2023-02-01", ["islands"], ["Travel"], series="counter"),
    post("a", "2023-01-01", ["python"], ["Code"]),
]
SCHEME = Scheme()


@pytest.mark.parametrize(
    ("count", "size", "pages"),
    [
        # (name, posts) of each page: the first holds the newest; the others are cut from
        # the oldest (page 2 holds the oldest), the newest of them holding what is left
        (0, 10, [("x", [])]),
        (3, 5, [("x", [2, 1, 0])]),
        (10, 5, [("x", [9, 8, 7, 6, 5]), ("x/page/2", [4, 3, 2, 1, 0])]),
        (11, 5, [("x", [10, 9, 8, 7, 6]), ("x/page/3", [5]), ("x/page/2", [4, 3, 2, 1, 0])]),
        (5, None, [("x", [4, 3, 2, 1, 0])]),
        (3, 0, [("x", [2, 1, 0])]),
    ],
)
def test_pagination_keeps_older_pages_as_they_are(count, size, pages):
    posts = [f"p{i}" for i in range(count)][::-1]  # newest first: p(count-1) ... p0
    found = paginate("x", posts, size, SCHEME)
    assert [(name, [int(p[1:]) for p in chunk]) for name, chunk, _ in found] == pages
    names = [name for name, _, _ in found]
    for index, (_, _, pager) in enumerate(found):
        assert pager.previous == (names[index - 1] if index else "")
        assert pager.next == (names[index + 1] if index + 1 < len(names) else "")
        assert pager.number == (1 if index == 0 else int(names[index].rsplit("/", 1)[1]))


def test_a_new_post_changes_the_first_page_and_the_newest_older_one_only():
    before = {
        name: chunk
        for name, chunk, _ in paginate("x", [f"p{i}" for i in range(23)][::-1], 5, SCHEME)
    }
    after = {
        name: chunk
        for name, chunk, _ in paginate("x", [f"p{i}" for i in range(24)][::-1], 5, SCHEME)
    }
    changed = {name for name in after if before.get(name) != after[name]}
    assert changed == {"x", "x/page/5"}  # page 5 holds the posts pushed off the first page


def test_the_home_page_pages_are_page_n():
    found = paginate("index", ["c", "b", "a"], 1, SCHEME)
    assert [name for name, _, _ in found] == ["index", "page/3", "page/2"]


def test_newest_first_with_ties_in_one_order():
    same = [post("x", "2024-01-01", title="Alpha"), post("y", "2024-01-01", title="Beta")]
    assert [p.title for p in newest_first(same)] == ["Beta", "Alpha"]
    assert [p.docname for p in newest_first(reversed(POSTS))] == [p.docname for p in POSTS]


def test_two_spellings_of_a_name_share_a_page_named_by_the_first_post():
    posts = [post("z", "2024-01-01", ["Python"]), post("a", "2023-01-01", ["python"])]
    assert groups(posts, "tag") == {"python": ("python", ["posts/z", "posts/a"])}


@pytest.mark.parametrize(
    ("name", "related"),
    [
        ("e", ["c", "a"]),  # shares elixir with c; a is in the same category
        ("d", ["b"]),  # the other Travel post
        ("c", ["e", "a"]),
        ("b", ["d"]),
        ("a", ["c", "e"]),  # same category; c is closer in date than e
    ],
)
def test_related_posts_shared_tags_then_category_then_date(name, related):
    found = related_posts(POSTS, 3)
    assert [link.docname for link in found[f"posts/{name}"]] == [f"posts/{r}" for r in related]


def test_related_posts_can_be_switched_off_and_ignore_the_text():
    assert related_posts(POSTS, 0) == {}
    edited = [
        post("e", "2024-05-01", ["elixir", "otp"], ["Code"]),
        *POSTS[1:],
    ]
    assert relatedness(edited) == relatedness(POSTS)  # a text edit keeps related posts


def test_series_parts_in_order_names_matched_whatever_their_case():
    found = series_of(newest_first(POSTS))
    assert found["posts/b"].number == 1 and found["posts/c"].number == 2
    assert found["posts/c"].total == 2 and found["posts/c"].name == "counter"
    assert found["posts/c"].parts == (Link("posts/b", "B"), Link("posts/c", "C"))
    assert "posts/a" not in found


def test_every_page_of_the_blog_and_it_pickles():
    blog = derive(POSTS, Settings(page_size=2, related=3))
    pages = {page.docname: page for page in blog.pages}
    assert isinstance(pages["blog/archive"], ArchivePage)
    assert isinstance(pages["blog/tag"], CatalogPage)
    assert [e.count for e in pages["blog/category"].entries] == [3, 2]  # Code, Travel
    home = pages["index"]
    assert isinstance(home, ListPage) and home.posts == ("posts/e", "posts/d")
    assert pages["page/3"].posts == ("posts/c",) and pages["page/2"].posts == ("posts/b", "posts/a")
    assert pages["blog/tag/elixir"].feed == "feeds/tag/elixir"
    assert pages["blog/author/ana"].pager.next == "blog/author/ana/page/3"
    views = {view.docname: view for view in blog.views}
    assert views["posts/e"].previous == Link("posts/d", "D") and views["posts/e"].next is None
    assert pickle.loads(pickle.dumps(blog)) == blog


def test_an_empty_blog_still_has_its_pages():
    blog = derive([], Settings())
    names = {page.docname for page in blog.pages}
    assert {"index", "blog", "blog/archive", "blog/tag", "blog/category", "blog/author"} <= names
