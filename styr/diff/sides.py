"""Which two sides `styr diff [REV1 [REV2]] [PATH] [--from DIR --to DIR]` names.

Each positional is a revision if git knows it as a commit, else a path if
it exists, else a usage error naming it. No revision: the merge base of HEAD
with the main branch against the working tree; one: it against the working
tree; two: the first against the second. `--from`/`--to` name two folders
and need no git.
"""

from __future__ import annotations

import os
from pathlib import Path

from styr.diff.git import default_base, is_shallow, resolve_commit, work_tree_top
from styr.diff.revision import RevisionSide
from styr.diff.sources import FolderSide, Side, shown_path
from styr.errors import UsageError

# A commit as a label, when no name the user wrote names it: as git abbreviates it.
_SHORT = 7


def sides_for(
    positionals: list[str],
    old_folder: Path | None,
    new_folder: Path | None,
    paths_from: int | None = None,
) -> tuple[Side, Side]:
    """The old and the new side the command line names (usage errors as it cannot).

    `paths_from`: the index of the first positional written after `--`, which
    is a path whatever git knows (git's rule); None where no `--` was written.
    """
    if old_folder is not None or new_folder is not None:
        return _folders(positionals, old_folder, new_folder)
    top, revisions, path = _classified(positionals, paths_from)
    prefix = _prefix(path, top)
    if len(revisions) == 2:
        (old_name, old_commit), (new_name, new_commit) = revisions
        old: Side = RevisionSide(old_name, top, old_commit, prefix)
        new: Side = RevisionSide(new_name, top, new_commit, prefix)
    else:
        if revisions:
            label, commit = revisions[0]
        else:
            commit, branch = default_base(top)
            label = f"{commit[:_SHORT]} ({branch})"
        old = RevisionSide(label, top, commit, prefix)
        # The working copy, its files' ids made with the hash the repository uses.
        new = FolderSide(None, top, path, id_length=len(commit))
    _something_to_compare(old, new, path)
    return old, new


def _folders(
    positionals: list[str], old_folder: Path | None, new_folder: Path | None
) -> tuple[Side, Side]:
    if old_folder is None or new_folder is None:
        raise UsageError("diff-from-to-together")
    if positionals:
        raise UsageError("diff-from-to-alone", name=positionals[0])
    for folder in (old_folder, new_folder):
        if not folder.is_dir():
            raise UsageError("diff-not-a-folder", path=str(folder))
    old = FolderSide(shown_path(old_folder), old_folder, old_folder)
    new = FolderSide(shown_path(new_folder), new_folder, new_folder)
    _something_to_compare(old, new, new_folder)
    return old, new


def _classified(
    positionals: list[str], paths_from: int | None
) -> tuple[Path, list[tuple[str, str]], Path]:
    """The work tree's top, the revisions (as written, and their commits) and the path.

    A name that is both a version and a path, with no `--` to say which, is
    ambiguous (as git says): guessing would compare the wrong thing silently.
    """
    here = work_tree_top(Path.cwd())
    revisions: list[tuple[str, str]] = []
    paths: list[Path] = []
    for index, positional in enumerate(positionals):
        if paths:  # the path is last: anything after it is one too many
            raise UsageError("diff-too-many", name=positional)
        if paths_from is not None and index >= paths_from:
            if not Path(positional).exists():
                raise UsageError("path-missing", path=positional)
            paths.append(Path(positional))
            continue
        commit = resolve_commit(here, positional) if here is not None else None
        if commit is not None and paths_from is None and Path(positional).exists():
            raise UsageError("diff-ambiguous", name=positional)
        if commit is not None:
            revisions.append((positional, commit))
        elif Path(positional).exists():
            paths.append(Path(positional))
        elif here is None:  # outside git no name is a version: say so, not "unknown"
            raise UsageError("diff-not-in-git", path=os.path.abspath(Path.cwd()))
        else:
            raise _unknown(here, positional)
        if len(revisions) > 2:
            raise UsageError("diff-too-many", name=positional)
    path = paths[0] if paths else Path(".")
    top = work_tree_top(path if path.is_dir() else path.parent) if paths else here
    if top is None:
        raise UsageError("diff-not-in-git", path=os.path.abspath(path))
    if here is None or os.path.realpath(top) != os.path.realpath(here):
        # A path in another work tree: the revisions are that one's.
        revisions = [(name, _commit(top, name)) for name, _commit_here in revisions]
    return top, revisions, path


def _commit(top: Path, revision: str) -> str:
    commit = resolve_commit(top, revision)
    if commit is None:
        raise _unknown(top, revision)
    return commit


def _unknown(top: Path, revision: str) -> UsageError:
    """A version git does not know; in a shallow clone, said to be maybe not fetched."""
    if is_shallow(top):
        return UsageError("diff-shallow-unknown-revision", name=revision)
    return UsageError("diff-unknown-revision", name=revision)


def _prefix(path: Path, top: Path) -> str:
    """The path as a folder inside the work tree, posix; "" for its top."""
    relative = Path(os.path.relpath(os.path.realpath(path), os.path.realpath(top))).as_posix()
    return "" if relative == "." else relative


def _something_to_compare(old: Side, new: Side, path: Path) -> None:
    if not old.repositories and not new.repositories:
        raise UsageError("diff-no-repository", path=shown_path(path))
