"""`styr kolada metadata --update` and the snapshot a search or lint uses: plain functions.

Nothing here prints: the CLI says what the returned values mean.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from styr.kolada import snapshot
from styr.kolada.snapshot import Snapshot, SnapshotError


@dataclass(frozen=True)
class Updated:
    path: Path
    count: int
    newly_removed: int
    fetched_at: datetime


def update(
    target: Path,
    *,
    base_url: str,
    total_timeout: float | None = None,
    now: datetime | None = None,
) -> Updated:
    """Fetch every KPI's metadata and store it at `target`, whole or not at all.

    The earlier snapshot at `target` (if readable) tells which KPIs Kolada no
    longer lists; a fetch that fails half-way raises before anything is written.
    """
    from styr.files import write_atomic
    from styr.kolada.lists import fetch_kpi_metadata
    from styr.kolada.session import DEFAULT_TOTAL_TIMEOUT

    when = now or datetime.now(UTC)
    timeout = DEFAULT_TOTAL_TIMEOUT if total_timeout is None else total_timeout
    kpis = fetch_kpi_metadata(base_url=base_url, total_timeout=timeout)
    earlier = _earlier(target)
    removed = snapshot.removed_since(earlier, kpis, when.date())
    before = set(earlier.removed) if earlier is not None else set()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, snapshot.to_json(kpis, removed, when, base_url.rstrip("/")))
    return Updated(target, len(kpis), len(set(removed) - before), when)


def _earlier(target: Path) -> Snapshot | None:
    if not target.is_file():
        return None
    try:
        return snapshot.read(target)
    except SnapshotError:
        return None  # a damaged snapshot is replaced; what it knew of removals is lost


def stored(root: Path | None) -> Snapshot:
    """The snapshot search and lint use: the repository's, else the user's.

    SnapshotError ("kolada-no-snapshot") when there is none.
    """
    path = snapshot.find(root)
    if path is None:
        raise SnapshotError("kolada-no-snapshot")
    return snapshot.read(path)


def target_of(path: Path, *, user_cache: bool) -> Path:
    """Where `--update` writes: the user's cache folder, else the repository at `path`."""
    if user_cache:
        folder = snapshot.user_cache_path()
        if folder is None:
            raise SnapshotError("kolada-no-user-cache")
        return folder
    from styr.model.repository import find_repositories

    return snapshot.repository_path(find_repositories([path])[0])


def update_snapshot(
    path: Path, *, user_cache: bool, base_url: str, timeout: float | None = None
) -> Updated:
    """`styr kolada metadata --update [PATH] [--user-cache] [--timeout SECONDS]`."""
    from styr.kolada.session import run_time_limit

    limit = run_time_limit(timeout)  # refused before anything is looked for or fetched
    return update(target_of(path, user_cache=user_cache), base_url=base_url, total_timeout=limit)


def snapshot_status(
    path: Path, *, user_cache: bool, today: date | None = None
) -> tuple[Snapshot, int]:
    """`styr kolada metadata`: the snapshot that would be used, and its age in days."""
    from styr.kolada.lookup import repository_above

    root = None if user_cache else repository_above(path)
    places = snapshot.locations(root)[-1:] if user_cache else snapshot.locations(root)
    found = next((place for place in places if place.is_file()), None)
    if found is None:
        where = " · ".join(str(place) for place in places)
        raise SnapshotError("kolada-metadata-none", places=where)
    stored_snapshot = snapshot.read(found)
    return stored_snapshot, stored_snapshot.age_in_days(today or date.today())


UPDATE = "styr kolada metadata --update"


def update_command(stored_at: Path) -> str:
    """The command that updates the list stored at `stored_at`: the user's needs --user-cache,
    or the update would write a second list into the repository and leave this one old."""
    user = snapshot.user_cache_path()
    if user is not None and stored_at.resolve() == user.resolve():
        return f"{UPDATE} --user-cache"
    return UPDATE
