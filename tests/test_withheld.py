"""One message per cause: what only follows from a file that did not load is withheld, and said."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import CliResult

import styr.lint_checks
from styr.findings import Finding
from styr.lint import RepositoryResult, lint_repository
from styr.model.repository import load_repository
from styr.rules.base import PRESUMES_EVERY_FILE, PRESUMES_MODEL
from styr.rules.catalogue import ALL_RULES, BY_CODE
from styr.withholding import Withheld

TODAY = date(2026, 12, 1)
BOARD = "organisation/socialnamnden.yaml"


def _lint(repo: Path) -> RepositoryResult:
    return lint_repository(load_repository(repo), today=TODAY)


def _unwithheld(repo: Path, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    """What lint would report if nothing were withheld."""
    with monkeypatch.context() as patch:
        patch.setattr(styr.lint_checks, "withhold", lambda findings, *_, **__: (findings, None))
        return _lint(repo).findings


def _break(file: Path) -> None:
    with file.open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")  # an unclosed list: a YAML syntax error


def test_a_broken_board_file_is_reported_once(
    example_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = example_copy("helsingborg")
    _break(repo / BOARD)
    result = _lint(repo)
    # Besides it only the example's notes on its illustrative Kolada values (revised,
    # preliminary): they follow from the follow-up files alone, not from the broken one.
    notes = [f for f in result.findings if f.code in ("F006", "F007")]
    assert [f.code for f in result.findings if f not in notes] == ["Y003"]
    everything = _unwithheld(repo, monkeypatch)
    followers = {f.code for f in everything} - {"Y003"}
    assert "F001" in followers  # outcomes for the board's indicators in the follow-up files
    assert result.withheld == Withheld(len(everything) - 1 - len(notes), (repo / BOARD,))


def test_a_broken_manifest_withholds_what_needs_the_declared_model(
    example_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = example_copy("helsingborg")
    manifest = repo / "styr.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("\n  name: Helsingborgs", "\n name: Hbg", 1),
        encoding="utf-8",
    )
    result = _lint(repo)
    assert "C009" in {f.code for f in _unwithheld(repo, monkeypatch)}
    codes = {f.code for f in result.findings}
    assert "Y003" in codes
    assert not any(PRESUMES_MODEL in BY_CODE[code].presumes for code in codes)
    assert result.withheld is not None and result.withheld.files == (manifest,)


def test_findings_that_stand_on_their_own_are_kept(example_copy: Callable[[str], Path]) -> None:
    repo = example_copy("helsingborg")
    board = repo / "organisation/kulturnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    board.write_text(text.replace("id: kulturnamnden\n", "id: socialnamnden\n", 1), "utf-8")
    _break(repo / "organisation/miljonamnden.yaml")
    codes = {f.code for f in _lint(repo).findings}
    assert "C004" in codes  # a duplicate id is a duplicate whatever else failed to load


def test_nothing_is_withheld_when_every_file_loads(blank_repo: Path) -> None:
    board = blank_repo / "organisation/exempelnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    start = text.index("contributes_to: [") + len("contributes_to: [")
    board.write_text(text[:start] + "finns-inte, " + text[start:], encoding="utf-8")
    result = _lint(blank_repo)
    assert "C001" in {f.code for f in result.findings}
    assert result.withheld is None


def test_every_presumption_is_one_the_withholding_knows() -> None:
    for rule in ALL_RULES:
        assert rule.presumes <= {PRESUMES_MODEL, PRESUMES_EVERY_FILE}, rule.code


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("sv", "fynd visas inte eftersom {board} inte kunde läsas"),
        ("en", "because {board} could not be read"),
    ],
)
def test_the_run_says_how_many_and_why(
    example_copy: Callable[[str], Path],
    run_cli: Callable[..., CliResult],
    language: str,
    expected: str,
) -> None:
    repo = example_copy("helsingborg")
    _break(repo / BOARD)
    count = _lint(repo).withheld
    assert count is not None
    sentence = expected.format(board=(repo / BOARD).as_posix())
    for output_format in ("text", "concise", "github", "statistics"):
        options = (
            ("--statistics",) if output_format == "statistics" else ("--format", output_format)
        )
        result = run_cli("lint", "--lang", language, *options, repo)
        assert result.code == 1
        assert sentence in result.out, output_format
        assert str(count.count) in result.out.splitlines()[-1]


def test_machine_formats_carry_the_withheld_count(
    example_copy: Callable[[str], Path], run_cli: Callable[..., CliResult]
) -> None:
    repo = example_copy("helsingborg")
    _break(repo / BOARD)
    expected = _lint(repo).withheld
    assert expected is not None
    document = json.loads(run_cli("lint", "--format", "json", repo).out)
    assert document["summary"]["withheld"] == expected.count
    (entry,) = document["repositories"]
    assert entry["withheld"]["count"] == expected.count
    assert entry["withheld"]["because_unreadable"] == [(repo / BOARD).as_posix()]
    sarif = json.loads(run_cli("lint", "--format", "sarif", repo).out)
    (withheld,) = sarif["runs"][0]["properties"]["withheld"]
    assert withheld["count"] == expected.count


def test_a_cached_run_says_the_same(
    example_copy: Callable[[str], Path], run_cli: Callable[..., CliResult]
) -> None:
    repo = example_copy("helsingborg")
    _break(repo / BOARD)
    first = run_cli("lint", repo)
    second = run_cli("lint", repo)  # from the cache
    uncached = run_cli("lint", "--no-cache", repo)
    assert "fynd visas inte" in first.out
    assert first.out == second.out == uncached.out


def test_a_file_of_no_known_kind_leaves_the_same_gaps(
    example_copy: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = example_copy("helsingborg")
    board = repo / BOARD
    board.write_text(
        board.read_text(encoding="utf-8").replace("kind: organisation", "kind: organisaton", 1),
        encoding="utf-8",
    )
    result = _lint(repo)
    assert "F001" in {f.code for f in _unwithheld(repo, monkeypatch)}
    assert "F001" not in {f.code for f in result.findings}
    assert result.withheld is not None and result.withheld.files == (board,)
    assert any(f.file == board for f in result.findings)  # the misspelt kind itself is told
