"""What a cell of the outcome sheet holds, read as a planner means it.

A number typed as text is common in a Swedish workbook ("72,8" pasted from a
report, "1 234,5" with a space between thousands): such a text is read as the
number it writes. Anything else in a number cell ("ca 70", "72 %") is no
number, and the import says which cell.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from styr.followup.periods import Period, parse_period
from styr.load.limits import MAX_NUMBER_DIGITS

# Digits with a decimal comma or point, spaces (also no-break ones) between thousands,
# and a minus sign (the typographic one too).
_NUMBER_TEXT = re.compile(r"[-−]?[0-9]{1,3}(?:[  \u202f]?[0-9]{3})*(?:[.,][0-9]+)?\Z")
_PLAIN_DIGITS = re.compile(r"[-−]?[0-9]+(?:[.,][0-9]+)?\Z")


@dataclass(frozen=True, slots=True)
class NotANumber:
    """A cell that should hold a number and holds something else, as it was shown."""

    shown: str
    # A number, but too large (or infinite) to write: said so, never shown in 300 digits.
    too_large: bool = False


def number_in(value: Any) -> float | NotANumber | None:
    """The number a cell holds: None when empty, `NotANumber` when it holds something else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool | datetime | date):
        return NotANumber(_shown(value))
    if isinstance(value, int) and abs(value) >= 10**MAX_NUMBER_DIGITS:
        return NotANumber("", too_large=True)  # before float(), which a 400-digit int overflows
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not (_NUMBER_TEXT.match(text) or _PLAIN_DIGITS.match(text)):
            return NotANumber(text)
        number = float(re.sub(r"[  \u202f]", "", text).replace(",", ".").replace("−", "-"))
    else:
        return NotANumber(_shown(value))
    if not math.isfinite(number) or abs(number) >= 10**MAX_NUMBER_DIGITS:
        return NotANumber("", too_large=True)
    return int(number) if number.is_integer() and isinstance(value, int) else number


def period_in(value: Any) -> Period | None:
    """The period a cell names ("2025", 2025, "2025-T2"), or None."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a year typed into a cell Excel keeps as a number
    if isinstance(value, bool):
        return None
    return parse_period(value)


def text_in(value: Any) -> str | None:
    """A text cell's text, trimmed; a number typed there is its text as Excel shows it."""
    if value is None:
        return None
    text = _shown(value).strip()
    return text or None


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
