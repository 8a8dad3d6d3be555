"""docs/diff.md stays in step with `styr diff`: every kind of change, its name, its commands."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

from conftest import EXAMPLES, ROOT
from diff_repos import GitRepository, git_repository, run_styr

from styr.diff.changes import ChangeKind
from styr.diff.fail_on import KNOWN
from styr.diff.texts import kind_label

DOCS = ROOT / "docs" / "diff.md"


def _page() -> str:
    return DOCS.read_text(encoding="utf-8")


def _kind_rows() -> dict[str, str]:
    """`kind` -> the name the page gives it, from the table of kinds of change."""
    section = _page().split("## Varje slags ändring", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z-]+)` \| ([^|]*) \|", section, re.M)
    return {kind: label.strip() for kind, label in rows if kind != "kind"}


def test_every_kind_of_change_is_documented_with_the_name_the_tool_shows() -> None:
    rows = _kind_rows()
    assert set(rows) == {kind.value for kind in ChangeKind}
    for kind, label in rows.items():
        assert label == kind_label(kind, "sv"), kind


def test_every_name_fail_on_takes_is_documented() -> None:
    fail_on = _page().split("## `--fail-on` och slutkoder", 1)[1]
    for name in set(KNOWN) - {kind.value for kind in ChangeKind}:
        assert f"`{name}`" in fail_on, name


def _commands() -> list[list[str]]:
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", _page(), re.S):
        for line in block.splitlines():
            arguments = shlex.split(line, comments=True)
            if arguments:
                assert arguments[:2] == ["styr", "diff"], line
                commands.append(arguments)
    return commands


def test_the_commands_on_the_page_work_as_written(tmp_path: Path) -> None:
    """In a clone of two municipalities with the budget years tagged, as the page assumes."""
    server = git_repository(tmp_path / "server", "helsingborg", "huddinge")
    server.tag("mal-och-budget-2025")
    server.edit(
        "huddinge/organisation/grundskolenamnden.yaml", "som god eller mycket god", "som god"
    )
    server.commit("Mål och budget 2026")
    server.tag("mal-och-budget-2026")
    clone = GitRepository(tmp_path / "kommuner")
    server.git("clone", "--quiet", str(server.root), str(clone.root))
    for folder in ("styrning-2025", "styrning-2026"):
        shutil.copytree(EXAMPLES / "huddinge", tmp_path / folder)
    for arguments in _commands():
        here = tmp_path if "--from" in arguments else clone.root
        folders = [tmp_path / a for a in arguments if a.startswith("styrning-")]
        result = run_styr(*arguments[1:], cwd=here, environment=clone.environment)
        assert result.code == 0, (arguments, result.out[-2000:], result.err)
        assert all(folder.is_dir() for folder in folders)
    assert clone.status() == ""  # the work tree as it was
