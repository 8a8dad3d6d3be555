"""The Kolada client against a local HTTP server whose answers each test scripts.

The server listens on 127.0.0.1 only; nothing here touches the internet. Every
retry loop is bounded by a small max_retries and a fake sleep that never waits.
"""

from __future__ import annotations

import errno
import json
import re
import socket
import ssl
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.error import URLError
from urllib.parse import parse_qs, urlsplit

import pytest

from styr import __version__
from styr.kolada import (
    KoladaConnectionError,
    KoladaDeadlineError,
    KoladaError,
    KoladaHTTPError,
    KoladaInputError,
    KoladaResponseError,
    Outcome,
    client,
    fetch_outcomes,
)
from styr.messages import MESSAGES, message


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering
    drop: bool = False  # close the connection without answering
    drip: float = 0.0  # send the answer one byte per this many seconds, never finishing
    drip_headers: bool = False  # drip the headers rather than the body


Responder = Callable[[str], Reply]


@dataclass
class Seen:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


class LocalKolada:
    """The scripted side: replies in order, then `otherwise` for any further request."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.origin = base_url.removesuffix("/v3")
        self.replies: deque[Reply | Responder] = deque()
        self.otherwise: Reply | Responder = Reply(599, b"unscripted request")
        self.seen: list[Seen] = []
        self._lock = threading.Lock()

    def script(self, *replies: Reply | Responder) -> None:
        self.replies.extend(replies)

    def answer(self, raw_path: str, headers: dict[str, str]) -> Reply:
        parts = urlsplit(raw_path)
        with self._lock:
            self.seen.append(Seen(parts.path, parse_qs(parts.query), headers))
            reply = self.replies.popleft() if self.replies else self.otherwise
        return reply(raw_path) if callable(reply) else reply


class _Server(ThreadingHTTPServer):
    # Join handler threads on close, so a sleeping handler cannot outlive its test.
    daemon_threads = False
    kolada: LocalKolada


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        reply = self.server.kolada.answer(self.path, dict(self.headers))
        if reply.delay:
            time.sleep(reply.delay)
        if reply.drop:
            self.close_connection = True
            return
        if reply.drip:
            self._drip(reply)
            return
        try:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the timeout tests)

    def _drip(self, reply: Reply) -> None:
        """A server that keeps every read from the network busy and never finishes."""
        self.close_connection = True
        try:
            if reply.drip_headers:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
            else:
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
            for _ in range(200):  # bounded, so a client that never gives up cannot hang the run
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(reply.drip)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up: what the deadline tests want

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep pytest's output clean


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    # A proxy from the environment would carry "local" requests off the machine.
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def kolada() -> Iterator[LocalKolada]:
    server = _Server(("127.0.0.1", 0), _Handler)
    host, port = server.server_address[:2]
    server.kolada = LocalKolada(f"http://{host!s}:{port}/v3")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server.kolada
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def sleeps() -> list[float]:
    """Passed as `sleep=sleeps.append`: records the waits instead of waiting."""
    return []


def closed_port() -> int:
    """A local port with nothing listening on it."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def page(*entries: dict[str, Any], next_url: str | None = None) -> Reply:
    body = {"count": len(entries), "next_url": next_url, "values": list(entries)}
    return Reply(200, json.dumps(body).encode(), {"Content-Type": "application/json"})


def entry(kpi: str = "N15428", year: int = 2023, *values: dict[str, Any]) -> dict[str, Any]:
    genders = values or ({"gender": "T", "count": 1, "status": "", "value": 74.1},)
    return {"kpi": kpi, "municipality": "0138", "period": year, "values": list(genders)}


def fetch(kolada: LocalKolada, sleeps: list[float], **options: Any) -> list[Outcome]:
    arguments: dict[str, Any] = {
        "kpis": ["N15428"],
        "municipality": "0138",
        "years": [2023],
        "base_url": kolada.base_url,
        "sleep": sleeps.append,
        "max_retries": 2,
    }
    arguments.update(options)
    return fetch_outcomes(**arguments)


