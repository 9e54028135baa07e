"""Pure: everything that names a person comes from ``blog_owner`` unless ``conf.py`` says
otherwise, and ABlog is given settings it accepts.

A newcomer edits ``blog_owner``, ``blog_tagline`` and ``html_baseurl`` and nothing else: the
site title, Sphinx's ``project``, ``author`` and ``copyright``, the HTML title, ABlog's
``blog_title``, ``blog_default_author`` and ``blog_authors`` follow. A value that ABlog
would reject with a traceback (a default author missing from ``blog_authors``, an entry
that is not ``(name, link)``) is repaired and reported as a :class:`~.model.Problem`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .model import Problem, Typo

#: The settings derived from the owner, when ``conf.py`` leaves them unset.
DERIVED = ("blog_title", "project", "author", "copyright", "html_title", "blog_default_author")


def derive(values: Mapping[str, Any], unset: set[str]) -> tuple[dict[str, Any], list[Problem]]:
    """The settings to change, and what was wrong. ``values`` holds the current values by
    name; ``unset`` names the ones ``conf.py`` did not set."""
    problems: list[Problem] = []
    changes: dict[str, Any] = {}
    owner = values.get("blog_owner")
    if not isinstance(owner, str) or not owner.strip():
        # An existing Sphinx or ABlog site names its owner elsewhere: take that.
        owner = next(
            (
                value
                for name in ("author", "blog_title", "project")
                if name not in unset and isinstance(value := values.get(name), str) and value
            ),
            "",
        )
    owner = " ".join(owner.split())
    if owner != values.get("blog_owner"):
        changes["blog_owner"] = owner
    title = values.get("blog_title") if "blog_title" not in unset else None
    if not isinstance(title, str) or not title.strip():
        title = owner or "Blog"
        changes["blog_title"] = title
    for name, value in (
        ("project", title),
        ("html_title", title),
        ("author", owner),
        ("copyright", owner),
    ):
        if name in unset:
            changes[name] = value
    authors, more = _authors(values.get("blog_authors"))
    problems += more
    default = values.get("blog_default_author") if "blog_default_author" not in unset else None
    defaults, more = _default_authors(default, owner)
    problems += more
    for name in defaults:
        if name not in authors:
            authors[name] = (name, None)  # ABlog insists the default author is listed
    changes["blog_authors"] = authors
    changes["blog_default_author"] = defaults[0] if len(defaults) == 1 else list(defaults)
    return changes, problems


def _authors(value: Any) -> tuple[dict[str, tuple[str, str | None]], list[Problem]]:
    """``blog_authors`` as ABlog wants it: key -> (display name, link or None)."""
    if value is None or value == {}:
        return {}, []
    if isinstance(value, list | tuple):  # a plain list of names
        names = [str(item) for item in value if isinstance(item, str) and item.strip()]
        return {name: (name, None) for name in names}, []
    if not isinstance(value, dict):
        return {}, [
            Problem(
                "blog_authors",
                "blog_authors must map each author to (display name, link), "
                f'e.g. {{"Sam Okafor": ("Sam Okafor", "https://sam.example")}}; not {value!r}',
            )
        ]
    found: dict[str, tuple[str, str | None]] = {}
    problems: list[Problem] = []
    for key, about in value.items():
        key = str(key)
        if isinstance(about, str):
            found[key] = (about, None)
        elif isinstance(about, list | tuple) and 1 <= len(about) <= 2:
            name = about[0] if isinstance(about[0], str) and about[0].strip() else key
            link = about[1] if len(about) == 2 else None
            if link is not None and not isinstance(link, str):
                problems.append(
                    Problem("blog_authors", f"blog_authors[{key!r}]: the link must be text or None")
                )
                link = None
            found[key] = (name, link or None)
        else:
            problems.append(
                Problem(
                    "blog_authors",
                    f"blog_authors[{key!r}] must be (display name, link), not {about!r}",
                )
            )
            found[key] = (key, None)
    return found, problems


def _default_authors(value: Any, owner: str) -> tuple[tuple[str, ...], list[Problem]]:
    if value is None or value == "" or value == []:
        return ((owner,) if owner else ()), []
    if isinstance(value, str):
        return (value,), []
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return tuple(value), []
    return ((owner,) if owner else ()), [
        Problem("blog_default_author", f"blog_default_author must be a name, not {value!r}")
    ]


def edit_distance(one: str, other: str, limit: int = 3) -> int:
    """Levenshtein distance, stopping early once it exceeds ``limit``."""
    if abs(len(one) - len(other)) > limit:
        return limit + 1
    previous = list(range(len(other) + 1))
    for i, a in enumerate(one, 1):
        current = [i]
        for j, b in enumerate(other, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def looks_like(name: str, known: str) -> bool:
    """Is ``name`` a likely misspelling of ``known``? Case only, or 1 edit (2 for names of
    8 characters or more)."""
    if name == known:
        return False
    if name.casefold() == known.casefold():
        return True
    allowed = 2 if min(len(name), len(known)) >= 8 else 1
    return edit_distance(name.casefold(), known.casefold(), allowed) <= allowed


def author_typos(uses: Iterable[tuple[str, Iterable[str]]], known: Iterable[str]) -> list[Typo]:
    """Author names that look like misspellings: of a known author (the owner,
    ``blog_authors``), else of a name more posts use. ``uses`` holds (docname, authors)."""
    known_names = set(known)
    counts: dict[str, int] = {}
    first_use: dict[str, str] = {}
    for docname, names in sorted(uses, key=lambda use: use[0]):
        for name in names:
            counts[name] = counts.get(name, 0) + 1
            first_use.setdefault(name, docname)
    found: list[Typo] = []
    for name in sorted(counts):
        if name in known_names:
            continue
        candidates = sorted(known_names) + sorted(
            (
                other
                for other in counts
                if other not in known_names and counts[other] > counts[name]
            ),
            key=lambda other: (-counts[other], other),
        )
        for other in candidates:
            if looks_like(name, other):
                found.append(Typo(name, other, first_use[name]))
                break
    return found
