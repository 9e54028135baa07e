"""Pure: check a serialised feed; every problem names the feed and, when known, the entry.

* Atom: RFC 4287's RELAX NG grammar, plus its two Schematron rules (checked here in Python).
* RSS 2.0: the required channel and item elements, absolute links, RFC 822 dates.
* JSON Feed 1.1: the JSON Schema written from the specification, plus unique item ids.
* Atom and RSS must also parse with feedparser without a "bozo" error (feedparser 6 does not
  read JSON Feed, so JSON feeds are checked by the schema and ``json`` only).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import feedparser
import jsonschema
from lxml import etree

from .model import FORMAT_FILES, Feed, Problem
from .schemas import Schemas

ATOM = "{http://www.w3.org/2005/Atom}"

_RFC822 = re.compile(
    r"^(?:(?P<day>Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?"
    r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2,4} "
    r"\d{2}:\d{2}(?::\d{2})? "
    r"(?:UT|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|[A-IK-Z]|[+-]\d{4})$"
)
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def is_rfc822(text: str) -> bool:
    """True for an RFC 822 date-time (four-digit years allowed, as RFC 2822 asks)."""
    match = _RFC822.match(text.strip())
    if not match:
        return False
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return False
    day = match.group("day")
    return day is None or _DAYS[moment.weekday()] == day


def _is_absolute_url(text: str) -> bool:
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@dataclass(frozen=True)
class Target:
    """What a check knows about the feed it reads: its file, and its entries' docnames."""

    file: str
    docnames: tuple[str, ...] | None = None  # in feed order; None when unknown
    ids: tuple[tuple[str, str], ...] = ()  # (entry id, docname)

    @classmethod
    def of(cls, feed: Feed, fmt: str) -> Target:
        return cls(
            feed.file(fmt),
            tuple(e.docname for e in feed.entries),
            tuple((e.id, e.docname) for e in feed.entries),
        )

    def docname_at(self, index: int) -> str:
        if self.docnames is None or not 0 <= index < len(self.docnames):
            return ""
        return self.docnames[index]


def _docname_by_id(target: Target) -> dict[str, str]:
    return dict(target.ids)


def _parse_xml(data: bytes, file: str, code: str) -> tuple[etree._Element | None, list[Problem]]:
    try:
        return etree.fromstring(data, etree.XMLParser(resolve_entities=False)), []
    except etree.XMLSyntaxError as error:
        return None, [Problem(code, f"not well-formed XML: {error}", file)]


def validate_atom(data: bytes, target: Target, schema: etree.RelaxNG) -> list[Problem]:
    file = target.file
    root, problems = _parse_xml(data, file, "atom")
    if root is None:
        return problems
    ids = _docname_by_id(target)
    entries = root.findall(f"{ATOM}entry")

    def docname_at(line: int | None) -> str:
        found = ""
        for entry in entries:
            if line is not None and entry.sourceline is not None and entry.sourceline <= line:
                found = ids.get(entry.findtext(f"{ATOM}id") or "", "")
        return found

    if not schema.validate(root.getroottree()):
        for error in schema.error_log:
            problems.append(
                Problem(
                    "atom",
                    f"line {error.line}: {error.message} (RFC 4287 schema)",
                    file,
                    docname_at(error.line),
                )
            )
    feed_has_author = root.find(f"{ATOM}author") is not None
    for entry in entries:
        docname = ids.get(entry.findtext(f"{ATOM}id") or "", "")
        has_link = any(
            link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link")
        )
        if not has_link and entry.find(f"{ATOM}content") is None:
            problems.append(
                Problem(
                    "atom",
                    "an entry needs a rel=alternate link or content (RFC 4287 4.1.2)",
                    file,
                    docname,
                )
            )
        if not feed_has_author and entry.find(f"{ATOM}author") is None:
            problems.append(
                Problem(
                    "atom",
                    "an entry needs an author when its feed has none (RFC 4287 4.1.1)",
                    file,
                    docname,
                )
            )
    return problems


