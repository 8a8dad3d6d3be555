"""Timing `styr lsp` as an editor meets it: edit-to-diagnostics latency, and start-up.

A small client over stdio (JSON-RPC with Content-Length framing) starts the
server, sends what an editor sends and notes when the diagnostics arrive.
Imported by benchmarks/run.py; nothing here asserts.
"""

from __future__ import annotations

import json
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

# The edit made and undone, turn by turn: a direction's id misspelt in a board's
# contributes_to, so that every edit changes what the server publishes.
EDITS = 50


class Client:
    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "styr", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=cwd,
        )
        self.published: queue.Queue[tuple[float, str, list[Any]]] = queue.Queue()
        self._answers: dict[int, queue.Queue[Any]] = {}
        self._next = 0
        threading.Thread(target=self._read, daemon=True).start()

    def request(self, method: str, params: Any) -> Any:
        self._next += 1
        answer: queue.Queue[Any] = queue.Queue()
        self._answers[self._next] = answer
        self.send({"jsonrpc": "2.0", "id": self._next, "method": method, "params": params})
        return answer.get(timeout=120)

    def notify(self, method: str, params: Any) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def send(self, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def initialize(self, folder: Path) -> None:
        uri = folder.as_uri()
        self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": uri,
                "workspaceFolders": [{"uri": uri, "name": folder.name}],
                "capabilities": {},
                "initializationOptions": {},
            },
        )
        self.notify("initialized", {})

    def open(self, file: Path, text: str) -> str:
        uri = file.as_uri()
        item = {"uri": uri, "languageId": "yaml", "version": 1, "text": text}
        self.notify("textDocument/didOpen", {"textDocument": item})
        return uri

    def wait_for(self, uri: str, after: float) -> float:
        """When the next diagnostics for `uri` sent after `after` arrived."""
        while True:
            at, published, _ = self.published.get(timeout=120)
            if published == uri and at >= after:
                return at

    def close(self) -> None:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            self.process.wait(timeout=30)
        except Exception:
            self.process.kill()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if line == b"":
                return
            message = json.loads(stream.read(length))
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self.published.put((time.perf_counter(), params["uri"], params["diagnostics"]))
            elif "method" in message and "id" in message:
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            elif "id" in message and message["id"] in self._answers:
                self._answers[message["id"]].put(message.get("result"))


def edit_latencies(repository: Path, board: Path, old: str, new: str) -> list[float]:
    """Seconds from each full-text change of `board` to its diagnostics, over `EDITS` edits."""
    client = Client(repository)
    try:
        client.initialize(repository)
        text = board.read_text(encoding="utf-8")
        uri = client.open(board, text)
        client.wait_for(uri, 0.0)  # the repository linted once, as on opening it
        latencies = []
        for version in range(2, EDITS + 2):
            changed = text.replace(old, new) if version % 2 == 0 else text
            sent = time.perf_counter()
            client.notify(
                "textDocument/didChange",
                {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": changed}],
                },
            )
            latencies.append(client.wait_for(uri, sent) - sent)
        return latencies
    finally:
        client.close()


def median_latency(repository: Path, board: Path, old: str, new: str) -> float:
    return statistics.median(edit_latencies(repository, board, old, new))


def start_up(workspace: Path, file: Path) -> float:
    """Seconds from starting the server on `workspace` to the diagnostics of one opened file."""
    started = time.perf_counter()
    client = Client(workspace)
    try:
        client.initialize(workspace)
        uri = client.open(file, file.read_text(encoding="utf-8"))
        return client.wait_for(uri, 0.0) - started
    finally:
        client.close()
