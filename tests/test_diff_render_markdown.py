"""styr diff as Markdown for a merge request: headings, tables, escaping, as a parser reads them."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from diff_render_samples import (
    BOARD_NAME,
    COMPANY_NAME,
    EVERY_KIND,
    FIXED,
    HOSTILE,
    INTRODUCED,
    NAMES,
    change,
    every_kind,
    one,
    repository,
    result,
)
from markdown_it import MarkdownIt
from markdown_it.token import Token

from styr.diff.changes import Change, ChangeKind, FindingRecord, FindingsDelta
from styr.diff.render_markdown import COMMENT_LIMIT, render_markdown
from styr.diff.sentences import PLAIN, sentence

# As GitHub and GitLab read a comment: CommonMark with tables and strike-through, HTML allowed.
PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@dataclass
class Read:
    """What a reader of the rendered comment sees: headings, tables (rows of cell texts)."""

    tokens: list[Token]
    headings: list[tuple[str, str]] = field(default_factory=list)  # (tag, text)
    tables: list[list[list[str]]] = field(default_factory=list)

    def types(self) -> set[str]:
        found = set()
        for token in self.tokens:
            found.add(token.type)
            found.update(child.type for child in token.children or [])
        return found


def read(markdown: str) -> Read:
    tokens = PARSER.parse(markdown)
    seen = Read(tokens)
    for position, token in enumerate(tokens):
        if token.type == "heading_open":
            seen.headings.append((token.tag, _shown(tokens[position + 1])))
        elif token.type == "table_open":
            seen.tables.append([])
        elif token.type == "tr_open":
            seen.tables[-1].append([])
        elif token.type == "inline" and tokens[position - 1].type in ("th_open", "td_open"):
            seen.tables[-1][-1].append(_shown(token))
    return seen


def _shown(inline: Token) -> str:
    """An inline token's text as rendered, without markup: what a reader reads in the cell."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")
    return "".join(parts)


def unmarked(said: str) -> str:
    """A plain sentence without its word diff's marks: the words a reader reads in Markdown."""
    return said.replace("[-", "").replace("-]", "").replace("{+", "").replace("+}", "")


def test_an_h2_per_municipality_and_an_h3_per_section_council_level_first() -> None:
    other = repository(
        [
            change(
                ChangeKind.ADDED, "goal", "Trygg stad", organisation=None, file="inriktningar.yaml"
            )
        ],
        name="Huddinge",
        code="0126",
        path="huddinge",
    )
    seen = read(render_markdown(result(repository(list(EVERY_KIND.values())), other), "sv"))
    assert seen.headings == [
        ("h2", "Helsingborg (1283)"),
        ("h3", "Styrmodellens uppbyggnad"),
        ("h3", "Kommunfullmäktiges nivå"),
        ("h3", BOARD_NAME),
        ("h3", COMPANY_NAME),
        ("h2", "Huddinge (0126)"),
        ("h3", "Kommunfullmäktiges nivå"),
    ]


def test_each_section_is_a_table_of_its_changes_with_what_and_where() -> None:
    seen = read(render_markdown(every_kind(), "sv"))
    model, council, board, company, findings = seen.tables
    assert model[0] == ["Ändring", "Vad", "Var"]
    assert model[1] == [
        "Styrmodellen ändrad",
        "Styrmodellen ändrades: delen ”uppdrag” lades till",
        "helsingborg/styr.yaml:12:5",
    ]
    assert len(council) == 1 + 5  # the steering documents
    board_changes = [
        c
        for c in EVERY_KIND.values()
        if c.organisation == "bun" and c.kind is not ChangeKind.MODEL_CHANGED
    ]
    board_changes = [c for c in board_changes if c.category not in ("repository", "model")]
    assert [row[1] for row in board[1:]] == [
        unmarked(sentence(c, "sv", PLAIN, NAMES)) for c in board_changes
    ]
    # The goal moved from the company to the board is in both: each one's reviewer sees it.
    assert company[1][:2] == [
        "Flyttat",
        "Målet ”Fler unga i arbete” flyttades från Helsingborgshem AB till "
        "Barn- och utbildningsnämnden",
    ]
    assert company[2][0] == "Uppdragets källa"
    assert findings[0] == ["Fynd", "Regel", "Vad", "Var"]
    assert findings[1] == [
        "Ny varning",
        "G001",
        "Nämnden har 4 mål; högst 3 rekommenderas.",
        "helsingborg/organisation/bun.yaml:3:1",
    ]
    assert findings[2][0] == "Åtgärdat fel"


def test_the_first_line_sums_up_the_changes_by_kind_and_the_findings() -> None:
    first = render_markdown(every_kind(), "sv").splitlines()[0]
    assert first.startswith("Från mal-och-budget-2025 till arbetskopian. ")
    assert f"{len(ChangeKind)} ändringar (Tillagt: 1, Borttaget: 1," in first
    assert "Fynd från styr lint: 1 ny varning, 1 åtgärdat." in first
    assert first.endswith("2 kommuner oförändrade.")


def test_the_findings_delta_is_a_section_of_its_own() -> None:
    delta = FindingsDelta([INTRODUCED, INTRODUCED], [FIXED])
    seen = read(render_markdown(result(repository([], findings=delta)), "sv"))
    assert seen.headings == [("h2", "Helsingborg (1283)"), ("h3", "Fynd från styr lint")]
    paragraphs = [t.content for t in seen.tokens if t.type == "inline" and t.level == 1]
    assert "2 nya varningar, 1 åtgärdat." in paragraphs
    places = [table[-1][-1] for table in seen.tables]
    assert places == ["helsingborg/inriktningar.yaml:8:3 (i mal-och-budget-2025)"]


