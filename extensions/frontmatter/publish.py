"""Pure: one rule decides what is published, applied to exactly the files Sphinx reads.

Before Sphinx reads anything, the boundary (``sphinx_publish``) lists the files Sphinx would
read, hands each one's text to :func:`scan_source`, and leaves out every file for which
:func:`verdict` gives a reason: a draft, a post dated in the future, a file that cannot be
read as UTF-8, a link that leads out of the site. Hidden files and folders (a name starting
with ``.``) are never read at all. Line endings are read as Sphinx reads them.

What is a post follows ABlog: a document under ``blog_posts_folder``, one matched by
``blog_post_pattern``, one whose front matter (or reST docinfo, or notebook metadata) says
``blogpost: true``, or one holding a ``post`` directive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from .model import Problem
from .post import load_front_matter
from .values import as_bool, as_datetime, aware

#: Exclude patterns that keep hidden files and folders out of the build, at any depth.
HIDDEN_PATTERNS: tuple[str, ...] = (".*", "**/.*")

#: Largest notebook read to find its metadata (a post's notebook is far smaller).
MAX_NOTEBOOK_BYTES = 20_000_000

_MYST_POST = re.compile(r"^[ \t]*(?:`{3,}|~{3,}|:{3,})[ \t]*\{post\}[ \t]*(?P<date>[^\n`]*)$", re.M)
_REST_POST = re.compile(r"^\.\.[ \t]+post::[ \t]*(?P<date>[^\n]*)$", re.M)
_REST_FIELD = re.compile(r"^:(?P<key>[A-Za-z_][\w-]*):[ \t]*(?P<value>.*)$")


@dataclass(frozen=True)
class Scanned:
    """What the scan learnt from one source file: enough to decide whether to publish it."""

    docname: str
    is_post: bool = False
    draft: bool = False
    date: datetime | None = None
    problem: Problem | None = None  # a problem that keeps the file out of the build

    def as_json(self) -> list[Any]:
        return [
            self.docname,
            self.is_post,
            self.draft,
            self.date.isoformat() if self.date else None,
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> Scanned:
        docname, is_post, draft, date = data
        return cls(
            str(docname),
            bool(is_post),
            bool(draft),
            datetime.fromisoformat(date) if date else None,
        )


def rest_fields(text: str) -> dict[str, str]:
    """The field list a reST document starts with (its docinfo): ``:blogpost: true``..."""
    fields: dict[str, str] = {}
    for line in text.split("\n"):
        if not line.strip() and not fields:
            continue
        match = _REST_FIELD.match(line)
        if match is None:
            if line.strip() and not line.startswith((" ", "\t")):
                break
            continue
        fields[match.group("key")] = match.group("value").strip()
    return fields


def notebook_fields(text: str) -> dict[str, Any]:
    """A Jupyter notebook's metadata (where MyST-NB users give ``blogpost``, ``date``...)."""
    if len(text) > MAX_NOTEBOOK_BYTES:
        return {}
    try:
        notebook = json.loads(text)
    except ValueError:
        return {}
    metadata = notebook.get("metadata") if isinstance(notebook, dict) else None
    return dict(metadata) if isinstance(metadata, dict) else {}


def directive_date(text: str, markdown: bool) -> str | None:
    """The date argument of a ``post`` directive in the text ("" without one), or None when
    the text holds no such directive."""
    match = (_MYST_POST if markdown else _REST_POST).search(text)
    return None if match is None else match.group("date").strip()


def scan_source(
    docname: str,
    text: str,
    kind: str,
    *,
    posts_folder: str,
    matched: frozenset[str],
    date_formats: tuple[str, ...] = (),
) -> Scanned:
    """What decides whether ``docname`` is published. ``kind`` is "markdown", "rst" or
    "notebook"; ``matched`` holds the docnames ``blog_post_pattern`` matches."""
    if kind == "markdown":
        fields: Mapping[str, Any] = load_front_matter(text)[0]
    elif kind == "notebook":
        fields = notebook_fields(text)
    else:
        fields = rest_fields(text)
    folder = posts_folder.strip("/")
    directive = directive_date(text, kind == "markdown") if kind != "notebook" else None
    flagged, _ = as_bool(fields.get("blogpost"), "blogpost")
    is_post = (
        (bool(folder) and docname.startswith(folder + "/"))
        or docname in matched
        or flagged
        or directive is not None
    )
    draft, _ = as_bool(fields.get("draft"), "draft")
    raw_date = fields.get("date") if fields.get("date") not in (None, "") else directive
    date, _ = as_datetime(raw_date, formats=date_formats)
    return Scanned(docname, is_post, draft, date)


def verdict(scanned: Scanned, now: datetime, zone: tzinfo) -> str | None:
    """Why a file must not be published ("draft", "future", or its problem), else None."""
    if scanned.problem is not None:
        return scanned.problem.code
    if not scanned.is_post:
        return None
    if scanned.draft:
        return "draft"
    if scanned.date is not None:
        try:
            if aware(scanned.date, zone) > now:
                return "future"
        except (OverflowError, ValueError):
            return None  # an out-of-range date: the post is read, and its date reported
    return None


#: How Sphinx wraps its search index (sphinx.search.js_index).
_INDEX_PREFIX, _INDEX_SUFFIX = "Search.setIndex(", ")"


def without_orphan_words(index_js: str) -> str | None:
    """The search index with the words no published document holds any more taken out, or
    None when nothing needed to change (or the text is not a Sphinx search index).

    Sphinx drops a removed document from the index but keeps each of its words with an
    empty list of documents, so a draft's or a deleted post's words stay searchable."""
    if not (index_js.startswith(_INDEX_PREFIX) and index_js.endswith(_INDEX_SUFFIX)):
        return None
    try:
        index = json.loads(index_js[len(_INDEX_PREFIX) : -len(_INDEX_SUFFIX)])
    except ValueError:
        return None
    changed = False
    for key in ("terms", "titleterms"):
        words = index.get(key)
        if isinstance(words, dict):
            kept = {word: docs for word, docs in words.items() if docs != []}
            if len(kept) != len(words):
                index[key] = kept
                changed = True
    if not changed:
        return None
    body = json.dumps(index, separators=(",", ":"), sort_keys=True)
    return _INDEX_PREFIX + body + _INDEX_SUFFIX


def glob_literal(path: str) -> str:
    """An exclude pattern that matches ``path`` (glob characters made literal).

    ``*`` and ``?`` become one-character classes; ``[`` cannot (Python warns of a nested
    set), so it becomes ``?``: the pattern then also matches a file that differs from
    ``path`` only at that character, a risk worth taking.
    """
    return "".join(f"[{char}]" if char in "*?" else "?" if char == "[" else char for char in path)
