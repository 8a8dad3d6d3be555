"""The follow-up files of a loaded repository are read once, however many ask.

Lint's follow-up rules and the report's follow-up all want the outcomes;
reading them again for each was a tenth of a cold lint.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import styr.followup.evaluate as evaluate
from styr.followup.evaluate import read_outcomes
from styr.lint import lint_repository
from styr.model.repository import Repository, load_repository

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "helsingborg"


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    read = evaluate._read_outcomes

    def counted(repository: Repository) -> Any:
        calls.append(1)
        return read(repository)

    monkeypatch.setattr(evaluate, "_read_outcomes", counted)
    return calls


def test_lint_and_the_report_share_one_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    repository = load_repository(EXAMPLE)
    lint_repository(repository, today=date(2026, 6, 1))
    outcomes, _ = read_outcomes(repository)
    assert outcomes  # the example has outcomes, so every rule that reads them did
    assert len(calls) == 1


def test_each_caller_gets_lists_of_its_own() -> None:
    repository = load_repository(EXAMPLE)
    first, _ = read_outcomes(repository)
    first.clear()
    again, _ = read_outcomes(repository)
    assert again and again == read_outcomes(repository)[0]


def test_another_load_reads_again(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    read_outcomes(load_repository(EXAMPLE))
    read_outcomes(load_repository(EXAMPLE))
    assert len(calls) == 2


def test_only_numbers_are_values_and_only_texts_are_units(tmp_path: Path) -> None:
    root = tmp_path / "kommun"
    (root / "uppfoljning").mkdir(parents=True)
    (root / "styr.yaml").write_text("format_version: 1\n", encoding="utf-8")
    (root / "uppfoljning" / "2025.yaml").write_text(
        "kind: follow_up\n"
        'period: "2025"\n'
        "outcomes:\n"
        "  - {indicator: a, value: true, women: 1, men: 2.5, unit: 5, source: Enkät}\n"
        '  - {indicator: b, value: "3", period: "2024-T2", comment: Ny mätning}\n'
        "  - {indicator: 7, value: 1}\n",
        encoding="utf-8",
    )
    outcomes, _ = read_outcomes(load_repository(root))
    assert [(o.indicator, o.period.text, o.value, o.women, o.men) for o in outcomes] == [
        ("a", "2025", None, 1.0, 2.5),
        ("b", "2024-T2", None, None, None),
    ]
    assert [(o.unit, o.source, o.comment) for o in outcomes] == [
        (None, "Enkät", None),
        (None, None, "Ny mätning"),
    ]
    assert type(outcomes[0].women) is float
