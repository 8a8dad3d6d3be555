"""One file on disk as a document: its data, its findings, and where things are."""

from __future__ import annotations

from collections import deque
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from styr.findings import Finding, PathInDocument, Severity
from styr.load import limits
from styr.record import Record

# The reader, the decoder and the parser are imported by the functions that
# use them: a run answered from the lint cache makes Documents without them.
if TYPE_CHECKING:
    from yaml.nodes import Node

    from styr.load.access import InsideReader

# Node trees kept at once. Positions are asked for file by file, and a tree is
# about ten times its text: keeping every file's tree until the end of a lint
# took 400 MB for a repository of 20,000 goals that each had a finding.
_TREES_KEPT = 8
_RECENT_TREES: deque[Document] = deque()


class Document(Record):
    """A file and what it holds.

    A file that did not load (it could not be read, was not text, or was not
    one YAML document) has `loaded` False, `data` None, and in `failure` the
    finding that says why; findings that only follow from its absence can be
    told by that. A Document made from data alone (as a lint result keeps it,
    without contents) has `failure` None. Not a dataclass: see `styr.record`.
    """

    __slots__ = ("_root", "data", "failure", "file", "findings", "text")
    _fields = ("file", "data", "findings", "text", "failure")

    def __init__(
        self,
        file: Path,
        data: Any,
        findings: list[Finding] | None = None,
        text: str | None = None,
        failure: Finding | None = None,
        _root: Node | None = None,
    ) -> None:
        self.file = file
        self.data = data
        self.findings: list[Finding] = [] if findings is None else findings
        self.text = text
        self.failure = failure
        self._root = _root

    def with_data(self, data: Any) -> Document:
        """The same file holding other data (its findings, text and positions as they are)."""
        return Document(self.file, data, self.findings, self.text, self.failure, self._root)

    @property
    def loaded(self) -> bool:
        """Whether the file was read as one YAML document (see `failure` when not)."""
        return self.failure is None

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
            from styr.load.yaml_reader import compose

            try:
                self._root = compose(self.text)
            except Exception:
                return None
            _RECENT_TREES.append(self)
            if len(_RECENT_TREES) > _TREES_KEPT:
                _RECENT_TREES.popleft().forget_positions()
        return self._root

    def forget_positions(self) -> None:
        self._root = None


def _child(node: Node, part: str | int, *, want_key: bool) -> Node | None:
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == part:
                return key_node if want_key else value_node
    if isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        child: Node = node.value[part]
        return child
    return None


def load_document(
    file: Path,
    root: Path | None = None,
    reader: InsideReader | None = None,
    *,
    share: bool = True,
) -> Document:
    """Read, decode and parse one file; every failure becomes a finding.

    Only a regular file inside `root` (by default the file's own folder) is
    read, at most `limits.MAX_FILE_BYTES` of it (see `styr.load.access`);
    `reader`, made for that root, reads many files of it faster. `share` is
    `parse_document`'s.
    """
    from styr.load.access import Refused, read_inside
    from styr.rules import loading as rules

    folder = root if root is not None else file.absolute().parent
    try:
        if reader is not None:
            raw = reader.read(file, max_bytes=limits.MAX_FILE_BYTES)
        else:
            raw = read_inside(folder, file, max_bytes=limits.MAX_FILE_BYTES)
    except Refused as refused:
        return did_not_load(file, rules.UNREADABLE.at(file, 1, 1, **refused.finding_params()))
    return parse_document(file, raw, share=share)


def did_not_load(file: Path, failure: Finding, text: str | None = None) -> Document:
    """A document for a file that could not be read, with the finding that says why."""
    return Document(file, None, [failure], text, failure=failure)


@cache
def _parsing() -> tuple[Any, ...]:
    """What parsing needs, imported at the first file parsed (a warm run parses none).

    Imported once here rather than in `parse_document`: an import statement
    in a function runs at every call, and thousands of files are parsed.
    """
    from styr.load.decode import DecodeError, decode, plain_utf8
    from styr.load.yaml_reader import read_yaml
    from styr.messages import message
    from styr.rules import loading as rules

    return DecodeError, decode, plain_utf8, read_yaml, message, rules


def parse_document(file: Path, raw: bytes, *, share: bool = True) -> Document:
    """The document the bytes make; `share`: whether values that repeat become one object
    (`styr.load.fast_reader`), which saves memory and costs time."""
    DecodeError, decode, plain_utf8, read_yaml, message, rules = _parsing()
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
        return did_not_load(file, finding)
    if "\x00" in text:
        index = text.index("\x00")
        line = text.count("\n", 0, index) + 1
        column = index - text.rfind("\n", 0, index)
        finding = rules.UNREADABLE.at(
            file,
            line,
            column,
            reason=message("load-binary", "sv"),
            reason_en=message("load-binary", "en"),
        )
        return did_not_load(file, finding)
    # Bytes that were UTF-8 as they stand are the text's UTF-8 form: not made again.
    result = read_yaml(text, file, share=share, utf8=raw if plain_utf8(raw) else None)
    document = Document(file, result.data, result.findings, text)
    if result.data is None:
        document.failure = _first_error(result.findings)
    return document


def _first_error(findings: list[Finding]) -> Finding | None:
    """The finding that kept a document from loading: its first error (any, failing that)."""
    for finding in findings:
        if finding.severity is Severity.ERROR:
            return finding
    return findings[0] if findings else None
