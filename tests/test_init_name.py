"""`styr init --name`: the municipality's name written into every file as it was given, a
name no file could hold refused before anything is made, and the placeholders the planner
replaces marked one way."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import CliResult
from hypothesis import given, settings
from hypothesis import strategies as st
from leftovers import leftovers

from styr.errors import UsageError
from styr.lint import lint_paths
from styr.load.text_checks import BIDI_CONTROLS
from styr.scaffold import PLACEHOLDER, init_repository, repository_files, starter_names
from styr.yaml_text import quote

Run = Callable[..., CliResult]

AWKWARD_NAMES = [
    "Ale: kommun",
    "Håbo #1",
    'Öckerö "ön"',
    "Sankt 'Olof'",
    "- Minus",
    "*Stjärna",
    "&Ankare",
    "!Tagg",
    "%Procent",
    "@Snabel",
    "`Grav",
    "? Fråga",
    "[Lista]",
    "{Karta}",
    "> Vikt",
    "| Rak",
    "Ja",
    "no",
    "0126",
    "null",
    "~",
    "Back\\slash",
    "Norrtälje kommun",
]


def _all_texts(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _all_texts(item)
    elif isinstance(value, list):
        for item in value:
            yield from _all_texts(item)


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_any_name_is_written_as_it_was_given(name: str, tmp_path: Path) -> None:
    target = tmp_path / "kommun"
    init_repository(target, "helsingborg", name, "0999")
    manifest = yaml.safe_load((target / "styr.yaml").read_text(encoding="utf-8"))
    assert manifest["municipality"] == {"name": name, "code": "0999"}
    assert manifest["steering_model"]["name"] == f"Styrmodell för {name}"
    vision = yaml.safe_load((target / "vision.yaml").read_text(encoding="utf-8"))
    assert vision["vision"]["title"] == f"Vision för {name}"
    result = lint_paths([target])
    assert [f.code for f in result.findings if f.code[0] in "YS"] == []


def test_a_name_with_a_line_break_is_refused_and_nothing_is_made(
    run_cli: Run, tmp_path: Path
) -> None:
    for name in ["Ale\nkommun", "Ale\rkommun", "Ale\u2028kommun", "Ale\x00kommun"]:
        result = run_cli("init", tmp_path / "k", "--name", name)
        assert result.code == 2
        assert "en rad text" in result.err
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    "invisible",
    ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\ufeff"],
    ids=["RLO", "LRE", "LRI", "PDI", "zero-width-space", "byte-order-mark"],
)
def test_a_name_with_an_invisible_character_is_refused_and_nothing_is_made(
    run_cli: Run, tmp_path: Path, invisible: str
) -> None:
    # A direction control would be written into every file and fail the new
    # repository's own lint (Y018).
    result = run_cli("init", tmp_path / "k", "--name", f"Ale{invisible}kommun")
    assert result.code == 2
    assert "skrivriktningen" in result.err
    assert BIDI_CONTROLS.search(result.err) is None  # a direction control is shown escaped
    assert leftovers(tmp_path) == []


def test_a_refused_name_shows_every_invisible_character_escaped(
    run_cli: Run, tmp_path: Path
) -> None:
    result = run_cli("init", tmp_path / "k", "--name", "Ale\u200bkommun\u202e")
    assert result.code == 2
    assert '"Ale\\u200bkommun\\u202e"' in result.err


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_every_name_init_accepts_makes_a_repository_that_passes_its_own_lint(name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "k"
        try:
            init_repository(target, "blank", name, "0999")
        except UsageError:
            return
        assert [f.code for f in lint_paths([target]).findings if f.severity.label == "error"] == []


def test_an_empty_name_is_refused(run_cli: Run, tmp_path: Path) -> None:
    assert run_cli("init", tmp_path / "k", "--name", "  ").code == 2
    assert leftovers(tmp_path) == []


def test_the_name_cannot_smuggle_in_a_token(tmp_path: Path) -> None:
    init_repository(tmp_path / "k", "blank", "__KOD__ __KOMMUN__", "0999")
    manifest = yaml.safe_load((tmp_path / "k" / "styr.yaml").read_text(encoding="utf-8"))
    assert manifest["municipality"]["name"] == "__KOD__ __KOMMUN__"


def test_quote_reads_back_as_every_character_it_was_given() -> None:
    text = "".join(
        chr(point)
        for point in [*range(0, 0x3000), *range(0xE000, 0x10000), 0x10000, 0x1F600, 0x10FFFF]
        if not 0xD800 <= point <= 0xDFFF
    )
    quoted = quote(text)
    assert "\n" not in quoted and "\r" not in quoted
    assert yaml.safe_load(f"name: {quoted}\n") == {"name": text}  # a YAML 1.1 reader
    from ruamel.yaml import YAML

    assert YAML(typ="safe").load(f"name: {quoted}\n") == {"name": text}  # a YAML 1.2 reader


def test_every_starter_token_sits_in_a_value_that_gets_quoted() -> None:
    for starter in starter_names():
        for path, text in repository_files(starter, "X: y #z", "0999").items():
            assert "__KOMMUN__" not in text and "__KOD__" not in text, (starter, path)
            if path.endswith(".yaml"):
                yaml.safe_load(text)


def test_placeholders_share_one_marker(tmp_path: Path) -> None:
    """What the planner must write starts with "FYLL I:"; no instruction goes unmarked."""
    instructions = ("Skriv ", "Beskriv de ", "Förklara ", "några meningar", "Varför finns")
    for starter in starter_names():
        texts = [
            text
            for path, content in repository_files(starter, "Nyby", "0999").items()
            if path.endswith(".yaml")
            for text in _all_texts(yaml.safe_load(content))
        ]
        marked = [text for text in texts if text.startswith(PLACEHOLDER)]
        assert len(marked) >= 4, starter
        unmarked = [t for t in texts if any(w in t for w in instructions) and t not in marked]
        assert unmarked == [], starter


def test_init_tells_the_planner_what_to_replace(run_cli: Run, tmp_path: Path) -> None:
    result = run_cli("init", tmp_path / "kommun")
    assert result.code == 0
    assert f"'{PLACEHOLDER}'" in result.out and "styr lint" in result.out
