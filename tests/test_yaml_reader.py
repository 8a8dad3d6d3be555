"""The safe YAML reader: plain YAML 1.2 data, and a finding for everything else.

Each case is a snippet and the (code, line, column) of every finding, as in
yamllint's tests; lines and columns are 1-based, as an editor shows them.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path
from typing import Any

import pytest
from loader_helpers import FILE, Where, alias_bomb, leaves, parse, same, where

import styr.load.limits
from styr.findings import Finding, Severity
from styr.load import Document, load_document
from styr.load.limits import MAX_DEPTH
from styr.rules.loading import RULES

BY_CODE = {rule.code: rule for rule in RULES}

# ------------------------------------------------------------------ valid data

VALID: list[Any] = [
    pytest.param("kind: goal\n", {"kind": "goal"}, id="string"),
    pytest.param("namn: Nämnd för äldreomsorg\n", {"namn": "Nämnd för äldreomsorg"}, id="swedish"),
    pytest.param("mål: Öka\n", {"mål": "Öka"}, id="swedish-key"),
    pytest.param(
        "num: 42\nneg: -7\nplus: +12\nzero: 0\nminus-zero: -0\nyear: 2026\n",
        {"num": 42, "neg": -7, "plus": 12, "zero": 0, "minus-zero": 0, "year": 2026},
        id="ints",
    ),
    pytest.param("h: 0x1F\n", {"h": 31}, id="hex"),
    pytest.param(
        "f: 1.5\ng: -0.25\nd: .5\ne: 1.0e+3\nsmall: 0.0126\nx: 2.5E-2\nz: 5.\n",
        {"f": 1.5, "g": -0.25, "d": 0.5, "e": 1000.0, "small": 0.0126, "x": 0.025, "z": 5.0},
        id="floats",
    ),
    pytest.param(
        "budget: 999999999999999\nshare: 0.000000000000001\n",
        {"budget": 999_999_999_999_999, "share": 1e-15},
        id="numbers-at-the-size-limit",
    ),
    pytest.param(
        "a: true\nb: True\nc: TRUE\nd: false\ne: False\nf: FALSE\n",
        {"a": True, "b": True, "c": True, "d": False, "e": False, "f": False},
        id="bools",
    ),
    pytest.param(
        "a: null\nb: ~\nc:\nd: Null\ne: NULL\n",
        {"a": None, "b": None, "c": None, "d": None, "e": None},
        id="nulls",
    ),
    pytest.param(
        "a: yellow\nb: nothing\nc: offside\nd: onward\ne: True story\nf: Nej\n",
        {
            "a": "yellow",
            "b": "nothing",
            "c": "offside",
            "d": "onward",
            "e": "True story",
            "f": "Nej",
        },
        id="words-starting-like-booleans",
    ),
    pytest.param('kod: "0126"\n', {"kod": "0126"}, id="double-quoted-0126"),
    pytest.param("kod: '0126'\n", {"kod": "0126"}, id="single-quoted-0126"),
    pytest.param("kod: !!str 0126\n", {"kod": "0126"}, id="str-tag-0126"),
    pytest.param("svar: !!str no\n", {"svar": "no"}, id="str-tag-no"),
    pytest.param("d: !!str 2024-03-12\n", {"d": "2024-03-12"}, id="str-tag-date"),
    pytest.param(
        'svar: "no"\nd: "2024-03-12"\ntid: "1:20"\n"on": "yes"\n',
        {"svar": "no", "d": "2024-03-12", "tid": "1:20", "on": "yes"},
        id="quoted-yaml11-words",
    ),
    pytest.param(
        "a: !!int 12\nb: !!float 1\nc: !!null ~\nd: !!bool true\ne: !!float 2.5\n",
        {"a": 12, "b": 1.0, "c": None, "d": True, "e": 2.5},
        id="core-tags",
    ),
    pytest.param("a: !!map {b: 1}\nc: !!seq [1]\n", {"a": {"b": 1}, "c": [1]}, id="map-seq-tags"),
    pytest.param("a: |\n  0126\n  no\n", {"a": "0126\nno\n"}, id="literal-block"),
    pytest.param("a: >-\n  1:20\n  2024-03-12\n", {"a": "1:20 2024-03-12"}, id="folded-block"),
    pytest.param(
        "{a: [1, two, 3.0], b: {c: ~}}\n",
        {"a": [1, "two", 3.0], "b": {"c": None}},
        id="flow",
    ),
    pytest.param(
        "goals:\n  - title: Fler elever\n    year: 2026\n  - title: Trygghet\n",
        {"goals": [{"title": "Fler elever", "year": 2026}, {"title": "Trygghet"}]},
        id="block-list-of-mappings",
    ),
    pytest.param("a: []\nb: {}\nc: ''\n", {"a": [], "b": {}, "c": ""}, id="empty-collections"),
    pytest.param("a: 1\r\nb: x\r\n", {"a": 1, "b": "x"}, id="crlf"),
    pytest.param("---\na: 1\n", {"a": 1}, id="explicit-document-start"),
    pytest.param("a: 1\n...\n", {"a": 1}, id="document-end-marker"),
    pytest.param("a: 1\nb:\n  a: 2\n", {"a": 1, "b": {"a": 2}}, id="same-key-other-mapping"),
    pytest.param("a: [1,\t2]\nb: x\ty\nc:\t3\n", {"a": [1, 2], "b": "x\ty", "c": 3}, id="tabs-ok"),
    pytest.param("x: 12:61\n", {"x": "12:61"}, id="not-base-60"),
    pytest.param("- a\n- 1\n- [b]\n", ["a", 1, ["b"]], id="top-level-list"),
    pytest.param('""\n', "", id="top-level-empty-string"),
]


@pytest.mark.parametrize(("text", "data"), VALID)
def test_valid_yaml_reads_as_plain_yaml12_data(text: str, data: Any) -> None:
    document = parse(text)
    assert where(document) == []
    assert same(document.data, data), document.data
    assert document.text == text


def test_str_tag_keeps_leading_zero_as_text_without_finding() -> None:
    document = parse("kommunkod: !!str 0126\n")
    assert document.findings == []
    assert document.data["kommunkod"] == "0126"
    assert isinstance(document.data["kommunkod"], str)


# ------------------------------------------------------------------ findings

FINDINGS: list[Any] = [
    # Y005 duplicate keys
    pytest.param("a: 1\na: 2\n", [("Y005", 2, 1)], {"a": 1}, id="Y005-top"),
    pytest.param(
        "a: 1\nb: 2\na: 3\na: 4\n",
        [("Y005", 3, 1), ("Y005", 4, 1)],
        {"a": 1, "b": 2},
        id="Y005-twice",
    ),
    pytest.param('a: 1\n"a": 2\n', [("Y005", 2, 1)], {"a": 1}, id="Y005-quoted-twin"),
    pytest.param("{a: 1, a: 2}\n", [("Y005", 1, 8)], {"a": 1}, id="Y005-flow"),
    pytest.param(
        "goals:\n  - title: x\n    title: y\n",
        [("Y005", 3, 5)],
        {"goals": [{"title": "x"}]},
        id="Y005-nested",
    ),
    # Y006 anchors and aliases
    pytest.param(
        "a: &x 1\nb: *x\n", [("Y006", 1, 4), ("Y006", 2, 4)], {"a": 1, "b": None}, id="Y006"
    ),
    pytest.param(
        "a: &x 1\nb: *x\nc: *x\n",
        [("Y006", 1, 4), ("Y006", 2, 4)],
        {"a": 1, "b": None, "c": None},
        id="Y006-first-alias-only",
    ),
    pytest.param(
        "a: &a [*a]\n", [("Y006", 1, 4), ("Y006", 1, 8)], {"a": [None]}, id="Y006-recursive"
    ),
    pytest.param(
        "base: &b {x: 1}\nother:\n  <<: *b\n",
        [("Y006", 1, 7), ("Y006", 3, 7)],
        {"base": {"x": 1}, "other": {"<<": None}},
        id="Y006-merge-key-not-merged",
    ),
    pytest.param("a: *nope\n", [("Y003", 1, 4), ("Y006", 1, 4)], None, id="Y006-undefined"),
    # Y007 tags: nothing is constructed
    pytest.param(
        "x: !!python/object/apply:os.system ['ls']\n",
        [("Y007", 1, 4)],
        {"x": None},
        id="Y007-apply",
    ),
    pytest.param(
        "x: !!python/object/apply:os.system\n  - ls\n",
        [("Y007", 1, 4)],
        {"x": None},
        id="Y007-apply-block",
    ),
    pytest.param("x: !!python/name:os.system\n", [("Y007", 1, 4)], {"x": None}, id="Y007-name"),
    pytest.param(
        "x: !!python/object/new:subprocess.Popen {args: [ls]}\n",
        [("Y007", 1, 4)],
        {"x": None},
        id="Y007-new",
    ),
    pytest.param(
        "x: !<tag:yaml.org,2002:python/object/apply:os.system> [ls]\n",
        [("Y007", 1, 4)],
        {"x": None},
        id="Y007-verbatim",
    ),
    pytest.param(
        "%TAG !p! tag:yaml.org,2002:python/\n---\nx: !p!object/apply:os.system [ls]\n",
        [("Y007", 3, 4)],
        {"x": None},
        id="Y007-tag-directive",
    ),
    pytest.param(
        "!!python/object/apply:os.system ['ls']\n", [("Y007", 1, 1)], None, id="Y007-root"
    ),
    pytest.param("x: !foo bar\n", [("Y007", 1, 4)], {"x": None}, id="Y007-custom-scalar"),
    pytest.param("x: !foo [1]\n", [("Y007", 1, 4)], {"x": None}, id="Y007-custom-seq"),
    pytest.param("x: !!binary aGVq\n", [("Y007", 1, 4)], {"x": None}, id="Y007-binary"),
    pytest.param("x: !!timestamp 2024-01-01\n", [("Y007", 1, 4)], {"x": None}, id="Y007-time"),
    pytest.param("x: !!set {a}\n", [("Y007", 1, 4)], {"x": None}, id="Y007-set"),
    pytest.param("x: !!int abc\n", [("Y007", 1, 4)], {"x": None}, id="Y007-int-not-int"),
    # Y008 non-string keys
    pytest.param("1: a\n", [("Y008", 1, 1)], {}, id="Y008-int"),
    pytest.param("[x]: b\n", [("Y008", 1, 1)], {}, id="Y008-flow-list"),
    pytest.param("? [a, b]\n: c\n", [("Y008", 1, 3)], {}, id="Y008-complex-key"),
    pytest.param("{a: 1}: b\n", [("Y008", 1, 1)], {}, id="Y008-mapping"),
    pytest.param("null: c\n", [("Y008", 1, 1)], {}, id="Y008-null"),
    pytest.param("~: c\n", [("Y008", 1, 1)], {}, id="Y008-tilde"),
    pytest.param("true: d\n", [("Y008", 1, 1)], {}, id="Y008-true"),
    pytest.param("1.5: e\n", [("Y008", 1, 1)], {}, id="Y008-float"),
    pytest.param("kind: goal\n2026: 80\n", [("Y008", 2, 1)], {"kind": "goal"}, id="Y008-year-key"),
    # Y009 ambiguous numbers, kept as text
    pytest.param(
        "kommunkod: 0126\n", [("Y009", 1, 12)], {"kommunkod": "0126"}, id="Y009-kommunkod"
    ),
    pytest.param("x: 0o17\n", [("Y009", 1, 4)], {"x": "0o17"}, id="Y009-0o"),
    pytest.param("x: 1_000\n", [("Y009", 1, 4)], {"x": "1_000"}, id="Y009-underscore"),
    pytest.param("x: 00\n", [("Y009", 1, 4)], {"x": "00"}, id="Y009-00"),
    pytest.param("x: -0126\n", [("Y009", 1, 4)], {"x": "-0126"}, id="Y009-negative"),
    pytest.param("x: 0128\n", [("Y009", 1, 4)], {"x": "0128"}, id="Y009-not-octal"),
    pytest.param("- 0126\n- '0126'\n", [("Y009", 1, 3)], ["0126", "0126"], id="Y009-list-item"),
    pytest.param("0126: x\n", [("Y009", 1, 1)], {"0126": "x"}, id="Y009-key"),
    # PyYAML reads `! 0126` as 86 and ruamel as 126: still ambiguous.
    pytest.param("kod: ! 0126\n", [("Y009", 1, 6)], {"kod": "0126"}, id="Y009-bang-tag"),
    # Y010 YAML 1.1 booleans, kept as text
    pytest.param("svar: no\n", [("Y010", 1, 7)], {"svar": "no"}, id="Y010-no"),
    pytest.param("on: yes\n", [("Y010", 1, 1), ("Y010", 1, 5)], {"on": "yes"}, id="Y010-on-yes"),
    pytest.param("x: Off\n", [("Y010", 1, 4)], {"x": "Off"}, id="Y010-Off"),
    pytest.param("x: y\n", [("Y010", 1, 4)], {"x": "y"}, id="Y010-y"),
    pytest.param("N: 1\n", [("Y010", 1, 1)], {"N": 1}, id="Y010-N-key"),
    pytest.param("- YES\n- n\n", [("Y010", 1, 3), ("Y010", 2, 3)], ["YES", "n"], id="Y010-list"),
    # Y011 dates and timestamps, kept as text
    pytest.param(
        "adopted: 2024-03-12\n", [("Y011", 1, 10)], {"adopted": "2024-03-12"}, id="Y011-date"
    ),
    pytest.param(
        "t: 2024-03-12T10:00:00Z\n",
        [("Y011", 1, 4)],
        {"t": "2024-03-12T10:00:00Z"},
        id="Y011-timestamp",
    ),
    pytest.param(
        "t: 2024-03-12 10:00:00\n",
        [("Y011", 1, 4)],
        {"t": "2024-03-12 10:00:00"},
        id="Y011-space-timestamp",
    ),
    pytest.param(
        "t: 2024-03-12t10:00:00.5+01:00\n",
        [("Y011", 1, 4)],
        {"t": "2024-03-12t10:00:00.5+01:00"},
        id="Y011-offset-timestamp",
    ),
    pytest.param("2024-03-12: x\n", [("Y011", 1, 1)], {"2024-03-12": "x"}, id="Y011-key"),
    # Y012 base 60, kept as text
    pytest.param("tid: 1:20\n", [("Y012", 1, 6)], {"tid": "1:20"}, id="Y012"),
    pytest.param("x: 1:2:3\n", [("Y012", 1, 4)], {"x": "1:2:3"}, id="Y012-three-parts"),
    pytest.param("x: 190:20:30\n", [("Y012", 1, 4)], {"x": "190:20:30"}, id="Y012-large"),
    pytest.param("x: -1:20\n", [("Y012", 1, 4)], {"x": "-1:20"}, id="Y012-negative"),
    pytest.param("x: 1:20.5\n", [("Y012", 1, 4)], {"x": "1:20.5"}, id="Y012-float"),
    # Y004 tabs as indentation
    pytest.param("a:\n\tb: 1\n", [("Y004", 2, 1)], None, id="Y004-nested"),
    pytest.param("\ta: 1\n", [("Y004", 1, 1)], None, id="Y004-first-line"),
    pytest.param("a:\n  b: 1\n\tc: 2\n", [("Y004", 3, 1)], None, id="Y004-sibling"),
    pytest.param("a:\n  - x\n\t- y\n", [("Y004", 3, 1)], None, id="Y004-list"),
    pytest.param("a:\n \tb: 1\n", [("Y004", 2, 2)], None, id="Y004-after-space"),
    pytest.param("a: |\n\tline\n", [("Y004", 2, 1)], None, id="Y004-block-scalar"),
    # Y003 syntax errors, where the parser stopped
    pytest.param("a: [1, 2\n", [("Y003", 2, 1)], None, id="Y003-unclosed-bracket"),
    pytest.param("a: {b: 1\n", [("Y003", 2, 1)], None, id="Y003-unclosed-brace"),
    pytest.param("- [a, b\n- c\n", [("Y003", 3, 1)], None, id="Y003-unclosed-in-list"),
    # An unclosed quote is reported where it opens, a line without its colon where it starts.
    pytest.param("a: 'abc\n", [("Y003", 1, 4)], None, id="Y003-unclosed-single-quote"),
    pytest.param('a: "abc\n', [("Y003", 1, 4)], None, id="Y003-unclosed-double-quote"),
    pytest.param('key: "unterminated\nnext: 1\n', [("Y003", 1, 6)], None, id="Y003-quote-runs-on"),
    pytest.param("a: 1\nb\nc: 2\n", [("Y003", 2, 1)], None, id="Y003-line-without-colon"),
    pytest.param("a:\n  b: 1\n c: 2\n", [("Y003", 3, 2)], None, id="Y003-dedent"),
    pytest.param("a: 1\n  b: 2\n", [("Y003", 2, 4)], None, id="Y003-over-indent"),
    pytest.param("- a\nb: c\n", [("Y003", 2, 1)], None, id="Y003-list-then-map"),
    pytest.param("a: b: c\n", [("Y003", 1, 5)], None, id="Y003-colon-in-value"),
    pytest.param('a: "x"y\n', [("Y003", 1, 7)], None, id="Y003-after-quote"),
    # Y013 document count
    pytest.param("a: 1\n---\nb: 2\n", [("Y013", 2, 1)], None, id="Y013-two"),
    pytest.param("a: 1\n---\n", [("Y013", 2, 1)], None, id="Y013-trailing-separator"),
    pytest.param("---\na: 1\n---\nb: 2\n", [("Y013", 3, 1)], None, id="Y013-two-explicit"),
    pytest.param("a: 1\n---\nb: 2\n---\nc: 3\n", [("Y013", 2, 1)], None, id="Y013-three"),
    pytest.param("", [("Y013", 1, 1)], None, id="Y013-empty"),
    pytest.param("# bara en kommentar\n", [("Y013", 1, 1)], None, id="Y013-comment-only"),
    pytest.param("# a\n\n# b\n", [("Y013", 1, 1)], None, id="Y013-comments"),
    pytest.param("   \n\n", [("Y013", 1, 1)], None, id="Y013-blank"),
    # Y001 NUL bytes
    pytest.param("a: x\x00y\n", [("Y001", 1, 5)], None, id="Y001-nul"),
    pytest.param("a: 1\nb: \x00\n", [("Y001", 2, 4)], None, id="Y001-nul-line-2"),
    pytest.param("\x00", [("Y001", 1, 1)], None, id="Y001-nul-only"),
    pytest.param("å: \x00\n", [("Y001", 1, 4)], None, id="Y001-nul-after-å"),
    # Column counting with Swedish letters (and one astral character)
    pytest.param("å: 0126\n", [("Y009", 1, 4)], {"å": "0126"}, id="sv-Y009"),
    pytest.param("åäö: no\n", [("Y010", 1, 6)], {"åäö": "no"}, id="sv-Y010"),
    pytest.param(
        "mål: [Öka, 2024-01-01]\n",
        [("Y011", 1, 12)],
        {"mål": ["Öka", "2024-01-01"]},
        id="sv-Y011-flow",
    ),
    pytest.param(
        "namn: Nämnd\ntid: 1:20\n",
        [("Y012", 2, 6)],
        {"namn": "Nämnd", "tid": "1:20"},
        id="sv-Y012-line-2",
    ),
    pytest.param(
        "förvaltning: Äldre\nmål: Öka\nmål: Minska\n",
        [("Y005", 3, 1)],
        {"förvaltning": "Äldre", "mål": "Öka"},
        id="sv-Y005",
    ),
    pytest.param(
        "ändrad: &x 1\nåter: *x\n",
        [("Y006", 1, 9), ("Y006", 2, 7)],
        {"ändrad": 1, "åter": None},
        id="sv-Y006",
    ),
    pytest.param("åå: !foo x\n", [("Y007", 1, 5)], {"åå": None}, id="sv-Y007"),
    pytest.param("åäö: x\n  y: 1\n", [("Y003", 2, 4)], None, id="sv-Y003"),
    pytest.param("ö: x\nb:\n  c: 1\n\td: 2\n", [("Y004", 4, 1)], None, id="sv-Y004"),
    pytest.param("😀: 0126\n", [("Y009", 1, 4)], {"😀": "0126"}, id="astral-Y009"),
    pytest.param("a: 1\r\nb: 0126\r\n", [("Y009", 2, 4)], {"a": 1, "b": "0126"}, id="crlf-Y009"),
    pytest.param("a: 1\rb: 0126\r", [("Y009", 2, 4)], {"a": 1, "b": "0126"}, id="cr-Y009"),
    # Loader bugs, once reported and now fixed, and two still open (marked).
    pytest.param(
        "---\n",
        [("Y013", 1, 1)],
        None,
        id="document-start-only",
    ),
    pytest.param(
        "--- # tom\n",
        [("Y013", 1, 1)],
        None,
        id="document-start-and-comment",
    ),
    pytest.param(
        "a: 1\nb: \x07\n",
        [("Y003", 2, 4)],
        None,
        id="control-character-position",
    ),
    pytest.param(
        "tid: 08:30\n",
        [],
        {"tid": "08:30"},
        id="08:30-is-text-in-yaml11",
    ),
    pytest.param(
        "x: 0b101\n",
        [("Y009", 1, 4)],
        {"x": "0b101"},
        id="0b101-is-5-in-yaml11",
    ),
    pytest.param(
        "&x a: 1\n*x : 2\n",
        [("Y005", 2, 1), ("Y006", 1, 1), ("Y006", 2, 1)],
        {"a": 1},
        id="aliased-duplicate-key-position",
    ),
    pytest.param(
        "titel: Fler\u2028elever\nkod: 0126\n",
        [("Y009", 2, 6)],
        {"titel": "Fler\u2028elever", "kod": "0126"},
        id="line-separator-is-a-line-break",
    ),
]


@pytest.mark.parametrize(("text", "expected", "data"), FINDINGS)
def test_findings_at_their_place(text: str, expected: list[Where], data: Any) -> None:
    document = parse(text)
    assert where(document) == sorted(expected)
    assert same(document.data, data), document.data
    assert all(finding.file == FILE for finding in document.findings)


@pytest.mark.parametrize("text", ["~\n", "null\n", "---\n~\n"])
def test_a_null_document_is_reported(text: str) -> None:
    document = parse(text)
    assert document.findings


def test_every_finding_code_is_a_declared_loading_rule_with_its_severity() -> None:
    for param in FINDINGS:
        for finding in parse(param.values[0]).findings:
            rule = BY_CODE[finding.code]
            assert finding.severity == rule.severity
            expected = Severity.WARNING if finding.code == "Y011" else Severity.ERROR
            assert finding.severity == expected, finding


# ------------------------------------------------------------------ parameters


def test_duplicate_key_names_the_first_line() -> None:
    document = parse("goals:\n  - title: x\n    id: m1\n    title: y\n")
    [finding] = document.findings
    assert (finding.code, finding.line, finding.column) == ("Y005", 4, 5)
    assert finding.params == {"key": "title", "first_line": 2}
    assert "2" in BY_CODE["Y005"].render(finding, "en")


def test_duplicate_key_keeps_the_first_value() -> None:
    document = parse("mål: först\nmål: sedan\n")
    assert document.data == {"mål": "först"}
    assert document.findings[0].params["first_line"] == 1


@pytest.mark.parametrize(
    ("text", "code", "value", "shown"),
    [
        pytest.param("kommunkod: 0126\n", "Y009", "0126", "86", id="octal-86"),
        pytest.param("x: -0126\n", "Y009", "-0126", "-86", id="negative-octal"),
        pytest.param("x: 1_000\n", "Y009", "1_000", "1000", id="underscore"),
        pytest.param("x: 0o17\n", "Y009", "0o17", "'0o17'", id="0o-is-text-in-yaml11"),
        pytest.param("tid: 1:20\n", "Y012", "1:20", "80", id="base60-80"),
        pytest.param("x: 1:2:3\n", "Y012", "1:2:3", "3723", id="base60-3723"),
        pytest.param("x: 1:20.5\n", "Y012", "1:20.5", "80.5", id="base60-float"),
    ],
)
def test_number_messages_show_what_yaml11_reads(
    text: str, code: str, value: str, shown: str
) -> None:
    [finding] = parse(text).findings
    assert finding.code == code
    assert finding.params["value"] == value
    for language in ("sv", "en"):
        message = BY_CODE[code].render(finding, language)
        assert shown in message, message
        assert f'"{value}"' in message, message


@pytest.mark.parametrize(
    ("text", "value", "meaning"),
    [
        ("svar: no\n", "no", "false"),
        ("x: Off\n", "Off", "false"),
        ("x: yes\n", "yes", "true"),
        ("ON: 1\n", "ON", "true"),
    ],
)
def test_boolean_messages_say_what_yaml11_reads(text: str, value: str, meaning: str) -> None:
    [finding] = parse(text).findings
    assert finding.code == "Y010"
    assert finding.params["value"] == value
    assert meaning in BY_CODE["Y010"].render(finding, "en")


def test_unquoted_date_is_only_a_warning_and_kept_as_text() -> None:
    document = parse("adopted: 2024-03-12\n")
    [finding] = document.findings
    assert finding.code == "Y011"
    assert finding.severity is Severity.WARNING
    assert document.data == {"adopted": "2024-03-12"}
    assert isinstance(document.data["adopted"], str)


@pytest.mark.parametrize(
    ("text", "key", "type_word"),
    [
        ("1: a\n", "1", "integer"),
        ("null: c\n", "null", "null"),
        ("true: d\n", "true", "boolean"),
        ("1.5: e\n", "1.5", "float"),
        ("[x]: b\n", "…", "list or mapping"),
    ],
)
def test_non_string_key_message_names_key_and_type(text: str, key: str, type_word: str) -> None:
    [finding] = parse(text).findings
    assert finding.code == "Y008"
    assert finding.params["key"] == key
    assert type_word in BY_CODE["Y008"].render(finding, "en")


# ------------------------------------------------------------------ paths inside the document


@pytest.mark.parametrize(
    ("text", "code", "path"),
    [
        pytest.param(
            "goals:\n  - title: x\n    title: y\n",
            "Y005",
            ("goals", 0, "title"),
            id="duplicate",
        ),
        pytest.param(
            "goals:\n  - title: Öka\n    targets:\n      - year: 2026\n        code: 0126\n",
            "Y009",
            ("goals", 0, "targets", 0, "code"),
            id="deep-value",
        ),
        pytest.param("a:\n  - [x, no]\n", "Y010", ("a", 0, 1), id="flow-in-block"),
        pytest.param(
            "goals:\n  - title: !foo x\n", "Y007", ("goals", 0, "title"), id="tag-in-list"
        ),
        pytest.param("- - - 1:20\n", "Y012", (0, 0, 0), id="nested-lists"),
        pytest.param("tid: 1:20\n", "Y012", ("tid",), id="top-level"),
        # A key's finding belongs to the mapping that holds the key.
        pytest.param("goals:\n  - 1: x\n", "Y008", ("goals", 0), id="key-in-list"),
        pytest.param("a:\n  on: x\n", "Y010", ("a",), id="boolean-key"),
    ],
)
def test_finding_path_inside_the_document(text: str, code: str, path: tuple[Any, ...]) -> None:
    [finding] = parse(text).findings
    assert finding.code == code
    assert finding.path == path


def test_finding_path_reads_as_dotted_path() -> None:
    [finding] = parse("goals:\n  - title: x\n    title: y\n").findings
    assert finding.dotted_path == "goals[0].title"


# ------------------------------------------------------------------ hostile input


def test_alias_bomb_finishes_fast_and_is_not_expanded() -> None:
    text = alias_bomb(9, 9)
    start = time.perf_counter()
    document = parse(text)
    assert time.perf_counter() - start < 2.0
    assert {f.code for f in document.findings} == {"Y006"}
    # One anchor and one first alias per level: a0 has no alias, a8 no use.
    assert len(document.findings) == 9 + 8
    assert document.data["a0"] == ["lol"] * 9
    for level in range(1, 9):
        assert document.data[f"a{level}"] == [None] * 9
    # 9**9 "lol"s expanded would be 387 420 489 leaves; we hold 9 + 8 * 9.
    assert leaves(document.data) == 9 + 8 * 9


def test_recursive_alias_does_not_recurse() -> None:
    document = parse("a: &a [*a]\nb: &b {self: *b}\n")
    assert document.data == {"a": [None], "b": {"self": None}}
    assert where(document) == [("Y006", 1, 4), ("Y006", 1, 8), ("Y006", 2, 4), ("Y006", 2, 14)]


@pytest.mark.parametrize(
    "text",
    [
        "x: !!python/object/apply:os.system ['ls']\n",
        "x: !!python/object/apply:os.system\n  args: ['ls']\n",
        "x: !!python/name:os.system\n",
        "!!python/object/apply:os.system ['ls']\n",
        "x: !!python/object/apply:os.system [!!python/object/apply:os.system [ls]]\n",
    ],
)
def test_python_tags_construct_nothing(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []

    def system(*args: Any) -> int:
        calls.append(args)
        return 0

    monkeypatch.setattr(os, "system", system)
    document = parse(text)
    assert calls == []
    assert [f.code for f in document.findings] == ["Y007"]
    assert document.findings[0].params["tag"].startswith("!!python/")
    assert document.data in (None, {"x": None})


def _block_nesting(levels: int) -> str:
    return "".join(" " * level + f"k{level}:\n" for level in range(levels)) + " " * levels + "x\n"


# Where each text first opens a level past MAX_DEPTH (64): the finding points there.
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        pytest.param("[" * 100_000, 1, 65, id="flow-100000-unclosed"),
        pytest.param("[" * 100_000 + "]" * 100_000 + "\n", 1, 65, id="flow-100000-closed"),
        pytest.param(
            "{a: " * 100_000 + "1" + "}" * 100_000 + "\n", 1, 257, id="flow-mapping-100000"
        ),
        pytest.param("- " * 50_000 + "x\n", 1, 129, id="compact-list-50000"),
        pytest.param(_block_nesting(5_000), 65, 65, id="block-5000"),
        pytest.param("a: " + "[" * 100_000 + "\n", 1, 68, id="flow-100000-under-key"),
        pytest.param("kind: organisation\n" + "- " * 5_000 + "x\n", 2, 129, id="on-line-2"),
    ],
)
def test_deep_nesting_is_refused_without_crash(text: str, line: int, column: int) -> None:
    start = time.perf_counter()
    document = parse(text)
    assert time.perf_counter() - start < 5.0
    assert where(document) == [("Y014", line, column)]
    assert document.data is None
    assert document.findings[0].params == {"limit": MAX_DEPTH}


@pytest.mark.parametrize(
    ("make", "levels", "code"),
    [
        pytest.param(lambda n: "[" * n + "]" * n, MAX_DEPTH, None, id="flow-at-limit"),
        pytest.param(lambda n: "[" * n + "]" * n, MAX_DEPTH + 1, "Y014", id="flow-over"),
        pytest.param(lambda n: "{a: " * n + "1" + "}" * n, MAX_DEPTH, None, id="map-at-limit"),
        pytest.param(lambda n: "{a: " * n + "1" + "}" * n, MAX_DEPTH + 1, "Y014", id="map-over"),
        pytest.param(_block_nesting, MAX_DEPTH, None, id="block-at-limit"),
        pytest.param(_block_nesting, MAX_DEPTH + 1, "Y014", id="block-over"),
        pytest.param(lambda n: "- " * n + "x\n", MAX_DEPTH, None, id="list-at-limit"),
        pytest.param(lambda n: "- " * n + "x\n", MAX_DEPTH + 1, "Y014", id="list-over"),
    ],
)
def test_nesting_limit_is_exact(make: Any, levels: int, code: str | None) -> None:
    document = parse(make(levels))
    assert [f.code for f in document.findings] == ([code] if code else [])
    assert (document.data is None) == (code is not None)


# ------------------------------------------------------------------ files on disk


def test_load_document_reads_a_file(tmp_path: Path) -> None:
    file = tmp_path / "mål.yaml"
    file.write_text("namn: Nämnd\nkod: 0126\n", encoding="utf-8")
    document = load_document(file)
    assert document.file == file
    assert document.data == {"namn": "Nämnd", "kod": "0126"}
    assert [(f.code, f.file, f.line, f.column) for f in document.findings] == [("Y009", file, 2, 6)]


def test_too_large_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(styr.load.limits, "MAX_FILE_BYTES", 16)
    file = tmp_path / "stor.yaml"
    file.write_bytes(b"a: " + b"x" * 30 + b"\n")
    document = load_document(file)
    assert document.data is None
    assert [(f.code, f.file, f.line, f.column) for f in document.findings] == [("Y001", file, 1, 1)]
    reason = document.findings[0].params["reason"]
    assert "34" in reason and "16" in reason


def test_file_exactly_at_the_size_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = tmp_path / "lagom.yaml"
    file.write_bytes(b"a: 1\n")
    monkeypatch.setattr(styr.load.limits, "MAX_FILE_BYTES", 5)
    document = load_document(file)
    assert document.findings == []
    assert document.data == {"a": 1}


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda root: root / "saknas.yaml", id="missing"),
        pytest.param(lambda root: root, id="directory"),
        pytest.param(lambda root: root / "nope" / "deeper.yaml", id="missing-parent"),
    ],
)
def test_unreadable_path_is_a_finding(tmp_path: Path, make: Any) -> None:
    path = make(tmp_path)
    document = load_document(path)
    assert document.data is None
    assert document.text is None
    assert [(f.code, f.file, f.line, f.column) for f in document.findings] == [("Y001", path, 1, 1)]
    assert document.findings[0].params["reason"]


def test_binary_file_on_disk_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "bild.yaml"
    file.write_bytes(b"a: 1\n\x00\x01\x02")
    assert where(load_document(file)) == [("Y001", 2, 1)]


# ------------------------------------------------------------------ Document.locate

LOCATE_TEXT = """\
# rubrik
kind: goal
goals:
  - title: Fler elever
    indicators: [N15419, "N15504"]
  - title: Trygghet för äldre
    'quoted key': x
    mål: {år: 2026}
