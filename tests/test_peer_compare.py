"""The municipality beside its peers: median, spread, peers with data and the country, no ranks."""

from __future__ import annotations

import pytest

from styr.followup.peers import COUNTRY, PeerTable, PeerValue, compare, comparison_year

OWN = "1283"
PEERS = ("0580", "0581", "0680", "1281", "1880")


def _table(values: dict[str, float | None], year: int = 2025, **extra: object) -> PeerTable:
    table = PeerTable(members=PEERS)
    for code, value in values.items():
        table.values[("N15428", code, year)] = PeerValue(
            "N15428", code, year, value, preliminary=bool(extra.get(code))
        )
    return table


def test_median_spread_and_quartiles_of_the_peers_only() -> None:
    table = _table(
        {OWN: 90.0, "0580": 80.0, "0581": 70.0, "0680": 60.0, "1281": 50.0, "1880": 40.0}
    )
    result = compare(table, "N15428", 2025, OWN, "higher")
    assert result.own is not None and result.own.value == 90.0
    # The municipality's own value is not one of its peers'.
    assert (result.median, result.lowest, result.highest) == (60.0, 40.0, 80.0)
    assert (result.lower_quartile, result.upper_quartile) == (50.0, 70.0)
    assert (result.with_data, result.members) == (5, 5)


def test_peers_without_data_are_counted_not_dropped() -> None:
    table = _table({OWN: 55.0, "0580": 50.0, "0581": None, "0680": 70.0})
    result = compare(table, "N15428", 2025, OWN)
    assert (result.with_data, result.members) == (2, 5)  # 1281 and 1880 have no value at all
    assert result.median == 60.0
    # Too few values for quartiles that mean anything.
    assert (result.lower_quartile, result.upper_quartile) == (None, None)


def test_no_peer_value_gives_no_median_and_no_position() -> None:
    result = compare(_table({OWN: 55.0}), "N15428", 2025, OWN, "higher")
    assert (result.median, result.with_data, result.position, result.judgement) == (
        None,
        0,
        "",
        "",
    )


@pytest.mark.parametrize(
    ("better", "own", "position", "judgement"),
    [
        ("higher", 65.0, "above", "better"),
        ("higher", 55.0, "below", "worse"),
        ("lower", 65.0, "above", "worse"),
        ("lower", 55.0, "below", "better"),
        ("higher", 60.0, "at", "same"),
        # Without a direction the numbers are stated and nothing is judged.
        (None, 65.0, "above", ""),
        ("range", 65.0, "above", ""),
    ],
)
def test_better_or_worse_only_when_the_indicator_says_which_way(
    better: str | None, own: float, position: str, judgement: str
) -> None:
    table = _table({OWN: own, "0580": 50.0, "0581": 60.0, "0680": 70.0})
    result = compare(table, "N15428", 2025, OWN, better)
    assert (result.position, result.judgement) == (position, judgement)


def test_the_country_is_shown_apart_from_the_peers() -> None:
    table = _table({OWN: 55.0, "0580": 50.0, COUNTRY: 75.0})
    result = compare(table, "N15428", 2025, OWN)
    assert result.country is not None and result.country.value == 75.0
    assert (result.median, result.with_data) == (50.0, 1)


def test_a_preliminary_value_marks_the_comparison() -> None:
    assert compare(
        _table({OWN: 1.0, "0580": 2.0}, **{"0580": True}), "N15428", 2025, OWN
    ).preliminary
    assert not compare(_table({OWN: 1.0, "0580": 2.0}), "N15428", 2025, OWN).preliminary
    country = _table({OWN: 1.0, "0580": 2.0, COUNTRY: 3.0}, **{COUNTRY: True})
    assert compare(country, "N15428", 2025, OWN).preliminary


def test_the_year_is_the_follow_ups_when_there_are_values_for_it_else_the_latest() -> None:
    table = _table({OWN: 1.0}, year=2023)
    table.values.update(_table({OWN: 2.0}, year=2024).values)
    assert comparison_year(table, "N15428", 2023) == 2023
    assert comparison_year(table, "N15428", 2025) == 2024
    assert comparison_year(table, "N15428", None) == 2024
    assert comparison_year(table, "U23401", 2024) is None
