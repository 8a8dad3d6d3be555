"""Loading a large repository: exact lists, memory handed back, no collector walking it."""

from __future__ import annotations

import gc
import sys
from typing import Any

import pytest
from conftest import EXAMPLES

import styr.model.repository as repository_module
from styr.load.fast_reader import read_plain
from styr.load.freed_memory import return_freed_memory
from styr.model.index import build_index
from styr.model.repository import collector_paused, load_repository

TEXT = """\
kind: organisation
goals:
  - id: mal-1
    contributes_to: [inriktning-2]
    indicators:
      - id: ind-1
        targets:
          - {year: 2026, value: 80}
  - id: mal-2
    contributes_to:
      - inriktning-3
      - inriktning-4
    indicators: []
"""


def _lists(value: Any) -> list[list[Any]]:
    if isinstance(value, dict):
        return [found for item in value.values() for found in _lists(item)]
    if isinstance(value, list):
        return [value, *(found for item in value for found in _lists(item))]
    return []


def test_shared_values_keep_no_room_in_their_lists() -> None:
    data = read_plain(TEXT, share=True)
    assert data == read_plain(TEXT, share=False)
    inner = _lists(data)
    assert len(inner) == 6
    assert all(sys.getsizeof(found) == sys.getsizeof(found[:]) for found in inner)


def test_memory_is_handed_back_where_the_c_library_can() -> None:
    trimmed = return_freed_memory()
    assert trimmed is sys.platform.startswith("linux") or not trimmed


def test_loading_pauses_the_collector_and_leaves_it_as_it_was() -> None:
    assert gc.isenabled()
    # A full collection first, so that what earlier tests left in the young
    # generations cannot bring on the collection that would age these values.
    gc.collect()
    repository = load_repository(EXAMPLES / "helsingborg")
    assert id(repository.documents[0].data) not in _oldest()
    index = build_index(repository)
    assert gc.isenabled() and gc.get_freeze_count() == 0
    # Young, as if made without the pause: moved to the oldest generation, the
    # garbage of every repository linted in one process waited for a full collection.
    assert id(index.elements[-1]) not in _oldest()


def _oldest() -> set[int]:
    return {id(obj) for obj in gc.get_objects(generation=2)}


def test_the_collector_is_off_while_a_repository_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []
    real = repository_module.parse_document

    def parse(*arguments: Any, **options: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*arguments, **options)

    monkeypatch.setattr(repository_module, "parse_document", parse)
    contents = repository_module.read_repository_files(EXAMPLES / "helsingborg")
    load_repository(EXAMPLES / "helsingborg", contents)
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_pause_within_a_pause_is_the_outer_one() -> None:
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() == 0
