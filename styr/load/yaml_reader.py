"""Text to plain data, refusing everything YAML does behind a reader's back.

The fast reader takes a file when nothing in it can be worth a word
(`fast_reader`); every other file goes to the careful reader here. PyYAML
(with its C parser where available) composes the node tree; `builder` builds
plain values from it, `scalars` reads each scalar the YAML 1.2 way and names
every YAML 1.1 surprise (`0126`, `no`, `2024-03-12`, `1:20`, `1e5`), and
`yaml_messages` puts the parser's complaints into plain words. Checks on the
text itself (`text_checks`) run first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode

from styr.findings import Finding
from styr.load.builder import ValueBuilder
from styr.load.depth import too_deep_at
from styr.load.fast_reader import read_plain
from styr.load.limits import MAX_DEPTH, deeply_indented
from styr.load.scalars import PLAIN, is_null
from styr.load.text_checks import text_findings
from styr.load.yaml_messages import reader_finding, syntax_finding
from styr.messages import message
from styr.rules import loading as rules

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """A safe loader whose resolver marks plain scalars instead of typing them."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return PLAIN
        return super().resolve(kind, value, implicit)


@dataclass(slots=True)
class ReadResult:
    """What a file holds, and what was wrong with it.

    `data` is None when the file could not be read as one YAML document.
    """

    data: Any
    findings: list[Finding] = field(default_factory=list)


def read_yaml(
    text: str, file: Path | None, *, share: bool = True, utf8: bytes | None = None
) -> ReadResult:
    """Read one YAML document as plain data (dict, list, str, int, float, bool, None).

    `share` and `utf8` (the text's UTF-8 form, when the caller has it) are the
    fast reader's (`read_plain`).
    """
    data = read_plain(text, share=share, utf8=utf8)
    if data is not None:
        return ReadResult(data)
    deep = _too_deep(text)
    if deep is not None:
        line, column = deep
        return ReadResult(None, [rules.TOO_DEEP.at(file, line, column, limit=MAX_DEPTH)])
    return read_carefully(text, file)


def read_carefully(text: str, file: Path | None) -> ReadResult:
    """The careful reader: every value built by us, every surprise reported where it stands."""
    result = ReadResult(None, text_findings(text, file))
    aliases: list[tuple[int, int]] = []
    hidden = _hide_line_separators(text)
    if "&" in hidden or "*" in hidden:
        result.findings.extend(_anchors_and_aliases(hidden, file, aliases))
    root = _compose(hidden, file, result.findings)
    if root is not None:
        result.data = ValueBuilder(file, result.findings, hidden, aliases=aliases).build(root)
        if hidden is not text:
            result.data = _restore_line_separators(result.data)
    return result


# YAML 1.1 (and so libyaml) ends a line at U+0085, U+2028 and U+2029; YAML 1.2
# and editors do not. Stand-ins from the private-use area keep positions right.
_SEPARATORS = {"\x85": "\ue085", "\u2028": "\ue028", "\u2029": "\ue029"}
_HIDE = str.maketrans(_SEPARATORS)
_SHOW = str.maketrans({stand_in: real for real, stand_in in _SEPARATORS.items()})


def _hide_line_separators(text: str) -> str:
    if not any(separator in text for separator in _SEPARATORS):
        return text
    return text.translate(_HIDE)


def _restore_line_separators(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_SHOW)
    if isinstance(value, list):
        return [_restore_line_separators(item) for item in value]
    if isinstance(value, dict):
        return {key.translate(_SHOW): _restore_line_separators(item) for key, item in value.items()}
    return value


def compose(text: str) -> Node | None:
    """The node tree of a text already known to load; used to find positions."""
    loader = _Loader(_hide_line_separators(text))
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


_OPENING = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)
_CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where (line and column, from 1) the text first nests deeper than MAX_DEPTH, found
    before the composer recurses, or None.

    Flow nesting is counted by us first (`depth`): libyaml scans a run of
    `[[[[` to its end before handing over a token, and newer releases stop it
    with an error of their own. Block nesting and the two together are then
    counted from libyaml's tokens, which come one at a time.
    """
    if text.count("[") + text.count("{") < MAX_DEPTH and not deeply_indented(text):
        return None
    at = too_deep_at(text, MAX_DEPTH)
    if at is not None:
        line_start = text.rfind("\n", 0, at) + 1
        return text.count("\n", 0, at) + 1, at - line_start + 1
    depth = 0
    try:
        for token in _tokens(text):
            if isinstance(token, _OPENING):
                depth += 1
            elif isinstance(token, _CLOSING):
                depth -= 1
            if depth > MAX_DEPTH:
                mark = token.start_mark
                return mark.line + 1, mark.column + 1
    except yaml.YAMLError:
        return None  # the composer will report the syntax error itself
    return None


def _tokens(text: str) -> Iterator[Any]:
    loader = _Loader(text)
    try:
        while loader.check_token():
            yield loader.get_token()
    finally:
        loader.dispose()


def _anchors_and_aliases(
    text: str, file: Path | None, aliases: list[tuple[int, int]]
) -> list[Finding]:
    """Each anchor and the first use of each alias: enough to fix, not a flood.

    Where every alias stands is added to `aliases`, in the order of the text.
    """
    found = []
    names: set[tuple[str, str]] = set()
    try:
        for token in _tokens(text):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                mark = token.start_mark
                if isinstance(token, yaml.AliasToken):
                    aliases.append((mark.line + 1, mark.column + 1))
                name = (type(token).__name__, token.value)
                if name in names:
                    continue
                names.add(name)
                found.append(rules.ANCHOR_ALIAS.at(file, mark.line + 1, mark.column + 1))
    except yaml.YAMLError:
        pass  # the composer will report the syntax error itself
    return found


def _compose(text: str, file: Path | None, findings: list[Finding]) -> Node | None:
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        findings.append(syntax_finding(error, file, text))
        return None
    except yaml.YAMLError as error:  # a reader error: a character YAML does not allow
        findings.append(reader_finding(error, file, text))
        return None
    finally:
        loader.dispose()
    if node is None or (isinstance(node, ScalarNode) and node.tag == PLAIN and is_null(node.value)):
        # An empty file, a lone '---' or a document that is only null: nothing to read.
        findings.append(
            rules.DOCUMENTS.at(
                file,
                1,
                1,
                problem=message("load-yaml-empty", "sv"),
                problem_en=message("load-yaml-empty", "en"),
            )
        )
        return None
    return node
