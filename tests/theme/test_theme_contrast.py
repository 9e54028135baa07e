"""Pure: WCAG contrast ratios, and the theme's code colours pass WCAG AA in both schemes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pygments.token import Comment, String

from extensions.theme.code_colours import (
    CHOSEN_DARK,
    SYSTEM_DARK,
    dark_stylesheet,
    load_style,
    low_contrast,
)
from extensions.theme.contrast import AA_TEXT, contrast_ratio, parse_hex, relative_luminance
from extensions.theme.styles import BlogDark, BlogLight

CSS = Path(__file__).resolve().parents[2] / "extensions/theme/blog/static/blog-theme.css"


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000", "#fff", 21.0),
        ("#ffffff", "#000000", 21.0),  # order does not matter
        ("#777", "#777", 1.0),
        ("#777777", "#ffffff", 4.48),  # the classic "grey that just fails"
        ("#767676", "#ffffff", 4.54),  # ... and the one that just passes
        ("#0e84b5", "#f0f0f0", 3.70),  # Pygments "friendly" class names on its background
        ("#888", "#fffdf9", 3.49),  # alabaster's footer on the old paper colour
    ],
)
def test_contrast_ratio_matches_wcag(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


def test_luminance_and_parsing():
    assert relative_luminance("#000") == 0 and relative_luminance("#fff") == pytest.approx(1)
    assert parse_hex("abc") == parse_hex("#aabbcc") == (170, 187, 204)
    for bad in ("#12", "#ggg", "transparent", "", "#1234567"):
        with pytest.raises(ValueError, match="not a hex colour"):
            parse_hex(bad)


@pytest.mark.parametrize("style", [BlogLight, BlogDark], ids=["light", "dark"])
def test_every_token_colour_passes_aa_on_the_code_background(style):
    tokens = [token for token, rule in style if rule["color"]]
    assert len(tokens) > 50  # every token type Pygments knows, inherited colours included
    assert list(low_contrast(style)) == []


def test_a_colour_that_fails_is_reported():
    class Broken(BlogLight):
        styles = {**BlogLight.styles, String: "#60a0b0", Comment: "#bbbbbb"}  # noqa: RUF012

    found = {token: round(ratio, 1) for token, _, _, ratio in low_contrast(Broken)}
    assert found["Token.Literal.String"] < AA_TEXT and "Token.Comment" in found
    assert "Token.Literal.String.Symbol" not in found  # its own colour still passes
    # the old theme's "friendly" style fails many
    assert len(list(low_contrast(load_style("friendly")))) > 20


def test_styles_load_by_dotted_name_and_by_pygments_name():
    assert load_style("extensions.theme.styles.BlogDark") is BlogDark
    assert load_style("friendly").__name__ == "FriendlyStyle"
    for bad in ("extensions.theme.styles.Nope", "no-such-style", "no_such_module.Style"):
        with pytest.raises(ValueError, match="no Pygments style"):
            load_style(bad)


def test_dark_colours_apply_only_in_the_dark_scheme():
    css = dark_stylesheet(BlogDark)
    media, _, chosen = css.partition("\n}\n")
    assert media.splitlines()[1] == "@media (prefers-color-scheme: dark) {"
    rules = [line.strip() for line in css.splitlines() if "{" in line and "@media" not in line]
    assert rules and all(rule.startswith((SYSTEM_DARK, CHOSEN_DARK)) for rule in rules)
    assert all(SYSTEM_DARK in line for line in media.splitlines()[2:] if "{" in line)
    assert all(CHOSEN_DARK in line for line in chosen.splitlines() if "{" in line)
    assert f"{SYSTEM_DARK} .k {{ color: #D8B0FF; font-weight: bold }}" in css
    assert f"{CHOSEN_DARK} {{ background: #1e2228;" in css


def _palette(css: str, selector: str) -> dict[str, str]:
    block = css[css.index(selector) :]
    block = block[block.index("{") + 1 : block.index("}")]
    return dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", block))


@pytest.mark.parametrize(
    "selector", [":root {", ':root:not([data-theme="light"]) {', ':root[data-theme="dark"] {']
)
def test_the_stylesheets_text_colours_pass_aa_on_its_backgrounds(selector):
    colours = _palette(CSS.read_text(encoding="utf-8"), selector)
    assert {"bg", "surface", "text", "muted", "accent", "tag-bg"} <= set(colours)
    for text in ("text", "muted", "accent"):
        for background in ("bg", "surface", "tag-bg"):
            ratio = contrast_ratio(colours[text], colours[background])
            assert ratio >= AA_TEXT, (selector, text, background, round(ratio, 2))


def test_the_system_dark_and_the_chosen_dark_are_the_same_colours():
    css = CSS.read_text(encoding="utf-8")
    assert _palette(css, ':root:not([data-theme="light"]) {') == _palette(
        css, ':root[data-theme="dark"] {'
    )


@pytest.mark.parametrize(
    "selector", [".preview-banner", ".post-status-draft", ".post-status-scheduled"]
)
def test_the_previews_marks_are_readable_in_both_schemes(selector):
    """The preview's banner and marks are white on a colour of their own (the same in light
    and dark); every colour in their background passes AA against white."""
    import re

    css = CSS.read_text(encoding="utf-8")
    rules = re.findall(rf"{re.escape(selector)}\s*\{{([^}}]*)\}}", css)
    backgrounds = [
        colour
        for rule in rules
        for line in re.findall(r"background[^;]*;", rule)
        for colour in re.findall(r"#[0-9a-fA-F]{6}", line)
    ]
    assert backgrounds, selector
    for colour in backgrounds:
        assert contrast_ratio("#ffffff", colour) >= AA_TEXT, (selector, colour)
