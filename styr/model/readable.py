"""What the renderings read of a repository: its values of a shape code can read.

Published with `--allow-errors`, a repository shows what it can. A value the
schema rejects for its shape (`better: [lower]`, `type: 5` on a steering
document, `compliance: [lower]` in the manifest: `SchemaResult.unusable`) is
left out of what the report, the site, status and the workbook read, as it
is left out of what the rules read (styr.model.guard), so that no rendering
needs a special case for it; the lint has its finding. Unlike the rules, the
renderings keep the manifest's values of the right type that the schema
rejects for their form: a municipality code of the wrong form is still shown.

Kept apart from the guard: a report answered from the lint cache imports
neither the rules nor the detailed schema check unless a file is not valid.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from styr.findings import PathInDocument
from styr.load import Document
from styr.model.index import FILE_LAYOUTS
from styr.model.repository import Repository
from styr.model.steering_model import read_steering_model

# Where the lint leaves the paths no code could read, by file (`Repository.memo`).
_UNUSABLE = "unusable"


def remember_unusable(
    repository: Repository, unusable: Mapping[Path, list[PathInDocument]]
) -> None:
    """Keep the schema's verdict with the repository: `readable` need not check it again."""
    repository.memo[_UNUSABLE] = {file: paths for file, paths in unusable.items() if paths}


def readable(repository: Repository) -> Repository:
    """The repository without the values no code could read; the same object if there are none.

    The same object keeps the index the lint built (`shared_index`).
    """
    unusable = repository.memo.get(_UNUSABLE)
    if unusable is None:
        unusable = _unusable(repository)
    # Unlike the rules' guard, which leaves out a whole list for one bad item, a
    # rendering leaves out only the item: one goal written as a bare text must not
    # take a board's every goal off the published page.
    left_out = {file: sorted(set(paths), key=len) for file, paths in unusable.items() if paths}
    return without_values(repository, left_out) if left_out else repository


def _unusable(repository: Repository) -> dict[Path, list[PathInDocument]]:
    """The schema's unusable paths by file: the fast validator first, the detailed check
    only for a file that is not valid (a report answered from the cache)."""
    from styr.schema_validators import fast_validator

    found: dict[Path, list[PathInDocument]] = {}
    for document in repository.all_documents():
        kind = schema_kind(document, is_manifest=document is repository.manifest)
        if kind is None:
            continue
        fast = fast_validator(kind)
        if fast is not None and fast.is_valid(document.data):
            continue
        from styr.schema_check import check

        found[document.file] = check(document, kind).unusable
    return found


def schema_kind(document: Document, *, is_manifest: bool) -> str | None:
    """The schema a document is checked against; None when it did not load or has no known kind."""
    if document.data is None:
        return None
    if is_manifest:
        return "manifest"
    kind = document.kind
    return kind if kind in FILE_LAYOUTS else None


def whole_values(paths: list[PathInDocument]) -> list[PathInDocument]:
    """The values to leave out for `paths`, shortest first (see `whole_value`)."""
    return sorted({whole_value(path) for path in paths}, key=len)


def without_values(
    repository: Repository, left_out: Mapping[Path, list[PathInDocument]]
) -> Repository:
    """The repository without the values at `left_out`, by file; its steering model read
    again when the manifest lost one."""
    manifest = _pruned(repository.manifest, left_out)
    documents = [_pruned(document, left_out) for document in repository.documents]
    shaped = Repository(repository.root, manifest, documents, repository.model)
    if manifest is not repository.manifest:
        steering = manifest.data.get("steering_model") if isinstance(manifest.data, dict) else None
        shaped.model = read_steering_model(steering)
    return shaped


def whole_value(path: PathInDocument) -> PathInDocument:
    """The path of the mapping value that holds `path`: a list item stands for its list."""
    end = len(path)
    while end and isinstance(path[end - 1], int):
        end -= 1
    return path[:end]


def _pruned(document: Document, left_out: Mapping[Path, list[PathInDocument]]) -> Document:
    paths = left_out.get(document.file)
    if not paths or document.data is None:
        return document
    return document.with_data(without(document.data, *paths))


# The paths to leave out as a tree of their parts; None marks a value to leave out.
_Tree = dict[str | int, "_Tree | None"]


def without(data: Any, *paths: PathInDocument) -> Any:
    """A copy of `data` without the values at `paths`; only the containers on the way are copied.

    All paths are left out in one pass, so ten thousand of them in one list
    copy that list once. An empty path, or one that leads nowhere, changes nothing.
    """
    tree: _Tree = {}
    for path in paths:
        if not path:
            continue
        node: _Tree | None = tree
        for part in path[:-1]:
            node = node.setdefault(part, {}) if node is not None else None
            if node is None:  # a value on the way is left out already
                break
        else:
            if node is not None:
                node[path[-1]] = None
    return _leave_out(data, tree) if tree else data


def _leave_out(data: Any, tree: _Tree) -> Any:
    if isinstance(data, dict):
        copy: dict[Any, Any] | None = None
        for key, below in tree.items():
            if key not in data:
                continue
            copy = dict(data) if copy is None else copy
            if below is None:
                del copy[key]
            else:
                copy[key] = _leave_out(data[key], below)
        return data if copy is None else copy
    if isinstance(data, list):
        return _list_without(data, tree)
    return data


def _list_without(data: list[Any], tree: _Tree) -> list[Any]:
    """`data` without the items `tree` marks None (the rules' guard marks none: it leaves
    out the whole list), and the items below it pruned; the same list if nothing changed."""
    items: list[Any] | None = None
    dropped: set[int] = set()
    for key, below in tree.items():
        if not isinstance(key, int) or not 0 <= key < len(data):
            continue
        items = list(data) if items is None else items
        if below is None:
            dropped.add(key)
        else:
            items[key] = _leave_out(data[key], below)
    if items is None:
        return data
    return [item for position, item in enumerate(items) if position not in dropped]
