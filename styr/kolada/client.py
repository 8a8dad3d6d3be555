"""A small client for Kolada's open API v3, the Swedish municipal KPI database.

Only the standard library (urllib) is used, to keep the install small. A fetch
either returns every value asked for or raises a `KoladaError`: half a result
that looks whole would be worse than none.
"""

from __future__ import annotations

import email.utils
import http.client
import json
import math
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from typing import IO, Any, Protocol, TypeVar

from styr import __version__
from styr.kolada.errors import (
    KoladaConnectionError,
    KoladaError,
    KoladaHTTPError,
    KoladaInputError,
    KoladaResponseError,
)

DEFAULT_BASE_URL = "https://api.kolada.se/v3"
USER_AGENT = f"styr/{__version__} (Python urllib)"
# Kolada's own maximum: fewer pages means fewer requests that can be rate limited.
PER_PAGE = 5000
# No real answer comes near this many pages; a server that keeps handing out
# new next_url values must not keep us looping.
MAX_PAGES = 1000
# Ceiling for any single wait, whatever Retry-After asks for, so a CLI run
# cannot appear to hang for hours.
MAX_WAIT = 60.0
BACKOFF_BASE = 1.0
# A full page of 5000 values is a few MB; far more than that is not Kolada.
MAX_BODY_BYTES = 64 * 1024 * 1024
READ_CHUNK = 64 * 1024
FIRST_YEAR, LAST_YEAR = 1990, 2100
GENDERS = frozenset({"T", "K", "M"})
# Rate limiting and temporary unavailability pass; other errors will not.
RETRY_STATUSES = frozenset({429, 503})
# fullmatch, not `^…$`: `$` would let a trailing newline through.
_KPI_ID = re.compile(r"[NU][0-9]{5}")
_MUNICIPALITY_ID = re.compile(r"[0-9]{4}")
# http.client refuses these in a URL with an exception of its own; catch them first.
_UNSAFE_URL_CHARS = re.compile(r"[\x00-\x20\x7f]")
_CONNECTION_LOST = (
    ConnectionResetError,  # includes http.client.RemoteDisconnected
    ConnectionAbortedError,
    BrokenPipeError,
    http.client.IncompleteRead,
)

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One value for one KPI, municipality, year and gender."""

    kpi: str
    municipality: str
    year: int
    gender: str  # "T" total, "K" women (kvinnor), "M" men
    value: float | None  # None when Kolada has no value; `status` then says why
    status: str  # "" for an ordinary value, e.g. "Missing" otherwise


class Opener(Protocol):
    """What `fetch_outcomes` needs from an opener; `urllib.request.OpenerDirector` fits."""

    def open(
        self, fullurl: urllib.request.Request, data: None = None, timeout: float = ...
    ) -> Any: ...


@dataclass(frozen=True)
class _Session:
    base_url: str
    host: str
    timeout: float
    max_retries: int
    sleep: Callable[[float], None]
    opener: Opener


@dataclass(frozen=True)
class _Query:
    """One request's worth of ids; the answer may only contain these."""

    kpis: tuple[str, ...]
    municipality: str
    years: tuple[int, ...]

    def url(self, base_url: str) -> str:
        kpis = ",".join(self.kpis)
        years = ",".join(map(str, self.years))
        path = f"/data/kpi/{kpis}/municipality/{self.municipality}/year/{years}"
        return f"{base_url}{path}?{urllib.parse.urlencode({'per_page': PER_PAGE})}"


class _Transient(Exception):
    """A failure worth retrying; `give_up(attempts)` is what to raise once retries run out."""

    def __init__(
        self, give_up: Callable[[int], KoladaError], retry_after: float | None = None
    ) -> None:
        super().__init__()
        self.give_up = give_up
        self.retry_after = retry_after


