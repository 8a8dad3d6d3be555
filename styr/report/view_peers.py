"""An indicator's comparison with other municipalities, as the report and the site show it.

The numbers are `styr.followup.peers`'; this module words them for the page.
Only the raw values (the municipality's own and the country's, as Kolada
gives them) carry Kolada's credit, asked of `styr.report.credit`; the median,
the spread and the count are our processing and are said to be. Values a
comparison file marks `illustrative` are said to be examples and credited to
no one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from styr.followup.kolada_revisions import KOLADA
from styr.followup.peers import Comparison, PeerTable, compare, comparison_year, peer_table
from styr.followup.periods import parse_period
from styr.model.repository import Repository
from styr.report import formatting as fmt
from styr.report.credit import Figure, credit_for
from styr.report.texts import Labels
from styr.report.texts_peers import peer_reading


@dataclass(frozen=True, slots=True)
class PeerView:
    """One indicator's comparison in one year, every figure as text ("" where there is none)."""

    group: str
    year: str
    own: str
    own_preliminary: bool
    median: str
    median_preliminary: bool  # some peer's value it rests on is preliminary
    spread: str  # lowest–highest of the peers' values
    middle_half: str  # the interquartile range, with enough peers' values
    with_data: str  # "5 av 7"
    country: str
    country_preliminary: bool
    reading: str  # above or below the median; better or worse only where `better` says
    credit: str  # the raw values' credit ("Källa: Kolada (N15428)"); "" for example values
    illustrative: str  # the note that the values are made up, or ""


class PeerViews:
    """Comparisons for one repository's indicators, in one language."""

    def __init__(self, repository: Repository, labels: Labels, period: str = "") -> None:
        self.table: PeerTable = peer_table(repository)
        self.own = repository.municipality_code or ""
        self.t = labels
        followed = parse_period(period)
        self.wanted = followed.year if followed is not None else None

    def of(self, data: dict[str, Any]) -> PeerView | None:
        """The comparison for an indicator's data (its `kolada:` id), or None without one."""
        kpi = data.get("kolada")
        if not isinstance(kpi, str) or not self.table.values:
            return None
        year = comparison_year(self.table, kpi, self.wanted)
        if year is None:
            return None
        return self.view(compare(self.table, kpi, year, self.own, data.get("better")))

    def view(self, result: Comparison) -> PeerView:
        t = self.t
        language = t.language
        own = result.own.value if result.own else None
        country = result.country.value if result.country else None
        return PeerView(
            group=self.table.name,
            year=str(result.year),
            own=_number(own, language),
            own_preliminary=result.own is not None and result.own.preliminary,
            median=_number(result.median, language),
            median_preliminary=result.median is not None and result.peers_preliminary,
            spread=_span(result.lowest, result.highest, language),
            middle_half=_span(result.lower_quartile, result.upper_quartile, language),
            with_data=t.get(
                "peers_with_data_count", with_data=result.with_data, members=result.members
            ),
            country=_number(country, language),
            country_preliminary=result.country is not None and result.country.preliminary,
            reading=self.reading(result),
            credit=self.credit(own is not None, country is not None, result.kpi),
            illustrative=t.peers_illustrative_note if self.table.illustrative else "",
        )

    def credit(self, own: bool, country: bool, kpi: str) -> str:
        """Kolada's credit for the raw values shown; the derived figures ask for none."""
        if not (own or country):
            return ""
        source = "" if self.table.illustrative else KOLADA  # made-up values are no one's
        figure = Figure.OUTCOME if own else Figure.NATIONAL
        return credit_for(figure, source, kpi, self.t.language)

    def reading(self, result: Comparison) -> str:
        return peer_reading(result.position, result.judgement, self.t.language)


def _number(value: float | None, language: str) -> str:
    # The derived figures come rounded (styr.followup.peers.DERIVED_DECIMALS); Kolada's as given.
    return "" if value is None else fmt.number(value, language)


def _span(low: float | None, high: float | None, language: str) -> str:
    if low is None or high is None:
        return ""
    return f"{_number(low, language)}–{_number(high, language)}"
