"""The ``snippets`` domain: per-post records, their lifecycle, and link resolution.

State, in ``env.domaindata['snippets']``:

* ``records``: docname -> ``DocRecord`` (what each post defines and uses). Purge is a pop;
  a parallel merge copies only the worker's docnames.
* ``catalogue`` and ``views``: derived from every record once per build (``derive``), never
  merged. ``views`` is kept until the next build to find the posts that went stale.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Set
from typing import Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri
from sphinx.util.nodes import make_refnode

from .index import build_catalogue
from .model import Catalogue, DocRecord, DocView, Snippet, Use
from .sphinx_markup import SnippetDirective, SnippetEmbedDirective, SnippetRole
from .sphinx_nodes import snippet_embed
from .views import doc_views, stale_docnames


def read_record(docname: str, document: nodes.document) -> DocRecord:
    """What one freshly read post defines and uses, from its doctree."""
    snippets = []
    for node in document.findall(nodes.container):
        if "snippet_name" in node:
            literal = next(iter(node.findall(nodes.literal_block)))
            snippets.append(
                Snippet(
                    name=node["snippet_name"],
                    docname=docname,
                    line=node.line or 0,
                    language=literal.get("language", "text"),
                    caption=node["snippet_caption"],
                    code=literal.astext(),
                )
            )
    uses = [
        Use(ref["reftarget"], docname, ref.line or 0, "link")
        for ref in document.findall(pending_xref)
        if ref.get("refdomain") == "snippets" and "intersphinx" not in ref  # not another site's
    ]
    uses += [
        Use(embed["snippet"], docname, embed.line or 0, "embed", embed["lines"])
        for embed in document.findall(snippet_embed)
    ]
    uses.sort(key=lambda use: (use.line, use.kind, use.name))
    return DocRecord(tuple(snippets), tuple(uses))


class SnippetsDomain(Domain):
    """Named code snippets: defined once, linked and embedded anywhere."""

    name = "snippets"
    label = "Snippets"
    object_types: ClassVar = {"snippet": ObjType("snippet", "snippet")}
    directives: ClassVar = {"snippet": SnippetDirective, "embed": SnippetEmbedDirective}
    roles: ClassVar = {"snippet": SnippetRole()}
    initial_data: ClassVar = {"records": {}, "catalogue": Catalogue(), "views": {}}
    data_version = 1

    @property
    def records(self) -> dict[str, DocRecord]:
        return self.data["records"]

    @property
    def catalogue(self) -> Catalogue:
        return self.data["catalogue"]

    # Lifecycle: per-docname records ---------------------------------------------------

    def clear_doc(self, docname: str) -> None:
        self.records.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname in docnames:
            if docname in otherdata["records"]:
                self.records[docname] = otherdata["records"][docname]

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        record = read_record(docname, document)
        if record.snippets or record.uses:
            self.records[docname] = record

    def derive(self, titles: Mapping[str, str]) -> set[str]:
        """Recompute the catalogue; return the posts whose output it changed."""
        catalogue = build_catalogue(self.records)
        views: dict[str, DocView] = doc_views(self.records, catalogue, titles)
        stale = stale_docnames(self.data["views"], views)
        self.data["catalogue"] = catalogue
        self.data["views"] = views
        return stale

    # Resolution ---------------------------------------------------------------------

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        snippet = self.catalogue.snippets.get(target)
        if snippet is None:  # reported once per build by ``derive``'s caller
            text = contnode.astext()
            return nodes.inline(text, text, classes=["snippet-unknown"])
        if not node.get("refexplicit"):
            contnode = nodes.inline(snippet.label, snippet.label, classes=contnode["classes"])
        try:
            return make_refnode(
                builder, fromdocname, snippet.docname, snippet.anchor, contnode, snippet.label
            )
        except NoUri:
            return contnode

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        snippet = self.catalogue.snippets.get(target)
        if snippet is None:
            return []
        try:
            ref = make_refnode(
                builder, fromdocname, snippet.docname, snippet.anchor, contnode, snippet.label
            )
        except NoUri:
            return []
        return [("snippets:snippet", ref)]

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for snippet in self.catalogue.snippets.values():
            yield snippet.name, snippet.name, "snippet", snippet.docname, snippet.anchor, 1
