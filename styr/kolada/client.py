"""A small client for Kolada's open API v3, the Swedish municipal KPI database.

Only the standard library (urllib) is used, to keep the install small. httpx
was weighed and not taken: its timeouts bound each read, not a whole answer,
it has no Retry-After handling and no same-host redirect rule, so the socket
watch, the waits and the redirect check would all stay, beside a new
dependency that takes longer to import than urllib. urllib3's Retry was
weighed too: it waits as long as a Retry-After asks, with no bound tied to the
whole run's deadline, and has no rule keeping redirects on Kolada's own host.
So it too would leave our own clocks and redirect check in place, beside
urllib3 as a new dependency.

A fetch either returns every value asked for or raises a `KoladaError`: half
a result that looks whole would be worse than none.

Three clocks bound a fetch: `timeout` for each read from the network, a
deadline for each whole request (`request_timeout`: headers and body, however
slowly the server drips them) and one for the whole run (`total_timeout`).
Retry-After is honoured up to MAX_WAIT and never past the run's deadline.
"""

from __future__ import annotations

import email.utils
import http.client
import math
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from email.message import Message
from typing import IO, TypeVar, Unpack

from styr import __version__
from styr.kolada.answer import Outcome, Query, page_entries, parse_json, parse_page
from styr.kolada.checks import (
    UNSAFE_URL_CHARS,
    checked_kpis,
    checked_municipalities,
    checked_years,
)
from styr.kolada.errors import (
    KoladaConnectionError,
    KoladaDeadlineError,
    KoladaError,
    KoladaHTTPError,
    KoladaResponseError,
)
from styr.kolada.network_words import reason_in_words
from styr.kolada.session import (
    DEFAULT_BASE_URL,
    Opener,
    Session,
    SessionOptions,
    open_session,
)
from styr.kolada.transport import origin

__all__ = [
    "DEFAULT_BASE_URL",
    "MAX_WAIT",
    "USER_AGENT",
    "Opener",
    "Outcome",
    "Session",
    "fetch_entries",
    "fetch_outcomes",
    "open_session",
]

USER_AGENT = f"styr/{__version__} (Python urllib)"
# No real answer comes near this many pages; a server that keeps handing out
# new next_url values must not keep us looping.
MAX_PAGES = 1000
# Ceiling for any single wait. A server asking for longer (Retry-After: 99999)
# gets a clear answer at once instead of a run that seems to hang for hours.
MAX_WAIT = 60.0
# Retry-After digits beyond this are "longer than anyone waits" (int() refuses huge ones).
_LONGEST_RETRY_AFTER = 10**12
BACKOFF_BASE = 1.0
# A full page of 5000 values is a few MB; far more than that is not Kolada.
MAX_BODY_BYTES = 64 * 1024 * 1024
READ_CHUNK = 64 * 1024
# Rate limiting and temporary unavailability pass; other errors will not.
RETRY_STATUSES = frozenset({429, 503})
_CONNECTION_LOST = (
    ConnectionResetError,  # includes http.client.RemoteDisconnected
    ConnectionAbortedError,
    BrokenPipeError,
    http.client.IncompleteRead,
)

_T = TypeVar("_T")


