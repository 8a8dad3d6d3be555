"""Flow nesting is counted by us, before any YAML parser sees the text.

The count must never miss a bracket libyaml would count (or the limit would
not hold), and should not count brackets that are text.
"""

from __future__ import annotations

import time

import pytest
from loader_helpers import parse, where

from styr.load.depth import flow_depth_exceeds
from styr.load.limits import MAX_DEPTH

DEEP = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
AT_LIMIT = "[" * MAX_DEPTH + "]" * MAX_DEPTH


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(DEEP, id="sequences"),
        pytest.param("a: " + DEEP + "\n", id="under-a-key"),
        pytest.param("- " + DEEP + "\n", id="in-a-list"),
        pytest.param("{a: " * (MAX_DEPTH + 1) + "1" + "}" * (MAX_DEPTH + 1), id="mappings"),
        pytest.param("a: [\n" + "[\n" * MAX_DEPTH, id="over-lines-unclosed"),
        pytest.param("a: ['x', " * (MAX_DEPTH + 1), id="after-quoted-items"),
        pytest.param('{"a":' * (MAX_DEPTH + 1), id="json-style-keys"),
        pytest.param("a: [b'c, " + "[" * MAX_DEPTH, id="quote-inside-a-flow-word"),
    ],
)
def test_deep_flow_nesting_is_counted(text: str) -> None:
    assert flow_depth_exceeds(text, MAX_DEPTH)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(AT_LIMIT, id="at-the-limit"),
        pytest.param("a: [1, 2]\n" * 1000, id="many-shallow-lists"),
        pytest.param('a: "' + "[" * 100 + '"\n', id="in-double-quotes"),
        pytest.param("a: '" + "[" * 100 + "'\n", id="in-single-quotes"),
        pytest.param("a: 1  # " + "[" * 100 + "\n", id="in-a-comment"),
        pytest.param("# " + "{" * 100 + "\n", id="comment-line"),
        pytest.param("a: |\n  " + "[" * 100 + "\n  more\nb: 1\n", id="literal-block"),
        pytest.param("- key: >-\n    " + "[" * 100 + "\n", id="folded-block-in-a-list"),
        pytest.param("title: Text " + "[" * 100 + "\n", id="inside-a-plain-text"),
        pytest.param("a: x[" + "[" * 100 + "\n", id="glued-to-a-word"),
    ],
)
def test_brackets_that_are_text_or_shallow_are_not_too_deep(text: str) -> None:
    assert not flow_depth_exceeds(text, MAX_DEPTH)


def test_brackets_after_a_block_scalar_count_again() -> None:
    text = "a: |\n  text\nb: " + DEEP + "\n"
    assert flow_depth_exceeds(text, MAX_DEPTH)


def test_a_huge_unclosed_run_is_refused_by_us_quickly() -> None:
    start = time.perf_counter()
    document = parse("a: " + "[" * 1_000_000)
    assert time.perf_counter() - start < 5
    assert where(document) == [("Y014", 1, 1)]


def test_brackets_in_a_quoted_text_read_as_text() -> None:
    text = 'a: "' + "[" * 100 + '"\n'
    document = parse(text)
    assert document.findings == []
    assert document.data == {"a": "[" * 100}
