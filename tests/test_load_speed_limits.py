"""The test for deep indentation, made faster, finds what the former patterns found.

It guards both readers (PyYAML's composer would crash on deep enough
input): for every text the answer must be the former one.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.load.limits import MAX_DEPTH, deeply_indented

# The former test, as it was.
_FORMER_AT_START = re.compile(rf"^[ \t?:-]{{{MAX_DEPTH},}}", re.MULTILINE)
_FORMER_AFTER_BREAK = re.compile(rf"\n[ \t?:-]{{{MAX_DEPTH}}}")


def former_deeply_indented(text: str) -> bool:
    return _FORMER_AT_START.match(text) is not None or _FORMER_AFTER_BREAK.search(text) is not None


_RUNS = st.builds(
    lambda characters, length: "".join(characters[i % len(characters)] for i in range(length)),
    st.lists(st.sampled_from(" \t?:-"), min_size=1, max_size=4),
    st.integers(min_value=MAX_DEPTH - 3, max_value=MAX_DEPTH + 2),
)
_PIECES = st.one_of(
    _RUNS,
    st.sampled_from(
        ["\n", "\r\n", "\r", "a", "å", "–", "\u2028", "\x85", "\ud800", "😀", "- ", "? "]
    ),
    st.text(alphabet=" \t?:-\nax\r", max_size=10),
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_deep_indentation_is_found_as_before(text: str) -> None:
    assert deeply_indented(text) == former_deeply_indented(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_judged_as_before(text: str) -> None:
    assert deeply_indented(text) == former_deeply_indented(text)


def test_a_line_of_exactly_the_limit_is_deep_and_one_less_is_not() -> None:
    for start in ("", "a: 1\n", "å: –\r\n"):
        for run in (" ", "- ", "\t?:"):
            line = (run * MAX_DEPTH)[:MAX_DEPTH]
            assert deeply_indented(start + line + "x")
            assert not deeply_indented(start + line[1:] + "x")
            assert not deeply_indented(start + "y" + line)  # not where a line starts
