"""libyaml's complaints, in words a planner reads: what is wrong, and the likely fix.

The parser (libyaml's C scanner and parser, or PyYAML's own in Python where
libyaml is missing) reports a problem and a context in English:
`did not find expected '-' indicator`, which a planner reads as *indikator*.
We sort each complaint into a class of our own (`classify`), from the
parser's words and from the text at the place it points to; the message is
chosen by that class, in Swedish or English, and the parser's English is never
shown. A complaint we have not seen gets a general message.

The classes cover every problem and context text in libyaml's `scanner.c`,
`parser.c` and `reader.c` and in PyYAML's `scanner.py`, `parser.py`,
`composer.py` and `_yaml.pyx`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from styr.findings import Finding
from styr.load.limits import MAX_DEPTH
from styr.messages import message
from styr.rules import loading as rules

# (a piece of the context or None, how the problem starts, our class). The
# first that matches wins, so the narrow ones come first. Both libyaml's and
# PyYAML's wording are listed where they differ.
_CLASSES: tuple[tuple[str | None, str, str], ...] = (
    # Nesting: libyaml's own limit (newer releases), before ours was reached.
    (None, "exceeded maximum nesting", "too-deep"),
    (None, "maximum nesting level", "too-deep"),
    ("maximum nesting", "", "too-deep"),
    # More than one document.
    ("expected a single document", "", "documents"),
    # Tabs.
    (None, "found a tab character", "tab"),
    # Quoted text.
    ("quoted scalar", "found unexpected end of stream", "unclosed-quote"),
    ("quoted scalar", "found unexpected document", "document-marker-in-quote"),
    ("quoted scalar", "found unknown escape character", "bad-escape"),
    ("quoted scalar", "did not find expected hexdecimal number", "bad-escape"),
    ("quoted scalar", "found invalid unicode character escape code", "bad-escape"),
    ("quoted scalar", "expected escape sequence", "bad-escape"),
    # Block scalars (`|`, `>`).
    ("block scalar", "", "block-scalar-header"),
    # Anchors, aliases and tags.
    ("found duplicate anchor", "", "alias"),
    ("anchor", "", "anchor-name"),
    ("alias", "", "anchor-name"),
    (None, "found undefined alias", "alias"),
    ("tag directive", "", "directive"),
    ("%tag", "", "directive"),
    ("tag", "", "tag"),
    (None, "found undefined tag handle", "tag"),
    (None, "found non-specific tag", "tag"),
    # Directives (`%YAML`, `%TAG`, `%…`).
    ("directive", "", "directive"),
    (None, "found duplicate %yaml directive", "directive"),
    (None, "found duplicate yaml directive", "directive"),
    (None, "found duplicate %tag directive", "directive"),
    (None, "found incompatible yaml document", "directive"),
    (None, "duplicate tag handle", "directive"),
    # Block structure.
    (None, "mapping values are not allowed", "colon-in-value"),
    ("simple key", "could not find expected ':'", "missing-colon"),
    (None, "block sequence entries are not allowed", "list-not-allowed"),
    (None, "sequence entries are not allowed", "list-not-allowed"),
    (None, "mapping keys are not allowed", "question-mark"),
    ("block mapping", "did not find expected key", "mapping-indentation"),
    ("block mapping", "expected <block end>", "mapping-indentation"),
    ("block collection", "did not find expected '-' indicator", "list-indentation"),
    ("block collection", "expected <block end>", "list-indentation"),
    (None, "did not find expected <document start>", "after-document"),
    (None, "expected '<document start>'", "after-document"),
    # Flow collections (`[…]`, `{…}`).
    (None, "did not find expected ',' or ']'", "unclosed-list"),
    (None, "expected ',' or ']'", "unclosed-list"),
    (None, "did not find expected ',' or '}'", "unclosed-mapping"),
    (None, "expected ',' or '}'", "unclosed-mapping"),
    ("plain scalar", "found unexpected ':'", "colon-in-flow"),
    # Values and characters.
    (None, "did not find expected node content", "missing-value"),
    (None, "expected the node content", "missing-value"),
    ("next token", "found character", "reserved-character"),
    (None, "found unexpected end of stream", "unexpected-end"),
    # Bytes that are not text (we hand libyaml decoded text, so these are rare).
    (None, "found an incorrect leading utf-8 octet", "not-text"),
    (None, "found an incorrect trailing utf-8 octet", "not-text"),
    (None, "invalid leading utf-8 octet", "not-text"),
    (None, "invalid trailing utf-8 octet", "not-text"),
    (None, "incomplete utf-8 octet sequence", "not-text"),
    (None, "invalid length of a utf-8 sequence", "not-text"),
    (None, "incomplete utf-16", "not-text"),
    (None, "expected low surrogate area", "not-text"),
    (None, "unexpected low surrogate area", "not-text"),
    (None, "invalid unicode character", "forbidden-character"),
    (None, "control characters are not allowed", "forbidden-character"),
    (None, "special characters are not allowed", "forbidden-character"),
    (None, "unacceptable character", "forbidden-character"),
)


# Where the parser notices these (the end of the file, the line after) is not
# where to fix them: an unclosed quote is fixed where it opens, a line without
# its colon is the line the key starts on.
_AT_THE_START = frozenset({"unclosed-quote", "missing-colon", "document-marker-in-quote"})


def classify(context: str | None, problem: str | None) -> str:
    """Our class for a parser complaint ("general" when it is not one we know)."""
    context_text = (context or "").lower()
    problem_text = (problem or "").lower()
    for in_context, starts, name in _CLASSES:
        if in_context is not None and in_context not in context_text:
            continue
        if problem_text.startswith(starts):
            return name
    return "general"


def syntax_finding(error: yaml.MarkedYAMLError, file: Path | None, text: str) -> Finding:
    """The finding for a parser complaint, at the place it points to."""
    name = classify(error.context, error.problem)
    mark = error.problem_mark or error.context_mark
    if name in _AT_THE_START and error.context_mark is not None:
        mark = error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    index = mark.index if mark is not None else 0
    if name == "too-deep":
        return rules.TOO_DEEP.at(file, line, column, limit=MAX_DEPTH)
    if name == "documents":
        problem = message("load-yaml-more-than-one", "sv")
        problem_en = message("load-yaml-more-than-one", "en")
        return rules.DOCUMENTS.at(file, line, column, problem=problem, problem_en=problem_en)
    if name == "tab" or _char_at(text, index) == "\t":
        return rules.TAB.at(file, line, column)
    name = _refine(name, text, index)
    if name == "reserved-character":
        return problem_finding(file, line, column, name, char=_shown_char(text, index))
    return problem_finding(file, line, column, name)


def reader_finding(error: yaml.YAMLError, file: Path | None, text: str) -> Finding:
    """A character the YAML reader refuses (PyYAML reports it without a mark)."""
    index = max(0, min(getattr(error, "position", 0) or 0, len(text)))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return problem_finding(file, line, column, "forbidden-character", char=_shown_char(text, index))


def problem_finding(file: Path | None, line: int, column: int, name: str, **params: Any) -> Finding:
    """A YAML syntax finding of our class `name`, with its Swedish and English text."""
    key = f"load-yaml-{name}"
    return rules.SYNTAX.at(
        file,
        line,
        column,
        problem=message(key, "sv", **params),
        problem_en=message(key, "en", **params),
    )


def _refine(name: str, text: str, index: int) -> str:
    """A closer class from what stands where the parser stopped."""
    if name == "mapping-indentation":
        if _char_at(text, index) == "-":
            return "list-under-mapping"
        if not _first_on_line(text, index):
            return "after-value"  # `a: "x" y`, `a: [1] b`
    return name


def _char_at(text: str, index: int) -> str:
    return text[index] if 0 <= index < len(text) else ""


def _first_on_line(text: str, index: int) -> bool:
    start = text.rfind("\n", 0, index) + 1
    return text[start:index].strip() == ""


def _shown_char(text: str, index: int) -> str:
    """The character at `index` as a message names it: itself if visible, else its code."""
    char = _char_at(text, index)
    if char.isprintable() and not char.isspace() and char:
        return f"'{char}'"
    return f"U+{ord(char):04X}" if char else "–"
