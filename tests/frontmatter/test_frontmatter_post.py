"""Table-driven tests of turning front matter into a Post (no Sphinx)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from extensions.frontmatter.model import Post
from extensions.frontmatter.post import (
    decode_source,
    duplicate_slugs,
    has_top_heading,
    key_lines,
    load_front_matter,
    newest_first,
    parse_yaml,
    read_post,
    same_post_twice,
)
from extensions.frontmatter.publish import scan_source, verdict

LISBON = ZoneInfo("Europe/Lisbon")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)

SOURCE = """---
title: Hello
date: 2024-01-02
tags: [a, b]
draft: false
---

Body text.
"""


def test_front_matter_is_split_and_parsed_with_key_lines():
    fields, problems = load_front_matter(SOURCE)
    assert problems == []
    assert fields["title"] == "Hello" and fields["tags"] == ["a", "b"]
    assert key_lines(SOURCE) == {"title": 2, "date": 3, "tags": 4, "draft": 5}


def test_a_yaml_error_names_its_line():
    fields, problems = load_front_matter("---\ntitle: ok\ntags: [a, b\nmore: x\n---\nbody\n")
    assert fields == {}
    assert problems[0].code == "yaml" and problems[0].line in (3, 4, 5)


def test_front_matter_that_is_not_a_mapping_is_a_problem():
    _, problems = load_front_matter("---\n- a\n- b\n---\n")
    assert problems[0].code == "yaml"


def test_no_front_matter_is_no_fields():
    assert load_front_matter("# Just markdown\n") == ({}, [])


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"draft": True}, "draft"),
        ({"draft": "yes", "date": "2020-01-01"}, "draft"),
        ({"date": "2099-01-01"}, "future"),
        ({"date": "2026-11-23T13:30:00+01:00"}, "future"),  # 12:30 UTC, after noon UTC
        ({"date": "2026-11-23T12:30:00+01:00"}, None),  # 11:30 UTC
        ({"date": "2026-11-23 11:00"}, None),  # Lisbon is UTC in winter: 11:00 < 12:00
        ({"date": "2026-11-23 13:00"}, "future"),
        ({"date": "not a date"}, None),  # reported when read, not hidden
        ({}, None),
    ],
)
def test_what_is_not_published_yet(fields, reason):
    front = "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())
    text = f"---\ntitle: A post\n{front}---\n\nText.\n"
    scanned = scan_source(
        "posts/2026/a", text, "markdown", posts_folder="posts", matched=frozenset()
    )
    assert verdict(scanned, NOW, LISBON) == reason


def test_read_post_normalises_everything():
    post, problems = read_post(
        "posts/2024/hello",
        {
            "title": "Hello",
            "date": "2024-01-02T10:00:00+02:00",
            "author": "Ana, Sam",
            "tags": ["x", "y"],
            "category": "Code",
            "description": "Hi.",
            "series": {"n": 1},
        },
        heading=None,
    )
    assert problems == []
    assert post.title == "Hello"
    assert post.date is not None and post.date.utcoffset().total_seconds() == 7200
    assert post.authors == ("Ana", "Sam") and post.tags == ("x", "y")
    assert post.categories == ("Code",) and post.description == "Hi."
    assert post.extra == (("series", "{n: 1}"),)
    assert post.slug == "hello"


def test_the_heading_is_the_title_when_front_matter_has_none():
    post, problems = read_post("posts/a", {"date": "2024-01-01"}, heading="From the body")
    assert post.title == "From the body" and problems == []


def test_no_title_at_all_uses_the_slug_and_says_so():
    post, problems = read_post("posts/my-first-post", {"date": "2024-01-01"}, heading=None)
    assert post.title == "My first post"
    assert [p.code for p in problems] == ["title"]


def test_problems_carry_the_line_of_their_key():
    _, problems = read_post(
        "posts/a",
        {"title": "T", "date": "soon", "tags": [1]},
        heading=None,
        lines={"date": 3, "tags": 4},
    )
    assert {(p.code, p.line) for p in problems} == {("date", 3), ("tags", 4)}


def test_duplicate_slugs_first_by_docname_wins():
    a = Post("posts/2024/same", "A", None)
    b = Post("posts/2023/same", "B", None)
    c = Post("posts/2024/other", "C", None)
    assert duplicate_slugs([a, c, b]) == [(b, a)]


def test_newest_first_orders_across_timezones_and_skips_undated():
    utc = UTC
    early = Post("p/a", "A", datetime(2024, 1, 1, 10, 0, tzinfo=utc))
    later = Post("p/b", "B", datetime(2024, 1, 1, 10, 30))  # Lisbon winter = UTC
    undated = Post("p/c", "C", None)
    assert [p.docname for p in newest_first([early, undated, later], LISBON)] == ["p/b", "p/a"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("# Title\n\ntext", True),
        ("text\n\n## Section\n", False),
        ("```python\n# a comment\n```\n", False),
        ("~~~\n# x\n~~~\n# Real\n", True),
        ("Title\n=====\n", True),
        ("#hashtag is not a heading\n", False),
    ],
)
def test_has_top_heading(body, expected):
    assert has_top_heading(body) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title and a blank line: the heading goes where the front matter was
        ("---\ntitle: Hi\n---\n\n## Part\n", "\n\n# Hi\n\n### Part\n"),
        # the body right after the front matter: no line moves
        ("---\ntitle: Hi\n---\nText on line 4.\n", "\n\n# Hi\nText on line 4.\n"),
        # body headings go one level down, setext ones become ATX (the underline a blank)
        (
            "---\ntitle: T\ndate: 2024-01-01\n---\nIntro\n\nPart\n====\nSub\n---\n# Last\n",
            "\n\n\n# T\nIntro\n\n## Part\n\n### Sub\n\n## Last\n",
        ),
        # a body that starts with the title as its heading keeps it
        ("---\ntitle: Same\n---\n\n# Same\n\n# Other\n", "\n\n\n\n# Same\n\n## Other\n"),
        # headings in code stay
        ("---\ntitle: T\n---\n```\n# not\n```\n", "\n\n# T\n```\n# not\n```\n"),
        # keys other extensions read stay in the front matter; ours are read by us
        (
            "---\ntitle: T\nredirect_from: /old/\ntags: [a]\n---\nBody\n",
            "---\nredirect_from: /old/\n---\n\n# T\nBody\n",
        ),
        (
            "---\ntitle: T\nredirect_from: /old/\naliases: [/x/]\n---\nBody\n",
            "---\nredirect_from: /old/\naliases: [/x/]\n---\n# T\nBody\n",
        ),
    ],
)
def test_myst_reads_the_post_line_for_line(text, expected):
    from extensions.frontmatter.post import myst_source

    fields, problems = load_front_matter(text)
    assert problems == []
    out = myst_source(text, fields)
    assert out == expected
    assert len(out.split("\n")) == len(text.split("\n"))  # every line keeps its number


def test_a_title_is_plain_text_not_markdown():
    from extensions.frontmatter.post import myst_source

    text = "---\ntitle: x\n---\n\nBody\n"
    heading = myst_source(text, {"title": "Fish & <chips> *now*"}).split("\n")[2]
    assert heading == r"# Fish \& \<chips\> \*now\*"


def test_post_records_survive_pickle():
    import pickle

    post, _ = read_post(
        "posts/a",
        {"title": "T", "date": "2024-01-02T10:00:00+02:00", "tags": ["x"], "more": [1, 2]},
        heading=None,
    )
    assert pickle.loads(pickle.dumps(post)) == post


def test_yaml_dates_stay_text_so_bad_ones_are_reported_not_raised():
    assert parse_yaml("date: 2024-13-45\nother: 2024-01-02") == {
        "date": "2024-13-45",
        "other": "2024-01-02",
    }
    fields, problems = load_front_matter("---\ndate: 2024-13-45\n---\n")
    assert fields == {"date": "2024-13-45"} and problems == []


def test_myst_gets_what_we_read_of_other_keys_with_lines_kept():
    from extensions.frontmatter.post import myst_source

    text = (
        "---\ntitle: 'Fish: & chips'\ndate: 2024-13-45\nextra: 2024-13-45\nlist:\n  - a\n  - b\n"
        "description: |\n  two\n  lines\n---\n\nBody on line 13.\n"
    )
    fields, _ = load_front_matter(text)
    out = myst_source(text, fields)
    assert out.split("\n")[12] == "Body on line 13."  # same line as in the file
    assert len(out.split("\n")) == len(text.split("\n"))
    again, problems = load_front_matter(out)
    assert problems == [] and again == {"extra": "2024-13-45", "list": ["a", "b"]}


def test_bytes_that_are_not_utf8_are_a_located_problem():
    text, problems = decode_source(b"---\ntitle: caf\xe9\n---\n")
    assert text is None
    assert (problems[0].code, problems[0].line) == ("encoding", 2)
    assert "0xe9 at column 11" in problems[0].message


def test_a_byte_order_mark_is_fine():
    assert decode_source("\ufeff---\ntitle: x\n---\n".encode()) == ("---\ntitle: x\n---\n", [])


def test_front_matter_that_is_never_closed_is_a_problem_and_plain_text_for_myst():
    text = "---\ntitle: open\n\nBody.\n"
    fields, problems = load_front_matter(text)
    assert fields == {} and [(p.code, p.line) for p in problems] == [("yaml", 1)]
    from extensions.frontmatter.post import myst_source

    assert myst_source(text, fields) == "\ntitle: open\n\nBody.\n"


def test_a_post_without_author_has_the_default_authors():
    post, _ = read_post(
        "p/a", {"title": "T", "date": "2024-01-01"}, heading=None, default_authors=("Ana Lima",)
    )
    assert post.authors == ("Ana Lima",)
    named, _ = read_post(
        "p/b",
        {"title": "T", "date": "2024-01-01", "author": "Sam"},
        heading=None,
        default_authors=("Ana Lima",),
    )
    assert named.authors == ("Sam",)


def test_the_same_post_twice_is_found_by_title_and_date():
    when = datetime(2024, 1, 1, 9, 0)
    original = Post("posts/2023/05-12-a-post", "A post", when)
    imported = Post("posts/2023/a-post", "A Post", when)
    other = Post("posts/2023/b", "A post", datetime(2024, 1, 2))
    assert same_post_twice([original, imported, other]) == [(original, imported)]


def test_an_empty_title_is_reported_at_its_line():
    _, problems = read_post(
        "p/x", {"title": "", "date": "2024-01-01"}, heading=None, lines={"title": 2}
    )
    assert [(p.code, p.line) for p in problems] == [("title", 2)]
