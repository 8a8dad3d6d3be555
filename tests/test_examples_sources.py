"""The examples say what they are: each text is either cited or marked as a made-up example.

The report shows the mark by the text (`Källa för texten: …`, `Exempeltext: …`),
so that a reader never takes an example for the municipality's own decision.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from report_helpers import ROOT, example_paths

from styr.report.build import build_report
from styr.report.provenance import citation_text, provenance_facts
from styr.report.texts import Labels

# The kinds of file below the council level: boards, companies, administrations, work plans.
BELOW_COUNCIL = ("organisation", "work_plan")
TEXT_FIELDS = ("title", "text", "heading")


def _documents(root: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    for path in sorted(root.rglob("*.yaml")):
        if "schemas" in path.parts:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            yield path, data


def _is_marked(node: dict[str, Any]) -> bool:
    return node.get("illustrative") is True or isinstance(node.get("citation"), dict)


def _unmarked_texts(node: Any, where: str, marked: bool) -> Iterator[str]:
    """The places of text fields that neither they nor anything around them mark."""
    if isinstance(node, list):
        for number, item in enumerate(node):
            yield from _unmarked_texts(item, f"{where}[{number}]", marked)
        return
    if not isinstance(node, dict):
        return
    marked = marked or _is_marked(node)
    for key, value in node.items():
        if key == "citation":
            continue
        if key in TEXT_FIELDS and isinstance(value, str) and not marked:
            yield f"{where}.{key}"
        yield from _unmarked_texts(value, f"{where}.{key}", marked)


def test_every_text_below_council_level_is_cited_or_marked_as_an_example() -> None:
    unmarked = []
    checked = 0
    for example in example_paths():
        for path, data in _documents(example):
            if data.get("kind") not in BELOW_COUNCIL:
                continue
            checked += 1
            name = path.relative_to(ROOT).as_posix()
            unmarked.extend(f"{name}: {place}" for place in _unmarked_texts(data, "$", False))
    assert checked >= 10  # both examples' boards, companies and work plans were read
    assert unmarked == []


def test_the_walk_finds_an_unmarked_text() -> None:
    """The check above can fail: a board's goal without a mark is found, a marked one is not."""
    board = {"kind": "organisation", "goals": [{"id": "g", "title": "Fler når målen"}]}
    assert list(_unmarked_texts(board, "$", False)) == ["$.goals[0].title"]
    board["illustrative"] = True
    assert list(_unmarked_texts(board, "$", False)) == []


def test_the_manifests_no_longer_claim_every_text_follows_the_citys_documents() -> None:
    for example in example_paths():
        manifest = (example / "styr.yaml").read_text(encoding="utf-8")
        assert "texterna följer" not in manifest
        assert "Påhittat:" in manifest and "illustrative: true" in manifest


def _marked_copy(tmp_path: Path) -> Path:
    """The Huddinge example with one goal-like element cited and one indicator marked."""
    target = tmp_path / "huddinge"
    shutil.copytree(ROOT / "examples" / "huddinge", target)
    board = target / "organisation" / "grundskolenamnden.yaml"
    text = board.read_text(encoding="utf-8")
    text = text.replace("illustrative: true\n", "", 1)
    text = text.replace(
        "  - id: gsn-ind-1-kostnad\n",
        "  - id: gsn-ind-1-kostnad\n    illustrative: true\n",
        1,
    )
    text = text.replace(
        "  - id: gsn-uppdrag-1\n",
        "  - id: gsn-uppdrag-1\n"
        "    citation:\n"
        "      title: Verksamhetsplan för grundskolenämnden\n"
        "      publisher: Huddinge kommun\n"
        "      year: 2024\n"
        "      url: https://www.huddinge.se/\n",
        1,
    )
    text = text.replace(
        "direction:\n",
        "direction:\n  citation:\n    title: Nämndens inriktning\n    publisher: Huddinge kommun\n",
        1,
    )
    board.write_text(text, encoding="utf-8")
    # The board's reading of the goal areas is in its operational plan for the year.
    plan = target / "verksamhetsplaner" / "grundskolenamnden-2025.yaml"
    reading = plan.read_text(encoding="utf-8").replace(
        "    - area: ekonomisk-hallbarhet\n",
        "    - area: ekonomisk-hallbarhet\n"
        "      citation: {title: Nämndens tolkning, publisher: Huddinge kommun}\n",
        1,
    )
    plan.write_text(reading, encoding="utf-8")
    return target


