"""Column widths for `styr status`'s table: it fits the terminal and wraps between words.

Left to itself, a table squeezed into a narrow terminal cuts words in two
("Arbetsmarknadsnämnd/en") and crops its last column. Here every column gets
at least its longest word, so text wraps at spaces; the room left goes in
turns: a little to the short columns (figures, status), a readable width to
the text (goal, indicator), the organisation's whole name, then the rest.
A layout whose text would be too narrow to read is refused (None), and the
caller tries one with fewer columns.
"""

from __future__ import annotations

from collections.abc import Sequence

# The widest a column needs to be: free text wraps, a name or a figure rarely needs more.
_TEXT_LIMIT = 60
_NAME_LIMIT = 26
_SHORT_LIMIT = 24
# A short column gets this much before the text grows; text this much before the rest.
_SHORT_FIRST = 12
_TEXT_FIRST = 30
# Text narrower than this is hard to read: a layout that gives less is refused.
_TEXT_READABLE = 18
# A word longer than this folds rather than make its column this wide.
_WORD_LIMIT = 24
# A cell's padding (a space each side) and the border before it; one more border at the end.
_PER_COLUMN, _FINAL_BORDER = 3, 1


def column_widths(
    headings: Sequence[str], cells: Sequence[Sequence[str]], width: int, text_columns: int
) -> list[int] | None:
    """Widths that fit `width`: column 0 is a name, columns 1 to `text_columns - 1` free text.

    None when the longest words do not fit side by side, or the text columns
    would be too narrow to read.
    """
    # Each column's distinct texts: only their longest word and line count, and a column of
    # figures or statuses holds few distinct texts however many rows it has.
    columns = [{heading, *(row[i] for row in cells)} for i, heading in enumerate(headings)]
    text = list(range(1, text_columns))
    short = list(range(text_columns, len(columns)))
    limits = [_NAME_LIMIT] + [_TEXT_LIMIT] * len(text) + [_SHORT_LIMIT] * len(short)
    least = [min(max(_longest_word(c) for c in column), _WORD_LIMIT) for column in columns]
    most = [
        max(low, min(max(_longest_line(c) for c in column), limit))
        for column, low, limit in zip(columns, least, limits, strict=True)
    ]
    spare = width - _PER_COLUMN * len(columns) - _FINAL_BORDER - sum(least)
    if spare < 0:
        return None
    widths = list(least)
    first = [
        max(low, min(high, cap)) for low, high, cap in zip(least, most, _caps(limits), strict=True)
    ]
    for group, goal in ((short, first), (text, first), ([0], most), (short, most), (text, most)):
        spare = _grow(widths, goal, group, spare)
    if any(widths[i] < min(_TEXT_READABLE, most[i]) for i in text):
        return None
    return widths


def _caps(limits: list[int]) -> list[int]:
    """How wide each column grows in the first turns, before the others have had theirs."""
    return [_SHORT_FIRST if limit == _SHORT_LIMIT else _TEXT_FIRST for limit in limits]


def _grow(widths: list[int], most: list[int], group: list[int], spare: int) -> int:
    """Widen the group's columns evenly towards what they need; the room left over."""
    while spare > 0:
        growing = [i for i in group if widths[i] < most[i]]
        if not growing:
            break
        for i in growing[:spare]:
            widths[i] += 1
        spare -= min(spare, len(growing))
    return spare


def _longest_line(text: str) -> int:
    if text.isprintable():  # nearly every cell: one line, without any line break splitlines knows
        return len(text)
    return max(map(len, text.splitlines()), default=0)


def _longest_word(text: str) -> int:
    return max(map(len, text.split()), default=0)
