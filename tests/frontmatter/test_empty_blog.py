"""A blog with no posts yet (a newcomer's first build) builds cleanly and links nowhere
that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.site_checks import broken_links


@pytest.mark.sphinx("html", testroot="empty-blog")
def test_a_blog_without_posts_builds_cleanly_with_no_broken_link(app):
    app.build()
    assert app.warning.getvalue() == ""
    assert broken_links(Path(app.outdir)) == []
