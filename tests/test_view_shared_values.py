"""A plain value (a year and a number) and a goal's detail that come back are made once for a
repository and shared; a value of another type, or one with a note, is its own; past the limit
each is made anew, the same."""

from __future__ import annotations

from typing import Any

import pytest
from report_helpers import ROOT

import styr.report.view_elements as view_elements
from styr.model.index import shared_index
from styr.model.repository import load_repository
from styr.report.anchors import Anchors
from styr.report.texts import Labels
from styr.report.view import ViewBuilder
from styr.report.view_types import Fact, ValueAt


def builder() -> ViewBuilder:
    repository = load_repository(ROOT / "examples" / "helsingborg")
    return ViewBuilder(repository, shared_index(repository), Labels("sv"), Anchors())


def test_a_plain_value_that_comes_back_is_one_view() -> None:
    views = builder()
    first = views.value_at({"year": 2026, "value": 80})
    assert first == ValueAt("2026", "80", "")
    assert views.value_at({"value": 80, "year": 2026}) is first
    assert views.value_at({"year": 2026, "value": 80.0}) == first  # written alike, kept apart
    assert views.value_at({"year": 2026, "value": 80.0}) is not first


@pytest.mark.parametrize(
    "value",
    [
        {"year": 2026, "value": 10**15},
        {"year": 2026, "value": 1e15},  # equal to the one before, not written alike
        {"year": 2026, "value": 80, "comment": "sänkt"},
        {"year": [2026], "value": 80},  # a year that cannot be a key
        {"year": "2026", "value": True},
    ],
)
def test_a_value_is_what_its_own_reading_gives(value: dict[str, Any]) -> None:
    views = builder()
    for other in ({"year": 2026, "value": 10**15}, {"year": 2026, "value": 1e15}):
        views.value_at(other)  # shared first, where they can be
    alone = builder()._value_at(value.get("year"), value.get("value"), value)
    assert views.value_at(value) == alone


def test_a_detail_that_comes_back_is_one_view() -> None:
    views = builder()
    first = views.shared_fact("Målgrupp", "elever")
    assert first == Fact("Målgrupp", "elever")
    assert views.shared_fact("Målgrupp", "elever") is first
    assert views.shared_fact("Målgrupp", "äldre") == Fact("Målgrupp", "äldre")


def test_past_the_limit_nothing_more_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(view_elements, "_SHARED_KEPT", 0)
    views = builder()
    value = views.value_at({"year": 2026, "value": 80})
    assert value == ValueAt("2026", "80", "")
    assert views.value_at({"year": 2026, "value": 80}) is not value
    assert views.shared_fact("Målgrupp", "elever") is not views.shared_fact("Målgrupp", "elever")
