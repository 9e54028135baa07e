"""extensions.memory: a build's long-lived objects are frozen out of the garbage collector
once read, and nothing else changes (the same pages, byte for byte)."""

from __future__ import annotations

import gc
import shutil

from sphinx.testing.util import SphinxTestApp

from tests.conftest import build_site, sample_source

#: A site with the extension, and a note of whether collections ran while the environment
#: was loaded (builder-inited comes after it; the test's own listeners come too late).
PROBE = """\
import gc

extensions = ["extensions.memory"]


def setup(app):
    app.add_config_value("collecting_while_loading", None, "")

    def note(app):
        app.config.collecting_while_loading = gc.isenabled()

    app.connect("builder-inited", note)
"""


def test_a_loaded_environment_is_frozen_and_so_is_everything_at_the_end(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(PROBE, encoding="utf-8")
    (src / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   other\n", "utf-8")
    (src / "other.rst").write_text("Other\n=====\n\nHello.\n", encoding="utf-8")

    def build() -> dict[str, int]:
        seen: dict[str, int] = {}

        def before(app, env, docnames) -> None:
            seen["before"] = gc.get_freeze_count()
            seen["collecting while reading"] = gc.isenabled()

        def finished(app, exception) -> None:
            seen["finished"] = gc.get_freeze_count()

        app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "_build")
        try:
            app.connect("env-before-read-docs", before, priority=999)
            app.connect("build-finished", finished, priority=1001)
            gc.unfreeze()
            seen["collecting while loading"] = app.config.collecting_while_loading
            app.build()
        finally:
            app.cleanup()
        return seen

    first = build()  # every document read: nothing loaded to freeze
    assert not first["collecting while loading"] and first["collecting while reading"]
    assert first["before"] == 0 and first["finished"] > 0
    (src / "other.rst").write_text("Other\n=====\n\nHello again.\n", encoding="utf-8")
    second = build()  # one of two read again: the loaded environment is frozen
    assert not second["collecting while loading"] and second["collecting while reading"]
    assert second["before"] > 0 and second["finished"] >= second["before"]
    (src / "conf.py").write_text(PROBE + 'project = "X"\n', "utf-8")
    third = build()  # every document read again (the settings changed): nothing frozen
    assert third["before"] == 0


def test_the_pages_are_the_same_with_it_or_without(tmp_path):
    with_it = sample_source(tmp_path / "with")
    without = sample_source(tmp_path / "without")
    conf = with_it / "conf.py"
    conf.write_text(conf.read_text("utf-8") + '\nextensions.append("extensions.memory")\n', "utf-8")
    for src in (with_it, without):
        done = build_site(src, src.parent / "html")
        assert done.returncode == 0, done.stderr
    first, second = with_it.parent / "html", without.parent / "html"
    names = sorted(
        p.relative_to(first).as_posix()
        for p in first.rglob("*")
        if p.is_file() and p.name != ".buildinfo"
    )
    assert names == sorted(
        p.relative_to(second).as_posix()
        for p in second.rglob("*")
        if p.is_file() and p.name != ".buildinfo"
    )
    assert len(names) > 20
    differ = [n for n in names if (first / n).read_bytes() != (second / n).read_bytes()]
    assert differ == []
    shutil.rmtree(tmp_path / "with")
