"""Pure: conf.py's ``blog_*`` theme settings as one validated value, and what was wrong."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import DARK_STYLE, ThemeConfig

#: conf.py name -> (ThemeConfig field, default, what it must be).
SETTINGS: dict[str, tuple[str, Any, str]] = {
    "blog_favicon": ("favicon", "", "a file path relative to conf.py, or an empty string"),
    "blog_toc_min_sections": ("toc_min_sections", 3, "a whole number (0: no tables of contents)"),
    "blog_pygments_dark_style": ("dark_code_style", DARK_STYLE, "a Pygments style name"),
    "blog_copy_buttons": ("copy_buttons", True, "True or False"),
    "blog_snippet_previews": ("snippet_previews", True, "True or False"),
    "blog_lazy_images": ("lazy_images", True, "True or False"),
}


def _valid(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, int):
        return isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return isinstance(value, str)


def theme_config(values: Mapping[str, Any]) -> tuple[ThemeConfig, list[tuple[str, str]]]:
    """The settings, with a bad value replaced by its default; problems are (name, message)."""
    chosen: dict[str, Any] = {}
    problems: list[tuple[str, str]] = []
    for name, (attribute, default, expected) in SETTINGS.items():
        value = values.get(name, default)
        if not _valid(value, default):
            problems.append((name, f"{name} = {value!r} should be {expected}; using {default!r}"))
            value = default
        chosen[attribute] = value
    if not chosen["dark_code_style"]:
        chosen["dark_code_style"] = DARK_STYLE
    return ThemeConfig(**chosen), problems
