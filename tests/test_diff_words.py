"""The word diff of a reworded text: the segments, and that they give both texts back."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from styr.diff import words
from styr.diff.words import word_diff


def _old(segments: list[list[str]]) -> str:
    return "".join(text for op, text in segments if op != "+")


def _new(segments: list[list[str]]) -> str:
    return "".join(text for op, text in segments if op != "-")


def test_one_word_put_in() -> None:
    assert word_diff("Fler barn ska läsa böcker", "Fler barn ska läsa många böcker") == [
        ["=", "Fler barn ska läsa "],
        ["+", "många "],
        ["=", "böcker"],
    ]


def test_neighbouring_words_replaced_are_one_removal_and_one_insertion() -> None:
    # The space between two changed words is not left as a change of its own.
    assert word_diff("Fler barn ska läsa", "Färre unga ska läsa") == [
        ["-", "Fler barn"],
        ["+", "Färre unga"],
        ["=", " ska läsa"],
    ]


def test_a_number_before_a_full_stop_changes_alone() -> None:
    assert word_diff("Målet gäller till 2026.", "Målet gäller till 2027.") == [
        ["=", "Målet gäller till "],
        ["-", "2026"],
        ["+", "2027"],
        ["=", "."],
    ]


def test_words_taken_out_at_the_end() -> None:
    assert word_diff("barn och unga", "barn") == [["=", "barn"], ["-", " och unga"]]


def test_a_text_written_where_there_was_none() -> None:
    assert word_diff("", "Ny text") == [["+", "Ny text"]]


def test_the_same_text_is_one_segment_in_common() -> None:
    assert word_diff("Samma text", "Samma text") == [["=", "Samma text"]]


def test_a_long_changed_middle_is_not_matched_word_by_word() -> None:
    old = "Början " + " ".join(f"a{i}" for i in range(2000)) + " slut"
    new = "Början " + " ".join(f"b{i}" for i in range(2000)) + " slut"
    segments = word_diff(old, new)
    assert [op for op, _text in segments] == ["=", "-", "+", "="]
    assert _old(segments) == old and _new(segments) == new


def test_the_bound_is_on_the_middle_only() -> None:
    # A long text with one word changed is still diffed word by word.
    common = " ".join("ord" for _ in range(words.MAX_MATCHED_TOKENS))
    segments = word_diff(common + " gammalt " + common, common + " nytt " + common)
    assert ["-", "gammalt"] in segments and ["+", "nytt"] in segments


_TEXT = st.text(alphabet=st.sampled_from(list("ab åä.,\n-2")), max_size=40)


@given(_TEXT, _TEXT)
def test_the_segments_give_both_texts_back(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert _old(segments) == old
    assert _new(segments) == new
    assert all(text for _op, text in segments)
    ops = [op for op, _text in segments]
    assert all(a != b for a, b in itertools.pairwise(ops))  # runs merged
