"""From a place in a buffer to the value written there, and back.

The node tree of a document is composed only for a document that loaded (a
text that did not load may be deep enough to exhaust the composer), and the
last few trees are kept, since an editor asks about the same buffer many
times in a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lsprotocol import types
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from styr.findings import PathInDocument
from styr.load import Document


@dataclass(frozen=True, slots=True)
class Spot:
    """The scalar at a place: its path in the document, whether it is a key, and its value."""

    path: PathInDocument
    is_key: bool
    value: str
    range: types.Range


@lru_cache(maxsize=16)
def _tree(text: str) -> Node | None:
    from styr.load.yaml_reader import compose

    try:
        return compose(text)
    except Exception:  # a text that loaded composes; anything else is no place to point at
        return None


def tree(document: Document) -> Node | None:
    if document.data is None or document.text is None:
        return None
    return _tree(document.text)


def node_range(node: Node) -> types.Range:
    start, end = node.start_mark, node.end_mark
    return types.Range(
        types.Position(start.line, start.column), types.Position(end.line, end.column)
    )


def _contains(node: Node, line: int, character: int) -> bool:
    start, end = node.start_mark, node.end_mark
    return (start.line, start.column) <= (line, character) <= (end.line, end.column)


def spot_at(document: Document, line: int, character: int) -> Spot | None:
    """The scalar (a key or a value) at a 0-based line and character, with its path."""
    node = tree(document)
    path: list[str | int] = []
    # An alias to a node it stands in (`a: &a [*a]`, reported by lint) is that node again:
    # the walk down would go round it for ever, so a node met twice ends it.
    passed: set[int] = set()
    while node is not None and id(node) not in passed:
        passed.add(id(node))
        if isinstance(node, ScalarNode):
            if not _contains(node, line, character):
                return None
            return Spot(tuple(path), False, str(node.value), node_range(node))
        found = _child_at(node, line, character)
        if found is None:
            return None
        part, child, is_key = found
        if is_key and isinstance(child, ScalarNode):
            return Spot((*path, part), True, str(child.value), node_range(child))
        path.append(part)
        node = child
    return None


def _child_at(node: Node, line: int, character: int) -> tuple[str | int, Node, bool] | None:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                continue
            if _contains(key, line, character):
                return str(key.value), key, True
            if _contains(value, line, character):
                return str(key.value), value, False
    elif isinstance(node, SequenceNode):
        for position, item in enumerate(node.value):
            if _contains(item, line, character):
                return position, item, False
    return None


def node_at(document: Document, path: PathInDocument, *, key: bool = False) -> Node | None:
    """The node at `path` (or its key's node), None where the path leads nowhere."""
    node = tree(document)
    for position, part in enumerate(path):
        last = position == len(path) - 1
        if isinstance(node, MappingNode):
            pair = next(
                (
                    pair
                    for pair in node.value
                    if isinstance(pair[0], ScalarNode) and pair[0].value == part
                ),
                None,
            )
            if pair is None:
                return None
            node = pair[0] if key and last else pair[1]
        elif (
            isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value)
        ):
            node = node.value[part]
        else:
            return None
    return node


def path_range(document: Document, path: PathInDocument, *, key: bool = False) -> types.Range:
    """The range of the value at `path` (or of its key); the file's start where it is not found."""
    node = node_at(document, path, key=key)
    if node is None:
        return types.Range(types.Position(0, 0), types.Position(0, 0))
    return node_range(node)
