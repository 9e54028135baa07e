"""Builds of small sites: define, link, embed, the index page, objects.inv, warnings."""

from __future__ import annotations

import pytest
from snippets_helpers import built, soup, warnings_of
from sphinx.util.inventory import InventoryFile


@pytest.fixture(scope="module")
def basic(tmp_path_factory):
    yield from built(
        "snippets-basic", tmp_path_factory.mktemp("basic") / "src", confoverrides={"nitpicky": True}
    )


def test_basic_build_has_no_warnings(basic):
    assert warnings_of(basic) == []


def test_definition_renders_highlighted_code_with_anchor_caption_and_permalink(basic):
    page = soup(basic, "first.html")
    counter = page.find(id="snippet-counter")
    assert "snippet" in counter["class"]
    assert counter.find(class_="caption-text").get_text() == "A counter process"
    assert counter.select_one("div.highlight-elixir div.highlight pre")  # gets a copy button
    assert "defmodule" in counter.find("pre").get_text()
    permalink = counter.find("a", class_="snippet-permalink")
    assert permalink["href"] == "#snippet-counter"


def test_definition_shows_used_in_links(basic):
    used = soup(basic, "first.html").find(id="snippet-counter").find(class_="snippet-used-in")
    assert [(a.get_text(), a["href"]) for a in used.find_all("a")] == [
        ("Second post", "second.html"),
        ("Third post", "third.html"),
    ]
    assert used.get_text().startswith(" · Used in: ")


def test_unused_snippet_has_no_used_in_line(basic):
    lonely = soup(basic, "first.html").find(id="snippet-lonely")
    assert lonely.find(class_="snippet-used-in") is None
    assert lonely.select_one("div.highlight-text")  # the default language


def test_file_snippet_takes_the_marked_lines(basic):
    bump = soup(basic, "first.html").find(id="snippet-bump")
    code = bump.find("pre").get_text()
    assert "def bump(pid)" in code and "def read(pid)" in code
    assert "bump:start" not in code and "defmodule" not in code
    assert bump.find(class_="hll")  # emphasize-lines
    assert bump.find(class_="linenos")  # linenos


def test_links_point_at_the_definition(basic):
    links = soup(basic, "second.html").select("a.reference")
    by_text = {a.get_text(): a["href"] for a in links}
    assert by_text["A counter process"] == "first.html#snippet-counter"  # caption as text
    assert by_text["the bump helper"] == "first.html#snippet-bump"  # explicit text
    rst = soup(basic, "third.html").select_one("p a.reference")
    assert (rst.get_text(), rst["href"]) == ("A counter process", "first.html#snippet-counter")


def test_rest_definition_and_domain_qualified_role(basic):
    greet = soup(basic, "third.html").find(id="snippet-greet")
    assert greet.find(class_="caption-text").get_text() == "Greeting in reST"
    assert greet.select_one("div.highlight-python pre").get_text() == 'print("hello")\n'
    assert [a.get_text() for a in greet.select(".snippet-used-in a")] == ["Second post"]
    link = soup(basic, "second.html").find("a", href="third.html#snippet-greet")
    assert link.get_text() == "Greeting in reST"


def test_embed_shows_the_code_its_caption_and_where_it_comes_from(basic):
    embed = soup(basic, "second.html").find(class_="snippet-embed")
    assert embed.find(class_="caption-text").get_text() == "A counter process"
    assert embed.select_one("div.highlight-elixir pre").get_text().splitlines() == [
        "defmodule Counter do",
        "  use GenServer",
    ]  # :lines: 1-2
    source = embed.find(class_="snippet-source")
    assert source.get_text() == "from First post"
    assert source.find("a")["href"] == "first.html#snippet-counter"


def test_index_page_groups_by_language(basic):
    page = soup(basic, "snippets.html")
    assert page.title.get_text().startswith("Snippets")
    sections = page.select("section.snippet-language")
    assert [s.find("h2").get_text() for s in sections] == ["elixir", "python", "text"]
    entries = sections[0].select("li.snippet-entry")
    assert [e.find("code").get_text() for e in entries] == ["bump", "counter"]
    counter = entries[1]
    assert counter.find("a")["href"] == "first.html#snippet-counter"
    assert "A counter process" in counter.get_text()
    assert [a.get_text() for a in counter.select(".snippet-used-in a")] == [
        "Second post",
        "Third post",
    ]


def test_objects_inv_lists_snippets(basic):
    with open(basic.outdir / "objects.inv", "rb") as f:
        inventory = InventoryFile.load(f, "https://blog.example/", lambda a, b: b)
    entries = inventory["snippets:snippet"]
    assert sorted(entries) == ["bump", "counter", "greet", "lonely"]
    assert entries["counter"].uri == "https://blog.example/first.html#snippet-counter"


def test_search_index_lists_snippets(basic):
    index = (basic.outdir / "searchindex.js").read_text(encoding="utf-8")
    assert '["snippets","snippet","Snippets snippet"]' in index
    assert '"counter"' in index


def test_stylesheet_is_shipped_and_linked(basic):
    assert (basic.outdir / "_static" / "snippets.css").is_file()
    link = soup(basic, "first.html").find("link", href=lambda h: h and "snippets.css" in h)
    # copied before pages are written, so every page (clean or incremental build) links it
    # with Sphinx's checksum
    assert link["href"].startswith("_static/snippets.css?v=")


def test_extension_is_parallel_safe(basic):
    assert basic.is_parallel_allowed("read") and basic.is_parallel_allowed("write")
