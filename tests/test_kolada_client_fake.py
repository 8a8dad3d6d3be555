"""The client's v3 calls against the shared fake Kolada: several municipalities, the
country, preliminary values, municipality groups and the KPI list with paging."""

from __future__ import annotations

import pytest
from kolada_fake import Failure, FakeKolada, kolada_fake

from styr.kolada import (
    KoladaHTTPError,
    KoladaInputError,
    KoladaResponseError,
    fetch_group_members,
    fetch_kpi_metadata,
    fetch_outcomes,
)
from styr.kolada.answer import Query, parse_page
from styr.kolada.errors import KoladaConnectionError
from styr.messages import MESSAGES

__all__ = ["kolada_fake"]  # the fixture, imported for pytest to find


def _no_wait(seconds: float) -> None:
    pass


def test_a_value_kolada_marks_preliminary_is_preliminary(kolada_fake: FakeKolada) -> None:
    kolada_fake.add_value("N15428", "1283", 2025, 80.0, status="Preliminary")
    kolada_fake.add_value("N15428", "1283", 2024, 84.5)
    outcomes = fetch_outcomes(["N15428"], "1283", [2024, 2025], base_url=kolada_fake.base_url)
    by_year = {outcome.year: outcome for outcome in outcomes}
    assert by_year[2025].preliminary is True
    assert by_year[2025].value == 80.0
    assert by_year[2024].preliminary is False


def test_several_municipalities_and_the_country_in_batches(kolada_fake: FakeKolada) -> None:
    codes = [f"{number:04d}" for number in range(100, 130)] + ["0000"]
    for code in codes:
        kolada_fake.add_value("N15428", code, 2024, float(int(code)))
    outcomes = fetch_outcomes(
        ["N15428"], codes, [2024], base_url=kolada_fake.base_url, max_ids_per_request=20
    )
    assert {outcome.municipality: outcome.value for outcome in outcomes} == {
        code: float(int(code)) for code in codes
    }
    data_requests = [path for path in kolada_fake.seen if path.startswith("/v3/data/")]
    assert len(data_requests) == 2  # 31 codes, at most 20 a request


def test_a_municipality_not_asked_for_is_refused() -> None:
    page = {
        "count": 1,
        "next_url": None,
        "values": [{"kpi": "N15428", "municipality": "0181", "period": 2024, "values": []}],
    }
    with pytest.raises(KoladaResponseError) as caught:
        parse_page(page, Query(("N15428",), ("0180", "0000"), (2024,)), "http://x/v3")
    assert caught.value.params["where"] == "$.values[0].municipality"


def test_an_empty_list_of_municipalities_is_refused() -> None:
    with pytest.raises(KoladaInputError) as caught:
        fetch_outcomes(["N15428"], [], [2024])
    assert caught.value.key == "kolada-nothing-requested"


def test_group_members(kolada_fake: FakeKolada) -> None:
    kolada_fake.add_group("G124026", "Liknande kommuner, gymnasieskola", ["1280", "0180", "1480"])
    members = fetch_group_members("G124026", base_url=kolada_fake.base_url)
    assert members == ["1280", "0180", "1480"]
    assert kolada_fake.seen == ["/v3/municipality_groups/G124026"]


def test_an_unknown_group_is_a_clear_error(kolada_fake: FakeKolada) -> None:
    with pytest.raises(KoladaInputError) as caught:
        fetch_group_members("G999999", base_url=kolada_fake.base_url)
    assert caught.value.key == "kolada-unknown-group"
    assert caught.value.key in MESSAGES


@pytest.mark.parametrize("group", ["", "G12/../kpi", "Liknande kommuner", "G1?x=1"])
def test_a_group_id_that_is_no_id_asks_nothing(kolada_fake: FakeKolada, group: str) -> None:
    with pytest.raises(KoladaInputError) as caught:
        fetch_group_members(group, base_url=kolada_fake.base_url)
    assert caught.value.key == "kolada-bad-group"
    assert kolada_fake.seen == []


def test_group_members_wait_as_asked_on_429(kolada_fake: FakeKolada) -> None:
    kolada_fake.add_group("G1", "Grupp", ["0180"])
    kolada_fake.fail(Failure(429, retry_after="3"))
    waits: list[float] = []
    assert fetch_group_members("G1", base_url=kolada_fake.base_url, sleep=waits.append) == ["0180"]
    assert waits == [3.0]


def test_a_member_that_is_no_municipality_is_refused(kolada_fake: FakeKolada) -> None:
    kolada_fake.add_group("G1", "Grupp", ["0180"])
    kolada_fake.groups["G1"]["members"].append({"id": "18O"})
    with pytest.raises(KoladaResponseError) as caught:
        fetch_group_members("G1", base_url=kolada_fake.base_url)
    assert caught.value.params["where"] == "$.values[0].members[1].id"


def test_kpi_metadata_follows_every_page(kolada_fake: FakeKolada) -> None:
    for number in range(5):
        kolada_fake.add_kpi(f"N1000{number}", f"Nyckeltal {number}", is_divided_by_gender=1)
    kolada_fake.page_size = 2
    kpis = fetch_kpi_metadata(base_url=kolada_fake.base_url)
    assert [kpi.id for kpi in kpis] == [f"N1000{number}" for number in range(5)]
    assert all(kpi.divided_by_gender for kpi in kpis)
    assert len(kolada_fake.seen) == 3


def test_kpi_metadata_reads_the_documented_fields(kolada_fake: FakeKolada) -> None:
    kolada_fake.add_kpi(
        "N15428",
        "Elever i åk. 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)",
        operating_area="Grundskola",
        municipality_type="K",
        has_ou_data=True,
        prel_publication_date="2026-06-01",
    )
    kolada_fake.add_kpi("N99001", "Regionens kostnad", municipality_type="L")
    first, region = fetch_kpi_metadata(base_url=kolada_fake.base_url)
    assert first.operating_area == "Grundskola"
    assert first.has_ou_data and first.municipality_level
    assert first.prel_publication_date == "2026-06-01"
    assert not first.divided_by_gender
    assert not region.municipality_level


@pytest.mark.parametrize(
    ("field", "value"), [("id", "N1"), ("title", None), ("is_divided_by_gender", "ja")]
)
def test_kpi_metadata_of_another_shape_is_refused(
    kolada_fake: FakeKolada, field: str, value: object
) -> None:
    kolada_fake.add_kpi("N15428", "Behöriga")[field] = value
    with pytest.raises(KoladaResponseError) as caught:
        fetch_kpi_metadata(base_url=kolada_fake.base_url)
    assert caught.value.params["where"] == f"$.values[0].{field}"


def test_kpi_metadata_server_error_is_an_http_error(kolada_fake: FakeKolada) -> None:
    kolada_fake.fail(Failure(500))
    with pytest.raises(KoladaHTTPError) as caught:
        fetch_kpi_metadata(base_url=kolada_fake.base_url, sleep=_no_wait)
    assert caught.value.params["status"] == 500


def test_a_dripping_answer_ends_at_the_request_deadline(kolada_fake: FakeKolada) -> None:
    kolada_fake.fail(Failure(drip=0.05), Failure(drip=0.05))
    with pytest.raises(KoladaConnectionError) as caught:
        fetch_kpi_metadata(
            base_url=kolada_fake.base_url, request_timeout=0.3, max_retries=1, sleep=_no_wait
        )
    assert caught.value.key == "kolada-too-slow"
