"""Pure: a feed as JSON Feed 1.1 (https://jsonfeed.org/version/1.1) bytes."""

from __future__ import annotations

import json
from typing import Any

from .model import Author, Feed
from .xmltext import rfc3339

VERSION = "https://jsonfeed.org/version/1.1"


def _author(author: Author) -> dict[str, str]:
    found = {"name": author.name}
    if author.url:
        found["url"] = author.url
    return found


def json_feed_data(feed: Feed) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    for entry in feed.entries:
        item: dict[str, Any] = {"id": entry.id, "url": entry.url, "title": entry.title}
        if entry.content_html:
            item["content_html"] = entry.content_html
        else:
            item["content_text"] = entry.summary or entry.title
        if entry.summary:
            item["summary"] = entry.summary
        if entry.image:
            item["image"] = entry.image
        item["date_published"] = rfc3339(entry.published)
        item["date_modified"] = rfc3339(entry.updated)
        if entry.authors:
            item["authors"] = [_author(author) for author in entry.authors]
        terms = list(dict.fromkeys(entry.categories + entry.tags))
        if terms:
            item["tags"] = terms
        items.append(item)
    data: dict[str, Any] = {
        "version": VERSION,
        "title": feed.title,
        "home_page_url": feed.home_url,
        "feed_url": feed.url("json"),
    }
    if feed.description:
        data["description"] = feed.description
    if feed.language:
        data["language"] = feed.language
    data["authors"] = [_author(author) for author in feed.authors]
    data["items"] = items
    return data


def json_feed(feed: Feed) -> bytes:
    text = json.dumps(json_feed_data(feed), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")
