"""Pure functions: from a post's front matter to a :class:`Post`, and what to publish.

No Sphinx, no clock, no I/O: the boundary passes in the text, the fields, ``now`` and the
blog's timezone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, tzinfo
from typing import Any

import yaml

from . import safe_yaml
from .model import Post, Problem
from .values import as_bool, as_datetime, as_names, as_text, aware, decode

#: Keys with a meaning; any other key is kept in ``Post.extra``.
KNOWN_KEYS = frozenset(
    {
        "title",
        "date",
        "author",
        "authors",
        "tags",
        "tag",
        "category",
        "categories",
        "description",
        "draft",
        "image",
        "blogpost",
        "orphan",
    }
)

_FENCE = re.compile(r"^---[ \t]*\r?$")
_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:")


def closing_fence(lines: list[str]) -> int | None:
    """Index of the line closing the front matter, or None when there is none.

    Front matter starts on the very first line with ``---`` (MyST's rule) and ends at the next
    ``---`` line; an unterminated block is not front matter.
    """
    if not lines or not _FENCE.match(lines[0].lstrip("\ufeff")):
        return None
    for index in range(1, len(lines)):
        if _FENCE.match(lines[index]):
            return index
    return None


def split_front_matter(text: str) -> tuple[str, int] | None:
    """The YAML between the opening ``---`` line and the closing one, and its first line number."""
    lines = text.split("\n")
    closing = closing_fence(lines)
    if closing is None:
        return None
    return "\n".join(lines[1:closing]), 2


def parse_yaml(text: str) -> Any:
    """Plain values from YAML, read within the limits of ``safe_yaml`` (raises YamlError)."""
    return safe_yaml.load(text)


def key_lines(text: str) -> dict[str, int]:
    """1-based line of each top-level key in the front matter of ``text`` (for warnings)."""
    block = split_front_matter(text)
    if block is None:
        return {}
    yaml_text, first = block
    found: dict[str, int] = {}
    for offset, line in enumerate(yaml_text.split("\n")):
        match = _KEY.match(line)
        if match and match.group(1) not in found:
            found[match.group(1)] = first + offset
    return found


def load_front_matter(text: str) -> tuple[dict[str, Any], list[Problem]]:
    """Parse the front matter of a source text with YAML (used before Sphinx reads anything)."""
    block = split_front_matter(text)
    if block is None:
        if _FENCE.match(text.lstrip("\ufeff").split("\n", 1)[0]):
            return {}, [Problem("yaml", "front matter is not closed: add a '---' line after it", 1)]
        return {}, []
    yaml_text, first = block
    try:
        data = parse_yaml(yaml_text)
    except safe_yaml.YamlError as error:
        line = first + error.line if error.line is not None else first
        if error.limit:
            return {}, [Problem("limit", f"front matter not read: {error.reason}", line)]
        return {}, [Problem("yaml", f"front matter is not valid YAML: {error.reason}", line)]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [Problem("yaml", "front matter must be a mapping of keys to values", first)]
    return {str(key): value for key, value in data.items()}, []


def decode_source(raw: bytes) -> tuple[str | None, list[Problem]]:
    """A post's bytes as text (UTF-8, a byte-order mark allowed), or a located problem.

    Line endings are read as Sphinx reads them (CRLF and a lone CR are newlines), so
    what the pre-build scan sees is what the build reads."""
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n"), []
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, [
            Problem(
                "encoding",
                f"not UTF-8 (byte {raw[error.start]:#04x} at column {column}): save the file "
                "as UTF-8; it is left out of the build until then",
                line,
            )
        ]


def hidden_reason(
    fields: Mapping[str, Any], now: datetime, zone: tzinfo, formats: tuple[str, ...] = ()
) -> str | None:
    """Why a post must not be published yet ('draft', 'future'), or None to publish it."""
    draft, _ = as_bool(fields.get("draft"), "draft")
    if draft:
        return "draft"
    moment, problems = as_datetime(fields.get("date"), zone=zone, formats=formats)
    if moment is not None and aware(moment, zone) > now:
        return "future"
    return None


def read_post(
    docname: str,
    fields: Mapping[str, Any],
    *,
    heading: str | None,
    lines: Mapping[str, int] | None = None,
    default_authors: tuple[str, ...] = (),
    zone: tzinfo | None = None,
    date_formats: tuple[str, ...] = (),
) -> tuple[Post, list[Problem]]:
    """Normalise one post's front matter.

    ``heading`` is the text of the body's first heading, if any: it is the title unless the
    front matter has one. ``default_authors`` (conf.py's ``blog_default_author``) are the
    authors of a post that names none. Every problem carries the line of the key it is about.
    """
    lines = lines or {}
    problems: list[Problem] = []

    def take(key: str, result: tuple[Any, list[Problem]]) -> Any:
        value, found = result
        for problem in found:
            problems.append(Problem(problem.code, problem.message, lines.get(key)))
        return value

    title = take("title", as_text(fields.get("title"), "title")) or (heading or "").strip()
    if not title:
        title = docname.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ").strip().capitalize()
        problems.append(
            Problem(
                "title",
                f"no title: add 'title:' or a '#' heading (using {title!r})",
                lines.get("title", 1),
            )
        )
    moment = take("date", as_datetime(fields.get("date"), zone=zone, formats=date_formats))
    if moment is None and not any(p.code == "date" for p in problems):
        problems.append(Problem("date", "no date: add 'date: YYYY-MM-DD' to list this post", 1))

    authors = _names(fields, ("author", "authors"), take) or default_authors
    tags = _names(fields, ("tags", "tag"), take)
    categories = _names(fields, ("category", "categories"), take)
    description = take("description", as_text(fields.get("description"), "description"))
    image = take("image", as_text(fields.get("image"), "image"))
    draft = take("draft", as_bool(fields.get("draft"), "draft"))
    extra = tuple(
        (key, _as_extra_text(value)) for key, value in fields.items() if key not in KNOWN_KEYS
    )
    post = Post(
        docname=docname,
        title=title,
        date=moment,
        authors=authors,
        tags=tags,
        categories=categories,
        description=description,
        draft=draft,
        image=image,
        extra=extra,
    )
    return post, problems


def _names(fields: Mapping[str, Any], keys: tuple[str, ...], take: Any) -> tuple[str, ...]:
    names: tuple[str, ...] = ()
    for key in keys:
        if key in fields:
            more = take(key, as_names(fields[key], key))
            names += tuple(name for name in more if name not in names)
    return names


def _as_extra_text(value: Any) -> str:
    value = decode(value)
    return (
        value if isinstance(value, str) else yaml.safe_dump(value, default_flow_style=True).strip()
    )


def duplicate_slugs(posts: Iterable[Post]) -> list[tuple[Post, Post]]:
    """Pairs (first, later) of posts sharing a slug, ordered by docname: the first one wins."""
    first: dict[str, Post] = {}
    pairs: list[tuple[Post, Post]] = []
    for post in sorted(posts, key=lambda p: p.docname):
        if post.slug in first:
            pairs.append((first[post.slug], post))
        else:
            first.setdefault(post.slug, post)
    return pairs


def same_post_twice(posts: Iterable[Post]) -> list[tuple[Post, Post]]:
    """Pairs (first, later) of posts with the same title and date, by docname: most likely
    one post in two files (an imported copy beside its original)."""
    first: dict[tuple[str, object], Post] = {}
    pairs: list[tuple[Post, Post]] = []
    for post in sorted(posts, key=lambda p: p.docname):
        if post.date is None:
            continue
        key = (post.title.casefold(), post.date)
        if key in first:
            pairs.append((first[key], post))
        else:
            first[key] = post
    return pairs


def newest_first(posts: Iterable[Post], zone: tzinfo) -> list[Post]:
    """Dated posts, newest first; ties broken by title then docname so the order is stable."""
    dated = [post for post in posts if post.date is not None]
    return sorted(
        dated,
        key=lambda p: (aware(p.date, zone), p.title, p.docname),  # type: ignore[arg-type]
        reverse=True,
    )


_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,}|:{3,})")
_ATX_H1 = re.compile(r"^ {0,3}#(?:[ \t]|$)")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")


def has_top_heading(body: str) -> bool:
    """Does a Markdown body have a level-1 heading (``# x`` or ``x`` over ``===``) outside code?"""
    fence: str | None = None
    previous = ""
    for line in body.splitlines():
        match = _FENCE_OPEN.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
        elif match:
            fence = match.group(1)
        elif _ATX_H1.match(line) or (_SETEXT_H1.match(line) and previous.strip()):
            return True
        previous = line if fence is None else ""
    return False


_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_literal(text: str) -> str:
    """Escape every ASCII punctuation character, so Markdown shows the text as written
    (a title is plain text: ``<chips>`` or ``*stars*`` stay exactly that)."""
    return _PUNCTUATION.sub(r"\\\1", text)


def with_title_heading(text: str, title: str) -> str:
    """Give a post whose front matter has a title, and whose body has no ``#`` heading, that
    title as its heading, so ``##`` sections nest under it as readers expect.

    The heading takes the place of the blank line after the front matter when there is one,
    so line numbers in warnings stay those of the file.
    """
    lines = text.split("\n")
    closing = closing_fence(lines)
    if closing is None or not title.strip():
        return text
    body = "\n".join(lines[closing + 1 :])
    if has_top_heading(body):
        return text
    heading = "# " + markdown_literal(" ".join(title.split()))
    rest = lines[closing + 1 :]
    if rest and not rest[0].strip():
        rest = [heading, *rest[1:]]
    else:
        rest = [heading, "", *rest]
    return "\n".join([*lines[: closing + 1], *rest])


def front_matter_for_myst(text: str, fields: Mapping[str, Any]) -> str:
    """The source with its front matter rewritten as the values we read, one key a line.

    MyST parses front matter again with plain YAML, which raises on a date like 2024-13-45
    and then drops the whole front matter with a vague "Malformed YAML"; after a YAML error
    it would warn a second time. We have read (and reported on) the front matter already, so
    MyST gets what we read, quoted safely. Lines are padded with comments so that every line
    of the body keeps its number. A value that cannot be written on one line is left out of
    MyST's copy (our :class:`Post` keeps it).
    """
    lines = text.split("\n")
    closing = closing_fence(lines)
    if closing is None:
        if _FENCE.match(lines[0].lstrip("\ufeff")):  # never closed: not a rule, just text
            return "\n".join(["", *lines[1:]])
        return text
    kept = [line for key, value in fields.items() if (line := _one_line(key, value)) is not None]
    if not kept:  # nothing to hand over: no front matter at all, blank lines in its place
        return "\n".join(["" for _ in lines[: closing + 1]] + lines[closing + 1 :])
    kept = kept[: closing - 1]
    padding = ["#"] * (closing - 1 - len(kept))
    return "\n".join([lines[0], *kept, *padding, *lines[closing:]])


def _one_line(key: str, value: Any) -> str | None:
    try:
        dumped = yaml.safe_dump(
            {key: value},
            default_flow_style=True,
            width=float("inf"),
            allow_unicode=True,
            sort_keys=False,
        ).strip()
        line = dumped[1:-1] if dumped.startswith("{") and dumped.endswith("}") else ""
        if not line or "\n" in line or parse_yaml(line) != {key: value}:
            return None
    except (safe_yaml.YamlError, yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None
    return line
