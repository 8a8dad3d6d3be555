"""`styr status`: the follow-up as a table and as JSON, from the example's outcome files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, CliResult

from styr.collation import sort_key
from styr.followup.status import collect, rows

Run = Callable[..., CliResult]
HELSINGBORG = EXAMPLES / "helsingborg"


def _rows(run_cli: Run, *args: str | Path) -> list[dict[str, object]]:
    result = run_cli("status", HELSINGBORG, "--format", "json", *args)
    assert result.code == 0, result.err
    rows: list[dict[str, object]] = json.loads(result.out)[0]["rows"]
    return rows


def test_latest_period_by_default(run_cli: Run) -> None:
    result = run_cli("status", HELSINGBORG, "--format", "json")
    assert json.loads(result.out)[0]["period"] == "2025"


def test_rows_match_the_outcome_files(run_cli: Run) -> None:
    import yaml

    outcomes = yaml.safe_load((HELSINGBORG / "uppfoljning" / "2024.yaml").read_text("utf-8"))
    expected = {o["indicator"]: o["value"] for o in outcomes["outcomes"]}
    rows = {r["indicator_id"]: r for r in _rows(run_cli, "--period", "2024") if "indicator_id" in r}
    for indicator, value in expected.items():
        assert rows[indicator]["outcome"] == value
        assert rows[indicator]["status"] in ("met", "partly_met", "not_met")


def test_fulfilment_and_status_are_consistent(run_cli: Run) -> None:
    for row in _rows(run_cli, "--period", "2025"):
        if row.get("fulfilment") is None:
            continue
        fulfilment = float(row["fulfilment"])  # type: ignore[arg-type]
        expected = "met" if fulfilment >= 100 else "partly_met" if fulfilment > 90 else "not_met"
        assert row["status"] == expected, row


def test_a_period_without_outcomes_is_not_followed_up(run_cli: Run) -> None:
    rows = _rows(run_cli, "--period", "2023-T1")
    assert rows and all(r.get("status", "not_followed_up") == "not_followed_up" for r in rows)


def test_table_names_boards_and_shows_symbols(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    result = run_cli("status", HELSINGBORG, "--period", "2025")
    assert result.code == 0
    assert "Skol-" in result.out and "fritidsnämnden" in result.out  # the cell may wrap
    assert "Uppfyllt" in result.out and "●" in result.out
    english = run_cli("status", HELSINGBORG, "--period", "2025", "--lang", "en")
    assert "Met" in english.out and "Fulfilment" in english.out


def test_bad_period_and_format(run_cli: Run) -> None:
    assert run_cli("status", HELSINGBORG, "--period", "2024-Q1").code == 2
    assert run_cli("status", HELSINGBORG, "--format", "pdf").code == 2


def test_council_view_counts_goals_per_direction(run_cli: Run) -> None:
    result = run_cli("status", HELSINGBORG, "--format", "json", "--period", "2025")
    by_area = json.loads(result.out)[0]["by_area"]
    import yaml

    council = yaml.safe_load((HELSINGBORG / "inriktningar.yaml").read_text("utf-8"))
    assert set(by_area) <= {area["id"] for area in council["areas"]}
    goals = [r for r in _rows(run_cli, "--period", "2025")]
    assert sum(sum(c.values()) for c in by_area.values()) >= len({r["goal_id"] for r in goals}) - 1


def test_table_counts_goals_per_council_area(run_cli: Run) -> None:
    result = run_cli("status", HELSINGBORG, "--period", "2025")
    assert "Mål per område" in result.out
    assert "trygg" in result.out  # "Helsingborg ska upplevas tryggt och vara säkert"


HUDDINGE = EXAMPLES / "huddinge"


def _json(run_cli: Run, *args: str | Path) -> list[dict[str, Any]]:
    result = run_cli("status", *args, "--format", "json")
    assert result.code == 0, result.err
    document: list[dict[str, Any]] = json.loads(result.out)
    return document


@pytest.mark.parametrize("columns", [160, 100, 80])
def test_the_table_fits_the_terminal_and_wraps_between_words(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = run_cli("status", HELSINGBORG, "--period", "2025")
    assert result.code == 0
    lines = result.out.splitlines()
    assert max(len(line) for line in lines) <= columns
    borders = ("┏", "┃", "┡", "│", "└")
    table = [line.rstrip() for line in lines if line.startswith(borders)]
    assert all(line.endswith(("┓", "┃", "┩", "│", "┘")) for line in table)  # nothing cropped
    for name in ("Arbetsmarknadsnämnden", "Stadsbyggnadsnämnden", "Öresundskraft"):
        assert name in result.out  # never cut inside the word


@pytest.mark.parametrize("columns", [250, 160, 100, 80, 60])
@pytest.mark.parametrize("example", [HELSINGBORG, EXAMPLES / "huddinge"])
def test_a_large_table_is_drawn_as_a_small_one(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch, columns: int, example: Path
) -> None:
    from styr.followup import status

    monkeypatch.setenv("COLUMNS", str(columns))
    by_rich = run_cli("status", example, "--period", "2025")
    monkeypatch.setattr(status, "DRAWN_BY_RICH_UP_TO", 0)  # every table counts as large
    line_by_line = run_cli("status", example, "--period", "2025")
    assert line_by_line.code == by_rich.code == 0
    assert line_by_line.out == by_rich.out


def test_a_large_table_wraps_between_words_and_folds_only_a_word_too_wide() -> None:
    from rich.cells import cell_len

    from styr.followup.plain_table import draw_table, wrap

    assert wrap("Fler elever ska vara nöjda", 11) == ["Fler elever", "ska vara", "nöjda"]
    assert wrap("Arbetsmarknadsnämnden", 8) == ["Arbetsma", "rknadsnä", "mnden"]
    assert wrap("rad ett\n↳ rad två", 20) == ["rad ett", "↳ rad två"]
    assert wrap("", 5) == [""]
    table = draw_table("Titel", ["Mål", "Status"], [["Fler nöjda elever", "● Uppfyllt"]], [10, 6])
    lines = table.splitlines()
    assert {cell_len(line) for line in lines} == {cell_len(lines[1])}  # one width, nothing cropped
    assert lines[0].strip() == "Titel"
    assert lines[1:] == [
        "┏━━━━━━━━━━━━┳━━━━━━━━┓",
        "┃ Mål        ┃ Status ┃",
        "┡━━━━━━━━━━━━╇━━━━━━━━┩",
        "│ Fler nöjda │ ●      │",
        "│ elever     │ Uppfyl │",
        "│            │ lt     │",
        "└────────────┴────────┘",
    ]


def test_a_wider_terminal_gives_a_wider_table(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    widths = []
    for columns in (100, 200):
        monkeypatch.setenv("COLUMNS", str(columns))
        lines = run_cli("status", HELSINGBORG).out.splitlines()
        widths.append(max(len(line.rstrip()) for line in lines))
    assert widths[0] <= 100 < widths[1]


def test_rows_are_in_swedish_alphabetical_order(run_cli: Run) -> None:
    names = [str(row["organisation_name"]) for row in _json(run_cli, HELSINGBORG)[0]["rows"]]
    shown = list(dict.fromkeys(names))
    assert shown[-1].startswith("Öresundskraft")  # after Vård- och omsorgsnämnden, not among O
    assert shown == sorted(shown, key=sort_key)


def test_the_councils_own_rows_name_the_council(run_cli: Run) -> None:
    rows = _json(run_cli, HUDDINGE)[0]["rows"]
    council = [r for r in rows if str(r["goal_id"]).startswith("kf-")]
    assert council
    assert {(r["organisation"], r["organisation_name"]) for r in council} == {
        ("kommunfullmaktige", "Kommunfullmäktige")
    }
    assert rows[0] in council  # the council before the boards


def test_without_a_council_file_the_municipality_stands_for_it(
    example_copy: Callable[[str], Path],
) -> None:
    repo = example_copy("huddinge")
    (repo / "organisation" / "kommunfullmaktige.yaml").unlink()
    (status,) = collect([repo], None, allow_errors=True)
    council = [r for r in rows(status, "sv") if str(r["goal_id"]).startswith("kf-")]
    assert council and {r["organisation_name"] for r in council} == {"Huddinge kommun"}


def test_swedish_collation() -> None:
    names = ["Öresundskraft", "östra", "Zoo", "ängen", "Åbo", "Émile", "eva", "Über", "yngve", "o"]
    assert sorted(names, key=sort_key) == [
        "Émile",
        "eva",
        "o",
        "Über",
        "yngve",
        "Zoo",
        "Åbo",
        "ängen",
        "Öresundskraft",
        "östra",
    ]


def _broken(example_copy: Callable[[str], Path]) -> Path:
    repo = example_copy("helsingborg")
    with (repo / "organisation" / "socialnamnden.yaml").open("a", encoding="utf-8") as stream:
        stream.write("  trasig: [\n")
    return repo


def test_status_refuses_a_repository_with_errors(
    run_cli: Run, example_copy: Callable[[str], Path]
) -> None:
    repo = _broken(example_copy)
    for args in ((), ("--format", "json")):
        result = run_cli("status", repo, *args)
        assert result.code == 1
        assert result.out == ""
        board = (repo / "organisation" / "socialnamnden.yaml").as_posix()
        assert board in result.err and "Y003" in result.err
        assert "--allow-errors" in result.err and "Internt fel" not in result.err


def test_status_with_allow_errors_says_so(
    run_cli: Run, example_copy: Callable[[str], Path]
) -> None:
    repo = _broken(example_copy)
    table = run_cli("status", repo, "--allow-errors")
    assert table.code == 0
    assert table.out.startswith("Obs! Repositoriet har 1 fel")
    english = run_cli("status", repo, "--allow-errors", "--lang", "en")
    assert english.out.startswith("Note: the repository has errors (1")
    (document,) = _json(run_cli, repo, "--allow-errors")
    assert document["errors"] == 1
    assert _json(run_cli, HELSINGBORG)[0]["errors"] == 0


def test_titles_are_text_never_markup_or_control_codes(
    example_copy: Callable[[str], Path], run_cli: Run
) -> None:
    repo = example_copy("helsingborg")
    board = repo / "organisation" / "socialnamnden.yaml"
    text = board.read_text(encoding="utf-8")
    start = text.index("  - id: ", text.index("goals:"))
    title = text.index("title: ", start)
    end = text.index("\n", title)
    hostile = 'title: "Fler [/b] [red]röda[/red] \\e]0;X\\a elever"'
    board.write_text(text[:title] + hostile + text[end:], encoding="utf-8")
    result = run_cli("status", repo, "--allow-errors")
    assert result.code == 0 and "Internt fel" not in result.err, result.err
    assert "[red]röda[/red]" in result.out and "[/b]" in result.out
    assert "\x1b" not in result.out and "\x07" not in result.out


def test_a_repository_without_outcomes_says_why_there_is_nothing_to_show(
    run_cli: Callable[..., CliResult], blank_repo: Path
) -> None:
    result = run_cli("status", blank_repo)
    assert result.code == 0
    assert "inget att följa upp ännu" in result.out
    assert "styr kolada pull" in result.out
    assert "┏" not in result.out  # no empty table frame
