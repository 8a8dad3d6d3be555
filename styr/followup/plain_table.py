"""A table drawn line by line, for `styr status` on a large repository.

rich draws a table of 100,000 rows in about 40 seconds (a millisecond a
row, most of it measuring and styling every cell); this draws the same
layout, with the same frame, the widths `table_widths` chose and text
wrapped between words (a word wider than its column folds), in a fraction
of it. Small tables are still drawn by rich, which also shares the room
when no widths fit; this one is only for widths that fit.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator, Sequence

from rich.cells import cell_len

# A word with the spaces around it, as a line is broken into words.
_WORD = re.compile(r"\s*\S+\s*")
# Bold headings and an italic title when the terminal shows colour.
_BOLD, _ITALIC, _RESET = "\x1b[1m", "\x1b[3m", "\x1b[0m"
# Characters one cell wide in every release of rich (and of Unicode's tables): printable
# ASCII and Latin up to U+02FF, without the soft hyphen. A text of these alone is as
# wide as it is long, found by one set operation instead of rich's measure, which a
# table of 100,000 rows asks millions of times.
_ONE_CELL = frozenset(
    chr(code) for code in (*range(0x20, 0x7F), *range(0xA0, 0xAD), *range(0xAE, 0x300))
)
_only_one_cell = _ONE_CELL.issuperset


def _width(text: str) -> int:
    """How many terminal cells `text` takes, as rich measures it."""
    return len(text) if _only_one_cell(text) else cell_len(text)


def draw_table(
    title: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    *,
    colour: bool = False,
) -> str:
    """The table as text: the title centred above, a heavy frame round the headings."""
    return "".join(table_pieces(title, headings, rows, widths, colour=colour))


# How many lines make one piece of a table as it is written.
_LINES_PER_PIECE = 1024


def table_pieces(
    title: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    *,
    colour: bool = False,
) -> Iterator[str]:
    """`draw_table`'s text in pieces of `_LINES_PER_PIECE` lines, each ending with a line end.

    A table of 100,000 goals is 40 MB of text; its lines held at once, and then
    joined, were about 160 MB more than a piece at a time.
    """
    lines = _table_lines(title, headings, rows, widths, colour)
    while piece := list(itertools.islice(lines, _LINES_PER_PIECE)):
        piece.append("")  # the line end after the piece's last line
        yield "\n".join(piece)


def _table_lines(
    title: str,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    colour: bool,
) -> Iterator[str]:
    inner = sum(widths) + 3 * len(widths) - 1  # a space each side of a cell, a border between
    yield from _title_lines(title, inner + 2, colour)
    yield "┏" + "┳".join("━" * (w + 2) for w in widths) + "┓"
    yield from _row_lines(headings, widths, "┃", _BOLD if colour else "", at_bottom=True)
    yield "┡" + "╇".join("━" * (w + 2) for w in widths) + "┩"
    yield from _body_lines(rows, widths)
    yield "└" + "┴".join("─" * (w + 2) for w in widths) + "┘"


def _title_lines(title: str, width: int, colour: bool) -> Iterator[str]:
    for line in wrap(title, width):
        left = (width - _width(line)) // 2
        right = width - _width(line) - left
        shown = f"{_ITALIC}{line}{_RESET}" if colour else line
        yield " " * left + shown + " " * right


def _row_lines(
    cells: Sequence[str], widths: Sequence[int], bar: str, style: str, *, at_bottom: bool = False
) -> list[str]:
    """One row as the lines it takes: every cell wrapped to its width, padded to the tallest
    (below its text, or above it for headings, which stand right over their column)."""
    columns = [_cell_lines(cell, width, style) for cell, width in zip(cells, widths, strict=True)]
    return _joined(columns, widths, bar, at_bottom=at_bottom)


# How many distinct texts of a column have their lines kept while a table is drawn.
_REMEMBERED = 2048


def _body_lines(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> Iterator[str]:
    """The rows' lines; a text a column repeats is wrapped and padded once.

    Most columns of a large table hold a few texts on every row (a board's
    name, a target, a status): wrapping and measuring each again was most
    of the drawing. Each column keeps the lines of its first `_REMEMBERED`
    texts, so a column of texts that never repeat holds no more than that.
    """
    known: list[dict[str, tuple[str, ...]]] = [{} for _ in widths]
    for row in rows:
        columns: list[tuple[str, ...]] = []
        for cell, width, seen in zip(row, widths, known, strict=True):
            lines = seen.get(cell)
            if lines is None:
                lines = _cell_lines(cell, width, "")
                if len(seen) < _REMEMBERED:
                    seen[cell] = lines
            columns.append(lines)
        yield from _joined(columns, widths, "│", at_bottom=False)


def _cell_lines(cell: str, width: int, style: str) -> tuple[str, ...]:
    """A cell's lines, wrapped to its width and padded to it, a space each side."""
    reset = _RESET if style else ""
    text = cell.rstrip()
    used = _width(text) if "\n" not in text else width + 1
    if used <= width:  # most cells: one line, measured once
        return (_padded(text, width - used, style, reset),)
    return tuple(_padded(line, width - _width(line), style, reset) for line in wrap(cell, width))


def _joined(
    columns: Sequence[Sequence[str]], widths: Sequence[int], bar: str, *, at_bottom: bool
) -> list[str]:
    """The columns' lines side by side, each column filled out to the tallest."""
    height = max(map(len, columns))
    if height == 1:
        return [bar + bar.join(column[0] for column in columns) + bar]
    filled = []
    for column, width in zip(columns, widths, strict=True):
        empty = [" " * (width + 2)] * (height - len(column))
        filled.append([*empty, *column] if at_bottom else [*column, *empty])
    return [bar + bar.join(parts) + bar for parts in zip(*filled, strict=True)]


def _padded(text: str, spare: int, style: str, reset: str) -> str:
    """A cell's line with a space each side, filled out to its column's width."""
    return f" {style}{text}{reset}{' ' * spare} " if text else " " * (spare + 2)


def wrap(text: str, width: int) -> list[str]:
    """The text's lines, each broken between words to at most `width` cells.

    A word wider than the column is folded into pieces of the column's width.
    Spaces at the end of a line are dropped; an empty text is one empty line.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        # Of one-cell characters only (nearly every paragraph), every piece of it is as
        # wide as it is long: measured by len, the same widths at a fraction of the cost.
        measure: Callable[[str], int] = len if _only_one_cell(paragraph) else _width
        if measure(paragraph) <= width:
            lines.append(paragraph.rstrip())
            continue
        line = ""
        for word in _WORD.findall(paragraph):
            if measure(line) + measure(word.rstrip()) <= width:
                line += word
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = word.lstrip() if line.strip() else word
            while measure(line.rstrip()) > width:
                piece = _cells_prefix(line, width)
                lines.append(piece)
                line = line[len(piece) :]
        lines.append(line.rstrip())
    return lines


def _cells_prefix(text: str, width: int) -> str:
    """The longest beginning of `text` at most `width` cells wide (at least one character)."""
    total = 0
    for position, character in enumerate(text):
        total += _width(character)
        if total > width:
            return text[: max(position, 1)]
    return text
