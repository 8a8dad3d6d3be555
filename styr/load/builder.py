"""Plain values from a composed node tree, and a finding for everything refused.

We build the values ourselves instead of using PyYAML's constructors, so that
no tag can ever construct an object, every scalar is read the YAML 1.2 way
(`scalars`), and what we refuse or doubt is reported at its node.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from styr.findings import Finding, PathInDocument
from styr.load.scalars import (
    MAP,
    MAYBE_SPECIAL_LETTERS,
    PLAIN,
    SEQ,
    STR,
    Surprise,
    resolve_plain,
    resolve_tagged,
    short_tag,
    shown,
)
from styr.load.text_checks import ESCAPED_BIDI, escaped_bidi_findings
from styr.load.text_fields import is_text_field
from styr.rules import loading as rules

Position = tuple[int, int]  # 1-based line and column

# Comments that are instructions to tools, not words cut from a text.
_TOOL_COMMENTS = ("styr:", "yaml-language-server:")


class ValueBuilder:
    """Builds plain values from nodes and reports what it refuses.

    The path inside the document is kept as one stack, not a tuple per node:
    it is only needed when something is reported, which is rare.
    """

    def __init__(
        self,
        file: Path | None,
        findings: list[Finding],
        text: str,
        *,
        aliases: Sequence[Position] | None = None,
    ) -> None:
        self.file = file
        self.findings = findings
        self.text = text
        self.stack: list[str | int] = []
        # Only a document with aliases can hand us a node twice; tracking
        # nodes in every other document would cost time for nothing. An alias
        # brings back its anchor's node, marks and all; where the alias itself
        # stands comes from the aliases' positions, met in the same order.
        self.seen: set[int] | None = set() if aliases else None
        self.alias_positions = iter(aliases or ())
        # Only a text with a ` #` after something can hide words in a comment.
        self.comments = " #" in text or "\t#" in text
        # Only a text that writes a bidi control as an escape can decode into one.
        self.escaped_bidi = "\\" in text and ESCAPED_BIDI.search(text) is not None

    def path(self, *extra: str | int) -> PathInDocument:
        return (*self.stack, *extra)

    def report(
        self,
        rule: Any,
        node: Node,
        path: PathInDocument,
        at: Position | None = None,
        **params: Any,
    ) -> None:
        line, column = at or (node.start_mark.line + 1, node.start_mark.column + 1)
        self.findings.append(rule.at(self.file, line, column, path, **params))

    def alias_at(self, node: Node) -> Position | None:
        """None the first time a node is met; after that, where the alias that repeats it is."""
        seen = self.seen
        if seen is None:
            return None
        if id(node) not in seen:
            seen.add(id(node))
            return None
        return next(self.alias_positions, (node.start_mark.line + 1, node.start_mark.column + 1))

    def surprise(self, node: Node, path: PathInDocument, surprise: Surprise | None) -> None:
        if surprise is not None:
            self.report(surprise.rule, node, path, **surprise.params)

    def build(self, node: Node) -> Any:
        if self.seen is not None and self.alias_at(node) is not None:
            # An alias hands us the anchored node a second time; its anchor
            # has been reported already, and refusing to walk it again is
            # what keeps an alias bomb from exploding here.
            return None
        kind = type(node)
        if kind is ScalarNode:
            tag = node.tag
            if tag == PLAIN:
                text: str = node.value
                if self.comments:
                    self.comment_after(node)  # type: ignore[arg-type]
                first = text[:1]
                if first.isalpha() and first not in MAYBE_SPECIAL_LETTERS:
                    return text  # the common case: a word or a sentence
                value, surprise = resolve_plain(text)
                self.surprise(node, self.path(), surprise)
                return value
            if tag == STR:
                if self.escaped_bidi and node.style == '"':  # type: ignore[attr-defined]
                    self.escaped_controls(node)  # type: ignore[arg-type]
                return node.value
            value, surprise = resolve_tagged(node.value, tag)
            self.surprise(node, self.path(), surprise)
            return value
        if kind is MappingNode and node.tag == MAP:
            return self.mapping(node)  # type: ignore[arg-type]
        if kind is SequenceNode and node.tag == SEQ:
            return self.sequence(node)  # type: ignore[arg-type]
        self.report(rules.TAG, node, self.path(), tag=short_tag(node.tag))
        return None

    def escaped_controls(self, node: ScalarNode) -> None:
        """Y018 for a bidi control a double-quoted text writes as an escape."""
        start, end = node.start_mark, node.end_mark
        self.findings.extend(
            escaped_bidi_findings(
                self.text, start.index, end.index, self.file, start.line + 1, start.column + 1
            )
        )

    def sequence(self, node: SequenceNode) -> list[Any]:
        result = []
        stack = self.stack
        for index, child in enumerate(node.value):
            stack.append(index)
            result.append(self.build(child))
            stack.pop()
        return result

    def mapping(self, node: MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        stack = self.stack
        for key_node, value_node in node.value:
            alias = self.alias_at(key_node) if self.seen is not None else None
            key = self.key(key_node, alias)
            if key is None:
                continue
            if key in result:
                first_line = next(k.start_mark.line + 1 for k, _ in node.value if _same_key(k, key))
                self.report(
                    rules.DUPLICATE_KEY,
                    key_node,
                    self.path(key),
                    alias,
                    key=key,
                    first_line=first_line,
                )
                continue
            stack.append(key)
            result[key] = self.build(value_node)
            stack.pop()
        return result

    def key(self, node: Node, alias: Position | None = None) -> str | None:
        """A mapping key as text, or None (reported) when it is not text.

        A key an alias repeats was reported where its anchor stands; the
        repetition is read again, quietly, to find duplicates.
        """
        quiet = alias is not None
        if type(node) is not ScalarNode:
            if not quiet:
                self.report(rules.NON_STRING_KEY, node, self.path(), key="…", **_type_of(node))
            return None
        tag = node.tag
        text: str = node.value
        value: Any
        if tag == PLAIN:
            first = text[:1]
            if first.isalpha() and first not in MAYBE_SPECIAL_LETTERS:
                return text
            value, surprise = resolve_plain(text)
        elif tag == STR:
            return text
        else:
            value, surprise = resolve_tagged(text, tag)
        if quiet:
            return value if isinstance(value, str) else None
        if isinstance(value, str):
            self.surprise(node, self.path(), surprise)
            return value
        if surprise is not None and surprise.rule is not rules.FLOAT_AS_TEXT:
            self.surprise(node, self.path(), surprise)  # a float key is reported as a key
        self.report(rules.NON_STRING_KEY, node, self.path(), key=shown(text), **_type_of(value))
        return None

    def comment_after(self, node: ScalarNode) -> None:
        """Report a comment right after an unquoted free text: it cut the text short."""
        end = node.end_mark.index
        text = self.text
        line_end = text.find("\n", end)
        rest = text[end : line_end if line_end >= 0 else len(text)]
        after = rest.lstrip(" \t")
        if not after.startswith("#") or after[1:].lstrip().startswith(_TOOL_COMMENTS):
            return
        if not is_text_field(self.stack):
            return
        column = node.end_mark.column + len(rest) - len(after) + 1
        comment = after[1:].strip()
        self.findings.append(
            rules.COMMENT_IN_TEXT.at(
                self.file,
                node.end_mark.line + 1,
                column,
                self.path(),
                comment=shown(comment),
                value=shown(node.value),
            )
        )


def _same_key(node: Node, key: str) -> bool:
    return type(node) is ScalarNode and node.value == key


# What a key that is not text is read as, in Swedish and English.
_TYPES = {
    type(None): ("null", "null"),
    bool: ("sant eller falskt", "a boolean"),
    int: ("ett heltal", "an integer"),
    float: ("ett decimaltal", "a float"),
}


def _type_of(value: Any) -> dict[str, Any]:
    """The `type` parameters of a Y008 finding: what the key is read as."""
    if isinstance(value, Node):
        swedish, english = "en lista eller mappning", "a list or mapping"
    else:
        swedish, english = _TYPES.get(type(value), ("ett värde", "a value"))
    return {"type": swedish, "type_en": english}
