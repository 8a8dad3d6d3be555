"""One file on disk as a document: its data, its findings, and where things are."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from styr.findings import Finding, PathInDocument
from styr.load.decode import DecodeError, decode
from styr.load.yaml_reader import compose, read_yaml
from styr.rules import loading as rules

# Steering files are written by hand; anything this large is a mistake, and
# refusing it keeps memory bounded whatever lands in the folder.
MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(slots=True)
class Document:
    """A loaded file. `data` is None when the file could not be read at all."""

    file: Path
    data: Any
    findings: list[Finding] = field(default_factory=list)
    text: str | None = None
    _root: Node | None = field(default=None, repr=False)

    @property
    def kind(self) -> str | None:
        if isinstance(self.data, dict):
            kind = self.data.get("kind")
            return kind if isinstance(kind, str) else None
        return None

    def locate(self, path: PathInDocument, *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of the value at `path` (or of its key).

        The node tree is composed again only when a position is asked for, so
        files without findings never keep one in memory.
        """
        node = self._node_root()
        if node is None:
            return (1, 1)
        for index, part in enumerate(path):
            last = index == len(path) - 1
            found = _child(node, part, want_key=key and last)
            if found is None:
                break
            node = found
        return node.start_mark.line + 1, node.start_mark.column + 1

    def _node_root(self) -> Node | None:
        if self._root is None and self.text is not None:
            try:
                self._root = compose(self.text)
            except Exception:
                return None
        return self._root

    def forget_positions(self) -> None:
        self._root = None


def _child(node: Node, part: str | int, *, want_key: bool) -> Node | None:
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == part:
                return key_node if want_key else value_node
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child: Node = node.value[part]
        return child
    return None


def load_document(file: Path) -> Document:
    """Read, decode and parse one file; every failure becomes a finding."""
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            reason = f"{size} byte, mer än {MAX_FILE_BYTES} / more than {MAX_FILE_BYTES}"
            return Document(file, None, [rules.UNREADABLE.at(file, 1, 1, reason=reason)])
        raw = file.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        return Document(file, None, [rules.UNREADABLE.at(file, 1, 1, reason=reason)])
    return parse_document(file, raw)


def parse_document(file: Path, raw: bytes) -> Document:
    try:
        text = decode(raw)
    except DecodeError as error:
        finding = rules.ENCODING.at(
            file,
            error.line,
            error.column,
            byte=f"{error.byte:02X}",
            hint=error.hint_sv,
            hint_en=error.hint_en,
        )
        return Document(file, None, [finding])
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - text.rfind("\n", 0, index)
        finding = rules.UNREADABLE.at(file, line, column, reason="NUL-tecken: en binärfil / binary")
        return Document(file, None, [finding])
    result = read_yaml(text, file)
    return Document(file, result.data, result.findings, text)
