"""Pure: the table of contents, the copyright line, descriptions, previews, settings."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from extensions.theme.model import DARK_STYLE, Heading, ThemeConfig
from extensions.theme.page import (
    copyright_line,
    description,
    description_tag,
    focusable_code,
    has_description,
    is_site_file,
)
from extensions.theme.previews import fragment, previews
from extensions.theme.settings import theme_config
from extensions.theme.toc import toc_html, wants_toc

HEADINGS = (
    Heading("one", "One"),
    Heading("two", "Two <b>&</b>", (Heading("two-a", "Two A"),)),
    Heading('x"y', "Three"),
)


def test_a_toc_from_the_minimum_number_of_sections():
    assert wants_toc(HEADINGS, 3) and not wants_toc(HEADINGS[:2], 3)
    assert not wants_toc(HEADINGS, 0) and wants_toc(HEADINGS[:1], 1)


def test_the_toc_is_a_navigation_list_with_every_title_escaped():
    html = toc_html(HEADINGS)
    assert html.startswith('<nav class="post-toc post-nav" aria-label="Contents">')
    assert '<a href="#two">Two &lt;b&gt;&amp;&lt;/b&gt;</a><ol><li><a href="#two-a">' in html
    assert 'href="#x&quot;y"' in html and "<b>" not in html
    assert html.count("<li>") == 4


@pytest.mark.parametrize(
    ("copyright", "years", "line"),
    [
        ("Ana Lima", [2025, 2023, 2024], "2023\u20132025 Ana Lima"),
        ("Ana Lima", [2024], "2024 Ana Lima"),
        ("Ana Lima", [], "Ana Lima"),
        ("2019, Ana Lima", [2024, 2025], "2019, Ana Lima"),  # conf.py's own years win
        ("Ana Lima.", [2024, 2024], "2024 Ana Lima"),
    ],
)
def test_the_copyright_line_spans_the_posts_years(copyright, years, line):
    assert copyright_line(copyright, years) == line


def test_a_page_without_a_description_gets_its_title_and_the_tagline():
    assert (
        description("Posts tagged elixir", "Notes.", "Ana") == "Posts tagged elixir \u2014 Notes."
    )
    assert description("Archive", "", "Ana") == "Archive \u2014 Ana"
    assert description("", "Notes.", "Ana") == "Notes."
    assert description("", "", "") == ""
    tag = description_tag('A "quoted" <tag> & more')
    assert (
        tag == '<meta name="description" content="A &quot;quoted&quot; &lt;tag&gt; &amp; more" />\n'
    )
    assert description_tag("") == ""


def test_an_existing_description_is_found():
    assert has_description('<meta name="description" content="x" />')
    assert has_description("<meta  content='x' name='description'>")
    assert not has_description('<meta property="og:description" content="x" />')


@pytest.mark.parametrize(
    ("uri", "own"),
    [
        ("posts/2025/pic.png", True),
        ("pictures/dot.png", True),
        ("https://example.org/x.png", False),
        ("//cdn.example.org/x.png", False),
        ("data:image/png;base64,AAAA", False),
        ("/abs/x.png", False),
        ("", False),
    ],
)
def test_only_the_sites_own_images_are_measured(uri, own):
    assert is_site_file(uri) is own


def test_code_blocks_become_focusable():
    body = '<div class="highlight"><pre><span></span>x</pre></div><pre>plain</pre>'
    assert focusable_code(body) == (
        '<div class="highlight"><pre tabindex="0"><span></span>x</pre></div><pre>plain</pre>'
    )


@dataclass(frozen=True)
class Snip:
    name: str
    code: str
    language: str
    caption: str


def test_previews_one_per_linked_snippet_in_link_order():
    catalogue = {
        "snippet-a": Snip("a", "print(1)", "python", "First <em>"),
        "snippet-b": Snip("b", "IO.puts 2", "elixir", ""),
    }
    seen = []

    def highlight(code: str, language: str) -> str:
        seen.append(language)
        return f"<pre>{code}</pre>"

    found = previews(["snippet-b", "snippet-a", "snippet-b", "nope"], catalogue, highlight)
    assert [(p.anchor, p.caption, p.language) for p in found] == [
        ("snippet-b", "b", "elixir"),  # no caption: the name
        ("snippet-a", "First <em>", "python"),  # escaped by the template
    ]
    assert found[0].html == "<pre>IO.puts 2</pre>" and seen == ["elixir", "python"]
    assert fragment("post.html#snippet-a") == "snippet-a" and fragment("post.html") == ""


def test_settings_are_validated_with_the_defaults_kept():
    assert theme_config({}) == (ThemeConfig(), [])
    config, problems = theme_config(
        {
            "blog_toc_min_sections": "three",
            "blog_copy_buttons": "yes",
            "blog_favicon": "_static/me.png",
            "blog_pygments_dark_style": "",
        }
    )
    assert config.toc_min_sections == 3 and config.copy_buttons is True
    assert config.favicon == "_static/me.png" and config.dark_code_style == DARK_STYLE
    assert [name for name, _ in problems] == ["blog_toc_min_sections", "blog_copy_buttons"]
    assert "blog_toc_min_sections = 'three' should be a whole number" in problems[0][1]
    assert theme_config({"blog_toc_min_sections": -1})[1]
    assert theme_config({"blog_toc_min_sections": True})[1]
