"""The network side of the Kolada client: an opener that keeps to Kolada's origin and its deadlines.

A socket timeout bounds each read from the network, not the whole answer: a
server that sends one byte every few seconds never trips it and can keep a run
alive for ever. `SocketWatch` closes that gap. Every connection the default
opener makes is registered with it, and when a request's deadline passes a
timer shuts the sockets down, which wakes the blocked read wherever it is
(status line, headers or body) with an end of file the client then reports as
"too slow".
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import IO, Any

from styr.kolada.errors import KoladaResponseError


def origin(url: str) -> tuple[str, str, int] | None:
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


class SocketWatch:
    """Shuts down the sockets of the request in progress once its deadline passes.

    One request at a time: `start` before opening, `stop` when done. A timer
    left over from an earlier request cannot touch a later one's sockets: each
    start is a new generation.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._generation = 0
        self._expired = False
        self._timer: threading.Timer | None = None

    def start(self, seconds: float) -> None:
        with self._lock:
            self._generation += 1
            self._sockets = []
            self._expired = False
            generation = self._generation
        self._timer = threading.Timer(seconds, self._expire, args=(generation,))
        self._timer.daemon = True  # never keeps the process alive
        self._timer.start()

    def stop(self) -> bool:
        """Ends the watch over this request; True if its deadline had passed."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        with self._lock:
            self._generation += 1
            self._sockets = []
            return self._expired

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)

    def _expire(self, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return
            self._expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):  # already closed: nothing left to wake
                    sock.shutdown(socket.SHUT_RDWR)


def _watched(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
    """`base` (HTTP or HTTPS) registering each connected socket with a watch."""

    class Watched(base):  # type: ignore[valid-type, misc]
        def __init__(self, *args: Any, watch: SocketWatch, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._watch = watch

        def connect(self) -> None:
            super().connect()
            self._watch.add(self.sock)

    return Watched


def _watching(
    base: type[urllib.request.AbstractHTTPHandler], connection: type[http.client.HTTPConnection]
) -> Callable[[SocketWatch], urllib.request.BaseHandler]:
    """`base` (urllib's HTTP or HTTPS handler) opening its connections as `connection`."""

    class Watching(base):  # type: ignore[valid-type, misc]
        def __init__(self, watch: SocketWatch) -> None:
            super().__init__()
            self._watch = watch

        def do_open(
            self, http_class: Any, req: urllib.request.Request, **kwargs: Any
        ) -> http.client.HTTPResponse:
            # The standard handler's own connection settings (TLS context …) pass through.
            return super().do_open(connection, req, watch=self._watch, **kwargs)  # type: ignore[no-any-return]

    return Watching


_WatchedHTTPHandler = _watching(urllib.request.HTTPHandler, _watched(http.client.HTTPConnection))
_WatchedHTTPSHandler = _watching(urllib.request.HTTPSHandler, _watched(http.client.HTTPSConnection))


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only on Kolada's own origin, for the same reason as next_url."""

    def __init__(self, base_url: str, host: str) -> None:
        super().__init__()
        self._origin = origin(base_url)
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
        if origin(newurl) != self._origin:
            fp.close()  # urllib only closes it when the redirect is followed
            raise KoladaResponseError("kolada-off-host", url=newurl, host=self._host)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def default_opener(
    base_url: str, host: str, watch: SocketWatch | None
) -> urllib.request.OpenerDirector:
    """Redirects only on Kolada's origin; connections registered with `watch` where given."""
    handlers: list[urllib.request.BaseHandler] = [_SameHostRedirects(base_url, host)]
    if watch is not None:
        handlers += [_WatchedHTTPHandler(watch), _WatchedHTTPSHandler(watch)]
    return urllib.request.build_opener(*handlers)
