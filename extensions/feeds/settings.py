"""Pure: the feeds' settings, as written in conf.py, turned into one validated FeedConfig."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .model import FORMAT_FILES, INDEX_KINDS, FeedConfig, Problem

CONTENT_CHOICES = ("full", "summary")


def _names(
    value: Any, allowed: tuple[str, ...], key: str, problems: list[Problem]
) -> tuple[str, ...]:
    if value is None:
        return allowed
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple | set | frozenset):
        problems.append(Problem("config", f"{key} must be a list of names from {allowed}"))
        return allowed
    kept: list[str] = []
    for name in value:
        if name in allowed and name not in kept:
            kept.append(name)
        elif name not in allowed:
            problems.append(Problem("config", f"{key}: unknown {name!r} ignored (use {allowed})"))
    return tuple(name for name in allowed if name in kept)


def _limit(value: Any, key: str, default: int | None, problems: list[Problem]) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        problems.append(Problem("config", f"{key} must be a whole number >= 0 or None"))
        return default
    return value


def base_url(value: Any, problems: list[Problem]) -> str:
    """The base URL with a trailing "/", or "" (with a problem) when it is not usable."""
    text = str(value or "").strip()
    if not text:
        return ""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append(Problem("config", f"html_baseurl {text!r} is not an absolute http(s) URL"))
        return ""
    if parts.query or parts.fragment:
        text = text.split("?", 1)[0].split("#", 1)[0]
    # Characters a URL cannot hold as they are ('"', "<", spaces...) are percent-encoded,
    # so the address is safe in every attribute, feed and sitemap it lands in.
    text = quote(text, safe=":/@!$&()*+,;=-._~%")
    return text if text.endswith("/") else text + "/"


def language_tag(language: Any) -> str:
    """Sphinx's ``pt_BR`` as the ``pt-BR`` feeds expect; "en" when unset."""
    return str(language or "en").replace("_", "-")


def read_settings(values: Mapping[str, Any]) -> tuple[FeedConfig, list[Problem]]:
    """``values`` holds conf.py's values by name (the boundary collects them)."""
    problems: list[Problem] = []
    formats = _names(values.get("feeds_formats"), tuple(FORMAT_FILES), "feeds_formats", problems)
    indexes = _names(values.get("feeds_indexes"), INDEX_KINDS, "feeds_indexes", problems)
    limit = _limit(values.get("feeds_limit", 20), "feeds_limit", 20, problems)
    index_limit = _limit(values.get("feeds_index_limit"), "feeds_index_limit", None, problems)
    content = values.get("feeds_content", "full")
    if content not in CONTENT_CHOICES:
        problems.append(Problem("config", f"feeds_content must be one of {CONTENT_CHOICES}"))
        content = "full"
    zone = str(values.get("blog_timezone") or "UTC")
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        zone = "UTC"  # the frontmatter extension reports a bad blog_timezone
    authors = []
    for key, about in dict(values.get("blog_authors") or {}).items():
        if isinstance(about, list | tuple):
            name, url = (tuple(about) + ("", ""))[:2]
        else:
            name, url = about, ""
        authors.append((str(key), str(name or key), str(url or "")))
    default_author = values.get("blog_default_author")
    if isinstance(default_author, list | tuple):
        default_author = default_author[0] if default_author else ""
    author_name = ""
    if values.get("feeds_author"):
        author_name = str(values["feeds_author"])
    elif default_author:
        author_name = next((n for k, n, _ in authors if k == default_author), str(default_author))
    else:
        author_name = str(values.get("author") or "")
    title = str(
        values.get("feeds_title") or values.get("blog_title") or values.get("project") or "Blog"
    )
    config = FeedConfig(
        base_url=base_url(values.get("html_baseurl"), problems),
        title=title,
        description=str(values.get("feeds_description") or values.get("blog_tagline") or ""),
        language=language_tag(values.get("language")),
        formats=formats,
        indexes=indexes,
        limit=limit,
        index_limit=index_limit,
        content=content,
        timezone=zone,
        id_authority=str(values.get("feeds_id_authority") or ""),
        blog_path=str(values.get("blog_path", "blog")).strip("/"),
        author=author_name,
        authors=tuple(authors),
        link_suffix=str(values.get("link_suffix") or ".html"),
    )
    return config, problems
