"""The walk over yaml-rs's values, made faster, holds to the walk it replaced.

The walk decides, with the screen, whether the fast path may take a file
(a trust boundary): for any data the new walk must give the old verdict and,
where the data is kept, the same values, shared the same way.
"""

from __future__ import annotations

import math
import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import styr.load.fast_reader as fast_reader
from styr.load.fast_reader import _plain_values


def former_plain_values(root: dict[Any, Any] | list[Any]) -> str:
    """The walk as it was before it made mappings again (kept to hold the new one to)."""
    words = fast_reader._YAML11_WORDS
    largest = fast_reader._LARGEST
    intern, shared_up_to = sys.intern, fast_reader._SHARED_UP_TO
    # Whole numbers too (years, target values): each is an object of its own
    # past 256, four per goal. Shared within the file.
    numbers: dict[int, int] = {}
    share_number = numbers.setdefault
    found = fast_reader._PLAIN
    pending: list[Any] = [root]
    pop, push = pending.pop, pending.append
    while pending:
        container = pop()
        if type(container) is dict:
            items = list(container.items())
            container.clear()  # refilled in the same order, with shared keys
            for key, value in items:
                if type(key) is not str or (len(key) < 4 and key in words):
                    return fast_reader._DOUBTED
                kind = type(value)
                if kind is str:
                    if len(value) <= shared_up_to:
                        if len(value) < 4 and value in words:
                            return fast_reader._DOUBTED
                        value = intern(value)
                elif kind is dict:
                    push(value)
                elif kind is list:
                    value = value[:]  # exactly as long as it is (see below)
                    push(value)
                elif kind is int:
                    if not -largest < value < largest:
                        return fast_reader._DOUBTED
                    value = share_number(value, value)
                elif kind is float:
                    found = fast_reader._float_kind(value, found)
                    if found is fast_reader._DOUBTED:
                        return fast_reader._DOUBTED
                container[intern(key)] = value
        else:
            for position, value in enumerate(container):
                kind = type(value)
                if kind is str:
                    if len(value) <= shared_up_to:
                        if len(value) < 4 and value in words:
                            return fast_reader._DOUBTED
                        container[position] = intern(value)
                elif kind is dict:
                    push(value)
                elif kind is list:
                    container[position] = value = value[:]
                    push(value)
                elif kind is int:
                    if not -largest < value < largest:
                        return fast_reader._DOUBTED
                    container[position] = share_number(value, value)
                elif kind is float:
                    found = fast_reader._float_kind(value, found)
                    if found is fast_reader._DOUBTED:
                        return fast_reader._DOUBTED
    return found


_WORDS = sorted(fast_reader._YAML11_WORDS)
# Mostly what a steering file holds, sometimes what the walk must doubt: data
# that is doubted throughout would leave the values and their sharing untested.
_SAFE_TEXTS = st.one_of(
    st.sampled_from(["title", "unit", "procent", "higher", "", "x", "a" * 24, "b" * 25]),
    st.text(max_size=30),
)
_SAFE_NUMBERS = st.one_of(
    st.sampled_from([2026, 2027, 100000, 7]),
    st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1),
    st.sampled_from([10**15 - 1, -(10**15) + 1, 256, 257, 2026, 2026, 0.0, -0.0, 1e-15]),
    st.floats(min_value=-9e14, max_value=9e14, allow_subnormal=False),
)
_DOUBTFUL = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from([10**15, -(10**15), 10**16, 1e15, 1e-16, 5e-324, math.inf, math.nan]),
    st.floats(),
)
_LEAVES = st.one_of(*[_SAFE_TEXTS] * 4, *[_SAFE_NUMBERS] * 3, st.booleans(), st.none(), _DOUBTFUL)
_KEYS = st.one_of(
    *[_SAFE_TEXTS] * 12,
    st.sampled_from(_WORDS),
    st.sampled_from([0, 1, -1, 1.5, True, False, None]),
)
_DATA = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(_KEYS, inner, max_size=6)),
    max_leaves=30,
)
_ROOTS = st.one_of(st.dictionaries(_KEYS, _DATA, max_size=6), st.lists(_DATA, max_size=6))


