"""Reading revisions from git for `styr diff`, without touching the work tree, index or refs.

Every call is a `git` process with a list of arguments (no shell: a name is
never a command), a timeout, no prompt, and `core.fsmonitor` off (a
checkout's own configuration must not start a program of its choosing for
what is a read). Optional locks are off, so no call writes the index. git
missing, failing or not answering in time is a `UsageError` with a plain
message, never a traceback.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from styr.errors import UsageError

GIT_TIMEOUT_SECONDS = 30
# Reading blobs takes longer the more there are: this much more time per blob asked for.
_SECONDS_PER_BLOB = 0.01

# Modes of an ordinary file in a tree; links (120000) and submodules (160000) are not read.
_FILE_MODES = ("100644", "100755")
# A symbolic link: its blob is the path it points to.
_LINK_MODE = "120000"
# What git says (LC_ALL=C: in English) when a work tree belongs to another user.
_UNSAFE = b"dubious ownership"
# How the default base is looked for, in order, when no revision is named.
_MAIN_BRANCHES = ("main", "master")


@dataclass(frozen=True, slots=True)
class TreeFile:
    """A file of a revision: its path from the work tree's top, blob id and size.

    `link`: a symbolic link committed as one (its blob the path it points to).
    """

    path: str
    blob: str
    size: int
    link: bool = False


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_OPTIONAL_LOCKS": "0",
        "LC_ALL": "C",
    }


def _run(
    arguments: list[str],
    cwd: Path,
    *,
    given: bytes | None = None,
    timeout: float = GIT_TIMEOUT_SECONDS,
) -> subprocess.CompletedProcess[bytes]:
    command = ["git", "--no-pager", "-c", "core.fsmonitor=false", *arguments]
    try:
        return subprocess.run(
            command,
            cwd=cwd,
            input=given,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=_environment(),
            stdin=None if given is not None else subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise UsageError("diff-git-missing") from None
    except subprocess.TimeoutExpired:
        raise UsageError("diff-git-timeout", seconds=round(timeout)) from None
    except OSError as error:
        raise UsageError("diff-git-failed", reason=str(error.errno)) from None


def _checked(answer: subprocess.CompletedProcess[bytes]) -> bytes:
    if answer.returncode != 0:
        # git's own words are English and name its internals: the code is enough to look up.
        raise UsageError("diff-git-failed", reason=str(answer.returncode))
    return answer.stdout


def work_tree_top(folder: Path) -> Path | None:
    """The top of the git work tree `folder` is in; None outside one (or without git)."""
    try:
        answer = _run(["rev-parse", "--show-toplevel"], folder)
    except UsageError as error:
        if error.key == "diff-git-missing":
            return None  # no git at all: then only folders can be compared
        raise
    shown = answer.stdout.decode("utf-8", "replace").strip()
    if answer.returncode != 0 and _UNSAFE in answer.stderr:
        # A checkout owned by another user (a CI container's): git refuses to read it.
        raise UsageError("diff-git-unsafe", path=str(folder))
    if answer.returncode != 0 or not shown:
        return None
    return Path(shown)


def resolve_commit(top: Path, revision: str) -> str | None:
    """The commit `revision` names (a branch, tag, hash, `HEAD~1`), or None if it names none."""
    if not revision or revision.startswith("-"):
        return None  # never an option to git
    answer = _run(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], top)
    shown = answer.stdout.decode("ascii", "replace").strip()
    return shown if answer.returncode == 0 and shown else None


def is_shallow(top: Path) -> bool:
    """Whether the clone has only part of the history (`git clone --depth 1`, CI's default)."""
    answer = _run(["rev-parse", "--is-shallow-repository"], top)
    return answer.returncode == 0 and answer.stdout.strip() == b"true"


def default_base(top: Path) -> tuple[str, str]:
    """The merge base of HEAD with the main branch, and the branch's name.

    The main branch is `main`, else `master`, else the default branch of the
    remote `origin` (`origin/HEAD`). No such branch, or no common history, is
    a usage error saying to name a revision.
    """
    head = resolve_commit(top, "HEAD")
    if head is None:
        raise UsageError("diff-no-commit")
    for branch in _candidates(top):
        commit = resolve_commit(top, branch)
        if commit is None:
            continue
        answer = _run(["merge-base", head, commit], top)
        base = answer.stdout.decode("ascii", "replace").strip()
        if answer.returncode == 0 and base:
            return base, branch
        if is_shallow(top):  # the common history is there, just not fetched
            raise UsageError("diff-shallow-no-base", branch=branch)
        raise UsageError("diff-no-merge-base", branch=branch)
    if is_shallow(top):
        raise UsageError("diff-shallow-no-base", branch=_MAIN_BRANCHES[0])
    raise UsageError("diff-no-main-branch")


def _candidates(top: Path) -> Iterator[str]:
    """The main branch's names in order; the remote's default asked of git only if needed."""
    yield from _MAIN_BRANCHES
    answer = _run(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], top)
    remote = answer.stdout.decode("utf-8", "replace").strip()
    if answer.returncode == 0 and remote:
        yield remote


