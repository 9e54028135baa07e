"""The feed model: entries, dates with timezones, authors, limits, index feeds."""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from feeds_samples import CONFIG, POSTS, rendered

from extensions.feeds.build import EPOCH, build_feeds, entry_id, make_entry
from extensions.feeds.discovery import index_links, index_of_page, link_tags, main_links
from extensions.feeds.settings import read_settings
from extensions.frontmatter.model import Post


def feeds_by_path(config=CONFIG, posts=POSTS):
    feeds, problems = build_feeds(posts, rendered(posts), config)
    return {feed.path: feed for feed in feeds}, problems


def test_main_feed_newest_first_undated_left_out():
    feeds, problems = feeds_by_path()
    assert problems == []
    main = feeds["feeds"]
    assert [e.docname for e in main.entries] == ["posts/together", "posts/hostile", "posts/older"]


def test_dates_carry_a_timezone_and_updated_is_the_newest_entry():
    feeds, _ = feeds_by_path()
    together, hostile, older = feeds["feeds"].entries
    assert hostile.published.isoformat() == "2024-03-01T09:15:00+00:00"  # Lisbon, winter
    assert together.published.isoformat() == "2024-04-02T18:00:00-05:00"  # the author's tz
    assert together.updated.isoformat() == "2024-05-01T10:00:00+01:00"  # Lisbon, summer
    assert older.updated == older.published
    assert feeds["feeds"].updated == together.updated
    assert feeds["feeds/tag/elixir"].updated == older.updated


def test_every_author_is_kept_with_full_names():
    feeds, _ = feeds_by_path()
    together = feeds["feeds"].entries[0]
    assert [(a.name, a.url) for a in together.authors] == [
        ("Ana Lima", "https://ana.example/"),
        ("Sam Okafor", ""),
        ("Guest Writer", ""),
    ]
    assert {"feeds/author/ana", "feeds/author/sam", "feeds/author/guest-writer"} <= set(feeds)
    assert feeds["feeds/author/sam"].authors[0].name == "Sam Okafor"
    assert "Sam Okafor" in feeds["feeds/author/sam"].title


def test_index_feeds_group_by_slug():
    feeds, _ = feeds_by_path()
    python = feeds["feeds/tag/python"]
    # "python" and "Python" share a slug: one feed, each post once
    assert [e.docname for e in python.entries] == ["posts/together", "posts/hostile"]
    assert python.home_url == "https://example.org/blog/blog/tag/python.html"
    assert "feeds/tag/ct-q" in feeds and "feeds/category/code-more" in feeds
    assert feeds["feeds/category/travel"].kind == "category"


def test_limits():
    feeds, _ = feeds_by_path(replace(CONFIG, limit=1, index_limit=None))
    assert len(feeds["feeds"].entries) == 1
    assert len(feeds["feeds/tag/python"].entries) == 2
    feeds, _ = feeds_by_path(replace(CONFIG, limit=None, index_limit=1))
    assert len(feeds["feeds"].entries) == 3
    assert len(feeds["feeds/tag/python"].entries) == 1


def test_indexes_can_be_switched_off():
    feeds, _ = feeds_by_path(replace(CONFIG, indexes=("tag",)))
    assert not any(path.startswith(("feeds/author", "feeds/category")) for path in feeds)


def test_summary_from_description_or_first_paragraph_and_summary_mode():
    feeds, _ = feeds_by_path()
    together, hostile, _ = feeds["feeds"].entries
    assert hostile.summary == "Summary & <angle> ]]> 🎉"
    assert together.summary == "First paragraph of Written together."
    assert together.content_html.startswith("<p>First")
    feeds, _ = feeds_by_path(replace(CONFIG, content="summary"))
    assert all(entry.content_html == "" for entry in feeds["feeds"].entries)


def test_ids_are_stable_tag_uris():
    entry = make_entry(POSTS[0], rendered()[POSTS[0].docname], CONFIG)
    assert entry.id == "tag:example.org,2024-03-01:posts/hostile"
    moved = replace(CONFIG, base_url="https://example.org/other/path/")
    assert make_entry(POSTS[0], rendered()[POSTS[0].docname], moved).id == entry.id
    assert (
        entry_id(POSTS[0], entry.published, "me.example")
        == "tag:me.example,2024-03-01:posts/hostile"
    )


