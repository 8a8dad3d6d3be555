"""What keeps a large repository's loaded values small: exact lists, memory handed back."""

from __future__ import annotations

import sys
from typing import Any

from styr.load.fast_reader import read_plain
from styr.load.freed_memory import return_freed_memory

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
