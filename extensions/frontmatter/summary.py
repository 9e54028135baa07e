"""Pure: how long a summary may be, and how it reads when it is cut."""

from __future__ import annotations

from html import escape

#: A first paragraph longer than this (in characters of text) is cut to ``CUT``.
LONGEST = 600
CUT = 300


def shorten(text: str, limit: int = CUT) -> str:
    """One line of text, cut at a word before ``limit`` with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "\u2026"


def text_summary(text: str) -> str:
    """A summary from text only (a description, or a paragraph too long to keep whole)."""
    return f"<p>{escape(shorten(text))}</p>" if text.strip() else ""
