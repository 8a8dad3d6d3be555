"""The report's shortcuts give what the plain reading of each rule gives.

`published` tests a text's printability before it searches; `one_line` and
`paragraphs` skip the split for a missing field and a text on one line;
`number` words each number once a run. Each is held here to the rule written
out the long way, over edge cases and generated texts.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st
from report_helpers import published_the_long_way, tidied_the_long_way

from styr import plain_values
from styr.escape import published
from styr.report import formatting as fmt


def _paragraphs_the_long_way(value: Any) -> list[str]:
    whole = plain_values.text(value)
    if not whole:
        return []
    parts = re.split(r"\n[ \t]*\n+", whole.replace("\r\n", "\n"))
    return [" ".join(line.strip() for line in part.splitlines() if line.strip()) for part in parts]


# Texts a page holds: layout, Swedish letters, no-break spaces, and every kind of control.
_LAYOUT = list("ab <>&\n\t\xa0åäö·–−")
_CONTROL_SAMPLES = ["\x00", "\x08", "\x0b", "\r", "\x1b", "\x7f", "\x85", "\x9f", "\u061c"]
_MARKS = ["\u200e", "\u2028", "\u2029", "\u202e", "\u2066", "\u2069", "\ud800", "\udfff"]
_PRINTED_OR_NOT = ["\xad", "\u200b", "\u2009", "\u202f", "\ufeff", "\U0001f600"]
_page_characters = st.sampled_from([*_LAYOUT, *_CONTROL_SAMPLES, *_MARKS, *_PRINTED_OR_NOT])
_page_texts = st.lists(_page_characters, max_size=40).map("".join) | st.text(max_size=40)


@settings(deadline=None, max_examples=400)
@given(_page_texts)
@example("")
@example("plain text\n\twith\xa0layout\n")
@example("a title \u202ereversed\x1b[31m\n")
@example("soft\xadhyphen and\u2009thin space, nothing to escape")
@example("\ud800 lone surrogate")
def test_published_is_the_rule_written_out(text: str) -> None:
    assert published(text) == published_the_long_way(text)


_field_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    _page_texts,
    st.lists(st.integers(), max_size=2),
    st.just({"a": 1}),
)


@settings(deadline=None, max_examples=400)
@given(_field_values)
@example(None)
@example("")
@example("  padded title  ")
@example("first line\nsecond line\n\nnew paragraph")
@example("no\xa0break and\ttab")
@example("windows\r\nline\r\n\r\nends")
def test_paragraphs_and_one_line_are_the_rule_written_out(value: Any) -> None:
    assert fmt.paragraphs(value) == _paragraphs_the_long_way(value)
    assert fmt.one_line(value) == " ".join(_paragraphs_the_long_way(value))


@settings(deadline=None, max_examples=300)
@given(_field_values, st.sampled_from(["sv", "en"]))
@example(True, "sv")
@example(1, "sv")
@example(1.0, "sv")
@example(-0.0, "sv")
@example(0.0, "en")
@example(1234567.25, "sv")
def test_number_worded_once_is_number_worded_each_time(value: Any, language: str) -> None:
    assert fmt.number(value, language) == plain_values.number(value, language)
    assert fmt.number(value, language) == plain_values.number(value, language)  # from the cache


def test_a_number_and_a_boolean_are_worded_apart() -> None:
    # Equal as keys of a cache (True == 1), but True is no number.
    assert fmt.number(1, "sv") == "1"
    assert fmt.number(True, "sv") == ""
    assert fmt.number(1, "sv") == "1"
    assert fmt.number(float("nan"), "en") == plain_values.number(float("nan"), "en")


_page_pieces = st.lists(
    st.lists(st.sampled_from([*_LAYOUT, *_CONTROL_SAMPLES, *_MARKS, " ", "\n\n"]), max_size=12).map(
        "".join
    ),
    max_size=12,
)


@settings(deadline=None, max_examples=300)
@given(_page_pieces, st.sampled_from(["html", "md"]), st.sampled_from([1, 2, 7, 1 << 16]))
@example(["a\u202eb\n", "\n\n\t\n", "c\xa0d  \n", "\x1b[31m"], "html", 2)
@example(["\n", "x\r\ny", "\n\n\n", "z"], "md", 1)
@example(["\n\na\n\n\n\nb", "\n\n\n", "\nc\n\n"], "md", 4)  # no line ends in a space
@example(["\n\na\n\n\n\nb", "\n\n\n", "\nc\n\n"], "html", 4)
@example(["a\n\n", "\n\nb\n\n\n"], "md", 1 << 16)
def test_the_page_is_tidied_and_published_as_a_whole_would_be(
    pieces: list[str], fmt: str, batch: int
) -> None:
    from styr.report import render

    whole = render._CHARACTERS_PER_BATCH
    render._CHARACTERS_PER_BATCH = batch  # batches of every size give the same page
    try:
        tidied = "".join(render._tidied(fmt, pieces))
    finally:
        render._CHARACTERS_PER_BATCH = whole
    assert tidied == tidied_the_long_way(fmt, "".join(pieces))


def _target_the_long_way(data: dict[str, Any], year: int) -> float | None:
    """A year's target: the first entry of that year with a number, targets before milestones."""
    for key in ("targets", "milestones"):
        entries = data.get(key)
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and entry.get("year") == year:
                value = entry.get("value")
                if isinstance(value, int | float) and not isinstance(value, bool):
                    return float(value)
    return None


_years = st.one_of(
    st.sampled_from([2024, 2025, 2026, 2026.0, True, 1, "2026", None]), st.integers(2020, 2030)
)
_values = st.one_of(st.none(), st.booleans(), st.integers(-5, 100), st.floats(allow_nan=False))
_entries = st.one_of(
    st.fixed_dictionaries({"year": _years, "value": _values}),
    st.fixed_dictionaries({"year": _years}),
    st.just("not an entry"),
)
_targeted = st.fixed_dictionaries(
    {},
    optional={
        "targets": st.one_of(st.lists(_entries, max_size=4), st.just(5)),
        "milestones": st.lists(_entries, max_size=4),
    },
)


@settings(deadline=None, max_examples=400)
@given(_targeted, st.sampled_from([1, 2024, 2025, 2026, 2027]))
@example({"targets": [{"year": 2026.0, "value": 3}, {"year": 2026, "value": 5}]}, 2026)
@example(
    {"targets": [{"year": 2026, "value": None}], "milestones": [{"year": 2026, "value": 4}]}, 2026
)
@example({"targets": [{"year": True, "value": 1}]}, 1)
def test_every_years_target_is_the_rule_written_out(data: dict[str, Any], year: int) -> None:
    from styr.followup.evaluate import target_for, target_values

    expected = _target_the_long_way(data, year)
    assert target_for(data, year) == expected
    assert target_values(data).get(year) == expected
