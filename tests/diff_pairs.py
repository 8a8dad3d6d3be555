"""Two copies of an example, an old and a new side, edited and loaded as `styr diff` loads them."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from conftest import EXAMPLES

from styr.model.index import Element, Index, build_index
from styr.model.repository import Repository, load_repository


@dataclass
class Loaded:
    repository: Repository
    index: Index

    def element(self, element_id: str) -> Element:
        return self.index.by_id[element_id]


@dataclass
class Sides:
    old: Path
    new: Path

    def edit(self, name: str, written: str, replacement: str, *, side: str = "new") -> None:
        """Replace `written` (which must be there, once) in a file of one side."""
        path = (self.new if side == "new" else self.old) / name
        text = path.read_text(encoding="utf-8")
        assert text.count(written) == 1, f"{written!r} is not written once in {name}"
        path.write_text(text.replace(written, replacement), encoding="utf-8")

    def edit_both(self, name: str, written: str, replacement: str) -> None:
        self.edit(name, written, replacement, side="old")
        self.edit(name, written, replacement, side="new")

    def load(self) -> tuple[Loaded, Loaded]:
        old, new = load_repository(self.old), load_repository(self.new)
        return Loaded(old, build_index(old)), Loaded(new, build_index(new))


def two_sides(tmp_path: Path, example: str = "helsingborg") -> Sides:
    sides = Sides(tmp_path / "old" / example, tmp_path / "new" / example)
    for root in (sides.old, sides.new):
        shutil.copytree(EXAMPLES / example, root)
    return sides
