"""Only what changed is rewritten: for each kind of edit, exactly these pages are written
again, the pages no longer made are deleted, and the site equals a clean build of the same
sources, byte for byte.

The blog (tests/roots/test-listing), two posts to a page, newest first:

    five  2024-05  Code    [elixir, otp]  Ana
    four  2024-04  Travel  [trains]       Sam
    three 2024-03  Code    [elixir]       Ana   defines the snippet "greet"; series Counter
    two   2023-02  Travel  [islands]      Ana   embeds "greet"; series Counter
    one   2023-01  Code    [python]       Sam

and ``recent.md`` shows ABlog's postlist. Related posts (shared tags, then category, then the
closest date): five -> three, one; four -> two; three -> five, one; two -> four; one -> three,
five. Sphinx writes genindex and search on every build.
A list's first page holds its newest two posts; the older pages are numbered from the oldest
(page 2 holds the oldest two), so a new post changes the first page and the newest of the
others, and no other.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-listing"
ALWAYS = {"genindex", "search"}


@pytest.fixture
def blog(tmp_path, make_app):
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)

    def build(outname: str = "html") -> tuple[set[str], Path]:
        app = make_app("html", srcdir=src, builddir=tmp_path / outname)
        written: set[str] = set()
        app.connect("html-page-context", lambda _app, pagename, *rest: written.add(pagename))
        app.build()
        assert app.warning.getvalue() == "", app.warning.getvalue()
        app.cleanup()
        return written - ALWAYS, Path(app.outdir)

    return src, build


def edit(src: Path, name: str, old: str, new: str) -> None:
    path = src / "posts" / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def files(outdir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(outdir).as_posix(): p.read_bytes() for p in outdir.rglob("*") if p.is_file()
    }


CASES: dict[str, tuple[Callable[[Path], None], set[str], set[str]]] = {
    "body": (
        lambda src: edit(src, "2024/three", "Three more.", "Three more, edited."),
        {"posts/2024/three"},
        set(),
    ),
    "summary": (
        lambda src: edit(src, "2024/three", "Three first.", "Three first, edited."),
        {
            "posts/2024/three",
            "page/3",
            "blog/page/3",
            "blog/2024/page/2",
            "blog/tag/elixir",
            "blog/category/code",
            "blog/author/ana-lima",
            "recent",
        },
        set(),
    ),
    "title": (
        lambda src: edit(src, "2024/four", "title: Four", "title: Four at last"),
        {
            # related posts: two's related post is four
            "posts/2023/two",
            "posts/2024/four",
            "posts/2024/five",
            "posts/2024/three",
            "index",
            "blog",
            "blog/2024",
            "blog/tag/trains",
            "blog/category/travel",
            "blog/author/sam",
            "blog/archive",
            "recent",
        },
        set(),
    ),
    "tags": (
        lambda src: edit(src, "2023/one", "tags: [python]", "tags: [python, elixir]"),
        {
            "posts/2023/one",
            "page/2",
            "blog/page/2",
            "blog/2023",
            "blog/category/code/page/2",
            "blog/author/sam",
            "blog/tag/python",
            "blog/tag/elixir",
            "blog/tag/elixir/page/2",
            "blog/tag",
            "recent",
        },
        set(),
    ),
    "category": (
        lambda src: edit(src, "2024/four", "category: Travel", "category: Code"),
        {
            # related posts: four leaves Travel (two's only relative) for Code
            "posts/2024/five",
            "posts/2024/three",
            "posts/2023/one",
            "posts/2023/two",
            "posts/2024/four",
            "index",
            "blog",
            "blog/2024",
            "blog/tag/trains",
            "blog/author/sam",
            "blog/category/travel",
            "blog/category/code",
            "blog/category/code/page/2",
            "blog/category",
            "recent",
        },
        set(),
    ),
    "author": (
        lambda src: edit(src, "2023/two", "tags: [islands]", "tags: [islands]\nauthor: Sam"),
        {
            "posts/2023/two",
            "page/2",
            "blog/page/2",
            "blog/2023",
            "blog/tag/islands",
            "blog/category/travel",
            "blog/author/ana-lima",
            "blog/author/sam",
            "blog/author/sam/page/2",
            "blog/author",
            "recent",
        },
        {"blog/author/ana-lima/page/2"},
    ),
    "draft": (
        lambda src: edit(src, "2024/five", "title: Five", "title: Five\ndraft: true"),
        {
            # related posts: five was related to three and one
            "posts/2024/three",
            "posts/2023/one",
            "posts/2024/four",
            "index",
            "page/2",
            "blog",
            "blog/page/2",
            "blog/2024",
            "blog/archive",
            "blog/tag/elixir",
            "blog/tag",
            "blog/category/code",
            "blog/category",
            "blog/author/ana-lima",
            "blog/author",
            "recent",
        },
        {
            "posts/2024/five",
            "page/3",
            "blog/page/3",
            "blog/2024/page/2",
            "blog/tag/otp",
            "blog/category/code/page/2",
            "blog/author/ana-lima/page/2",
        },
    ),
    "delete": (
        lambda src: (src / "posts/2023/two.md").unlink(),
        {
            # related posts: two was four's only related post
            "posts/2024/four",
            "posts/2024/three",
            "posts/2023/one",
            "index",
            "blog",
            "page/2",
            "blog/page/2",
            "blog/archive",
            "blog/2023",
            "blog/category/travel",
            "blog/author/ana-lima",
            "blog/tag",
            "blog/category",
            "blog/author",
            "recent",
            "snippets",
        },
        {
            "posts/2023/two",
            "page/3",
            "blog/page/3",
            "blog/tag/islands",
            "blog/author/ana-lima/page/2",
        },
    ),
    "add": (
        lambda src: (src / "posts/2024/six.md").write_text(
            "---\ntitle: Six\ndate: 2024-06-01\ncategory: Code\ntags: [elixir]\n---\n\nSix.\n"
        ),
        {
            # related posts: six is Code and elixir, like five, three and one
            "posts/2024/three",
            "posts/2023/one",
            "posts/2024/six",
            "posts/2024/five",
            "index",
            "page/3",
            "blog",
            "blog/page/3",
            "blog/2024",
            "blog/2024/page/2",
            "blog/tag/elixir",
            "blog/tag/elixir/page/2",
            "blog/category/code",
            "blog/category/code/page/2",
            "blog/author/ana-lima",
            "blog/author/ana-lima/page/2",
            "blog/archive",
            "blog/tag",
            "blog/category",
            "blog/author",
            "recent",
        },
        set(),
    ),
    "series": (
        lambda src: edit(src, "2024/five", "title: Five", "title: Five\nseries: Counter"),
        # five becomes part 3 of the series two and three are in
        {"posts/2024/five", "posts/2024/three", "posts/2023/two", "recent"},
        set(),
    ),
    "snippet": (
        lambda src: edit(src, "2024/three", 'IO.puts("hi")', 'IO.puts("hello")'),
        {"posts/2024/three", "posts/2023/two"},
        set(),
    ),
    "date": (
        lambda src: edit(src, "2023/one", "date: 2023-01-01", "date: 2024-06-01"),
        {
            "posts/2023/one",
            "posts/2024/five",
            "posts/2023/two",
            "index",
            "page/2",
            "page/3",
            "blog",
            "blog/page/2",
            "blog/page/3",
            "blog/2024",
            "blog/2024/page/2",
            "blog/2023",
            "blog/archive",
            "blog/category/code",
            "blog/category/code/page/2",
            "blog/author/sam",
            "blog/tag/python",
            "recent",
        },
        set(),
    ),
}


def test_a_first_build_writes_every_page(blog):
    src, build = blog
    written, out = build()
    assert {"index", "page/2", "page/3", "blog/tag/otp", "blog/author/sam", "snippets"} <= written
    assert len(written) == 31


def test_a_build_with_nothing_changed_writes_nothing(blog):
    src, build = blog
    build()
    written, _ = build()
    assert written == set()


@pytest.mark.parametrize("kind", sorted(CASES))
def test_each_edit_rewrites_exactly_the_pages_it_changes(blog, kind):
    src, build = blog
    change, expected, deleted = CASES[kind]
    _, out = build()
    change(src)
    written, out = build()
    assert written == expected
    for page in deleted:
        assert not (out / f"{page}.html").exists(), page
    _, clean = build("clean")  # the same sources, built from scratch
    assert files(out) == files(clean)


def test_a_rebuild_that_reads_nothing_still_puts_back_a_lost_page(blog):
    src, build = blog
    build()
    _, out = build()
    (out / "blog/tag/elixir.html").unlink()
    written, out = build()
    assert written == {"blog/tag/elixir"}
    assert (out / "blog/tag/elixir.html").is_file()


def test_a_rebuild_that_reads_nothing_follows_a_template_change(blog):
    src, build = blog
    templates = src / "_templates"
    templates.mkdir(exist_ok=True)
    layout = templates / "layout.html"
    layout.write_text('{% extends "!layout.html" %}\n', encoding="utf-8")
    conf = src / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + '\ntemplates_path = ["_templates"]\n')
    first, _ = build()
    assert build()[0] == set()
    layout.write_text(
        '{% extends "!layout.html" %}{% block extrahead %}<meta name="x">{% endblock %}\n',
        encoding="utf-8",
    )
    os.utime(layout, (time.time() + 5, time.time() + 5))  # newer, whatever the clock's grain
    written, out = build()
    assert {page for page in first if page.startswith("blog/")} <= written
    assert '<meta name="x">' in (out / "blog/tag/elixir.html").read_text(encoding="utf-8")
