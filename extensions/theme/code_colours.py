"""Pure: code colours for the dark scheme, as CSS scoped to when the dark scheme applies.

Sphinx writes ``pygments.css`` from ``pygments_style`` (the light colours, on ``.highlight``).
The dark style's rules are written twice: under ``prefers-color-scheme: dark`` unless the
reader's toggle chose light (``<html data-theme="light">``), and under the toggle's dark
(``<html data-theme="dark">``). Their selectors are more specific than ``.highlight .k``, so
they win over the light rules whenever they apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import Any

from pygments.formatters import HtmlFormatter
from pygments.styles import get_style_by_name

from .contrast import contrast_ratio

#: Where the dark colours apply: the system's dark scheme unless the toggle chose light ...
SYSTEM_DARK = ':root:not([data-theme="light"]) .highlight'
#: ... and the toggle's dark.
CHOSEN_DARK = ':root[data-theme="dark"] .highlight'


def load_style(name: str) -> Any:
    """A Pygments style class from ``module.ClassName`` or a Pygments style name, as Sphinx
    reads ``pygments_style``; ValueError when there is none by that name."""
    try:
        if "." in name:
            module, _, attribute = name.rpartition(".")
            return getattr(import_module(module), attribute)
        return get_style_by_name(name)
    except Exception as error:  # ImportError, AttributeError, Pygments' ClassNotFound
        raise ValueError(f"no Pygments style {name!r}: {error}") from error


def _rules(style: Any, prefix: str) -> str:
    formatter = HtmlFormatter(style=style)
    lines = [
        *formatter.get_background_style_defs(prefix),
        *formatter.get_token_style_defs(prefix),
        f"{prefix} span.linenos {{ color: {style.line_number_color}; "
        f"background-color: {style.line_number_background_color}; }}",
    ]
    return "\n".join(line for line in lines if line)


def dark_stylesheet(style: Any) -> str:
    """The CSS of a dark Pygments style, scoped to the dark scheme (system or chosen)."""
    inner = _rules(style, SYSTEM_DARK).replace("\n", "\n  ")
    return (
        f"/* Code in the dark scheme: {getattr(style, 'name', style.__name__)} (generated). */\n"
        f"@media (prefers-color-scheme: dark) {{\n  {inner}\n}}\n"
        f"{_rules(style, CHOSEN_DARK)}\n"
    )


def low_contrast(style: Any, minimum: float = 4.5) -> Iterator[tuple[str, str, str, float]]:
    """Every (token, colour, background, ratio) of a style under ``minimum``: each token's
    colour on the code background, on its own background and on a highlighted line's; the
    line numbers on theirs."""
    backgrounds = [style.background_color, style.highlight_color]
    numbers_on = style.line_number_background_color
    if not str(numbers_on).startswith("#"):  # "transparent": on the code background
        numbers_on = style.background_color
    pairs = [("line numbers", style.line_number_color, numbers_on)]
    for token, rule in style:
        if rule["color"]:
            for background in [f"#{rule['bgcolor']}"] if rule["bgcolor"] else backgrounds:
                pairs.append((str(token), f"#{rule['color']}", background))
    for token, colour, background in pairs:
        ratio = contrast_ratio(colour, background)
        if ratio < minimum:
            yield token, colour, background, ratio
