"""Flow nesting is counted by us, before any YAML parser sees the text.

The count must never miss a bracket libyaml would count (or the limit would
not hold), and should not count brackets that are text.
"""

from __future__ import annotations

import time

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
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
    assert where(document) == [("Y014", 1, 68)]  # the 65th bracket, after "a: "


def test_brackets_in_a_quoted_text_read_as_text() -> None:
    text = 'a: "' + "[" * 100 + '"\n'
    document = parse(text)
    assert document.findings == []
    assert document.data == {"a": "[" * 100}


_FLOW_OPEN = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken)
_FLOW_CLOSE = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken)


def _libyaml_flow_depth(text: str) -> int | None:
    """The deepest flow nesting libyaml's scanner reaches, or None if it refuses the text."""
    depth = deepest = 0
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, _FLOW_OPEN):
                depth += 1
                deepest = max(deepest, depth)
            elif isinstance(token, _FLOW_CLOSE):
                depth -= 1
    except yaml.YAMLError:
        return None
    return deepest


_WORD = st.sampled_from(["a", "mål", "x-y", "1", "b'c", 'd"e', "f#g"])
_QUOTED = st.sampled_from(["'[[[ {'", '"]]] [[ {{"', "'it''s [x'", '"a \\" [b"', "'#[['"])
_SCALAR = _WORD | _QUOTED


def _flow(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    items = st.lists(children, max_size=3)
    pairs = st.lists(st.tuples(_WORD, children), max_size=3)
    return items.map(lambda xs: "[" + ", ".join(xs) + "]") | pairs.map(
        lambda kv: "{" + ", ".join(f"{k}: {v}" for k, v in kv) + "}"
    )


_NODE = st.recursive(_SCALAR, _flow, max_leaves=12)
_COMMENT = st.sampled_from(["", "  # [[[[ {{"])
_TAIL = st.sampled_from(["", "\nb: |\n  [[[[ {{\n  [[", "\nc: >-\n    {{{{", "\n# [[[[["])


def _document(lead: str, node: str, comment: str, tail: str) -> str:
    return f"{lead}{node}{comment}{tail if lead.endswith(': ') else ''}\n"


_DOCUMENT = st.builds(
    _document, st.sampled_from(["a: ", "- ", "", "k: v\nm: "]), _NODE, _COMMENT, _TAIL
)


@settings(max_examples=400, deadline=None)
@given(_DOCUMENT, st.integers(min_value=1, max_value=4))
def test_on_valid_yaml_the_count_is_libyamls(text: str, limit: int) -> None:
    """On text libyaml reads, our count says "too deep" exactly when libyaml's nesting is."""
    deepest = _libyaml_flow_depth(text)
    assert deepest is not None, text
    assert flow_depth_exceeds(text, limit) == (deepest > limit), (text, deepest)
