"""The pure checks: where a hand-written link leads, whether it arrives, the posts' own
problems, and the build's warnings read back as one line each."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from extensions.checks.links import (
    arrival,
    broken_links,
    page_ids,
    pages_with_anchors,
    raw_links,
    resolve,
)
from extensions.checks.model import Finding, Link, Outside, SitePath
from extensions.checks.posts import (
    duplicate_titles,
    key_line,
    line_holding,
    missing_descriptions,
    plain_code_blocks,
    unpublished_posts,
)
from extensions.checks.report import failed, line_of, ordered, parse_warnings, summary

BASE = "https://ana.example.org/blog/"
PAGE = "posts/2025/a.html"


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("b.html", SitePath("posts/2025/b.html")),
        ("../2024/c.html#top", SitePath("posts/2024/c.html", "top")),
        ("#here", SitePath(PAGE, "here")),
        ("./", SitePath("posts/2025/index.html")),
        ("caf%C3%A9.html", SitePath("posts/2025/café.html")),
        ("b.html?x=1", SitePath("posts/2025/b.html")),
        ("/blog/tags.html", SitePath("tags.html")),
        ("/blog", SitePath("index.html")),
        (BASE + "posts/2025/b.html#x", SitePath("posts/2025/b.html", "x")),
        ("//ana.example.org/blog/x.html", SitePath("x.html")),
        ("https://example.org/x.html", None),
        ("mailto:ana@example.org", None),
        ("javascript:alert(1)", None),
        ("#", None),
        ("", None),
    ],
)
def test_where_a_link_leads(target, expected):
    assert resolve(target, PAGE, BASE) == expected


@pytest.mark.parametrize("target", ["/elsewhere/x.html", "../../../x.html"])
def test_a_link_out_of_the_site(target):
    assert isinstance(resolve(target, PAGE, BASE), Outside)


def test_without_a_base_url_the_site_is_at_the_root():
    assert resolve("/posts/x.html", PAGE) == SitePath("posts/x.html")


def test_arrival_as_static_hosts_serve():
    files = {"a.html", "b/index.html", "c.png"}
    assert arrival("a", files) == "a.html"
    assert arrival("b", files) == "b/index.html"
    assert arrival("c.png", files) == "c.png"
    assert arrival("d", files) is None


def test_raw_links_with_their_line_offsets():
    html = "<a href=\"x.html\">x</a>\n<img\n  src='y.png'> <a HREF=z.html>"
    assert raw_links(html) == [(0, "x.html", "link"), (2, "y.png", "image"), (2, "z.html", "link")]


def test_page_ids():
    assert page_ids('<h2 id="a">A</h2><a name="b"></a><p id="">x</p><div name="c">') == {"a", "b"}


def test_broken_links_name_file_line_and_a_near_anchor():
    links = [
        Link("posts/2025/a", 3, "b.html#secton"),
        Link("posts/2025/a", 4, "gone.html"),
        Link("posts/2025/a", 5, "b.html#section"),
        Link("posts/2025/a", 6, "pic.png", "image"),
        Link("posts/2025/a", 7, "/other/x.html"),
        Link("posts/2025/a", 8, "https://example.org/"),
    ]
    page_of = {"posts/2025/a": PAGE}
    files = {PAGE, "posts/2025/b.html"}
    assert pages_with_anchors(links, page_of, files, BASE) == {"posts/2025/b.html"}
    found = broken_links(
        links,
        page_of,
        {"posts/2025/a": "posts/2025/a.md"},
        files,
        {"posts/2025/b.html": frozenset({"section", "intro"})},
        BASE,
    )
    assert [(f.file, f.line, f.kind) for f in found] == [
        ("posts/2025/a.md", 3, "anchor"),
        ("posts/2025/a.md", 4, "link"),
        ("posts/2025/a.md", 6, "link"),
        ("posts/2025/a.md", 7, "link"),
    ]
    assert "#section?" in found[0].fix
    assert "Markdown" in found[2].fix  # raw HTML images are not published


FRONT = "---\ntitle: A\ndate: 2025-01-01\ndraft: true\n---\n\ntitle: not this one\n"
NIMBLE = '%{\n  title: "N",\n  date: ~D[2025-01-01]\n}\n---\nBody\n'


@pytest.mark.parametrize(
    ("text", "key", "line"),
    [
        (FRONT, "title", 2),
        (FRONT, "date", 3),
        (FRONT, "draft", 4),
        (FRONT, "description", 1),  # none: where it would go
        (NIMBLE, "title", 2),
        (NIMBLE, "date", 3),
        ('%{title: "N", date: ~D[2025-01-01]}\n---\n', "title", 1),
        (":blogpost: true\n:date: 2025-01-01\n\nTitle\n=====\n", "date", 2),
    ],
)
def test_key_line(text, key, line):
    assert key_line(text, key) == line


def test_line_holding_finds_a_link_inside_its_paragraph():
    text = "intro\n<a href='x'>\nand <a href='y.html'>\n"
    assert line_holding(text, 2, "y.html") == 3
    assert line_holding(text, 2, "nowhere") == 2
    assert line_holding(text, None, "y.html") is None


def test_posts_without_a_description():
    found = missing_descriptions([("a.md", ""), ("b.md", "Fine."), ("c.md", "  ")], {})
    assert [f.file for f in found] == ["a.md", "c.md"]


def test_duplicate_titles_name_the_newer_post_and_leave_the_same_post_twice():
    posts = [
        ("a.md", "Hello  World", "2025-02-01"),
        ("b.md", "hello world", "2025-01-01"),
        ("c.md", "Hello World", "2025-01-01"),  # same title and date as b.md: warned by the build
        ("d.md", "Other", "2025-03-01"),
    ]
    found = duplicate_titles(posts, {})
    assert [(f.file, f.kind) for f in found] == [("a.md", "title")]
    assert "b.md" in found[0].what


def test_drafts_and_scheduled_posts_are_notes():
    zone = ZoneInfo("Europe/Lisbon")
    texts = {"d.md": FRONT, "n.md": NIMBLE}
    found = unpublished_posts(
        [
            ("f.md", "future", datetime(2099, 1, 1, tzinfo=zone)),
            ("d.md", "draft", None),
            ("n.md", "draft", None),  # no draft key: left out for a problem already reported
        ],
        texts,
        "%Y/%m/%d",
    )
    assert [(f.file, f.line, f.kind) for f in found] == [
        ("d.md", 4, "draft"),
        ("f.md", 1, "future"),
    ]
    assert "2099/01/01" in found[1].what


def test_each_plain_code_block_is_listed():
    found = plain_code_blocks([("a.md", 3, "cobol", "unknown"), ("a.md", 9, "elixir", "lexing")])
    assert [(f.line, f.kind) for f in found] == [(3, "highlight"), (9, "highlight")]
    assert "does not know" in found[0].what and "valid elixir" in found[1].fix


WARNINGS = """\
/site/posts/a.md:12: WARNING: 'myst' cross-reference target not found: 'x.md' [myst.xref_missing]
/site/posts/b.md: WARNING: document isn't included in any toctree [toc.not_included]
/site/posts/c.md:3: ERROR: Unknown directive type "nope".

