"""Real git repositories made from the bundled examples, for the tests of `styr diff`.

A test copies an example into its temporary folder, makes it a git
repository, edits a file as a planner would, commits, and runs `styr diff`
through its real entry point (`python -m styr`, a process of its own, so
that the current folder, the environment and git are the command's own).
Git never reads the configuration of the person running the tests: no
global or system configuration, and author, committer and dates from the
environment, so every run makes the same commits.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES
from helpers import replace_in

from styr.diff.changes import ChangeKind
from styr.model.repository import MANIFEST

KINDS = {kind.value for kind in ChangeKind}
# The board most tests of the command edit.
BOARD = "organisation/ab-helsingborgshem.yaml"
# What git or styr would otherwise take from the machine running the tests.
_DROPPED = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_CEILING_DIRECTORIES")
_DROPPED_STYR = ("STYR_LANG", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")


def isolated_environment(**extra: str) -> dict[str, str]:
    """The environment for git and styr: the test's own, without the user's git settings."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in _DROPPED and name not in _DROPPED_STYR
    }
    environment.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Planerare",
        GIT_AUTHOR_EMAIL="planerare@example.org",
        GIT_COMMITTER_NAME="Planerare",
        GIT_COMMITTER_EMAIL="planerare@example.org",
        GIT_AUTHOR_DATE="2026-11-30T10:00:00+01:00",
        GIT_COMMITTER_DATE="2026-11-30T10:00:00+01:00",
        GIT_TERMINAL_PROMPT="0",
        PYTHONIOENCODING="utf-8",
    )
    environment.update(extra)
    return environment


def isolate_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process's environment as `isolated_environment` makes it, for git run in-process."""
    for name in (*_DROPPED, *_DROPPED_STYR):
        monkeypatch.delenv(name, raising=False)
    for name, value in isolated_environment().items():
        if name.startswith("GIT_"):
            monkeypatch.setenv(name, value)


@pytest.fixture
def isolated_git(monkeypatch: pytest.MonkeyPatch) -> None:
    """Git without the user's settings, for a test module that runs styr in its own process.

    A module uses it for every test by importing it and naming it in `pytestmark`.
    """
    isolate_git(monkeypatch)


