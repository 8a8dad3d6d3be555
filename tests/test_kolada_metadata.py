"""`styr kolada metadata [--update]`: the dated snapshot, written whole or not at all."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from conftest import CliResult
from kolada_fake import Failure, FakeKolada, kolada_fake

from styr.kolada.kpi import KpiInfo
from styr.kolada.snapshot import read, repository_path, to_json

__all__ = ["kolada_fake"]

Run = Callable[..., CliResult]


def _fill(fake: FakeKolada, count: int = 5) -> None:
    for number in range(count):
        fake.add_kpi(f"N1000{number}", f"Nyckeltal {number}", operating_area="Grundskola")


def test_update_stores_every_page_in_the_repository(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path
) -> None:
    _fill(kolada_fake)
    kolada_fake.page_size = 2
    result = run_cli(
        "kolada", "metadata", "--update", blank_repo, "--base-url", kolada_fake.base_url
    )
    assert result.code == 0, result.err
    path = repository_path(blank_repo)
    stored = read(path)
    assert sorted(stored.kpis) == [f"N1000{number}" for number in range(5)]
    assert stored.api == kolada_fake.base_url
    assert stored.fetched_on == datetime.now(UTC).date()
    assert stored.kpis["N10003"].operating_area == "Grundskola"
    assert "Sparade 5 nyckeltal" in result.out and str(path) in result.out
    assert len(kolada_fake.seen) == 3


def test_a_kpi_kolada_no_longer_lists_is_kept_as_removed(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path
) -> None:
    _fill(kolada_fake, 3)
    arguments = ("kolada", "metadata", "--update", blank_repo, "--base-url", kolada_fake.base_url)
    assert run_cli(*arguments).code == 0
    del kolada_fake.kpis["N10001"]
    result = run_cli(*arguments)
    assert result.code == 0, result.err
    assert "1 nyckeltal som fanns i den tidigare listan" in result.out
    stored = read(repository_path(blank_repo))
    assert "N10001" not in stored.kpis
    assert stored.removed["N10001"].title == "Nyckeltal 1"
    # Still removed a pull later, without being said again.
    again = run_cli(*arguments)
    assert "N10001" in read(repository_path(blank_repo)).removed
    assert "tidigare listan" not in again.out


def test_a_kpi_that_comes_back_is_no_longer_removed(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path
) -> None:
    _fill(kolada_fake, 2)
    arguments = ("kolada", "metadata", "--update", blank_repo, "--base-url", kolada_fake.base_url)
    run_cli(*arguments)
    entry = kolada_fake.kpis.pop("N10001")
    run_cli(*arguments)
    kolada_fake.kpis["N10001"] = entry
    run_cli(*arguments)
    stored = read(repository_path(blank_repo))
    assert "N10001" in stored.kpis and not stored.removed


def test_a_failure_half_way_leaves_the_old_snapshot(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path
) -> None:
    path = repository_path(blank_repo)
    path.parent.mkdir()
    old = to_json([KpiInfo("N15428", "Behöriga")], {}, datetime(2026, 1, 5, tzinfo=UTC), "x")
    path.write_text(old, encoding="utf-8")
    _fill(kolada_fake)
    kolada_fake.page_size = 2
    kolada_fake.fail(Failure(200), Failure(404))  # the first page comes, the second does not
    result = run_cli(
        "kolada", "metadata", "--update", blank_repo, "--base-url", kolada_fake.base_url
    )
    assert result.code == 2
    assert "HTTP 404" in result.err and "Traceback" not in result.err
    assert path.read_text(encoding="utf-8") == old
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no half-written file


def test_a_kpi_list_of_another_shape_stores_nothing(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path
) -> None:
    _fill(kolada_fake)
    kolada_fake.kpis["N10002"]["is_divided_by_gender"] = "ja"
    result = run_cli(
        "kolada", "metadata", "--update", blank_repo, "--base-url", kolada_fake.base_url
    )
    assert result.code == 2
    assert not repository_path(blank_repo).exists()


def test_user_cache(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path, user_cache_folder: Path
) -> None:
    _fill(kolada_fake, 1)
    result = run_cli(
        "kolada", "metadata", "--update", "--user-cache", "--base-url", kolada_fake.base_url
    )
    assert result.code == 0, result.err
    stored = read(user_cache_folder / "styr" / "kolada-nyckeltal.json")
    assert list(stored.kpis) == ["N10000"]
    assert not repository_path(blank_repo).exists()
    # Asked how old it is, styr advises the update that renews this list, not a new one.
    for extra in (["--user-cache"], [str(blank_repo)]):
        status = run_cli("kolada", "metadata", *extra)
        assert status.code == 0, status.err
        assert status.out.rstrip().endswith(
            "Uppdatera den med: styr kolada metadata --update --user-cache"
        )


def test_the_repositorys_list_is_updated_without_user_cache(run_cli: Run, blank_repo: Path) -> None:
    path = repository_path(blank_repo)
    path.parent.mkdir()
    fetched = datetime(2026, 1, 5, tzinfo=UTC)
    path.write_text(to_json([KpiInfo("N15428", "Behöriga")], {}, fetched, "x"), encoding="utf-8")
    result = run_cli("kolada", "metadata", blank_repo)
    assert result.out.rstrip().endswith("Uppdatera den med: styr kolada metadata --update")


def test_without_update_it_says_what_is_stored_and_how_old(run_cli: Run, blank_repo: Path) -> None:
    path = repository_path(blank_repo)
    path.parent.mkdir()
    fetched = datetime(2026, 1, 5, tzinfo=UTC)
    path.write_text(to_json([KpiInfo("N15428", "Behöriga")], {}, fetched, "x"), encoding="utf-8")
    result = run_cli("kolada", "metadata", blank_repo)
    assert result.code == 0, result.err
    days = (date.today() - fetched.date()).days
    assert f"från 2026-01-05 ({days} dagar gammal)" in result.out
    assert "1 nyckeltal" in result.out


def test_without_update_and_without_snapshot(run_cli: Run, blank_repo: Path) -> None:
    result = run_cli("kolada", "metadata", blank_repo)
    assert result.code == 2
    assert "ingen sparad lista" in result.err and "styr kolada metadata --update" in result.err
    assert str(repository_path(blank_repo.resolve())) in result.err  # where it looked


def test_the_snapshot_is_json_with_its_date_and_address(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path
) -> None:
    _fill(kolada_fake, 1)
    run_cli("kolada", "metadata", "--update", blank_repo, "--base-url", kolada_fake.base_url)
    data = json.loads(repository_path(blank_repo).read_text(encoding="utf-8"))
    assert data["format"] == 1 and data["source"] == "Kolada"
    assert data["api"] == kolada_fake.base_url
    assert data["kpis"][0]["id"] == "N10000"
    assert data["kpis"][0]["is_divided_by_gender"] is False
    assert datetime.fromisoformat(data["fetched_at"]).tzinfo is not None


def test_timeout_bounds_the_update_and_is_what_the_advice_names(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path
) -> None:
    import time

    _fill(kolada_fake)
    kolada_fake.fail(Failure(429, retry_after="30"))  # asks to wait past the time given
    started = time.monotonic()
    result = run_cli(
        "kolada",
        "metadata",
        "--update",
        blank_repo,
        "--base-url",
        kolada_fake.base_url,
        "--timeout",
        "1",
        "--lang",
        "en",
    )
    assert time.monotonic() - started < 5
    assert result.code == 2
    assert "(1 s)" in result.err and "--timeout" in result.err
    assert not repository_path(blank_repo).exists()
    # The advice holds: given more time, the same update goes through.
    kolada_fake.fail(Failure(429, retry_after="1"))
    again = run_cli(
        "kolada",
        "metadata",
        "--update",
        blank_repo,
        "--base-url",
        kolada_fake.base_url,
        "--timeout",
        "30",
    )
    assert again.code == 0, again.err
    assert sorted(read(repository_path(blank_repo)).kpis) == [f"N1000{n}" for n in range(5)]


def test_a_bad_update_timeout_is_a_usage_error(run_cli: Run, blank_repo: Path) -> None:
    result = run_cli("kolada", "metadata", "--update", blank_repo, "--timeout", "0")
    assert result.code == 2
    assert "--timeout" in result.err and "Ogiltig tidsgräns" in result.err