def fetch_outcomes(
    kpis: list[str],
    municipality: str,
    years: list[int],
    *,
    base_url: str = DEFAULT_BASE_URL,
    timeout: float = 20.0,
    max_ids_per_request: int = 20,
    max_retries: int = 4,
    sleep: Callable[[float], None] = time.sleep,
    opener: Opener | None = None,
) -> list[Outcome]:
    """Every value Kolada has for `kpis` × `years` in one municipality, in Kolada's order.

    Raises a `KoladaError` subclass for bad input and for any failure on the
    way; `ValueError` only for nonsensical tuning arguments (a bug in the caller).
    """
    kpi_ids = _checked_kpis(kpis)
    _check_municipality(municipality)
    year_list = _checked_years(years)
    _check_tuning(timeout, max_ids_per_request, max_retries)
    base = _checked_base_url(base_url)
    host = urllib.parse.urlsplit(base).netloc
    session = _Session(
        base_url=base,
        host=host,
        timeout=timeout,
        max_retries=max_retries,
        sleep=sleep,
        opener=opener if opener is not None else _default_opener(base, host),
    )
    outcomes: list[Outcome] = []
    for kpi_chunk in _chunks(kpi_ids, max_ids_per_request):
        for year_chunk in _chunks(year_list, max_ids_per_request):
            query = _Query(tuple(kpi_chunk), municipality, tuple(year_chunk))
            outcomes.extend(_fetch_query(query, session))
    return outcomes


# --- input ---------------------------------------------------------------------------------


def _checked_kpis(kpis: list[str]) -> list[str]:
    if isinstance(kpis, str):  # a lone id would otherwise be split into letters
        raise TypeError("kpis must be a list of KPI ids, not a single string")
    for kpi in kpis:
        if not isinstance(kpi, str) or not _KPI_ID.fullmatch(kpi):
            raise KoladaInputError("kolada-bad-kpi", value=kpi)
    if not kpis:
        raise KoladaInputError("kolada-nothing-requested")
    return list(dict.fromkeys(kpis))  # asking twice would return every value twice


def _check_municipality(municipality: str) -> None:
    if not isinstance(municipality, str) or not _MUNICIPALITY_ID.fullmatch(municipality):
        raise KoladaInputError("bad-code", code=municipality)


def _checked_years(years: list[int]) -> list[int]:
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


def _check_tuning(timeout: float, max_ids_per_request: int, max_retries: int) -> None:
    if not (isinstance(timeout, int | float) and math.isfinite(timeout) and timeout > 0):
        raise ValueError(f"timeout must be a positive number of seconds, not {timeout!r}")
    if max_ids_per_request < 1:
        raise ValueError(f"max_ids_per_request must be at least 1, not {max_ids_per_request!r}")
    if max_retries < 0:
        raise ValueError(f"max_retries must be 0 or more, not {max_retries!r}")


def _checked_base_url(base_url: str) -> str:
    # Only http(s): urllib would also open file: and ftp: addresses.
    parts = urllib.parse.urlsplit(base_url)
    if (
        _origin(base_url) is None
        or parts.query
        or parts.fragment
        or _UNSAFE_URL_CHARS.search(base_url)
    ):
        raise KoladaInputError("kolada-bad-base-url", url=base_url)
    return base_url.rstrip("/")


def _chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- paging --------------------------------------------------------------------------------


def _fetch_query(query: _Query, session: _Session) -> list[Outcome]:
    first_url = query.url(session.base_url)
    url = first_url
    seen = {url}
    outcomes: list[Outcome] = []
    for _ in range(MAX_PAGES):
        page_outcomes, next_url = _parse_page(_get_json(url, session), query, url)
        outcomes.extend(page_outcomes)
        if next_url is None:
            return outcomes
        url = _checked_next_url(url, next_url, session)
        if url in seen:
            raise KoladaResponseError("kolada-page-loop", url=url)
        seen.add(url)
    raise KoladaResponseError("kolada-too-many-pages", url=first_url, limit=MAX_PAGES)


def _checked_next_url(current: str, next_url: str, session: _Session) -> str:
    # Relative links are resolved against the page they came from.
    url = urllib.parse.urljoin(current, next_url)
    if _UNSAFE_URL_CHARS.search(url):
        raise KoladaResponseError("kolada-bad-shape", url=current, where="$.next_url")
    # Whatever another host says is not Kolada's data; a next_url must not send us there.
    if _origin(url) != _origin(session.base_url):
        raise KoladaResponseError("kolada-off-host", url=url, host=session.host)
    return url


