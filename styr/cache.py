"""An on-disk cache of lint results that cannot change a verdict.

The goal chain runs across files, so a repository is the unit: its entry is
keyed by a hash of every YAML file's bytes, the tool (version and code), the
schemas, any pyproject.toml above it and the date rules compare with.

The key is public (anyone can compute it), so a key alone proves nothing.
Every entry therefore carries an HMAC-SHA256 over its key and bytes, made with
a secret that belongs to the user: created once, 0600, in the user's cache
folder, never in a checkout. An entry someone else wrote (in a checkout, in a
shared folder) does not carry a valid HMAC and is ignored: lint runs as with
`--no-cache`. A cache folder or secret that another user owns or that others
can write is refused outright (POSIX; on Windows the per-user
%LOCALAPPDATA% is relied on). Entries and the folder's .gitignore are never
written or read through a symbolic link.

Entries live in the user's cache folder unless `--cache-dir` or
STYR_CACHE_DIR names another; never in whatever folder styr runs from.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import stat
import time
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from styr import cache_context

FORMAT = cache_context.FORMAT
GITIGNORE = "# Made by styr: a cache, never to be committed.\n*\n"
SECRET_FILE = "secret.key"
ENTRIES_FOLDER = "lint"
SECRET_BYTES = 32
_HEADER = f"styr-cache {FORMAT} ".encode()
# A repository's entry is kilobytes; anything far larger was not written by styr.
_MAX_ENTRY_BYTES = 64 * 1024 * 1024
# The date is part of the key, so an entry is asked for again only on the day it
# was made (or with the same --today): a week on, it is removed, once a day.
PRUNE_AFTER_SECONDS = 7 * 24 * 3600
_PRUNED_MARK = ".pruned"
ENTRY_SUFFIX = ".json"

# The stat index of a repository (styr.cache_index), beside the entries.
INDEX_SUFFIX = ".index"
# A partial entry (`partial_suffix`): the errors and the findings of the rules named.
_PARTIAL_PREFIX = ".errors"
# A lint result, its errors-only part, its stat index, or a compiled template's code.
_ENTRY_NAME = re.compile(r"[0-9a-f]{40}(?:\.errors(?:-[A-Z]+[0-9]+)*|\.compiled)?\.(?:json|index)")

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # a planted named pipe must not block the run
_BINARY = getattr(os, "O_BINARY", 0)
_POSIX = os.name == "posix"


def partial_suffix(only: frozenset[str]) -> str:
    """The name ending of a partial result's entry (`styr.lint_checks.check_repository`).

    Its own name for each set of rules, never the whole entry's: a result that
    lacks the warnings must not answer `styr lint`, nor a partial one another.
    """
    return _PARTIAL_PREFIX + "".join(f"-{code}" for code in sorted(only)) + ENTRY_SUFFIX


def _files() -> ModuleType:
    """The writer, imported when something is written: a warm run only reads."""
    import styr.files

    return styr.files


class CacheRefused(Exception):
    """The cache would have to trust something others can change; it is not used this run."""

    def __init__(self, key: str, path: Path) -> None:
        super().__init__(key)
        self.key = key
        self.params = {"path": str(path)}


class LintCache:
    """The folder of lint results and the secret that signs them. Not a dataclass: `styr.record`."""

    __slots__ = ("folder", "secret")

    def __init__(self, folder: Path, secret: bytes) -> None:
        self.folder = folder
        self.secret = secret

    def __repr__(self) -> str:
        return f"LintCache(folder={self.folder!r})"  # never the secret, not even in a log

    def key(self, root: Path, contents: dict[Path, bytes | None], today: date) -> str:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(self.context(root, today).encode() + b"\0")
        for file, raw in contents.items():
            digest.update(file.relative_to(root).as_posix().encode() + b"\0")
            digest.update(raw if raw is not None else _refused_mark(file))
            digest.update(b"\0")
        return digest.hexdigest()

    def context(self, root: Path, today: date) -> str:
        """The part of the key that is not the repository's files: tool, schemas, config, date."""
        return cache_context.context(root, today)

    def contexts(self, today: date) -> cache_context.Contexts:
        """`context` for the many repositories of one run, each folder above looked at once."""
        return cache_context.Contexts(today)

    def load(self, key: str, suffix: str = ENTRY_SUFFIX) -> Any:
        """The stored value for `key`, or None: missing, unreadable, or not written by this user.

        The caller still checks the value's shape: a valid HMAC says who wrote
        it, not that today's code reads it the same way.
        """
        raw = _read_regular(os.path.join(self.folder, key + suffix), _MAX_ENTRY_BYTES)
        if raw is None or not raw.startswith(_HEADER):
            return None
        mac, newline, payload = raw[len(_HEADER) :].partition(b"\n")
        if not newline or not hmac.compare_digest(mac, self._mac(key + suffix, payload)):
            return None
        try:
            return json.loads(payload)
        except (ValueError, RecursionError):
            return None

    def store(self, key: str, value: Any, suffix: str = ENTRY_SUFFIX) -> None:
        """Keep `value` under `key`, if JSON gives it back exactly; a failure only costs speed."""
        try:
            payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
            if json.loads(payload) != value:
                return  # tuples, dates, non-text keys: a hit would differ from a fresh run
        except (ValueError, TypeError, RecursionError):
            return
        target = self.folder / f"{key}{suffix}"
        try:
            # Not flushed to disk: a torn entry fails its HMAC and is rebuilt.
            temporary = _files().write_temporary(
                target, _HEADER + self._mac(key + suffix, payload) + b"\n" + payload, durable=False
            )
            _files().move_into_place(temporary, target, durable=False)
        except OSError:
            pass

    def _mac(self, key: str, payload: bytes) -> bytes:
        # The key (with its suffix) is inside the HMAC, so a valid entry cannot be
        # moved to another key, nor a stat index taken for an entry.
        message = key.encode() + b"\n" + payload
        return hmac.digest(self.secret, message, "sha256").hex().encode()


