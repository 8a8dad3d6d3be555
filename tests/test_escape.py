"""The one escaping function per output format: terminal, GitHub commands, JSON, anchors."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

from styr.escape import (
    anchor_slug,
    json_text,
    one_line,
    terminal,
    workflow_data,
    workflow_property,
)
from styr.report.anchors import Anchors, prefix_for

CONTROLS = [chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)]]
BIDI = [
    "\u061c",
    "\u200e",
    "\u200f",
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
]
SEPARATORS = ["\u2028", "\u2029"]
# Every code point there is, each alone and all in one text.
EVERY_CHARACTER = "".join(map(chr, range(0x110000)))
NEVER_RAW = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)


@pytest.mark.parametrize("character", CONTROLS + BIDI + SEPARATORS + ["\udcff"])
def test_terminal_shows_every_control_as_an_escape(character: str) -> None:
    shown = terminal(f"a{character}b")
    assert character not in shown
    assert shown.startswith("a\\") and shown.endswith("b")


def test_terminal_names_line_breaks_and_tabs_and_numbers_the_rest() -> None:
    assert terminal("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert terminal("\x1b]0;X\x07\x1b[2J") == "\\u001b]0;X\\u0007\\u001b[2J"
    assert terminal("abc\u202edef") == "abc\\u202edef"


def test_terminal_leaves_ordinary_text_alone() -> None:
    text = "Fler äldre ska vara nöjda med maten – 100 % (C:\\styr\\mål.yaml) 🙂"
    assert terminal(text) is text


def test_terminal_never_leaves_a_raw_control() -> None:
    shown = terminal(EVERY_CHARACTER)
    assert not NEVER_RAW.search(shown)
    shown.encode("utf-8")  # always writable


def test_one_line_joins_lines_and_escapes_what_is_left() -> None:
    assert one_line("Första raden\n  andra\x1b[2J\n\n") == "Första raden andra\\u001b[2J"


def test_workflow_data_escapes_as_github_documents_and_shows_other_controls() -> None:
    assert workflow_data("100% klart\r\nnästa") == "100%25 klart%0D%0Anästa"
    assert workflow_data("a\x1b[2J\u202eb") == "a\\u001b[2J\\u202eb"


def test_workflow_values_can_never_end_the_command_or_start_another() -> None:
    data, value = workflow_data(EVERY_CHARACTER), workflow_property(EVERY_CHARACTER)
    for escaped in (data, value):
        assert not NEVER_RAW.search(escaped)
        assert "\n" not in escaped and "\r" not in escaped
    assert ":" not in value and "," not in value


def test_a_file_name_with_a_newline_stays_inside_its_property() -> None:
    assert workflow_property("a\n::warning file=x::y.yaml") == (
        "a%0A%3A%3Awarning file=x%3A%3Ay.yaml"
    )


def test_json_text_writes_a_lone_surrogate_as_text() -> None:
    serialised = json.dumps({"file": "m\udcffl.yaml"}, ensure_ascii=False)
    safe = json_text(serialised)
    safe.encode("utf-8")
    assert json.loads(safe) == {"file": "m\\udcffl.yaml"}


def test_json_text_leaves_ordinary_json_alone() -> None:
    serialised = json.dumps({"file": "mål.yaml", "message": 'a "b" \\ c'}, ensure_ascii=False)
    assert json_text(serialised) is serialised


# Markdown anchors (D1)

HOSTILE_CODE = '"><img src=x onerror=alert(1)>'
SLUG = re.compile(r"[a-z0-9_.-]+")


def test_an_anchor_slug_holds_only_safe_characters() -> None:
    assert SLUG.fullmatch(anchor_slug(EVERY_CHARACTER))
    assert all(SLUG.fullmatch(anchor_slug(f"a{c}")) for c in EVERY_CHARACTER[:0x3000])


def test_anchor_slug_is_stable_and_readable() -> None:
    assert anchor_slug("SFN-mål 1") == "sfn-m-l-1"
    assert anchor_slug(HOSTILE_CODE) == "img-src-x-onerror-alert-1"
    assert anchor_slug("åäö") == "utan-id"
    assert anchor_slug("", "ingen") == "ingen"


def test_a_hostile_municipality_code_never_reaches_an_anchor() -> None:
    codes: list[str | None] = [HOSTILE_CODE, "1283"]
    assert prefix_for(codes, 0) == "r1-"
    assert prefix_for(codes, 1) == "k1283-"
    anchors = Anchors(prefix_for(codes, 0))
    assert SLUG.fullmatch(anchors.section("kommun"))


def test_every_anchor_is_a_slug_whatever_the_prefix_and_section() -> None:
    anchors = Anchors('x"><b>')
    for name in ("niva-<script>", 'a" onmouseover="x', ""):
        assert SLUG.fullmatch(anchors.section(name))


def test_many_elements_wanting_one_anchor_get_distinct_ones() -> None:
    anchors = Anchors()
    claimed = [anchors.section("utan-id") for _ in range(5)]
    assert claimed == ["utan-id", "utan-id-2", "utan-id-3", "utan-id-4", "utan-id-5"]
    assert anchors.section("utan-id-2") == "utan-id-2-2"


@pytest.mark.parametrize(
    "character",
    ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\U000e0001", "\u180e"],
    ids=["ZWSP", "ZWNJ", "ZWJ", "word-joiner", "BOM", "soft-hyphen", "language-tag", "MVS"],
)
def test_terminal_shows_every_invisible_format_character_as_an_escape(character: str) -> None:
    assert terminal(f"a{character}b") == f"a\\u{ord(character):04x}b"
    assert workflow_data(f"a{character}b") == f"a\\u{ord(character):04x}b"


def test_terminal_never_leaves_a_control_or_format_character_raw() -> None:
    shown = terminal(EVERY_CHARACTER)
    assert not [c for c in shown if unicodedata.category(c) in {"Cc", "Cf", "Cs", "Zl", "Zp"}]
