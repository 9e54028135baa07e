"""Event handlers: derive the index once per build, fill in placeholders, add the page."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri
from sphinx.util.fileutil import copy_asset_file
from sphinx.util.nodes import make_refnode

from extensions.listing.records import DigestRecord, site_signature

from .excerpt import excerpt
from .model import Snippet, anchor_for
from .page import index_page_body
from .sphinx_domain import SnippetsDomain
from .sphinx_markup import code_block
from .sphinx_nodes import snippet_backlinks, snippet_embed
from .sphinx_report import report

PAGE = "snippets"
RECORD = "blog-snippets-page.json"
STYLESHEET = Path(__file__).with_name("snippets.css")


def domain_of(env: BuildEnvironment) -> SnippetsDomain:
    return cast(SnippetsDomain, env.domains["snippets"])


def title_of(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


def derive_index(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: derive the catalogue, warn about problems, return stale posts."""
    domain = domain_of(env)
    stale = domain.derive({doc: title_of(env, doc) for doc in domain.records})
    for problem in domain.catalogue.problems:
        report(problem, path=lambda docname: env.doc2path(docname, base=False).as_posix())
    return sorted(stale & env.found_docs)


def link(builder: Builder, fromdoc: str, todoc: str, anchor: str, text: str) -> nodes.Node:
    """A reference to ``todoc#anchor``, or plain text when the builder has no URIs."""
    try:
        return make_refnode(builder, fromdoc, todoc, anchor or None, nodes.Text(text))
    except NoUri:
        return nodes.Text(text)


def backlinks(app: Sphinx, node: snippet_backlinks, docname: str) -> list[nodes.Node]:
    """The " · Used in: A, B" text after a definition (nothing if the post is unused)."""
    env = app.env
    catalogue = domain_of(env).catalogue
    snippet = catalogue.snippets.get(node["snippet"])
    users = catalogue.used_in.get(node["snippet"], ())
    if snippet is None or snippet.docname != docname or not users:
        return []
    used = nodes.inline("", " · Used in: ", classes=["snippet-used-in"])
    for i, user in enumerate(users):
        if i:
            used += nodes.Text(", ")
        used += link(app.builder, docname, user, "", title_of(env, user))
    return [used]


def embedded(app: Sphinx, node: snippet_embed, docname: str, block_id: str) -> nodes.Node:
    """A copy of the named snippet's code with a "from <post>" link, or its plain name."""
    snippet: Snippet | None = domain_of(app.env).catalogue.snippets.get(node["snippet"])
    if snippet is None:  # reported by derive_index
        return nodes.paragraph(node["snippet"], node["snippet"], classes=["snippet-unknown"])
    cut = excerpt(snippet.code, lines=node["lines"])
    code = cut.text if not cut.error else snippet.code  # bad :lines: reported by derive_index
    block = code_block(code, snippet.language, snippet.caption, block_id)
    source = nodes.paragraph("", "from ", classes=["snippet-source"])
    source += link(
        app.builder, docname, snippet.docname, snippet.anchor, title_of(app.env, snippet.docname)
    )
    result = nodes.container("", block, source, classes=node["classes"])
    result.source, result.line = node.source, node.line
    return result


def resolve_placeholders(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: fill in what depends on other posts."""
    for used in list(doctree.findall(snippet_backlinks)):
        used.replace_self(backlinks(app, used, docname))
    for embed in list(doctree.findall(snippet_embed)):
        block_id = unique_id(doctree, f"embed-{anchor_for(embed['snippet'])}")
        embed.replace_self(embedded(app, embed, docname, block_id))


def unique_id(doctree: nodes.document, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``...: the first id the page doesn't use yet."""
    candidate, n = base, 1
    while candidate in doctree.ids:
        n += 1
        candidate = f"{base}-{n}"
    doctree.ids[candidate] = doctree
    return candidate


def index_page(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: the virtual ``snippets.html`` index."""
    env, builder = app.env, app.builder
    domain = domain_of(env)

    def uri(docname: str, anchor: str) -> str:
        return builder.get_relative_uri(PAGE, docname) + (f"#{anchor}" if anchor else "")

    titles = {doc: title_of(env, doc) for doc in domain.records}
    body = index_page_body(domain.catalogue, titles, uri)
    # written again only when what it shows changed (see extensions.listing.records)
    record = DigestRecord(Path(app.doctreedir) / RECORD)
    made = hashlib.sha256((body + site_signature(builder)).encode("utf-8")).hexdigest()
    unchanged = record.unchanged(PAGE, made, Path(builder.get_outfilename(PAGE)))  # type: ignore[attr-defined]
    record.save()
    if not unchanged:
        yield PAGE, {"title": "Snippets", "body": body}, "page.html"


def copy_stylesheet(app: Sphinx) -> None:
    """``builder-inited``: ship ``snippets.css`` (linked from every page) with HTML output.

    Copied before any page is written, so every page links it the same way (Sphinx adds a
    checksum to the link of a stylesheet it finds in the output)."""
    if app.builder.format == "html":
        static = Path(app.outdir) / "_static"
        static.mkdir(parents=True, exist_ok=True)
        copy_asset_file(STYLESHEET, static, force=True)