class _Transient(Exception):
    """A failure worth retrying; `give_up(attempts)` is what to raise once retries run out."""

    def __init__(
        self,
        give_up: Callable[[int], KoladaError],
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__()
        self.give_up = give_up
        self.retry_after = retry_after
        self.status = status


class _PastDeadline(Exception):
    """The request's deadline passed while its answer was still arriving."""


def fetch_outcomes(
    kpis: list[str],
    municipality: str | Sequence[str],
    years: list[int],
    *,
    base_url: str = DEFAULT_BASE_URL,
    max_ids_per_request: int = 20,
    **options: Unpack[SessionOptions],
) -> list[Outcome]:
    """Every value Kolada has for `kpis` × municipalities × `years`, in Kolada's order.

    `municipality` is one code or several ("0000" is the whole country); each
    dimension is asked for at most `max_ids_per_request` ids at a time, as Kolada
    refuses longer lists. `timeout` bounds each read from the network,
    `request_timeout` each whole request and `total_timeout` the whole fetch, in
    seconds. Raises a `KoladaError` subclass for bad input and for any failure on
    the way; `ValueError` only for nonsensical tuning arguments (a bug in the caller).
    """
    kpi_ids = checked_kpis(kpis)
    codes = checked_municipalities(municipality)
    year_list = checked_years(years)
    session = open_session(base_url, max_ids_per_request=max_ids_per_request, **options)
    size = max_ids_per_request
    outcomes: list[Outcome] = []
    for kpi_chunk in _chunks(kpi_ids, size):
        for code_chunk in _chunks(codes, size):
            for year_chunk in _chunks(year_list, size):
                query = Query(tuple(kpi_chunk), tuple(code_chunk), tuple(year_chunk))
                outcomes.extend(_fetch_query(query, session))
    return outcomes


def fetch_entries(path: str, query: dict[str, str], session: Session) -> list[object]:
    """The `values` of every page of a v3 list answer (/kpi, /municipality_groups …).

    `path` is below the base address and made only of checked ids; the entries
    are returned unread, for the caller to check against the shape it expects.
    """
    first_url = f"{session.base_url}{path}"
    if query:
        first_url += "?" + urllib.parse.urlencode(query)
    url = first_url
    seen = {url}
    entries: list[object] = []
    for _ in range(MAX_PAGES):
        page_values, next_url = page_entries(_get_json(url, session), url)
        entries.extend(page_values)
        if next_url is None:
            return entries
        url = _next_page(url, next_url, seen, session)
    raise KoladaResponseError("kolada-too-many-pages", url=first_url, limit=MAX_PAGES)


def _chunks(items: Sequence[_T], size: int) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


# --- paging --------------------------------------------------------------------------------


def _fetch_query(query: Query, session: Session) -> list[Outcome]:
    first_url = query.url(session.base_url)
    url = first_url
    seen = {url}
    outcomes: list[Outcome] = []
    for _ in range(MAX_PAGES):
        page_outcomes, next_url = parse_page(_get_json(url, session), query, url)
        outcomes.extend(page_outcomes)
        if next_url is None:
            return outcomes
        url = _next_page(url, next_url, seen, session)
    raise KoladaResponseError("kolada-too-many-pages", url=first_url, limit=MAX_PAGES)


def _next_page(current: str, next_url: str, seen: set[str], session: Session) -> str:
    url = _checked_next_url(current, next_url, session)
    if url in seen:
        raise KoladaResponseError("kolada-page-loop", url=url)
    seen.add(url)
    return url


def _checked_next_url(current: str, next_url: str, session: Session) -> str:
    # Relative links are resolved against the page they came from.
    url = urllib.parse.urljoin(current, next_url)
    if UNSAFE_URL_CHARS.search(url):
        raise KoladaResponseError("kolada-bad-shape", url=current, where="$.next_url")
    # Whatever another host says is not Kolada's data; a next_url must not send us there.
    if origin(url) != origin(session.base_url):
        raise KoladaResponseError("kolada-off-host", url=url, host=session.host)
    return url


# --- one request, with retries -------------------------------------------------------------


def _get_json(url: str, session: Session) -> object:
    attempt = 0
    while True:
        try:
            body = _download(url, session)
        except _Transient as problem:
            if attempt >= session.max_retries:
                raise problem.give_up(attempt + 1) from problem.__cause__
            session.sleep(_wait_before_retry(problem, attempt, url, session))
            attempt += 1
            continue
        return parse_json(body, url)


def _wait_before_retry(problem: _Transient, attempt: int, url: str, session: Session) -> float:
    """How long to wait before the next attempt; raises when waiting is pointless.

    The server's own estimate beats our guess, up to MAX_WAIT: a server asking
    for more is told no at once rather than waited for. No wait may end after
    the run's deadline; a run that cannot finish in time says so straight away.
    """
    if problem.retry_after is not None:
        seconds = problem.retry_after
        if seconds > MAX_WAIT:
            raise KoladaHTTPError(
                "kolada-retry-after-too-long",
                url=url,
                status=problem.status,
                seconds=_whole(seconds),
                limit=_whole(MAX_WAIT),
            )
        if seconds >= session.remaining():
            raise KoladaDeadlineError(
                "kolada-retry-after-past-deadline",
                url=url,
                seconds=_whole(seconds),
                limit=_whole(session.total_timeout),
            )
        return seconds
    wait = min(BACKOFF_BASE * 2.0**attempt, MAX_WAIT)
    if wait >= session.remaining():
        raise _run_timeout(url, session)
    return wait


def _whole(seconds: float) -> int:
    return math.ceil(seconds)


def _run_timeout(url: str, session: Session) -> KoladaDeadlineError:
    return KoladaDeadlineError("kolada-run-timeout", url=url, limit=_whole(session.total_timeout))


def _download(url: str, session: Session) -> bytes:
    """One whole answer before its deadline: the request's own, or the run's if that is sooner."""
    left = session.remaining()
    if left <= 0:
        raise _run_timeout(url, session)
    seconds = min(session.request_timeout, left)
    ends = session.clock() + seconds
    if session.watch is not None:
        session.watch.start(seconds)
    cut_off = False
    try:
        body = _open_and_read(url, session, ends, min(session.timeout, seconds))
    except (_Transient, _PastDeadline, KoladaConnectionError) as problem:
        # A read cut short by the deadline looks like a lost connection; say what it was.
        cut_off = isinstance(problem, _PastDeadline) or session.clock() >= ends
        if not cut_off:
            raise
    finally:
        cut_off = _watch_expired(session) or cut_off
    if cut_off or session.clock() >= ends:  # an answer cut off by the deadline is no answer
        raise _too_slow(url, session, seconds) from None
    return body


def _watch_expired(session: Session) -> bool:
    return session.watch is not None and session.watch.stop()


def _too_slow(url: str, session: Session, seconds: float) -> Exception:
    if seconds < session.request_timeout:  # the run's deadline, not the request's
        return _run_timeout(url, session)
    return _Transient(
        lambda attempts: KoladaConnectionError(
            "kolada-too-slow", url=url, seconds=_whole(seconds), attempts=attempts
        )
    )


def _open_and_read(url: str, session: Session, ends: float, read_timeout: float) -> bytes:
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "application/json"}
    )
    try:
        with session.opener.open(request, timeout=read_timeout) as response:
            return _read_capped(response, url, ends, session.clock)
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


