"""Atom, RSS and JSON Feed: valid for hostile text, and the validators catch broken feeds."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from html import escape, unescape

import feedparser
import pytest
from feeds_samples import CONFIG, HOSTILE, HOSTILE_TAG, POSTS, rendered

from extensions.feeds.build import build_feeds
from extensions.feeds.schemas import load_schemas
from extensions.feeds.serialise import serialise
from extensions.feeds.validate import is_rfc822, validate
from extensions.feeds.xmltext import rfc822, rfc3339

FORMATS = ("atom", "rss", "json")
SCHEMAS = load_schemas()
FEEDS, _ = build_feeds(POSTS, rendered(), CONFIG)
MAIN = FEEDS[0]
CLEAN_TITLE = HOSTILE.replace("\x0b", "")


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("feed", FEEDS, ids=lambda feed: feed.path)
def test_every_feed_is_valid(feed, fmt):
    assert validate(fmt, serialise(feed, fmt), feed, SCHEMAS) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_serialising_twice_gives_the_same_bytes(fmt):
    again, _ = build_feeds(POSTS, rendered(), CONFIG)
    assert serialise(MAIN, fmt) == serialise(again[0], fmt)


@pytest.mark.parametrize("fmt", ("atom", "rss"))
def test_hostile_text_survives_feedparser(fmt):
    parsed = feedparser.parse(serialise(MAIN, fmt))
    assert not parsed.bozo
    assert parsed.feed.title == CONFIG.title
    hostile = parsed.entries[1]
    assert hostile.title == CLEAN_TITLE
    terms = [tag.term for tag in hostile.tags]
    assert HOSTILE_TAG in terms and "Code & <More>" in terms
    content = hostile.content[0].value
    assert "]]&gt;" in content and "🎉" in content and "1 &lt; 2" in content


def test_hostile_text_in_json_feed():
    data = json.loads(serialise(MAIN, "json"))
    hostile = data["items"][1]
    assert hostile["title"] == HOSTILE  # JSON can carry every character
    assert HOSTILE_TAG in hostile["tags"]
    assert "<code>]]&gt;</code>" in hostile["content_html"]
    assert data["title"] == CONFIG.title


@pytest.mark.parametrize("fmt", FORMATS)
def test_multi_author_post_keeps_every_author(fmt):
    data = serialise(MAIN, fmt)
    if fmt == "json":
        names = [a["name"] for a in json.loads(data)["items"][0]["authors"]]
    else:
        entry = feedparser.parse(data).entries[0]
        names = [author.get("name") for author in entry.authors]
    assert names == ["Ana Lima", "Sam Okafor", "Guest Writer"]


def test_atom_dates_and_ids():
    parsed = feedparser.parse(serialise(MAIN, "atom"))
    assert parsed.feed.updated == "2024-05-01T10:00:00+01:00"
    entry = parsed.entries[0]
    assert entry.id == "tag:example.org,2024-04-02:posts/together"
    assert entry.link == "https://example.org/blog/posts/together.html"
    assert entry.published == "2024-04-02T18:00:00-05:00"


def test_rss_dates_are_rfc822():
    text = serialise(MAIN, "rss").decode()
    assert "<pubDate>Tue, 02 Apr 2024 18:00:00 -0500</pubDate>" in text
    assert "<lastBuildDate>Wed, 01 May 2024 10:00:00 +0100</lastBuildDate>" in text


def test_summary_mode_is_valid_everywhere():
    feeds, _ = build_feeds(POSTS, rendered(), replace(CONFIG, content="summary"))
    for fmt in FORMATS:
        assert validate(fmt, serialise(feeds[0], fmt), feeds[0], SCHEMAS) == []
    assert "content_text" in json.loads(serialise(feeds[0], "json"))["items"][0]


def test_empty_feed_is_valid():
    feeds, _ = build_feeds([], {}, CONFIG)
    for fmt in FORMATS:
        assert validate(fmt, serialise(feeds[0], fmt), feeds[0], SCHEMAS) == []


def test_date_formats():
    moment = datetime.fromisoformat("2024-02-29T23:59:59.123456+05:30")
    assert rfc3339(moment) == "2024-02-29T23:59:59+05:30"
    assert rfc822(moment) == "Thu, 29 Feb 2024 23:59:59 +0530"
    with pytest.raises(ValueError):
        rfc3339(datetime(2024, 1, 1))
    assert is_rfc822("Thu, 29 Feb 2024 23:59:59 +0530")
    assert is_rfc822("29 Feb 2024 23:59 GMT")
    assert not is_rfc822("Fri, 29 Feb 2024 23:59:59 +0530")  # wrong weekday
    assert not is_rfc822("2024-02-29T23:59:59+05:30")
    assert not is_rfc822("Thu, 29 Feb 2024 23:59:59")


# --- the validators reject what they must (each names the feed and, if it can, the entry) ---


def _atom() -> str:
    return serialise(MAIN, "atom").decode()


def test_atom_schema_catches_a_bad_date_and_names_the_entry():
    broken = _atom().replace("<published>2024-03-01T09:15:00+00:00", "<published>1 March 2024", 1)
    problems = validate("atom", broken.encode(), MAIN, SCHEMAS)
    assert problems and problems[0].feed == "feeds/atom.xml"
    assert any(p.docname == "posts/hostile" for p in problems)
    assert "posts/hostile" in problems[0].describe() or any(
        "posts/hostile" in p.describe() for p in problems
    )


def test_atom_schema_catches_a_missing_id_and_unknown_atom_elements():
    broken = _atom().replace("<id>https://example.org/blog/</id>", "", 1)
    assert validate("atom", broken.encode(), MAIN, SCHEMAS)
    broken = _atom().replace("<summary", "<bogus>x</bogus><summary", 1)
    assert any(p.code == "atom" for p in validate("atom", broken.encode(), MAIN, SCHEMAS))


def test_atom_author_rule():
    no_feed_author = replace(MAIN, authors=())
    data = serialise(no_feed_author, "atom")
    problems = validate("atom", data, no_feed_author, SCHEMAS)
    assert {p.docname for p in problems} == {"posts/older"}


def test_not_well_formed_is_reported_by_both_checks():
    problems = validate("atom", b"<feed", MAIN, SCHEMAS)
    assert {p.code for p in problems} == {"atom", "feedparser"}


def test_rss_checks():
    text = serialise(MAIN, "rss").decode()
    broken = text.replace(
        "<pubDate>Tue, 02 Apr 2024 18:00:00 -0500</pubDate>", "<pubDate>2024-04-02</pubDate>"
    )
    problems = validate("rss", broken.encode(), MAIN, SCHEMAS)
    assert [(p.code, p.docname) for p in problems] == [("rss", "posts/together")]
    broken = text.replace("<description>Notes &amp; &lt;things&gt;</description>", "", 1)
    assert any("description" in p.message for p in validate("rss", broken.encode(), MAIN, SCHEMAS))
    broken = text.replace('version="2.0"', 'version="0.91"')
    assert validate("rss", broken.encode(), MAIN, SCHEMAS)


def test_json_checks():
    data = json.loads(serialise(MAIN, "json"))
    del data["items"][2]["content_html"]
    data["items"][0]["date_published"] = "2024-04-02"
    data["items"][1]["id"] = data["items"][0]["id"]
    problems = validate("json", json.dumps(data).encode(), MAIN, SCHEMAS)
    assert {p.docname for p in problems} == {"posts/together", "posts/older", "posts/hostile"}
    data = json.loads(serialise(MAIN, "json"))
    data["version"] = "https://jsonfeed.org/version/1"
    data["itemz"] = []
    assert len(validate("json", json.dumps(data).encode(), MAIN, SCHEMAS)) == 2
    assert validate("json", b"{not json", MAIN, SCHEMAS)[0].code == "json"


HOSTILE_BITS = {
    "lt": "a < b",
    "amp": "fish & chips",
    "quotes": "\"double\" and 'single'",
    "emoji": "party 🎉 time",
    "cdata-end": "x ]]> y",
    "entity-like": "&amp; &#38;",
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("where", ("title", "tag", "content"))
@pytest.mark.parametrize("bit", list(HOSTILE_BITS), ids=str)
def test_each_hostile_string_in_each_place_stays_valid(bit, where, fmt):
    text = HOSTILE_BITS[bit]
    post = replace(
        POSTS[2],
        title=text if where == "title" else "Plain",
        tags=(text,) if where == "tag" else ("plain",),
    )
    pages = rendered([post])
    if where == "content":
        pages = {post.docname: replace(pages[post.docname], content_html=f"<p>{escape(text)}</p>")}
    feeds, _ = build_feeds([post], pages, CONFIG)
    data = serialise(feeds[0], fmt)
    assert validate(fmt, data, feeds[0], SCHEMAS) == []
    if fmt == "json":
        item = json.loads(data)["items"][0]
        got = {"title": item["title"], "tag": item["tags"][0], "content": item["content_html"]}
    else:
        entry = feedparser.parse(data).entries[0]
        got = {"title": entry.title, "tag": entry.tags[0].term, "content": entry.content[0].value}
    if where == "content":
        assert unescape(got["content"]) == f"<p>{text}</p>"
    else:
        assert got[where] == text
