"""The municipality's Kolada value beside its peers': the numbers `styr status` and the report show.

Pure functions over the values a `peer_values` file holds (what `styr kolada
pull --peers` wrote). Per key figure and year: the municipality's own value,
the peers' median, their spread (lowest–highest, and the interquartile range
when at least four peers have a value), how many of the group's members have
a value at all, and the country's value when Kolada has one.

Kolada's own comparison colours show rank, not good or bad; so nothing here
ranks. Where the indicator says which way is better (`better: higher` or
`lower`), `judgement` says whether the municipality's value is on the better
or the worse side of the median; otherwise only the numbers are given.

The median and the spread are our processing of Kolada's values: they are
never to be credited to Kolada (see `styr.report.credit`).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from styr.model.repository import Repository

PEER_VALUES = "peer_values"
COUNTRY = "0000"  # Kolada's code for the whole country (Riket)
# Quartiles of fewer values say little more than the values themselves.
QUARTILES_FROM = 4
# A median of two values may have a decimal more than they have, and float noise
# (81.69999999999999): every figure worked out here is rounded to this many decimals.
DERIVED_DECIMALS = 2


@dataclass(frozen=True, slots=True)
class EarlierValue:
    """A value Kolada gave before it revised it, and when that one was fetched."""

    value: float
    fetched_on: str = ""


@dataclass(frozen=True, slots=True)
class PeerValue:
    """One total value Kolada gave for a key figure, a municipality and a year."""

    kpi: str
    municipality: str
    year: int
    value: float | None
    preliminary: bool = False
    fetched_on: str = ""
    # Kolada's earlier values of the same figure, oldest first (the file's `revised:`).
    revised: tuple[EarlierValue, ...] = ()


@dataclass(slots=True)
class PeerTable:
    """What the repository's comparison files hold, by (key figure, municipality, year)."""

    values: dict[tuple[str, str, int], PeerValue] = field(default_factory=dict)
    members: tuple[str, ...] = ()  # the group's municipalities, the municipality itself excepted
    name: str = ""  # the group's name as the files give it
    illustrative: bool = False  # made-up example values, not Kolada's

    _years: dict[str, list[int]] | None = field(default=None, repr=False, compare=False)

    def years(self, kpi: str) -> list[int]:
        """The years the table has values for `kpi`, in order (gathered once for every key figure,
        as the report asks of each indicator)."""
        if self._years is None:
            by_kpi: dict[str, set[int]] = {}
            for key, _municipality, year in self.values:
                by_kpi.setdefault(key, set()).add(year)
            self._years = {key: sorted(years) for key, years in by_kpi.items()}
        return self._years.get(kpi, [])


@dataclass(frozen=True, slots=True)
class Comparison:
    """One key figure in one year: the municipality, its peers and the country."""

    kpi: str
    year: int
    own: PeerValue | None
    median: float | None
    lowest: float | None
    highest: float | None
    lower_quartile: float | None  # None with fewer than QUARTILES_FROM peers' values
    upper_quartile: float | None
    with_data: int  # peers that have a value this year
    members: int  # peers in the group
    country: PeerValue | None
    position: str  # "above", "below" or "at" the median; "" without both numbers
    judgement: str  # "better", "worse" or "same" when `better` says which way; else ""
    preliminary: bool  # some value the comparison rests on is preliminary
    peers_preliminary: bool = False  # some peer's value (so the median) is preliminary


def compare(table: PeerTable, kpi: str, year: int, own_code: str, better: Any = None) -> Comparison:
    """The comparison for `kpi` in `year`; `better` is the indicator's (higher, lower, …)."""
    own = _with_value(table.values.get((kpi, own_code, year)))
    country = _with_value(table.values.get((kpi, COUNTRY, year)))
    peers = [table.values.get((kpi, code, year)) for code in table.members if code != own_code]
    present = [p for p in peers if p is not None and p.value is not None]
    numbers = sorted(p.value for p in present if p.value is not None)
    median = _rounded(statistics.median(numbers)) if numbers else None
    quartiles = _quartiles(numbers)
    position = _position(own.value if own else None, median)
    return Comparison(
        kpi=kpi,
        year=year,
        own=own,
        median=median,
        lowest=numbers[0] if numbers else None,
        highest=numbers[-1] if numbers else None,
        lower_quartile=quartiles[0],
        upper_quartile=quartiles[1],
        with_data=len(numbers),
        members=len([code for code in table.members if code != own_code]),
        country=country,
        position=position,
        judgement=_judgement(position, better),
        preliminary=any(p.preliminary for p in [*present, *filter(None, [own, country])]),
        peers_preliminary=any(p.preliminary for p in present),
    )


