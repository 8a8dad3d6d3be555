"""`styr diff` as a function: two sides in, a `DiffResult` out (nothing printed).

Each repository on either side is one of: identical on both (counted, never
loaded), on one side only (added or removed: one change, and the findings
of the side it is on), or changed (loaded on both sides, compared element by
element by `styr.diff.compare`, and linted on both for the findings' delta).
Many changed repositories (two budget years of a whole county) are compared
in worker processes, each repository whole in one of them.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from styr.diff.changes import Change, ChangeKind, DiffResult, RepositoryDiff
from styr.diff.findings import findings_delta
from styr.diff.sources import Prepared, Side, remove_scratch
from styr.model.index import build_index
from styr.model.repository import MANIFEST, Repository, load_repository

# Below this many changed repositories, starting worker processes costs more than it saves.
PARALLEL_FROM = 8

# One changed repository's work: its key, both sides ready to load (None: not on that
# side), where it is shown, the day and the language.
Work = tuple[str, Prepared | None, Prepared | None, str, str, date, str]


def diff(old_side: Side, new_side: Side, *, today: date, language: str) -> DiffResult:
    """What changed from `old_side` to `new_side`, repository by repository."""
    result = DiffResult(old_side.label_in(language), new_side.label_in(language))
    changed: list[tuple[str | None, str | None]] = []  # (old key, new key)
    for key in sorted({*old_side.repositories, *new_side.repositories}, key=_folder_order):
        old = old_side.repositories.get(key)
        new = new_side.repositories.get(key)
        if old is not None and new is not None and old.same_as(new):
            result.unchanged += 1
        else:
            changed.append((key if old is not None else None, key if new is not None else None))
    changed = _moved_paired(old_side, new_side, changed)
    old_side.prefetch([old for old, _new in changed if old is not None])
    new_side.prefetch([new for _old, new in changed if new is not None])
    # Revisions' files that lint reads from disk are put here, and removed on every path.
    scratch = Path(tempfile.mkdtemp(prefix="styr-diff-"))
    try:
        work = [
            (
                str(new_key or old_key),
                _prepared(old_side, old_key, scratch),
                _prepared(new_side, new_key, scratch),
                _shown(new_side, new_key) or _shown(old_side, old_key),
                _shown(old_side, old_key) or _shown(new_side, new_key),
                today,
                language,
            )
            for old_key, new_key in changed
        ]
        result.repositories.extend(_each(work))
    finally:
        remove_scratch(scratch)
    return result


def _folder_order(key: str) -> list[str]:
    return key.split("/")


def _moved_paired(
    old_side: Side, new_side: Side, changed: list[tuple[str | None, str | None]]
) -> list[tuple[str | None, str | None]]:
    """A repository on one side only, paired with one on the other by municipality code.

    A municipality's folder moved (`git mv huddinge kommuner/huddinge`) is the
    same municipality: compared element by element, not removed and added.
    Only a code given once among the removed and once among the added pairs.
    """
    removed = [old for old, new in changed if new is None and old is not None]
    added = [new for old, new in changed if old is None and new is not None]
    if not removed or not added:
        return changed
    old_codes = _by_code(old_side, removed)
    new_codes = _by_code(new_side, added)
    pairs = {
        keys[0]: new_codes[code][0]
        for code, keys in old_codes.items()
        if len(keys) == 1 and len(new_codes.get(code, [])) == 1
    }
    paired_new = set(pairs.values())
    kept = [(old, new) for old, new in changed if new not in paired_new or old is not None]
    return [(old, pairs.get(old, new) if new is None and old else new) for old, new in kept]


def _by_code(side: Side, keys: list[str]) -> dict[str, list[str]]:
    codes: dict[str, list[str]] = {}
    for key in keys:
        code = side.municipality_code(key)
        if code is not None:
            codes.setdefault(code, []).append(key)
    return codes


def _shown(side: Side, key: str | None) -> str:
    return side.repositories[key].shown if key is not None else ""


def _prepared(side: Side, key: str | None, scratch: Path) -> Prepared | None:
    return side.prepare(key, scratch) if key is not None else None


def _each(work: list[Work]) -> Iterator[RepositoryDiff]:
    jobs = os.cpu_count() or 1
    if jobs <= 1 or len(work) < PARALLEL_FROM:
        return (repository_diff(*each) for each in work)
    from styr.parallel import map_in_processes

    return map_in_processes(repository_diff, work, jobs)


def repository_diff(
    key: str,
    old_files: Prepared | None,
    new_files: Prepared | None,
    shown: str,
    old_shown: str,
    today: date,
    language: str,
) -> RepositoryDiff:
    """One repository's changes and findings' delta (in this process or a worker).

    `shown` is the repository's folder on the new side as the person finds it,
    `old_shown` on the old side (another folder with --from and --to).
    """
    old = load_repository(old_files.root, old_files.contents) if old_files else None
    new = load_repository(new_files.root, new_files.contents) if new_files else None
    named = new or old  # the new side's name, the old side's if it was removed
    assert named is not None, key  # a key comes from one side at least
    repository_diff = RepositoryDiff(
        name=_municipality_name(old, new),
        code=named.municipality_code or (old.municipality_code if old else None),
        path=shown,
        old_path=old_shown,
        organisation_names=_organisation_names(old, new),
    )
    if old is None or new is None:
        repository_diff.changes.append(_whole_repository(named, added=new is not None))
    else:
        repository_diff.changes.extend(compare(old, new, language))
    # Last: lint lets go of the positions the comparison places its changes by.
    repository_diff.findings = findings_delta(old, new, today=today, language=language)
    return repository_diff


def compare(old: Repository, new: Repository, language: str) -> list[Change]:
    """The changes by id (`styr.diff.compare`, imported when a repository changed)."""
    from styr.diff.compare import compare_repositories

    return compare_repositories(old, new, language=language)


def _whole_repository(repository: Repository, *, added: bool) -> Change:
    return Change(
        kind=ChangeKind.REPOSITORY_ADDED if added else ChangeKind.REPOSITORY_REMOVED,
        category="repository",
        id=repository.municipality_code,
        title=repository.municipality_name,
        file=MANIFEST,
        line=1,  # the manifest's top: a place an annotation and an editor can go to
        column=1,
    )


def _municipality_name(old: Repository | None, new: Repository | None) -> str:
    """The new side's name; the old side's where the new side's manifest does not say one.

    A manifest that cannot be read gives the folder's name, which is no heading
    for a municipality whose name the old side still says.
    """
    sides = [side for side in (new, old) if side is not None]
    for side in sides:
        if side.municipality_name != side.root.name:
            return side.municipality_name
    return sides[0].municipality_name


def _organisation_names(old: Repository | None, new: Repository | None) -> dict[str, str]:
    """Each organisation's name for headings: both sides', the new side's where both have it."""
    names: dict[str, str] = {}
    for repository in (old, new):
        if repository is None:
            continue
        for organisation in build_index(repository).organisations:
            if organisation.id is not None:
                names[organisation.id] = organisation.title
    return names
