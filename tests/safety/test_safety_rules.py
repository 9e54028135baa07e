"""Table-driven tests of the pure safety rules: paths, raw HTML, substitutions."""

from __future__ import annotations

from pathlib import PurePosixPath

import pytest

from extensions.safety.html import inline_tag, refused_parts, sanitize, url_allowed
from extensions.safety.paths import classify, refusal
from extensions.safety.substitutions import evaluate

ROOT = PurePosixPath("/site")
BUILD = PurePosixPath("/site/_build")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("cover.png", "path"),
        ("/images/cover.png", "path"),
        ("../shared/cover.png", "path"),
        ("https://example.org/x.png", "url"),
        ("http://example.org/x.png", "url"),
        ("C:/images/x.png", "path"),
        ("file:///etc/passwd", "refused"),
        ("//evil.example/x.png", "refused"),
        ("data:image/png;base64,AAAA", "refused"),
        ("javascript:alert(1)", "refused"),
        ("https:///no-host.png", "refused"),
        ("a\x00b.png", "refused"),
        ("   ", "refused"),
    ],
)
def test_references_from_a_post(value, kind):
    assert classify(value).kind == kind


@pytest.mark.parametrize(
    ("target", "allowed"),
    [
        ("/site/posts/2024/cover.png", True),
        ("/site/images/a.png", True),
        ("/etc/passwd", False),
        ("/sitex/a.png", False),
        ("/site/.git/config", False),
        ("/site/posts/.drafts/a.png", False),
        ("/site/_build/doctrees/environment.pickle", False),
        ("/site/_build", False),
    ],
)
def test_files_a_post_may_publish(target, allowed):
    assert (refusal(PurePosixPath(target), ROOT, [BUILD]) == "") == allowed


@pytest.mark.parametrize(
    ("fragment", "kept", "gone"),
    [
        ("<script>alert(1)</script><b>ok</b>", "<b>ok</b>", "script"),
        ('<img src="a.png" onerror="x()">', '<img src="a.png">', "onerror"),
        ('<a href="javascript:x()">l</a>', "<a", "javascript"),
        ('<a href="java\tscript:x()">l</a>', "<a", "script:"),
        ('<a href="&#106;avascript:x()">l</a>', "<a", "avascript"),
        ('<div style="position:fixed;color:red">x</div>', "color:red", "position"),
        ("<style>body{}</style><p>t</p>", "<p>t</p>", "body{}"),
        ('<iframe src="https://www.youtube.com/embed/x"></iframe>', "sandbox=", "onload"),
        ("<details><summary>S</summary>b</details>", "<details><summary>S</summary>", "x"),
    ],
)
def test_raw_html_blocks_are_sanitised(fragment, kept, gone):
    cleaned = sanitize(fragment)
    assert kept in cleaned and gone not in cleaned


def test_what_is_removed_is_named():
    assert refused_parts('<script>x</script><img src=a onerror=b><a href="javascript:c">') == [
        "<script>",
        "onerror= on <img>",
        "the URL 'javascript:c' on <a>",
    ]
    assert refused_parts("<p><b>fine</b> <a href='/x'>x</a></p>") == []


@pytest.mark.parametrize(
    ("tag", "rebuilt"),
    [
        ("<kbd>", "<kbd>"),
        ("</kbd>", "</kbd>"),
        ('<span class="x" onclick="y">', '<span class="x">'),
        ("<script>", ""),
        ("<!-- note -->", ""),
        ('<a href="javascript:x">', "<a>"),
        (
            '<a href="/posts/a.html" title="A &quot;q&quot;">',
            '<a href="/posts/a.html" title="A &quot;q&quot;">',
        ),
    ],
)
def test_inline_tags_are_rebuilt_from_their_allowed_parts(tag, rebuilt):
    assert inline_tag(tag) == rebuilt


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/a", True),
        ("a.html#x", True),
        ("https://x", True),
        ("mailto:a@b", True),
        ("javascript:x", False),
        (" JAVASCRIPT:x", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("java script:x", True),
    ],
)
def test_urls_in_raw_html(url, allowed):
    assert url_allowed(url) == allowed


VARIABLES = {"name": "Ana", "foo-bar": "x", "count": 3}


@pytest.mark.parametrize(
    ("expression", "text"),
    [
        ("name", "Ana"),
        (" foo-bar ", "x"),
        ("name | upper", "ANA"),
        ('name|replace("A", "a")', "ana"),
        ('missing_key|default("d")', None),
        ('"literal"', "literal"),
        ("count", "3"),
    ],
)
def test_plain_substitutions_are_rendered(expression, text):
    outcome = evaluate(expression, VARIABLES)
    if text is None:
        assert outcome.refused
    else:
        assert (outcome.text, outcome.refused) == (text, "")


@pytest.mark.parametrize(
    "expression",
    [
        "self.__init__.__globals__.__builtins__.__import__('os').system('true')",
        "''.__class__.__mro__",
        "env.app.config",
        "name.__class__",
        "name|attr('upper')",
        "lipsum()",
        "cycler.__init__.__globals__.os",
        "count + 1",
        "name[0]",
        "name|center(100000000)",
        "name}}{{name",
        "x" * 1000,
    ],
)
def test_anything_else_is_refused_with_a_reason(expression):
    outcome = evaluate(expression, VARIABLES)
    assert outcome.refused and outcome.text == ""


def test_the_one_touch_of_myst_internals_is_in_place():
    from myst_parser.mdit_to_docutils.base import DocutilsRenderer

    from extensions.safety import sphinx_myst

    sphinx_myst.install()
    assert sphinx_myst.installed()
    # MyST-NB's renderers and MyST's Sphinx renderer inherit the method
    assert DocutilsRenderer.render_substitution is sphinx_myst.safe_render_substitution
