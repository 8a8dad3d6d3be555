"""YAML pitfalls found by the careful reader: cut texts, unusable numbers, floats, bidi controls.

Each case is a snippet and the (code, line, column) of every finding; the
fast reader must hand every such file to the careful reader and agree with it.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from loader_helpers import parse, same, where

from styr.load.fast_reader import read_plain
from styr.load.limits import MAX_NUMBER_DIGITS
from styr.load.scalars import core_value
from styr.rules.loading import BIDI_CONTROL, COMMENT_IN_TEXT, FLOAT_AS_TEXT, UNUSABLE_NUMBER

# ------------------------------------------------------------------ Y015 comment cuts a text

CUT_TEXTS = [
    pytest.param("title: Färre brott #1 prioritet\n", (1, 20), "Färre brott", id="title"),
    pytest.param("description: Mer  # se bilaga\n", (1, 19), "Mer", id="two-spaces"),
    pytest.param("name:\n  sv: Nämnd #2\n  en: Board\n", (2, 13), "Nämnd", id="swedish-name"),
    pytest.param(
        "goals:\n  - title: Öka #tryggheten\n    id: g-1\n", (2, 16), "Öka", id="in-a-list"
    ),
    pytest.param(
        "text: Första raden\n  andra raden # x\n",
        (2, 15),
        "Första raden andra raden",
        id="multi-line",
    ),
    pytest.param("title: 2026 #mål\n", (1, 13), 2026, id="number-in-a-text-field"),
]


@pytest.mark.parametrize(("text", "position", "kept"), CUT_TEXTS)
def test_a_comment_after_unquoted_free_text_is_reported(
    text: str, position: tuple[int, int], kept: Any
) -> None:
    document = parse(text)
    assert where(document) == [("Y015", *position)]
    [finding] = document.findings
    assert finding.severity is COMMENT_IN_TEXT.severity
    assert finding.params["value"] == str(kept)
    message = COMMENT_IN_TEXT.render(finding, "sv")
    assert "#" in message and "citattecken" in message
    assert "quotes" in COMMENT_IN_TEXT.render(finding, "en")
    assert read_plain(text) is None


NOT_CUT = [
    pytest.param('title: "Färre brott #1 prioritet"\n', id="double-quoted"),
    pytest.param("title: 'Färre brott #1 prioritet'\n", id="single-quoted"),
    pytest.param("title: Färre brott#1\n", id="no-blank-before-hash"),
    pytest.param("id: g-1  # first goal\n", id="after-an-id"),
    pytest.param("year: 2026  # the baseline year\n", id="after-a-year"),
    pytest.param("kind: organisation # board\n", id="after-a-kind"),
    pytest.param("contributes_to: [a, b] # links\n", id="after-a-flow-list"),
    pytest.param("values:\n  - id: oppenhet # first\n", id="after-an-id-in-a-list"),
    pytest.param("title: Trygghet  # styr: ignore[G002] beslutad rubrik\n", id="suppression"),
    pytest.param("# yaml-language-server: $schema=x.json\ntitle: Trygghet\n", id="schema-line"),
    pytest.param("title: >-\n  Färre brott #1 prioritet\n", id="folded-block-keeps-hash"),
    pytest.param("title: Trygghet\n# a comment line\n", id="comment-on-its-own-line"),
]


@pytest.mark.parametrize("text", NOT_CUT)
def test_no_comment_finding_where_nothing_is_cut_from_a_text(text: str) -> None:
    assert "Y015" not in [code for code, _, _ in where(parse(text))]


def test_the_cut_text_is_what_the_data_holds() -> None:
    document = parse("title: Färre brott #1 prioritet\n")
    assert document.data == {"title": "Färre brott"}
    assert document.findings[0].params["comment"] == "1 prioritet"


# ------------------------------------------------------------------ Y016 unusable numbers

HUGE = "1" + "0" * 400

UNUSABLE = [
    pytest.param(f"value: {HUGE}\n", (1, 8), f"{HUGE}", id="400-zeros"),
    pytest.param("kind: 1" + "0" * 5000 + "\n", (1, 7), "1" + "0" * 5000, id="5000-zeros"),
    pytest.param(f"value: -{HUGE}\n", (1, 8), f"-{HUGE}", id="negative"),
    pytest.param(f"value: {HUGE}.5\n", (1, 8), f"{HUGE}.5", id="float"),
    pytest.param("value: 1e400\n", (1, 8), "1e400", id="exponent-past-float"),
    pytest.param("value: 1.5e+20\n", (1, 8), "1.5e+20", id="exponent-past-the-limit"),
    pytest.param("value: 1e-400\n", (1, 8), "1e-400", id="read-as-zero"),
    pytest.param(
        "value: 1e" + "9" * 30 + "\n", (1, 8), "1e" + "9" * 30, id="exponent-past-decimal"
    ),
    pytest.param("value: 1e-" + "9" * 30 + "\n", (1, 8), "1e-" + "9" * 30, id="tiny-exponent"),
    pytest.param(
        "value: 1e" + "9" * 5000 + "\n", (1, 8), "1e" + "9" * 5000, id="5000-digit-exponent"
    ),
    pytest.param("value: 0.00000000000000001\n", (1, 8), "0.00000000000000001", id="tiny"),
    pytest.param("value: 1234567890123456\n", (1, 8), "1234567890123456", id="16-digits"),
    pytest.param("value: .inf\n", (1, 8), ".inf", id="infinity"),
    pytest.param("value: -.Inf\n", (1, 8), "-.Inf", id="minus-infinity"),
    pytest.param("value: .nan\n", (1, 8), ".nan", id="not-a-number"),
    pytest.param("code: 0" + "7" * 5000 + "\n", (1, 7), "0" + "7" * 5000, id="leading-zero"),
    pytest.param("x: 0x" + "F" * 40 + "\n", (1, 4), "0x" + "F" * 40, id="hex"),
    pytest.param("x: 1" + "0" * 400 + ":20\n", (1, 4), "1" + "0" * 400 + ":20", id="base-60"),
    pytest.param(
        "x: 1_" + "000_" * 200 + "000\n", (1, 4), "1_" + "000_" * 200 + "000", id="underscores"
    ),
    pytest.param("- [" + HUGE + "]\n", (1, 4), HUGE, id="in-flow"),
]


@pytest.mark.parametrize(("text", "position", "kept"), UNUSABLE)
def test_a_number_no_steering_file_can_use_is_reported_and_kept_as_text(
    text: str, position: tuple[int, int], kept: str
) -> None:
    document = parse(text)
    assert where(document) == [("Y016", *position)]
    values = list(document.data.values()) if isinstance(document.data, dict) else document.data[0]
    assert values == [kept]  # the text as written, never a huge number
    [finding] = document.findings
    for language in ("sv", "en"):
        message = UNUSABLE_NUMBER.render(finding, language)
        assert len(message) < 400, message  # the number is shortened, not printed whole
    assert read_plain(text) is None


def test_the_message_says_how_many_digits_and_the_limit() -> None:
    [finding] = parse(f"value: {HUGE}\n").findings
    message = UNUSABLE_NUMBER.render(finding, "sv")
    assert "401 siffror" in message and str(MAX_NUMBER_DIGITS) in message
    assert finding.params["value"].startswith("1000") and "…" in finding.params["value"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"a: !!int {HUGE}\n", id="int-tag"),
        pytest.param(f"a: !!float {HUGE}\n", id="float-tag"),
        pytest.param("a: !!float .inf\n", id="float-tag-infinity"),
    ],
)
def test_a_tagged_number_too_large_is_refused_too(text: str) -> None:
    document = parse(text)
    assert [f.code for f in document.findings] == ["Y016"]
    assert document.data == {"a": None}


def test_a_huge_number_as_a_key_does_not_crash() -> None:
    document = parse(f"{HUGE}: x\n")
    assert [f.code for f in document.findings] == ["Y016"]
    assert document.data == {HUGE: "x"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param(f"v: {'9' * MAX_NUMBER_DIGITS}\n", int("9" * MAX_NUMBER_DIGITS), id="15"),
        pytest.param("v: 123456789012345.5\n", 123456789012345.5, id="15-and-a-half"),
        pytest.param("v: 0.000000000000001\n", 1e-15, id="tiny-at-limit"),
        pytest.param("v: 1.0e+14\n", 1e14, id="exponent-at-limit"),
        pytest.param("v: 0.0e+999\n", 0.0, id="zero-with-huge-exponent"),
        pytest.param("v: 1500000000\n", 1_500_000_000, id="a-budget"),
    ],
)
def test_numbers_within_the_limit_are_numbers(text: str, value: Any) -> None:
    document = parse(text)
    assert document.findings == []
    assert same(document.data["v"], value)


# ------------------------------------------------------------------ Y017 floats read as text

FLOATS_AS_TEXT = [
    pytest.param("value: 1e5\n", 100000.0, "100000", id="no-dot"),
    pytest.param("value: 47e-1\n", 4.7, "4.7", id="no-dot-negative-exponent"),
    pytest.param("value: 6.8e1\n", 68.0, "68", id="exponent-without-sign"),
    pytest.param("value: 1.0e5\n", 100000.0, "100000", id="dot-but-no-sign"),
    pytest.param("value: 2E3\n", 2000.0, "2000", id="capital-e"),
    pytest.param("value: -.5\n", -0.5, "-0.5", id="sign-before-point"),
    pytest.param("value: +.5e-1\n", 0.05, "0.05", id="signed-point-exponent"),
    pytest.param("value: .5e3\n", 500.0, "500", id="point-first-exponent-without-sign"),
]


@pytest.mark.parametrize(("text", "value", "plain"), FLOATS_AS_TEXT)
def test_a_float_yaml11_reads_as_text_is_reported_and_stays_a_number(
    text: str, value: float, plain: str
) -> None:
    document = parse(text)
    assert where(document) == [("Y017", 1, 8)]
    assert same(document.data["value"], value)
    [finding] = document.findings
    assert finding.params["plain"] == plain
    assert f"som {plain}" in FLOAT_AS_TEXT.render(finding, "sv")
    assert f"as {plain}" in FLOAT_AS_TEXT.render(finding, "en")
    assert read_plain(text) is None


@pytest.mark.parametrize(
    "text",
    ["value: 1.5\n", "value: 1.0e+5\n", "value: 2.5E-2\n", "value: .5\n", "value: 5.\n"],
)
def test_floats_both_readers_read_alike_give_no_finding(text: str) -> None:
    assert parse(text).findings == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        pytest.param("value: 1.e5\n", 100000.0, id="point-then-exponent-without-sign"),
        pytest.param("value: 1.E5\n", 100000.0, id="point-then-capital-exponent"),
        pytest.param("value: -1.e5\n", -100000.0, id="signed-point-then-exponent"),
        pytest.param("value: 0.e1\n", 0.0, id="zero-point-then-exponent"),
    ],
)
def test_a_point_right_before_an_exponent_without_sign_is_a_float_yaml11_reads_as_text(
    text: str, value: float
) -> None:
    # The fast path looked for an exponent only after a digit: these passed unreported.
    assert read_plain(text) is None
    document = parse(text)
    assert [f.code for f in document.findings] == ["Y017"]
    assert same(document.data["value"], value)


@pytest.mark.parametrize(
    ("text", "yaml11"),
    [
        pytest.param("v: 1_000.5\n", "1000.5", id="underscored-float"),
        pytest.param("v: .5_\n", "0.5", id="underscore-after-the-digits"),
        pytest.param("v: 1.0_e+5\n", "100000", id="underscore-before-the-exponent"),
        pytest.param("v: 0._\n", "0", id="underscore-right-after-the-point"),
        pytest.param("v: 1.__\n", "1", id="underscores-right-after-the-point"),
        pytest.param("v: 1_\n", "1", id="trailing-underscore"),
        pytest.param("v: 1__0\n", "10", id="double-underscore"),
        pytest.param("v: -0x10\n", "-16", id="signed-hexadecimal"),
        pytest.param("v: 0x1_0\n", "16", id="underscored-hexadecimal"),
    ],
)
def test_a_number_only_yaml11_reads_is_reported_and_stays_text(text: str, yaml11: str) -> None:
    document = parse(text)
    [finding] = document.findings
    assert finding.code == "Y009"
    assert finding.params["yaml11"] == yaml11
    assert document.data["v"] == text[3:-1]
    assert read_plain(text) is None


_NUMBER_LIKE = st.text(alphabet="0123456789._eE+-x", min_size=1, max_size=8)
# Every finding that says a YAML 1.1 reader makes something else of a scalar.
_YAML11_SURPRISES = {"Y009", "Y010", "Y011", "Y012", "Y017"}


@settings(max_examples=800, deadline=None)
@given(_NUMBER_LIKE)
def test_a_yaml11_surprise_is_reported_whenever_pyyaml_reads_otherwise(word: str) -> None:
    text = f"v: {word}\n"
    try:
        theirs = yaml.safe_load(text)
    except yaml.YAMLError:
        return  # not a scalar at all (`v: -`, a flow indicator): nothing to compare
    except ValueError:
        return  # PyYAML fails on its own patterns (`0x_`): no reading to compare
    assume(isinstance(theirs, dict) and "v" in theirs)
    document = parse(text)
    surprises = {f.code for f in document.findings} & _YAML11_SURPRISES
    # Compared with what YAML 1.2 itself reads (`08` is 8 there), not with the
    # value styr keeps: styr keeps such a scalar as its text.
    differs = not same(core_value(word), theirs["v"])
    unusable = "Y016" in {f.code for f in document.findings}  # kept as text, said why
    assert surprises or unusable or not differs, (word, theirs["v"], core_value(word))
    # Y017 says that YAML 1.1 reads text; a leading zero (`00`) is reported
    # even where both read the same number, since it is likely a code.
    assert "Y017" not in surprises or differs, (word, theirs["v"])
    fast = read_plain(text)
    assert fast is None or (not document.findings and same(fast, document.data))


def test_a_float_key_is_a_key_finding_only() -> None:
    assert [f.code for f in parse("1e5: x\n").findings] == ["Y008"]


# ------------------------------------------------------------------ Y018 bidi controls


@pytest.mark.parametrize(
    ("text", "position", "char"),
    [
        pytest.param("title: Trygg\u202ehet\n", (1, 13), "U+202E", id="override"),
        pytest.param("a: 1\ntitle: \u2066x\u2069\n", (2, 8), "U+2066", id="isolate"),
        pytest.param("title: x  # \u202b kommentar\n", (1, 13), "U+202B", id="in-a-comment"),
        pytest.param('title: "a\u202ab"\n', (1, 10), "U+202A", id="quoted"),
        # Written as an escape in a double-quoted text, the value holds the character.
        pytest.param('title: "Trygg\\u202ehet"\n', (1, 14), "U+202E", id="u-escape"),
        pytest.param('a: 1\nb: "x\\U00002066y"\n', (2, 6), "U+2066", id="long-escape"),
        pytest.param('t: "ab\n  c\\u202Dd"\n', (2, 4), "U+202D", id="escape-on-a-second-line"),
    ],
)
def test_a_bidi_control_is_reported_where_it_stands(
    text: str, position: tuple[int, int], char: str
) -> None:
    document = parse(text)
    bidi = [f for f in document.findings if f.code == "Y018"]
    assert [(f.line, f.column) for f in bidi] == [position]
    assert bidi[0].params["char"] == char
    assert char in BIDI_CONTROL.render(bidi[0], "sv")
    assert read_plain(text) is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("t: 'a\\u202e'\n", id="single-quoted: the letters themselves"),
        pytest.param("t: a\\u202e\n", id="plain: the letters themselves"),
        pytest.param('t: "a\\\\u202e"\n', id="an escaped backslash, then the letters"),
        pytest.param("t: x  # \\u202e\n", id="in a comment"),
    ],
)
def test_the_letters_of_an_escape_that_yaml_does_not_decode_are_no_bidi_finding(
    text: str,
) -> None:
    assert "Y018" not in [f.code for f in parse(text).findings]


def test_one_bidi_finding_per_line() -> None:
    document = parse("a: \u202ex\u202c y \u202e\nb: \u2067z\u2069\n")
    assert where(document) == [("Y018", 1, 4), ("Y018", 2, 4)]


def test_many_bidi_controls_are_reported_quickly() -> None:
    document = parse("- " + "\u202e" * 200_000 + "\n" + "- x\u202e\n" * 20_000)
    assert len(document.findings) == 20_001


@pytest.mark.parametrize("text", ["title: Trygghet\n", "title: مرحبا\n", "title: \u200fx\n"])
def test_ordinary_text_and_marks_give_no_bidi_finding(text: str) -> None:
    assert "Y018" not in [f.code for f in parse(text).findings]


# ------------------------------------------------------------------ no number escapes the limits


def _numbers(value: Any) -> list[int | float]:
    if isinstance(value, dict):
        return [n for v in value.values() for n in _numbers(v)]
    if isinstance(value, list):
        return [n for v in value for n in _numbers(v)]
    return [value] if type(value) in (int, float) else []


@settings(max_examples=600, deadline=None)
@given(
    st.text(alphabet="0123456789eE+-._:xob", min_size=1, max_size=30)
    | st.builds(lambda d, e: f"{d}e{e}", st.integers(), st.integers())
    | st.builds(lambda n: "1" + "0" * n, st.integers(min_value=0, max_value=6000))
)
def test_no_number_handed_on_is_one_nothing_can_use(scalar: str) -> None:
    """Whatever number-like text a file holds, what is handed on converts, prints and compares."""
    for text in (f"v: {scalar}\n", f"v: [{scalar}]\n", f"{scalar}: x\n"):
        document = parse(text)
        for number in _numbers(document.data):
            assert math.isfinite(number)
            assert abs(number) < 10**MAX_NUMBER_DIGITS
            str(number), float(number), repr(number)  # none of these may raise


@pytest.mark.parametrize("scalar", ["0b_", "-0b__", "+0b_"])
def test_a_binary_number_without_digits_is_a_finding_not_a_crash(scalar: str) -> None:
    # YAML 1.1's pattern for binary numbers lets `0b_` through though it has no
    # digit; the finding then tells of the text, as it does for 0o.
    document = parse(f"v: {scalar}\n")
    assert document.data == {"v": scalar}
    (finding,) = document.findings
    assert finding.params["yaml11"] == f"texten '{scalar}'"
    assert finding.params["yaml11_en"] == f"the text '{scalar}'"
