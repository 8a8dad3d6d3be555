"""The Markdown report, parsed the way a git host parses it (CommonMark + GFM tables + HTML)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from report_helpers import PIPE_TITLE, SCRIPT_TITLE, example_paths, rich_repository

from styr.model.index import build_index
from styr.model.repository import load_repository
from styr.report import build_report

_ANCHOR = re.compile(r'<a id="([^"]+)">')


@dataclass
class Parsed:
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # level, text, anchor
    tables: list[list[list[str]]] = field(default_factory=list)  # rows of cell texts
    anchors: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)
    html_blocks: list[str] = field(default_factory=list)


def parse(markdown: str) -> Parsed:
    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(markdown)
    parsed = Parsed()
    row: list[str] | None = None
    for position, token in enumerate(tokens):
        if token.type == "html_block":
            parsed.html_blocks.append(token.content)
        if token.type == "heading_open":
            inline = tokens[position + 1]
            anchor = next(iter(_ANCHOR.findall(inline.content)), "")
            parsed.headings.append((int(token.tag[1]), _text(inline), anchor))
        elif token.type == "table_open":
            parsed.tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            parsed.tables[-1].append(row)
            row = None
        elif token.type == "inline":
            if row is not None:
                row.append(_text(token))
            for child in token.children or []:
                if child.type == "html_inline":
                    parsed.anchors.update(_ANCHOR.findall(child.content))
                if child.type == "link_open":
                    parsed.links.append(str(child.attrs["href"]))
    return parsed


def _text(inline: Token) -> str:
    """What a reader sees of an inline: text and code, no tags."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (
            child.type == "html_inline" and child.content.startswith("<br")
        ):
            parts.append(" ")
    return " ".join("".join(parts).split())


@pytest.fixture(scope="module")
def rich(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return rich_repository(tmp_path_factory.mktemp("markdown") / "testby")


@pytest.mark.parametrize("example", example_paths(), ids=lambda p: p.name)
def test_each_example_renders_headings_and_tables(example: Path) -> None:
    assert (example / "styr.yaml").is_file(), f"the example {example.name} is missing"
    repository = load_repository(example)
    index = build_index(repository)
    parsed = parse(build_report([example], "md", with_findings=True))

    levels = [level for level, _, _ in parsed.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    assert repository.municipality_name in parsed.headings[0][1]
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1
    third = {text for level, text, _ in parsed.headings if level == 3}
    for organisation in index.organisations:
        assert organisation.title in third, organisation.title
    goal_headings = [a for level, _, a in parsed.headings if level == 5 and a.startswith("mal-")]
    assert len(goal_headings) == len(index.of_category("goal"))
    second = [text for level, text, _ in parsed.headings if level == 2]
    assert {"Innehåll", "Översikt", "Målkedjan", "Granskning (styr lint)"} <= set(second)

    assert parsed.tables, "no tables"
    for table in parsed.tables:
        assert len({len(row) for row in table}) == 1, table[0]
    headers = [table[0] for table in parsed.tables]
    assert ["Mått", "Antal"] in headers
    assert any(h[:4] == ["Indikator", "Utgångsvärde", "Målvärden", "Etappmål"] for h in headers)
    council = repository.model.kinds_of("council_area")[0].label("sv")  # the model's own name
    chain = next(t for t in parsed.tables if t[0][0] == council)
    areas = index.of_category("council_area")
    assert sum(1 for row in chain[1:] if row[0]) == len(areas)

    assert parsed.html_blocks == []  # nothing of the YAML became raw HTML
    internal = {link[1:] for link in parsed.links if link.startswith("#")}
    assert internal <= parsed.anchors


def test_hostile_titles_stay_text(rich: Path) -> None:
    parsed = parse(build_report([rich], "md", allow_errors=True))
    # Under the heading "Mål (2)" a goal's heading is its title, without "Mål:" again.
    assert (5, SCRIPT_TITLE, "mal-skn-mal-1") in parsed.headings
    table = next(t for t in parsed.tables if any("Kostnad" in cell for cell in t[1]))
    assert len(table[1]) == len(table[0]) == 5
    assert table[1][0].startswith(PIPE_TITLE)  # pipes, stars and brackets shown as written
    assert parsed.html_blocks == []


def test_the_index_compares_side_by_side(rich: Path, tmp_path: Path) -> None:
    other = rich_repository(tmp_path / "annanby", "Annanby", "0998")
    parsed = parse(build_report([rich, other], "md", allow_errors=True))
    compare = next(t for t in parsed.tables if t[0][0] == "Mått" and len(t[0]) == 3)
    assert compare[0] == ["Mått", "Testby", "Annanby"]
    rows = {row[0]: row[1:] for row in compare[1:]}
    assert rows["Kommunkod"] == ["0999", "0998"]
    assert rows["Mål hos nämnder och bolag"] == ["4", "4"]
    assert rows["Mål kopplade till fullmäktiges nivå"] == ["3 / 4", "3 / 4"]
    assert [text for level, text, _ in parsed.headings if level == 2] == [
        "Innehåll",
        "Jämförelse",
        "Testby",
        "Annanby",
    ]
    internal = {link[1:] for link in parsed.links if link.startswith("#")}
    assert internal <= parsed.anchors | {"jamforelse"}


HOSTILE_CODE = '"><img src=x onerror=alert(1)>'
_INLINE_HTML_WE_WRITE = re.compile(r'<a id="[a-z0-9_.-]+">|</a>|<br>')


def _inline_html(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark", {"html": True}).enable("table").parse(markdown)
    return [
        child.content
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "html_inline"
    ]


def test_a_hostile_municipality_code_never_becomes_html(rich: Path, tmp_path: Path) -> None:
    other = rich_repository(tmp_path / "annanby", "Annanby", "0998")
    manifest = other / "styr.yaml"
    text = manifest.read_text(encoding="utf-8").replace('"0998"', f"'{HOSTILE_CODE}'", 1)
    manifest.write_text(text, encoding="utf-8")
    markdown = build_report([rich, other], "md", allow_errors=True)
    parsed = parse(markdown)
    assert parsed.html_blocks == []
    for html in _inline_html(markdown):  # only the anchors and line breaks we write
        assert _INLINE_HTML_WE_WRITE.fullmatch(html), html
    internal = {link[1:] for link in parsed.links if link.startswith("#")}
    assert internal <= parsed.anchors | {"jamforelse"}
    assert "r2-kommun" in parsed.anchors  # the hostile code gave way to the position
