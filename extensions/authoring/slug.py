"""Pure: a new post's file name from its title, in any script.

``Café ☕ in Québec`` -> ``cafe-in-quebec``, ``Привет, мир`` -> ``privet-mir``,
``C++ and C# in 2025`` -> ``c-plus-plus-and-c-sharp-in-2025``.

Letters, marks and digits of other scripts are transliterated by AnyAscii (one character at a
time, so symbols never reach it: it would spell ``☕`` as ``:coffee:``). ``+`` and ``#`` are
spelled out as tag slugs spell them (``extensions.listing.urls.slugify``); apostrophes vanish;
every other symbol, punctuation or space separates words.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii

from ..listing.urls import MAX_SLUG  # the longest slug, a post's as a tag's

__all__ = ["MAX_SLUG", "slugify_title"]

#: Spelled out, as in tag slugs, so C, C++ and C# stay apart.
_SPOKEN = {"+": " plus ", "#": " sharp "}
#: Characters that join the letters around them (``Don't`` -> ``dont``).
_APOSTROPHES = frozenset("'\u2019\u02bc\u00b4")
#: Scripts where each character is a syllable with no space between words: each one is a word
#: (``東京`` -> ``dong-jing``, not ``dongjing``).
_IDEOGRAPHS = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")
_WORD = re.compile(r"[a-z0-9]+")


def _ascii(char: str) -> str:
    """One character of the (NFKC-normalised) title as ASCII: a word part or a separator."""
    if char in _APOSTROPHES:
        return ""
    if char in _SPOKEN:
        return _SPOKEN[char]
    if char.isascii():
        return char
    if unicodedata.category(char)[0] not in "LMN":  # symbols, punctuation, spaces, controls
        return " "
    spelled = anyascii(char)
    if unicodedata.name(char, "").startswith(_IDEOGRAPHS):
        return f" {spelled} "
    return spelled


def slugify_title(title: str) -> str:
    """The slug of a post titled ``title``: lower-case ASCII words joined by ``-``.

    Never empty: a title without letters or digits (``☕☕``) gets ``post-`` and 8 hex digits
    of a hash of the title. At most :data:`MAX_SLUG` characters, cut between words (a single
    longer word is cut where the limit falls).
    """
    text = unicodedata.normalize("NFKC", "".join(c for c in title if c not in _APOSTROPHES))
    spelled = "".join(_ascii(char) for char in text).replace("'", "")
    words = _WORD.findall(spelled.lower())
    if not words:
        digest = hashlib.sha1(title.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        return f"post-{digest}"
    slug = words[0][:MAX_SLUG]
    for word in words[1:]:
        if len(slug) + 1 + len(word) > MAX_SLUG:
            break
        slug = f"{slug}-{word}"
    return slug
