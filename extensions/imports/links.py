"""Links between imported posts and the files they show, settled once every post is read.

A link may name another imported post by its old address (``/2010/07/21/name.html``, any
spelling of it), by our new address (``/posts/2010/name.html``), by its source file
(``2010-07-21-name.md``, ``../2019/03-14-x.md``) or through ``{% post_url %}``, ``{% link %}``
or ``{{< ref >}}``: it becomes a relative MyST link to the converted ``.md`` file, which
Sphinx checks. A file a post shows or links to (an image, a PDF) is looked up beside the post
(relative paths) or in the assets folder (site-absolute paths), copied to
``<dest>/YYYY/<slug>/<name>`` and the reference rewritten. What cannot be found is kept as
written and reported. Pure functions: which files exist is given as an :class:`Inventory`.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import PurePath, PurePosixPath
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from ..nimble.model import Problem
from ..nimble.translate import render
from .edits import Edit, apply
from .hugo import ref_key
from .markdown import (
    Regions,
    escape_braces,
    fence,
    in_link_destination,
    inline_code,
    kept_form,
    regions,
    text_literal,
)
from .model import AssetCopy, Conversion, Draft, Inventory, Kept, Options, Pending
from .references import Reference, find_references
from .urls import url_key

#: The root name of the ``--assets`` folder in an :class:`Inventory`.
ASSETS = "--assets"
#: Files that are documents, not assets: never copied (Sphinx would read them).
DOCUMENT_SUFFIXES = frozenset({".md", ".markdown", ".rst", ".ipynb", ".txt"})
#: Addresses that name pages rather than files: unresolved ones are links to check.
PAGE_SUFFIXES = frozenset({"", ".html", ".htm", ".php", ".asp", ".aspx", ".md", ".markdown"})
_MARKER = re.compile("\ue000(\\d+)\ue001")
_IMAGE_TAG = re.compile(r"<img\b[^<>]*>", re.I)
_ONLY_IMAGES = re.compile(r"\s*(?:<img\b[^<>]*>\s*)+", re.I)


@dataclass(frozen=True)
class Index:
    """Every key a link may use for an imported post, and the post's new file (in dest)."""

    urls: dict[str, str] = field(default_factory=dict)
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)


def build_index(drafts: Iterable[Draft], options: Options) -> Index:
    """The link index of an import (the first post to claim a key keeps it)."""
    index = Index()
    dest_name = PurePosixPath(options.dest).name
    for draft in drafts:
        keys = [url_key(url) for url in draft.old_urls]
        keys.append(url_key(f"{dest_name}/{draft.target}"))  # our new address, /posts/2020/x
        # The file's old path as a site path (/posts/2021/03-01-x: NimblePublisher's layout),
        # and the address it had when this blog read it in place.
        keys.append(url_key(f"{draft.source.root_name}/{draft.source.relative}"))
        keys.append(url_key(f"{dest_name}/{draft.source.relative}"))
        if draft.source.in_place:
            keys.append(url_key(f"{dest_name}/{draft.source.in_place}"))
        for key in keys:
            index.urls.setdefault(key, draft.target)
        for key in _source_keys(draft.source.relative):
            index.sources.setdefault((draft.source.root, key), draft.target)
        for name in draft.names:
            index.names.setdefault(name, draft.target)
    return index


def _source_keys(relative: str) -> list[str]:
    key = url_key(relative)
    keys = [key]
    if key.endswith("/index"):
        keys.append(key[: -len("/index")])
    if "_posts/" in key:  # {% link _posts/x.md %} when SRC was the _posts folder itself
        keys.append(key.split("_posts/", 1)[1])
    return keys


@dataclass(frozen=True)
class Resolved:
    """What a reference points at: ``post`` or ``asset`` (``target`` inside dest, ``copy``),
    ``missing`` (a file not found: ``reason``), ``unresolved`` (a page we do not know),
    or ``external`` (left alone)."""

    kind: str
    target: str = ""
    suffix: str = ""  # the query and fragment to keep
    copy: AssetCopy | None = None
    reason: str = ""


def lookups(drafts: Iterable[Draft], options: Options) -> frozenset[tuple[str, str]]:
    """Every ``(root, path)`` whose existence the import needs to know (see :class:`Inventory`)."""
    wanted: set[tuple[str, str]] = set()
    for draft in drafts:
        for url, _image in _asset_urls(draft):
            candidates = _candidates(url, draft, options)
            if isinstance(candidates, list):
                wanted.update(candidates)
    return frozenset(wanted)


