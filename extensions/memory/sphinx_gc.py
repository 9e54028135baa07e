"""The event handlers that keep a build's long-lived objects out of the garbage collector's
way (see the package's docstring)."""

from __future__ import annotations

import gc
from collections.abc import Sequence

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment


def pause_for_loading(app: Sphinx, config: Config) -> None:
    """config-inited: no collection while the last build's environment is unpickled (each
    would walk every object loaded so far, and unpickling makes no garbage)."""
    gc.disable()


def freeze_loaded(app: Sphinx, env: BuildEnvironment, docnames: Sequence[str]) -> None:
    """env-before-read-docs: the environment loaded from the last build lives for this one,
    unless most of it is about to be read again; then collections resume."""
    if len(docnames) * 2 <= len(env.all_docs):
        gc.freeze()
    gc.enable()


def freeze_at_exit(app: Sphinx, exception: BaseException | None) -> None:
    """build-finished: nothing is needed any more; let the process exit without a last
    collection of everything."""
    gc.freeze()
    gc.enable()