"""


@pytest.mark.parametrize(
    ("path", "key", "position"),
    [
        pytest.param((), False, (2, 1), id="root-after-comment"),
        pytest.param(("kind",), False, (2, 7), id="value"),
        pytest.param(("kind",), True, (2, 1), id="key"),
        pytest.param(("goals",), False, (4, 3), id="list-value"),
        pytest.param(("goals",), True, (3, 1), id="list-key"),
        pytest.param(("goals", 0), False, (4, 5), id="list-item"),
        pytest.param(("goals", 0, "title"), False, (4, 12), id="nested-value"),
        pytest.param(("goals", 0, "title"), True, (4, 5), id="nested-key"),
        pytest.param(("goals", 1, "title"), False, (6, 12), id="second-item"),
        pytest.param(("goals", 0, "indicators", 1), False, (5, 26), id="flow-item"),
        pytest.param(("goals", 0, "indicators", 1), True, (5, 26), id="flow-item-key-flag"),
        pytest.param(("goals", 1, "quoted key"), True, (7, 5), id="quoted-key"),
        pytest.param(("goals", 1, "quoted key"), False, (7, 19), id="quoted-key-value"),
        pytest.param(("goals", 1, "mål", "år"), False, (8, 15), id="swedish-value"),
        pytest.param(("goals", 1, "mål", "år"), True, (8, 11), id="swedish-key"),
        # A path that is not there falls back to the deepest part that is.
        pytest.param(("missing",), False, (2, 1), id="missing-top"),
        pytest.param(("missing",), True, (2, 1), id="missing-top-key"),
        pytest.param(("goals", 5, "title"), False, (4, 3), id="index-out-of-range"),
        pytest.param(("goals", -1), False, (4, 3), id="negative-index"),
        pytest.param(("goals", 1, "nope"), True, (6, 5), id="missing-key-in-item"),
        pytest.param(("goals", "x"), False, (4, 3), id="string-into-list"),
        pytest.param(("kind", "x"), False, (2, 7), id="into-a-scalar"),
    ],
)
def test_locate(path: tuple[Any, ...], key: bool, position: tuple[int, int]) -> None:
    document = parse(LOCATE_TEXT)
    assert document.findings == []
    assert document.locate(path, key=key) == position


def test_locate_matches_the_finding_position() -> None:
    document = parse("goals:\n  - title: Öka\n    targets:\n      - code: 0126\n")
    [finding] = document.findings
    assert document.locate(finding.path) == (finding.line, finding.column) == (4, 15)
    assert document.locate(finding.path, key=True) == (4, 9)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"a: [1, 2\n", id="syntax-error"),
        pytest.param(b"a: 1\n---\nb: 2\n", id="two-documents"),
        pytest.param("a: Nämnd\n".encode("latin-1"), id="not-utf8"),
        pytest.param(b"a: \x00\n", id="binary"),
        pytest.param(b"", id="empty"),
    ],
)
def test_locate_in_a_file_that_did_not_load_gives_the_start(raw: bytes) -> None:
    document = parse(raw)
    assert document.findings
    assert document.locate(("a",)) == (1, 1)
    assert document.locate(("a", 0), key=True) == (1, 1)


def test_locate_composes_again_after_forget_positions() -> None:
    document = parse("a:\n  b: 1\n")
    assert document.locate(("a", "b")) == (2, 6)
    document.forget_positions()
    assert document.locate(("a", "b"), key=True) == (2, 3)


def test_locate_on_a_document_built_without_text() -> None:
    document = Document(FILE, {"a": 1})
    assert document.locate(("a",)) == (1, 1)


# ------------------------------------------------------------------ rendering

# One or more real cases per loading rule, so that every message is rendered
# with the parameters the loader actually passes.
RENDER_SAMPLES: list[str | bytes] = [
    "a: x\x00y\n",
    "namn: Nämnd\n".encode("latin-1"),
    b"a: \x81\n",
    b"\xff\xfe\x00\x00a\x00\x00\x00",
    b"\xff\xfea\x00\x00\xd8",
    "a: [1, 2\n",
    "a: {b: 1\n",
    "a: b: c\n",
    "a: *nope\n",
    "a:\n\tb: 1\n",
    "a: 1\na: 2\n",
    "a: &x 1\nb: *x\n",
    "x: !!python/name:os.system\n",
    "x: !foo bar\n",
    "1: a\n[x]: b\nnull: c\ntrue: d\n1.5: e\n",
    "kommunkod: 0126\nx: 0o17\ny: 1_000\n",
    "svar: no\non: yes\n",
    "adopted: 2024-03-12\n",
    "tid: 1:20\n",
    "a: 1\n---\nb: 2\n",
    "",
    "[" * 1000,
    "title: Färre brott #1 prioritet\n",
    "value: 1" + "0" * 400 + "\n",
    "value: 1e5\n",
    "title: Trygg\u202ehet\n",
]


def _sample_findings() -> list[Finding]:
    return [finding for sample in RENDER_SAMPLES for finding in parse(sample).findings]


def _disk_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Finding]:
    file = tmp_path / "f.yaml"
    file.write_bytes(b"a: 1234567890\n")
    monkeypatch.setattr(styr.load.limits, "MAX_FILE_BYTES", 4)
    found = load_document(file).findings + load_document(tmp_path / "saknas.yaml").findings
    return found + load_document(tmp_path).findings


def test_render_samples_cover_every_loading_rule() -> None:
    assert {f.code for f in _sample_findings()} == set(BY_CODE)


PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_loading_message_renders_without_placeholders(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = _sample_findings() + _disk_findings(tmp_path, monkeypatch)
    rendered_codes = set()
    for finding in findings:
        rule = BY_CODE[finding.code]
        message = rule.render(finding, language)
        assert PLACEHOLDER.search(message) is None, (finding, message)
        assert message.strip()
        if PLACEHOLDER.search(rule.message_in(language)):
            # Rendering fell back to the raw template if this fails.
            assert message != rule.message_in(language)
        for name in ("value", "key", "tag", "reason", "problem"):
            if name in finding.params and name in rule.message_in(language):
                # A value given per language (`reason`, `reason_en`) is shown in its language.
                shown = finding.params.get(f"{name}_{language}", finding.params[name])
                assert str(shown) in message, (finding, message)
        rendered_codes.add(finding.code)
    assert rendered_codes == set(BY_CODE)


@pytest.mark.parametrize("code", sorted(BY_CODE))
def test_swedish_and_english_messages_differ(code: str) -> None:
    finding = next(f for f in _sample_findings() if f.code == code)
    rule = BY_CODE[code]
    assert rule.render(finding, "sv") != rule.render(finding, "en")


ENGLISH_WORDS = re.compile(r"\b(integer|boolean|float|list or mapping|the text|expected|found)\b")
SWEDISH_WORDS = re.compile(r"\b(texten|heltal|decimaltal|lista|sant|falskt|filen|tecknet)\b")


def test_each_language_reads_its_own_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    findings = _sample_findings() + _disk_findings(tmp_path, monkeypatch)
    findings += parse("x: 0o17\n[a]: 1\n2: b\n").findings
    for finding in findings:
        rule = BY_CODE[finding.code]
        swedish, english = rule.render(finding, "sv"), rule.render(finding, "en")
        assert ENGLISH_WORDS.search(swedish) is None, swedish
        assert SWEDISH_WORDS.search(english) is None, english
