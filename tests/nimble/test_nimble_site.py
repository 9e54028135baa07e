"""The real site: its NimblePublisher sample posts build (strict, zero warnings) and appear in
listings, indexes and feeds like the MyST posts, while the files stay as they are."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SAMPLE = Path(__file__).resolve().parents[1] / "roots" / "test-sample-blog"
SAMPLES = {
    "posts/2023/05-12-parsing-without-evaluating": "Parsing a config without evaluating it",
    "posts/2023/09-03-a-ferry-to-flores": "A ferry to Flores, and a GenServer on the way",
}

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def site(sample_site) -> Path:
    """The sample blog (tests/roots/test-sample-blog), built once per session, strict."""
    return sample_site


def test_samples_are_nimblepublisher_files():
    for name in SAMPLES:
        text = (SAMPLE / f"{name}.md").read_text("utf-8")
        assert text.startswith("%{\n") and "\n---\n" in text
        assert "\n# " not in text.split("\n---\n", 1)[1]


def test_samples_render_with_their_title_and_metadata(site):
    for name, title in SAMPLES.items():
        page = BeautifulSoup((site / f"{name}.html").read_text("utf-8"), "html.parser")
        assert page.select_one("h1").get_text().startswith(title)
        text = page.get_text()
        assert "%{" not in text.split("```")[0][:200]
        assert page.select_one("div.highlight-elixir") is not None


def test_samples_are_listed_indexed_and_in_the_feeds(site):
    from site_checks import list_pages

    home = "".join(page.read_text("utf-8") for page in list_pages(site))
    atom = (site / "feeds" / "atom.xml").read_text("utf-8")
    for title in SAMPLES.values():
        assert title.split(",")[0] in home
        assert title.split(",")[0] in atom
    assert SAMPLES["posts/2023/09-03-a-ferry-to-flores"].split(",")[0] in (
        site / "blog" / "category" / "travel.html"
    ).read_text("utf-8")
    assert "Parsing a config" in (site / "blog" / "tag" / "parsing.html").read_text("utf-8")
    assert "Parsing a config" in (site / "feeds" / "category" / "code" / "atom.xml").read_text(
        "utf-8"
    )
