"""Pure: one feed in one format, as the bytes to write."""

from __future__ import annotations

from collections.abc import Callable

from .atom import atom_feed
from .jsonfeed import json_feed
from .model import Feed
from .rss import rss_feed

SERIALISERS: dict[str, Callable[[Feed], bytes]] = {
    "atom": atom_feed,
    "rss": rss_feed,
    "json": json_feed,
}


def serialise(feed: Feed, fmt: str) -> bytes:
    return SERIALISERS[fmt](feed)
