"""Kolada's open API v3: outcomes, KPI metadata and municipality groups, standard library only.

The names are imported when first used (PEP 562): lint reads the stored KPI
list (styr.kolada.snapshot) without importing the network client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from styr.kolada.client import USER_AGENT, Outcome, fetch_outcomes
    from styr.kolada.errors import (
        KoladaConnectionError,
        KoladaDeadlineError,
        KoladaError,
        KoladaHTTPError,
        KoladaInputError,
        KoladaResponseError,
    )
    from styr.kolada.kpi import KpiInfo
    from styr.kolada.lists import fetch_group, fetch_group_members, fetch_kpi_metadata
    from styr.kolada.session import DEFAULT_BASE_URL, Opener

_HOMES = {
    "DEFAULT_BASE_URL": "session",
    "Opener": "session",
    "USER_AGENT": "client",
    "Outcome": "client",
    "fetch_outcomes": "client",
    "KoladaConnectionError": "errors",
    "KoladaDeadlineError": "errors",
    "KoladaError": "errors",
    "KoladaHTTPError": "errors",
    "KoladaInputError": "errors",
    "KoladaResponseError": "errors",
    "KpiInfo": "kpi",
    "fetch_group": "lists",
    "fetch_group_members": "lists",
    "fetch_kpi_metadata": "lists",
}

__all__ = [
    "DEFAULT_BASE_URL",
    "USER_AGENT",
    "KoladaConnectionError",
    "KoladaDeadlineError",
    "KoladaError",
    "KoladaHTTPError",
    "KoladaInputError",
    "KoladaResponseError",
    "KpiInfo",
    "Opener",
    "Outcome",
    "fetch_group",
    "fetch_group_members",
    "fetch_kpi_metadata",
    "fetch_outcomes",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'styr.kolada' has no attribute {name!r}")
    return getattr(importlib.import_module(f"styr.kolada.{home}"), name)
