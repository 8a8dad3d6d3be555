"""One repository kept to the end: what each pause makes is frozen, and handed back after."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES

import styr.model.repository as repository_module
from styr.model.index import build_index
from styr.model.repository import collector_paused, kept_to_the_end, load_repository


def _tracked_ids() -> set[int]:
    return {id(obj) for obj in gc.get_objects()}


def test_what_a_pause_makes_inside_is_frozen_and_handed_back_at_the_end() -> None:
    assert gc.get_freeze_count() == 0
    with kept_to_the_end():
        repository = load_repository(EXAMPLES / "helsingborg")
        index = build_index(repository)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        # Out of every generation the collector walks: no young collection looks at them.
        walked = _tracked_ids()
        assert id(repository.documents[0].data) not in walked
        assert id(index.elements[-1]) not in walked
        made_after = [[index]]  # made outside a pause: young, as always
        assert id(made_after) in {id(obj) for obj in gc.get_objects(generation=0)}
    assert gc.get_freeze_count() == 0
    oldest = {id(obj) for obj in gc.get_objects(generation=2)}
    assert id(repository.documents[0].data) in oldest
    assert id(index.elements[-1]) in oldest


def test_outside_it_a_pause_leaves_its_objects_young() -> None:
    repository = load_repository(EXAMPLES / "helsingborg")
    assert gc.get_freeze_count() == 0
    assert id(repository.documents[0].data) not in {id(obj) for obj in gc.get_objects(generation=2)}


def test_within_another_the_outer_one_decides() -> None:
    with kept_to_the_end():
        with kept_to_the_end(), collector_paused():
            kept = [{"a": 1}]
        assert gc.get_freeze_count() > 0  # the inner end handed nothing back
        assert id(kept) not in _tracked_ids()
    assert gc.get_freeze_count() == 0


def test_it_hands_back_what_it_froze_when_the_command_fails() -> None:
    with pytest.raises(RuntimeError), kept_to_the_end():
        load_repository(EXAMPLES / "helsingborg")
        raise RuntimeError("the command failed")
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    assert not repository_module._kept_to_the_end


def _seen_while_loading(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each repository loaded was loaded inside `kept_to_the_end`."""
    seen: list[bool] = []
    real = repository_module.load_repository

    def load(*arguments: Any, **options: Any) -> Any:
        seen.append(repository_module._kept_to_the_end)
        return real(*arguments, **options)

    for module in ("styr.model.repository", "styr.lint"):
        monkeypatch.setattr(f"{module}.load_repository", load)
    return seen


@pytest.mark.parametrize(
    "command",
    [
        ["report", "-f", "md", "-o", "{out}/r.md"],
        ["report", "-f", "html", "-o", "{out}/r.html"],
        ["report", "--period", "2025", "-f", "md", "-o", "{out}/u.md"],
        ["status"],
        ["status", "--format", "json"],
        ["lint", "--no-cache"],
        ["site", "--date", "2026-01-01", "-o", "{out}/webbplats"],
    ],
)
def test_commands_over_one_repository_keep_it_to_the_end(
    command: list[str],
    run_cli: Callable[..., Any],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    seen = _seen_while_loading(monkeypatch)
    arguments = [part.format(out=tmp_path) for part in command]
    result = run_cli(
        *arguments, *(["--allow-errors"] if command[0] != "lint" else []), EXAMPLES / "helsingborg"
    )
    assert result.code in (0, 1), result.err
    assert seen and all(seen)
    assert gc.get_freeze_count() == 0 and not repository_module._kept_to_the_end


def test_the_lint_of_several_repositories_leaves_them_young(
    run_cli: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each one's garbage must not wait for the end: see `collector_paused`.
    seen = _seen_while_loading(monkeypatch)
    result = run_cli("lint", "--no-cache", EXAMPLES / "helsingborg", EXAMPLES / "huddinge")
    assert result.code in (0, 1), result.err
    assert seen == [False, False]
