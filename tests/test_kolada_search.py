"""`styr kolada search`: online against the fake Kolada, offline from the stored snapshot."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import CliResult
from jsonschema import Draft202012Validator
from kolada_fake import Failure, FakeKolada, kolada_fake

from styr.kolada.kpi import KpiInfo
from styr.kolada.search import fold, search
from styr.kolada.snapshot import repository_path, to_json

__all__ = ["kolada_fake"]

Run = Callable[..., CliResult]
SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "kolada_search.schema.json"

ELIGIBLE = "Elever i åk. 9 som är behöriga till ett yrkesprogram, hemkommun, andel (%)"
ELIGIBLE_ANY = "Elever i åk. 9 som är behöriga till gymnasieskolan, andel (%)"
WAITING = "Väntetid i antal dagar från ansökningsdatum till erbjudet inflyttningsdatum"


def _fill(fake: FakeKolada) -> None:
    fake.add_kpi("N15428", ELIGIBLE, operating_area="Grundskola", is_divided_by_gender=1)
    fake.add_kpi(
        "N15436",
        ELIGIBLE_ANY,
        operating_area="Grundskola",
        is_divided_by_gender=1,
        has_ou_data=True,
    )
    fake.add_kpi("U23401", WAITING, operating_area="Äldreomsorg", municipality_type="K")
    fake.add_kpi(
        "N60001",
        "Antal disputerade",
        description="Behörighet till forskarutbildning",
        municipality_type="L",
    )


def _snapshot(folder: Path, kpis: list[KpiInfo], fetched: str = "2026-11-20T08:00:00") -> Path:
    path = repository_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    when = datetime.fromisoformat(fetched).replace(tzinfo=UTC)
    path.write_text(to_json(kpis, {}, when, "https://api.kolada.se/v3"), encoding="utf-8")
    return path


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with styr.yaml, the current folder for the test (search looks for it upward)."""
    (tmp_path / "styr.yaml").write_text("kind: manifest\n", encoding="utf-8")
    inner = tmp_path / "organisation"
    inner.mkdir()
    monkeypatch.chdir(inner)
    return tmp_path


def test_behorighet_lists_the_matching_kpis_from_kolada(
    kolada_fake: FakeKolada, run_cli: Run, repository: Path
) -> None:
    _fill(kolada_fake)
    result = run_cli("kolada", "search", "behörighet", "--base-url", kolada_fake.base_url)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].split()[:2] == ["Nyckeltal", "Namn"]
    listed = [line.split()[0] for line in lines[1:]]
    # "behöriga" in the two titles first, then "Behörighet" in N60001's description.
    assert listed == ["N15428", "N15436", "N60001"]
    assert "region" in lines[3] and "nej" in lines[3]


def test_words_in_any_order_without_accents(
    kolada_fake: FakeKolada, run_cli: Run, repository: Path
) -> None:
    _fill(kolada_fake)
    result = run_cli("kolada", "search", "behoriga ak. elever", "--base-url", kolada_fake.base_url)
    assert result.code == 0, result.err
    listed = [line.split()[0] for line in result.out.splitlines()[1:]]
    assert listed == ["N15428", "N15436"]
    row = result.out.splitlines()[2]
    assert "kommun, enhet" in row and " ja " in row


def test_json_has_the_documented_fields(
    kolada_fake: FakeKolada, run_cli: Run, repository: Path
) -> None:
    _fill(kolada_fake)
    result = run_cli("kolada", "search", "väntetid", "--json", "--base-url", kolada_fake.base_url)
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["source"] == "kolada" and document["snapshot"] is None
    assert document["total"] == 1
    (kpi,) = document["kpis"]
    assert kpi["id"] == "U23401" and kpi["operating_area"] == "Äldreomsorg"
    assert kpi["municipality_level"] is True and kpi["divided_by_gender"] is False
    assert kpi["publication_date"] == "2026-03-01"


def test_limit_says_how_many_more_there_are(
    kolada_fake: FakeKolada, run_cli: Run, repository: Path
) -> None:
    _fill(kolada_fake)
    result = run_cli(
        "kolada", "search", "elever", "--limit", "1", "--base-url", kolada_fake.base_url
    )
    assert result.code == 0
    assert len(result.out.splitlines()) == 3  # heading, one row, the note
    assert "1 av 2" in result.out