def _asset_urls(draft: Draft) -> Iterator[tuple[str, bool]]:
    for reference in find_references(draft.body, regions(draft.body)):
        yield reference.url, reference.image
    for pending in draft.pending:
        if pending.kind == "asset":
            yield pending.key, True
        elif pending.kind == "link":  # {% link path %}: a path inside the site
            yield "/" + pending.key.strip().lstrip("/"), True
    image = dict(draft.front_matter).get("image")
    if isinstance(image, str):
        yield image, True


def _candidates(url: str, draft: Draft, options: Options) -> list[tuple[str, str]] | str:
    """Where the file a reference names may be, in order; or why it is never looked up."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return []
    path = unquote(parts.path)
    if posixpath.splitext(path)[1].lower() in DOCUMENT_SUFFIXES:
        return []
    if path.startswith("/"):
        relative = posixpath.normpath(path.lstrip("/"))
        roots = [ASSETS] if options.has_assets else [draft.source.root]
    else:
        folder = posixpath.dirname(draft.source.relative)
        relative = posixpath.normpath(posixpath.join(folder, path))
        roots = [draft.source.root]
    if relative == ".." or relative.startswith("../"):
        return "outside the source folder: never copied"
    if any(part.startswith(".") for part in relative.split("/")):
        return "a hidden file or folder: never copied"
    found = [(root, relative) for root in roots]
    if path.startswith("/") and not options.has_assets and draft.source_format == "hugo":
        found.append((draft.source.root, "static/" + relative))  # Hugo serves static/ at /
    return found


@dataclass
class _Finisher:
    """Settles one draft's references (mutable bookkeeping while it works; the result is a
    frozen :class:`Conversion`)."""

    draft: Draft
    index: Index
    inventory: Inventory
    options: Options
    copies: dict[tuple[str, str], AssetCopy] = field(default_factory=dict)
    taken: dict[str, tuple[str, str]] = field(default_factory=dict)
    missing: list[Problem] = field(default_factory=list)
    unresolved: list[Problem] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    # --- resolving --------------------------------------------------------------------------

    def resolve(self, url: str, *, image: bool = False) -> Resolved:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith("#") or not parts.path:
            return Resolved("external")
        suffix = ("?" + parts.query if parts.query else "") + (
            "#" + parts.fragment if parts.fragment else ""
        )
        path = unquote(parts.path)
        post = self._post(path)
        if post is not None:
            return Resolved("post", post, suffix)
        candidates = _candidates(url, self.draft, self.options)
        if isinstance(candidates, str):
            return Resolved("missing", reason=candidates)
        for root, relative in candidates:
            if self.inventory.has(root, relative):
                copy = self._planned_copy(root, relative)
                return Resolved("asset", copy.target, suffix, copy)
        extension = posixpath.splitext(path)[1].lower()
        if image or (extension not in PAGE_SUFFIXES and not path.endswith("/")):
            where = (
                "in the assets folder"
                if path.startswith("/") and self.options.has_assets
                else "beside the post"
                if not path.startswith("/")
                else "in the source folder (give --assets DIR)"
            )
            return Resolved("missing", reason=f"not found {where}")
        return Resolved("unresolved", reason="no imported post has this address")

    def _post(self, path: str) -> str | None:
        draft, index = self.draft, self.index
        if path.startswith("/"):
            return index.urls.get(url_key(path))
        folder = posixpath.dirname(draft.source.relative)
        joined = posixpath.normpath(posixpath.join(folder, path))
        found = index.sources.get((draft.source.root, url_key(joined)))
        if found is None and draft.old_urls:
            found = index.urls.get(url_key(urljoin(draft.old_urls[0], path)))
        return found

    def _planned_copy(self, root: str, relative: str) -> AssetCopy:
        """Where a file goes: ``YYYY/<slug>/<name>``; a second, different file with the same
        name gets ``<stem>-<hash of its path><ext>`` (stable from run to run)."""
        if (root, relative) in self.copies:
            return self.copies[(root, relative)]
        name = re.sub(r"[^\w.-]+", "-", posixpath.basename(relative)).strip("-.") or "file"
        if name in self.taken and self.taken[name] != (root, relative):
            stem, extension = posixpath.splitext(name)
            digest = hashlib.sha256(f"{root}\n{relative}".encode()).hexdigest()[:8]
            name = f"{stem}-{digest}{extension}"
        folder = self.draft.target[: -len(".md")]
        return AssetCopy(root, relative, f"{folder}/{name}")

    def use(self, resolved: Resolved) -> None:
        """Copy the file ``resolved`` names (when it names one)."""
        copy = resolved.copy
        if copy is not None:
            self.copies[(copy.root, copy.relative)] = copy
            self.taken[posixpath.basename(copy.target)] = (copy.root, copy.relative)

    def link(self, target: str, suffix: str, *, html: bool = False) -> str:
        """The relative address of ``target`` (inside dest) from this post's page."""
        here = posixpath.dirname(self.draft.target)
        relative = posixpath.relpath(target, here)
        if html and relative.endswith(".md"):
            relative = relative[: -len(".md")] + ".html"
        return relative + suffix

    def pending(self, item: Pending, *, html: bool) -> str | None:
        """The address a marker stands for, or None when it cannot be resolved."""
        if item.kind == "post":
            key = item.key.strip().strip("/")
            target = self.index.names.get(f"post_url:{key}") or self.index.names.get(
                f"post_url:{key.rsplit('/', 1)[-1]}"
            )
            return None if target is None else self.link(target, "", html=html)
        if item.kind == "ref":
            reference = item.key
            fragment = "#" + reference.split("#", 1)[1] if "#" in reference else ""
            target = self.index.names.get(ref_key(reference)) or self.index.names.get(
                "ref:" + ref_key(reference)[len("ref:") :].rsplit("/", 1)[-1]
            )
            if target is None and reference.startswith("#"):
                return reference
            return None if target is None else self.link(target, fragment, html=html)
        if item.kind == "link":
            key = item.key.strip()
            target = self.index.sources.get((self.draft.source.root, url_key(key.lstrip("/"))))
            if target is not None:
                return self.link(target, "", html=html)
            resolved = self.resolve("/" + key.lstrip("/"), image=True)
            if resolved.kind == "asset":
                self.use(resolved)
                return self.link(resolved.target, resolved.suffix)
            return None
        resolved = self.resolve(item.key, image=True)  # "asset": a figure's picture
        if resolved.kind == "asset":
            self.use(resolved)
            return self.link(resolved.target, resolved.suffix)
        self.missing.append(
            Problem("missing", f"{item.key}: {resolved.reason or 'not found'}", item.line)
        )
        return item.key

    # --- rewriting --------------------------------------------------------------------------

    def rewrite(self) -> str:
        draft = self.draft
        text = draft.body
        where = regions(text)
        edits: list[Edit] = []
        covered: list[tuple[int, int]] = []
        for reference in find_references(text, where):
            covered.append(reference.span)
            edits += self._reference(text, where, reference)
        for found in _MARKER.finditer(text):
            if any(start <= found.start() < end for start, end in covered):
                continue
            item = draft.pending[int(found.group(1))]
            address = self.pending(item, html=not in_link_destination(text, found.start()))
            if address is None:
                self._unresolved_pending(item)
                address = kept_form(item.original, text, found.start(), where)
            edits.append(Edit(found.start(), found.end(), address))
        body, _ = apply(text, _without_overlaps(edits))
        return escape_braces(body)

    def _unresolved_pending(self, item: Pending) -> None:
        what = {
            "post": "no imported post",
            "ref": "no imported post",
            "link": "no imported post or file",
        }
        self.unresolved.append(
            Problem("link", f"{item.original}: {what.get(item.kind, 'nothing')} matches", item.line)
        )
        self.kept.append(Kept(item.line, item.original))

    def _reference(self, text: str, where: Regions, reference: Reference) -> list[Edit]:
        url = reference.url
        line = self.draft.line(reference.span[0])
        html = reference.kind == "html"
        markers = list(_MARKER.finditer(url))
        if markers:
            replaced, unresolved = url, False
            for found in reversed(markers):
                item = self.draft.pending[int(found.group(1))]
                address = self.pending(item, html=html)
                if address is None:
                    self._unresolved_pending(item)
                    address, unresolved = item.original, True
                replaced = replaced[: found.start()] + address + replaced[found.end() :]
            if unresolved and not html:
                return [self._flatten(text, reference, replaced)]
            return [Edit(*reference.span, _destination(replaced))]
        if "{{" in url or "{%" in url:
            self.kept.append(Kept(line, url))
            return [] if html else [self._flatten(text, reference, url)]
        resolved = self.resolve(url, image=reference.image)
        if resolved.kind == "external":
            return []
        if resolved.kind in ("missing", "unresolved"):
            report = self.missing if resolved.kind == "missing" else self.unresolved
            report.append(Problem(resolved.kind, f"{url}: {resolved.reason}", line))
            return []
        if not html:
            self.use(resolved)
            address = _destination(self.link(resolved.target, resolved.suffix))
            return [Edit(*reference.span, address)]
        return self._html(text, where, reference, resolved, line)

    def _html(
        self, text: str, where: Regions, reference: Reference, resolved: Resolved, line: int
    ) -> list[Edit]:
        """A raw HTML tag's ``src``/``href``. Sphinx publishes files only from Markdown images
        and links, so a tag outside an HTML block becomes Markdown when it can."""
        block = where.html_block_at(reference.span[0])
        lone_images = block is not None and _ONLY_IMAGES.fullmatch(text[block[0] : block[1]])
        in_block = block is not None and not lone_images
        start, end = reference.whole
        attributes = dict(reference.attributes)
        if resolved.kind == "asset" and reference.tag == "img" and not in_block:
            self.use(resolved)
            address = _destination(self.link(resolved.target, ""))
            alt = attributes.get("alt", "")
            extra = [
                (name, attributes[name])
                for name in ("width", "height", "class", "align")
                if attributes.get(name)
            ]
            if extra and block is not None and len(_IMAGE_TAG.findall(text, *block)) == 1:
                options = (("alt", " ".join(alt.split())),) if alt.strip() else ()
                return [Edit(start, end, fence("", "{image} " + address, options + tuple(extra)))]
            dropped = sorted(set(attributes) - {"src", "alt", "title"})
            if dropped:
                self.notes.append(
                    Problem(
                        "html", f"<img> became a Markdown image without {', '.join(dropped)}", line
                    )
                )
            title = attributes.get("title", "")
            image = f"![{text_literal(alt)}]({address}"
            image += f' "{title}")' if title and '"' not in title else ")"
            return [Edit(start, end, image)]
        if reference.tag == "a" and not in_block:
            closing = re.compile(r"</a\s*>", re.I).search(text, end)
            inner = text[end : closing.start()] if closing else "<"
            if closing and "<" not in inner and "\n\n" not in inner and inner.strip():
                self.use(resolved)
                address = _destination(self.link(resolved.target, resolved.suffix))
                return [Edit(start, closing.end(), f"[{text_literal(inner)}]({address})")]
        if resolved.kind == "post":
            return [Edit(*reference.span, self.link(resolved.target, resolved.suffix, html=True))]
        # A file in raw HTML that cannot become Markdown: Sphinx would not publish it.
        self.missing.append(
            Problem(
                "html",
                f"{reference.url}: in raw HTML that Sphinx does not publish files from; "
                "write it as a Markdown image or link",
                line,
            )
        )
        return []

    def _flatten(self, text: str, reference: Reference, url: str) -> Edit:
        """A link whose address is Liquid/Hugo we cannot convert: its text, then the address
        as code (a link to it would be broken, and MyST would warn)."""
        if reference.kind == "definition":
            return Edit(
                *reference.whole, inline_code(text[reference.whole[0] : reference.whole[1]])
            )
        label = reference.text.strip()
        return Edit(*reference.whole, (label + " " if label else "") + "(" + inline_code(url) + ")")

    def image_field(self, value: Any) -> Any:
        if not isinstance(value, str) or not value.strip():
            return value
        resolved = self.resolve(value.strip(), image=True)
        if resolved.kind == "asset":
            self.use(resolved)
            return self.link(resolved.target, resolved.suffix)
        if resolved.kind in ("missing", "unresolved"):
            self.missing.append(Problem("missing", f"image {value}: {resolved.reason}", None))
        return value


