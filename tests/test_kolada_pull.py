"""`styr kolada pull` against a local fake Kolada: fills outcomes, keeps what people wrote."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, CliResult

Run = Callable[..., CliResult]


class FakeKolada:
    """Serves one scripted JSON body (or status) to every request, and records the paths."""

    def __init__(self) -> None:
        self.body: object = {"count": 0, "next_url": None, "values": []}
        self.status = 200
        self.paths: list[str] = []


@pytest.fixture
def kolada() -> Iterator[tuple[FakeKolada, str]]:
    fake = FakeKolada()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.paths.append(self.path)
            payload = json.dumps(fake.body).encode()
            self.send_response(fake.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake, f"http://127.0.0.1:{server.server_address[1]}/v3"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _value(kpi: str, year: int, total: float | None, women: float, men: float) -> dict[str, object]:
    return {
        "kpi": kpi,
        "municipality": "1283",
        "period": year,
        "values": [
            {
                "gender": "T",
                "count": 1,
                "status": "" if total is not None else "Missing",
                "value": total,
            },
            {"gender": "K", "count": 1, "status": "", "value": women},
            {"gender": "M", "count": 1, "status": "", "value": men},
        ],
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", target)
    return target


def _outcomes(path: Path) -> dict[tuple[str, str], dict[str, object]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {(e["indicator"], str(e["period"])): e for e in data["outcomes"]}


def test_pull_writes_a_new_follow_up_file(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str]
) -> None:
    fake, url = kolada
    fake.body = {"count": 1, "next_url": None, "values": [_value("N15428", 2023, 84.5, 87.0, 82.1)]}
    result = run_cli("kolada", "pull", repo, "--years", "2023", "--base-url", url)
    assert result.code == 0, result.err
    assert "1 nya" in result.out
    written = repo / "uppfoljning" / "kolada.yaml"
    entry = _outcomes(written)[("sfn-mal-1-ind-1", "2023")]
    assert (entry["value"], entry["women"], entry["men"], entry["source"]) == (
        84.5,
        87.0,
        82.1,
        "Kolada",
    )
    assert '"2023"' in written.read_text(encoding="utf-8")  # quoted for every YAML reader
    assert "/municipality/1283/year/2023" in fake.paths[0]
    assert run_cli("lint", repo).code == 0


def test_an_outcome_in_another_follow_up_file_is_not_doubled(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str]
) -> None:
    # uppfoljning/2024.yaml already has 2024's value for this indicator.
    fake, url = kolada
    fake.body = {"count": 1, "next_url": None, "values": [_value("N15428", 2024, 84.5, 87.0, 82.1)]}
    for extra in ([], ["--overwrite"]):
        result = run_cli("kolada", "pull", repo, "--years", "2024", "--base-url", url, *extra)
        assert result.code == 0, result.err
        assert "0 nya" in result.out and "1 handskrivna behölls" in result.out
    assert _outcomes(repo / "uppfoljning" / "kolada.yaml") == {}
    assert run_cli("lint", repo).code == 0  # no F005


def test_pull_keeps_hand_written_values_comments_and_order(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str]
) -> None:
    fake, url = kolada
    target = repo / "uppfoljning" / "kolada.yaml"
    target.write_text(
        "# Utfall: skrivna för hand och hämtade\n"
        "kind: follow_up\n"
        "outcomes:\n"
        "  # Handskrivet av controllern, ska stå kvar\n"
        "  - indicator: sfn-mal-1-ind-1\n"
        '    period: "2024"\n'
        "    value: 80.0\n"
        "    source: Skolverket\n"
        "  - indicator: sfn-mal-3-ind-1\n"
        '    period: "2024"\n'
        "    value: 70.0\n"
        "    source: Kolada\n",
        encoding="utf-8",
    )
    fake.body = {
        "count": 2,
        "next_url": None,
        "values": [
            _value("N15428", 2024, 84.5, 87.0, 82.1),
            _value("N17445", 2024, 72.0, 75.0, 69.0),
        ],
    }
    result = run_cli("kolada", "pull", repo, "--years", "2024", "--base-url", url)
    assert result.code == 0, result.err
    text = target.read_text(encoding="utf-8")
    assert "# Handskrivet av controllern, ska stå kvar" in text
    assert text.startswith("# Utfall: skrivna för hand och hämtade\n")
    outcomes = _outcomes(target)
    assert outcomes[("sfn-mal-1-ind-1", "2024")]["value"] == 80.0  # hand-written: kept
    assert outcomes[("sfn-mal-3-ind-1", "2024")]["value"] == 72.0  # fetched earlier: updated
    assert list(outcomes) == [("sfn-mal-1-ind-1", "2024"), ("sfn-mal-3-ind-1", "2024")]
    overwritten = run_cli(
        "kolada", "pull", repo, "--years", "2024", "--base-url", url, "--overwrite"
    )
    assert overwritten.code == 0
    assert _outcomes(target)[("sfn-mal-1-ind-1", "2024")]["value"] == 84.5


def test_missing_values_are_not_written(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str]
) -> None:
    fake, url = kolada
    fake.body = {"count": 1, "next_url": None, "values": [_value("N15428", 2024, None, 1.0, 2.0)]}
    assert run_cli("kolada", "pull", repo, "--years", "2024", "--base-url", url).code == 0
    assert _outcomes(repo / "uppfoljning" / "kolada.yaml") == {}


@pytest.mark.parametrize(
    ("body", "status"),
    [("not json", 200), ({"values": "fel"}, 200), ({"error": "trasig"}, 500)],
)
def test_bad_answers_change_nothing(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str], body: object, status: int
) -> None:
    fake, url = kolada
    target = repo / "uppfoljning" / "kolada.yaml"
    target.write_text("kind: follow_up\noutcomes: []\n", encoding="utf-8")
    fake.body, fake.status = body, status
    result = run_cli("kolada", "pull", repo, "--years", "2024", "--base-url", url)
    assert result.code == 2
    assert "Traceback" not in result.err and result.err.startswith("styr:")
    assert target.read_text(encoding="utf-8") == "kind: follow_up\noutcomes: []\n"


def test_offline_is_a_clear_message(run_cli: Run, repo: Path) -> None:
    result = run_cli(
        "kolada", "pull", repo, "--years", "2024", "--base-url", "http://127.0.0.1:9/v3"
    )
    assert result.code == 2
    assert "Kolada" in result.err
    assert not (repo / "uppfoljning" / "kolada.yaml").exists()
    # Why, in words of the run's language: no "[Errno 111] Connection refused".
    assert "anslutningen nekades" in result.err
    assert "Errno" not in result.err and "refused" not in result.err
    english = run_cli(
        "--lang",
        "en",
        "kolada",
        "pull",
        repo,
        "--years",
        "2024",
        "--base-url",
        "http://127.0.0.1:9/v3",
    )
    assert "the connection was refused" in english.err and "Errno" not in english.err


def test_broken_follow_up_file_is_not_touched(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str]
) -> None:
    _, url = kolada
    target = repo / "uppfoljning" / "kolada.yaml"
    target.write_text("kind: follow_up\noutcomes: [\n", encoding="utf-8")
    result = run_cli("kolada", "pull", repo, "--years", "2024", "--base-url", url)
    assert result.code == 2
    assert target.read_text(encoding="utf-8") == "kind: follow_up\noutcomes: [\n"


@pytest.mark.parametrize("years", ["", "2024-2020", "tjugo", "2020-2099"])
def test_bad_years(run_cli: Run, repo: Path, years: str) -> None:
    result = run_cli("kolada", "pull", repo, "--years", years)
    assert result.code == 2
    assert "år" in result.err


def test_year_ranges() -> None:
    from styr.followup.kolada_pull import parse_years

    assert parse_years("2022-2024,2020") == [2020, 2022, 2023, 2024]


def test_file_level_period_finds_the_hand_typed_value(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str]
) -> None:
    # As docs/follow-up.md shows: the period once at the top, not on each outcome.
    fake, url = kolada
    target = repo / "uppfoljning" / "2024-hand.yaml"
    target.write_text(
        "kind: follow_up\n"
        'period: "2024"\n'
        "outcomes:\n"
        "  - indicator: sfn-mal-1-ind-1\n"
        "    value: 80.0\n"
        "    source: Skolverket\n",
        encoding="utf-8",
    )
    fake.body = {
        "count": 2,
        "next_url": None,
        "values": [
            _value("N15428", 2024, 84.5, 87.0, 82.1),
            _value("N15428", 2023, 83.0, 85.0, 81.0),
        ],
    }
    result = run_cli(
        "kolada", "pull", repo, "--years", "2023-2024", "--file", target, "--base-url", url
    )
    assert result.code == 0, result.err
    assert "1 nya" in result.out and "1 handskrivna behölls" in result.out
    data = yaml.safe_load(target.read_text(encoding="utf-8"))
    by_indicator = [(e["indicator"], e.get("period"), e["value"]) for e in data["outcomes"]]
    assert by_indicator == [("sfn-mal-1-ind-1", None, 80.0), ("sfn-mal-1-ind-1", "2023", 83.0)]
    again = run_cli(
        "kolada", "pull", repo, "--years", "2023-2024", "--file", target, "--base-url", url
    )
    # No second entry on a re-run, and the same value fetched again is no update.
    assert "0 nya, 0 uppdaterade, 1 oförändrade, 1 handskrivna" in again.out


def test_comments_after_an_entry_stay_after_it(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str]
) -> None:
    fake, url = kolada
    target = repo / "uppfoljning" / "kolada.yaml"
    target.write_text(
        "kind: follow_up\n"
        "outcomes:\n"
        "  - indicator: sfn-mal-1-ind-1\n"
        '    period: "2024"\n'
        "    value: 80.0\n"
        "    source: Kolada  # hämtat i våras\n"
        "    # Nästa utfall kontrollerat mot Skolverket\n"
        "  - indicator: sfn-mal-3-ind-1\n"
        '    period: "2024"\n'
        "    value: 70.0\n"
        "    source: Kolada\n"
        "# Slut på filen\n",
        encoding="utf-8",
    )
    fake.body = {
        "count": 3,
        "next_url": None,
        "values": [
            _value("N15428", 2024, 84.5, 87.0, 82.1),
            _value("N17445", 2024, 72.0, 75.0, 69.0),
            _value("N17445", 2023, 71.0, 74.0, 68.0),
        ],
    }
    result = run_cli("kolada", "pull", repo, "--years", "2023-2024", "--base-url", url)
    assert result.code == 0, result.err
    lines = target.read_text(encoding="utf-8").splitlines()
    first_men = lines.index("    men: 82.1")
    assert lines[first_men - 2 : first_men + 1] == [
        "    value: 84.5",
        "    women: 87.0",
        "    men: 82.1",
    ]  # the new values beside the old one, not below the comment
    assert "    source: Kolada  # hämtat i våras" in lines
    comment = lines.index("    # Nästa utfall kontrollerat mot Skolverket")
    # After all of the first entry: Kolada revised its 80.0, and the old value's record is last.
    assert lines[comment - 2 : comment] == ["    revised:", "      - value: 80.0"]
    assert lines[comment + 1] == "  - indicator: sfn-mal-3-ind-1"
    assert lines[-1] == "# Slut på filen"  # the new 2023 entry went in above it
    assert _outcomes(target)[("sfn-mal-3-ind-1", "2023")]["value"] == 71.0


def test_a_comment_after_a_revised_record_stays_with_that_record(
    run_cli: Run, repo: Path, kolada: tuple[FakeKolada, str]
) -> None:
    fake, url = kolada
    target = repo / "uppfoljning" / "kolada.yaml"
    target.write_text(
        "kind: follow_up\n"
        "outcomes:\n"
        "  - indicator: sfn-mal-1-ind-1\n"
        '    period: "2024"\n'
        "    value: 80.0\n"
        "    source: Kolada\n"
        '    fetched_on: "2025-03-01"\n'
        "    revised:\n"
        "      - value: 78.0\n"
        '        fetched_on: "2025-01-01"\n'
        "      # Rättat efter SCB:s granskning\n"
        "    # Kontrollerat mot Skolverket\n"
        "# Slut på filen\n",
        encoding="utf-8",
    )
    fake.body = {"count": 1, "next_url": None, "values": [_value("N15428", 2024, 84.5, 87.0, 82.1)]}
    result = run_cli("kolada", "pull", repo, "--years", "2024", "--base-url", url)
    assert result.code == 0, result.err
    lines = target.read_text(encoding="utf-8").splitlines()
    about_record = lines.index("      # Rättat efter SCB:s granskning")
    # Right below the record it speaks of, above the record of the 80.0 Kolada now revised.
    assert lines[about_record - 1] == '        fetched_on: "2025-01-01"'
    assert lines[about_record + 1] == "      - value: 80.0"
    # A comment at the entry's own column still follows the whole entry.
    after_entry = lines.index("    # Kontrollerat mot Skolverket")
    assert after_entry > about_record + 1
    assert lines[after_entry + 1] == "# Slut på filen"
    assert _outcomes(target)[("sfn-mal-1-ind-1", "2024")]["value"] == 84.5


@pytest.mark.parametrize("timeout", ["0", "-5", "nan"])
def test_bad_timeout_is_a_usage_error(run_cli: Run, repo: Path, timeout: str) -> None:
    result = run_cli("kolada", "pull", repo, "--years", "2024", "--timeout", timeout)
    assert result.code == 2
    assert "--timeout" in result.err and "Traceback" not in result.err


def test_timeout_bounds_the_whole_pull(run_cli: Run, repo: Path) -> None:
    import socket
    import time

    with socket.socket() as silent:  # accepts the connection, then never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/v3"
        started = time.monotonic()
        result = run_cli(
            "kolada", "pull", repo, "--years", "2024", "--base-url", url, "--timeout", "1"
        )
    assert time.monotonic() - started < 5
    assert result.code == 2
    assert "1 s" in result.err and "--timeout" in result.err
    assert not (repo / "uppfoljning" / "kolada.yaml").exists()