def assert_clean(error: KoladaError) -> None:
    """The error names a message that exists and renders in both languages."""
    assert error.key in MESSAGES
    for language in ("sv", "en"):
        text = message(error.key, language, **error.params)
        assert "{" not in text, text


# --- normal answers ------------------------------------------------------------------------


def test_normal_answer_becomes_outcomes(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.script(
        page(
            entry(
                "N15428",
                2023,
                {"gender": "T", "count": 1, "status": "", "value": 74.1},
                {"gender": "K", "count": 1, "status": "", "value": 77},
                {"gender": "M", "count": 0, "status": "Missing", "value": None},
            )
        )
    )

    outcomes = fetch(kolada, sleeps)

    assert outcomes == [
        Outcome("N15428", "0138", 2023, "T", 74.1, ""),
        Outcome("N15428", "0138", 2023, "K", 77.0, ""),
        Outcome("N15428", "0138", 2023, "M", None, "Missing"),
    ]
    assert isinstance(outcomes[1].value, float)
    [request] = kolada.seen
    assert request.path == "/v3/data/kpi/N15428/municipality/0138/year/2023"
    assert request.query == {"per_page": ["5000"]}
    assert request.headers["User-Agent"].startswith(f"styr/{__version__}")
    assert sleeps == []


def test_pages_are_followed_until_next_url_is_null(
    kolada: LocalKolada, sleeps: list[float]
) -> None:
    first = "/v3/data/kpi/N15428/municipality/0138/year/2021,2022,2023"
    kolada.script(
        page(entry(year=2021), next_url=f"{kolada.origin}{first}?page=2&per_page=5000"),
        # A relative link is resolved against the page it came from.
        page(entry(year=2022), next_url=f"{first}?page=3&per_page=5000"),
        page(entry(year=2023)),
    )

    outcomes = fetch(kolada, sleeps, years=[2021, 2022, 2023])

    assert [outcome.year for outcome in outcomes] == [2021, 2022, 2023]
    assert [request.query.get("page") for request in kolada.seen] == [None, ["2"], ["3"]]


def test_many_kpis_are_split_into_requests_of_at_most_20(
    kolada: LocalKolada, sleeps: list[float]
) -> None:
    kpis = [f"N{number:05d}" for number in range(1, 26)]
    kolada.otherwise = page()

    assert fetch(kolada, sleeps, kpis=kpis) == []

    asked = [request.path.split("/")[4].split(",") for request in kolada.seen]
    assert asked == [kpis[:20], kpis[20:]]


def test_kpis_and_years_are_both_chunked(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.otherwise = page()

    fetch(
        kolada,
        sleeps,
        kpis=["N00001", "N00002", "U00003"],
        years=[2020, 2021, 2022],
        max_ids_per_request=2,
    )

    asked = [(r.path.split("/")[4], r.path.split("/")[8]) for r in kolada.seen]
    assert asked == [
        ("N00001,N00002", "2020,2021"),
        ("N00001,N00002", "2022"),
        ("U00003", "2020,2021"),
        ("U00003", "2022"),
    ]


# --- retries -------------------------------------------------------------------------------


def test_429_waits_as_retry_after_says_then_succeeds(
    kolada: LocalKolada, sleeps: list[float]
) -> None:
    kolada.script(Reply(429, b"slow down", {"Retry-After": "2"}), page(entry()))

    outcomes = fetch(kolada, sleeps)

    assert sleeps == [2]
    assert len(outcomes) == 1
    assert len(kolada.seen) == 2


@pytest.mark.parametrize(
    ("delta", "expected"),
    [(timedelta(seconds=30), 30.0), (timedelta(hours=-1), 0.0)],
    ids=["future-date", "past-date"],
)
def test_503_retry_after_as_http_date(
    kolada: LocalKolada, sleeps: list[float], delta: timedelta, expected: float
) -> None:
    when = format_datetime(datetime.now(UTC) + delta, usegmt=True)
    kolada.script(Reply(503, headers={"Retry-After": when}), page(entry()))

    fetch(kolada, sleeps)

    assert sleeps == [pytest.approx(expected, abs=2)]


def test_429_forever_gives_up_after_max_retries(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.otherwise = Reply(429)  # no Retry-After: exponential backoff

    with pytest.raises(KoladaHTTPError) as caught:
        fetch(kolada, sleeps, max_retries=3)

    assert caught.value.key == "kolada-busy"
    assert caught.value.params["status"] == 429
    assert caught.value.params["attempts"] == 4
    assert sleeps == [1.0, 2.0, 4.0]
    assert len(kolada.seen) == 4
    assert_clean(caught.value)


@pytest.mark.parametrize(
    "retry_after",
    [
        "99999",
        "9" * 5000,  # longer than int() converts
        str(int(client.MAX_WAIT) + 1),
        format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True),
    ],
    ids=["99999", "5000-digits", "just-over-the-cap", "an-hour-ahead"],
)
def test_retry_after_beyond_the_cap_stops_at_once(
    kolada: LocalKolada, sleeps: list[float], retry_after: str
) -> None:
    # Waiting the cap and asking again would only be refused again: 241 s for nothing.
    kolada.script(Reply(429, headers={"Retry-After": retry_after}), page(entry()))
    started = time.monotonic()

    with pytest.raises(KoladaHTTPError) as caught:
        fetch(kolada, sleeps)

    assert time.monotonic() - started < 5
    assert caught.value.key == "kolada-retry-after-too-long"
    assert caught.value.params["status"] == 429
    assert caught.value.params["limit"] == client.MAX_WAIT
    assert caught.value.params["seconds"] > client.MAX_WAIT
    assert sleeps == []
    assert len(kolada.seen) == 1
    assert_clean(caught.value)
    assert "60 s" in message(caught.value.key, "sv", **caught.value.params)


def test_retry_after_with_leading_zeros_is_read_whole(
    kolada: LocalKolada, sleeps: list[float]
) -> None:
    kolada.script(Reply(429, headers={"Retry-After": "0" * 20 + "3"}), page(entry()))

    fetch(kolada, sleeps)

    assert sleeps == [3.0]


def test_retry_after_past_the_run_deadline_stops_at_once(
    kolada: LocalKolada, sleeps: list[float]
) -> None:
    kolada.script(Reply(503, headers={"Retry-After": "30"}), page(entry()))

    with pytest.raises(KoladaDeadlineError) as caught:
        fetch(kolada, sleeps, total_timeout=10)

    assert caught.value.key == "kolada-retry-after-past-deadline"
    assert (caught.value.params["seconds"], caught.value.params["limit"]) == (30, 10)
    assert sleeps == []
    assert_clean(caught.value)
    assert "--timeout" in message(caught.value.key, "sv", **caught.value.params)


def test_backoff_past_the_run_deadline_stops_at_once(
    kolada: LocalKolada, sleeps: list[float]
) -> None:
    kolada.otherwise = Reply(429)  # no Retry-After: waits of 1, 2, 4 … seconds
    now = [0.0]

    def sleep(seconds: float) -> None:  # time passes only while "sleeping"
        sleeps.append(seconds)
        now[0] += seconds

    with pytest.raises(KoladaDeadlineError) as caught:
        fetch(kolada, sleeps, sleep=sleep, clock=lambda: now[0], total_timeout=2.5, max_retries=4)

    assert caught.value.key == "kolada-run-timeout"
    assert sleeps == [1.0]  # 1 s fits in 2.5 s; the next 2 s would not
    assert_clean(caught.value)


def test_no_request_is_made_once_the_run_deadline_has_passed(sleeps: list[float]) -> None:
    opener = _NoDns()
    times = iter([0.0, 11.0])  # the start, then a moment past the 10 s limit

    with pytest.raises(KoladaDeadlineError) as caught:
        fetch_outcomes(
            ["N15428"],
            "0138",
            [2023],
            sleep=sleeps.append,
            opener=opener,
            total_timeout=10,
            clock=lambda: next(times),
        )

    assert caught.value.key == "kolada-run-timeout"
    assert opener.calls == 0


@pytest.mark.parametrize("headers", [False, True], ids=["body", "headers"])
def test_a_dripping_server_hits_the_request_deadline(
    kolada: LocalKolada, sleeps: list[float], headers: bool
) -> None:
    # One byte every 0.2 s: every read from the network succeeds long before the
    # 5 s socket timeout, so only a deadline over the whole answer ends it.
    kolada.otherwise = Reply(drip=0.2, drip_headers=headers)
    started = time.monotonic()

    with pytest.raises(KoladaConnectionError) as caught:
        fetch(kolada, sleeps, timeout=5, request_timeout=1, max_retries=1)

    assert time.monotonic() - started < 4
    assert caught.value.key == "kolada-too-slow"
    assert caught.value.params["attempts"] == 2
    assert sleeps == [1.0]
    assert_clean(caught.value)


def test_a_dripping_server_hits_the_run_deadline(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.otherwise = Reply(drip=0.2)
    started = time.monotonic()

    with pytest.raises(KoladaDeadlineError) as caught:
        fetch(kolada, sleeps, timeout=5, total_timeout=1.5)

    assert time.monotonic() - started < 4
    assert caught.value.key == "kolada-run-timeout"
    assert caught.value.params["limit"] == 2  # whole seconds, rounded up
    assert sleeps == []  # the run's deadline is not retried
    assert_clean(caught.value)


class _DrippingResponse:
    """An opener's answer that hands out one byte per read, for ever."""

    def __enter__(self) -> _DrippingResponse:
        return self

    def __exit__(self, *args: object) -> None:
        pass

    def read1(self, size: int = -1) -> bytes:
        time.sleep(0.05)
        return b" "


class _DrippingOpener:
    def open(self, fullurl: Any, data: None = None, timeout: float = 0) -> Any:
        return _DrippingResponse()


def test_the_deadline_holds_with_an_opener_of_ones_own(sleeps: list[float]) -> None:
    started = time.monotonic()

    with pytest.raises(KoladaConnectionError) as caught:
        fetch_outcomes(
            ["N15428"],
            "0138",
            [2023],
            sleep=sleeps.append,
            opener=_DrippingOpener(),
            request_timeout=0.5,
            max_retries=0,
        )

    assert time.monotonic() - started < 3
    assert caught.value.key == "kolada-too-slow"


def test_slow_server_times_out_after_retries(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.otherwise = Reply(delay=1.0, body=b"{}")
    started = time.monotonic()

    with pytest.raises(KoladaConnectionError) as caught:
        fetch(kolada, sleeps, timeout=0.2, max_retries=1)

    assert time.monotonic() - started < 5
    assert caught.value.key == "kolada-timeout"
    assert caught.value.params["attempts"] == 2
    assert sleeps == [1.0]
    assert_clean(caught.value)


def test_dropped_connection_is_retried(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.script(Reply(drop=True), page(entry()))

    assert len(fetch(kolada, sleeps)) == 1
    assert sleeps == [1.0]


def test_dropped_connection_forever_is_a_clean_error(
    kolada: LocalKolada, sleeps: list[float]
) -> None:
    kolada.otherwise = Reply(drop=True)

    with pytest.raises(KoladaConnectionError) as caught:
        fetch(kolada, sleeps, max_retries=1)

    assert caught.value.key == "kolada-connection-lost"
    assert_clean(caught.value)


# --- failures that are not retried ---------------------------------------------------------


def test_connection_refused_cannot_reach(sleeps: list[float]) -> None:
    with pytest.raises(KoladaConnectionError) as caught:
        fetch_outcomes(
            ["N15428"],
            "0138",
            [2023],
            base_url=f"http://127.0.0.1:{closed_port()}/v3",
            sleep=sleeps.append,
        )

    assert caught.value.key == "kolada-unreachable"
    assert message(caught.value.key, "sv", **caught.value.params).startswith("Kunde inte nå Kolada")
    assert "kontrollera nätverket" in message(caught.value.key, "sv", **caught.value.params).lower()
    assert sleeps == []  # offline should be reported at once
    assert_clean(caught.value)


def test_http_500_is_an_error_with_its_status(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.otherwise = Reply(500, b"internal error")

    with pytest.raises(KoladaHTTPError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-http-error"
    assert caught.value.params["status"] == 500
    assert len(kolada.seen) == 1
    assert_clean(caught.value)


@pytest.mark.parametrize(
    "body",
    [b"", b"<html>Service unavailable</html>", b'{"values": [', b'{"values": NaN}', b"\xff\xfe["],
    ids=["empty", "html", "truncated", "nan", "bad-bytes"],
)
def test_malformed_json(kolada: LocalKolada, sleeps: list[float], body: bytes) -> None:
    kolada.script(Reply(200, body))

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-bad-json"
    assert_clean(caught.value)


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b'{"values": [',
        b'{"values": NaN}',
        b'{"values": Infinity}',
        b"\xff\xfe[",
        b"[" * 100_000,
    ],
    ids=["empty", "truncated", "nan", "infinity", "bad-bytes", "deep"],
)
def test_why_an_answer_is_not_json_is_said_in_swedish(
    kolada: LocalKolada, sleeps: list[float], body: bytes
) -> None:
    kolada.script(Reply(200, body))

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    swedish = message(caught.value.key, "sv", **caught.value.params)
    english = message(caught.value.key, "en", **caught.value.params)
    assert swedish != english
    # The parser's own English may follow only as a quoted detail.
    said = re.sub(r"\(”[^”]*”\)", "", swedish)
    for word in ("Expecting", "is not valid", "codec", "decode", "recursion", "{", "}"):
        assert word not in said, (word, swedish)


def test_deeply_nested_json_is_refused(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.script(Reply(200, b"[" * 100_000))

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-bad-json"


def _with_value(**fields: Any) -> dict[str, Any]:
    value = {"gender": "T", "count": 1, "status": "", "value": 74.1}
    value.update(fields)
    return {"values": [entry("N15428", 2023, value)]}


@pytest.mark.parametrize(
    ("document", "where"),
    [
        ([], "$"),
        ({}, "$.values"),
        ({"values": {}}, "$.values"),
        ({"values": [], "next_url": 2}, "$.next_url"),
        ({"values": ["N15428"]}, "$.values[0]"),
        ({"values": [{**entry(), "kpi": "N99999"}]}, "$.values[0].kpi"),
        ({"values": [{**entry(), "kpi": ["N15428"]}]}, "$.values[0].kpi"),
        ({"values": [{**entry(), "municipality": "0180"}]}, "$.values[0].municipality"),
        ({"values": [{**entry(), "period": "2023"}]}, "$.values[0].period"),
        ({"values": [{**entry(), "period": 2022}]}, "$.values[0].period"),
        ({"values": [{**entry(), "values": None}]}, "$.values[0].values"),
        (_with_value(gender="X"), "$.values[0].values[0].gender"),
        (_with_value(value="74,1"), "$.values[0].values[0].value"),
        (_with_value(value=True), "$.values[0].values[0].value"),
        (_with_value(value=10**400), "$.values[0].values[0].value"),
        (_with_value(status=3), "$.values[0].values[0].status"),
        ({"values": [entry("N15428", 2023, {"gender": "T"})]}, "$.values[0].values[0].value"),
    ],
)
def test_answer_not_shaped_like_kolada(
    kolada: LocalKolada, sleeps: list[float], document: object, where: str
) -> None:
    kolada.script(Reply(200, json.dumps(document).encode()))

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-bad-shape"
    assert caught.value.params["where"] == where
    assert_clean(caught.value)


def test_failure_on_a_later_page_returns_nothing(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.script(page(entry(), next_url=f"{kolada.base_url}/next?page=2"), Reply(500))

    with pytest.raises(KoladaHTTPError):
        fetch(kolada, sleeps)


def test_failure_in_a_later_chunk_returns_nothing(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.script(page(), Reply(404))

    with pytest.raises(KoladaHTTPError) as caught:
        fetch(kolada, sleeps, kpis=["N00001", "N00002"], max_ids_per_request=1)

    assert caught.value.params["status"] == 404


# --- links elsewhere and loops -------------------------------------------------------------


def test_next_url_on_another_host_is_refused(kolada: LocalKolada, sleeps: list[float]) -> None:
    # 127.0.0.2 is another host but still this machine, and nothing listens on the port.
    elsewhere = f"http://127.0.0.2:{closed_port()}/v3/data?page=2"
    kolada.script(page(entry(), next_url=elsewhere))

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-off-host"
    assert caught.value.params["url"] == elsewhere
    assert len(kolada.seen) == 1
    assert_clean(caught.value)


@pytest.mark.parametrize(
    "next_url",
    ["https://{host}/v3/data?page=2", "file:///etc/passwd"],
    ids=["scheme-downgrade-or-change", "file"],
)
def test_next_url_with_another_scheme_is_refused(
    kolada: LocalKolada, sleeps: list[float], next_url: str
) -> None:
    host = urlsplit(kolada.base_url).netloc
    kolada.script(page(entry(), next_url=next_url.format(host=host)))

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-off-host"


def test_redirect_to_another_host_is_refused(kolada: LocalKolada, sleeps: list[float]) -> None:
    elsewhere = f"http://127.0.0.2:{closed_port()}/v3/data"
    kolada.script(Reply(302, headers={"Location": elsewhere}))

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-off-host"
    assert len(kolada.seen) == 1


def test_redirect_on_the_same_host_is_followed(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.script(Reply(301, headers={"Location": "/v3/moved"}), page(entry()))

    assert len(fetch(kolada, sleeps)) == 1
    assert [request.path for request in kolada.seen][1] == "/v3/moved"


def test_next_url_pointing_back_is_a_loop(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.script(page(next_url="?page=2"))
    kolada.otherwise = page(next_url="?page=2")

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-page-loop"
    assert len(kolada.seen) == 2


def test_endless_pages_stop_at_the_limit(
    kolada: LocalKolada, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client, "MAX_PAGES", 5)
    counter = iter(range(2, 100))
    kolada.otherwise = lambda _path: page(next_url=f"?page={next(counter)}")

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-too-many-pages"
    assert len(kolada.seen) == 5
    assert_clean(caught.value)


def test_oversized_answer_is_refused(
    kolada: LocalKolada, sleeps: list[float], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client, "MAX_BODY_BYTES", 1024)
    monkeypatch.setattr(client, "READ_CHUNK", 256)
    kolada.script(Reply(200, b" " * 5000 + b"{}"))

    with pytest.raises(KoladaResponseError) as caught:
        fetch(kolada, sleeps)

    assert caught.value.key == "kolada-too-large"
    assert_clean(caught.value)


# --- input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "key"),
    [
        ({"kpis": ["n15428"]}, "kolada-bad-kpi"),
        ({"kpis": ["N1542"]}, "kolada-bad-kpi"),
        ({"kpis": ["X15428"]}, "kolada-bad-kpi"),
        ({"kpis": ["N15428\n"]}, "kolada-bad-kpi"),
        ({"kpis": ["N15428", 15428]}, "kolada-bad-kpi"),
        ({"kpis": []}, "kolada-nothing-requested"),
        ({"municipality": "126"}, "bad-code"),
        ({"municipality": "01266"}, "bad-code"),
        ({"municipality": "0126\n"}, "bad-code"),
        ({"municipality": 126}, "bad-code"),
        ({"years": [1989]}, "kolada-bad-year"),
        ({"years": [2101]}, "kolada-bad-year"),
        ({"years": [True]}, "kolada-bad-year"),
        ({"years": ["2023"]}, "kolada-bad-year"),
        ({"years": []}, "kolada-nothing-requested"),
        ({"base_url": "file:///etc"}, "kolada-bad-base-url"),
        ({"base_url": "api.kolada.se/v3"}, "kolada-bad-base-url"),
        ({"base_url": "https://api.kolada.se/v3?x=1"}, "kolada-bad-base-url"),
    ],
)
def test_invalid_input_is_refused_before_any_request(
    arguments: dict[str, Any], key: str, sleeps: list[float]
) -> None:
    # Nothing listens at this address: a request would fail differently.
    call: dict[str, Any] = {
        "kpis": ["N15428"],
        "municipality": "0138",
        "years": [2023],
        "base_url": f"http://127.0.0.1:{closed_port()}/v3",
        "sleep": sleeps.append,
    }
    call.update(arguments)

    with pytest.raises(KoladaInputError) as caught:
        fetch_outcomes(**call)

    assert caught.value.key == key
    assert_clean(caught.value)


@pytest.mark.parametrize(
    "options",
    [
        {"timeout": 0},
        {"timeout": float("nan")},
        {"request_timeout": -1},
        {"total_timeout": float("inf")},
        {"max_ids_per_request": 0},
        {"max_retries": -1},
    ],
)
def test_nonsensical_tuning_is_a_programming_error(
    kolada: LocalKolada, sleeps: list[float], options: dict[str, Any]
) -> None:
    with pytest.raises(ValueError):
        fetch(kolada, sleeps, **options)
    assert kolada.seen == []


def test_a_lone_string_is_not_a_list_of_kpis(sleeps: list[float]) -> None:
    with pytest.raises(TypeError):
        fetch_outcomes("N15428", "0138", [2023], sleep=sleeps.append)  # type: ignore[arg-type]


class _NoDns:
    """An injected opener that fails as a machine without DNS does."""

    def __init__(self) -> None:
        self.calls = 0

    def open(self, fullurl: Any, data: None = None, timeout: float = 0) -> Any:
        self.calls += 1
        raise URLError(socket.gaierror(socket.EAI_NONAME, "Name or service not known"))


def test_dns_failure_cannot_reach(sleeps: list[float]) -> None:
    opener = _NoDns()

    with pytest.raises(KoladaConnectionError) as caught:
        fetch_outcomes(["N15428"], "0138", [2023], sleep=sleeps.append, opener=opener)

    assert caught.value.key == "kolada-unreachable"
    # Said in words in the run's language, never the system's English.
    assert caught.value.params["reason"] == "serverns namn gick inte att slå upp"
    assert caught.value.params["reason_en"] == "the server's name could not be looked up"
    assert opener.calls == 1
    assert sleeps == []


def test_duplicate_ids_are_asked_once(kolada: LocalKolada, sleeps: list[float]) -> None:
    kolada.otherwise = page()

    fetch(kolada, sleeps, kpis=["N15428", "N15428"], years=[2023, 2023])

    [request] = kolada.seen
    assert request.path == "/v3/data/kpi/N15428/municipality/0138/year/2023"


@pytest.mark.parametrize(
    ("reason", "swedish"),
    [
        (ConnectionRefusedError(111, "Connection refused"), "anslutningen nekades"),
        (ConnectionResetError(104, "Connection reset by peer"), "anslutningen bröts"),
        (
            OSError(errno.ENETUNREACH, "Network is unreachable"),
            "nätverket eller servern går inte att nå",
        ),
        (
            ssl.SSLError(1, "CERTIFICATE_VERIFY_FAILED"),
            "en säker anslutning gick inte att upprätta",
        ),
        ("unknown url type", "ett oväntat fel i nätverket"),
    ],
)
def test_a_network_failure_is_said_in_words(reason: object, swedish: str) -> None:
    from styr.kolada.network_words import reason_in_words

    said = reason_in_words(reason)
    assert said["reason"] == swedish
    assert said["reason_en"] and "Errno" not in said["reason_en"]
    assert str(reason) not in said.values()
