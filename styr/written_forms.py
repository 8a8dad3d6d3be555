"""Dates and periods written another way, and the form styr accepts that they mean.

"24 november 2026" means "2026-11-24"; "2027-Q2" means 2027-T2. Only a clear
reading is offered: a date that is not in the calendar, or a period styr has
no name for, gives nothing.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("januari", "jan", "january"),
            ("februari", "feb", "february"),
            ("mars", "mar", "march"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "jun", "june"),
            ("juli", "jul", "july"),
            ("augusti", "aug", "august"),
            ("september", "sep", "sept"),
            ("oktober", "okt", "oct", "october"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}


def suggested_date(text: str) -> str | None:
    """The ÅÅÅÅ-MM-DD form of a date written another way ("24 november 2026"), if one is clear."""
    words = re.findall(r"[0-9]+|[^\W\d_]+", text.lower())
    numbers = [w for w in words if w.isdigit()]
    months = [_MONTHS[w.rstrip(".")] for w in words if w.rstrip(".") in _MONTHS]
    parts: tuple[int, int, int] | None = None
    if len(months) == 1 and len(numbers) == 2:
        year, day = sorted(numbers, key=len, reverse=True)
        parts = (int(year), months[0], int(day)) if len(year) == 4 else None
    elif len(numbers) == 1 and len(numbers[0]) == 8 and not months:
        n = numbers[0]
        parts = (int(n[:4]), int(n[4:6]), int(n[6:]))
    elif len(numbers) == 3 and not months:
        if len(numbers[0]) == 4:
            parts = (int(numbers[0]), int(numbers[1]), int(numbers[2]))
        elif len(numbers[2]) == 4:  # Swedish order: day, month, year
            parts = (int(numbers[2]), int(numbers[1]), int(numbers[0]))
    if parts is None:
        return None
    try:
        return date(*parts).isoformat()
    except ValueError:
        return None


# Which tertial (four months) covers most of a quarter (three months).
_TERTIAL_OF_QUARTER = {1: 1, 2: 2, 3: 2, 4: 3}


def suggested_period(text: str) -> str | None:
    """A period styr knows for one written another way ("2027-Q2", "T2 2027"), if one is clear."""
    lowered = text.lower()
    years = re.findall(r"(?<!\d)\d{4}(?!\d)", lowered)
    if len(years) != 1:
        return None
    year = years[0]
    rest = lowered.replace(year, " ")
    match = re.search(r"(tertial|halvår|halvar|kvartal|[thqk])\s*[-:.]?\s*(\d)", rest)
    if match is None:
        return year if not re.search(r"\w", rest.replace("år", "")) else None
    letter, number = match.group(1)[0], int(match.group(2))
    if letter == "t" and 1 <= number <= 3:
        return f"{year}-T{number}"
    if letter == "h" and 1 <= number <= 2:
        return f"{year}-H{number}"
    if letter in "qk" and number in _TERTIAL_OF_QUARTER:
        return f"{year}-T{_TERTIAL_OF_QUARTER[number]}"
    return None
