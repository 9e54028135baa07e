"""A new post's file, read back by the blog's own front-matter reader: whatever the title,
tags or category, they come back exactly, the post is a draft, and nothing else appears."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from extensions.authoring.scaffold import (
    MAX_TITLE,
    NewPost,
    new_post,
    one_line,
    parse_tags,
    relative_path,
    render,
    validate,
    yaml_string,
)
from extensions.frontmatter.post import load_front_matter, read_post

LISBON = ZoneInfo("Europe/Lisbon")
WHEN = datetime(2026, 7, 4, 9, 5, 33, 12, tzinfo=LISBON)

HOSTILE_TITLES = [
    'He said "hi"',
    "It's a 'quote'",
    "Key: value",
    "title: injected",
    "# not a comment",
    "a # b",
    "---",
    "--- a fence",
    "- leading dash",
    "? question",
    "{{ x }}",
    "{x: 1}",
    "[not, a, list",
    "& anchor *alias !tag",
    "|literal",
    ">folded",
    "%YAML directive",
    "@at `backticks` $HOME",
    "back\\slash \\n",
    "yes",
    "no",
    "on",
    "~",
    "Null",
    "2026-01-05",
    "12:30",
    "0x1F",
    "007",
    "tab\there",
    "Café ☕ in Québec",
    "Привет, мир",
    "😀 \u200d 👍",
    "bell\x07 and nul\x00 and del\x7f",
    "nel\x85 line\u2028separator",
    "bom\ufeff inside",
    "non-characters \ufffe and \uffff",
    "right-to-left \u202e mark",
]
#: Titles that look like other values: they stay text (a title is text, whatever it reads).
DECODED_AS_JSON = ["null", "true", "false", "[1, 2]", "42.50"]


def post(title="Setting the pace", **changes) -> NewPost:
    fields = {"author": "Rosa Parra", "category": "", "tags": (), "slug": ""}
    fields.update(changes)
    return new_post(title, WHEN, **fields)


def read_back(text: str, docname: str = "posts/2026/x"):
    fields, problems = load_front_matter(text)
    assert problems == []
    record, problems = read_post(docname, fields, heading=None, zone=LISBON)
    assert problems == []
    return fields, record


def test_the_file():
    text = render(post(category="Code", tags=("elixir", "broadway")))
    assert text == (
        "---\n"
        'title: "Setting the pace"\n'
        "date: 2026-07-04 09:05\n"
        'author: "Rosa Parra"\n'
        'category: "Code"\n'
        'tags: ["elixir", "broadway"]\n'
        'description: ""  # one sentence, shown in lists, feeds and link previews\n'
        "draft: true  # delete this line (or set it to false) to publish\n"
        "---\n"
        "\n"
        "Start writing here. Without a description, this first paragraph is the post's "
        "summary in lists and feeds.\n"
    )
    fields, record = read_back(text)
    assert set(fields) == {"title", "date", "author", "category", "tags", "description", "draft"}
    assert record.date == datetime(2026, 7, 4, 9, 5)  # naive: the blog's timezone
    assert record.authors == ("Rosa Parra",)
    assert record.description == ""


def test_author_category_and_tags_are_left_out_when_empty():
    text = render(post(author=""))
    fields, record = read_back(text)
    assert set(fields) == {"title", "date", "description", "draft"}
    assert record.draft is True and record.tags == () and record.categories == ()


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_any_title_comes_back_exactly(title):
    fields, record = read_back(render(post(title, category=title[:100], tags=(title[:100],))))
    assert fields["title"] == one_line(title)
    assert record.title == one_line(title)
    assert record.tags == (one_line(title[:100]),)
    assert record.categories == tuple(
        name.strip() for name in one_line(title[:100]).split(",") if name.strip()
    )  # a category with commas is several, as when written by hand
    assert record.draft is True
    assert set(fields) == {"title", "date", "author", "category", "tags", "description", "draft"}


@pytest.mark.parametrize("title", DECODED_AS_JSON)
def test_titles_that_look_like_json_come_back_as_text(title):
    fields, record = read_back(render(post(title, tags=(title,))))
    assert fields["title"] == title and fields["tags"] == [title]
    assert record.title == title


@pytest.mark.parametrize("char", ["\x7f", "\x85", "\x9f", "\u2028", "\u2029", "\ufeff", "\ufffe"])
def test_characters_yaml_must_not_see_raw_are_escaped(char):
    text = f"a{char}b: c"
    assert char not in yaml_string(text)
    assert json.loads(yaml_string(text)) == text
    assert yaml.safe_load(f"title: {yaml_string(text)}") == {"title": text}


def test_render_puts_every_text_on_one_line_even_when_given_several():
    made = NewPost(
        title="one\ntitle: two\u2028three",
        date=WHEN,
        author="Rosa\nParra",
        category="Code\r\ndraft: false",
        tags=("a\nb", " ", "\x85"),
        slug="x",
    )
    fields, problems = load_front_matter(render(made))
    assert problems == []
    assert fields == {
        "title": "one title: two three",
        "date": "2026-07-04 09:05",
        "author": "Rosa Parra",
        "category": "Code draft: false",
        "tags": ["a b"],
        "description": "",
        "draft": True,
    }


def test_a_title_over_several_lines_becomes_one_line():
    fields, record = read_back(render(post("First line\n---\ntitle: second\r\n\n  third ")))
    assert record.title == "First line --- title: second third"
    assert set(fields) == {"title", "date", "author", "description", "draft"}


def test_the_date_is_the_blogs_wall_clock_to_the_minute():
    tokyo = datetime(2026, 1, 1, 0, 30, 59, tzinfo=ZoneInfo("Asia/Tokyo"))
    made = new_post("New year", tokyo)
    assert made.date == datetime(2026, 1, 1, 0, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    assert "\ndate: 2026-01-01 00:30\n" in render(made)
    assert relative_path(made, "posts").as_posix() == "posts/2026/new-year.md"
    assert relative_path(new_post("x", tokyo, slug="mine"), "blog/posts").as_posix() == (
        "blog/posts/2026/mine.md"
    )


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("elixir, broadway ,,", ("elixir", "broadway")),
        ("", ()),
        (" , ,", ()),
        ("one", ("one",)),
        ("machine   learning,\tnlp", ("machine learning", "nlp")),
        ("elixir, elixir, Elixir", ("elixir", "Elixir")),
        ('"quoted", #hash, {{ x }}', ('"quoted"', "#hash", "{{ x }}")),
    ],
)
def test_parse_tags(text, tags):
    assert parse_tags(text) == tags


@pytest.mark.parametrize(
    ("title", "category", "tags", "slug", "codes"),
    [
        ("Fine", "", (), "", []),
        ("Fine", "c" * 100, ("t" * 100,), "my-post", []),
        ("", "", (), "", ["title"]),
        ("t" * MAX_TITLE, "", (), "", []),
        ("t" * (MAX_TITLE + 1), "", (), "", ["long-title"]),
        ("Fine", "c" * 101, (), "", ["category"]),
        ("Fine", "", ("ok", "t" * 101), "", ["tag"]),
        ("Fine", "", (), "Not A Slug", ["slug"]),
        ("Fine", "", (), "../escape", ["slug"]),
        ("Fine", "", (), ".hidden", ["slug"]),
        ("bad \udce9 bytes", "", (), "", ["text"]),
        ("", "c" * 101, ("t" * 101,), "x/y", ["title", "category", "tag", "slug"]),
    ],
)
def test_validate(title, category, tags, slug, codes):
    assert [problem.code for problem in validate(title, category, tags, slug)] == codes


@given(
    title=st.text(min_size=1, max_size=MAX_TITLE),
    tags=st.lists(st.text(max_size=40), max_size=4),
)
def test_any_text_survives_the_round_trip(title, tags):
    made = post(title, category=title[:100], tags=parse_tags(",".join(tags)))
    fields, problems = load_front_matter(render(made))
    assert problems == []
    assert fields["title"] == made.title
    assert fields.get("tags", []) == list(made.tags)
    assert fields.get("category", "") == made.category
    assert fields["draft"] is True
    assert set(fields) <= {"title", "date", "author", "category", "tags", "description", "draft"}
