"""What every request of one fetch from Kolada shares: the checked address, clocks and opener."""

from __future__ import annotations

import math
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict

from styr.errors import UsageError
from styr.kolada.checks import check_seconds, check_tuning, checked_base_url
from styr.kolada.transport import SocketWatch, default_opener

DEFAULT_BASE_URL = "https://api.kolada.se/v3"
# A whole answer, however it arrives: a full page of 5000 values is a few MB.
DEFAULT_REQUEST_TIMEOUT = 60.0
# The whole fetch, retries and waits included (`styr kolada pull --timeout`).
DEFAULT_TOTAL_TIMEOUT = 300.0


def run_time_limit(timeout: float | None, default: float = DEFAULT_TOTAL_TIMEOUT) -> float:
    """The whole fetch's time limit in seconds from `--timeout` (`default` when not given).

    Every Kolada command reads its `--timeout` here, so that each refuses the
    same values (0, negative, not a number) with the same usage error.
    """
    limit = default if timeout is None else timeout
    if not (math.isfinite(limit) and limit > 0):
        raise UsageError("kolada-bad-timeout", value=timeout)
    return limit


class Opener(Protocol):
    """What `fetch_outcomes` needs from an opener; `urllib.request.OpenerDirector` fits."""

    def open(
        self, fullurl: urllib.request.Request, data: None = None, timeout: float = ...
    ) -> Any: ...


class SessionOptions(TypedDict, total=False):
    """The keywords every fetch passes on to `open_session`, with its defaults."""

    timeout: float
    request_timeout: float
    total_timeout: float
    max_retries: int
    sleep: Callable[[float], None]
    clock: Callable[[], float]
    opener: Opener | None


@dataclass(frozen=True)
class Session:
    base_url: str
    host: str
    timeout: float
    max_retries: int
    sleep: Callable[[float], None]
    opener: Opener
    request_timeout: float
    total_timeout: float
    ends: float  # the run's deadline on `clock`
    clock: Callable[[], float]
    watch: SocketWatch | None  # None with an opener of the caller's own

    def remaining(self) -> float:
        return self.ends - self.clock()


def open_session(
    base_url: str,
    *,
    timeout: float = 20.0,
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
    total_timeout: float = DEFAULT_TOTAL_TIMEOUT,
    max_ids_per_request: int = 20,
    max_retries: int = 4,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    opener: Opener | None = None,
) -> Session:
    """The checked address, clocks and opener every request of one fetch shares."""
    for seconds in (timeout, request_timeout, total_timeout):
        check_seconds(seconds)
    check_tuning(max_ids_per_request, max_retries)
    base = checked_base_url(base_url)
    host = urllib.parse.urlsplit(base).netloc
    watch = SocketWatch() if opener is None else None
    if opener is None:
        opener = default_opener(base, host, watch)
    return Session(
        base_url=base,
        host=host,
        timeout=timeout,
        max_retries=max_retries,
        sleep=sleep,
        opener=opener,
        request_timeout=request_timeout,
        total_timeout=total_timeout,
        ends=clock() + total_timeout,
        clock=clock,
        watch=watch,
    )
