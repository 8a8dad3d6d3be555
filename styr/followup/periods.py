"""Follow-up periods: a year ("2024"), a tertial ("2024-T2") or a half-year ("2024-H1")."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PERIOD = re.compile(r"(?P<year>[0-9]{4})(-(?P<kind>[TH])(?P<part>[1-3]))?\Z")
_PARTS = {"T": 3, "H": 2}


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """Ordered by the date the period ends, so a year sorts after its tertials."""

    year: int
    end_fraction: float  # 1.0 for a whole year, 2/3 for T2, 0.5 for H1 …
    text: str

    @property
    def is_year(self) -> bool:
        return self.end_fraction == 1.0


def parse_period(text: object) -> Period | None:
    """The period a text names, or None when it names none."""
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    if not isinstance(text, str):
        return None
    match = _PERIOD.match(text.strip())
    if match is None:
        return None
    year = int(match["year"])
    if match["kind"] is None:
        return Period(year, 1.0, str(year))
    parts = _PARTS[match["kind"]]
    part = int(match["part"])
    if part > parts:
        return None
    return Period(year, part / parts, f"{year}-{match['kind']}{part}")
