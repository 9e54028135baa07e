"""The real site, built exactly as `make html` builds it (-W --keep-going -n), checked as a
reader would see it in the HTML."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

DRAFT = "notes-for-a-talk-i-have-not-given"
FUTURE = "letters-from-the-future"

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def site(sample_site) -> Path:
    return sample_site


def soup(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_home_greets_the_reader(site):
    home = soup(site, "index")
    assert home.select_one(".blog-greeting .blog-owner").get_text(strip=True) == "Ana Lima"
    assert "Elixir" in home.select_one(".blog-greeting .blog-tagline").get_text()


def test_home_lists_every_published_post_newest_first_with_date_category_summary(site):
    from site_checks import list_pages

    pages = list_pages(site)
    assert len(pages) == 2  # 12 posts, 10 to a page
    cards = [
        card
        for page in pages
        for card in BeautifulSoup(page.read_text("utf-8"), "html.parser").select(
            "article.post-card"
        )
    ]
    assert len(cards) == 12
    dates = [card.select_one("time.post-card-date").get_text(strip=True) for card in cards]
    assert all(re.fullmatch(r"\d{4}/\d{2}/\d{2}", d) for d in dates), dates
    assert dates == sorted(dates, reverse=True)
    for card in cards:
        title = card.select_one(".post-card-title a")
        more = card.select_one(".post-card-more a")
        assert card.select_one(".post-card-category").get_text(strip=True) in {"Code", "Travel"}
        assert card.select_one(".post-card-summary").get_text(strip=True)
        assert more.get_text(strip=True) == "Continue..." and more["href"] == title["href"]
    first = cards[0]
    titles = [c.select_one(".post-card-title a").get_text(strip=True) for c in cards]
    assert "Night train to Vienna" in titles and "Pattern matching in function heads" in titles
    # a description is the summary; without one, the first paragraph is
    vienna = cards[titles.index("Night train to Vienna")]
    assert (
        vienna.select_one(".post-card-summary")
        .get_text(" ", strip=True)
        .startswith("Fourteen hours")
    )
    lisbon = cards[titles.index("Lisbon by tram and on foot")]
    assert lisbon.select_one(".post-card-summary").get_text(" ", strip=True).startswith("Tram 28")
    assert first.select_one(".post-card-title a")


def test_summaries_are_valid_html_not_a_paragraph_in_a_paragraph(site):
    for name in ("index", "blog", "blog/tag/elixir"):
        raw = (site / f"{name}.html").read_text(encoding="utf-8")
        assert 'class="post-card-summary"><p>' in raw
        assert "ablog-post-excerpt" not in raw


def test_a_post_page_shows_title_date_category_authors_and_tags(site):
    page = soup(site, "posts/2025/testing-genservers-without-sleeping")
    assert (
        page.select_one("h1").get_text(strip=True).rstrip("#")
        == "Testing GenServers without sleeping"
    )
    meta = page.select_one(".post-meta")
    assert (
        meta.select_one(".post-date").get_text(" ", strip=True) == "2025/06/18 - Code · 1 min read"
    )
    assert [a.get_text() for a in meta.select(".post-authors a")] == ["Sam Okafor", "Ana Lima"]
    tags = {a.get_text(): a["href"] for a in meta.select(".post-tags a")}
    assert set(tags) == {"elixir", "testing", "otp"}
    page_dir = site / "posts/2025"
    assert (page_dir / tags["otp"]).resolve() == (site / "blog/tag/otp.html").resolve()
    nav = page.select_one("nav.post-nav")
    assert nav.select_one("a[rel=prev]") and nav.select_one("a[rel=next]")


def test_a_tag_page_lists_exactly_its_posts(site):
    page = soup(site, "blog/tag/slow-travel")
    assert [a.get_text(strip=True) for a in page.select(".post-card-title a")] == [
        "Night train to Vienna"
    ]
    hiking = soup(site, "blog/tag/hiking")
    assert [a.get_text(strip=True) for a in hiking.select(".post-card-title a")] == [
        "A week in the Azores"
    ]


def test_index_pages_exist_for_tags_categories_authors_and_years(site):
    for name in (
        "blog",
        "blog/archive",
        "blog/tag",
        "blog/category",
        "blog/author",
        "blog/category/code",
        "blog/category/travel",
        "blog/author/ana-lima",
        "blog/author/sam-okafor",
        "blog/2024",
        "blog/2025",
        "blog/2026",
        "blog/tag/elixir",
        "blog/tag/python",
    ):
        assert (site / f"{name}.html").is_file(), name
    tags = {p.stem for p in (site / "blog/tag").glob("*.html")}
    assert len(tags) >= 10


def test_the_draft_and_the_future_post_are_nowhere(site):
    for path in site.rglob("*"):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            for marker in (
                DRAFT,
                FUTURE,
                "Notes for a talk",
                "Letters from the future",
                "time-travel",
            ):
                assert marker not in text, f"{marker} in {path.relative_to(site)}"
    assert not (site / "blog/drafts.html").exists()
    assert not (site / "blog/2099.html").exists()


def test_years_hold_their_posts(site):
    year = soup(site, "blog/2024")
    dates = [t.get_text() for t in year.select("time.post-card-date")]
    assert dates and all(d.startswith("2024/") for d in dates)
    assert datetime.now().year >= 2026


def test_social_descriptions_are_the_summary_never_the_post_header(site):
    for name, start in (
        ("posts/2025/testing-genservers-without-sleeping", "Every flaky test suite"),
        ("posts/2025/night-train-to-vienna", "Fourteen hours, one couchette"),
    ):
        page = soup(site, name)
        for selector in (
            'meta[property="og:description"]',
            'meta[name="description"]',
            'meta[name="twitter:description"]',
        ):
            found = page.select(selector)
            assert len(found) == 1, (name, selector)
            assert found[0]["content"].startswith(start), (name, selector, found[0]["content"])


def test_every_internal_link_and_picture_resolves(site):
    from tests.site_checks import broken_links

    assert broken_links(site) == []
