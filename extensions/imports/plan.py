"""The whole import as one pure function: files in, what to write out.

1. :func:`read_source` reads each file into a :class:`~.model.Draft` (or a skip, or a
   failure): the format is detected, front matter mapped, Liquid and shortcodes converted.
2. :func:`~.links.lookups` says which files the posts refer to; the caller says which of
   them exist (an :class:`~.model.Inventory`: the only thing that needs the disk).
3. :func:`finish_all` settles links between posts and copies of files, and renders each post.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..nimble.header import decode
from ..nimble.model import Problem
from .detect import detect
from .hugo import read_hugo
from .jekyll import read_jekyll
from .links import build_index, finish, lookups
from .model import Conversion, Draft, Inventory, Options, Source
from .nimblepublisher import read_nimble

__all__ = ["finish_all", "lookups", "plan", "read_source"]


def read_source(source: Source, options: Options) -> Draft | Conversion:
    """One file read and converted (links not settled yet), or why it is skipped or failed."""
    text = decode(source.data)
    if isinstance(text, Problem):
        return Conversion(source.path, problem=text)
    if not text.strip():
        return Conversion(
            source.path, problem=Problem("empty", "empty file: nothing to convert", 1, 1)
        )
    detected = detect(source, text, options.source_format)
    if not detected.source_format:
        return Conversion(source.path, skip=detected.reason)
    if detected.source_format == "nimble":
        result: Draft | Problem | str = read_nimble(source, text, options)
    elif detected.source_format == "jekyll":
        result = read_jekyll(source, text, options)
    else:
        result = read_hugo(source, text, options)
    if isinstance(result, str):
        return Conversion(source.path, skip=result)
    if isinstance(result, Problem):
        return Conversion(source.path, problem=result)
    return result


def finish_all(
    read: Sequence[Draft | Conversion], inventory: Inventory, options: Options
) -> list[Conversion]:
    """Every file's conversion, in the order read, with links and files settled."""
    drafts = [item for item in read if isinstance(item, Draft)]
    index = build_index(drafts, options)
    return [
        finish(item, index, inventory, options) if isinstance(item, Draft) else item
        for item in read
    ]


def plan(
    sources: Sequence[Source], options: Options, inventory: Inventory | None = None
) -> list[Conversion]:
    """Steps 1 and 3 at once, for callers that already know which files exist."""
    read = [read_source(source, options) for source in sources]
    return finish_all(read, inventory or Inventory(), options)
