"""Table-driven tests of the pure front-matter rules (no Sphinx)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from extensions.frontmatter.values import as_bool, as_datetime, as_names, as_text, decode

UTC = UTC
PLUS1 = timezone(timedelta(hours=1))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-03-05", datetime(2024, 3, 5)),
        ("2024-03-05 09:30", datetime(2024, 3, 5, 9, 30)),
        ("2024-03-05 09:30:15", datetime(2024, 3, 5, 9, 30, 15)),
        ("2024-03-05T09:30", datetime(2024, 3, 5, 9, 30)),
        ("2024-03-05T09:30:00+01:00", datetime(2024, 3, 5, 9, 30, tzinfo=PLUS1)),
        ("2024-03-05T08:30:00Z", datetime(2024, 3, 5, 8, 30, tzinfo=UTC)),
        ("2024-03-05 09:30:00+01:00", datetime(2024, 3, 5, 9, 30, tzinfo=PLUS1)),  # MyST's str()
        (date(2024, 3, 5), datetime(2024, 3, 5)),  # YAML's own date
        (datetime(2024, 3, 5, 9, 30, tzinfo=UTC), datetime(2024, 3, 5, 9, 30, tzinfo=UTC)),
        (None, None),
        ("", None),
    ],
)
def test_dates_as_people_write_them(raw, expected):
    value, problems = as_datetime(raw)
    assert (value, problems) == (expected, [])


@pytest.mark.parametrize("raw", ["yesterday", "2024-13-01", "05/03/2024", "2024-02-30"])
def test_unreadable_dates_are_problems(raw):
    value, problems = as_datetime(raw)
    assert value is None
    assert [p.code for p in problems] == ["date"]
    assert raw in problems[0].message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("elixir", ("elixir",)),
        ("elixir, otp ,testing", ("elixir", "otp", "testing")),
        (["elixir", " otp "], ("elixir", "otp")),
        ('["Ana Lima", "Sam Okafor"]', ("Ana Lima", "Sam Okafor")),  # MyST's JSON for a list
        ("elixir, elixir", ("elixir",)),
        ("", ()),
        (None, ()),
    ],
)
def test_names_from_string_comma_list_or_yaml_list(raw, expected):
    assert as_names(raw, "tags") == (expected, [])


def test_a_number_in_tags_is_kept_as_text_with_a_problem():
    names, problems = as_names(["python", 3], "tags")
    assert names == ("python", "3")
    assert [p.code for p in problems] == ["tags"]


def test_a_map_in_tags_is_dropped_with_a_problem():
    names, problems = as_names(["python", {"a": 1}], "tags")
    assert names == ("python",)
    assert "not a name" in problems[0].message


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (True, True),
        ("true", True),
        ("True", True),
        ("yes", True),
        (False, False),
        ("false", False),
        (None, False),
    ],
)
def test_draft_flags(raw, expected):
    assert as_bool(raw, "draft") == (expected, [])


def test_a_strange_draft_flag_is_a_problem():
    value, problems = as_bool("maybe", "draft")
    assert value is False and problems[0].code == "draft"


def test_decode_leaves_plain_text_alone():
    assert decode("[WIP] not json") == "[WIP] not json"
    assert decode('["a"]') == ["a"]
    assert decode("42") == 42


def test_text_is_one_line():
    assert as_text("  A   title\n spread  ", "title") == ("A title spread", [])
