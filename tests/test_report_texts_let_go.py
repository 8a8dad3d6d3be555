"""The report builds its views without the texts of the files that loaded (memory)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from report_helpers import rich_repository

from styr.report import build as report_build
from styr.report import build_report

BROKEN = "kind: organisation\nid: trasig\nname: Trasiga nämnden\ngoals: [inte stängd\n"


def test_only_the_texts_of_unreadable_files_are_held_while_the_views_are_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = rich_repository(tmp_path / "testby")
    (root / "trasig.yaml").write_text(BROKEN, encoding="utf-8")
    held: list[tuple[bool, bool]] = []  # for each file: loaded, its text still held
    build_view = report_build.repository_view

    def watched(repository: Any, *args: Any, **kwargs: Any) -> Any:
        held.extend((isinstance(d.data, dict), d.text is not None) for d in repository.documents)
        return build_view(repository, *args, **kwargs)

    monkeypatch.setattr(report_build, "repository_view", watched)
    page = build_report([root], "html", allow_errors=True, today=date(2026, 11, 30))
    assert (True, False) in held and (True, True) not in held
    assert (False, True) in held  # the unreadable file's text, for what it seems to hold
    assert "Trasiga nämnden" in page
