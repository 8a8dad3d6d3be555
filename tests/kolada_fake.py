"""A local fake of Kolada's API v3, shared by the Kolada tests; never the real api.kolada.se.

The answers follow the shapes Kolada's API v3 documents; the shapes and their
sources are recorded in tests/fixtures/kolada/README.md. A test fills the
tables and, where it wants trouble, queues failures:

    def test_something(kolada_fake: FakeKolada) -> None:
        kolada_fake.add_kpi("N15428", "Elever i åk 9 behöriga …", is_divided_by_gender=1)
        kolada_fake.add_value("N15428", "1283", 2024, 84.5)
        kolada_fake.add_value("N15428", "1283", 2024, 87.0, gender="K", status="Preliminary")
        kolada_fake.add_group("G124026", "Liknande kommuner …", ["0180", "1280"])
        kolada_fake.fail(Failure(429, retry_after="2"), Failure(500))
        fetch_outcomes(["N15428"], "1283", [2024], base_url=kolada_fake.base_url)

Served: /v3/kpi (title=, page=, per_page=), /v3/kpi/{ids},
/v3/data/kpi/{ids}/municipality/{ids}/year/{years}, /v3/municipality,
/v3/municipality_groups (title=) and /v3/municipality_groups/{id}. Lists are
paged with next_url (`page_size` caps a page below the asked per_page, to make
paging happen with few entries). Queued failures answer the next requests in
order: an HTTP status (429 with Retry-After, 500 …), a `delay` before an
answer, or a `drip` of one byte per so many seconds that never finishes.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

MAX_PER_PAGE = 5000  # Kolada's documented ceiling for per_page


@dataclass(frozen=True)
class Failure:
    """One request answered badly instead of with the data."""

    status: int = 500
    retry_after: str | None = None  # the Retry-After header, as sent
    delay: float = 0.0  # seconds before the (good) answer, when status is 200
    drip: float = 0.0  # one byte per so many seconds of a body that never ends


@dataclass
class FakeKolada:
    """The in-memory tables a test fills, and what the server was asked."""

    base_url: str = ""
    kpis: dict[str, dict[str, Any]] = field(default_factory=dict)
    municipalities: dict[str, dict[str, Any]] = field(default_factory=dict)
    groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    # (kpi, municipality, year) -> gender -> (value, status)
    values: dict[tuple[str, str, int], dict[str, tuple[float | None, str]]] = field(
        default_factory=dict
    )
    page_size: int = MAX_PER_PAGE
    failures: deque[Failure] = field(default_factory=deque)
    seen: list[str] = field(default_factory=list)  # every path and query asked, in order
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- filling the tables -------------------------------------------------------------

    def add_kpi(self, kpi_id: str, title: str, **fields: Any) -> dict[str, Any]:
        """A KPI in /v3/kpi's shape; `fields` override the defaults (any documented key)."""
        entry: dict[str, Any] = {
            "id": kpi_id,
            "title": title,
            "description": "",
            "operating_area": "",
            "is_divided_by_gender": 0,
            "municipality_type": "K",
            "has_ou_data": False,
            "publication_date": "2026-03-01",
            "prel_publication_date": None,
            "publ_period": "2025",
            "perspective": "",
            "auspice": "",
            "ou_publication_date": None,
        }
        entry.update(fields)
        self.kpis[kpi_id] = entry
        return entry

    def add_municipality(self, code: str, title: str, kind: str = "K") -> None:
        self.municipalities[code] = {"id": code, "title": title, "type": kind}

    def add_group(self, group_id: str, title: str, members: list[str]) -> None:
        self.groups[group_id] = {
            "id": group_id,
            "title": title,
            "members": [
                {"id": code, "title": self.municipalities.get(code, {}).get("title", code)}
                for code in members
            ],
        }

    def add_value(
        self,
        kpi: str,
        municipality: str,
        year: int,
        value: float | None,
        *,
        gender: str = "T",
        status: str = "",
    ) -> None:
        """One value; `status` "Preliminary" marks it preliminary, "Missing" with value None."""
        self.values.setdefault((kpi, municipality, year), {})[gender] = (value, status)

    def fail(self, *failures: Failure) -> None:
        self.failures.extend(failures)

    # --- answering ----------------------------------------------------------------------

    def next_failure(self, raw_path: str) -> Failure | None:
        with self._lock:
            self.seen.append(raw_path)
            return self.failures.popleft() if self.failures else None

    def answer(self, raw_path: str) -> tuple[int, object]:
        parts = urlsplit(raw_path)
        query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
        segments = [part for part in parts.path.split("/") if part]
        if segments[:1] != ["v3"]:
            return 404, {"error": "not found"}
        route = segments[1:]
        if route[:1] == ["kpi"] and len(route) <= 2:
            return 200, self._kpis(route[1] if len(route) == 2 else None, query, parts.path)
        if route[:1] == ["municipality"] and len(route) == 1:
            return 200, self._page(list(self.municipalities.values()), query, parts.path)
        if route[:1] == ["municipality_groups"] and len(route) <= 2:
            return 200, self._groups(route[1] if len(route) == 2 else None, query, parts.path)
        if (
            len(route) == 7
            and route[:2] == ["data", "kpi"]
            and route[3::2]
            == [
                "municipality",
                "year",
            ]
        ):
            return self._data(route[2], route[4], route[6], query, parts.path)
        return 404, {"error": "not found"}

    def _kpis(self, ids: str | None, query: dict[str, str], path: str) -> dict[str, Any]:
        entries = list(self.kpis.values())
        if ids is not None:
            wanted = ids.split(",")
            entries = [entry for entry in entries if entry["id"] in wanted]
        if "title" in query:
            needle = query["title"].casefold()
            entries = [entry for entry in entries if needle in entry["title"].casefold()]
        return self._page(entries, query, path)

    def _groups(self, group_id: str | None, query: dict[str, str], path: str) -> dict[str, Any]:
        entries = list(self.groups.values())
        if group_id is not None:
            entries = [entry for entry in entries if entry["id"] == group_id]
        if "title" in query:
            needle = query["title"].casefold()
            entries = [entry for entry in entries if needle in entry["title"].casefold()]
        return self._page(entries, query, path)

    def _data(
        self, kpis: str, municipalities: str, years: str, query: dict[str, str], path: str
    ) -> tuple[int, object]:
        lists = kpis.split(","), municipalities.split(","), years.split(",")
        if any(len(ids) > 25 for ids in lists):  # Kolada refuses long lists (HTTP 422)
            return 422, {"error": "too many ids"}
        entries = [
            {
                "kpi": kpi,
                "municipality": code,
                "period": int(year),
                "values": [
                    {"gender": gender, "count": 1, "status": status, "value": value}
                    for gender, (value, status) in self.values[(kpi, code, int(year))].items()
                ],
            }
            for kpi in lists[0]
            for code in lists[1]
            for year in lists[2]
            if (kpi, code, int(year)) in self.values
        ]
        return 200, self._page(entries, query, path)

    def _page(self, entries: list[Any], query: dict[str, str], path: str) -> dict[str, Any]:
        """One page in v3's list shape: count, values, next_url (null on the last page)."""
        per_page = min(int(query.get("per_page", MAX_PER_PAGE)), MAX_PER_PAGE, self.page_size)
        number = int(query.get("page", 1))
        start = (number - 1) * per_page
        chunk = entries[start : start + per_page]
        next_url = None
        if start + per_page < len(entries):
            following = dict(query, page=str(number + 1), per_page=str(per_page))
            next_url = f"{self.base_url.removesuffix('/v3')}{path}?{urlencode(following)}"
        return {"count": len(chunk), "values": chunk, "next_url": next_url}