.. nope:: x
WARNING: feeds: html_baseurl is empty [feeds.baseurl]
/site/posts/d.md:4: WARNING: no description. Fix: add one. [check.description]
"""


def test_the_builds_warnings_read_back():
    found = parse_warnings(WARNINGS, "/site")
    assert [(f.file, f.line, f.kind) for f in found] == [
        ("posts/a.md", 12, "myst.xref_missing"),
        ("posts/b.md", None, "toc.not_included"),
        ("posts/c.md", 3, "docutils"),
        ("", None, "feeds.baseurl"),
        ("posts/d.md", 4, "check.description"),
    ]
    assert found[2].what == 'Unknown directive type "nope". .. nope:: x'
    assert (found[4].what, found[4].fix) == ("no description", "add one.")
    assert found[1].fix.startswith("list only documents")


def test_warnings_in_colour_read_back_the_same():
    """A build asked for colours (CI=true, FORCE_COLOR) wraps each warning in escape codes."""
    coloured = "\n".join(
        f"\x1b[91m{line}\x1b[39;49;00m" if "WARNING" in line else line
        for line in WARNINGS.splitlines()
    )
    assert parse_warnings(coloured, "/site") == parse_warnings(WARNINGS, "/site")


def test_the_report():
    problem = Finding("posts/a.md", 12, "a lost link.", "fix it.", "link")
    note = Finding("posts/b.md", 3, "a draft", "publish it", "check.draft")
    assert line_of(problem) == "posts/a.md:12: a lost link. Fix: Fix it."
    assert line_of(note) == "posts/b.md:3: note: a draft. Publish it."
    assert line_of(Finding("", None, "x", "y", "feeds")) == "(the site): x. Fix: Y."
    assert ordered([note, problem, problem]) == [problem, note]
    assert failed([problem, note]) and not failed([note])
    assert summary([], "checked 2 posts") == "make check: no problems (checked 2 posts)"
    assert summary([note], "checked 2 posts") == "make check: no problems (checked 2 posts; 1 note)"
    assert summary([problem, note], "checked 2 posts") == (
        "make check: 1 problem in 1 file (checked 2 posts; 1 note); fix them before publishing"
    )
