"""Data: snippet definitions, uses, problems, and what the build derives from them.

Nothing here imports Sphinx or docutils; every value is small, frozen and picklable, so
the per-document records can live in the build environment and cross process borders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

UseKind = Literal["link", "embed"]


@dataclass(frozen=True)
class Snippet:
    """A named piece of code defined by a ``snippet`` directive in one post."""

    name: str
    docname: str
    line: int
    language: str
    caption: str
    code: str

    @property
    def anchor(self) -> str:
        """The HTML id of the definition: what links and ``objects.inv`` point at."""
        return anchor_for(self.name)

    @property
    def label(self) -> str:
        """The default link text: the caption, else the name."""
        return self.caption or self.name


@dataclass(frozen=True)
class Use:
    """A post that links to (``snippet`` role) or embeds (``snippet-embed``) a snippet."""

    name: str
    docname: str
    line: int
    kind: UseKind = "link"
    lines: str = ""  # an embed's ``:lines:`` option, as written


@dataclass(frozen=True)
class DocRecord:
    """Everything one post contributes: the environment stores one of these per docname."""

    snippets: tuple[Snippet, ...] = ()
    uses: tuple[Use, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something wrong in the input, reported by the boundary as a located warning.

    ``code`` is the warning subtype (``snippets.<code>``): unknown, duplicate, lines, file.
    """

    code: str
    message: str
    docname: str
    line: int | None = None
    other: tuple[str, int] | None = None  # a second place involved: (docname, line)


@dataclass(frozen=True)
class Catalogue:
    """What the whole site knows about snippets, derived from every post's record."""

    snippets: dict[str, Snippet] = field(default_factory=dict)  # name -> winning definition
    used_in: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> using docnames
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class LinkView:
    """What a link shows of its target: where it points and its default text."""

    name: str
    docname: str
    label: str


@dataclass(frozen=True)
class EmbedView:
    """What an embed shows of its target: the code, and the post it comes from."""

    snippet: Snippet
    title: str


@dataclass(frozen=True)
class DocView:
    """Everything a post's output shows that comes from other posts.

    Two builds render a post identically when its own source and its view are unchanged;
    comparing views is how the build finds the posts that went stale.
    """

    backlinks: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()  # name, ((doc, title))
    links: tuple[tuple[str, LinkView | None], ...] = ()
    embeds: tuple[tuple[str, EmbedView | None], ...] = ()


def anchor_for(name: str) -> str:
    """The HTML id of a snippet's definition."""
    return f"snippet-{name}"