def test_nothing_found_is_said(kolada_fake: FakeKolada, run_cli: Run, repository: Path) -> None:
    _fill(kolada_fake)
    result = run_cli("kolada", "search", "simhall", "--base-url", kolada_fake.base_url)
    assert result.code == 0
    assert "Inget nyckeltal" in result.out and "simhall" in result.out


def test_offline_searches_the_snapshot_and_says_its_date(
    kolada_fake: FakeKolada, run_cli: Run, repository: Path
) -> None:
    _snapshot(repository, [KpiInfo("N15428", ELIGIBLE, operating_area="Grundskola")])
    result = run_cli("kolada", "search", "behöriga", "--offline")
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith("N15428")
    assert "2026-11-20" in result.err
    assert kolada_fake.seen == []


def test_the_snapshot_is_searched_when_kolada_cannot_be_reached(
    kolada_fake: FakeKolada, run_cli: Run, repository: Path
) -> None:
    _snapshot(repository, [KpiInfo("N15428", ELIGIBLE)])
    kolada_fake.fail(Failure(429, retry_after="99999"))  # busy for longer than styr waits
    result = run_cli("kolada", "search", "behöriga", "--base-url", kolada_fake.base_url)
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith("N15428")
    # Kolada answered: it is busy, not out of reach (nobody need check the network).
    assert "gick inte att nå" not in result.err and "2026-11-20" in result.err
    assert result.err.startswith(
        "Kolada svarade att tjänsten är upptagen eller tillfälligt otillgänglig (HTTP 429); "
        "sökte i stället i den sparade listan"
    )
    kolada_fake.fail(Failure(429, retry_after="99999"))
    english = run_cli(
        "kolada", "search", "behöriga", "--base-url", kolada_fake.base_url, "--lang", "en"
    )
    assert "Kolada answered that it is busy or temporarily unavailable (HTTP 429)" in english.err


def test_no_snapshot_offline_says_how_to_make_one(run_cli: Run, repository: Path) -> None:
    result = run_cli("kolada", "search", "behörighet", "--offline")
    assert result.code == 2
    assert "styr kolada metadata --update" in result.err
    assert "Traceback" not in result.err


def test_unreachable_and_no_snapshot_says_both(run_cli: Run, repository: Path) -> None:
    result = run_cli("kolada", "search", "behörighet", "--base-url", "http://127.0.0.1:9/v3")
    assert result.code == 2
    assert "gick inte att nå" in result.err and "metadata --update" in result.err


def test_a_damaged_snapshot_is_a_clear_message(run_cli: Run, repository: Path) -> None:
    path = _snapshot(repository, [KpiInfo("N15428", ELIGIBLE)])
    path.write_text('{"format": 1, "kpis": [', encoding="utf-8")
    result = run_cli("kolada", "search", "elever", "--offline", "--lang", "en")
    assert result.code == 2
    assert "cannot be read" in result.err and "metadata --update" in result.err


