"""Kolada's open API v3: fetch municipal KPI outcomes with the standard library only."""

from styr.kolada.client import DEFAULT_BASE_URL, USER_AGENT, Opener, Outcome, fetch_outcomes
from styr.kolada.errors import (
    KoladaConnectionError,
    KoladaDeadlineError,
    KoladaError,
    KoladaHTTPError,
    KoladaInputError,
    KoladaResponseError,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "USER_AGENT",
    "KoladaConnectionError",
    "KoladaDeadlineError",
    "KoladaError",
    "KoladaHTTPError",
    "KoladaInputError",
    "KoladaResponseError",
    "Opener",
    "Outcome",
    "fetch_outcomes",
]