def _read_capped(response: IO[bytes], url: str, ends: float, clock: Callable[[], float]) -> bytes:
    # Read in chunks so a huge or endless body is refused instead of filling memory,
    # and whatever has arrived so far is checked against the deadline. read1 returns
    # what one read from the network gives; read would wait for the whole chunk.
    read = getattr(response, "read1", None) or response.read
    chunks: list[bytes] = []
    size = 0
    while chunk := read(READ_CHUNK):
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise KoladaResponseError(
                "kolada-too-large", url=url, limit=MAX_BODY_BYTES // (1024 * 1024)
            )
        chunks.append(chunk)
        if clock() >= ends:
            raise _PastDeadline
    return b"".join(chunks)


def _http_failure(error: urllib.error.HTTPError, url: str) -> Exception:
    status = error.code
    if status in RETRY_STATUSES:
        return _Transient(
            lambda attempts: KoladaHTTPError(
                "kolada-busy", url=url, status=status, attempts=attempts
            ),
            retry_after=_retry_after(error.headers),
            status=status,
        )
    return KoladaHTTPError("kolada-http-error", url=url, status=status)


def _network_failure(reason: object, url: str, session: Session) -> Exception:
    if isinstance(reason, TimeoutError):
        return _Transient(
            lambda attempts: KoladaConnectionError(
                "kolada-timeout", url=url, timeout=session.timeout, attempts=attempts
            )
        )
    if isinstance(reason, _CONNECTION_LOST):
        return _Transient(
            lambda attempts: KoladaConnectionError(
                "kolada-connection-lost", url=url, attempts=attempts, **reason_in_words(reason)
            )
        )
    # Offline, DNS failure, connection refused, TLS trouble: retrying rarely helps,
    # and an offline user deserves a quick answer.
    return KoladaConnectionError("kolada-unreachable", url=url, **reason_in_words(reason))


def _retry_after(headers: Message | None) -> float | None:
    """Seconds to wait per a Retry-After header (seconds or HTTP date); None if unreadable."""
    value = headers.get("Retry-After") if headers is not None else None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if re.fullmatch(r"[0-9]+", value):
        digits = value.lstrip("0") or "0"
        # Judge the length before converting: int() refuses absurdly long digit strings.
        return float(_LONGEST_RETRY_AFTER if len(digits) > 12 else int(digits))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None  # unreadable: fall back to our own backoff
    if when.tzinfo is None:  # RFC 7231 dates are GMT
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)
