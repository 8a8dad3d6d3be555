"""The YAML parser's complaints reach a planner as plain Swedish (or English) with the fix.

Each broken snippet must give our own class of problem at the parser's
position, whichever parser composes it (libyaml in C, or PyYAML's Python
parser where libyaml is missing), and never the parser's English words.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from loader_helpers import parse

from styr.load.yaml_messages import _CLASSES, classify, syntax_finding
from styr.messages import MESSAGES, message
from styr.rules.loading import SYNTAX

LOADERS = [pytest.param(yaml.SafeLoader, id="python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))

# A snippet a planner may save, our class for it, and where the parser stops.
SNIPPETS = [
    pytest.param("title: Mål: fler jobb\n", "colon-in-value", (1, 11), id="colon-in-value"),
    # These three are reported where the key or the quote starts, not where the parser noticed.
    pytest.param("a: 1\nb\nc: 2\n", "missing-colon", (2, 1), id="missing-colon"),
    pytest.param('a: "abc\nb: 1\n', "unclosed-quote", (1, 4), id="unclosed-double-quote"),
    pytest.param("a: 'abc\nb: 1\n", "unclosed-quote", (1, 4), id="unclosed-single-quote"),
    pytest.param('a: "x\n---\n"\n', "document-marker-in-quote", (1, 4), id="marker-in-quote"),
    pytest.param("a:\n  b: 1\n c: 2\n", "mapping-indentation", (3, 2), id="dedent"),
    pytest.param("a: b\n- c\n", "list-under-mapping", (2, 1), id="list-under-key"),
    pytest.param('a: "x" y\n', "after-value", (1, 8), id="text-after-quote"),
    pytest.param("a: [1] b\n", "after-value", (1, 8), id="text-after-list"),
    pytest.param("- a\nb: 1\n", "list-indentation", (2, 1), id="key-among-list"),
    pytest.param("a: [1, 2\nb: 3\n", "unclosed-list", (2, 2), id="unclosed-list"),
    pytest.param("a: {b: 1\n", "unclosed-mapping", (2, 1), id="unclosed-mapping"),
    pytest.param("a: [1, , 2]\n", "missing-value", (1, 8), id="missing-value"),
    pytest.param("a: ]\n", "missing-value", (1, 4), id="closing-bracket"),
    pytest.param("a: @x\n", "reserved-character", (1, 4), id="at-sign"),
    pytest.param("a: `x`\n", "reserved-character", (1, 4), id="backtick"),
    pytest.param("a: & x\n", "anchor-name", (1, 5), id="anchor-without-name"),
    pytest.param("a: !<x\n", "tag", (1, 7), id="unclosed-verbatim-tag"),
    pytest.param("a: !x!y z\n", "tag", (1, 4), id="undefined-tag-handle"),
    pytest.param("%YAML 2.0\n---\na: 1\n", "directive", (1, 1), id="yaml-2"),
    pytest.param("a: |0\n  x\n", "block-scalar-header", (1, 5), id="indentation-indicator-0"),
    pytest.param("a: | x\n  y\n", "block-scalar-header", (1, 6), id="text-after-pipe"),
    pytest.param('a: "\\q"\n', "bad-escape", None, id="unknown-escape"),
    pytest.param('a: "\\x4"\n', "bad-escape", (1, 7), id="short-hex-escape"),
    pytest.param("a: - b\n", "list-not-allowed", (1, 4), id="list-after-key"),
    pytest.param("a:\n  b: 1\n  - c\n", "list-under-mapping", (3, 3), id="list-among-keys"),
    pytest.param("[a: b: c]\n", "unclosed-list", (1, 6), id="colon-in-flow-list"),
]


def _error(text: str, loader: Any) -> yaml.MarkedYAMLError:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        yaml.compose(text, Loader=loader)
    return caught.value


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(("text", "name", "position"), SNIPPETS)
def test_each_complaint_gets_our_words_at_the_parsers_place(
    text: str, name: str, position: tuple[int, int] | None, loader: Any
) -> None:
    error = _error(text, loader)
    finding = syntax_finding(error, Path("f.yaml"), text)
    assert finding.code == "Y003"
    if position is not None:
        assert (finding.line, finding.column) == position
    expected = MESSAGES[f"load-yaml-{name}"]
    mark = error.problem_mark
    assert mark is not None
    char = {"char": f"'{text[mark.index]}'"} if name == "reserved-character" else {}
    assert finding.params["problem"] == message(f"load-yaml-{name}", "sv", **char), expected
    assert finding.params["problem_en"] == message(f"load-yaml-{name}", "en", **char)


@pytest.mark.parametrize("loader", LOADERS)
@pytest.mark.parametrize(("text", "name", "position"), SNIPPETS)
def test_the_parsers_english_never_shows(
    text: str, name: str, position: object, loader: Any
) -> None:
    error = _error(text, loader)
    finding = syntax_finding(error, Path("f.yaml"), text)
    swedish = SYNTAX.render(finding, "sv")
    english = SYNTAX.render(finding, "en")
    for words in (error.problem, error.context):
        if words:
            assert words not in swedish and words not in english
    for english_word in ("expected", "found", "while", "indicator", "scalar", "token"):
        assert english_word not in swedish


def test_through_the_reader_a_snippet_gives_the_same_finding() -> None:
    [finding] = parse("title: Mål: fler jobb\n").findings
    assert (finding.code, finding.line, finding.column) == ("Y003", 1, 11)
    assert finding.params["problem"] == message("load-yaml-colon-in-value", "sv")


def test_english_mode_gives_english_advice() -> None:
    [finding] = parse("a: [1, 2\nb: 3\n").findings
    english = SYNTAX.render(finding, "en")
    assert message("load-yaml-unclosed-list", "en") in english
    assert "hakparenteser" not in english
    assert message("load-yaml-unclosed-list", "sv") in SYNTAX.render(finding, "sv")


def test_a_reserved_character_is_named() -> None:
    [finding] = parse("a: @handle\n").findings
    assert "'@'" in finding.params["problem"]


def test_a_complaint_we_do_not_know_gets_a_general_message() -> None:
    assert classify("while reading tea leaves", "found a surprise") == "general"
    general = message("load-yaml-general", "sv")
    assert "indrag" in general and "citattecken" in general


# Every problem and context text libyaml (scanner.c, parser.c, reader.c) and
# PyYAML (scanner.py, parser.py, composer.py, _yaml.pyx) can raise, and our
# class for it. Where PyYAML adds the character found (`but found %r`), an
# example stands in for it.
KNOWN = [
    # libyaml scanner.c
    ("while scanning a simple key", "could not find expected ':'", "missing-colon"),
    ("while scanning for the next token", "found character that cannot start any token", None),
    (None, "mapping values are not allowed in this context", "colon-in-value"),
    (None, "mapping keys are not allowed in this context", "question-mark"),
    (None, "block sequence entries are not allowed in this context", "list-not-allowed"),
    ("while scanning a quoted scalar", "found unexpected end of stream", "unclosed-quote"),
    ("while scanning a quoted scalar", "found unexpected document indicator", None),
    ("while parsing a quoted scalar", "found unknown escape character", "bad-escape"),
    ("while parsing a quoted scalar", "did not find expected hexdecimal number", "bad-escape"),
    ("while parsing a quoted scalar", "found invalid Unicode character escape code", None),
    ("while scanning a plain scalar", "found unexpected ':'", "colon-in-flow"),
    ("while scanning a plain scalar", "found a tab character that violates indentation", "tab"),
    ("while scanning a block scalar", "found an indentation indicator equal to 0", None),
    ("while scanning a block scalar", "did not find expected comment or line break", None),
    (
        "while scanning a block scalar",
        "found a tab character where an indentation space is expected",
        "tab",
    ),
    ("while scanning an anchor", "did not find expected alphabetic or numeric character", None),
    ("while scanning an alias", "did not find expected alphabetic or numeric character", None),
    ("while scanning a tag", "did not find the expected '>'", "tag"),
    ("while scanning a tag", "did not find expected whitespace or line break", "tag"),
    ("while parsing a tag", "did not find expected tag URI", "tag"),
    ("while parsing a tag", "did not find URI escaped octet", "tag"),
    ("while parsing a tag", "found an incorrect leading UTF-8 octet", "tag"),
    ("while parsing a tag", "found an incorrect trailing UTF-8 octet", "tag"),
    ("while scanning a tag", "did not find expected '!'", "tag"),
    ("while scanning a directive", "found unknown directive name", "directive"),
    ("while scanning a directive", "could not find expected directive name", "directive"),
    ("while scanning a directive", "found unexpected non-alphabetical character", "directive"),
    ("while scanning a directive", "did not find expected comment or line break", "directive"),
    ("while scanning a %YAML directive", "did not find expected whitespace", "directive"),
    ("while scanning a %YAML directive", "did not find expected digit or '.' character", None),
    ("while scanning a %YAML directive", "found extremely long version number", "directive"),
    ("while scanning a %YAML directive", "did not find expected version number", "directive"),
    ("while scanning a %TAG directive", "did not find expected whitespace", "directive"),
    ("while scanning a %TAG directive", "did not find expected whitespace or line break", None),
    ("while parsing a %TAG directive", "did not find expected '!'", "directive"),
    ("while scanning a tag directive", "did not find expected '!'", "directive"),
    ("while parsing a tag directive", "did not find expected '!'", "directive"),
    # libyaml parser.c
    (None, "did not find expected <stream-start>", "general"),
    (None, "did not find expected <document start>", "after-document"),
    (None, "found duplicate %YAML directive", "directive"),
    (None, "found incompatible YAML document", "directive"),
    (None, "found duplicate %TAG directive", "directive"),
    ("while parsing a node", "found undefined tag handle", "tag"),
    ("while parsing a block node", "did not find expected node content", "missing-value"),
    ("while parsing a flow node", "did not find expected node content", "missing-value"),
    ("while parsing a block collection", "did not find expected '-' indicator", None),
    ("while parsing a block mapping", "did not find expected key", "mapping-indentation"),
    ("while parsing a flow sequence", "did not find expected ',' or ']'", "unclosed-list"),
    ("while parsing a flow mapping", "did not find expected ',' or '}'", "unclosed-mapping"),
    ("while parsing", "Maximum nesting level reached, set with yaml_set_max_nest_level())", None),
    ("while increasing flow level", "exceeded maximum nesting depth", "too-deep"),
    ("while increasing block level", "exceeded maximum nesting depth", "too-deep"),
    # libyaml reader.c
    (None, "control characters are not allowed", "forbidden-character"),
    (None, "invalid Unicode character", "forbidden-character"),
    (None, "invalid leading UTF-8 octet", "not-text"),
    (None, "invalid trailing UTF-8 octet", "not-text"),
    (None, "incomplete UTF-8 octet sequence", "not-text"),
    (None, "invalid length of a UTF-8 sequence", "not-text"),
    (None, "incomplete UTF-16 character", "not-text"),
    (None, "incomplete UTF-16 surrogate pair", "not-text"),
    (None, "expected low surrogate area", "not-text"),
    (None, "unexpected low surrogate area", "not-text"),
    # PyYAML scanner.py, parser.py, composer.py and _yaml.pyx
    (
        "while scanning for the next token",
        "found character '@' that cannot start any token",
        "reserved-character",
    ),
    (None, "mapping values are not allowed here", "colon-in-value"),
    (None, "mapping keys are not allowed here", "question-mark"),
    (None, "sequence entries are not allowed here", "list-not-allowed"),
    ("while scanning a quoted scalar", "found unexpected document separator", None),
    ("while scanning a double-quoted scalar", "found unknown escape character 'q'", None),
    (
        "while scanning a double-quoted scalar",
        "expected escape sequence of 2 hexadecimal numbers, but found '\"'",
        "bad-escape",
    ),
    (
        "while scanning a block scalar",
        "expected chomping or indentation indicators, but found 'x'",
        "block-scalar-header",
    ),
    (
        "while scanning a block scalar",
        "expected indentation indicator in the range 1-9, but found 0",
        "block-scalar-header",
    ),
    ("while scanning a block scalar", "expected a comment or a line break, but found 'x'", None),
    ("while scanning an anchor", "expected alphabetic or numeric character, but found ' '", None),
    ("while scanning a tag", "expected ' ', but found 'x'", "tag"),
    ("while parsing a tag", "expected '>', but found '\\n'", "tag"),
    ("while parsing a tag", "expected URI, but found ' '", "tag"),
    (
        "while scanning a tag",
        "expected URI escape sequence of 2 hexadecimal numbers, but found 'x'",
        "tag",
    ),
    ("while scanning a directive", "expected a digit or '.', but found 'x'", "directive"),
    ("while scanning a directive", "expected a digit, but found 'x'", "directive"),
    ("while scanning a directive", "expected a comment or a line break, but found 'x'", None),
    (None, "found duplicate YAML directive", "directive"),
    (None, "found incompatible YAML document (version 1.* is required)", "directive"),
    (None, "duplicate tag handle '!x!'", "directive"),
    ("while parsing a node", "found undefined tag handle '!x!'", "tag"),
    ("while parsing a node", "found non-specific tag '!'", "tag"),
    ("while parsing a block collection", "expected <block end>, but found '?'", None),
    ("while parsing a block mapping", "expected <block end>, but found '<scalar>'", None),
    ("while parsing a flow sequence", "expected ',' or ']', but got ':'", "unclosed-list"),
    ("while parsing a flow mapping", "expected ',' or '}', but got '<stream end>'", None),
    ("while parsing a flow node", "expected the node content, but found ','", "missing-value"),
    (None, "expected '<document start>', but found '<block mapping start>'", "after-document"),
    ("expected a single document in the stream", "but found another document", "documents"),
    ("found duplicate anchor 'x'; first occurrence", "second occurrence", "alias"),
    ("found duplicate anchor; first occurrence", "second occurrence", "alias"),
    (None, "found undefined alias 'x'", "alias"),
    (None, "found undefined alias", "alias"),
    (None, "special characters are not allowed", "forbidden-character"),
    (None, "unacceptable character #x0001: control characters are not allowed", None),
]

# Where the table above says None, the class follows from the context alone.
_BY_CONTEXT = {
    "next token": "reserved-character",
    "quoted scalar": "bad-escape",
    "block scalar": "block-scalar-header",
    "anchor": "anchor-name",
    "alias": "anchor-name",
    "%yaml directive": "directive",
    "%tag directive": "directive",
    "block collection": "list-indentation",
    "block mapping": "mapping-indentation",
    "flow mapping": "unclosed-mapping",
    "while parsing": "too-deep",
    "directive": "directive",
}


def _expected(context: str | None, problem: str, name: str | None) -> str:
    if name is not None:
        return name
    if "document" in problem and "quoted" in (context or ""):
        return "document-marker-in-quote"
    if problem.startswith("unacceptable character"):
        return "forbidden-character"
    for piece, by_context in _BY_CONTEXT.items():
        if piece in (context or "").lower():
            return by_context
    raise AssertionError(f"no expected class for {context!r}, {problem!r}")


@pytest.mark.parametrize(("context", "problem", "name"), KNOWN)
def test_every_complaint_the_parsers_have_is_one_of_ours(
    context: str | None, problem: str, name: str | None
) -> None:
    assert classify(context, problem) == _expected(context, problem, name)


def test_every_class_has_a_message_in_both_languages() -> None:
    finding_classes = {"too-deep", "documents", "tab"}  # reported by rules of their own
    names = {name for _, _, name in _CLASSES} - finding_classes | {"general"}
    for name in names:
        key = f"load-yaml-{name}"
        assert key in MESSAGES, key
        params = {"char": "'@'"} if name in ("reserved-character", "forbidden-character") else {}
        swedish, english = message(key, "sv", **params), message(key, "en", **params)
        assert swedish != english and swedish != key
        assert "{char}" not in swedish and "{char}" not in english
