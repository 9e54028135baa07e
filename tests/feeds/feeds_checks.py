"""Helpers for the build tests: every feed file in an output folder, checked."""

from __future__ import annotations

from pathlib import Path

from extensions.feeds.schemas import load_schemas
from extensions.feeds.validate import Target, format_of, validate

FEED_NAMES = ("atom.xml", "rss.xml", "feed.json")


def feed_files(outdir: Path) -> dict[str, bytes]:
    """Output-relative path -> bytes of every feed written under feeds/."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted((outdir / "feeds").rglob("*"))
        if path.name in FEED_NAMES
    }


def problems_in(outdir: Path) -> list[str]:
    schemas = load_schemas()
    found = []
    for file, data in feed_files(outdir).items():
        found += [p.describe() for p in validate(format_of(file), data, Target(file), schemas)]
    return found