def _origin(url: str) -> tuple[str, str, int] | None:
    """Scheme, host and port with defaults filled in; None if the URL has no usable host."""
    parts = urllib.parse.urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port  # raises ValueError for a port that is not a number
    except ValueError:
        return None
    default_port = {"http": 80, "https": 443}.get(scheme)
    if not parts.hostname or default_port is None:
        return None
    return scheme, parts.hostname, port or default_port


# --- one request, with retries -------------------------------------------------------------


def _get_json(url: str, session: _Session) -> object:
    attempt = 0
    while True:
        try:
            body = _download(url, session)
        except _Transient as problem:
            if attempt >= session.max_retries:
                raise problem.give_up(attempt + 1) from problem.__cause__
            session.sleep(_wait_before_retry(problem.retry_after, attempt))
            attempt += 1
            continue
        return _parse_json(body, url)


def _wait_before_retry(retry_after: float | None, attempt: int) -> float:
    # The server's own estimate beats our guess; otherwise back off exponentially.
    if retry_after is not None:
        return retry_after
    return min(BACKOFF_BASE * 2.0**attempt, MAX_WAIT)


def _download(url: str, session: _Session) -> bytes:
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    try:
        with session.opener.open(request, timeout=session.timeout) as response:
            return _read_capped(response, url)
    except urllib.error.HTTPError as error:
        try:
            raise _http_failure(error, url) from error
        finally:
            error.close()  # it holds the connection; leaving it open leaks a socket
    except urllib.error.URLError as error:
        raise _network_failure(error.reason, url, session) from error
    except (OSError, http.client.HTTPException, ValueError) as error:
        # OSError covers TimeoutError and connection resets while reading.
        raise _network_failure(error, url, session) from error


