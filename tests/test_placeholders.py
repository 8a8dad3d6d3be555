"""X003: what `styr init` leaves for the planner to write is a finding until it is written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from filled import fill_placeholders
from hypothesis import given, settings
from hypothesis import strategies as st

from styr.lint import lint_paths
from styr.rules.placeholders import is_placeholder
from styr.scaffold import init_repository, starter_names


@pytest.mark.parametrize(
    "text",
    [
        "FYLL I: Skriv visionen här, en gemensam och långsiktig målbild.",
        "  fyll i : Nämndens inriktning.",
        "Skriv visionen här.",
        "Vision för __KOMMUN__",
        'code: "__KOD__"',
    ],
)
def test_a_placeholder(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "Nämnden ska fylla i luckorna i servicen.",
        "Vi skriver här om hur det går.",
        "Här skriver vi om målen.",
        "Fler ska känna sig trygga här. Skriv till oss.",
        "snake_case__inte_en_platshållare",
    ],
)
def test_not_a_placeholder(text: str) -> None:
    assert not is_placeholder(text)


def _strings(node: object) -> list[str]:
    if isinstance(node, dict):
        return [text for child in node.values() for text in _strings(child)]
    if isinstance(node, list):
        return [text for child in node for text in _strings(child)]
    return [node] if isinstance(node, str) else []


def _marked_texts(root: Path) -> set[tuple[str, str]]:
    """(file, text) of every text in the starter that its author marked 'FYLL I:'."""
    marked = set()
    for path in root.rglob("*.yaml"):
        if "schemas" in path.parts:
            continue
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if text.lstrip().upper().startswith("FYLL I"):
                marked.add((path.relative_to(root).as_posix(), text))
    return marked


@pytest.mark.parametrize("starter", starter_names())
def test_every_marked_text_of_every_starter_is_reported_until_written(
    starter: str, tmp_path: Path
) -> None:
    repo = tmp_path / starter
    init_repository(repo, starter, "Testby", "0999")
    marked = _marked_texts(repo)
    findings = [f for f in lint_paths([repo]).findings if f.code == "X003"]
    reported = {
        (f.file.relative_to(repo).as_posix(), f.params["placeholder"])
        for f in findings
        if f.file is not None
    }
    assert len(findings) >= len(marked) > 0
    assert {file for file, _ in marked} <= {file for file, _ in reported}
    assert all(f.severity.label == "warning" for f in findings)  # CI still passes a new repository
    fill_placeholders(repo)
    assert [f.code for f in lint_paths([repo]).findings] == []


@pytest.mark.parametrize("starter", starter_names())
def test_a_repository_from_an_earlier_starter_without_the_mark_is_reported_too(
    starter: str, tmp_path: Path
) -> None:
    # Earlier starters wrote the same instructions without "FYLL I:".
    # "En hållplats på vägen mot visionen." is also a real description (of
    # Helsingborg's målbild), so without its mark it is not taken for one.
    repo = tmp_path / starter
    init_repository(repo, starter, "Testby", "0999")
    marked = {
        text.removeprefix("FYLL I:").strip()
        for _, text in _marked_texts(repo)
        if "hållplats" not in text
    }
    occurrences = sum(  # every place, the same instruction in several places included
        text.lstrip().upper().startswith("FYLL I") and "hållplats" not in text
        for path in repo.rglob("*.yaml")
        if "schemas" not in path.parts
        for text in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
    )
    for path in repo.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace('"FYLL I: ', '"').replace("FYLL I: ", ""), encoding="utf-8")
    assert "FYLL I" not in "".join(p.read_text(encoding="utf-8") for p in repo.rglob("*.yaml"))
    reported = [f for f in lint_paths([repo]).findings if f.code == "X003"]
    assert {" ".join(f.params["placeholder"].split()) for f in reported} >= {
        " ".join(text.split())[:59] for text in marked if len(text) < 60
    }
    # A starter may give the same instruction in several places (one per goal area).
    assert len(reported) == occurrences


def test_the_quick_look_at_a_file_misses_no_placeholder() -> None:
    """A file is walked only when its text holds a part of some placeholder."""
    import json

    from styr.rules import placeholders

    data = Path(placeholders.__file__).resolve().parents[1] / "data" / "placeholders.json"
    unmarked = json.loads(data.read_text(encoding="utf-8"))["unmarked"]
    holding = [
        *(f"title: {' '.join(text.split())}\n" for text in unmarked),
        "text: FYLL I: Skriv här\n",
        "text: fyll i: något\n",
        "name: __KOMMUN__\n",
        "text: Beskriv de styrandes ambitioner\n",
    ]
    for text in holding:
        assert placeholders._may_hold_one(text), text
    assert not placeholders._may_hold_one("title: Fler elever ska nå målen i alla ämnen\n")


def _parts() -> list[str]:
    """Every part a file with a placeholder holds: a part of every marked one, and the
    beginning of every unmarked one (read from the data, not from the quick look)."""
    import json

    from styr.rules import placeholders

    data = Path(placeholders.__file__).resolve().parents[1] / "data" / "placeholders.json"
    unmarked = json.loads(data.read_text(encoding="utf-8"))["unmarked"]
    return [*placeholders._PARTS, *(" ".join(text.split())[:20] for text in unmarked)]


_PIECES = st.sampled_from(
    [*_parts(), *(part[:-1] for part in _parts()), "Nämndens ", "Den ", "K", "y", "_", "\n"]
)


@given(st.lists(_PIECES | st.text("ayklNDVK_ä \n", max_size=4), max_size=8))
@settings(max_examples=2000, deadline=None)
def test_the_quick_look_finds_a_part_exactly_where_a_file_holds_one(
    pieces: list[str],
) -> None:
    from styr.rules import placeholders

    text = "".join(pieces)
    every_part = re.compile("|".join(map(re.escape, _parts())))
    assert placeholders._may_hold_one(text) == (every_part.search(text) is not None)
