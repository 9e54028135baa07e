"""Boundary: gather each document's old addresses while reading; at the end of an HTML
build, write one small redirect page per old address and delete the ones no longer wanted.

Per-document records live in the ``redirects`` domain (purge is a pop; a parallel merge copies
only the worker's documents). The pages are derived from all records at ``build-finished``,
after the builder has written every page (so a clash with one is seen), and written only
when their bytes change. The files written are remembered in the doctree folder
(``redirects.json``), so the pages of an address that went away are deleted next time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Set
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.util import logging

from ..frontmatter.post import key_lines
from ..frontmatter.values import decode
from .model import KEYS, Problem, Redirects
from .paths import canonical_url, is_redirect_page, redirect_page, relative_url, values
from .plan import claims, settle

logger = logging.getLogger(__name__)

MANIFEST = "redirects.json"
_LINES = "redirects-lines"
BUILDERS = ("html", "dirhtml")


class RedirectsDomain(Domain):
    """Holds ``{"docs": {docname: (Redirects, ...)}}``; nothing else lives in the environment."""

    name = "redirects"
    label = "Old addresses"
    initial_data = {"docs": {}}  # noqa: RUF012 (Sphinx copies it per environment)
    data_version = 1

    @property
    def docs(self) -> dict[str, tuple[Redirects, ...]]:
        return self.data.setdefault("docs", {})

    def clear_doc(self, docname: str) -> None:
        self.docs.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for docname, records in otherdata["docs"].items():
            if docname in docnames:
                self.docs[docname] = records

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[Any]:
        return []


def note_key_lines(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read (before other extensions rewrite the text): the lines of our keys."""
    lines = key_lines(source[0])
    app.env.temp_data[_LINES] = {key: lines[key] for key in KEYS if key in lines}


def collect(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read: the document's old addresses, from its front matter (``env.metadata``)."""
    env = app.env
    lines: dict[str, int] = env.temp_data.pop(_LINES, None) or {}
    metadata = env.metadata.get(env.docname, {})
    records = tuple(
        Redirects(env.docname, values(decode(metadata[key])), key, lines.get(key))
        for key in KEYS
        if key in metadata
    )
    if records:
        env.get_domain("redirects").docs[env.docname] = records  # type: ignore[attr-defined]


class RedirectWriter:
    """One per application: notes the pages other extensions generate, writes ours at the end."""

    def __init__(self) -> None:
        self.generated: set[str] = set()

    def reset(self, app: Sphinx) -> None:
        """builder-inited: a new build starts from nothing."""
        self.generated = set()

    def note_page(
        self,
        app: Sphinx,
        pagename: str,
        templatename: str,
        context: dict[str, Any],
        doctree: nodes.document | None,
    ) -> None:
        """html-page-context: remember generated pages (indexes, search, ABlog's lists)."""
        if doctree is None:
            self.generated.add(pagename)

    def write(self, app: Sphinx, exception: Exception | None) -> None:
        """build-finished: write the redirect pages, warn about refused addresses."""
        builder = app.builder
        if exception is not None or builder.name not in BUILDERS:
            return
        env, outdir = app.env, Path(builder.outdir)
        domain: RedirectsDomain = env.get_domain("redirects")  # type: ignore[assignment]
        records = [r for d, rs in domain.docs.items() if d in env.found_docs for r in rs]
        found, problems = claims(records)
        manifest = Manifest.load(Path(app.doctreedir) / MANIFEST, outdir)
        taken = self.taken(app, [claim.file for claim in found], manifest)
        pages, refused = settle(found, taken)
        for docname, problem in problems + refused:
            warn(docname, problem)
        written: dict[str, str] = {}
        for page in pages:
            content = render(app, page.file, page.docname)
            _write_if_changed(outdir / page.file, content)
            written[page.file] = hashlib.sha256(content).hexdigest()
        removed = manifest.remove_stale(set(written))
        Manifest(manifest.path, str(outdir), written).save()
        if pages or removed:
            logger.info("redirects: %d pages, %d stale ones deleted", len(pages), removed)

    def taken(self, app: Sphinx, wanted: list[str], manifest: Manifest) -> dict[str, str]:
        """The files (of those ``wanted``) a redirect must not replace, and whose they are:
        every document's page, every generated page, and files already in the output
        that are not earlier redirect pages."""
        if not wanted:
            return {}  # no redirect asked for: nothing to look up
        builder, outdir = app.builder, Path(app.builder.outdir)
        taken = {_out(builder, d): f"the page of {d}" for d in sorted(app.env.found_docs)}
        for pagename in sorted(self.generated):
            taken.setdefault(_out(builder, pagename), f"the generated page {pagename}")
        for file in wanted:
            path = outdir / file
            if file in taken or file in manifest.files or not path.is_file():
                continue
            if not is_redirect_page(path.read_bytes()[:2048]):
                taken[file] = "a file already in the output that is not a redirect"
        return taken


def redirect_files(app: Sphinx) -> frozenset[str]:
    """The redirect pages of this output ("/"-separated, relative): pages for readers who
    follow an old link, not for search engines (the sitemap leaves them out)."""
    manifest = Manifest.load(Path(app.doctreedir) / MANIFEST, Path(app.builder.outdir))
    return frozenset(manifest.files)


def render(app: Sphinx, file: str, docname: str) -> bytes:
    """The redirect page ``file`` sending readers to ``docname``."""
    target = app.builder.get_target_uri(docname)
    url = relative_url(file, target)
    title = app.env.titles[docname].astext() if docname in app.env.titles else ""
    page = redirect_page(
        url=url,
        canonical=canonical_url(app.config.html_baseurl, target) or url,
        title=title or docname,
        language=app.config.language or "en",
    )
    return page.encode("utf-8")


def _out(builder: Any, pagename: str) -> str:
    """The file (inside the output, "/"-separated) that a page is written to."""
    path = Path(builder.get_outfilename(pagename))
    return path.relative_to(builder.outdir).as_posix()


def warn(docname: str, problem: Problem) -> None:
    logger.warning(
        problem.message,
        type="redirects",
        subtype=problem.code,
        location=(docname, problem.line) if problem.line else docname,
    )


def _write_if_changed(path: Path, content: bytes) -> None:
    if path.is_file() and path.read_bytes() == content:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)


class Manifest:
    """The redirect pages earlier builds wrote into ``outdir`` (file → SHA-256). One file in
    the doctree folder serves every output folder built from it (html, dirhtml...)."""

    def __init__(self, path: Path, outdir: str, files: dict[str, str]) -> None:
        self.path, self.outdir, self.files = path, outdir, files

    @staticmethod
    def _read(path: Path) -> dict[str, Any]:
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    @classmethod
    def load(cls, path: Path, outdir: Path) -> Manifest:
        files = cls._read(path).get(str(outdir))
        return cls(path, str(outdir), dict(files) if isinstance(files, dict) else {})

    def save(self) -> None:
        data = self._read(self.path)
        data[self.outdir] = dict(sorted(self.files.items()))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", "utf-8")

    def remove_stale(self, keep: Set[str]) -> int:
        """Delete earlier redirect pages not in ``keep`` (only if still ours); how many."""
        outdir = Path(self.outdir)
        removed = 0
        for file in sorted(set(self.files) - keep):
            path = outdir / file
            try:
                ours = path.is_file() and is_redirect_page(path.read_bytes()[:2048])
            except OSError:
                continue
            if not ours:
                continue
            path.unlink()
            removed += 1
            folder = path.parent
            while folder != outdir and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
        return removed
