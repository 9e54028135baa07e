"""Pure: the blog's Pygments styles, light and dark, every colour at least 4.5:1 (WCAG AA)
against the code background and against a highlighted line's background.

Sphinx takes them by name: the theme's default ``pygments_style`` is
``extensions.theme.styles.BlogLight``, and ``blog_pygments_dark_style`` defaults to
``extensions.theme.styles.BlogDark`` (written as CSS that applies in the dark scheme).
tests/theme/test_theme_styles.py checks every token colour with ``contrast``.
"""

from __future__ import annotations

from pygments.style import Style
from pygments.token import (
    Comment,
    Error,
    Generic,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    Token,
    Whitespace,
)


class BlogLight(Style):
    """On warm paper: purple keywords, green strings, blue names (Elixir's purple as accent)."""

    name = "blog-light"
    background_color = "#f4f2ee"
    highlight_color = "#e8e2d4"
    line_number_color = "#5f6672"
    line_number_background_color = "#f4f2ee"
    styles = {  # noqa: RUF012 (Pygments reads the class attribute)
        Token: "#24292f",
        Text: "#24292f",
        Whitespace: "#24292f",
        Error: "#b3261e",
        Comment: "italic #5a6270",
        Comment.Preproc: "noitalic #8b2a9e",
        Keyword: "bold #8b2a9e",
        Keyword.Constant: "bold #985000",
        Keyword.Type: "nobold #0550ae",
        Operator: "#4c4c4c",
        Operator.Word: "bold #8b2a9e",
        Punctuation: "#4c4c4c",
        Name: "#24292f",
        Name.Builtin: "#7a4800",
        Name.Builtin.Pseudo: "#7a4800",
        Name.Class: "bold #0550ae",
        Name.Constant: "#985000",
        Name.Decorator: "#7a4800",
        Name.Entity: "#a3195b",
        Name.Exception: "bold #b3261e",
        Name.Function: "#0550ae",
        Name.Attribute: "#0550ae",
        Name.Label: "#a3195b",
        Name.Namespace: "bold #0550ae",
        Name.Tag: "bold #8b2a9e",
        Name.Variable: "#7a4800",
        Name.Variable.Magic: "#7a4800",
        Number: "#985000",
        String: "#0b6b3a",
        String.Doc: "italic #0b6b3a",
        String.Escape: "bold #985000",
        String.Interpol: "#a3195b",
        String.Regex: "#a3195b",
        String.Symbol: "#a3195b",
        String.Other: "#a3195b",
        Generic.Deleted: "#b3261e",
        Generic.Emph: "italic",
        Generic.Error: "#b3261e",
        Generic.Heading: "bold #0550ae",
        Generic.Inserted: "#0b6b3a",
        Generic.Output: "#4c4c4c",
        Generic.Prompt: "bold #5b5b5b",
        Generic.Strong: "bold",
        Generic.Subheading: "bold #8b2a9e",
        Generic.Traceback: "#b3261e",
    }


class BlogDark(Style):
    """On slate: the same roles as ``BlogLight`` in lighter, softer colours."""

    name = "blog-dark"
    background_color = "#1e2228"
    highlight_color = "#2f3540"
    line_number_color = "#a3acb8"
    line_number_background_color = "#1e2228"
    styles = {  # noqa: RUF012
        Token: "#e6e6e6",
        Text: "#e6e6e6",
        Whitespace: "#e6e6e6",
        Error: "#ff8f8f",
        Comment: "italic #9ba7b4",
        Comment.Preproc: "noitalic #d8b0ff",
        Keyword: "bold #d8b0ff",
        Keyword.Constant: "bold #f3b27f",
        Keyword.Type: "nobold #8ec8ff",
        Operator: "#c9c9c9",
        Operator.Word: "bold #d8b0ff",
        Punctuation: "#c9c9c9",
        Name: "#e6e6e6",
        Name.Builtin: "#ffcf85",
        Name.Builtin.Pseudo: "#ffcf85",
        Name.Class: "bold #8ec8ff",
        Name.Constant: "#f3b27f",
        Name.Decorator: "#ffcf85",
        Name.Entity: "#ff9ec6",
        Name.Exception: "bold #ff8f8f",
        Name.Function: "#8ec8ff",
        Name.Attribute: "#8ec8ff",
        Name.Label: "#ff9ec6",
        Name.Namespace: "bold #8ec8ff",
        Name.Tag: "bold #d8b0ff",
        Name.Variable: "#ffcf85",
        Name.Variable.Magic: "#ffcf85",
        Number: "#f3b27f",
        String: "#a6dba9",
        String.Doc: "italic #a6dba9",
        String.Escape: "bold #f3b27f",
        String.Interpol: "#ff9ec6",
        String.Regex: "#ff9ec6",
        String.Symbol: "#ff9ec6",
        String.Other: "#ff9ec6",
        Generic.Deleted: "#ff8f8f",
        Generic.Emph: "italic",
        Generic.Error: "#ff8f8f",
        Generic.Heading: "bold #8ec8ff",
        Generic.Inserted: "#a6dba9",
        Generic.Output: "#c9c9c9",
        Generic.Prompt: "bold #a8a8a8",
        Generic.Strong: "bold",
        Generic.Subheading: "bold #d8b0ff",
        Generic.Traceback: "#ff8f8f",
    }