def _destination(address: str) -> str:
    """A link destination as Markdown needs it (``<...>`` around one with spaces)."""
    return f"<{address}>" if re.search(r"[\s()<>]", address) else address


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (e.start, -e.end)):
        if kept and edit.start < kept[-1].end:
            continue
        kept.append(edit)
    return kept


def finish(draft: Draft, index: Index, inventory: Inventory, options: Options) -> Conversion:
    """The converted post: links and files settled, old addresses recorded, as bytes."""
    work = _Finisher(draft, index, inventory, options)
    body = work.rewrite()
    pairs = [
        (key, work.image_field(value) if key == "image" else value)
        for key, value in draft.front_matter
    ]
    if draft.old_urls:
        existing = dict(pairs).get("redirect_from")
        earlier = [existing] if isinstance(existing, str) else list(existing or [])
        merged = list(dict.fromkeys([*earlier, *draft.old_urls]))
        pairs = [(key, value) for key, value in pairs if key != "redirect_from"]
        pairs.append(("redirect_from", merged))
    content = render(tuple(pairs), body, newline=draft.newline)
    return Conversion(
        draft.source.path,
        target=str(PurePath(options.dest, draft.target)),
        content=content.encode("utf-8"),
        notes=(*draft.notes, *work.notes),
        assets=tuple(
            AssetCopy(copy.root, copy.relative, str(PurePath(options.dest, copy.target)))
            for copy in work.copies.values()
        ),
        missing=tuple(work.missing),
        kept=(*draft.kept, *work.kept),
        unresolved=tuple(work.unresolved),
    )
