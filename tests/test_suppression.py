"""Inline suppression comments and the rules that keep them honest."""

from __future__ import annotations

from pathlib import Path

from helpers import replace_in

from styr.lint import lint_paths

BOARD = Path("organisation/exempelnamnden.yaml")
TITLE = "    title: Fler invånare är nöjda med nämndens service"


def _unemployment(repo: Path, comment_line: str = "", trailing: str = "") -> Path:
    board = repo / BOARD
    replace_in(
        board,
        TITLE,
        f"{comment_line}    title: Arbetslösheten bland unga invånare ska minska{trailing}",
    )
    return board


def _codes(repo: Path) -> list[str]:
    return [f.code for f in lint_paths([repo]).findings]


def test_unsuppressed_finding(blank_repo: Path) -> None:
    _unemployment(blank_repo)
    assert _codes(blank_repo) == ["G006"]


def test_suppression_on_the_line_above(blank_repo: Path) -> None:
    _unemployment(blank_repo, comment_line="    # styr: ignore[G006] KF:s beslut\n")
    result = lint_paths([blank_repo])
    assert result.findings == []
    assert result.results[0].suppressed == 1


def test_suppression_on_the_line_by_name(blank_repo: Path) -> None:
    _unemployment(blank_repo, trailing="  # styr: ignore[partial-influence] KF:s beslut")
    assert _codes(blank_repo) == []


def test_suppression_of_another_rule_does_not_hide_the_finding(blank_repo: Path) -> None:
    _unemployment(blank_repo, comment_line="    # styr: ignore[G008] fel regel\n")
    assert sorted(_codes(blank_repo)) == ["G006", "X001"]


def test_suppression_two_lines_away_does_not_apply(blank_repo: Path) -> None:
    board = _unemployment(blank_repo)
    replace_in(
        board,
        "  - id: exempelnamnden-mal-1",
        "  # styr: ignore[G006] för långt bort\n  - id: exempelnamnden-mal-1",
    )
    assert sorted(_codes(blank_repo)) == ["G006", "X001"]


def test_hash_inside_a_quoted_value_is_not_a_comment(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(
        board, TITLE, '    title: "Arbetslösheten ska minska #styr: ignore[G006] inte en kommentar"'
    )
    assert _codes(blank_repo) == ["G006"]


def test_reasonless_suppression_is_reported_as_info(blank_repo: Path) -> None:
    _unemployment(blank_repo, comment_line="    # styr: ignore[G006]\n")
    findings = lint_paths([blank_repo]).findings
    assert [(f.code, f.severity.label) for f in findings] == [("X002", "info")]


def test_a_placeholder_reason_suppresses_nothing_until_the_reason_is_written(
    blank_repo: Path,
) -> None:
    # The editor's quick fix writes the reason to be replaced, marked as starters mark theirs;
    # an older quick fix wrote "skriv skälet här".
    for placeholder in ("FYLL I: varför regeln inte gäller här", "skriv skälet här"):
        board = _unemployment(blank_repo, comment_line=f"    # styr: ignore[G006] {placeholder}\n")
        findings = lint_paths([blank_repo]).findings
        assert sorted(f.code for f in findings) == ["G006", "X003"]
        (reported,) = [f for f in findings if f.code == "X003"]
        lines = board.read_text(encoding="utf-8").splitlines()
        comment = lines.index(f"    # styr: ignore[G006] {placeholder}")
        assert (reported.line, reported.column) == (comment + 1, 5)
        replace_in(board, placeholder, "Fullmäktige har beslutat målet så här.")
        assert _codes(blank_repo) == []
        replace_in(
            board,
            "    # styr: ignore[G006] Fullmäktige har beslutat målet så här.\n"
            "    title: Arbetslösheten bland unga invånare ska minska",
            TITLE,
        )