def tree_files(
    top: Path, commit: str, paths: list[str] | None = None, *, recursive: bool = True
) -> list[TreeFile]:
    """The ordinary files and links of the commit: the whole tree, or at and under `paths` (from the
    top, posix; taken literally, never as patterns). Not `recursive`: the files `paths`
    name, without what is in the folders they name."""
    arguments = ["ls-tree", *(["-r"] if recursive else []), "-z", "-l", "--full-tree", commit]
    if paths is not None:
        arguments = ["--literal-pathspecs", *arguments, "--", *paths]
    output = _checked(_run(arguments, top))
    files = []
    for record in output.split(b"\0"):
        if not record:
            continue
        meta, _tab, raw_path = record.partition(b"\t")
        mode, kind, blob, size = meta.split()
        written_mode = mode.decode("ascii")
        if kind != b"blob" or written_mode not in (*_FILE_MODES, _LINK_MODE):
            continue
        path = raw_path.decode("utf-8", "surrogateescape")
        link = written_mode == _LINK_MODE
        files.append(TreeFile(path, blob.decode("ascii"), int(size), link))
    return files


def read_blobs(top: Path, blobs: Iterable[str]) -> dict[str, bytes]:
    """The contents of many blobs, read by one `git cat-file --batch` process."""
    wanted = list(dict.fromkeys(blobs))
    if not wanted:
        return {}
    request = "".join(f"{blob}\n" for blob in wanted).encode("ascii")
    timeout = GIT_TIMEOUT_SECONDS + _SECONDS_PER_BLOB * len(wanted)
    output = _checked(_run(["cat-file", "--batch"], top, given=request, timeout=timeout))
    contents: dict[str, bytes] = {}
    position = 0
    for blob in wanted:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        if len(header) != 3:  # "<id> missing": the repository lacks it (a shallow clone)
            raise UsageError("diff-git-incomplete")
        size = int(header[2])
        start = end + 1
        contents[blob] = output[start : start + size]
        position = start + size + 1  # the content is followed by a line break
    return contents


# The length of an object id in hex, by the hash a repository uses (git's object format).
SHA1_LENGTH, SHA256_LENGTH = 40, 64


def blob_id(data: bytes, id_length: int = SHA1_LENGTH) -> str:
    """The id git gives a blob of these bytes: what working-tree files are compared by.

    `id_length` says the repository's hash: SHA-1 (40), or SHA-256 (64) in a
    repository made with `--object-format=sha256`.
    """
    import hashlib

    algorithm = "sha256" if id_length == SHA256_LENGTH else "sha1"
    framed = b"blob %d\0" % len(data) + data
    return hashlib.new(algorithm, framed, usedforsecurity=False).hexdigest()
