"""Named fixes for ABlog, applied from our side; see ``sphinx_shims`` for each one."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import sphinx_shims as shims


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("ablog")
    app.setup_extension("extensions.frontmatter")
    # ABlog merges nothing from parallel readers; we do (merge_parallel_reads), so say so.
    app.extensions["ablog"].parallel_read_safe = True
    shims.use_our_slugs()
    app.connect("env-updated", shims.report_shared_pages)
    app.connect("builder-inited", shims.reset_blog_state, priority=100)
    app.connect("builder-inited", shims.drop_ablog_pages)
    app.connect("env-merge-info", shims.merge_parallel_reads)
    app.connect("env-purge-doc", shims.purge_postlist)
    app.connect("doctree-read", shims.note_postlists)
    app.connect("doctree-read", shims.drop_doctree_copies, priority=900)
    app.connect("env-get-outdated", shims.note_removed)
    app.connect("env-updated", shims.mark_stale_pages, priority=600)
    app.connect("build-finished", shims.delete_orphaned_output)
    summaries = shims.SummaryCache()  # one per application, never shared between builds
    app.connect("builder-inited", summaries.clear)
    app.connect("html-page-context", summaries.add_to_context)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
