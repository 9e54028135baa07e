"""Boundary: derive the blog's identity at ``config-inited``; report likely author typos.

``conf.py`` is read once; what it leaves unset is filled in from ``blog_owner`` (see
``identity.derive``) before ABlog or any other extension looks. ``html_baseurl`` is taken
from ``READTHEDOCS_CANONICAL_URL`` or ``BLOG_BASEURL`` when the environment sets either
(Read the Docs and the GitHub Pages workflow do).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from .identity import author_typos, derive

logger = logging.getLogger(__name__)

#: Environment variables that give the site's public address, first found wins.
BASE_URL_VARIABLES = ("READTHEDOCS_CANONICAL_URL", "BLOG_BASEURL")


def unset_settings(config: Config) -> set[str]:
    """The identity settings ``conf.py`` left at their defaults (Sphinx's or ABlog's)."""
    unset: set[str] = set()
    if config.project in ("", "Project name not set"):
        unset.add("project")
    if config.author in ("", "Author name not set"):
        unset.add("author")
    if not config.copyright:
        unset.add("copyright")
    if not config.html_title or str(config.html_title).endswith(" documentation"):
        unset.add("html_title")
    if config.blog_title in ("", "Blog", None):
        unset.add("blog_title")
    if not config.blog_default_author:
        unset.add("blog_default_author")
    return unset


def settle_identity(app: Sphinx, config: Config) -> None:
    """config-inited: fill in what names a person; repair and report what ABlog would reject."""
    for variable in BASE_URL_VARIABLES:
        if os.environ.get(variable, "").strip():
            config.html_baseurl = os.environ[variable].strip()
            break
    names = ("blog_owner", "blog_title", "project", "author", "copyright", "html_title")
    values: dict[str, Any] = {name: getattr(config, name, None) for name in names}
    values["blog_authors"] = config.blog_authors
    values["blog_default_author"] = config.blog_default_author
    changes, problems = derive(values, unset_settings(config))
    for name, value in changes.items():
        setattr(config, name, value)
    conf = Path(app.confdir, "conf.py")
    try:
        conf_text = conf.read_text(encoding="utf-8")
    except OSError:
        conf_text = ""
    for problem in problems:
        logger.warning(
            "%s (setting %s)",
            problem.message,
            problem.setting,
            type="identity",
            subtype="config",
            location=f"{conf}:{setting_line(conf_text, problem.setting)}",
        )


def setting_line(conf_text: str, setting: str) -> int:
    """The line of conf.py that assigns ``setting`` (1 when it is not assigned there)."""
    match = re.search(rf"^{re.escape(setting)}\s*(?::[^=]*)?=", conf_text, re.M)
    return conf_text.count("\n", 0, match.start()) + 1 if match else 1


def report_typos(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """env-updated: an author name one or two letters away from a known one is a warning."""
    if "blog" not in env.domains:
        return []
    posts = env.get_domain("blog").posts  # type: ignore[attr-defined]
    config = app.config
    known = {config.blog_owner} | set(config.blog_authors)
    known |= {about[0] for about in config.blog_authors.values()}
    uses = [(post.docname, post.authors) for post in posts.values()]
    for typo in author_typos(uses, {name for name in known if name}):
        logger.warning(
            "author %r looks like a misspelling of %r; write the same name in every post "
            "(or add both to blog_authors in conf.py if they are two people)",
            typo.name,
            typo.known,
            type="identity",
            subtype="author",
            location=(typo.docname, 1),
        )
    return []
