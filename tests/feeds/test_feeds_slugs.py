"""Our slugify spells index paths exactly as ABlog does (feeds/tag/<slug> = blog/tag/<slug>)."""

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


@pytest.mark.parametrize("name", NAMES)
def test_slug_agrees_with_ablog(name):
    assert slugify(name) == ablog_slugify(name)


def test_examples():
    assert slugify("Functional Programming") == "functional-programming"
    assert slugify("São Miguel") == "sao-miguel"
    assert slugify("C<T> & ]]>") == "ct"
