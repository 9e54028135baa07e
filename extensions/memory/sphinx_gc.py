"""The event handlers that freeze a build's long-lived objects (see the package's
docstring)."""

from __future__ import annotations

import gc
from collections.abc import Sequence

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment


def freeze_loaded(app: Sphinx, env: BuildEnvironment, docnames: Sequence[str]) -> None:
    """env-before-read-docs: the environment loaded from the last build lives for this one,
    unless most of it is about to be read again."""
    if len(docnames) * 2 <= len(env.all_docs):
        gc.freeze()


def freeze_at_exit(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: nothing is needed any more; let the process exit without a last
    collection of everything."""
    gc.freeze()
