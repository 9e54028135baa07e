"""What each post shows of other posts, and which posts went stale between two builds."""

from __future__ import annotations

from collections.abc import Mapping

from .model import Catalogue, DocRecord, DocView, EmbedView, LinkView


def doc_view(
    docname: str, record: DocRecord, catalogue: Catalogue, titles: Mapping[str, str]
) -> DocView:
    """Everything in ``docname``'s output that depends on other posts."""

    def title(doc: str) -> str:
        return titles.get(doc, doc)

    backlinks = tuple(
        (s.name, tuple((doc, title(doc)) for doc in catalogue.used_in.get(s.name, ())))
        for s in record.snippets
        if catalogue.snippets.get(s.name) == s
    )
    links: dict[str, LinkView | None] = {}
    embeds: dict[str, EmbedView | None] = {}
    for use in record.uses:
        target = catalogue.snippets.get(use.name)
        if use.kind == "embed":
            embeds[use.name] = None if target is None else EmbedView(target, title(target.docname))
        else:
            links[use.name] = (
                None if target is None else LinkView(target.name, target.docname, target.label)
            )
    return DocView(
        backlinks=backlinks,
        links=tuple((name, links[name]) for name in sorted(links)),
        embeds=tuple((name, embeds[name]) for name in sorted(embeds)),
    )


def doc_views(
    records: Mapping[str, DocRecord], catalogue: Catalogue, titles: Mapping[str, str]
) -> dict[str, DocView]:
    """The view of every post that defines or uses a snippet."""
    return {
        docname: doc_view(docname, records[docname], catalogue, titles)
        for docname in sorted(records)
    }


def stale_docnames(before: Mapping[str, DocView], after: Mapping[str, DocView]) -> set[str]:
    """Posts whose rendered output changes because something in another post changed.

    A post missing from one side has an empty view there (it defines and uses nothing).
    """
    empty = DocView()
    return {
        docname
        for docname in set(before) | set(after)
        if before.get(docname, empty) != after.get(docname, empty)
    }