class _Server(ThreadingHTTPServer):
    daemon_threads = False  # join handler threads on close: none outlives its test
    fake: FakeKolada


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        failure = self.server.fake.next_failure(self.path)
        try:
            if failure is not None and failure.drip:
                self._drip(failure.drip)
                return
            if failure is not None and failure.status != 200:
                headers = {"Retry-After": failure.retry_after} if failure.retry_after else {}
                self._send(failure.status, {"error": "failure"}, headers)
                return
            if failure is not None:
                time.sleep(failure.delay)
            status, body = self.server.fake.answer(self.path)
            self._send(status, body, {})
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting: what the deadline tests want

    def _send(self, status: int, body: object, headers: dict[str, str]) -> None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _drip(self, seconds: float) -> None:
        self.close_connection = True
        self.send_response(200)
        self.send_header("Content-Length", "100000")
        self.end_headers()
        for _ in range(200):  # bounded, so a client that never gives up cannot hang the run
            self.wfile.write(b" ")
            self.wfile.flush()
            time.sleep(seconds)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep pytest's output clean


def start_fake() -> tuple[FakeKolada, _Server, threading.Thread]:
    server = _Server(("127.0.0.1", 0), _Handler)
    host, port = server.server_address[:2]
    server.fake = FakeKolada(base_url=f"http://{host!s}:{port}/v3")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    return server.fake, server, thread


@pytest.fixture
def kolada_fake(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeKolada]:
    """A running fake Kolada on 127.0.0.1; `base_url` ends in /v3 like Kolada's own."""
    for name in ("http_proxy", "https_proxy", "all_proxy"):  # a proxy would carry it off
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    fake, server, thread = start_fake()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
