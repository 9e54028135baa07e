"""-j 2 reads and writes in two processes and gives the same site as a serial build."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "roots" / "test-listing"


def test_parallel_build_equals_serial(tmp_path, make_app, monkeypatch):
    from extensions.listing import sphinx_listing

    monkeypatch.setattr(sphinx_listing, "PARALLEL_PAGES", 2)  # draw even these few in parallel
    src = tmp_path / "src"
    shutil.copytree(ROOT, src)
    outputs = {}
    for name, parallel in (("serial", 1), ("parallel", 2)):
        app = make_app("html", srcdir=src, builddir=tmp_path / name, parallel=parallel)
        merges: list[object] = []
        app.connect("env-merge-info", lambda *args, seen=merges: seen.append(args[2]))
        drawn_here: list[str] = []
        app.connect("html-page-context", lambda _a, page, *rest, seen=drawn_here: seen.append(page))
        app.build()
        assert app.warning.getvalue() == ""
        assert bool(merges) == (parallel > 1)  # it really read in worker processes
        lists_drawn_here = [page for page in drawn_here if page.startswith("blog/tag/")]
        assert bool(lists_drawn_here) == (parallel == 1)  # and drew the lists in them
        out = Path(app.outdir)
        outputs[name] = {
            p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
        }
        app.cleanup()
    assert len(outputs["serial"]) > 40
    assert outputs["parallel"] == outputs["serial"]
