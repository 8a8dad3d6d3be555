"""Kolada's open API v3: outcomes, KPI metadata and municipality groups, standard library only."""

from styr.kolada.client import USER_AGENT, Outcome, fetch_outcomes
from styr.kolada.errors import (
    KoladaConnectionError,
    KoladaDeadlineError,
    KoladaError,
    KoladaHTTPError,
    KoladaInputError,
    KoladaResponseError,
)
from styr.kolada.lists import KpiInfo, fetch_group_members, fetch_kpi_metadata
from styr.kolada.session import DEFAULT_BASE_URL, Opener

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
    "fetch_group_members",
    "fetch_kpi_metadata",
    "fetch_outcomes",
]
