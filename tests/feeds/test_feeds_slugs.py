"""Our slugify spells index paths as ABlog did (feeds/tag/<slug> = blog/tag/<slug>), but for
`+` and `#`, which ABlog dropped (C, C++ and C# shared a page); ABlog is made to use ours."""

from __future__ import annotations

import pytest
from ablog.blog import slugify as ablog_slugify

from extensions.ablog_shims.listing import slugify

NAMES = [
    "python",
    "Python",
    "Functional Programming",
    "  spaced  out  ",
    "C<T> & ]]>",
    "C++",
    "emoji 🎉",
    'quotes "here"',
    "Code & <More>",
    "São Miguel",
    "Ærø",
    "naïve café",
    "ﬁligree",
    "under_score",
    "dash--dash",
    "a - b",
    "tab\there",
    "日本語",
    "Straße",
    "🎉",
    "",
    "x/y",
    "1.0 release",
    "it's",
    "Ⅻ roman",
    "ＦＵＬＬ width",
]


@pytest.mark.parametrize("name", [name for name in NAMES if not {"+", "#"} & set(name)])
def test_slug_agrees_with_ablogs_own_rule(name):
    assert ablog_slugify is not slugify  # imported before any build replaced it
    assert slugify(name) == ablog_slugify(name)


@pytest.mark.parametrize(
    ("name", "slug"), [("C++", "c-plus-plus"), ("C#", "c-sharp"), ("F#", "f-sharp"), ("C", "c")]
)
def test_plus_and_sharp_are_spelled_out(name, slug):
    assert slugify(name) == slug


def test_examples():
    assert slugify("Functional Programming") == "functional-programming"
    assert slugify("São Miguel") == "sao-miguel"
    assert slugify("C<T> & ]]>") == "ct"
