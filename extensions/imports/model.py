"""Data: the files an import reads, what it makes of each post, and what it will write.

Nothing here imports Sphinx or docutils, or touches the disk; every value is small and frozen.
Problems are :class:`extensions.nimble.model.Problem` (code, message, line, column), the type
the NimblePublisher reader already reports with.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..nimble.model import Problem
from .edits import Origin

__all__ = [
    "AssetCopy",
    "Conversion",
    "Draft",
    "Inventory",
    "Kept",
    "Options",
    "Pending",
    "Problem",
    "Source",
]


@dataclass(frozen=True)
class Source:
    """One file to import.

    ``path`` is how the summary names it; ``root`` names the folder it was found under (the
    ``SRC`` folder, or the file's own folder when ``SRC`` is a file) and ``root_name`` is that
    folder's own name (``_posts``, ``content``...); ``relative`` is the file's path inside it,
    ``/``-separated. ``modified`` is the file's modification date (Jekyll dates a draft by it).
    ``in_place`` is the file's path inside the destination folder when it already lies there
    (a NimblePublisher post this blog read in place, at ``posts/<in_place>.html``).
    """

    path: str
    root: str
    relative: str
    data: bytes
    root_name: str = ""
    modified: dt.date | None = None
    in_place: str = ""


@dataclass(frozen=True)
class Options:
    """How to import: destination folder name, source format, old-address pattern."""

    dest: str = "posts"
    source_format: str = "auto"  # "auto", "nimble", "jekyll" or "hugo"
    old_url: str | None = None  # None: each format's own rule; "none": record nothing
    jekyll_permalinks: tuple[tuple[str, str], ...] = ()  # (root, `permalink` of _config.yml)
    has_assets: bool = False  # --assets given: site-absolute paths are looked up there only


@dataclass(frozen=True)
class Kept:
    """A construct kept as written because it cannot be converted (``{% include %}``)."""

    line: int
    text: str


@dataclass(frozen=True)
class Pending:
    """A reference only the whole import can resolve, left in the body as ``marker``.

    ``kind`` is ``post`` (``{% post_url %}``, ``{% link %}``, ``{{< ref >}}``: ``key`` names
    the post) or ``asset`` (a figure's image: ``key`` is the path as written). ``original``
    is the text to put back when it cannot be resolved.
    """

    marker: str
    kind: str
    key: str
    original: str
    line: int


@dataclass(frozen=True)
class Draft:
    """A post read and converted, before links between posts and assets are settled.

    ``target`` is the new file inside the destination folder (``2020/slug.md``). ``body`` is
    the converted body; ``origin`` maps its positions back to ``original`` (the body as
    written), which starts on line ``body_line`` of the source file. ``old_urls`` are the
    post's old addresses (site-relative paths); ``names`` are other keys links may use for it
    (``post_url`` names). ``image`` is the front-matter picture, resolved like a link.
    """

    source: Source
    source_format: str
    target: str
    slug: str
    date: dt.date
    front_matter: tuple[tuple[str, Any], ...]
    body: str
    original: str
    body_line: int
    origin: Origin = Origin()
    old_urls: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    pending: tuple[Pending, ...] = ()
    kept: tuple[Kept, ...] = ()
    notes: tuple[Problem, ...] = ()
    newline: str = "\n"
    published: bool = True

    def line(self, position: int) -> int:
        """The source file's line for a position in ``body``."""
        old = self.origin.old(position)
        return self.body_line + self.original.count("\n", 0, max(0, old))


@dataclass(frozen=True)
class AssetCopy:
    """Copy ``relative`` from the folder named ``root`` to ``target`` (inside the destination)."""

    root: str
    relative: str
    target: str


@dataclass(frozen=True)
class Inventory:
    """The files an import may copy, per folder (``root`` name → ``/``-separated paths):
    regular files only, no dot-files or dot-folders, no symlinks leading outside."""

    files: tuple[tuple[str, frozenset[str]], ...] = ()

    def has(self, root: str, relative: str) -> bool:
        return any(name == root and relative in paths for name, paths in self.files)


@dataclass(frozen=True)
class Conversion:
    """What importing one source file does: write ``content`` to ``target`` and copy
    ``assets``; or skip it (``skip`` says why); or fail (``problem``; nothing is written).

    ``missing`` (references to files that were not found), ``kept`` (constructs kept as
    written), ``unresolved`` (links to check) and ``notes`` are ``line: text`` reports.
    """

    source: str
    target: str | None = None
    content: bytes | None = None
    problem: Problem | None = None
    skip: str = ""
    notes: tuple[Problem, ...] = ()
    assets: tuple[AssetCopy, ...] = ()
    missing: tuple[Problem, ...] = ()
    kept: tuple[Kept, ...] = ()
    unresolved: tuple[Problem, ...] = ()
