"""Kolada's lists: every KPI's metadata (/v3/kpi) and a municipality group's members.

Read as strictly as the data answers (styr.kolada.answer): an entry whose id or
title is missing, or a field of the wrong type, makes the whole answer
untrustworthy (`KoladaResponseError`), so nothing half-read is stored.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from styr.kolada.answer import PER_PAGE, bad_shape
from styr.kolada.checks import check_municipality
from styr.kolada.client import fetch_entries
from styr.kolada.errors import KoladaInputError
from styr.kolada.session import (
    DEFAULT_BASE_URL,
    DEFAULT_REQUEST_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    Opener,
    open_session,
)

__all__ = ["KpiInfo", "fetch_group_members", "fetch_kpi_metadata"]

_KPI_ID = re.compile(r"[NU][0-9]{5}")
# Kolada's group ids are a letter or two and digits (G124026); nothing else goes in the path.
_GROUP_ID = re.compile(r"[A-Za-z]{0,2}[0-9]{1,12}")
_TEXT_FIELDS = (
    "description",
    "operating_area",
    "municipality_type",
    "publication_date",
    "prel_publication_date",
    "publ_period",
    "perspective",
    "auspice",
)


@dataclass(frozen=True, slots=True)
class KpiInfo:
    """One KPI as Kolada describes it; the texts are "" where Kolada gives none."""

    id: str
    title: str
    description: str = ""
    operating_area: str = ""
    divided_by_gender: bool = False
    # "K" municipalities, "L" regions (landsting), "A" both; Kolada documents these three.
    municipality_type: str = ""
    has_ou_data: bool = False
    publication_date: str = ""
    prel_publication_date: str = ""
    publ_period: str = ""
    perspective: str = ""
    auspice: str = ""

    @property
    def municipality_level(self) -> bool:
        """Kolada has values for municipalities (not only for regions)."""
        return any(part.strip() in {"K", "A"} for part in self.municipality_type.split(","))


def fetch_kpi_metadata(
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = 20.0,
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    max_retries: int = 4,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    opener: Opener | None = None,
) -> list[KpiInfo]:
    """Every KPI Kolada lists, all pages, with the same deadlines as `fetch_outcomes`."""
    session = open_session(
        base_url,
        timeout=timeout,
        request_timeout=request_timeout,
        total_timeout=total_timeout,
        max_retries=max_retries,
        sleep=sleep,
        clock=clock,
        opener=opener,
    )
    url = f"{session.base_url}/kpi"
    entries = fetch_entries("/kpi", {"per_page": str(PER_PAGE)}, session)
    return [parse_kpi(entry, url, f"$.values[{index}]") for index, entry in enumerate(entries)]


def fetch_group_members(
    group_id: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = 20.0,
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    max_retries: int = 4,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    opener: Opener | None = None,
) -> list[str]:
    """The municipality codes of Kolada's municipality group `group_id`, in Kolada's order.

    An unknown group is a `KoladaInputError` ("kolada-unknown-group"): Kolada
    answers it with an empty list, which must not read as a group of no one.
    """
    if not isinstance(group_id, str) or not _GROUP_ID.fullmatch(group_id):
        raise KoladaInputError("kolada-bad-group", value=group_id)
    session = open_session(
        base_url,
        timeout=timeout,
        request_timeout=request_timeout,
        total_timeout=total_timeout,
        max_retries=max_retries,
        sleep=sleep,
        clock=clock,
        opener=opener,
    )
    path = f"/municipality_groups/{group_id}"
    url = f"{session.base_url}{path}"
    entries = fetch_entries(path, {}, session)
    groups = [entry for entry in entries if isinstance(entry, dict) and entry.get("id") == group_id]
    if not groups:
        raise KoladaInputError("kolada-unknown-group", value=group_id)
    return _members(groups[0], url)


def _members(group: dict[str, object], url: str) -> list[str]:
    members = group.get("members")
    if not isinstance(members, list):
        raise bad_shape(url, "$.values[0].members")
    codes: list[str] = []
    for index, member in enumerate(members):
        code = member.get("id") if isinstance(member, dict) else None
        try:
            check_municipality(code)  # type: ignore[arg-type]
        except KoladaInputError:
            raise bad_shape(url, f"$.values[0].members[{index}].id") from None
        codes.append(code)  # type: ignore[arg-type]
    return list(dict.fromkeys(codes))


def parse_kpi(entry: object, url: str, where: str) -> KpiInfo:
    """One entry of /v3/kpi; `where` says which, for the message when it is not Kolada's shape."""
    if not isinstance(entry, dict):
        raise bad_shape(url, where)
    kpi_id = entry.get("id")
    if not isinstance(kpi_id, str) or not _KPI_ID.fullmatch(kpi_id):
        raise bad_shape(url, f"{where}.id")
    title = entry.get("title")
    if not isinstance(title, str):
        raise bad_shape(url, f"{where}.title")
    texts = {name: _text(entry, name, url, where) for name in _TEXT_FIELDS}
    return KpiInfo(
        id=kpi_id,
        title=title,
        divided_by_gender=_flag(entry, "is_divided_by_gender", url, where),
        has_ou_data=_flag(entry, "has_ou_data", url, where),
        **texts,
    )


def _text(entry: dict[str, object], name: str, url: str, where: str) -> str:
    value = entry.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise bad_shape(url, f"{where}.{name}")
    return value


def _flag(entry: dict[str, object], name: str, url: str, where: str) -> bool:
    # Kolada's documentation gives is_divided_by_gender as 0/1, has_ou_data as true/false.
    value = entry.get(name)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return value == 1
    raise bad_shape(url, f"{where}.{name}")
