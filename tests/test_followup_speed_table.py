"""The status table drawn line by line wraps a text its column repeats once: the same lines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from styr.followup import plain_table

# Few texts, so that columns repeat them; words of several lengths, a line break, wide ones.
_CELL = st.sampled_from(
    [
        "",
        "Nämnd 1",
        "Fler elever ska vara nöjda med skolan i verksamhet 12",
        "nästa målvärde: 80 % (2026)",
        "rad ett\n↳ rad två",
        "Arbetsmarknadsnämnden",
        "日本語 の テキスト",
        "  blanksteg  ",
        "· Målvärde saknas",
    ]
)
_ROWS = st.integers(1, 4).flatmap(
    lambda columns: st.tuples(
        st.lists(st.lists(_CELL, min_size=columns, max_size=columns), max_size=12),
        st.lists(st.integers(1, 24), min_size=columns, max_size=columns),
    )
)


def _drawn_row_by_row(rows: list[list[str]], widths: list[int]) -> str:
    """Every row wrapped and padded on its own, as the headings are."""
    headings = [""] * len(widths)
    lines = plain_table.draw_table("Titel", headings, [], widths).split("\n")
    body = [line for row in rows for line in plain_table._row_lines(row, widths, "│", "")]
    return "\n".join([*lines[:-2], *body, *lines[-2:]])


@settings(max_examples=300, deadline=None)
@given(_ROWS, st.sampled_from([0, 1, 2048]))
def test_rows_drawn_with_remembered_texts_are_rows_drawn_one_by_one(
    drawn: tuple[list[list[str]], list[int]], remembered: int
) -> None:
    rows, widths = drawn
    headings = [""] * len(widths)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plain_table, "_REMEMBERED", remembered)
        table = plain_table.draw_table("Titel", headings, rows, widths)
    assert table == _drawn_row_by_row(rows, widths)


@settings(max_examples=200, deadline=None)
@given(_ROWS, st.sampled_from([1, 2, 5, 1024]))
def test_the_table_comes_in_pieces_of_whole_lines(
    drawn: tuple[list[list[str]], list[int]], per_piece: int
) -> None:
    rows, widths = drawn
    headings = [""] * len(widths)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plain_table, "_LINES_PER_PIECE", per_piece)
        pieces = list(plain_table.table_pieces("Titel", headings, rows, widths))
    assert "".join(pieces) == _drawn_row_by_row(rows, widths)
    assert all(piece.endswith("\n") and piece.count("\n") <= per_piece for piece in pieces)


def test_a_large_table_is_not_held_whole() -> None:
    rows = [[f"Mål {n}", "● Uppfyllt"] for n in range(5000)]
    pieces = plain_table.table_pieces("Titel", ["Mål", "Status"], rows, [12, 12])
    assert max(len(piece.split("\n")) - 1 for piece in pieces) == plain_table._LINES_PER_PIECE
