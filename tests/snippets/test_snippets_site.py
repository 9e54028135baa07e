"""The real site: the two sample posts define, link and embed snippets across posts, and
the site builds strict (-W -n) with the snippets index and inventory entries."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.util.inventory import InventoryFile

SAMPLE = Path(__file__).resolve().parents[1] / "roots" / "test-sample-blog"
INTRO = "posts/2025/a-counter-genserver-one-callback-at-a-time"
FOLLOW_UP = "posts/2025/resetting-the-counter-without-restarting-it"

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def site(sample_site) -> Path:
    return sample_site  # built once per session, strict (tests/conftest.py)


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{name}.html").read_text("utf-8"), "html.parser")


def test_intro_defines_snippets_used_by_the_follow_up(site):
    page = soup(site, INTRO)
    for name in ("counter-skeleton", "counter-client", "counter-callbacks"):
        definition = page.find(id=f"snippet-{name}")
        assert definition.select_one("div.highlight-elixir pre"), name
        users = definition.select(".snippet-used-in a")
        assert [a["href"] for a in users] == [f"{FOLLOW_UP.rsplit('/', 1)[1]}.html"], name


def test_file_snippet_comes_from_the_repository_snippets_folder(site):
    client = soup(site, INTRO).find(id="snippet-counter-client").find("pre").get_text()
    source = (SAMPLE / "snippets" / "counter.ex").read_text("utf-8")
    assert (
        client.splitlines()[0] == "@spec start_link(integer(), GenServer.options()) :: "
        "GenServer.on_start()"
    )
    assert "def value(counter) do" in client and "# Client API" not in client
    assert "def value(counter) do" in source


def test_follow_up_links_and_embeds_the_intro(site):
    page = soup(site, FOLLOW_UP)
    intro = INTRO.rsplit("/", 1)[1] + ".html"
    hrefs = {a["href"] for a in page.select("a.reference")}
    assert {f"{intro}#snippet-counter-skeleton", f"{intro}#snippet-counter-client"} <= hrefs
    embed = page.find(class_="snippet-embed")
    assert "handle_cast({:increment, by}" in embed.find("pre").get_text()
    assert embed.find(class_="snippet-source").find("a")["href"] == (
        f"{intro}#snippet-counter-callbacks"
    )


def test_index_page_and_inventory(site):
    index = soup(site, "snippets")
    names = [code.get_text() for code in index.select("li.snippet-entry code")]
    assert {"counter-skeleton", "counter-client", "counter-callbacks", "counter-reset"} <= set(
        names
    )
    with open(site / "objects.inv", "rb") as f:
        inventory = InventoryFile.load(f, "", lambda base, uri: uri)
    assert inventory["snippets:snippet"]["counter-reset"].uri == (
        f"{FOLLOW_UP}.html#snippet-counter-reset"
    )
