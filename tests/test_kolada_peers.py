"""`styr kolada pull --peers` against the shared fake Kolada: the group, its values, honestly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, CliResult
from kolada_fake import Failure, FakeKolada, kolada_fake
from test_kolada_pull import Run

from styr.followup.kolada_peers import DEFAULT_PEER_FILE

__all__ = ["kolada_fake"]  # the fixture, imported for pytest to find


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", target)
    (target / DEFAULT_PEER_FILE).unlink(missing_ok=True)  # the example's own fixture values
    return target


def _use_group(repo: Path, group: str) -> None:
    manifest = repo / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    listed = '  municipalities: ["1281", "1380", "1490", "1880", "1980", "2180", "2480"]\n'
    assert listed in text
    manifest.write_text(text.replace(listed, f"  kolada_group: {group}\n"), encoding="utf-8")


def _values(repo: Path) -> dict[tuple[str, str, int], dict[str, object]]:
    data = yaml.safe_load((repo / DEFAULT_PEER_FILE).read_text(encoding="utf-8"))
    return {(v["kpi"], v["municipality"], v["year"]): v for v in data["figures"]}


def _pull(run_cli: Run, repo: Path, fake: FakeKolada, *extra: str) -> CliResult:
    return run_cli(
        "kolada", "pull", repo, "--peers", "--years", "2025", "--base-url", fake.base_url, *extra
    )


def test_the_group_in_kolada_is_fetched_with_the_municipality_and_the_country(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    _use_group(repo, "G124026")
    kolada_fake.add_group("G124026", "Liknande kommuner, gymnasieskola", ["1283", "0580", "1880"])
    for code, value in (("1283", 85.7), ("0580", 80.0), ("1880", 90.0), ("0000", 86.0)):
        kolada_fake.add_value("N15428", code, 2025, value)
    kolada_fake.add_value("N15428", "0580", 2025, 81.0, gender="K")  # only totals are compared
    result = _pull(run_cli, repo, kolada_fake)
    assert result.code == 0, result.err
    values = _values(repo)
    assert {key: v["value"] for key, v in values.items()} == {
        ("N15428", "0000", 2025): 86.0,
        ("N15428", "0580", 2025): 80.0,
        ("N15428", "1283", 2025): 85.7,
        ("N15428", "1880", 2025): 90.0,
    }
    assert values[("N15428", "1283", 2025)]["fetched_on"]  # when it was fetched
    data = yaml.safe_load((repo / DEFAULT_PEER_FILE).read_text(encoding="utf-8"))
    # The municipality is not its own peer.
    assert data["group"] == {
        "name": "Andra stora kommuner (exempel)",
        "kolada_group": "G124026",
        "members": ["0580", "1880"],
    }
    data_requests = [path for path in kolada_fake.seen if path.startswith("/v3/data/")]
    assert any("/municipality/1283,0580,1880,0000/" in path for path in data_requests)
    assert run_cli("lint", repo).code == 0


def test_peers_without_values_are_counted_and_a_preliminary_value_is_marked(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    kolada_fake.add_value("N15428", "1283", 2025, 85.7, status="Preliminary")
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    kolada_fake.add_value("N15428", "1490", 2025, None, status="Missing")
    result = _pull(run_cli, repo, kolada_fake)
    assert result.code == 0, result.err
    assert "7 andra kommuners (1 av dem har värden)" in result.out
    values = _values(repo)
    assert values[("N15428", "1283", 2025)]["preliminary"] is True
    assert "preliminary" not in values[("N15428", "1380", 2025)]
    assert values[("N15428", "1490", 2025)]["value"] is None


def test_a_group_kolada_does_not_know_is_a_usage_error_and_nothing_is_written(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    _use_group(repo, "G999999")
    result = _pull(run_cli, repo, kolada_fake)
    assert result.code == 2
    assert "G999999" in result.err
    assert "Traceback" not in result.err
    assert not (repo / DEFAULT_PEER_FILE).exists()


def test_many_peers_are_asked_for_in_batches_kolada_accepts(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    codes = [f"{n:04d}" for n in range(1000, 1030)]  # 30 peers, more than one request holds
    _use_group(repo, "G1")
    kolada_fake.add_group("G1", "Många kommuner", codes)
    for code in codes:
        kolada_fake.add_value("U23401", code, 2025, 50.0)
    result = _pull(run_cli, repo, kolada_fake)
    assert result.code == 0, result.err
    assert sum(1 for key in _values(repo) if key[1] in codes) == 30
    for path in kolada_fake.seen:
        if "/municipality/" in path:
            listed = path.split("/municipality/")[1].split("/")[0]
            assert len(listed.split(",")) <= 25


def test_a_busy_kolada_is_waited_for(run_cli: Run, repo: Path, kolada_fake: FakeKolada) -> None:
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    kolada_fake.fail(Failure(429, retry_after="0"))
    result = _pull(run_cli, repo, kolada_fake)
    assert result.code == 0, result.err
    assert _values(repo)[("N15428", "1380", 2025)]["value"] == 80.0


def test_a_later_pull_keeps_the_other_years_and_replaces_the_years_fetched(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    kolada_fake.add_value("N15428", "1380", 2024, 79.0)
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    assert (
        run_cli(
            "kolada",
            "pull",
            repo,
            "--peers",
            "--years",
            "2024-2025",
            "--base-url",
            kolada_fake.base_url,
        ).code
        == 0
    )
    kolada_fake.values.clear()
    kolada_fake.add_value("N15428", "1380", 2025, 82.0)
    assert _pull(run_cli, repo, kolada_fake).code == 0
    values = _values(repo)
    assert values[("N15428", "1380", 2024)]["value"] == 79.0
    assert values[("N15428", "1380", 2025)]["value"] == 82.0


def test_without_peers_in_the_manifest_it_says_how_to_name_them(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    manifest = repo / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    start = text.index("\npeers:") + 1
    end = text.index("term_of_office:")
    manifest.write_text(text[:start] + text[end:], encoding="utf-8")
    result = _pull(run_cli, repo, kolada_fake)
    assert result.code == 2
    assert "peers:" in result.err and "kolada_group" in result.err
    assert kolada_fake.seen == []  # nothing asked of Kolada


def test_a_comparison_file_that_cannot_be_read_is_left_alone(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    target = repo / DEFAULT_PEER_FILE
    target.parent.mkdir(exist_ok=True)
    target.write_text("kind: follow_up\noutcomes: []\n", encoding="utf-8")
    result = _pull(run_cli, repo, kolada_fake)
    assert result.code == 2
    assert target.read_text(encoding="utf-8") == "kind: follow_up\noutcomes: []\n"
    assert kolada_fake.seen == []


def test_the_time_limit_bounds_the_whole_pull_and_nothing_is_written(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    kolada_fake.fail(Failure(drip=0.3))  # an answer that never finishes
    result = _pull(run_cli, repo, kolada_fake, "--timeout", "1")
    assert result.code == 2
    assert "1 s" in result.err and "Traceback" not in result.err
    assert not (repo / DEFAULT_PEER_FILE).exists()


def test_a_group_kolada_lists_with_the_municipality_itself_leaves_it_out_of_its_peers(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    _use_group(repo, "G124026")
    kolada_fake.add_group("G124026", "Liknande kommuner", ["1283"])
    kolada_fake.add_value("N15428", "1283", 2025, 85.7)
    result = _pull(run_cli, repo, kolada_fake)
    assert result.code == 0, result.err
    data = yaml.safe_load((repo / DEFAULT_PEER_FILE).read_text(encoding="utf-8"))
    assert data["group"]["members"] == []
    assert "0 andra kommuners (0 av dem har värden)" in result.out


def test_without_the_country_riket_is_not_asked_for(
    run_cli: Run, repo: Path, kolada_fake: FakeKolada
) -> None:
    manifest = repo / "styr.yaml"
    text = manifest.read_text(encoding="utf-8")
    assert "  country: true\n" in text
    manifest.write_text(text.replace("  country: true\n", "  country: false\n"), encoding="utf-8")
    kolada_fake.add_value("N15428", "0000", 2025, 84.0)
    kolada_fake.add_value("N15428", "1380", 2025, 80.0)
    assert _pull(run_cli, repo, kolada_fake).code == 0
    assert all(key[1] != "0000" for key in _values(repo))
    assert not any(",0000/" in path for path in kolada_fake.seen)
