"""The stored list of Kolada's KPIs (a dated snapshot), so search and lint work offline.

`styr kolada metadata --update` writes it, whole or not at all, in the
repository (`.styr/kolada-nyckeltal.json`, committed with the model so CI and
colleagues lint against the same list) or in the user's cache folder. It is
JSON, not YAML: written by styr, never by hand. Its shape:

    {"format": 1, "source": "Kolada", "api": "https://api.kolada.se/v3",
     "fetched_at": "2026-12-01T14:20:00+00:00",
     "kpis": [{"id": "N15428", "title": "…", …Kolada's own field names…}],
     "removed": [{"id": "N00001", "title": "…", "removed_on": "2026-12-01"}]}

Kolada names no flag for a removed KPI: one that an earlier snapshot had and
Kolada no longer lists is kept under `removed`, so lint can say it is gone.

This module reads no network and imports no client: lint uses it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from styr.errors import StyrError
from styr.kolada.errors import KoladaResponseError
from styr.kolada.kpi import KpiInfo, kpi_from_entry, kpi_to_entry
from styr.kolada.snapshot_place import FILE_NAME as FILE_NAME
from styr.kolada.snapshot_place import REPOSITORY_FOLDER as REPOSITORY_FOLDER
from styr.kolada.snapshot_place import find as find
from styr.kolada.snapshot_place import locations as locations
from styr.kolada.snapshot_place import repository_path as repository_path
from styr.kolada.snapshot_place import stamp as stamp
from styr.kolada.snapshot_place import user_cache_path as user_cache_path

FORMAT = 1
# A full snapshot is a few MB; far more is not one.
MAX_BYTES = 64 * 1024 * 1024
# Older than this, lint notes that the list may have changed (K006).
OLD_AFTER_DAYS = 365


class SnapshotError(StyrError):
    """The snapshot cannot be read or used (a message key in styr.messages_kolada)."""


@dataclass(frozen=True)
class Removed:
    id: str
    title: str
    removed_on: str  # ISO date of the update that found it gone


@dataclass(frozen=True)
class Snapshot:
    path: Path
    fetched_at: datetime
    api: str
    kpis: dict[str, KpiInfo]
    removed: dict[str, Removed] = field(default_factory=dict)

    @property
    def fetched_on(self) -> date:
        return self.fetched_at.date()

    def age_in_days(self, today: date) -> int:
        return (today - self.fetched_on).days


def read(path: Path) -> Snapshot:
    """The snapshot at `path`; SnapshotError if it is not one styr wrote."""
    from styr.load.access import Refused, read_inside

    try:
        raw = read_inside(path.parent, path, max_bytes=MAX_BYTES)
        data = json.loads(raw)
        return _snapshot(path, data)
    except (Refused, KoladaResponseError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise SnapshotError("kolada-snapshot-unreadable", path=str(path)) from error


# A few MB each: the language server, running for hours, keeps the latest two, not every one.
@lru_cache(maxsize=2)
def _read_cached(path: Path, size: int, mtime_ns: int) -> Snapshot:
    return read(path)


def read_once(path: Path) -> Snapshot:
    """`read`, once per state of the file in a process: lint of many repositories shares it."""
    info = os.stat(path)
    return _read_cached(path, info.st_size, info.st_mtime_ns)


def _snapshot(path: Path, data: dict[str, object]) -> Snapshot:
    if data.get("format") != FORMAT:
        raise ValueError("another format")
    fetched_at = datetime.fromisoformat(str(data["fetched_at"]))
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=UTC)
    entries = data["kpis"]
    removed = data.get("removed", [])
    if not isinstance(entries, list) or not isinstance(removed, list):
        raise ValueError("kpis and removed are lists")
    kpis = [kpi_from_entry(entry, str(path), f"$.kpis[{i}]") for i, entry in enumerate(entries)]
    return Snapshot(
        path=path,
        fetched_at=fetched_at,
        api=str(data["api"]),
        kpis={kpi.id: kpi for kpi in kpis},
        removed={
            str(item["id"]): Removed(str(item["id"]), str(item["title"]), str(item["removed_on"]))
            for item in removed
        },
    )


def removed_since(
    earlier: Snapshot | None, kpis: Iterable[KpiInfo], today: date
) -> dict[str, Removed]:
    """The KPIs gone from Kolada: those `earlier` had or had removed, and `kpis` lacks."""
    if earlier is None:
        return {}
    present = {kpi.id for kpi in kpis}
    gone = {
        kpi_id: Removed(kpi_id, kpi.title, today.isoformat())
        for kpi_id, kpi in earlier.kpis.items()
        if kpi_id not in present
    }
    kept = {kpi_id: item for kpi_id, item in earlier.removed.items() if kpi_id not in present}
    return kept | gone


def to_json(
    kpis: list[KpiInfo], removed: dict[str, Removed], fetched_at: datetime, api: str
) -> str:
    data = {
        "format": FORMAT,
        "source": "Kolada",
        "api": api,
        "fetched_at": fetched_at.isoformat(timespec="seconds"),
        "kpis": [kpi_to_entry(kpi) for kpi in sorted(kpis, key=lambda kpi: kpi.id)],
        "removed": [
            {"id": item.id, "title": item.title, "removed_on": item.removed_on}
            for item in sorted(removed.values(), key=lambda item: item.id)
        ],
    }
    # One KPI a line: a diff of two snapshots in git shows which KPIs changed.
    lines = json.dumps(data, ensure_ascii=False, indent=1)
    return lines + "\n"