def validate_rss(data: bytes, target: Target) -> list[Problem]:
    file = target.file
    root, problems = _parse_xml(data, file, "rss")
    if root is None:
        return problems

    def report(message: str, docname: str = "") -> None:
        problems.append(Problem("rss", message, file, docname))

    if root.tag != "rss" or root.get("version") != "2.0":
        report('the root element must be <rss version="2.0">')
        return problems
    channels = root.findall("channel")
    if len(channels) != 1:
        report(f"an RSS document has exactly one <channel>, found {len(channels)}")
        return problems
    channel = channels[0]
    for name in ("title", "link", "description"):
        if not (channel.findtext(name) or "").strip():
            report(f"the channel needs a non-empty <{name}>")
    if not _is_absolute_url(channel.findtext("link") or ""):
        report("the channel's <link> must be an absolute http(s) URL")
    for name in ("pubDate", "lastBuildDate"):
        value = channel.findtext(name)
        if value is not None and not is_rfc822(value):
            report(f"the channel's <{name}> is not an RFC 822 date: {value!r}")
    ids = _docname_by_id(target)
    for item in channel.findall("item"):
        docname = ids.get(item.findtext("guid") or "", "")
        if (
            not (item.findtext("title") or "").strip()
            and not (item.findtext("description") or "").strip()
        ):
            report("an item needs a <title> or a <description>", docname)
        link = item.findtext("link")
        if link is not None and not _is_absolute_url(link):
            report(f"the item's <link> must be an absolute http(s) URL: {link!r}", docname)
        guid = item.find("guid")
        if guid is None or not (guid.text or "").strip():
            report("the item has no <guid>", docname)
        elif guid.get("isPermaLink", "true") not in ("true", "false"):
            report("<guid isPermaLink> must be 'true' or 'false'", docname)
        pub_date = item.findtext("pubDate")
        if pub_date is not None and not is_rfc822(pub_date):
            report(f"the item's <pubDate> is not an RFC 822 date: {pub_date!r}", docname)
        for category in item.findall("category"):
            if not (category.text or "").strip():
                report("an empty <category>", docname)
    return problems


def validate_json(data: bytes, target: Target, schema: dict[str, object]) -> list[Problem]:
    file = target.file
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [Problem("json", f"not valid JSON: {error}", file)]
    problems: list[Problem] = []
    validator = jsonschema.Draft202012Validator(schema)
    failures = sorted(
        validator.iter_errors(document), key=lambda e: [str(part) for part in e.absolute_path]
    )
    for failure in failures:
        path = list(failure.absolute_path)
        docname = ""
        if len(path) >= 2 and path[0] == "items" and isinstance(path[1], int):
            docname = target.docname_at(path[1])
        where = "/".join(str(part) for part in path) or "(top)"
        message = f"{where}: {failure.message} (JSON Feed 1.1)"
        problems.append(Problem("json", message, file, docname))
    items = document.get("items") if isinstance(document, dict) else None
    seen: set[str] = set()
    for index, item in enumerate(items if isinstance(items, list) else []):
        item_id = item.get("id") if isinstance(item, dict) else None
        if isinstance(item_id, str):
            if item_id in seen:
                docname = target.docname_at(index)
                problems.append(Problem("json", f"duplicate item id {item_id!r}", file, docname))
            seen.add(item_id)
    return problems


def check_feedparser(data: bytes, target: Target) -> list[Problem]:
    """Atom and RSS must parse with feedparser, without a bozo error, with every entry."""
    file = target.file
    # Sanitising and resolving every entry's HTML is most of feedparser's time and cannot make
    # a feed "bozo" (that is about XML and encodings): skip it, the parse is otherwise the same.
    result = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    problems: list[Problem] = []
    if result.get("bozo"):
        problems.append(
            Problem("feedparser", f"feedparser: {result.get('bozo_exception')!s}", file)
        )
    if target.docnames is not None and len(result.entries) != len(target.docnames):
        problems.append(
            Problem(
                "feedparser",
                f"feedparser read {len(result.entries)} entries, the feed has "
                f"{len(target.docnames)}",
                file,
            )
        )
    return problems


def validate(fmt: str, data: bytes, feed: Feed | Target, schemas: Schemas) -> list[Problem]:
    """Every check that applies to one serialised feed (a Feed, or just a file's Target)."""
    target = feed if isinstance(feed, Target) else Target.of(feed, fmt)
    checks: dict[str, Callable[[], list[Problem]]] = {
        "atom": lambda: validate_atom(data, target, schemas.atom) + check_feedparser(data, target),
        "rss": lambda: validate_rss(data, target) + check_feedparser(data, target),
        "json": lambda: validate_json(data, target, schemas.json),
    }
    return checks[fmt]()


def format_of(file: str) -> str:
    """ "atom", "rss" or "json" from a feed's file name."""
    return {name: fmt for fmt, name in FORMAT_FILES.items()}[file.rsplit("/", 1)[-1]]
