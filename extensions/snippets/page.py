"""The body of the generated ``snippets.html`` page, as an HTML string.

Pure: the boundary passes in how to spell a URL (``uri(docname, anchor)``) and the post
titles; nothing here knows about builders.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from .index import group_by_language
from .model import Catalogue

Uri = Callable[[str, str], str]


def index_page_body(catalogue: Catalogue, titles: Mapping[str, str], uri: Uri) -> str:
    """Every snippet grouped by language: caption, link to its definition, its users."""
    out = ['<section id="snippets">', "<h1>Snippets</h1>"]
    groups = group_by_language(catalogue)
    if not groups:
        out.append("<p>No snippets yet.</p>")
    for language, snippets in groups:
        out.append(f'<section id="language-{escape(language)}" class="snippet-language">')
        out.append(f"<h2>{escape(language)}</h2>")
        out.append('<ul class="snippet-index">')
        for snippet in snippets:
            href = escape(uri(snippet.docname, snippet.anchor))
            name = escape(snippet.name)
            link = f'<a class="reference internal" href="{href}"><code>{name}</code></a>'
            caption = f" {escape(snippet.caption)}" if snippet.caption else ""
            source = escape(titles.get(snippet.docname, snippet.docname))
            users = ", ".join(
                f'<a class="reference internal" href="{escape(uri(doc, ""))}">'
                f"{escape(titles.get(doc, doc))}</a>"
                for doc in catalogue.used_in.get(snippet.name, ())
            )
            used = f'<span class="snippet-used-in"> · Used in: {users}</span>' if users else ""
            out.append(
                f'<li class="snippet-entry">{link}{caption} '
                f'<span class="snippet-source">(from {source})</span>{used}</li>'
            )
        out.append("</ul>")
        out.append("</section>")
    out.append("</section>")
    return "\n".join(out)