def test_the_users_snapshot_serves_outside_a_repository(
    run_cli: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user_cache_folder: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = user_cache_folder / "styr"
    folder.mkdir(parents=True)
    when = datetime(2026, 10, 1, tzinfo=UTC)
    text = to_json([KpiInfo("U23401", WAITING)], {}, when, "https://api.kolada.se/v3")
    (folder / "kolada-nyckeltal.json").write_text(text, encoding="utf-8")
    result = run_cli("kolada", "search", "vantetid", "--offline")
    assert result.code == 0, result.err
    assert "U23401" in result.out


def test_the_id_itself_comes_first() -> None:
    kpis = [KpiInfo("N15436", "Om N15428 och annat"), KpiInfo("N15428", "Behöriga")]
    assert [kpi.id for kpi in search(kpis, "n15428").kpis] == ["N15428", "N15436"]


def test_a_swedish_ending_is_no_obstacle() -> None:
    kpis = [
        KpiInfo("N15428", "Behöriga elever"),
        KpiInfo("N00002", "Skolornas lokaler"),
        KpiInfo("N00003", "Elevhälsans kostnad"),
    ]
    assert [kpi.id for kpi in search(kpis, "behörighet").kpis] == ["N15428"]
    assert [kpi.id for kpi in search(kpis, "skolorna").kpis] == ["N00002"]
    # "elev" would be too short a stem: "elever" does not find Elevhälsans kostnad.
    assert [kpi.id for kpi in search(kpis, "elever").kpis] == ["N15428"]


def test_fold_drops_accents_and_case() -> None:
    assert fold("Behörighet ÅÄÖ é") == "behorighet aao e"


def test_an_empty_question_matches_nothing() -> None:
    assert search([KpiInfo("N15428", "Behöriga")], "  ").total == 0


def test_the_json_is_valid_against_its_schema(
    kolada_fake: FakeKolada, run_cli: Run, repository: Path
) -> None:
    _fill(kolada_fake)
    online = run_cli("kolada", "search", "elever", "--json", "--base-url", kolada_fake.base_url)
    _snapshot(repository, [KpiInfo("N15428", ELIGIBLE)])
    offline = run_cli("kolada", "search", "elever", "--json", "--offline")
    validator = Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    for result in (online, offline):
        document = json.loads(result.out)
        assert list(validator.iter_errors(document)) == []
    assert json.loads(offline.out)["snapshot"]["fetched_at"].startswith("2026-11-20")
    broken = json.loads(online.out)
    broken["kpis"][0]["id"] = "15428"
    assert [error.validator for error in validator.iter_errors(broken)] == ["pattern"]


@pytest.mark.parametrize("text", ["", "   "])
def test_nothing_to_look_for_is_a_usage_error(run_cli: Run, repository: Path, text: str) -> None:
    result = run_cli("kolada", "search", text, "--offline")
    assert result.code == 2
    assert "Ange ett eller flera ord att söka efter" in result.err
    assert "Traceback" not in result.err


def test_repository_names_the_stored_list_to_search(
    run_cli: Run,
    repository: Path,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _snapshot(repository, [KpiInfo("N15428", ELIGIBLE)])
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))  # in no repository
    result = run_cli("kolada", "search", "behöriga", "--offline", "--repository", repository)
    assert result.code == 0, result.err
    assert result.out.splitlines()[1].startswith("N15428")
    assert str(repository_path(repository)) in result.err
    # From a folder outside any repository and without --repository: none is found.
    assert run_cli("kolada", "search", "behöriga", "--offline").code == 2


def test_repository_that_is_none_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("kolada", "search", "behöriga", "--offline", "--repository", tmp_path)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_the_kolada_commands_help_says_all_they_do(run_cli: Run) -> None:
    result = run_cli("kolada", "--help")
    assert result.code == 0, result.err
    said = " ".join(result.out.split())
    assert "hämta utfall och värden för kommuner att jämföra med, sök nyckeltal" in said
    english = " ".join(run_cli("--lang", "en", "kolada", "--help").out.split())
    assert "search key figures" in english


def test_timeout_bounds_the_search_online(
    kolada_fake: FakeKolada, run_cli: Run, repository: Path
) -> None:
    import time

    _fill(kolada_fake)
    _snapshot(repository, [KpiInfo("N15428", ELIGIBLE)])
    kolada_fake.fail(Failure(200, delay=4))  # answers, but later than the time given
    started = time.monotonic()
    result = run_cli(
        "kolada", "search", "behöriga", "--base-url", kolada_fake.base_url, "--timeout", "1"
    )
    assert time.monotonic() - started < 3.5
    assert result.code == 0, result.err
    assert "2026-11-20" in result.err  # it searched the stored list instead


@pytest.mark.parametrize("timeout", ["0", "-5", "nan"])
def test_a_bad_search_timeout_is_a_usage_error(
    run_cli: Run, repository: Path, timeout: str
) -> None:
    result = run_cli("kolada", "search", "behöriga", "--offline", "--timeout", timeout)
    assert result.code == 2
    assert "--timeout" in result.err and "Ogiltig tidsgräns" in result.err
