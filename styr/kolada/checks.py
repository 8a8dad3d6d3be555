"""The question checked before anything is asked: KPI ids, municipality, years, address, tuning.

Bad input is a `KoladaInputError` (a clean message, exit code 2); nonsensical
tuning arguments are a `ValueError`, a bug in the caller.
"""

from __future__ import annotations

import math
import re
import urllib.parse
from collections.abc import Sequence

from styr.kolada.errors import KoladaInputError
from styr.kolada.transport import origin

FIRST_YEAR, LAST_YEAR = 1990, 2100
# fullmatch, not `^…$`: `$` would let a trailing newline through.
_KPI_ID = re.compile(r"[NU][0-9]{5}")
_MUNICIPALITY_ID = re.compile(r"[0-9]{4}")
# http.client refuses these in a URL with an exception of its own; catch them first.
UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f]")


def checked_kpis(kpis: list[str]) -> list[str]:
    if isinstance(kpis, str):  # a lone id would otherwise be split into letters
        raise TypeError("kpis must be a list of KPI ids, not a single string")
    for kpi in kpis:
        if not isinstance(kpi, str) or not _KPI_ID.fullmatch(kpi):
            raise KoladaInputError("kolada-bad-kpi", value=kpi)
    if not kpis:
        raise KoladaInputError("kolada-nothing-requested")
    return list(dict.fromkeys(kpis))  # asking twice would return every value twice


def check_municipality(municipality: str) -> None:
    if not isinstance(municipality, str) or not _MUNICIPALITY_ID.fullmatch(municipality):
        raise KoladaInputError("bad-code", code=municipality)


def checked_municipalities(municipality: str | Sequence[str]) -> list[str]:
    """One code or several ("0000" is the whole country), each once, in the order given."""
    # A lone code, or something that is no code at all (checked below), is a list of one.
    lone = isinstance(municipality, str) or not isinstance(municipality, list | tuple)
    codes: list[str] = [municipality] if lone else list(municipality)  # type: ignore[list-item]
    for code in codes:
        check_municipality(code)
    if not codes:
        raise KoladaInputError("kolada-nothing-requested")
    return list(dict.fromkeys(codes))


def checked_years(years: list[int]) -> list[int]:
    for year in years:
        # bool is an int in Python; True is not a year.
        if (
            isinstance(year, bool)
            or not isinstance(year, int)
            or not (FIRST_YEAR <= year <= LAST_YEAR)
        ):
            raise KoladaInputError("kolada-bad-year", value=year, first=FIRST_YEAR, last=LAST_YEAR)
    if not years:
        raise KoladaInputError("kolada-nothing-requested")
    return list(dict.fromkeys(years))


def check_seconds(seconds: float) -> None:
    if not (isinstance(seconds, int | float) and math.isfinite(seconds) and seconds > 0):
        raise ValueError(f"timeouts must be positive numbers of seconds, not {seconds!r}")


def check_tuning(max_ids_per_request: int, max_retries: int) -> None:
    if max_ids_per_request < 1:
        raise ValueError(f"max_ids_per_request must be at least 1, not {max_ids_per_request!r}")
    if max_retries < 0:
        raise ValueError(f"max_retries must be 0 or more, not {max_retries!r}")


def checked_base_url(base_url: str) -> str:
    # Only http(s): urllib would also open file: and ftp: addresses.
    parts = urllib.parse.urlsplit(base_url)
    if (
        origin(base_url) is None
        or parts.query
        or parts.fragment
        or UNSAFE_URL_CHARS.search(base_url)
    ):
        raise KoladaInputError("kolada-bad-base-url", url=base_url)
    return base_url.rstrip("/")
