"""Kolada's lists: every KPI's metadata (/v3/kpi) and a municipality group's members.

Read as strictly as the data answers (styr.kolada.answer): an entry whose id or
title is missing, or a field of the wrong type, makes the whole answer
untrustworthy (`KoladaResponseError`), so nothing half-read is stored.
"""

from __future__ import annotations

from typing import Any, Unpack

from styr.kolada.answer import PER_PAGE, bad_shape
from styr.kolada.checks import check_municipality
from styr.kolada.client import fetch_entries
from styr.kolada.errors import KoladaInputError
from styr.kolada.group_id import is_group_id
from styr.kolada.kpi import KpiInfo, parse_kpi
from styr.kolada.session import DEFAULT_BASE_URL, SessionOptions, open_session

__all__ = ["KpiInfo", "fetch_group", "fetch_group_members", "fetch_kpi_metadata", "is_group_id"]


def fetch_kpi_metadata(
    *,
    base_url: str = DEFAULT_BASE_URL,
    **options: Unpack[SessionOptions],
) -> list[KpiInfo]:
    """Every KPI Kolada lists, all pages, with the same deadlines as `fetch_outcomes`."""
    session = open_session(base_url, **options)
    url = f"{session.base_url}/kpi"
    entries = fetch_entries("/kpi", {"per_page": str(PER_PAGE)}, session)
    return [parse_kpi(entry, url, f"$.values[{index}]") for index, entry in enumerate(entries)]


def fetch_group_members(group_id: str, **options: Any) -> list[str]:
    """The municipality codes of Kolada's municipality group `group_id`, in Kolada's order."""
    return fetch_group(group_id, **options)[1]


def fetch_group(
    group_id: str,
    *,
    base_url: str = DEFAULT_BASE_URL,
    **options: Unpack[SessionOptions],
) -> tuple[str, list[str]]:
    """Kolada's title of the municipality group `group_id` ("" without one) and its
    municipality codes, in Kolada's order.

    An unknown group is a `KoladaInputError` ("kolada-unknown-group"): Kolada
    answers it with an empty list, which must not read as a group of no one.
    """
    if not is_group_id(group_id):
        raise KoladaInputError("kolada-bad-group", value=group_id)
    session = open_session(base_url, **options)
    path = f"/municipality_groups/{group_id}"
    url = f"{session.base_url}{path}"
    entries = fetch_entries(path, {}, session)
    groups = [entry for entry in entries if isinstance(entry, dict) and entry.get("id") == group_id]
    if not groups:
        raise KoladaInputError("kolada-unknown-group", value=group_id)
    title = groups[0].get("title")
    return (title.strip() if isinstance(title, str) else ""), _members(groups[0], url)


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
