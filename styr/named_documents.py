"""The documents of a lint result answered from the cache: names, made Documents only when asked.

A result from the cache holds no file's contents, only the files' names; the
output formats ask for most repositories' documents only how many there are.
Building a path and a Document for each of a warm run's thousands of files
was a third of what that run did, so they are built when first looked at.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

from styr.load import Document


class NamedDocuments(Sequence[Document]):
    """`Repository.documents` of a cached result: a Document (file, no data) per name.

    Equal to a list of the same documents, as the list a fresh result holds is.
    """

    __slots__ = ("_built", "_names", "_root")

    def __init__(self, root: Path, names: list[str]) -> None:
        self._root = root
        self._names = names
        self._built: list[Document] | None = None

    def __len__(self) -> int:
        return len(self._names)

    @overload
    def __getitem__(self, index: int) -> Document: ...

    @overload
    def __getitem__(self, index: slice) -> list[Document]: ...

    def __getitem__(self, index: int | slice) -> Document | list[Document]:
        return self._documents()[index]

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, NamedDocuments):
            other = other._documents()
        return self._documents() == other

    __hash__ = None  # type: ignore[assignment]  # as a list's: equal to one, so not hashable

    def __repr__(self) -> str:
        return repr(self._documents())

    def _documents(self) -> list[Document]:
        """Every document, built once (the same objects each time they are asked for)."""
        if self._built is None:
            root = self._root
            self._built = [Document(root / name, None) for name in self._names]
        return self._built
