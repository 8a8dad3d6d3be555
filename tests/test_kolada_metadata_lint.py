"""Lint against the stored list of Kolada's key figures: read lazily, once, and in the cache key."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import yaml
from conftest import CliResult
from import_probe import imports_of_run
from kolada_fake import FakeKolada, kolada_fake

from styr.kolada import snapshot
from styr.kolada.kpi import KpiInfo
from styr.lint import lint_paths

__all__ = ["kolada_fake"]

Run = Callable[..., CliResult]
CASES = Path(__file__).resolve().parent / "rule_cases"
TODAY = date(2026, 6, 1)


def _organisation(kolada: str) -> str:
    """The organisation file of K002's first case, with another Kolada id."""
    spec = yaml.safe_load((CASES / "K002.yaml").read_text(encoding="utf-8"))
    text: str = spec["cases"][0]["files"]["organisation/exempelnamnden.yaml"]
    return text.replace("kolada: N15482", f"kolada: {kolada}")


def _store(path: Path, *ids: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    kpis = [KpiInfo(kpi_id, f"Nyckeltal {kpi_id}", municipality_type="K") for kpi_id in ids]
    when = datetime(2026, 5, 1, tzinfo=UTC)
    path.write_text(snapshot.to_json(kpis, {}, when, "https://api.kolada.se/v3"), encoding="utf-8")


def _codes(repo: Path) -> list[str]:
    return [f.code for f in lint_paths([repo], today=TODAY).findings if f.code.startswith("K")]


def test_a_new_snapshot_is_a_cache_miss(run_cli: Run, blank_repo: Path) -> None:
    (blank_repo / "organisation" / "exempelnamnden.yaml").write_text(
        _organisation("N15482"), encoding="utf-8"
    )
    stored = snapshot.repository_path(blank_repo)
    _store(stored, "N15428")
    first = run_cli("lint", blank_repo)
    assert "K002" in first.out
    _store(stored, "N15428", "N15482")  # Kolada's list now has it
    second = run_cli("lint", blank_repo)
    assert "K002" not in second.out


def test_the_users_snapshot_serves_a_repository_without_one(
    blank_repo: Path, user_cache_folder: Path
) -> None:
    (blank_repo / "organisation" / "exempelnamnden.yaml").write_text(
        _organisation("N15482"), encoding="utf-8"
    )
    _store(user_cache_folder / "styr" / snapshot.FILE_NAME, "N15428")
    assert _codes(blank_repo) == ["K002"]


def test_the_repositorys_snapshot_comes_first(blank_repo: Path, user_cache_folder: Path) -> None:
    (blank_repo / "organisation" / "exempelnamnden.yaml").write_text(
        _organisation("N15482"), encoding="utf-8"
    )
    _store(user_cache_folder / "styr" / snapshot.FILE_NAME, "N15428")
    _store(snapshot.repository_path(blank_repo), "N15482")
    assert _codes(blank_repo) == []


def test_the_snapshot_is_read_once_and_only_when_needed(
    blank_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Path] = []
    real = snapshot.read

    def counted(path: Path) -> snapshot.Snapshot:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(snapshot, "read", counted)
    stored = snapshot.repository_path(blank_repo)
    _store(stored, "N15428")
    lint_paths([blank_repo], today=TODAY)
    assert reads == []  # no indicator has a Kolada id
    (blank_repo / "organisation" / "exempelnamnden.yaml").write_text(
        _organisation("N15482"), encoding="utf-8"
    )
    _store(stored, "N15428", "N15429")  # a new state of the file: read again, once
    lint_paths([blank_repo], today=TODAY)
    assert reads == [stored]


@pytest.mark.parametrize("damaged", ["{not json", '{"format":1,"kpis":[{"id":5}]'])
def test_a_damaged_snapshot_is_one_finding_at_its_file(
    run_cli: Run, blank_repo: Path, damaged: str
) -> None:
    (blank_repo / "organisation" / "exempelnamnden.yaml").write_text(
        _organisation("N15482"), encoding="utf-8"
    )
    stored = snapshot.repository_path(blank_repo)
    stored.parent.mkdir()
    stored.write_text(damaged, encoding="utf-8")
    assert _codes(blank_repo) == ["K007"]  # K002 cannot check N15482: said, not silent
    result = run_cli("lint", blank_repo, "--format", "concise")
    assert result.code == 0, result.err  # a warning, not a failure; no traceback
    line = next(line for line in result.out.splitlines() if "K007" in line)
    assert line.startswith(f"{stored}:1:1")
    assert "Den sparade listan över Koladas nyckeltal går inte att läsa" in line
    assert "styr kolada metadata --update" in line


NETWORK = ["styr.kolada.client", "styr.kolada.session", "urllib.request", "http.client"]


def test_lint_with_a_snapshot_imports_no_network_client(blank_repo: Path) -> None:
    (blank_repo / "organisation" / "exempelnamnden.yaml").write_text(
        _organisation("N15482"), encoding="utf-8"
    )
    _store(snapshot.repository_path(blank_repo), "N15428")
    out, imported = imports_of_run(["lint", str(blank_repo)], NETWORK)
    assert "K002" in out
    assert imported == []


def test_version_imports_nothing_of_kolada() -> None:
    out, imported = imports_of_run(["--version"], ["styr.kolada", *NETWORK])
    assert out.strip()
    assert imported == []


def test_a_kpi_kolada_removes_is_reported_after_the_next_update(
    kolada_fake: FakeKolada, run_cli: Run, blank_repo: Path
) -> None:
    (blank_repo / "organisation" / "exempelnamnden.yaml").write_text(
        _organisation("N15428"), encoding="utf-8"
    )
    kolada_fake.add_kpi("N15428", "Elever i åk. 9 som är behöriga till ett yrkesprogram")
    kolada_fake.add_kpi("N15436", "Elever i åk. 9 som är behöriga till gymnasieskolan")
    update = ("kolada", "metadata", "--update", blank_repo, "--base-url", kolada_fake.base_url)
    assert run_cli(*update).code == 0
    assert "K003" not in run_cli("lint", blank_repo).out
    del kolada_fake.kpis["N15428"]  # Kolada no longer lists it
    assert run_cli(*update).code == 0
    linted = run_cli("lint", blank_repo)
    assert "K003" in linted.out and "K002" not in linted.out
    assert "Kolada har inte längre nyckeltalet N15428" in linted.out
