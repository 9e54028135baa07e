"""Pure: take a post's content out of its rendered page, and make every link in HTML absolute.

The boundary reads the HTML the builder wrote; these functions only transform text.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from lxml import etree, html

#: Attributes that hold one URL.
URL_ATTRIBUTES: tuple[str, ...] = ("href", "src", "poster", "cite", "data", "action")

#: What is removed from the main block of a post page before it becomes feed content.
REMOVED_FROM_POST: tuple[str, ...] = (
    "div.post-meta",
    "a.headerlink",
    ".post-nav",
)


#: Characters kept as they are in a URL's path (RFC 3986 pchar and "/"); the rest is encoded.
_PATH_SAFE = "/:@!$&()*+,;=-._~"


def quote_path(path: str) -> str:
    """A page path as it may appear in a URL: ``posts/2024/café au lait.html`` becomes
    ``posts/2024/caf%C3%A9%20au%20lait.html``. Existing ``%XX`` escapes are kept."""
    return quote(path, safe=_PATH_SAFE + "%")


def absolute_url(base_url: str, path: str) -> str:
    """``base_url`` (which ends with "/") joined with a site path, percent-encoded."""
    return base_url + quote_path(path.lstrip("/"))


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _xpath_for(selector: str) -> str:
    """The XPath of the tiny selector subset used above: ``tag.class`` or ``.class``."""
    tag, _, cls = selector.partition(".")
    return f".//{tag or '*'}[{_has_class(cls)}]"


def _is_local(url: str) -> bool:
    """True for a URL that must be resolved against the page (relative, or path-absolute)."""
    url = url.strip()
    if not url or url.startswith("//"):
        return False
    return not urlsplit(url).scheme


def absolutise_url(url: str, page_url: str) -> str:
    """``url`` resolved against ``page_url``; absolute URLs and ``mailto:`` are kept as they are."""
    if not _is_local(url):
        return url
    return urljoin(page_url, url.strip())


def _absolutise_srcset(value: str, page_url: str) -> str:
    parts = []
    for candidate in value.split(","):
        bits = candidate.strip().split(None, 1)
        if not bits:
            continue
        bits[0] = absolutise_url(bits[0], page_url)
        parts.append(" ".join(bits))
    return ", ".join(parts)


def _absolutise_tree(root: etree._Element, page_url: str) -> None:
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                element.set(attribute, absolutise_url(value, page_url))
        srcset = element.get("srcset")
        if srcset is not None:
            element.set("srcset", _absolutise_srcset(srcset, page_url))


def _inner_html(element: etree._Element) -> str:
    text = escape(element.text, quote=False) if element.text else ""
    children = "".join(
        etree.tostring(child, method="html", encoding="unicode", with_tail=True)
        for child in element
    )
    return (text + children).strip()


def absolutise(fragment: str, page_url: str) -> str:
    """An HTML fragment with every href, src, srcset, poster... made absolute against the page."""
    if not fragment.strip():
        return ""
    container = html.fragment_fromstring(fragment, create_parent="div")
    _absolutise_tree(container, page_url)
    return _inner_html(container)


def post_content(page: str, page_url: str) -> str | None:
    """The content of a rendered post page, ready for a feed; None when no main block is found.

    Takes ``div[role=main]``, drops its first ``h1``, the post header (``div.post-meta``),
    heading permalinks (``a.headerlink``) and the prev/next navigation (``.post-nav``), and
    makes every link absolute against ``page_url``.
    """
    document = html.document_fromstring(page)
    found = document.xpath("//*[@role='main']")
    if not found:
        return None
    main = found[0]
    headings = main.xpath(".//h1")
    if headings:
        headings[0].drop_tree()
    for selector in REMOVED_FROM_POST:
        for element in main.xpath(_xpath_for(selector)):
            element.drop_tree()
    _absolutise_tree(main, page_url)
    return _inner_html(main)


_SPACE = re.compile(r"\s+")


def html_text(fragment: str) -> str:
    """The text of an HTML fragment, on one line."""
    if not fragment.strip():
        return ""
    container = html.fragment_fromstring(fragment, create_parent="div")
    return _SPACE.sub(" ", container.text_content()).strip()


def text_summary(fragment: str, length: int) -> str:
    """Plain text of the first paragraph of an HTML fragment, cut at a word within ``length``."""
    if not fragment.strip():
        return ""
    container = html.fragment_fromstring(fragment, create_parent="div")
    paragraphs = container.xpath(".//p")
    source = paragraphs[0] if paragraphs else container
    text = _SPACE.sub(" ", source.text_content()).strip()
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:") + "…"


def absolutise_page(page: str, site_url: str, page_uri: str) -> str:
    """A whole HTML page with every local URL made path-absolute (for the 404 page).

    ``site_url`` is the base URL (only its path is used, so the page works on any host);
    ``page_uri`` is where the page lives relative to it (e.g. ``404.html``). Fragment-only
    links (``#top``) are kept.
    """
    base_path = urlsplit(site_url).path or "/"
    if not base_path.endswith("/"):
        base_path += "/"
    page_path = base_path + page_uri

    def rewrite(url: str) -> str:
        stripped = url.strip()
        if not _is_local(stripped) or stripped.startswith(("#", "/")):
            return url
        # urljoin needs a host to resolve "../" against a path; it is dropped again below.
        joined = urlsplit(urljoin("http://host" + page_path, stripped))
        return urlunsplit(("", "", joined.path, joined.query, joined.fragment))

    document = html.document_fromstring(page)
    content_root = document.get("data-content_root")
    if content_root is not None:
        document.set("data-content_root", rewrite(content_root or "./"))
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in URL_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None:
                element.set(attribute, rewrite(value))
        srcset = element.get("srcset")
        if srcset is not None:
            parts = []
            for candidate in srcset.split(","):
                bits = candidate.strip().split(None, 1)
                if bits:
                    bits[0] = rewrite(bits[0])
                    parts.append(" ".join(bits))
            element.set("srcset", ", ".join(parts))
    doctype: str = document.getroottree().docinfo.doctype
    body: str = etree.tostring(document, method="html", encoding="unicode")
    return (doctype + "\n" if doctype else "") + body
