"""`styr status`'s faster ways give what the plain ways give.

The table of a large repository is measured with `len` where every
character is one cell wide, goals are counted per set of areas they reach,
and each figure is worded once per table. Each is checked here against the
plain way of doing the same (rich's measure, a walk per goal, a wording per
row), on texts and repositories where the two could part.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import EXAMPLES
from rich.cells import cell_len

from styr.followup import plain_table
from styr.followup.evaluate import _count_by_area, evaluate
from styr.followup.fulfilment import Status, read_scale
from styr.followup.status_cells import CellTexts, _number
from styr.model.index import Element, Index, build_index
from styr.model.repository import load_repository

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from stress_corpus import generate

TEXTS = [
    "Fler elever ska vara nöjda med skolan",
    "Arbetsmarknadsnämnden ansvarar för vuxenutbildningen",
    "Ökad andel ŷ och ǅ i Ŀatin utökad",
    "日本語のテキスト と 漢字 が 混ざった 長い 文",
    "e\u0301 kombinerade\u0301 tecken\u0301 här och där",
    "mjuk\u00adbindestreck\u00ad i ett\u00adlångt\u00adord",
    "rad ett\n↳ rad två med ↳ pilar ↳ i",
    "   inledande blanksteg och  dubbla  mellanrum  ",
    "😀 emoji 👍🏽 och 👨‍👩‍👧 familj",
    "",
]


def test_one_cell_characters_are_as_rich_measures_them() -> None:
    for character in plain_table._ONE_CELL:
        assert cell_len(character) == 1, hex(ord(character))
    for text in TEXTS:
        for line in text.split("\n"):
            assert plain_table._width(line) == cell_len(line)


@pytest.mark.parametrize("width", [1, 3, 5, 8, 12, 20, 40])
def test_wrapping_by_length_is_wrapping_by_cells(
    width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = [plain_table.wrap(text, width) for text in TEXTS]
    monkeypatch.setattr(plain_table, "_only_one_cell", lambda text: False)  # always rich's
    assert fast == [plain_table.wrap(text, width) for text in TEXTS]


def _reached_by_walking(index: Index, start: Element) -> set[str]:
    """The council areas a goal reaches, by a plain walk along its links."""
    found: set[str] = set()
    seen: set[int] = set()
    todo = [start]
    while todo:
        element = todo.pop()
        if id(element) in seen:
            continue
        seen.add(id(element))
        written = element.data.get("contributes_to")
        links = list(written) if isinstance(written, list) else []
        if element.parent is not None and element.category == "indicator":
            links.append(element.parent.id)
        for link in links:
            target = index.by_id.get(link) if isinstance(link, str) else None
            if target is None:
                continue
            if target.category == "council_area":
                found.add(target.id or "")
            else:
                todo.append(target)
    return found


def _repositories(tmp_path: Path) -> list[Path]:
    generate(tmp_path / "cycle", "cycle", 60)
    generate(tmp_path / "chain", "chain", 40)
    return [EXAMPLES / "helsingborg", EXAMPLES / "huddinge", tmp_path / "cycle", tmp_path / "chain"]


def test_goals_are_counted_under_every_area_a_walk_reaches(tmp_path: Path) -> None:
    for root in _repositories(tmp_path):
        repository = load_repository(root)
        index = build_index(repository)
        scale = read_scale(repository.manifest_data.get("follow_up"))
        goals = evaluate(repository, index, scale, by_area=False).goals
        expected: dict[str, Counter[Status]] = {}
        for goal in goals:
            for area in _reached_by_walking(index, goal.goal):
                expected.setdefault(area, Counter())[goal.status] += 1
        assert expected, root  # every repository here has goals under areas
        assert _count_by_area(goals, index) == expected


def test_each_figure_is_worded_as_on_its_own() -> None:
    for language in ("sv", "en"):
        texts = CellTexts(language)
        for value in (80, 80.0, 107800, 86.6, 0.5, True, None, -3, 1e21):
            for unit in (None, "procent", "kr", "dagar", ["fel"]):
                # Twice: the second answer is the remembered one.
                assert texts.number(value, unit) == _number(value, unit, language)
                assert texts.number(value, unit) == _number(value, unit, language)


def test_status_reads_the_index_the_lint_built_instead_of_a_second_one() -> None:
    from styr.followup.status import collect
    from styr.model.index import shared_index

    (status,) = collect([EXAMPLES / "helsingborg"], None, allow_errors=True)
    assert status.index is shared_index(status.repository)
    plain = build_index(load_repository(EXAMPLES / "helsingborg"))
    assert [e.id for e in status.index.elements] == [e.id for e in plain.elements]
