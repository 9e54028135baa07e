"""Pure: raw HTML from a post, made safe to publish.

Markdown lets a post carry raw HTML, and MyST passes it through untouched: a ``<script>``
in an imported or guest post would run in every reader's browser. By default
(``blog_raw_html = "sanitize"``) blocks of raw HTML are cleaned with nh3 (the Rust
sanitiser ammonia) against the allow-list below: formatting, tables, figures, pictures,
video and audio, and iframes for embeds (sandboxed). Scripts, styles, event handlers,
forms and ``javascript:`` URLs are removed. Inline HTML arrives one tag at a time
(``<kbd>``, then the text, then ``</kbd>``), so each tag is rebuilt from its allowed
parts instead. :func:`refused_parts` names what was removed, for the warning.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import nh3

#: Tags kept (their content is kept either way, but for ``REMOVED_WITH_CONTENT``).
TAGS: frozenset[str] = frozenset(
    set(nh3.ALLOWED_TAGS)
    | {"audio", "iframe", "picture", "section", "source", "tfoot", "track", "video"}
)
#: Tags removed together with what they hold.
REMOVED_WITH_CONTENT: frozenset[str] = frozenset({"script", "style", "template", "noscript"})
#: Attributes kept on every tag.
GENERIC_ATTRIBUTES: frozenset[str] = frozenset({"class", "dir", "id", "lang", "style", "title"})
#: Attributes kept on some tags (nh3's defaults, plus those embeds and pictures need).
ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: frozenset(found) for tag, found in nh3.ALLOWED_ATTRIBUTES.items()
} | {
    "a": frozenset({"href", "hreflang", "target"}),
    "img": frozenset(
        {"align", "alt", "decoding", "height", "loading", "sizes", "src", "srcset", "width"}
    ),
    "iframe": frozenset(
        {"allow", "allowfullscreen", "height", "loading", "referrerpolicy", "src", "width"}
    ),
    "video": frozenset(
        {"autoplay", "controls", "height", "loop", "muted", "playsinline", "poster", "preload"}
        | {"src", "width"}
    ),
    "audio": frozenset({"controls", "loop", "preload", "src"}),
    "source": frozenset({"media", "sizes", "src", "srcset", "type"}),
    "track": frozenset({"default", "kind", "label", "src", "srclang"}),
}
#: URL schemes allowed in links and sources (relative URLs are always allowed).
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
#: CSS properties a ``style`` attribute may keep.
STYLE_PROPERTIES: frozenset[str] = frozenset(
    {
        "background-color",
        "border",
        "border-radius",
        "color",
        "display",
        "float",
        "font-style",
        "font-weight",
        "height",
        "margin",
        "margin-bottom",
        "margin-left",
        "margin-right",
        "margin-top",
        "max-height",
        "max-width",
        "padding",
        "text-align",
        "text-decoration",
        "vertical-align",
        "white-space",
        "width",
    }
)
#: Embedded pages run in a sandbox of their own origin, never in the blog's.
IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-presentation"

_URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite"})
_VOID = frozenset({"area", "br", "col", "hr", "img", "source", "track", "wbr"})


def sanitize(fragment: str) -> str:
    """A block of raw HTML with everything outside the allow-list removed."""
    return nh3.clean(
        fragment,
        tags=set(TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={"*": set(GENERIC_ATTRIBUTES), **{k: set(v) for k, v in ATTRIBUTES.items()}},
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        set_tag_attribute_values={"iframe": {"sandbox": IFRAME_SANDBOX}},
        strip_comments=True,
    )


class _Parts(HTMLParser):
    """Tags and attributes of a fragment, as a browser would see them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refused: list[str] = []
        self.tags: list[tuple[str, str, list[tuple[str, str | None]]]] = []  # kind, tag, attrs

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(("start", tag, attrs))
        self._check(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(("start", tag, attrs))
        self._check(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(("end", tag, []))

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self.refused.append(f"<{tag}>")
            return
        for name, value in attrs:
            if not _attribute_allowed(tag, name):
                self.refused.append(f"{name}= on <{tag}>")
            elif name in _URL_ATTRIBUTES and value is not None and not url_allowed(value):
                self.refused.append(f"the URL {value.strip()[:40]!r} on <{tag}>")


def _attribute_allowed(tag: str, name: str) -> bool:
    return name in GENERIC_ATTRIBUTES or name in ATTRIBUTES.get(tag, frozenset())


def url_allowed(url: str) -> bool:
    """A relative URL, or one with an allowed scheme (never ``javascript:`` or ``data:``)."""
    # as a browser parses it: spaces and controls around it dropped, tabs and newlines
    # inside it too ("java\tscript:" is javascript:)
    text = url.strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f")
    text = text.replace("\t", "").replace("\n", "").replace("\r", "").lower()
    scheme, colon, _ = text.partition(":")
    if not colon or not re.fullmatch(r"[a-z][a-z0-9+.-]*", scheme):
        return True  # no scheme: a relative URL
    return scheme in URL_SCHEMES


def refused_parts(fragment: str) -> list[str]:
    """What :func:`sanitize` removes from ``fragment``, in order, each named once."""
    parser = _Parts()
    parser.feed(fragment)
    parser.close()
    return list(dict.fromkeys(parser.refused))


def inline_tag(fragment: str) -> str:
    """One inline tag (``<kbd>``, ``</kbd>``, ``<br/>``), rebuilt from its allowed parts;
    "" when nothing of it may stay (a comment, a ``<script>``, ``<x onclick=...>``'s tag
    when the tag itself is not allowed)."""
    parser = _Parts()
    parser.feed(fragment)
    parser.close()
    if len(parser.tags) != 1:
        return sanitize(fragment)
    kind, tag, attrs = parser.tags[0]
    if tag not in TAGS:
        return ""
    if kind == "end":
        return "" if tag in _VOID else f"</{tag}>"
    kept = "".join(
        f' {name}="{escape(value or "", quote=True)}"' if value is not None else f" {name}"
        for name, value in attrs
        if _attribute_allowed(tag, name)
        and name != "style"
        and not (name in _URL_ATTRIBUTES and value is not None and not url_allowed(value))
    )
    if tag == "iframe":
        kept += f' sandbox="{IFRAME_SANDBOX}"'
    return f"<{tag}{kept}>"
