"""Pure views of what lists show (no Sphinx), and agreement with ABlog's slugs."""

from __future__ import annotations

import pytest
from ablog.blog import slugify as ablog_slugify

from extensions.ablog_shims.listing import (
    Listed,
    changed_neighbours,
    index_pages,
    neighbours,
    shared_pages,
    slugify,
    unwrap_excerpt,
)


def post(name: str, date: str, tags=(), categories=(), authors=()) -> Listed:
    return Listed(
        f"posts/{name}", name.title(), date, tuple(categories), tuple(authors), tuple(tags), ""
    )


@pytest.mark.parametrize(
    "name",
    ["Elixir", "Ana Lima", "data-engineering", "Rust & Go", "São Miguel", "a  b", "OTP/GenServer"],
)
def test_our_slugs_are_ablogs_slugs(name):
    assert slugify(name) == ablog_slugify(name)


def test_neighbours_older_is_previous_newer_is_next():
    a, b, c = post("a", "2024-03-01"), post("b", "2024-02-01"), post("c", "2024-01-01")
    view = neighbours([a, b, c])
    assert view["posts/b"] == ("posts/c", "C", "posts/a", "A")
    assert view["posts/a"] == ("posts/b", "B", "", "")
    assert view["posts/c"] == ("", "", "posts/b", "B")


def test_a_new_post_changes_only_the_neighbour_it_lands_next_to():
    a, b, c = post("a", "2024-03-01"), post("b", "2024-02-01"), post("c", "2024-01-01")
    new = post("new", "2024-04-01")
    assert changed_neighbours(neighbours([a, b, c]), neighbours([new, a, b, c])) == {
        "posts/new",
        "posts/a",
    }


def test_index_pages_follow_the_posts():
    posts = [
        post("a", "2024-03-01", tags=["Elixir"], categories=["Code"], authors=["Ana Lima"]),
        post("b", "2023-01-01", tags=["OTP"]),
    ]
    assert index_pages(posts) == {
        "blog",
        "blog/archive",
        "blog/2024",
        "blog/2023",
        "blog/tag",
        "blog/tag/elixir",
        "blog/tag/otp",
        "blog/category",
        "blog/category/code",
        "blog/author",
        "blog/author/ana-lima",
    }
    assert index_pages([]) == set()


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p class="ablog-post-excerpt"><p>One.</p>\n</p>\n', "<p>One.</p>"),
        ('<p class="ablog-post-excerpt"><p>One.</p><p>Two.</p></p>', "<p>One.</p><p>Two.</p>"),
        ("<p>Already plain.</p>", "<p>Already plain.</p>"),
    ],
)
def test_summaries_are_not_paragraphs_inside_a_paragraph(html, expected):
    assert unwrap_excerpt(html) == expected


def test_spellings_that_would_share_a_page_are_found_but_case_and_dashes_are_one_name():
    pairs = [
        ("posts/a", ["Node.js", "Python", "data engineering"]),
        ("posts/b", ["nodejs", "python", "data-engineering", "Data_Engineering"]),
        ("posts/c", ["nodejs", "C++", "C"]),
    ]
    assert shared_pages(pairs) == [("nodejs", "Node.js", "nodejs", "posts/b")]