def comparison_year(table: PeerTable, kpi: str, wanted: int | None) -> int | None:
    """The year to compare: `wanted` (the follow-up's period) when the table has it, else the
    latest year it has for the key figure; None when it has none."""
    years = table.years(kpi)
    if not years:
        return None
    return wanted if wanted in years else years[-1]


def _with_value(value: PeerValue | None) -> PeerValue | None:
    return value if value is not None and value.value is not None else None


def _quartiles(numbers: Sequence[float]) -> tuple[float | None, float | None]:
    if len(numbers) < QUARTILES_FROM:
        return None, None
    # "inclusive": the quartiles of the values themselves, as a spreadsheet's QUARTILE.INC.
    lower, _median, upper = statistics.quantiles(numbers, n=4, method="inclusive")
    return _rounded(lower), _rounded(upper)


def _rounded(value: float) -> float:
    return round(value, DERIVED_DECIMALS)


def _position(own: float | None, median: float | None) -> str:
    if own is None or median is None:
        return ""
    if own > median:
        return "above"
    return "below" if own < median else "at"


def _judgement(position: str, better: Any) -> str:
    """Better or worse than the median, only when the indicator says which way is better."""
    if not position or better not in ("higher", "lower"):
        return ""
    if position == "at":
        return "same"
    return "better" if (position == "above") == (better == "higher") else "worse"


# --- reading the repository's comparison files ---------------------------------------------


def peer_table(repository: Repository) -> PeerTable:
    """Every `peer_values` file's values in one table (read once per loaded repository).

    Values a file got wrong are left out here: `styr lint` reports them by the
    schema. A later file's value for the same key figure, municipality and year
    wins, as files are read in the repository's order.
    """
    table = repository.memo.get(PEER_VALUES)
    if not isinstance(table, PeerTable):
        table = repository.memo[PEER_VALUES] = _read(repository)
    return table


def _read(repository: Repository) -> PeerTable:
    table = PeerTable()
    members: list[str] = []
    for document in repository.documents:
        data = document.data
        if document.kind != PEER_VALUES or not isinstance(data, dict):
            continue
        written = data.get("group")
        group: dict[str, Any] = written if isinstance(written, dict) else {}
        members.extend(_codes(group.get("members")))
        if isinstance(group.get("name"), str) and not table.name:
            table.name = group["name"]
        table.illustrative = table.illustrative or data.get("illustrative") is True
        for value in read_values(data.get("figures")):
            table.values[(value.kpi, value.municipality, value.year)] = value
    if not members:  # a file without its group: the municipalities it has values for
        members = sorted({code for _kpi, code, _year in table.values if code != COUNTRY})
    own = repository.municipality_code
    table.members = tuple(dict.fromkeys(code for code in members if code != own))
    return table


def _codes(value: Any) -> Iterable[str]:
    if isinstance(value, list):
        yield from (code for code in value if isinstance(code, str))


def read_values(items: Any) -> Iterable[PeerValue]:
    if not isinstance(items, list):
        return
    for item in items:
        if not isinstance(item, dict):
            continue
        kpi, code, year, value = (item.get(k) for k in ("kpi", "municipality", "year", "value"))
        if not (isinstance(kpi, str) and isinstance(code, str) and type(year) is int):
            continue
        if value is not None and type(value) not in (int, float):
            continue
        yield PeerValue(
            kpi=kpi,
            municipality=code,
            year=year,
            value=None if value is None else float(value),
            preliminary=item.get("preliminary") is True,
            fetched_on=fetched_on if isinstance(fetched_on := item.get("fetched_on"), str) else "",
            revised=tuple(_earlier(item.get("revised"))),
        )


def _earlier(records: Any) -> Iterable[EarlierValue]:
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict):
            continue
        value, fetched_on = record.get("value"), record.get("fetched_on")
        if isinstance(value, int | float) and not isinstance(value, bool):
            yield EarlierValue(float(value), fetched_on if isinstance(fetched_on, str) else "")