def test_the_report_shows_where_a_text_comes_from(tmp_path: Path) -> None:
    repository = _marked_copy(tmp_path)
    citation = (
        "Verksamhetsplan för grundskolenämnden, Huddinge kommun, 2024, https://www.huddinge.se/"
    )
    for fmt in ("html", "markdown"):
        swedish = build_report([repository], fmt)
        assert "Källa för texten" in swedish and citation in swedish, fmt
        english = build_report([repository], fmt, language="en")
        assert "Source of the text" in english and citation in english, fmt
        assert "Example text: not the municipality" in english, fmt
        assert "Nämndens inriktning, Huddinge kommun" in swedish, fmt  # the direction's own
        assert "Nämndens tolkning, Huddinge kommun" in swedish, fmt  # an area reading's own


def test_the_report_marks_the_examples_boards_as_examples() -> None:
    for example in example_paths():
        for fmt in ("html", "markdown"):
            report = build_report([example], fmt)
            assert "Exempeltext" in report, (example.name, fmt)
            assert "inte kommunens egen text, utan ett påhittat exempel" in report


def test_the_huddinge_example_cites_its_vision_programme_and_goal_areas() -> None:
    report = build_report([ROOT / "examples" / "huddinge"], "markdown")
    assert report.count("Bakgrund till ny styrmodell och målstruktur, Huddinge kommun") == 5


def test_a_citation_shows_the_parts_that_are_written() -> None:
    assert citation_text({"title": "Så styrs Helsingborg", "year": 2024}) == (
        "Så styrs Helsingborg, 2024"
    )
    assert citation_text("Så styrs Helsingborg") == ""  # not a citation: shown as nothing
    assert Labels("sv").text_illustrative == "Exempeltext"


def test_dates_marked_made_up_are_named_beside_a_citation() -> None:
    """A listed date is said to be made up by its name; the rest stands as the source's."""
    document = {
        "citation": {"title": "Kulturprogram", "year": 2024},
        "illustrative": ["next_review", "adopted_on"],
    }
    assert [(f.label, f.text) for f in provenance_facts(document, Labels("sv"))] == [
        ("Källa för texten", "Kulturprogram, 2024"),
        (
            "Exempeltext",
            "datumen för beslutet och för nästa översyn är påhittade exempel, inte kommunens egna",
        ),
    ]
    english = provenance_facts({"illustrative": ["next_review"]}, Labels("en"))
    assert [(f.label, f.text) for f in english] == [
        (
            "Example text",
            "the date of the next review is made up for the example, not the municipality's own",
        )
    ]


def test_helsingborgs_made_up_review_dates_say_so() -> None:
    """The file's opening comment says every date of the next review is invented: each
    document with one marks it, or is made up as a whole, and the register says so."""
    path = ROOT / "examples" / "helsingborg" / "styrdokument.yaml"
    assert "Datum för nästa översyn (next_review) är påhittade" in path.read_text("utf-8")
    documents = yaml.safe_load(path.read_text(encoding="utf-8"))["documents"]
    reviewed = [d for d in documents if "next_review" in d]
    assert reviewed
    unmarked = [
        d["id"]
        for d in reviewed
        if d.get("illustrative") is not True and "next_review" not in (d.get("illustrative") or [])
    ]
    assert unmarked == []
    report = build_report([path.parent], "markdown")
    assert "datumet för nästa översyn är ett påhittat exempel" in report


def _vision_areas(root: Path) -> list[str]:
    data = yaml.safe_load((root / "vision.yaml").read_text(encoding="utf-8"))
    return [area["title"] for area in data["vision"]["areas"]]


def test_helsingborgs_vision_areas_have_one_set_of_names() -> None:
    example = _vision_areas(ROOT / "examples" / "helsingborg")
    fixture = _vision_areas(ROOT / "tests" / "fixtures" / "repos" / "helsingborg-2015")
    assert example == fixture
    assert example == [
        "Den skapande staden",
        "Den pulserande staden",
        "Den gemensamma staden",
        "Den globala staden",
        "Den balanserade staden",
    ]


def test_the_huddinge_starter_has_its_three_goal_areas() -> None:
    starter = ROOT / "styr" / "starters" / "huddinge"
    council = yaml.safe_load((starter / "malomraden.yaml").read_text(encoding="utf-8"))
    areas = {area["id"]: area for area in council["areas"]}
    assert set(areas) == {"social-hallbarhet", "ekologisk-hallbarhet", "ekonomisk-hallbarhet"}
    for area_id, area in areas.items():
        assert area["heading"]
        assert any(area_id in indicator["contributes_to"] for indicator in area["indicators"])
    plan = yaml.safe_load(
        (starter / "verksamhetsplaner" / "exempelnamnden-2027.yaml").read_text(encoding="utf-8")
    )
    readings = plan["operational_plan"]["area_readings"]
    assert {reading["area"] for reading in readings} == set(areas)
