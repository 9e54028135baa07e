"""Pure: the slug of a tag, category or author name, as ABlog spells it in its page paths.

ABlog writes a tag's page to ``blog/tag/<slug>.html``; a feed for that tag lives in
``feeds/tag/<slug>/`` so the two must agree (tests/feeds/test_feeds_slugs.py compares them).
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\s-]")
_SEPARATORS = re.compile(r"[-\s]+")


def slugify(name: str) -> str:
    """Decompose accents, drop what is not a letter, digit, '_', '-' or space, join with '-'."""
    decomposed = unicodedata.normalize("NFKD", name)
    kept = _NOT_WORD.sub("", decomposed).strip().lower()
    return _SEPARATORS.sub("-", kept)
