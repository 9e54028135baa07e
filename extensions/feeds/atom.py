"""Pure: a feed as Atom 1.0 (RFC 4287) bytes."""

from __future__ import annotations

from lxml import etree

from .model import FORMAT_TYPES, Author, Feed
from .xmltext import rfc3339, xml_safe

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM_NS}}}{tag}")
    for key, value in attrs.items():
        element.set(key, xml_safe(value))
    if text is not None:
        element.text = xml_safe(text)
    return element


def _person(parent: etree._Element, tag: str, author: Author) -> None:
    person = _el(parent, tag)
    _el(person, "name", author.name)
    if author.url:
        _el(person, "uri", author.url)


def atom_feed(feed: Feed) -> bytes:
    root = etree.Element(f"{{{ATOM_NS}}}feed", nsmap={None: ATOM_NS})
    if feed.language:
        root.set(XML_LANG, feed.language)
    _el(root, "id", feed.home_url)
    _el(root, "title", feed.title, type="text")
    if feed.description:
        _el(root, "subtitle", feed.description, type="text")
    _el(root, "updated", rfc3339(feed.updated))
    _el(root, "link", rel="self", type=FORMAT_TYPES["atom"], href=feed.url("atom"))
    _el(root, "link", rel="alternate", type="text/html", href=feed.home_url)
    for author in feed.authors:
        _person(root, "author", author)
    for entry in feed.entries:
        item = _el(root, "entry")
        _el(item, "id", entry.id)
        _el(item, "title", entry.title, type="text")
        _el(item, "link", rel="alternate", type="text/html", href=entry.url)
        _el(item, "published", rfc3339(entry.published))
        _el(item, "updated", rfc3339(entry.updated))
        for author in entry.authors:
            _person(item, "author", author)
        for term in dict.fromkeys(entry.categories + entry.tags):
            _el(item, "category", term=term)
        if entry.summary:
            _el(item, "summary", entry.summary, type="text")
        if entry.content_html:
            _el(item, "content", entry.content_html, type="html")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    return data