def test_missing_page_is_a_problem_not_a_crash():
    feeds, problems = build_feeds(POSTS, {}, CONFIG)
    assert {p.docname for p in problems} == {"posts/hostile", "posts/together", "posts/older"}
    assert feeds[0].entries == () and feeds[0].updated == EPOCH


def test_same_input_same_model_and_it_pickles():
    first, _ = build_feeds(POSTS, rendered(), CONFIG)
    second, _ = build_feeds(list(reversed(POSTS)), rendered(), CONFIG)
    assert first == second
    assert pickle.loads(pickle.dumps(first)) == first


def test_discovery_links():
    links = main_links(CONFIG)
    assert [link.href for link in links] == [
        "https://example.org/blog/feeds/atom.xml",
        "https://example.org/blog/feeds/rss.xml",
        "https://example.org/blog/feeds/feed.json",
    ]
    assert index_of_page("blog/tag/python", CONFIG) == ("tag", "python")
    assert index_of_page("blog/tag", CONFIG) is None
    assert index_of_page("posts/python", CONFIG) is None
    own = index_links("blog/tag/python", POSTS, CONFIG)
    assert own[0].href == "https://example.org/blog/feeds/tag/python/atom.xml"
    assert index_links("blog/tag/nothing", POSTS, CONFIG) == []
    tags = link_tags(links)
    assert tags.count('rel="alternate"') == 3
    assert 'title="Ana&#x27;s &lt;blog&gt; &amp; ]]&gt; (Atom)"' in tags


def test_settings_validation():
    config, problems = read_settings(
        {
            "html_baseurl": "https://example.org/blog",
            "feeds_formats": ["atom", "yaml"],
            "feeds_limit": -1,
            "feeds_content": "everything",
            "blog_title": "T",
            "blog_authors": {"ana": ("Ana Lima", "https://a/")},
            "blog_default_author": "ana",
            "language": "pt_BR",
            "blog_timezone": "Nowhere/Never",
        }
    )
    assert config.base_url == "https://example.org/blog/"
    assert config.formats == ("atom",) and config.limit == 20 and config.content == "full"
    assert config.author == "Ana Lima" and config.language == "pt-BR"
    assert config.timezone == "UTC"
    assert len(problems) == 3 and all(p.code == "config" for p in problems)
    config, problems = read_settings({"html_baseurl": "example.org"})
    assert config.base_url == "" and problems


def test_naive_date_in_summer_gets_summer_offset():
    post = replace(POSTS[2], date=datetime(2024, 7, 1, 12, 0))
    entry = make_entry(post, rendered()["posts/older"], CONFIG)
    assert entry.published.utcoffset().total_seconds() == 3600


def test_year_feeds_file_posts_by_their_year_in_the_blog_timezone():
    new_year = Post("posts/new-year", "New Year", datetime(2023, 12, 31, 23, 30, tzinfo=UTC))
    late = Post(
        "posts/late", "Late", datetime(2023, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    )
    feeds, _ = feeds_by_path(posts=[*POSTS, new_year, late])
    # 23:30 UTC on 31 December is still 2023 in Lisbon; 23:30 at -05:00 is already 2024 there
    assert [e.docname for e in feeds["feeds/year/2023"].entries] == ["posts/new-year"]
    assert "posts/late" in [e.docname for e in feeds["feeds/year/2024"].entries]
    assert feeds["feeds/year/2024"].home_url == "https://example.org/blog/blog/2024.html"
    assert feeds["feeds/year/2024"].title.endswith("Posts from 2024")


def test_a_year_page_links_its_own_feeds():
    links = index_links("blog/2024", POSTS, CONFIG)
    assert {link.href for link in links} >= {"https://example.org/blog/feeds/year/2024/atom.xml"}
    assert index_of_page("blog/archive", CONFIG) is None
