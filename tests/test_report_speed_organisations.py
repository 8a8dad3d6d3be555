"""The organisations' section writes each organisation's goal blocks between its parts itself,
and the page hands them on uncopied: the same page as the `organisation` macro writes whole.

The bundled `_repository.html.j2` writes `organisation_start`, the goal blocks
(`items_html`, their last line ended) and `organisation_end`; the macro
`organisation`, which a folder of templates may call or replace, is those
three. Held here to the page a copy of the section writes through the macro,
and a large chunk of whole lines to being a batch of its own, as it is.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import EXAMPLES
from report_helpers import rich_repository

from styr.report import build_report, render
from styr.resources import data_dir

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from stress_corpus import generate

TODAY = date(2027, 3, 1)


@pytest.fixture(scope="module")
def through_the_macro(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder whose section writes every organisation through the macro `organisation`."""
    folder = tmp_path_factory.mktemp("templates")
    section = (data_dir("templates") / "_repository.html.j2").read_text(encoding="utf-8")
    assert "{% if own %}" in section
    (folder / "_repository.html.j2").write_text(
        section.replace("{% if own %}", "{% if false %}"), encoding="utf-8"
    )
    return folder


@pytest.fixture(scope="module")
def repositories(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    made = tmp_path_factory.mktemp("organisations")
    goals, chain = made / "goals", made / "chain"
    generate(goals, "goals", 250)  # organisations of a hundred goals, then of fifty
    generate(chain, "chain", 120)
    rich = rich_repository(made / "testby")
    return [rich, goals, chain, EXAMPLES / "helsingborg", EXAMPLES / "huddinge"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_section_writes_the_page_the_organisation_macro_writes(
    repositories: list[Path], through_the_macro: Path, language: str
) -> None:
    for root in repositories:
        own = build_report([root], "html", language, today=TODAY, allow_errors=True)
        macro = build_report(
            [root], "html", language, through_the_macro, today=TODAY, allow_errors=True
        )
        assert own == macro
        assert '<article class="org">' in own


def test_a_copy_of_the_macros_writes_through_its_own_organisation(
    repositories: list[Path], tmp_path: Path
) -> None:
    # A folder's copy of the macros is not styr's own: its `organisation` writes each whole.
    macros = (data_dir("templates") / "_macros.html.j2").read_text(encoding="utf-8")
    (tmp_path / "_macros.html.j2").write_text(
        macros.replace('<article class="org">', '<article class="org copied">'), encoding="utf-8"
    )
    for root in repositories[:2]:
        own = build_report([root], "html", today=TODAY, allow_errors=True)
        copied = build_report([root], "html", None, tmp_path, today=TODAY, allow_errors=True)
        assert copied == own.replace('<article class="org">', '<article class="org copied">')
        assert '<article class="org copied">' in copied


def test_a_large_chunk_of_whole_lines_is_a_batch_of_its_own_as_it_is() -> None:
    large = "<p>Mål</p>\n" * (render._CHARACTERS_PER_BATCH // 8)
    batches = list(render._text_batches(["<h5>Mål</h5>", "\n", large, "<p>a</p>"]))
    assert batches == ["<h5>Mål</h5>\n", large, "<p>a</p>\n"]
    assert batches[1] is large  # not copied
    # After an unfinished line, or without a line end of its own, it is cut as any chunk.
    after = list(render._text_batches(["<h5>", large]))
    assert "".join(after) == "<h5>" + large and after[0] is not large
    unended = large + "<p>b</p>"
    assert "".join(render._text_batches([unended])) == unended + "\n"
