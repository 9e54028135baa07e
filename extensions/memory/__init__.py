"""How a build holds its memory: what lives for the whole build is kept out of the way of
Python's cyclic garbage collector.

An incremental build loads the last build's environment (every post's metadata, toctrees,
our per-document records and derived lists), which then lives until the build ends; yet
every full collection walks all of it again, and so does the last one, as the process
exits: at 1000 posts that was a third of a no-op rebuild. So:

- ``config-inited`` to ``env-before-read-docs``: no collection while the environment is
  unpickled (each would walk all that was loaded so far; unpickling makes no garbage);
- ``env-before-read-docs``: the environment just loaded is frozen (:func:`gc.freeze`), so
  collections skip it and forked ``-j N`` workers share its pages instead of copying them;
  unless most documents are about to be read again (their old data is about to be garbage,
  which a frozen heap could not free);
- ``build-finished``, last: everything is frozen, so the process exits without walking a
  heap it is about to drop anyway.

Only the collector's bookkeeping changes: every object is the same, and a build's output is
byte for byte the same (``tests/memory``). What is frozen stays frozen until the process ends
(that is the point); code that builds applications inside a longer-lived process, as the
tests do, calls :func:`gc.unfreeze` (and :func:`gc.enable`, should a build stop before it
reads) after each (``tests/conftest.py``).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .sphinx_gc import freeze_at_exit, freeze_loaded, pause_for_loading


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", pause_for_loading, priority=900)
    app.connect("env-before-read-docs", freeze_loaded, priority=900)
    app.connect("build-finished", freeze_at_exit, priority=1000)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
