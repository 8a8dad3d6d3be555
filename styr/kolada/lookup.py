"""`styr kolada search`'s work: Kolada's list online, the stored snapshot offline or as a fallback.

Returns what was found and where from; the CLI words it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from styr.kolada.kpi import KpiInfo
from styr.kolada.search import Found, search
from styr.kolada.snapshot import Snapshot, SnapshotError

# Searching needs the list quickly or not at all; a pull may take longer.
SEARCH_TIMEOUT = 60.0


@dataclass(frozen=True)
class Searched:
    found: Found
    snapshot: Snapshot | None  # None when Kolada itself was searched
    fell_back: bool  # Kolada could not be reached, so the snapshot was searched


def find_kpis(
    text: str,
    *,
    root: Path | None,
    base_url: str,
    offline: bool = False,
    limit: int | None = None,
    timeout: float = SEARCH_TIMEOUT,
) -> Searched:
    """KPIs matching `text`: online from Kolada unless `offline`, else from the snapshot.

    When Kolada cannot be reached (no network, too slow, busy) the snapshot is
    searched instead; with no snapshot either, a SnapshotError says how to make one.
    """
    from styr.kolada import metadata

    if offline:
        stored = metadata.stored(root)
        return Searched(search(stored.kpis.values(), text, limit), stored, fell_back=False)
    from styr.kolada.errors import KoladaConnectionError, KoladaHTTPError

    try:
        kpis = _online(base_url, timeout)
    except (KoladaConnectionError, KoladaHTTPError) as error:
        try:
            stored = metadata.stored(root)
        except SnapshotError as missing:
            if missing.key != "kolada-no-snapshot":
                raise
            raise SnapshotError("kolada-offline-no-snapshot") from error
        return Searched(search(stored.kpis.values(), text, limit), stored, fell_back=True)
    return Searched(search(kpis, text, limit), None, fell_back=False)


def _online(base_url: str, timeout: float) -> list[KpiInfo]:
    from styr.kolada.lists import fetch_kpi_metadata

    return fetch_kpi_metadata(base_url=base_url, total_timeout=timeout)


def repository_above(folder: Path) -> Path | None:
    """The repository (a folder with styr.yaml) that `folder` is in, if any."""
    from styr.model.repository import MANIFEST

    start = folder.resolve()
    return next((f for f in (start, *start.parents) if (f / MANIFEST).is_file()), None)
