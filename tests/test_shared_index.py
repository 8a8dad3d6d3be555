"""One index per loaded repository: the lint's guard and the report's view share it."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import EXAMPLES

from styr.lint import load_and_lint
from styr.model.index import Index, build_index, shared_index
from styr.model.repository import load_repository


def _shape(index: Index) -> list[object]:
    return [
        [(e.id, e.category, e.document.file, e.path, e.kind_name, e.owner) for e in index.elements],
        [(r.source.id, r.target, r.field, r.path, r.expects) for r in index.references],
        sorted(index.by_id),
        [e.path for e in index.duplicates],
    ]


@pytest.mark.parametrize("name", ["helsingborg", "huddinge"])
def test_the_shared_index_is_built_once_and_is_the_index(name: str) -> None:
    repository = load_repository(EXAMPLES / name)
    index = shared_index(repository)
    assert shared_index(repository) is index
    assert _shape(index) == _shape(build_index(repository))


def test_the_report_reads_the_index_the_lint_built() -> None:
    repository, _ = load_and_lint(EXAMPLES / "helsingborg", date(2026, 12, 1))
    kept = [value for value in repository.memo.values() if isinstance(value, Index)]
    assert len(kept) == 1  # the guard's, kept with the repository
    linted = shared_index(repository)
    assert linted is kept[0]
    assert _shape(linted) == _shape(build_index(repository))
    assert shared_index(repository) is linted
