"""Split a NimblePublisher file and map its header to the blog's post metadata.

Pure functions: text in, values or :class:`~.model.Problem` out. Nothing is evaluated.

The mapping (see :func:`front_matter`):

- ``title`` → ``title``; ``author`` (or ``authors``) → ``author``; ``tags`` → ``tags``;
  ``category`` (or ``categories``) → ``category``; ``description`` (or ``excerpt``) →
  ``description``; ``draft: true`` or ``published: false`` → ``draft: true``;
- ``date`` (``~D``, ``~N``, ``~U`` or an ISO 8601 string) → ``date``, else the date in the
  path (``YYYY/MM-DD-slug.md``, ``YYYY-MM-DD-slug.md`` or ``YYYYMMDD-slug.md``);
- every other key is kept under its own name, its value made plain YAML by
  :func:`yaml_value` (atoms and charlists become strings, tuples become lists, keyword
  lists and maps become mappings, dates stay dates).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .elixir import LiteralError, parse_literal, to_elixir
from .model import Atom, Charlist, EList, EMap, ETuple, Problem, Value

BOM = "\ufeff"
_SEPARATOR = re.compile(r"^---(\r?\n|$)", re.MULTILINE)
_EXTENSIONS = (".md", ".markdown")
_PATH_DATES = (
    re.compile(r"(?:^|/)(\d{4})/(\d{2})-(\d{2})-(?P<slug>[^/]+)$"),
    re.compile(r"(?:^|/)(\d{4})-(\d{2})-(\d{2})-(?P<slug>[^/]+)$"),
    re.compile(r"(?:^|/)(\d{4})(\d{2})(\d{2})-(?P<slug>[^/]+)$"),
)
# header key -> (front-matter key, alias used only when the main key is absent)
_RENAMES = {"authors": "author", "categories": "category", "excerpt": "description"}


@dataclass(frozen=True)
class Split:
    """A file cut at its separator line. Lines are 1-based lines of the file."""

    header: str
    body: str
    separator_line: int
    newline: str  # the separator line's ending: "\n", "\r\n", or "" at the end of the file

    @property
    def body_line(self) -> int:
        """The file line the body starts on."""
        return self.separator_line + 1


@dataclass(frozen=True)
class PathInfo:
    """What a post's path says: its date (when the name carries one) and its slug."""

    date: dt.date | None
    slug: str
    problem: Problem | None = None


