"""The command line through its real entry point: exit codes, messages, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult
from helpers import replace_in

from styr import __version__

Run = Callable[..., CliResult]


def test_version(run_cli: Run) -> None:
    result = run_cli("--version")
    assert result.code == 0
    assert result.out.startswith("styr ")


def test_clean_repository_exits_0(run_cli: Run, blank_repo: Path) -> None:
    result = run_cli("lint", blank_repo)
    assert result.code == 0, result.out
    assert "Inga fynd" in result.out


def test_findings_exit_1_and_name_file_line_and_column(run_cli: Run, blank_repo: Path) -> None:
    replace_in(blank_repo / "styr.yaml", 'code: "0999"', "code: 0126")
    result = run_cli("lint", blank_repo)
    assert result.code == 1
    assert "styr.yaml" in result.out
    assert "6:9" in result.out and "Y009" in result.out and "86" in result.out
    assert "Traceback" not in result.out + result.err


def test_english_messages_by_flag(run_cli: Run, blank_repo: Path) -> None:
    replace_in(blank_repo / "styr.yaml", 'code: "0999"', "code: 0126")
    result = run_cli("lint", blank_repo, "--lang", "en")
    assert "is read differently by different YAML readers" in result.out


def test_english_messages_by_manifest(run_cli: Run, blank_repo: Path) -> None:
    replace_in(blank_repo / "styr.yaml", "language: sv", "language: en")
    result = run_cli("lint", blank_repo)
    assert result.code == 0
    assert "No findings" in result.out


def test_json_output(run_cli: Run, blank_repo: Path) -> None:
    replace_in(blank_repo / "vision.yaml", "  id: vision", "  id: vision\n  id: vision2")
    result = run_cli("lint", blank_repo, "--format", "json")
    assert result.code == 1
    document = json.loads(result.out)
    assert [(f["code"], f["line"], f["column"]) for f in document["findings"]] == [("Y005", 5, 3)]
    assert document["summary"]["error"] == 1


def test_warning_only_repository(run_cli: Run, blank_repo: Path) -> None:
    areas = blank_repo / "malomraden.yaml"
    with areas.open("a", encoding="utf-8") as stream:
        stream.write("  - id: malomrade-2\n    title: Utan bidrag\n    contributes_to: [program]\n")
    assert run_cli("lint", blank_repo).code == 0
    assert run_cli("lint", blank_repo, "--fail-on", "warning").code == 1


def test_missing_path_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("lint", tmp_path / "finns-inte")
    assert result.code == 2
    assert "finns inte" in result.err


def test_folder_without_repository(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("lint", tmp_path)
    assert result.code == 2
    assert "styr.yaml" in result.err


def test_unknown_format_is_a_usage_error(run_cli: Run, blank_repo: Path) -> None:
    result = run_cli("lint", blank_repo, "--format", "pdf")
    assert result.code == 2
    assert "pdf" in result.err


def test_unknown_option_is_a_usage_error(run_cli: Run) -> None:
    assert run_cli("lint", "--inget-sådant").code == 2


def test_folder_of_repositories(run_cli: Run, tmp_path: Path) -> None:
    from styr.scaffold import init_repository

    init_repository(tmp_path / "alla" / "a", "blank", "A", "0001")
    init_repository(tmp_path / "alla" / "b", "blank", "B", "0002")
    result = run_cli("lint", tmp_path / "alla", "--format", "json")
    document = json.loads(result.out)
    assert [r["code"] for r in document["repositories"]] == ["0001", "0002"]


def test_file_inside_repository_lints_the_whole_repository(run_cli: Run, blank_repo: Path) -> None:
    result = run_cli(
        "lint", blank_repo / "organisation" / "exempelnamnden.yaml", "--format", "json"
    )
    assert json.loads(result.out)["summary"]["files"] == 6


def test_init_refuses_a_folder_with_files(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "kommun"
    target.mkdir()
    (target / "mina-anteckningar.txt").write_text("viktigt", encoding="utf-8")
    result = run_cli("init", target)
    assert result.code == 2
    assert (target / "mina-anteckningar.txt").read_text(encoding="utf-8") == "viktigt"
    assert not (target / "styr.yaml").exists()


def test_init_rejects_a_bad_code(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("init", tmp_path / "k", "--code", "126")
    assert result.code == 2
    assert "fyra siffror" in result.err


def test_init_each_bundled_model_lints_clean(run_cli: Run, tmp_path: Path) -> None:
    from styr.scaffold import starter_names

    assert set(starter_names()) >= {"blank", "helsingborg", "huddinge"}
    for name in starter_names():
        target = tmp_path / name
        assert run_cli("init", target, "--model", name, "--code", "0126").code == 0
        result = run_cli("lint", target)
        assert result.code == 0, result.out
        assert '"0126"' in (target / "styr.yaml").read_text(encoding="utf-8")


def test_schema_lists_prints_and_exports(run_cli: Run, tmp_path: Path) -> None:
    listing = run_cli("schema")
    assert "organisation.schema.json" in listing.out
    printed = run_cli("schema", "organisation")
    assert json.loads(printed.out)["$schema"].endswith("2020-12/schema")
    assert run_cli("schema", "finns-inte").code == 2
    assert run_cli("schema", "--export", tmp_path / "s").code == 0
    exported = tmp_path / "s" / "organisation.schema.json"
    exported.write_text("{}", encoding="utf-8")
    refused = run_cli("schema", "--export", tmp_path / "s")
    assert refused.code == 2
    assert exported.read_text(encoding="utf-8") == "{}"
    assert run_cli("schema", "--export", tmp_path / "s", "--force").code == 0
    assert exported.read_text(encoding="utf-8") != "{}"


def test_rules_and_rule(run_cli: Run) -> None:
    listing = run_cli("rules")
    assert "C001" in listing.out and "unknown-reference" in listing.out
    by_name = run_cli("rule", "duplicate-key")
    assert by_name.out.startswith("Y005 duplicate-key")
    assert run_cli("rule", "Z999").code == 2


def test_examples_lint_clean(run_cli: Run) -> None:
    for name in ("helsingborg", "huddinge"):
        result = run_cli("lint", EXAMPLES / name, "--fail-on", "warning")
        assert result.code == 0, result.out
    # Information only where the example shows it on purpose: Helsingborg's illustrative
    # Kolada values, one that Kolada revised (F006) and one it marks preliminary (F007).
    assert run_cli("lint", EXAMPLES / "huddinge", "--fail-on", "info").code == 0
    shown = json.loads(run_cli("lint", EXAMPLES / "helsingborg", "--format", "json").out)
    assert sorted({f["code"] for f in shown["findings"]}) == ["F006", "F007"]


def test_no_traceback_from_a_real_process(tmp_path: Path) -> None:
    """The installed entry point, as CI runs it, on a hostile repository."""
    repo = tmp_path / "k"
    repo.mkdir()
    (repo / "styr.yaml").write_bytes(b"a: &a [*a, *a]\nb: !!python/object/apply:os.system [ls]\n")
    (repo / "x.yaml").write_bytes("namn: Nämnd\n".encode("latin-1"))
    process = subprocess.run(
        [sys.executable, "-m", "styr", "lint", "--no-cache", str(repo)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert process.returncode == 1
    assert "Traceback" not in process.stdout + process.stderr
    assert "Y006" in process.stdout and "Y007" in process.stdout and "Y002" in process.stdout


def test_version_fast_path_does_not_load_the_cli_framework() -> None:
    code = "import sys; sys.argv = ['styr', '--version']; from styr.entry import main; main(); "
    code += "print('typer' in sys.modules)"
    process = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert process.stdout.splitlines() == [f"styr {__version__}", "False"]


def test_report_to_a_file_and_to_standard_output(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    result = run_cli("report", EXAMPLES / "helsingborg", "-o", target)
    assert result.code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert target.stat().st_mode & 0o044  # readable by others, as a published page must be
    markdown = run_cli("report", EXAMPLES / "huddinge", "--format", "md", "--lang", "en")
    assert markdown.code == 0 and markdown.out.startswith("# ")
    assert run_cli("report", EXAMPLES / "huddinge", "--format", "odt").code == 2


def test_report_never_leaves_half_a_file(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    target.write_text("det gamla", encoding="utf-8")
    result = run_cli("report", tmp_path / "finns-inte", "-o", target)
    assert result.code == 2
    assert target.read_text(encoding="utf-8") == "det gamla"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]


def test_github_annotations_are_chosen_under_github_actions(
    run_cli: Run, blank_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_in(blank_repo / "styr.yaml", 'code: "0999"', "code: 0126")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run_cli("lint", blank_repo)
    assert result.out.startswith("::error file=")
    assert run_cli("lint", blank_repo, "--output-format", "concise").out.count("::") == 0


@pytest.mark.parametrize("command", ["report", "status"])
def test_report_and_status_offer_allow_errors(
    run_cli: Callable[..., CliResult], command: str
) -> None:
    result = run_cli(command, "--help")
    assert result.code == 0
    assert "--allow-errors" in result.out and "Visa ändå" in result.out
