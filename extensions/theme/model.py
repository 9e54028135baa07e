"""Data: the theme's settings, a post's headings, a snippet preview. No Sphinx here."""

from __future__ import annotations

from dataclasses import dataclass, field

#: The theme's name, as ``html_theme`` names it.
THEME = "blog"
#: The dark code colours Sphinx resolves from ``blog_pygments_dark_style`` by default.
DARK_STYLE = "extensions.theme.styles.BlogDark"


@dataclass(frozen=True)
class ThemeConfig:
    """What ``conf.py`` says about the theme, validated once (``settings.theme_config``)."""

    favicon: str = ""  # a file next to conf.py, or "" for the theme's own icon
    toc_min_sections: int = 3  # a post with this many sections gets a table of contents; 0: never
    dark_code_style: str = DARK_STYLE
    copy_buttons: bool = True
    snippet_previews: bool = True
    lazy_images: bool = True


@dataclass(frozen=True)
class Heading:
    """A section of a post, for its table of contents."""

    anchor: str
    title: str
    children: tuple[Heading, ...] = field(default=())


@dataclass(frozen=True)
class Preview:
    """The code a snippet link shows on hover or focus (``html``: highlighted, already safe)."""

    anchor: str
    caption: str
    language: str
    html: str
