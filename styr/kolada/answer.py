"""Kolada's answers read into outcomes, trusting nothing that was not asked for.

A value for another KPI, municipality or year, a number that is not a number,
or a shape that is not Kolada's is refused (`KoladaResponseError`): such an
answer is not to the question asked.
"""

from __future__ import annotations

import json
import math
import urllib.parse
from dataclasses import dataclass

from styr.i18n import N_, both_languages
from styr.kolada.errors import KoladaResponseError

GENDERS = frozenset({"T", "K", "M"})
# Kolada's own maximum: fewer pages means fewer requests that can be rate limited.
PER_PAGE = 5000


@dataclass(frozen=True, slots=True)
class Outcome:
    """One value for one KPI, municipality, year and gender."""

    kpi: str
    municipality: str
    year: int
    gender: str  # "T" total, "K" women (kvinnor), "M" men
    value: float | None  # None when Kolada has no value; `status` then says why
    status: str  # "" for an ordinary value, e.g. "Missing" otherwise
    # True when Kolada marks the value preliminary. The data answer has no flag of
    # its own for it: the value's `status` says so (see `is_preliminary`). The
    # KPI's prel_publication_date only tells when the next preliminary figures come,
    # not which of the values already published are preliminary.
    preliminary: bool = False


# A value's status that marks it preliminary, compared without case: Kolada's
# status texts are English ("Missing"), the Swedish word is accepted as well.
PRELIMINARY_STATUSES = frozenset({"preliminary", "prel", "preliminär"})


def is_preliminary(status: str) -> bool:
    return status.strip().casefold() in PRELIMINARY_STATUSES


@dataclass(frozen=True)
class Query:
    """One request's worth of ids; the answer may only contain these."""

    kpis: tuple[str, ...]
    municipalities: tuple[str, ...]
    years: tuple[int, ...]

    def url(self, base_url: str) -> str:
        kpis = ",".join(self.kpis)
        municipalities = ",".join(self.municipalities)
        years = ",".join(map(str, self.years))
        path = f"/data/kpi/{kpis}/municipality/{municipalities}/year/{years}"
        return f"{base_url}{path}?{urllib.parse.urlencode({'per_page': PER_PAGE})}"


def parse_json(body: bytes, url: str) -> object:
    try:
        return json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:  # RecursionError: absurdly deep nesting
        raise KoladaResponseError("kolada-bad-json", url=url, **_why_not_json(error)) from error


class _NotAJsonNumber(ValueError):
    """NaN or Infinity in the answer: `name` is the word Kolada wrote."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _refuse_constant(name: str) -> object:
    # NaN and Infinity are not JSON; Python's parser accepts them unless told otherwise.
    raise _NotAJsonNumber(name)


def _why_not_json(error: Exception) -> dict[str, str]:
    """Why the answer is not JSON, in the reader's language (`reason`, `reason_en`).

    The parser's own sentence is English ("Expecting value"); it follows in
    quotes only as a detail, after where in the answer it went wrong.
    """
    if isinstance(error, _NotAJsonNumber):
        return both_languages(
            "reason", N_("it holds {name}, which is no number JSON allows"), name=error.name
        )
    if isinstance(error, json.JSONDecodeError):
        return both_languages(
            "reason",
            N_("it breaks off or goes wrong at line {line}, column {column} (“{detail}”)"),
            line=error.lineno,
            column=error.colno,
            detail=error.msg,
        )
    if isinstance(error, UnicodeDecodeError):
        return both_languages("reason", N_("its characters cannot be read as text"))
    return both_languages("reason", N_("it is nested too deeply to be read"))


def bad_shape(url: str, where: str) -> KoladaResponseError:
    return KoladaResponseError("kolada-bad-shape", url=url, where=where)


def page_entries(page: object, url: str) -> tuple[list[object], str | None]:
    """The `values` of one page of any v3 list answer, and the next page's address if any."""
    if not isinstance(page, dict):
        raise bad_shape(url, "$")
    values = page.get("values")
    if not isinstance(values, list):
        raise bad_shape(url, "$.values")
    next_url = page.get("next_url")
    if next_url is not None and not isinstance(next_url, str):
        raise bad_shape(url, "$.next_url")
    return values, next_url or None  # an empty link is no link


def parse_page(page: object, query: Query, url: str) -> tuple[list[Outcome], str | None]:
    values, next_url = page_entries(page, url)
    outcomes: list[Outcome] = []
    for index, entry in enumerate(values):
        outcomes.extend(_parse_entry(entry, query, url, f"$.values[{index}]"))
    return outcomes, next_url


def _parse_entry(entry: object, query: Query, url: str, where: str) -> list[Outcome]:
    if not isinstance(entry, dict):
        raise bad_shape(url, where)
    # Data for something we did not ask about means the answer is not to this question.
    kpi = entry.get("kpi")
    if not isinstance(kpi, str) or kpi not in query.kpis:
        raise bad_shape(url, f"{where}.kpi")
    municipality = entry.get("municipality")
    if not isinstance(municipality, str) or municipality not in query.municipalities:
        raise bad_shape(url, f"{where}.municipality")
    year = entry.get("period")
    if isinstance(year, bool) or not isinstance(year, int) or year not in query.years:
        raise bad_shape(url, f"{where}.period")
    items = entry.get("values")
    if not isinstance(items, list):
        raise bad_shape(url, f"{where}.values")
    return [
        _parse_value(item, (kpi, municipality, year), url, f"{where}.values[{index}]")
        for index, item in enumerate(items)
    ]


def _parse_value(item: object, key: tuple[str, str, int], url: str, where: str) -> Outcome:
    if not isinstance(item, dict):
        raise bad_shape(url, where)
    gender = item.get("gender")
    if not isinstance(gender, str) or gender not in GENDERS:
        raise bad_shape(url, f"{where}.gender")
    if "value" not in item:
        raise bad_shape(url, f"{where}.value")
    value = _number_or_none(item["value"], url, f"{where}.value")
    status = item.get("status")
    if status is not None and not isinstance(status, str):
        raise bad_shape(url, f"{where}.status")
    kpi, municipality, year = key
    status = status or ""
    return Outcome(kpi, municipality, year, gender, value, status, is_preliminary(status))


def _number_or_none(value: object, url: str, where: str) -> float | None:
    if value is None:
        return None
    # bool is an int in Python, and NaN or infinity cannot be compared or averaged.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_shape(url, where)
    try:
        number = float(value)
    except OverflowError as error:  # an integer too large for a float
        raise bad_shape(url, where) from error
    if not math.isfinite(number):
        raise bad_shape(url, where)
    return number