def decode(data: bytes) -> str | Problem:
    """UTF-8 text without a byte-order mark, or a located problem."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return Problem(
            "encoding", f"not UTF-8: byte 0x{data[exc.start]:02X} ({exc.reason})", line, column
        )
    return strip_bom(text)


def strip_bom(text: str) -> str:
    """The text without a leading byte-order mark (which is accepted and dropped)."""
    return text[1:] if text.startswith(BOM) else text


_NEAR_MISS = re.compile(r"%|\[\s*[A-Za-z_][\w@]*[?!]?: ")


def looks_like_nimble(text: str) -> bool:
    """True when the first non-blank line starts with ``%{``, or with what is clearly a
    failed attempt at a header (another ``%`` form, or a keyword list ``[title: ...``)
    followed by a ``---`` line: those are read so the problem is reported, not published.
    """
    start = strip_bom(text).lstrip()
    if start.startswith("%{"):
        return True
    return bool(_NEAR_MISS.match(start)) and _SEPARATOR.search(start) is not None


def looks_like_myst(text: str) -> bool:
    """True when the file starts with a YAML front-matter line ``---``."""
    return _SEPARATOR.match(strip_bom(text)) is not None


def split(text: str) -> Split | Problem:
    """Cut at the first line that is exactly ``---`` (LF or CRLF); later ones are Markdown."""
    if not text.strip():
        return Problem("empty", "empty file: expected a NimblePublisher header", 1, 1)
    match = _SEPARATOR.search(text)
    if match is None:
        return Problem("separator", "no `---` line separates the header from the body", 1, 1)
    return Split(
        header=text[: match.start()],
        body=text[match.end() :],
        separator_line=text.count("\n", 0, match.start()) + 1,
        newline=match.group(1),
    )


def read_header(split_post: Split) -> EMap | Problem:
    """The header as an Elixir map literal (never evaluated), or the located problem."""
    try:
        value = parse_literal(split_post.header)
    except LiteralError as exc:
        problem = exc.problem
        if problem.code == "empty":
            return Problem("empty", "the header before `---` is empty", 1, 1)
        return problem
    if not isinstance(value, EMap):
        first = len(split_post.header) - len(split_post.header.lstrip())
        line = split_post.header.count("\n", 0, first) + 1
        return Problem("not-a-map", f"the header is {_kind(value)}, not a map `%{{...}}`", line, 1)
    return value


def path_info(path: str) -> PathInfo:
    """Date and slug from ``YYYY/MM-DD-slug.md``, ``YYYY-MM-DD-slug.md``, ``YYYYMMDD-slug.md``."""
    posix = path.replace("\\", "/")
    for extension in _EXTENSIONS:
        if posix.endswith(extension):
            posix = posix[: -len(extension)]
            break
    name = posix.rsplit("/", 1)[-1]
    for pattern in _PATH_DATES:
        match = pattern.search(posix)
        if match:
            slug = match.group("slug")
            year, month, day = (int(part) for part in match.groups()[:3])
            try:
                return PathInfo(dt.date(year, month, day), slug)
            except ValueError as exc:
                text = f"{year:04d}-{month:02d}-{day:02d}"
                return PathInfo(
                    None, slug, Problem("date", f"invalid date {text} in the path: {exc}")
                )
    return PathInfo(None, name)


def front_matter(
    header: EMap, path: str, header_text: str = ""
) -> tuple[tuple[tuple[str, Any], ...], tuple[Problem, ...]] | Problem:
    """The post's MyST front matter as ordered pairs, plus notes; or the first problem.

    Keys keep the header's order; a date taken from the path goes right after ``title``.
    ``header_text`` is only used to point problems at the line of their key.
    """
    names: list[str] = []
    for key, _ in header.pairs:
        name = _key_name(key)
        if name is None:
            return Problem(
                "key", f"header keys must be atoms or strings, not {to_elixir(key)}", 1, 1
            )
        if name in names:
            return Problem(
                "key", f"duplicate key `{name}` in the header", *_locate(header_text, name)
            )
        names.append(name)

    pairs: list[tuple[str, Any]] = []
    notes: list[Problem] = []
    draft: bool | None = None
    header_date: dt.date | dt.datetime | None = None
    for name, (_, value) in zip(names, header.pairs, strict=True):
        target = _RENAMES.get(name, name)
        if target != name and target in names:
            target = name  # both spellings present: keep the alias as an ordinary key
        located = _locate(header_text, name)
        try:
            if target in ("title", "description"):
                pairs.append((target, _text(value, name)))
            elif target in ("author", "category", "tags"):
                pairs.append((target, _text_or_texts(value, name)))
            elif name in ("draft", "published"):
                flag = _flag(value, name) == (name == "draft")
                if draft is None:
                    pairs.append(("draft", flag))  # the place of the first of the two keys
                draft = flag or bool(draft)
            elif name == "date":
                header_date = _date(value)
                pairs.append(("date", header_date))
            else:
                pairs.append((target, yaml_value(value)))
        except ValueError as exc:
            code = "date" if name == "date" else "type"
            return Problem(code, str(exc), *located)
    if draft is not None:
        pairs = [("draft", draft) if key == "draft" else (key, v) for key, v in pairs]

    info = path_info(path)
    if header_date is None:
        if info.problem is not None:
            return info.problem
        if info.date is not None:
            at = next((i + 1 for i, (k, _) in enumerate(pairs) if k == "title"), 0)
            pairs.insert(at, ("date", info.date))
    elif info.date is not None:
        day = header_date.date() if isinstance(header_date, dt.datetime) else header_date
        if day != info.date:
            notes.append(
                Problem(
                    "date-mismatch",
                    f"the header's date {day.isoformat()} disagrees with the path's "
                    f"{info.date.isoformat()}; the header wins",
                    *_locate(header_text, "date"),
                )
            )
    return tuple(pairs), tuple(notes)


def yaml_value(value: Value) -> Any:
    """A plain YAML value: atoms and charlists → strings, tuples → lists,
    keyword lists and maps → mappings, ``~D``/``~N``/``~U`` → dates, ``~T`` → ``"HH:MM:SS"``."""
    if isinstance(value, Atom):
        return value.name
    if isinstance(value, Charlist):
        return value.text
    if isinstance(value, EList):
        if value.is_keyword():
            return {item.items[0].name: yaml_value(item.items[1]) for item in value.items}  # type: ignore[union-attr]
        return [yaml_value(item) for item in value.items]
    if isinstance(value, ETuple):
        return [yaml_value(item) for item in value.items]
    if isinstance(value, EMap):
        mapping: dict[Any, Any] = {}
        for key, item in value.pairs:
            name = _key_name(key)
            plain: Any = name if name is not None else key
            if not isinstance(plain, str | int | float | bool) and plain is not None:
                plain = to_elixir(key)
            if plain in mapping:
                raise ValueError(f"duplicate key {to_elixir(key)} in a map")
            mapping[plain] = yaml_value(item)
        return mapping
    if isinstance(value, dt.time):
        return value.isoformat()
    return value


def _key_name(key: Value) -> str | None:
    if isinstance(key, Atom):
        return key.name
    if isinstance(key, str):
        return key
    return None


def _locate(header_text: str, name: str) -> tuple[int, int]:
    pattern = re.compile(
        r"(?:(?<![\w@])" + re.escape(name) + r":\s|[\"']" + re.escape(name) + r"[\"']\s*(?:=>|:))"
    )
    match = pattern.search(header_text)
    if not match:
        return 1, 1
    line = header_text.count("\n", 0, match.start()) + 1
    return line, match.start() - (header_text.rfind("\n", 0, match.start()) + 1) + 1


def _kind(value: Value) -> str:
    if isinstance(value, EList):
        return "a keyword list" if value.is_keyword() else "a list"
    if isinstance(value, ETuple):
        return "a tuple"
    if isinstance(value, str):
        return "a string"
    return f"`{to_elixir(value)}`"


def _text(value: Value, name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Charlist | Atom):
        return value.name if isinstance(value, Atom) else value.text
    raise ValueError(f"`{name}` must be a string, not {to_elixir(value)}")


def _text_or_texts(value: Value, name: str) -> str | list[str]:
    if isinstance(value, EList):
        return [_text(item, name) for item in value.items]
    return _text(value, name)


def _flag(value: Value, name: str) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(f"`{name}` must be true or false, not {to_elixir(value)}")


def _date(value: Value) -> dt.date | dt.datetime:
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
                return dt.date.fromisoformat(text)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}.*", text):
                return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as exc:
            raise ValueError(f"invalid date {value!r}: {exc}") from None
    raise ValueError(
        f"`date` must be ~D[...], ~N[...], ~U[...] or an ISO 8601 string, not {to_elixir(value)}"
    )