def _read_capped(response: IO[bytes], url: str) -> bytes:
    # Read in chunks so a huge or endless body is refused instead of filling memory.
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(READ_CHUNK):
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise KoladaResponseError(
                "kolada-too-large", url=url, limit=MAX_BODY_BYTES // (1024 * 1024)
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _http_failure(error: urllib.error.HTTPError, url: str) -> Exception:
    status = error.code
    if status in RETRY_STATUSES:
        return _Transient(
            lambda attempts: KoladaHTTPError(
                "kolada-busy", url=url, status=status, attempts=attempts
            ),
            retry_after=_retry_after(error.headers),
        )
    return KoladaHTTPError("kolada-http-error", url=url, status=status)


def _network_failure(reason: object, url: str, session: _Session) -> Exception:
    if isinstance(reason, TimeoutError):
        return _Transient(
            lambda attempts: KoladaConnectionError(
                "kolada-timeout", url=url, timeout=session.timeout, attempts=attempts
            )
        )
    if isinstance(reason, _CONNECTION_LOST):
        return _Transient(
            lambda attempts: KoladaConnectionError(
                "kolada-connection-lost", url=url, reason=_describe(reason), attempts=attempts
            )
        )
    # Offline, DNS failure, connection refused, TLS trouble: retrying rarely helps,
    # and an offline user deserves a quick answer.
    return KoladaConnectionError("kolada-unreachable", url=url, reason=_describe(reason))


def _describe(reason: object) -> str:
    text = str(reason)
    return text if text else type(reason).__name__


def _retry_after(headers: Message | None) -> float | None:
    """Seconds to wait per a Retry-After header (seconds or HTTP date), capped at MAX_WAIT."""
    value = headers.get("Retry-After") if headers is not None else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if re.fullmatch(r"[0-9]+", value):
        # Cap before converting: int() refuses absurdly long digit strings.
        return MAX_WAIT if len(value) > 6 else min(float(value), MAX_WAIT)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None  # unreadable: fall back to our own backoff
    if when.tzinfo is None:  # RFC 7231 dates are GMT
        when = when.replace(tzinfo=UTC)
    seconds = (when - datetime.now(UTC)).total_seconds()
    return min(max(seconds, 0.0), MAX_WAIT)


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only on Kolada's own origin, for the same reason as next_url."""

    def __init__(self, base_url: str, host: str) -> None:
        super().__init__()
        self._origin = _origin(base_url)
        self._host = host

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if _origin(newurl) != self._origin:
            fp.close()  # urllib only closes it when the redirect is followed
            raise KoladaResponseError("kolada-off-host", url=newurl, host=self._host)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _default_opener(base_url: str, host: str) -> Opener:
    return urllib.request.build_opener(_SameHostRedirects(base_url, host))


# --- the answer ----------------------------------------------------------------------------


def _parse_json(body: bytes, url: str) -> object:
    try:
        return json.loads(body, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as error:  # RecursionError: absurdly deep nesting
        raise KoladaResponseError("kolada-bad-json", url=url, reason=str(error)) from error


def _refuse_constant(name: str) -> object:
    # NaN and Infinity are not JSON; Python's parser accepts them unless told otherwise.
    raise ValueError(f"{name} is not valid JSON")


def _bad_shape(url: str, where: str) -> KoladaResponseError:
    return KoladaResponseError("kolada-bad-shape", url=url, where=where)


def _parse_page(page: object, query: _Query, url: str) -> tuple[list[Outcome], str | None]:
    if not isinstance(page, dict):
        raise _bad_shape(url, "$")
    values = page.get("values")
    if not isinstance(values, list):
        raise _bad_shape(url, "$.values")
    next_url = page.get("next_url")
    if next_url is not None and not isinstance(next_url, str):
        raise _bad_shape(url, "$.next_url")
    outcomes: list[Outcome] = []
    for index, entry in enumerate(values):
        outcomes.extend(_parse_entry(entry, query, url, f"$.values[{index}]"))
    return outcomes, next_url or None  # an empty link is no link


def _parse_entry(entry: object, query: _Query, url: str, where: str) -> list[Outcome]:
    if not isinstance(entry, dict):
        raise _bad_shape(url, where)
    # Data for something we did not ask about means the answer is not to this question.
    kpi = entry.get("kpi")
    if not isinstance(kpi, str) or kpi not in query.kpis:
        raise _bad_shape(url, f"{where}.kpi")
    municipality = entry.get("municipality")
    if municipality != query.municipality:
        raise _bad_shape(url, f"{where}.municipality")
    year = entry.get("period")
    if isinstance(year, bool) or not isinstance(year, int) or year not in query.years:
        raise _bad_shape(url, f"{where}.period")
    items = entry.get("values")
    if not isinstance(items, list):
        raise _bad_shape(url, f"{where}.values")
    return [
        _parse_value(item, (kpi, query.municipality, year), url, f"{where}.values[{index}]")
        for index, item in enumerate(items)
    ]


def _parse_value(item: object, key: tuple[str, str, int], url: str, where: str) -> Outcome:
    if not isinstance(item, dict):
        raise _bad_shape(url, where)
    gender = item.get("gender")
    if not isinstance(gender, str) or gender not in GENDERS:
        raise _bad_shape(url, f"{where}.gender")
    if "value" not in item:
        raise _bad_shape(url, f"{where}.value")
    value = _number_or_none(item["value"], url, f"{where}.value")
    status = item.get("status")
    if status is not None and not isinstance(status, str):
        raise _bad_shape(url, f"{where}.status")
    kpi, municipality, year = key
    return Outcome(kpi, municipality, year, gender, value, status or "")


def _number_or_none(value: object, url: str, where: str) -> float | None:
    if value is None:
        return None
    # bool is an int in Python, and NaN or infinity cannot be compared or averaged.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _bad_shape(url, where)
    try:
        number = float(value)
    except OverflowError as error:  # an integer too large for a float
        raise _bad_shape(url, where) from error
    if not math.isfinite(number):
        raise _bad_shape(url, where)
    return number