def run_git(folder: Path, *args: str, environment: dict[str, str] | None = None) -> str:
    """`git ARGS` in `folder` (in the isolated environment unless given another); its output."""
    result = subprocess.run(
        ["git", *args],
        cwd=folder,
        env=environment or isolated_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def commit_all(folder: Path, subject: str) -> str:
    """Commit the whole work tree in `folder` (added, changed, removed files); the commit's id."""
    run_git(folder, "add", "--all", ".")
    run_git(folder, "commit", "--quiet", "--allow-empty", "-m", subject)
    return run_git(folder, "rev-parse", "HEAD").strip()


@dataclass(frozen=True)
class DiffRun:
    """What one run of `styr diff` gave: exit code, standard output, standard error."""

    code: int
    out: str
    err: str

    def json(self) -> dict[str, Any]:
        assert self.code == 0, (self.code, self.out[-2000:], self.err[-2000:])
        document = json.loads(self.out)
        assert isinstance(document, dict), document
        return document


def run_styr(*args: str | Path, cwd: Path, environment: dict[str, str] | None = None) -> DiffRun:
    """`styr ARGS` in `cwd`, as a process of its own."""
    result = subprocess.run(
        [sys.executable, "-m", "styr", *map(str, args)],
        cwd=cwd,
        env=environment or isolated_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream and "Internt fel" not in stream, stream[-3000:]
    return DiffRun(result.returncode, result.stdout, result.stderr)


class GitRepository:
    """A git work tree in a temporary folder holding copies of examples, on branch main."""

    def __init__(self, root: Path) -> None:
        self.root = root
        # A cache of its own beside the work tree: never the user's, and
        # outside the tree, so that it is no change to the model.
        cache = root.parent / f"{root.name}-cache"
        self.environment = isolated_environment(
            XDG_CACHE_HOME=str(cache),
            LOCALAPPDATA=str(cache),
            STYR_CACHE_DIR=str(cache / "lint"),
        )

    def git(self, *args: str) -> str:
        return run_git(self.root, *args, environment=self.environment).strip()

    def commit(self, message: str) -> str:
        """Commit the whole work tree (added, changed, removed files); the commit's id."""
        self.git("add", "--all", ".")
        self.git("commit", "--quiet", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")

    def tag(self, name: str) -> None:
        self.git("tag", name)

    def branch(self, name: str) -> None:
        """Start a branch here and work on it (as a merge request does)."""
        self.git("switch", "--quiet", "-c", name)

    def path(self, file: str) -> Path:
        return self.root / file

    def read(self, file: str) -> str:
        return self.path(file).read_text(encoding="utf-8")

    def write(self, file: str, text: str) -> None:
        target = self.path(file)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    def edit(self, file: str, old: str, new: str, after: str | None = None) -> None:
        """Replace the first `old` in `file` (after `after`, when given) by `new`.

        Fails loudly when `old` (or `after`) is not there: an edit that
        silently did nothing would make a test of "no change" pass for nothing.
        """
        text = self.read(file)
        start = 0
        if after is not None:
            assert after in text, f"{after!r} not in {file}"
            start = text.index(after) + len(after)
        at = text.find(old, start)
        assert at >= 0, f"{old!r} not in {file}" + (f" after {after!r}" if after else "")
        self.write(file, text[:at] + new + text[at + len(old) :])

    def cut(self, file: str, start: str, end: str | None = None) -> None:
        """Remove the text from `start` up to `end` (kept), or to the end of the file."""
        text = self.read(file)
        assert start in text, f"{start!r} not in {file}"
        begin = text.index(start)
        stop = len(text) if end is None else text.find(end, begin + len(start))
        assert stop >= 0, f"{end!r} not after {start!r} in {file}"
        self.write(file, text[:begin] + text[stop:])

    def remove(self, file: str) -> None:
        self.path(file).unlink()

    def line_of(self, file: str, needle: str) -> int:
        """1-based number of the first line of `file` containing `needle`."""
        for number, line in enumerate(self.read(file).splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {file}")

    def run_diff(self, *args: str | Path, cwd: Path | None = None) -> DiffRun:
        """`styr diff ARGS` in the work tree (or in `cwd`)."""
        return run_styr("diff", *args, cwd=cwd or self.root, environment=self.environment)

    def diff_json(self, *args: str | Path) -> dict[str, Any]:
        """`styr diff ARGS -f json`, exit code 0, parsed."""
        return self.run_diff(*args, "-f", "json").json()

    def status(self) -> str:
        """git's short status of the work tree: what a diff must leave as it was."""
        return self.git("status", "--porcelain", "--untracked-files=all")


def git_repository(folder: Path, *examples: str) -> GitRepository:
    """A git repository in `folder` with a first commit of the examples, on branch main.

    One example is the repository itself (its styr.yaml at the top, as a
    municipality keeps it); several are folders of their own side by side.
    """
    folder.mkdir(parents=True, exist_ok=True)
    names = examples or ("helsingborg",)
    if len(names) == 1:
        shutil.copytree(EXAMPLES / names[0], folder, dirs_exist_ok=True)
    else:
        for name in names:
            shutil.copytree(EXAMPLES / name, folder / name)
    repository = GitRepository(folder)
    repository.git("init", "--quiet", "--initial-branch=main")
    repository.commit("Styrmodellen som den är beslutad")
    return repository


def two_municipalities_committed(tmp_path: Path) -> Path:
    """A git work tree with two municipalities (Helsingborg, and a copy named Grannby),
    committed on main: the folder `styrning` that holds them."""
    top = tmp_path / "styrning"
    top.mkdir()
    shutil.copytree(EXAMPLES / "helsingborg", top / "helsingborg")
    shutil.copytree(EXAMPLES / "helsingborg", top / "grannby")
    replace_in(top / "grannby" / MANIFEST, "name: Helsingborgs stad", "name: Grannby")
    run_git(top, "init", "-q", "-b", "main")
    commit_all(top, "Mål och budget 2025")
    return top


def plain_folder(folder: Path, example: str = "helsingborg") -> GitRepository:
    """A copy of an example outside git: git looks for no repository above `folder`."""
    shutil.copytree(EXAMPLES / example, folder)
    repository = GitRepository(folder)
    repository.environment["GIT_CEILING_DIRECTORIES"] = str(folder.parent)
    return repository


# Reading the JSON output. The tests look for the changes and the findings'
# delta wherever the document nests them (per repository, per organisation),
# so they check what changed, not how the rendering groups it.


def changes_in(document: object) -> list[dict[str, Any]]:
    """Every change in a `styr diff -f json` document: objects with a known `kind`."""
    return [node for node in _objects(document) if node.get("kind") in KINDS]


def kinds_of(document: object, element_id: str | None = None) -> list[str]:
    """The kinds of change, in order; of one element's changes when `element_id` is given."""
    return [
        change["kind"]
        for change in changes_in(document)
        if element_id is None or change.get("id") == element_id
    ]


def only_change(document: object, kind: str, element_id: str | None = None) -> dict[str, Any]:
    """The one change of `kind` (of `element_id`); fails when there is none or several."""
    found = [
        change
        for change in changes_in(document)
        if change["kind"] == kind and (element_id is None or change.get("id") == element_id)
    ]
    assert len(found) == 1, (kind, element_id, kinds_with_ids(document))
    return found[0]


def kinds_with_ids(document: object) -> list[tuple[str, str | None]]:
    """(kind, id) of every change: what an assertion shows when it fails."""
    return [(change["kind"], change.get("id")) for change in changes_in(document)]


def findings_delta(document: object) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The findings introduced and fixed, over every repository of the document."""
    introduced: list[dict[str, Any]] = []
    fixed: list[dict[str, Any]] = []
    for node in _objects(document):
        if isinstance(node.get("introduced"), list) and isinstance(node.get("fixed"), list):
            introduced += node["introduced"]
            fixed += node["fixed"]
    return introduced, fixed


def _objects(node: object) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)
