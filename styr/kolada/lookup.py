"""`styr kolada search`'s work: Kolada's list online, the stored snapshot offline or as a fallback.

Returns what was found and where from; the CLI words it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from styr.errors import StyrError
from styr.i18n import N_, both_languages
from styr.kolada.kpi import KpiInfo
from styr.kolada.search import Found, search
from styr.kolada.snapshot import Snapshot, SnapshotError

# Searching needs the list quickly or not at all; a pull may take longer.
SEARCH_TIMEOUT = 60.0


# Why Kolada's own list was not searched, as the fallback's message says it.
UNREACHABLE = N_("Kolada could not be reached")
BUSY = N_("Kolada answered that it is busy or temporarily unavailable (HTTP {status})")
REFUSED = N_("Kolada answered with an error (HTTP {status})")


@dataclass(frozen=True)
class Searched:
    found: Found
    snapshot: Snapshot | None  # None when Kolada itself was searched
    fell_back: bool  # Kolada could not be reached, so the snapshot was searched
    # Why, when it fell back: `why` (Swedish) and `why_en` for the message.
    why: dict[str, str] = field(default_factory=dict)


def why_not_online(error: StyrError) -> dict[str, str]:
    """Why Kolada's list could not be searched: not reached, or it answered busy or an error.

    Kolada that answers "too many requests" (HTTP 429) was reached: it is said
    to be busy, not out of reach, so that nobody checks a network that works.
    """
    from styr.kolada.errors import KoladaHTTPError

    if not isinstance(error, KoladaHTTPError):
        return both_languages("why", UNREACHABLE)
    from styr.kolada.client import RETRY_STATUSES

    status = error.params.get("status", "")
    # 429 and 503: busy, whether styr gave up retrying or was asked to wait too long.
    reason = BUSY if status in RETRY_STATUSES else REFUSED
    return both_languages("why", reason, status=status)


def find_kpis(
    text: str,
    *,
    root: Path | None,
    base_url: str,
    offline: bool = False,
    limit: int | None = None,
    timeout: float | None = None,
) -> Searched:
    """KPIs matching `text`: online from Kolada unless `offline`, else from the snapshot.

    When Kolada cannot be reached (no network, too slow) or answers that it is
    busy, the snapshot is searched instead (`why` says which); with no snapshot
    either, a SnapshotError says how to make one. `timeout` bounds the online
    read, in seconds (SEARCH_TIMEOUT when None).
    """
    from styr.kolada import metadata
    from styr.kolada.session import run_time_limit

    seconds = run_time_limit(timeout, SEARCH_TIMEOUT)
    if offline:
        stored = metadata.stored(root)
        return Searched(search(stored.kpis.values(), text, limit), stored, fell_back=False)
    from styr.kolada.errors import KoladaConnectionError, KoladaHTTPError

    try:
        kpis = _online(base_url, seconds)
    except (KoladaConnectionError, KoladaHTTPError) as error:
        try:
            stored = metadata.stored(root)
        except SnapshotError as missing:
            if missing.key != "kolada-no-snapshot":
                raise
            raise SnapshotError("kolada-offline-no-snapshot", **why_not_online(error)) from error
        found = search(stored.kpis.values(), text, limit)
        return Searched(found, stored, fell_back=True, why=why_not_online(error))
    return Searched(search(kpis, text, limit), None, fell_back=False)


def _online(base_url: str, timeout: float) -> list[KpiInfo]:
    from styr.kolada.lists import fetch_kpi_metadata

    return fetch_kpi_metadata(base_url=base_url, total_timeout=timeout)


def search_root(repository: Path | None) -> Path | None:
    """The repository whose stored list a search uses: the one named (`--repository`, which
    must be one), else the one the current folder is in, if any."""
    if repository is None:
        return repository_above(Path("."))
    from styr.model.repository import find_repositories

    return find_repositories([repository])[0]


def repository_above(folder: Path) -> Path | None:
    """The repository (a folder with styr.yaml) that `folder` is in, if any."""
    from styr.model.repository import MANIFEST

    start = folder.resolve()
    return next((f for f in (start, *start.parents) if (f / MANIFEST).is_file()), None)
