"""Safe with any input: what a post may make the build (and a reader's browser) do.

Files named by a post stay inside the site, nothing is fetched while building, raw HTML is
sanitised and substitutions run in a sandbox. ``paths``, ``html`` and ``substitutions`` are
the pure rules; ``sphinx_safety`` and ``sphinx_myst`` apply them.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from . import sphinx_myst
from .sphinx_safety import DIRECTIVES, Site, check_settings, guarded, included, make_transform


def setup(app: Sphinx) -> dict[str, Any]:
    if "myst_nb" not in app.extensions:  # MyST-NB sets MyST-Parser up itself
        app.setup_extension("myst_parser")
    app.add_config_value("blog_raw_html", "sanitize", "env", types=[str])
    sphinx_myst.install()
    site = Site()  # one per application
    app.connect("config-inited", check_settings)
    app.connect("builder-inited", site.start)
    app.add_transform(make_transform(site))
    app.connect("include-read", included(app, site))
    for name, directive in DIRECTIVES.items():
        app.add_directive(name, guarded(directive, site), override=True)
    return {
        "version": "1.0",
        "env_version": 1,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