def user_cache_folder() -> Path | None:
    """styr's folder in the user's cache.

    %LOCALAPPDATA%\\styr\\Cache on Windows; $XDG_CACHE_HOME/styr, else ~/.cache/styr.
    """
    if os.name == "nt":
        local = os.environ.get("LOCALAPPDATA")
        return Path(local) / "styr" / "Cache" if local else None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):  # the XDG rule: a relative value is ignored
        return Path(xdg) / "styr"
    home = os.path.expanduser("~")
    return Path(home) / ".cache" / "styr" if os.path.isabs(home) else None


def open_cache(folder: Path | None = None, *, user_folder: Path | None = None) -> LintCache | None:
    """The lint cache in `folder` (default: the user's cache folder), or None when none can be used.

    Raises CacheRefused when the folder or the secret is not the user's own
    alone; returns None, silently, when they cannot be created (a cache that
    cannot be written only costs speed).
    """
    own = user_folder or user_cache_folder()
    if own is None:
        return None
    entries = folder or own / ENTRIES_FOLDER
    try:
        _prepare_folder(own)
        secret = _secret(own / SECRET_FILE)
        _prepare_folder(entries)
        _write_gitignore(entries)
        _prune(entries, time.time())
    except OSError:
        return None
    return LintCache(entries, secret)


def _prepare_folder(folder: Path) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    status = os.stat(folder)
    if not stat.S_ISDIR(status.st_mode) or not _owned_alone(status, 0o022):
        raise CacheRefused("cache-folder-untrusted", folder)


def _owned_alone(status: os.stat_result, forbidden: int) -> bool:
    """Owned by this user, and none of the `forbidden` permission bits set (POSIX only)."""
    if not _POSIX:
        return True
    return status.st_uid == os.geteuid() and not status.st_mode & forbidden