@pytest.mark.parametrize("kind", list(ChangeKind), ids=str)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_kind_of_change_is_a_row_with_its_sentence(kind: ChangeKind, language: str) -> None:
    seen = read(render_markdown(one(kind), language))
    cells = [cell for table in seen.tables for row in table for cell in row]
    paragraphs = " ".join(t.content for t in seen.tokens if t.type == "inline")
    expected = unmarked(sentence(EVERY_KIND[kind], language, PLAIN, NAMES))
    assert expected in cells or expected in paragraphs


def test_reworded_words_are_struck_through_and_new_ones_bold() -> None:
    tokens = PARSER.parseInline(render_markdown(one(ChangeKind.REWORDED), "sv").split("| ")[-2])
    children = tokens[0].children or []
    struck = [children[i + 1].content for i, t in enumerate(children) if t.type == "s_open"]
    bold = [children[i + 1].content for i, t in enumerate(children) if t.type == "strong_open"]
    assert struck == ["elever"] and bold == ["barn"]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_empty_diff_says_there_are_no_changes(language: str) -> None:
    markdown = render_markdown(result(repository([])), language)
    seen = read(markdown)
    assert seen.headings == [] and seen.tables == []
    expected = "Inga ändringar" if language == "sv" else "No changes"
    assert f"{expected}." in markdown.splitlines()[0]


def test_hostile_values_stay_text_in_their_cell() -> None:
    hostile = change(ChangeKind.ADDED, "goal", HOSTILE, file="organisation/a|b`<i>.yaml")
    named = {"bun": "<b>Nämnden</b> | `x` ~~y~~"}
    markdown = render_markdown(
        result(repository([hostile], name="Hel|sing<br>borg", organisation_names=named)), "sv"
    )
    seen = read(markdown)
    assert seen.headings == [
        ("h2", "Hel|sing<br>borg (1283)"),
        ("h3", "<b>Nämnden</b> | `x` ~~y~~"),
    ]
    (table,) = seen.tables
    assert all(len(row) == 3 for row in table)
    title = HOSTILE.replace("\n", " ").replace("\x1b", "\\u001b")
    assert table[1][1] == f"Målet ”{title}” lades till"
    assert table[1][2] == "helsingborg/organisation/a|b`<i>.yaml:12:5"
    # Nothing a file holds becomes HTML, a code span, emphasis, a link or a raw control.
    assert not {
        "html_inline",
        "html_block",
        "code_inline",
        "link_open",
        "s_open",
        "strong_open",
    } & (seen.types())
    assert "\x1b" not in markdown
    assert "<script>" not in PARSER.render(markdown)


def test_a_title_that_would_start_a_list_or_a_heading_stays_a_title() -> None:
    for title in ("1. Mål", "# Mål", "- Mål", "=== Mål"):
        named = {"bun": title}
        seen = read(
            render_markdown(
                result(repository([EVERY_KIND[ChangeKind.ADDED]], organisation_names=named)), "sv"
            )
        )
        assert ("h3", title) in seen.headings
        assert not {"ordered_list_open", "bullet_list_open"} & seen.types()


def _many(count: int) -> list[Change]:
    title = "Fler invånare i Helsingborg ska ha ett arbete att gå till och en bostad de trivs i"
    return [
        change(ChangeKind.ADDED, "goal", f"{title} {n}", organisation=f"org-{n % 40}", line=n)
        for n in range(count)
    ]


def test_a_comment_too_long_for_github_is_shortened_and_says_how_much_is_left_out() -> None:
    diff = result(repository(_many(3000)))
    markdown = render_markdown(diff, "sv")
    assert len(markdown.encode("utf-8")) <= COMMENT_LIMIT < 65_536
    seen = read(markdown)
    shown = sum(len(table) - 1 for table in seen.tables)
    last = markdown.rstrip("\n").splitlines()[-1]
    left_out = 3000 - shown
    assert left_out > 0
    assert last == (
        f"*Kommentaren är förkortad här: {left_out} ändringar och fynd till visas inte."
        " styr diff med --format text eller json visar allt.*"
    )
    # What is shown is the beginning, in order, each table whole to its last row shown.
    first_rows = [row[1] for row in seen.tables[0][1:3]]
    assert first_rows == [f"Målet ”{c.title}” lades till" for c in _many(3000)[:80:40]]


def test_without_a_limit_everything_is_written() -> None:
    markdown = render_markdown(result(repository(_many(3000))), "sv", limit=None)
    assert sum(len(table) - 1 for table in read(markdown).tables) == 3000
    assert "förkortad" not in markdown


def test_a_hostile_finding_stays_text_in_its_cell() -> None:
    hostile = FindingRecord("G0|1", "warning", "a|b.yaml", 1, 2, HOSTILE)
    markdown = render_markdown(result(repository([], findings=FindingsDelta([hostile]))), "sv")
    seen = read(markdown)
    (table,) = seen.tables
    assert table[1] == [
        "Ny varning",
        "G0|1",
        HOSTILE.replace("\n", " ").replace("\x1b", "\\u001b"),
        "helsingborg/a|b.yaml:1:2",
    ]
    assert not {"html_inline", "html_block", "code_inline", "link_open"} & seen.types()
    assert "\x1b" not in markdown
