"""The converter: `make import SRC=...` turns NimblePublisher posts into MyST posts.

Today's NimblePublisher converter tests, run against ``extensions.imports`` (which replaced
``extensions.nimble.convert``); the importer's other sources are tested in tests/imports/."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from extensions.imports.cli import main, run
from extensions.imports.model import Conversion, Options, Source
from extensions.imports.plan import plan as plan_all
from extensions.nimble.header import split

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / "tests" / "nimble" / "cases"  # NimblePublisher cases kept with the tests

EXPECTED_TARGETS = {
    "2019/first-steps-with-genstage.md",
    "2020/leap-day-in-banff.md",
    "2020/windows-line-endings.md",
    "2020/string-keys-and-drafts.md",
    "2020/escapes.md",
}


def plan(data: bytes, path: str, dest: str) -> Conversion:
    """What importing the one file at ``path`` (holding ``data``) into ``dest`` gives."""
    folder, _, name = path.rpartition("/")
    source = Source(path, folder, name, data, root_name=folder.rsplit("/", 1)[-1])
    [conversion] = plan_all([source], Options(dest=dest))
    return conversion


def front_matter_and_body(data: bytes) -> tuple[dict, bytes]:
    text = data.decode("utf-8")
    newline = "\r\n" if text.startswith("---\r\n") else "\n"
    lines = text.split(newline)
    end = lines.index("---", 1)
    body = newline.join(lines[end + 1 :])
    return yaml.safe_load("\n".join(lines[1:end])), body.encode("utf-8")


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def convert(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    force = "--force" in args
    paths = [a for a in args if a != "--force"]
    *sources, dest = paths
    return run(sources, dest, force=force, out=out), out.getvalue()


def test_shared_posts_convert_with_every_key_and_the_body_byte_for_byte(tmp_path):
    code, report = convert(str(SHARED / "posts"), str(tmp_path))
    assert code == 0, report
    assert set(files_under(tmp_path)) == EXPECTED_TARGETS
    assert "5 converted, 0 unchanged, 0 skipped, 0 failed" in report
    for source in (SHARED / "posts").rglob("*.md"):
        original = source.read_bytes()
        cut = split(original.decode("utf-8"))
        slug = source.name[len("MM-DD-") : -len(".md")]
        target = tmp_path / source.parent.name / f"{slug}.md"
        fields, body = front_matter_and_body(target.read_bytes())
        assert body == cut.body.encode("utf-8"), source
        assert isinstance(fields["date"], dt.date)
    banff, _ = front_matter_and_body((tmp_path / "2020/leap-day-in-banff.md").read_bytes())
    assert banff == {
        "title": "A leap day in Banff",
        "author": "Sam Okafor",
        "category": "Travel",
        "tags": ["travel", "canada", "winter"],
        "date": dt.date(2020, 2, 29),
        "description": (
            "Minus twenty-two at the trailhead,\nand the coffee froze before the summit.\n"
        ),
        "cover_image": "/images/banff.jpg",
        "draft": False,
        "redirect_from": ["/blog/leap-day-in-banff"],  # the default --old-url pattern
    }
    escapes, _ = front_matter_and_body((tmp_path / "2020/escapes.md").read_bytes())
    assert escapes["reading"] == {"minutes": 4, "level": "beginner"}
    assert escapes["title"] == 'Quoting "escapes" and unicode: café ☕'
    drafts, _ = front_matter_and_body((tmp_path / "2020/string-keys-and-drafts.md").read_bytes())
    assert drafts["draft"] is True
    crlf = (tmp_path / "2020/windows-line-endings.md").read_bytes()
    assert crlf.startswith(b"---\r\ntitle: Windows line endings\r\n")
    assert b"\n" not in crlf.replace(b"\r\n", b"")


def test_running_twice_changes_nothing(tmp_path):
    convert(str(SHARED / "posts"), str(tmp_path))
    before = {p: (b, os.stat(tmp_path / p).st_mtime_ns) for p, b in files_under(tmp_path).items()}
    code, report = convert(str(SHARED / "posts"), str(tmp_path))
    assert code == 0
    assert "0 converted, 5 unchanged, 0 skipped, 0 failed" in report
    after = {p: (b, os.stat(tmp_path / p).st_mtime_ns) for p, b in files_under(tmp_path).items()}
    assert after == before


def test_bad_files_fail_with_locations_and_nothing_is_written(tmp_path):
    code, report = convert(str(SHARED / "bad"), str(tmp_path))
    assert code == 1
    assert files_under(tmp_path) == {}
    assert "0 converted, 0 unchanged, 0 skipped, 5 failed" in report
    bad = SHARED / "bad"
    for name, where in [
        ("function-call.md", ":2:10: "),
        ("interpolation.md", ":2:17: "),
        ("no-separator.md", ":1:1: "),
        ("not-a-map.md", ":1:1: "),
        ("unterminated-heredoc.md", ":3:16: "),
    ]:
        assert f"{bad / name}{where}" in report, report


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(SHARED / "posts", source)
    shutil.copy(SHARED / "bad" / "interpolation.md", source / "2020" / "09-01-bad.md")
    code, report = convert(str(source), str(tmp_path / "out"))
    assert code == 1
    assert set(files_under(tmp_path / "out")) == EXPECTED_TARGETS
    assert "5 converted, 0 unchanged, 0 skipped, 1 failed" in report
    assert "09-01-bad.md:2:17: string interpolation" in report


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"", "empty", "empty file"),
        (b"\n \n", "empty", "empty file"),
        (b'%{\n  title: "caf\xe9"\n}\n---\n', "encoding", "not UTF-8"),
        (b'%{title: "T", date: ~D[2021-02-30]}\n---\n', "date", "day is out of range"),
        (b'%{title: "T", date: ~D[2021-02-01}\n---\n', "unterminated", "sigil ~D"),
        (b'%{title: "T", s: "open}\n---\n', "unterminated", "unterminated string"),
        (b'%{title: "T"}\n---\n', "date", "no date"),
    ],
)
def test_plan_rejects(data, code, words):
    result = plan(data, "blog/undated.md", "posts")
    assert result.target is None and result.content is None
    assert result.problem.code == code and words in result.problem.message


def test_plan_accepts_a_bom_and_reports_a_disagreeing_date():
    data = '\ufeff%{\n  title: "T",\n  date: ~D[2020-05-06]\n}\n---\nBody\n'.encode()
    result = plan(data, "old/2020-05-05-hello.md", "posts")
    assert result.problem is None
    assert result.target == str(Path("posts") / "2020" / "hello.md")
    assert result.content.startswith(
        b"---\ntitle: T\ndate: 2020-05-06\nredirect_from: [/blog/hello]\n---\nBody\n"
    )
    assert [note.code for note in result.notes] == ["date-mismatch"]
    assert not result.content.startswith(b"\xef\xbb\xbf")


def test_the_header_date_wins_and_the_summary_says_so(tmp_path):
    source = tmp_path / "2020-05-05-hello.md"
    source.write_text('%{\n  title: "T",\n  date: ~D[2021-05-06]\n}\n---\nBody\n', "utf-8")
    code, report = convert(str(source), str(tmp_path / "out"))
    assert code == 0
    assert (tmp_path / "out" / "2021" / "hello.md").is_file()
    assert f"notes:\n  {source}:3:" in report and "header wins" in report


def test_myst_and_other_files_are_skipped(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "myst.md").write_text("---\ntitle: Already\n---\nBody\n", "utf-8")
    (source / "README.md").write_text("# Notes\n\nNothing to convert.\n", "utf-8")
    (source / "image.png").write_bytes(b"\x89PNG")
    code, report = convert(str(source), str(tmp_path / "out"))
    assert code == 0
    assert "0 converted, 0 unchanged, 2 skipped, 0 failed" in report
    assert not (tmp_path / "out").exists()


def test_existing_files_are_never_overwritten_without_force(tmp_path):
    convert(str(SHARED / "posts"), str(tmp_path))
    target = tmp_path / "2019" / "first-steps-with-genstage.md"
    target.write_text("---\ntitle: Edited by hand\n---\nMine.\n", "utf-8")
    code, report = convert(str(SHARED / "posts"), str(tmp_path))
    assert code == 0
    assert target.read_text("utf-8") == "---\ntitle: Edited by hand\n---\nMine.\n"
    assert "0 converted, 4 unchanged, 1 skipped, 0 failed" in report
    assert "exists and differs" in report

    code, report = convert("--force", str(SHARED / "posts"), str(tmp_path))
    assert code == 0
    assert "-title: Edited by hand" in report and "+title: First steps with GenStage" in report
    assert "1 converted, 4 unchanged, 0 skipped, 0 failed" in report
    assert target.read_text("utf-8").startswith("---\ntitle: First steps with GenStage\n")
    assert not [p for p in tmp_path.rglob("*.tmp")], "temporary files left behind"


def test_two_sources_for_one_target_fail_the_second(tmp_path):
    one = tmp_path / "a" / "2020-01-01-same.md"
    two = tmp_path / "b" / "2020-02-02-same.md"
    for path in (one, two):
        path.parent.mkdir()
        path.write_text('%{title: "T"}\n---\nBody\n', "utf-8")
    code, report = convert(str(one), str(two), str(tmp_path / "out"))
    assert code == 1
    assert "1 converted, 0 unchanged, 0 skipped, 1 failed" in report
    assert "also converts to" in report


def test_a_missing_source_fails(tmp_path):
    code, report = convert(str(tmp_path / "nope"), str(tmp_path / "out"))
    assert code == 1 and "no such file or folder" in report


def test_written_files_are_readable_and_not_left_half_written(tmp_path, monkeypatch):
    convert(str(SHARED / "posts" / "2019"), str(tmp_path))
    target = tmp_path / "2019" / "first-steps-with-genstage.md"
    assert target.stat().st_mode & 0o777 == 0o644

    def broken_replace(src, dst):
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", broken_replace)
    code, report = convert(str(SHARED / "posts" / "2020"), str(tmp_path))
    assert code == 1 and "disk on fire" in report
    assert not (tmp_path / "2020").exists() or not any((tmp_path / "2020").iterdir())


def test_command_line(tmp_path, capsys):
    assert main(["--dest", str(tmp_path), str(SHARED / "posts")]) == 0
    assert "5 converted" in capsys.readouterr().out
    assert main(["--dest", str(tmp_path), str(SHARED / "bad")]) == 1


def test_module_runs_as_the_makefile_calls_it(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "extensions.imports",
            "--dest",
            str(tmp_path),
            str(SHARED / "posts"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "5 converted" in done.stdout
