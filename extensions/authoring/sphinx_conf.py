"""The one touch of Sphinx in ``make post``: a site's ``conf.py``, executed as Sphinx does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.config import eval_config_file
from sphinx.errors import ConfigError
from sphinx.util.tags import Tags


class ConfUnreadable(Exception):
    """``conf.py`` could not be executed; the message is its last line."""


def conf_namespace(conf: Path) -> dict[str, Any]:
    """The names ``conf`` defines."""
    try:
        return eval_config_file(conf.resolve(), Tags())
    except (ConfigError, OSError) as error:
        lines = [line for line in str(error).splitlines() if line.strip()]
        raise ConfUnreadable(lines[-1].strip() if lines else str(error)) from error
