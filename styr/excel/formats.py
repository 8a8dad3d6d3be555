"""How the workbook shows numbers, and how wide its columns are.

An xlsx number format is written in one notation whatever the reader's
language: `#,##0.0` means "thousands grouped, one decimal", and Excel shows it
with the reader's own separators, `1 234,5` in a Swedish Excel and `1,234.5`
in an English one. So the workbook never writes a comma into a format.
"""

from __future__ import annotations

from typing import Any

HEADER_ROW = 1
NARROWEST, WIDEST = 8, 60


def number_format(decimals: int) -> str:
    """Thousands grouped, and exactly `decimals` decimals."""
    return "#,##0" + ("." + "0" * decimals if decimals else "")


def column_width(header: str, values: list[Any]) -> float:
    """A width that fits the header and most values, in Excel's character units."""
    longest = max([len(header), *(len(_shown(value)) for value in values[:500])])
    return float(min(max(longest + 2, NARROWEST), WIDEST))


def _shown(value: Any) -> str:
    return "" if value is None else str(value)
