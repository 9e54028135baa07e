"""The importer as a command, over blogs made for these tests: what it writes and reports,
that a second run changes nothing, that nothing is overwritten without --force, that writes
are atomic, and that nothing outside the given folders (or hidden) is ever copied."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from imports_samples import copy_blog, files_under

from extensions.imports import files as files_module
from extensions.imports.cli import main, run

REPO = Path(__file__).resolve().parents[2]


def imported(*sources: Path, dest: Path, **options) -> tuple[int, str]:
    out = io.StringIO()
    code = run([str(s) for s in sources], str(dest), out=out, **options)
    return code, out.getvalue()


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8").split("---\n")[1])


@pytest.fixture
def nimble(tmp_path):
    return copy_blog("nimble", tmp_path)


@pytest.fixture
def jekyll(tmp_path):
    return copy_blog("jekyll", tmp_path)


@pytest.fixture
def hugo(tmp_path):
    return copy_blog("hugo", tmp_path)


def test_nimble_blog(nimble, tmp_path):
    dest = tmp_path / "posts"
    code, report = imported(nimble / "priv/posts", dest=dest, assets=str(nimble / "priv/static"))
    assert code == 0, report
    assert set(files_under(dest)) == {
        "2021/hello-genserver.md",
        "2021/hello-genserver/genserver.png",
        "2021/supervision-trees.md",
        "2022/liveview-forms.md",
        "2022/liveview-forms/form.png",
    }
    assert "3 converted, 0 unchanged, 0 skipped, 0 failed" in report
    assert "files: 2 copied, 0 unchanged, 1 missing" in report
    missing = f"{nimble}/priv/posts/2021-04-02-supervision-trees.md:18: /images/missing-diagram.png"
    assert missing in report
    assert front_matter(dest / "2021/supervision-trees.md")["redirect_from"] == [
        "/blog/supervision-trees"
    ]
    forms = (dest / "2022/liveview-forms.md").read_text("utf-8")
    assert "[the counter](../2021/hello-genserver.md)" in forms and "\\{\\{ nothing }}" in forms
    assert "```eex\n<%= form_for @changeset" in forms  # code untouched


def test_jekyll_blog(jekyll, tmp_path):
    dest = tmp_path / "posts"
    code, report = imported(jekyll, dest=dest)
    assert code == 0, report
    assert set(files_under(dest)) == {
        "2019/welcome-to-jekyll.md",
        "2019/welcome-to-jekyll/pic.png",
        "2019/welcome-to-jekyll/slides.pdf",
        "2020/second-post.md",
        "2020/second-post/cover.png",
        "2020/second-post/pic.png",
        "2020/not-yet.md",
        "2023/a-draft.md",
    }
    assert f"{jekyll}/about.md: not a post" in report
    assert (
        f"{jekyll}/_posts/2019-05-04-welcome-to-jekyll.markdown:24: "
        '{% include note.html text="Includes are not converted." %}'
    ) in report
    welcome = front_matter(dest / "2019/welcome-to-jekyll.md")
    assert welcome["redirect_from"] == ["/jekyll/update/2019/05/04/welcome-to-jekyll.html"]
    assert welcome["category"] == ["jekyll", "update"] and "layout" not in welcome
    assert front_matter(dest / "2020/second-post.md")["redirect_from"] == ["/blog/second/"]
    assert front_matter(dest / "2023/a-draft.md")["draft"] is True
    assert "redirect_from" not in front_matter(dest / "2020/not-yet.md")


def test_hugo_site(hugo, tmp_path):
    dest = tmp_path / "posts"
    code, report = imported(hugo, dest=dest)
    assert code == 0, report
    assert set(files_under(dest)) == {
        "2021/first-hugo.md",
        "2021/first-hugo/logo.png",
        "2021/bundle.md",
        "2021/bundle/cover.png",
    }
    assert "_index.md: a Hugo section page" in report
    assert (
        f'{hugo}/content/posts/first-hugo.md:19: {{{{< tweet user="gohugoio" id="1" >}}}}' in report
    )
    assert front_matter(dest / "2021/first-hugo.md")["redirect_from"] == [
        "/posts/first-hugo/",
        "/old/first-post/",
        "/posts/first.html",
    ]


@pytest.mark.parametrize(
    ("blog", "posts", "skipped", "files"),
    [("nimble", 3, 0, 2), ("jekyll", 4, 1, 4), ("hugo", 2, 1, 2)],
)
def test_a_second_run_changes_nothing(blog, posts, skipped, files, tmp_path):
    site = copy_blog(blog, tmp_path)
    source = site / "priv/posts" if blog == "nimble" else site
    options = {"assets": str(site / "priv/static")} if blog == "nimble" else {}
    dest = tmp_path / "posts"
    imported(source, dest=dest, **options)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in dest.rglob("*") if p.is_file()}
    code, report = imported(source, dest=dest, **options)
    assert code == 0
    assert f"0 converted, {posts} unchanged, {skipped} skipped, 0 failed\n" in report
    assert f"files: 0 copied, {files} unchanged" in report
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in dest.rglob("*") if p.is_file()}
    assert after == before


def test_nothing_is_overwritten_without_force_and_force_shows_the_difference(jekyll, tmp_path):
    dest = tmp_path / "posts"
    imported(jekyll, dest=dest)
    post, picture = dest / "2020/second-post.md", dest / "2020/second-post/cover.png"
    post.write_text("---\ntitle: Mine\n---\nEdited.\n", "utf-8")
    picture.write_bytes(b"my own picture")
    code, report = imported(jekyll, dest=dest)
    assert code == 0
    assert post.read_text("utf-8") == "---\ntitle: Mine\n---\nEdited.\n"
    assert picture.read_bytes() == b"my own picture"
    assert f"{post} exists and differs (FORCE=1 / --force replaces it)" in report
    picture.write_bytes(b"changed again")
    post.write_text("---\ntitle: A second post\n---\nchanged\n", "utf-8")
    (dest / "2019/welcome-to-jekyll/pic.png").write_bytes(b"other")
    code, report = imported(jekyll, dest=dest, force=True)
    assert code == 0
    assert "-changed" in report and "+date: 2020-02-10 09:30:00+01:00" in report
    assert "welcome-to-jekyll/pic.png (existing, 5 bytes)" in report
    assert post.read_text("utf-8").startswith("---\ntitle: A second post\ndate:")
    assert picture.read_bytes() == (jekyll / "assets/img/cover.png").read_bytes()
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_write_that_fails_midway_leaves_no_partial_file(nimble, tmp_path, monkeypatch):
    dest = tmp_path / "posts"

    def broken_fsync(descriptor):
        raise OSError("disk full")

    monkeypatch.setattr(files_module.os, "fsync", broken_fsync)
    code, report = imported(nimble / "priv/posts", dest=dest, assets=str(nimble / "priv/static"))
    assert code == 1 and report.count("disk full") == 3
    assert [p for p in dest.rglob("*") if p.is_file()] == []  # no post, no image, no temp file
    monkeypatch.undo()
    code, _ = imported(nimble / "priv/posts", dest=dest, assets=str(nimble / "priv/static"))
    post = dest / "2021/hello-genserver.md"
    original = post.read_bytes()

    def broken_replace(source, target):
        raise OSError("rename refused")

    monkeypatch.setattr(files_module.os, "replace", broken_replace)
    (nimble / "priv/static/images/genserver.png").write_bytes(b"a new picture")
    code, report = imported(
        nimble / "priv/posts", dest=dest, assets=str(nimble / "priv/static"), force=True
    )
    assert code == 1 and "rename refused" in report
    assert post.read_bytes() == original
    assert (dest / "2021/hello-genserver/genserver.png").read_bytes() != b"a new picture"
    assert not [p for p in dest.rglob("*") if p.name.endswith(".tmp")]


def test_never_copies_from_outside_or_hidden_files(tmp_path):
    blog = tmp_path / "blog"
    (blog / "_posts").mkdir(parents=True)
    outside = tmp_path / "secret.png"
    outside.write_bytes(b"secret")
    (blog / "assets").mkdir()
    (blog / "assets/link.png").symlink_to(outside)
    (blog / "assets/inside.png").write_bytes(b"fine")
    (blog / "assets/alias.png").symlink_to(blog / "assets/inside.png")
    (blog / ".git").mkdir()
    (blog / ".git/config.png").write_bytes(b"hidden")
    (blog / "assets/.hidden.png").write_bytes(b"hidden")
    (blog / "_posts/2020-01-01-p.md").write_text(
        "---\ntitle: P\n---\n![a](/assets/link.png) ![b](../../secret.png) ![c](/.git/config.png)"
        " ![d](/assets/.hidden.png) ![e](/assets/alias.png) ![f](/assets/inside.png)\n",
        "utf-8",
    )
    dest = tmp_path / "posts"
    code, report = imported(blog, dest=dest)
    assert code == 0
    assert files_under(dest / "2020/p") == {"alias.png": b"fine", "inside.png": b"fine"}
    assert "link.png: not found" in report and "outside the source folder" in report
    assert report.count("a hidden file or folder") == 2


def test_failures_exit_1_and_do_not_stop_the_others(jekyll, tmp_path):
    (jekyll / "_posts/2021-01-01-broken.md").write_text("---\ntitle: [oops\n---\nx\n", "utf-8")
    code, report = imported(jekyll, dest=tmp_path / "posts")
    assert code == 1
    assert f"{jekyll}/_posts/2021-01-01-broken.md:2:" in report and "not valid YAML" in report
    assert "4 converted, 0 unchanged, 1 skipped, 1 failed" in report


def test_jekyll_site_permalink_setting_is_used(jekyll, tmp_path):
    (jekyll / "_config.yml").write_text("permalink: /:year/:title/\n", "utf-8")
    imported(jekyll, dest=tmp_path / "posts")
    welcome = front_matter(tmp_path / "posts/2019/welcome-to-jekyll.md")
    assert welcome["redirect_from"] == ["/2019/welcome-to-jekyll/"]


def test_forced_format_and_old_url_pattern(nimble, tmp_path):
    code, _ = imported(
        nimble / "priv/posts",
        dest=tmp_path / "posts",
        source_format="nimble",
        old_url="/{year}/{month}/{day}/{slug}/",
    )
    assert code == 0
    post = front_matter(tmp_path / "posts/2021/hello-genserver.md")
    assert post["redirect_from"] == ["/2021/03/01/hello-genserver/"]
    code, report = imported(nimble / "priv/posts", dest=tmp_path / "other", source_format="jekyll")
    assert "3 skipped" in report and "not a Jekyll post" in report


def test_command_line(nimble, tmp_path, capsys):
    dest = tmp_path / "posts"
    assert main(["--dest", str(dest), "--old-url", "none", str(nimble / "priv/posts")]) == 0
    assert "redirect_from" not in (dest / "2021/hello-genserver.md").read_text("utf-8")
    with pytest.raises(SystemExit) as stop:
        main(["--dest", str(tmp_path / "never"), "--old-url", "/{year}/", str(nimble)])
    assert stop.value.code == 2 and "needs {slug}" in capsys.readouterr().err
    assert main(["--dest", str(dest), str(tmp_path / "nope")]) == 1


def test_module_runs_as_the_makefile_calls_it(nimble, tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "extensions.imports",
            "--dest",
            str(tmp_path / "posts"),
            "--assets",
            str(nimble / "priv/static"),
            "--from",
            "auto",
            str(nimble / "priv/posts"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "3 converted" in done.stdout


def test_make_import_passes_every_option_as_typed(tmp_path):
    """Each value arrives as one argument, exactly as typed: make does not expand it and the
    shell does not read it as code (a path may hold spaces, $ or quotes)."""
    fake = tmp_path / "python"
    fake.write_text(
        f"#!{sys.executable}\nimport json, sys\nprint(json.dumps(sys.argv[1:]))\n",
        encoding="utf-8",
    )
    fake.chmod(0o755)
    canary = tmp_path / "pwned"
    done = subprocess.run(
        [
            "make",
            "-s",
            "import",
            f"PY={fake}",
            "BUILD_STAMP=",  # no environment to set up: the fake python stands in
            "SRC=old blog/$HOME/`touch pwned`",
            "FORCE=1",
            "ASSETS=old/static $(shell touch pwned)",
            "FROM=jekyll",
            'OLD_URL=/b/{slug}/"quoted"',
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [
        "-m",
        "extensions.imports",
        "--force",
        "--assets",
        "old/static $(shell touch pwned)",
        "--from",
        "jekyll",
        "--old-url",
        '/b/{slug}/"quoted"',
        "--dest",
        "posts",
        "old blog/$HOME/`touch pwned`",
    ]
    assert not canary.exists() and not (REPO / "pwned").exists()
