"""Pure: what ``make check`` says about the posts themselves, beyond what the build warns.

The build already warns about bad front matter, duplicate slugs, the same post twice, and
author names that look misspelt. Here: posts without a description, two posts with one
title, every code block shown as plain text; and, as notes, the drafts and the posts dated
after the build.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime

from .model import Finding

#: Where the header of a post ends: front matter's closing line, or NimblePublisher's.
_HEADER_END = "---"


def find_key(text: str, key: str) -> int | None:
    """The line of ``key`` in a post's header (YAML front matter, a NimblePublisher map, a
    reST field list), or None when the header has no such key."""
    lines = text.split("\n")[:400]
    pattern = re.compile(
        rf"""^\s*(?:%\{{\s*)?(?::{re.escape(key)}:|["']?:?{re.escape(key)}["']?\s*(?::|=>))"""
    )
    for number, line in enumerate(lines, 1):
        if number > 1 and line.strip() == _HEADER_END:
            break
        if pattern.match(line):
            return number
    return None


def line_holding(text: str, line: int | None, needle: str, reach: int = 60) -> int | None:
    """The first line from ``line`` on (within ``reach`` lines) that holds ``needle``: a link
    inside a paragraph is located at the paragraph; this finds its own line."""
    if not line or not needle:
        return line
    lines = text.split("\n")
    for number in range(line, min(len(lines), line + reach) + 1):
        if needle in lines[number - 1]:
            return number
    return line


def key_line(text: str, key: str) -> int:
    """The line of ``key`` in a post's header; 1 when it has none (where it would go)."""
    return find_key(text, key) or 1


def missing_descriptions(
    posts: Iterable[tuple[str, str]], texts: Mapping[str, str]
) -> list[Finding]:
    """``posts`` holds (source file, description) for each published post."""
    return [
        Finding(
            path,
            key_line(texts.get(path, ""), "title"),
            "no description: lists, feeds and link previews fall back to the first paragraph",
            'add one sentence to the front matter: description: "What the post is about"',
            "description",
        )
        for path, description in posts
        if not description.strip()
    ]


def duplicate_titles(
    posts: Iterable[tuple[str, str, str]], texts: Mapping[str, str]
) -> list[Finding]:
    """``posts`` holds (source file, title, date as ISO text). Two posts with one title
    (case and spacing aside) are hard to tell apart in lists, feeds and search results: the
    newer one is named. The same title and date is the build's own warning (the same post
    twice), not repeated here."""
    first: dict[str, tuple[str, str]] = {}
    found = []
    for path, title, date in sorted(posts, key=lambda post: (post[2], post[0])):
        key = " ".join(title.casefold().split())
        if not key:
            continue
        if key in first:
            other, other_date = first[key]
            if other_date != date:
                found.append(
                    Finding(
                        path,
                        key_line(texts.get(path, ""), "title"),
                        f"the title {title!r} is also the title of {other}",
                        "give one of the two posts a title of its own",
                        "title",
                    )
                )
        else:
            first[key] = (path, date)
    return found


def unpublished_posts(
    posts: Iterable[tuple[str, str, datetime | None]], texts: Mapping[str, str], date_format: str
) -> list[Finding]:
    """``posts`` holds (source file, "draft" or "future", date in the blog's timezone) of
    each post the published site leaves out. Notes, not problems: a draft is a draft, and a
    future post goes out with the first build on its day (the daily publishing build)."""
    found = []
    for path, reason, date in sorted(posts, key=lambda post: post[0]):
        text = texts.get(path, "")
        if reason == "draft":
            if find_key(text, "draft") is None:
                continue  # left out for a problem the build reports (a header it cannot read)
            found.append(
                Finding(
                    path,
                    key_line(text, "draft"),
                    "a draft: not published",
                    "delete `draft: true` when it is ready (make livehtml shows it meanwhile)",
                    "draft",
                )
            )
        else:
            day = date.strftime(date_format) if date else "a later day"
            found.append(
                Finding(
                    path,
                    key_line(text, "date"),
                    f"scheduled for {day}: published by the first build on that day",
                    "if the date is a mistake, correct it",
                    "future",
                )
            )
    return found


def plain_code_blocks(blocks: Iterable[tuple[str, int, str, str]]) -> list[Finding]:
    """``blocks`` holds (source file, line, language, reason) of each code block shown as
    plain text; the build warns once per language, this lists each."""
    found = []
    for path, line, language, reason in blocks:
        if reason == "unknown":
            what = f"code block in {language!r}, a language the highlighter does not know"
            fix = "use a language name Pygments knows (`text` for none)"
        else:
            what = f"code block in {language!r} that its highlighter cannot read"
            fix = f"check the block is valid {language}, or fence it as `text`"
        found.append(Finding(path, line, what + ": shown as plain text", fix, "highlight"))
    return found
