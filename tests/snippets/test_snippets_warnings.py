"""Bad input: each problem is a located warning of type ``snippets``; the build goes on."""

from __future__ import annotations

import pytest
from snippets_helpers import built, soup, warnings_of


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    yield from built(
        "snippets-bad", tmp_path_factory.mktemp("bad") / "src", confoverrides={"nitpicky": True}
    )


def warned(app, doc: str, line: int, subtype: str) -> list[str]:
    return [
        w
        for w in warnings_of(app)
        if f"{doc}:{line}: WARNING" in w and w.endswith(f"[snippets.{subtype}]")
    ]


@pytest.mark.parametrize(
    ("doc", "line", "subtype", "text"),
    [
        ("alpha.md", 9, "unknown", "'nowhere'"),
        ("alpha.md", 9, "unknown", "'also-nowhere'"),
        ("alpha.md", 11, "unknown", "'missing-embed'"),
        ("gamma.rst", 4, "unknown", "'unknown-rst'"),
        ("beta.md", 3, "duplicate", "here and in alpha.md:3, which wins"),
        ("beta.md", 8, "file", "no-such-file.ex"),
        ("beta.md", 12, "lines", "outside"),
        ("beta.md", 17, "file", "escapes"),
        ("beta.md", 21, "lines", "'twice'"),
        ("beta.md", 25, "name", "'bad/name'"),
        ("beta.md", 29, "name", "'bad name!'"),
    ],
)
def test_bad_input_gives_located_typed_warnings(bad, doc, line, subtype, text):
    found = warned(bad, doc, line, subtype)
    assert any(text in w for w in found), warnings_of(bad)


def test_no_other_warnings(bad):
    assert len(warnings_of(bad)) == 11, warnings_of(bad)


def test_unknown_names_render_as_plain_text(bad):
    page = soup(bad, "alpha.html")
    assert "Links to nowhere and some text." in page.get_text()
    assert not page.select('a[href*="nowhere"]')
    assert page.find(class_="snippet-unknown", string="missing-embed")


def test_first_definition_wins(bad):
    gamma = soup(bad, "gamma.html").select_one("p a.reference")
    assert gamma["href"] == "alpha.html#snippet-twice"
    assert gamma.get_text() == "The first one"


def test_embed_with_bad_lines_shows_all_the_code(bad):
    embed = soup(bad, "beta.html").find(class_="snippet-embed")
    assert embed.find("pre").get_text().strip() == "first = 1"


def test_warnings_fail_the_build_only_under_W(bad, tmp_path):
    assert bad.statuscode == 0
    for strict in built("snippets-bad", tmp_path / "src", warningiserror=True):
        assert strict.statuscode == 1
