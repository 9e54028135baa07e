"""Pure: a new post, from what the writer typed to the text of its file.

No clock, no I/O: the boundary (:mod:`.cli`) passes in the moment and the blog's settings.
Every value the writer typed is written as a JSON string, which YAML reads as the same
string, so no quote, colon, ``#``, ``---``, ``{{`` or line break in a title can end the
value, start a comment or add a key.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath

from ..frontmatter.model import Problem
from ..frontmatter.values import MAX_NAME
from .slug import slugify_title

#: Longest title accepted (a title is one line in lists, feeds and the browser's tab).
MAX_TITLE = 200

#: What the writer reads under the front matter.
BODY = (
    "Start writing here. Without a description, this first paragraph is the post's summary "
    "in lists and feeds."
)

#: Characters JSON leaves as they are but YAML must not see raw: DEL and the C1 controls
#: (U+0085 is a YAML line break), the line and paragraph separators (line breaks too),
#: the byte-order mark, surrogates and the non-characters U+FFFE/U+FFFF.
_NOT_FOR_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class NewPost:
    """A post about to be written. ``date`` is aware, in the blog's timezone."""

    title: str
    date: datetime
    author: str
    category: str
    tags: tuple[str, ...]
    slug: str


def one_line(text: str) -> str:
    """``text`` as one line: control characters and runs of whitespace become one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def parse_tags(text: str) -> tuple[str, ...]:
    """``"elixir, broadway ,,"`` -> ``("elixir", "broadway")``: trimmed, no empties, no
    repeats (the first kept)."""
    tags = (one_line(part) for part in text.split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def validate(
    title: str, category: str = "", tags: tuple[str, ...] = (), slug: str = ""
) -> tuple[Problem, ...]:
    """What is wrong with the writer's input (already through :func:`one_line` and
    :func:`parse_tags`); empty when a post can be made of it. A problem with code ``title``
    means there is no title at all."""
    problems: list[Problem] = []
    if not title:
        problems.append(Problem("title", 'no title: make post TITLE="Your title"'))
    elif len(title) > MAX_TITLE:
        problems.append(
            Problem(
                "long-title",
                f"the title has {len(title):,} characters; the limit is {MAX_TITLE}",
            )
        )
    if len(category) > MAX_NAME:
        problems.append(
            Problem(
                "category",
                f"the category has {len(category):,} characters; the limit is {MAX_NAME}",
            )
        )
    for tag in tags:
        if len(tag) > MAX_NAME:
            problems.append(
                Problem(
                    "tag",
                    f"the tag {tag[:20]!r}... has {len(tag):,} characters; the limit is {MAX_NAME}",
                )
            )
    for name, value in (("title", title), ("category", category), ("tags", ",".join(tags))):
        if re.search("[\ud800-\udfff]", value):
            problems.append(Problem("text", f"the {name} is not valid UTF-8 text"))
    if slug and slugify_title(slug) != slug:
        problems.append(
            Problem(
                "slug",
                f"SLUG {slug!r} is not a slug: use lower-case letters, digits and dashes, "
                f"such as {slugify_title(slug)!r}",
            )
        )
    return tuple(problems)


def new_post(
    title: str,
    date: datetime,
    *,
    author: str = "",
    category: str = "",
    tags: tuple[str, ...] = (),
    slug: str = "",
) -> NewPost:
    """The post to write: every text on one line, ``date`` to the minute, the slug from the
    title unless given."""
    title = one_line(title)
    return NewPost(
        title=title,
        date=date.replace(second=0, microsecond=0),
        author=one_line(author),
        category=one_line(category),
        tags=tuple(one_line(tag) for tag in tags),
        slug=slug or slugify_title(title),
    )


def relative_path(post: NewPost, posts_folder: str) -> PurePosixPath:
    """Where the post goes: ``<posts folder>/<year>/<slug>.md``."""
    return PurePosixPath(posts_folder, f"{post.date.year:04d}", f"{post.slug}.md")


def yaml_string(text: str) -> str:
    """``text`` as a double-quoted string that JSON and YAML both read back as ``text``."""
    quoted = json.dumps(text, ensure_ascii=False)
    return _NOT_FOR_YAML.sub(lambda match: f"\\u{ord(match.group()):04x}", quoted)


def render(post: NewPost) -> str:
    """The new file: front matter (a draft, dated to the minute in the blog's timezone,
    without an offset; every text on one line) and one line telling the writer where to
    start."""
    author, category = one_line(post.author), one_line(post.category)
    tags = [yaml_string(tag) for tag in map(one_line, post.tags) if tag]
    lines = [
        "---",
        f"title: {yaml_string(one_line(post.title))}",
        f"date: {post.date:%Y-%m-%d %H:%M}",
    ]
    if author:
        lines.append(f"author: {yaml_string(author)}")
    if category:
        lines.append(f"category: {yaml_string(category)}")
    if tags:
        lines.append(f"tags: [{', '.join(tags)}]")
    lines += [
        'description: ""  # one sentence, shown in lists, feeds and link previews',
        "draft: true  # delete this line (or set it to false) to publish",
        "---",
        "",
        BODY,
        "",
    ]
    return "\n".join(lines)