def _secret(path: Path) -> bytes:
    """The user's secret, made on first use; refused when others could know or change it."""
    for _attempt in range(3):
        opened = _open_regular(path)
        if opened is None:
            _create_secret(path)
            continue
        handle, status = opened
        try:
            if not _owned_alone(status, 0o077):
                raise CacheRefused("cache-secret-untrusted", path)
            secret = os.read(handle, SECRET_BYTES + 1)
        finally:
            os.close(handle)
        if len(secret) == SECRET_BYTES:
            return secret
        _create_secret(path, replace=True)  # cut short (a full disk?): ours to replace
    raise OSError("the secret could not be made")


def _create_secret(path: Path, *, replace: bool = False) -> None:
    """A new random secret, 0600, put in place whole; if another run was first, theirs stays."""
    temporary = _files().write_temporary(path, os.urandom(SECRET_BYTES), mode=0o600)
    try:
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # fails if the secret exists: never overwrite another's
    except FileExistsError:
        pass
    except OSError:
        os.replace(temporary, path)  # no hard links here; a lost race only costs misses
    finally:
        _files().discard(temporary)


def _write_gitignore(folder: Path) -> None:
    """A .gitignore of `*` in the folder, unless something (even a dangling link) is there."""
    target = folder / ".gitignore"
    if os.path.lexists(target):
        return
    # O_EXCL never follows a link: a link planted since the check makes this fail.
    temporary = _files().temporary_name(target)
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
        try:
            os.write(handle, GITIGNORE.encode())
        finally:
            os.close(handle)
        os.link(temporary, target)
    except FileExistsError:
        pass
    except OSError:
        pass  # no .gitignore costs nothing but tidiness
    finally:
        _files().discard(temporary)


def _prune(folder: Path, now: float) -> None:
    """Remove old entries and temporary files left by a kill; only styr's own names, once a day."""
    mark = folder / _PRUNED_MARK
    try:
        if now - os.lstat(mark).st_mtime < 24 * 3600:
            return
    except FileNotFoundError:
        pass
    _files().move_into_place(
        _files().write_temporary(mark, b"", durable=False), mark, durable=False
    )
    with os.scandir(folder) as entries:
        for entry in entries:
            ours = _ENTRY_NAME.fullmatch(entry.name) or entry.name.endswith(
                _files().TEMPORARY_SUFFIX
            )
            if not ours or not entry.is_file(follow_symlinks=False):
                continue
            if now - entry.stat(follow_symlinks=False).st_mtime > PRUNE_AFTER_SECONDS:
                _files().discard(Path(entry.path))


def _open_regular(path: str | Path) -> tuple[int, os.stat_result] | None:
    """A read handle on `path` and its status, if it is a regular file and not a link; else None."""
    try:
        if not _NOFOLLOW and os.path.islink(path):
            return None  # no O_NOFOLLOW here (Windows): check first
        handle = os.open(path, os.O_RDONLY | _NOFOLLOW | _NONBLOCK | _BINARY)
    except OSError:
        return None
    try:
        status = os.fstat(handle)
        if stat.S_ISREG(status.st_mode):
            return handle, status
    except OSError:
        pass
    os.close(handle)
    return None


def _read_regular(path: str | Path, limit: int) -> bytes | None:
    opened = _open_regular(path)
    if opened is None:
        return None
    handle, status = opened
    try:
        if status.st_size > limit:
            return None
        # One read asks for a byte more than the size said: a file of that size
        # (as a warm run reads hundreds) is then read whole in one call, and
        # one that grew or gave fewer bytes is read on to its end as before.
        first = os.read(handle, status.st_size + 1)
        if len(first) == status.st_size:
            return first
        chunks = [first]
        while chunk := os.read(handle, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(handle)


def _refused_mark(file: Path) -> bytes:
    """What a file that was not read looks like, so that another reason is another key.

    A link, a named pipe or a file too large are refused with different
    findings; its kind, size and change time tell them apart without reading it.
    """
    try:
        status = os.lstat(file)
    except OSError as error:
        return f"\0unreadable {error.errno}".encode()
    kind = stat.S_IFMT(status.st_mode)
    return f"\0unreadable {kind} {status.st_size} {status.st_mtime_ns}".encode()
