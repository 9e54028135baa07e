"""The pure core of the lists: order, pagination, grouping, neighbours, related posts and
series, table-driven, without Sphinx."""

from __future__ import annotations

import pickle
import random
from dataclasses import replace

import pytest

from extensions.listing.derive import (
    Settings,
    derive,
    groups,
    newest_first,
    paginate,
    related_posts,
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
    found = related_posts(POSTS, 3).links(POSTS)
    assert [link.docname for link in found[f"posts/{name}"]] == [f"posts/{r}" for r in related]


def test_related_posts_can_be_switched_off():
    assert related_posts(POSTS, 0).related == {}


TAG_POOL = ["elixir", "otp", "python", "trains", "islands", "food", "tests"]


def random_post(rng: random.Random, number: int):
    day = f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return post(
        f"p{number}",
        day,
        rng.sample(TAG_POOL, rng.randint(0, 3)),
        [rng.choice(["Code", "Travel", "Food"])] if rng.random() < 0.9 else [],
        title=f"Post {number}",
    )


@pytest.mark.parametrize("seed", range(40))
def test_related_posts_worked_out_from_the_last_build_equal_a_fresh_answer(seed):
    """Whatever changes between two builds (new posts, removed ones, new tags, categories,
    dates or titles), keeping the last answer gives exactly the fresh one."""
    rng = random.Random(seed)
    posts = [random_post(rng, n) for n in range(40)]
    memo = related_posts(posts, 3)
    for _ in range(6):
        posts = list(posts)
        for _ in range(rng.randint(1, 4)):
            change = rng.choice(["add", "remove", "retag", "move", "rename", "recategorise"])
            index = rng.randrange(len(posts))
            if change == "add":
                posts.append(random_post(rng, 100 + rng.randrange(10_000)))
            elif change == "remove" and len(posts) > 3:
                posts.pop(index)
            elif change == "retag":
                posts[index] = replace(posts[index], tags=tuple(rng.sample(TAG_POOL, 2)))
            elif change == "move":
                posts[index] = replace(posts[index], order=f"2030-0{rng.randint(1, 9)}-01T00:00")
            elif change == "rename":
                posts[index] = replace(posts[index], title=f"Renamed {rng.random()}")
            else:
                posts[index] = replace(posts[index], categories=("Other",))
        memo = related_posts(posts, 3, memo)
        assert memo.related == related_posts(posts, 3).related


def test_a_new_post_works_out_few_related_lists_again(monkeypatch):
    from extensions.listing import derive as module

    rng = random.Random(1)
    posts = [random_post(rng, n) for n in range(200)]
    memo = related_posts(posts, 3)
    calls = []
    original = module._Relations.best

    def counting(self, docname, count, among=None):
        calls.append(among is None)
        return original(self, docname, count, among)

    monkeypatch.setattr(module._Relations, "best", counting)
    related_posts([*posts, random_post(rng, 999)], 3, memo)
    assert calls.count(True) <= 5  # the new post, and the few whose list had a changed post


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


@pytest.mark.parametrize(
    "name",  # a post's docname is the page's own (ListPage.posts), so in the digest already
    [f.name for f in __import__("dataclasses").fields(POSTS[0]) if f.name != "docname"],
)
def test_a_page_digest_changes_whenever_what_the_page_draws_changes(name):
    """The digest is made without drawing the page: each field of a post that a card or the
    archive shows must change the digest of the pages that show it."""
    from extensions.listing.model import ArchivePage, YearGroup
    from extensions.listing.views import page_digest, page_view

    before = POSTS[0]
    value = getattr(before, name)
    if isinstance(value, str):
        changed = value + "x"
    elif isinstance(value, int):
        changed = value + 1
    else:
        changed = (*value, "x")
    after = replace(before, **{name: changed})
    lists = ListPage("blog", "all", "", "All", (before.docname,))
    archive = ArchivePage(
        "blog/archive", "Archive", (YearGroup("2024", "blog/2024", (before.docname,)),)
    )
    for page in (lists, archive):
        views = [page_view(page, {before.docname: p}, SCHEME, {}) for p in (before, after)]
        digests = [page_digest(page, {before.docname: p}, SCHEME, {}) for p in (before, after)]
        if views[0] != views[1]:
            assert digests[0] != digests[1], (name, type(page).__name__)


def test_page_digests_are_the_same_with_the_cards_kept_from_page_to_page():
    from extensions.listing.views import page_digest

    blog = derive(POSTS, Settings(page_size=2))
    posts = {post.docname: post for post in POSTS}
    cards: dict[str, str] = {}
    kept = [page_digest(page, posts, SCHEME, {}, cards=cards) for page in blog.pages]
    assert kept == [page_digest(page, posts, SCHEME, {}) for page in blog.pages]
    assert cards  # and they were kept
    renamed = {**posts, POSTS[0].docname: replace(POSTS[0], title="Renamed")}
    assert [page_digest(page, renamed, SCHEME, {}, cards={}) for page in blog.pages] != kept
