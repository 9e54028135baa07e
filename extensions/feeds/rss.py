"""Pure: a feed as RSS 2.0 bytes (with content:encoded, dc:creator and atom:link rel=self)."""

from __future__ import annotations

from lxml import etree

from .model import FORMAT_TYPES, Feed
from .xmltext import rfc822, xml_safe

ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
NAMESPACES = {"atom": ATOM_NS, "content": CONTENT_NS, "dc": DC_NS}


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        element.set(key, xml_safe(value))
    if text is not None:
        element.text = xml_safe(text)
    return element


def rss_feed(feed: Feed) -> bytes:
    root = etree.Element("rss", nsmap=NAMESPACES)
    root.set("version", "2.0")
    channel = _el(root, "channel")
    _el(channel, "title", feed.title)
    _el(channel, "link", feed.home_url)
    _el(channel, "description", feed.description or feed.title)
    _el(channel, f"{{{ATOM_NS}}}link", rel="self", type=FORMAT_TYPES["rss"], href=feed.url("rss"))
    if feed.language:
        _el(channel, "language", feed.language)
    _el(channel, "lastBuildDate", rfc822(feed.updated))
    _el(channel, "pubDate", rfc822(feed.updated))
    for entry in feed.entries:
        item = _el(channel, "item")
        _el(item, "title", entry.title)
        _el(item, "link", entry.url)
        _el(item, "guid", entry.id, isPermaLink="false")
        _el(item, "pubDate", rfc822(entry.published))
        for author in entry.authors:
            _el(item, f"{{{DC_NS}}}creator", author.name)
        for term in dict.fromkeys(entry.categories + entry.tags):
            _el(item, "category", term)
        _el(item, "description", entry.summary or entry.title)
        if entry.content_html:
            _el(item, f"{{{CONTENT_NS}}}encoded", entry.content_html)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return data
