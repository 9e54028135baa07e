"""Which blog engine wrote a file (``--from auto``), or why it is not a post to import.

In order: a ``%{`` header is NimblePublisher; ``+++`` front matter is Hugo; YAML front
matter under ``_posts``/``_drafts`` or in a file named ``YYYY-MM-DD-slug.md`` is Jekyll,
under ``content/`` it is Hugo; YAML front matter with ``title`` and ``date`` anywhere else is
already one of our posts. Pure functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..nimble.header import looks_like_myst, looks_like_nimble
from .headers import cut, load_yaml, starts_with_fence
from .jekyll import is_jekyll_path, layout
from .model import Source


@dataclass(frozen=True)
class Detected:
    """The format (``nimble``, ``jekyll``, ``hugo``), or ``""`` and why the file is skipped."""

    source_format: str
    reason: str = ""


def detect(source: Source, text: str, forced: str = "auto") -> Detected:
    """What to do with ``source`` (its text is ``text``); ``forced`` is ``--from``."""
    if forced == "nimble":
        if looks_like_myst(text):
            return Detected("", "already MyST (starts with a `---` front-matter line)")
        return Detected("nimble")
    if forced in ("jekyll", "hugo"):
        fenced = starts_with_fence(text, "---") or (
            forced == "hugo" and starts_with_fence(text, "+++")
        )
        if not fenced:
            return Detected("", f"not a {forced.capitalize()} post (no front matter)")
        return Detected(forced)
    if looks_like_nimble(text):
        return Detected("nimble")
    if starts_with_fence(text, "+++"):
        return Detected("hugo")
    if starts_with_fence(text, "---"):
        if is_jekyll_path(source):
            return Detected("jekyll")
        if "content" in layout(source)[:-1]:
            return Detected("hugo")
        split = cut(text)
        fields = load_yaml(split.block, 2) if split is not None else {}
        if isinstance(fields, dict) and "title" in fields and "date" in fields:
            return Detected("", "already MyST (YAML front matter with title and date)")
        return Detected("", "not a post (YAML front matter, in no Jekyll or Hugo layout)")
    return Detected("", "not a post (no `%{` header, no front matter)")
