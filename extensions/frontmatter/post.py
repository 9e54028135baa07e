"""Pure functions: from a post's front matter to a :class:`Post`, and what to publish.

No Sphinx, no clock, no I/O: the boundary passes in the text, the fields, ``now`` and the
blog's timezone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import tzinfo
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
_ATX = re.compile(r"^( {0,3})(#{1,6})([ \t]+|$)(.*)$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_NOT_PARAGRAPH = re.compile(r"^ {0,3}(?:[-*+>]|\d+[.)]|#|\||$)")


def _headings(lines: list[str]) -> list[tuple[int, int, str, bool]]:
    """(line index, level, text, setext?) of every heading outside code: ATX (``# x``) and
    setext (``x`` over ``===`` or ``---``), as CommonMark reads them (closely enough)."""
    found: list[tuple[int, int, str, bool]] = []
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE_OPEN.match(line)
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(1)
            continue
        atx = _ATX.match(line)
        if atx and (atx.group(3) or not atx.group(4)):
            text = re.sub(r"[ \t]+#+[ \t]*$", "", atx.group(4)).strip()
            found.append((index, len(atx.group(2)), text, False))
            continue
        setext = _SETEXT.match(line)
        if setext and index > 0:
            previous = lines[index - 1]
            if (
                previous.strip()
                and not _NOT_PARAGRAPH.match(previous)
                and (not found or found[-1][0] != index - 1)
            ):
                level = 1 if setext.group(1)[0] == "=" else 2
                found.append((index - 1, level, previous.strip(), True))
    return found


def has_top_heading(body: str) -> bool:
    """Does a Markdown body have a level-1 heading (``# x`` or ``x`` over ``===``) outside code?"""
    return any(level == 1 for _, level, _, _ in _headings(body.split("\n")))


def _same_text(one: str, other: str) -> bool:
    return " ".join(one.split()).casefold() == " ".join(other.split()).casefold()


def under_title(body: list[str], title: str) -> tuple[list[str], bool]:
    """The body's headings one level down, so they are sections of the post's title: ``#``
    becomes ``##``, ``x`` over ``===`` becomes ``## x`` (the underline a blank line). Line
    for line the same length. When the body already starts with the title as a heading, that
    one stays (and True says the title heading is there)."""
    lines = list(body)
    headings = _headings(lines)
    first_content = next((i for i, line in enumerate(lines) if line.strip()), None)
    kept = False
    for index, level, text, setext in headings:
        if not kept and index == first_content and level == 1 and _same_text(text, title):
            kept = True
            continue
        marks = "#" * min(6, level + 1)
        if setext:  # the text becomes an ATX heading, its underline a blank line
            lines[index], lines[index + 1] = f"{marks} {text}", ""
        else:
            atx = _ATX.match(lines[index])
            assert atx is not None
            lines[index] = f"{atx.group(1)}{marks}{atx.group(3) or ' '}{atx.group(4)}"
    return lines, kept


_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def markdown_literal(text: str) -> str:
    """Escape every ASCII punctuation character, so Markdown shows the text as written
    (a title is plain text: ``<chips>`` or ``*stars*`` stay exactly that)."""
    return _PUNCTUATION.sub(r"\\\1", text)


def myst_source(text: str, fields: Mapping[str, Any], region: int | None = None) -> str:
    """What MyST reads for a post: the file, line for line (so every warning names the line
    of the file), with

    * the front matter cut to the keys other extensions read from it (``redirect_from``,
      ``myst``...; the post's own keys are read by us, from ``fields``), re-written as the
      values we read, one key a line;
    * the title as the post's heading, placed where the front matter was, and every heading
      of the body one level down below it (a body that starts with the title as a heading
      keeps that one).

    MyST would otherwise parse the front matter again with plain YAML (raising on a date
    like 2024-13-45, or reading an alias bomb) and warn a second time. ``region`` is how
    many lines the header took in the file, when ``text`` was translated from another format
    (a NimblePublisher header): the body then starts right after that many lines.
    """
    lines = text.split("\n")
    closing = closing_fence(lines)
    if closing is None:
        if _FENCE.match(lines[0].lstrip("\ufeff")):  # never closed: not a rule, just text
            return "\n".join(["", *lines[1:]])
        return text
    body = lines[closing + 1 :]
    region = closing + 1 if region is None else max(region, 0)  # the header's lines
    title_value = fields.get("title")
    title = " ".join(str(title_value).split()) if isinstance(title_value, str) else ""
    heading: list[str] = []
    if title:
        body, kept = under_title(body, title)
        if not kept:
            heading = ["# " + markdown_literal(title)]
    extra = {key: value for key, value in fields.items() if key not in KNOWN_KEYS}
    kept_lines = [line for key, value in extra.items() if (line := _one_line(key, value))]
    # Fits in front matter: every key took a line of it, and the title's line is now free.
    # A translated header may be shorter (one line of Elixir): its other keys go first.
    front = ["---", *kept_lines, "---"] if kept_lines else []
    if len(front) + len(heading) > region:
        front = []
    if len(heading) > region:
        heading = []  # no line for it at all: the post is wrapped in a title section when read
    padding = [""] * (region - len(front) - len(heading))
    return "\n".join([*front, *padding, *heading, *body])


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