def identical(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1 is not 1.0 is not True)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return (
            list(map(type, a)) == list(map(type, b))
            and list(a) == list(b)
            and all(identical(x, y) for x, y in zip(a.values(), b.values(), strict=True))
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def fresh(data: Any) -> Any:
    """A copy of the data in which no text and no number is an object of the original.

    As the parser makes them: each key and each value an object of its own,
    however often it repeats (short texts and small numbers excepted, which
    Python keeps once anyway).
    """
    if isinstance(data, dict):
        return {fresh(key): fresh(value) for key, value in data.items()}
    if isinstance(data, list):
        return [fresh(value) for value in data]
    if isinstance(data, str):
        return "".join(list(data))
    if type(data) is int:
        return int(str(data))
    return data


def sharing(data: Any) -> list[Any]:
    """Which keys and values are one object, as first places; and each list's allocated size."""
    first: dict[int, int] = {}
    seen: list[Any] = []
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                seen.append(first.setdefault(id(key), len(first)))
                pending.append(item)
        elif isinstance(value, list):
            seen.append(("list", sys.getsizeof(value)))
            pending.extend(value)
        else:
            seen.append(first.setdefault(id(value), len(first)))
    return seen


@settings(max_examples=500, deadline=None)
@given(_ROOTS)
def test_the_walk_gives_the_former_verdict_values_and_sharing(root: Any) -> None:
    # Both walks change the data in place: each is given its own copy.
    former, new = fresh(root), fresh(root)
    expected = former_plain_values(former)
    assert _plain_values(new) is expected
    if expected is not fast_reader._DOUBTED:
        assert identical(new, former)
        assert identical(new, root)
        assert sharing(new) == sharing(former)


def test_a_key_that_is_not_text_is_doubted_wherever_it_stands() -> None:
    for key in (1, 1.5, True, None, (1, 2)):
        for root in ({key: 1}, {"a": {key: 1}}, [{"a": [{key: "x"}]}]):
            assert _plain_values(fresh(root)) is fast_reader._DOUBTED


def test_a_key_or_a_text_that_was_a_yaml11_boolean_is_doubted() -> None:
    for word in _WORDS:
        for root in ({word: 1}, {"a": {word: 1}}, [{"a": word}], ["x", [word]], {"a": [word]}):
            assert _plain_values(fresh(root)) is fast_reader._DOUBTED


def test_the_top_mapping_is_the_callers_object_refilled_with_shared_keys() -> None:
    root = {"".join(["ti", "tle"]): {"".join(["un", "it"]): [1]}}
    inner = next(iter(root.values()))
    assert _plain_values(root) is fast_reader._PLAIN
    assert root == {"title": {"unit": [1]}}
    (key,) = root
    assert key is sys.intern("title")
    assert root["title"] is not inner  # made again, with its key shared
    assert next(iter(root["title"])) is sys.intern("unit")


def test_every_kind_of_place_shares_as_before() -> None:
    # A mapping and a list in a mapping, in a list, in a list in a list: each
    # place where a key, a text, a number or a list is found.
    shape = {
        "goals": [
            {"id": "mål-1", "horizon": {"start": 2023, "end": 2026}, "to": ["a-1", "a-2"]},
            [{"unit": "procent", "targets": [{"year": 2026, "value": 1000}]}, [2026, "procent"]],
        ],
        "unit": "procent",
        "targets": [[2026, 1000]],
        "title": "En text som är längre än tjugofyra tecken",
    }
    former, new = fresh(shape), fresh(shape)
    assert former_plain_values(former) is _plain_values(new) is fast_reader._PLAIN
    assert identical(new, shape)
    assert sharing(new) == sharing(former)
    assert len(set(sharing(new))) < len(sharing(new))  # something is shared at all
