"""A small Language Server Protocol client over stdio, enough to ask an editor's questions.

It speaks JSON-RPC with Content-Length framing to a language server started as
a child process, answers the requests the server sends (configuration,
capability registration) and collects what it publishes.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any


class LanguageServer:
    """One running language server; use as a context manager."""

    def __init__(self, command: list[str], settings: dict[str, Any]) -> None:
        self._settings = settings
        self._process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self._next_id = 0
        self._responses: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self._reader = threading.Thread(target=self._read_forever, daemon=True)
        self._reader.start()

    def __enter__(self) -> LanguageServer:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self._process.wait(timeout=10)
        except Exception:
            self._process.kill()
            self._process.wait()
        finally:
            self._reader.join(timeout=10)
            for stream in (self._process.stdin, self._process.stdout):
                if stream is not None:
                    stream.close()

    def initialize(self, root: Path, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """The handshake, with the workspace folder, the server's initializationOptions
        and the settings an editor would send."""
        uri = root.as_uri()
        capabilities = {
            "workspace": {"configuration": True, "workspaceFolders": True},
            "textDocument": {
                "completion": {"completionItem": {"documentationFormat": ["markdown"]}},
                "hover": {"contentFormat": ["markdown", "plaintext"]},
            },
        }
        result = self.request(
            "initialize",
            {
                "processId": None,
                "rootUri": uri,
                "workspaceFolders": [{"uri": uri, "name": root.name}],
                "capabilities": capabilities,
                "initializationOptions": options or {},
            },
        )
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self._settings})
        return result

    def open(self, file: Path) -> str:
        uri = file.as_uri()
        text = file.read_text(encoding="utf-8")
        self.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
        )
        return uri

    def at(self, method: str, uri: str, line: int, character: int) -> Any:
        position = {
            "textDocument": {"uri": uri},
            "position": {"line": line, "character": character},
        }
        return self.request(method, position)

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        with self._lock:
            self._next_id += 1
            number = self._next_id
            self._responses[number] = queue.Queue()
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        answer = self._responses[number].get(timeout=timeout)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def _send(self, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode("utf-8")
        assert self._process.stdin is not None
        self._process.stdin.write(f"Content-Length: {len(body)}\r\n\r\n".encode("ascii") + body)
        self._process.stdin.flush()

    def _read_forever(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while True:
            length = 0
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            if line == b"":
                return
            self._dispatch(json.loads(stream.read(length)))

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "method" not in message:
            self._responses[message["id"]].put(message)
            return
        if message["method"] == "textDocument/publishDiagnostics":
            params = message["params"]
            self.diagnostics[params["uri"]] = params["diagnostics"]
        if "id" in message:  # a request from the server: answer it as an editor would
            result: Any = None
            if message["method"] == "workspace/configuration":
                items = message["params"]["items"]
                result = [self._settings.get(item.get("section", ""), None) for item in items]
            self._send({"jsonrpc": "2.0", "id": message["id"], "result": result})
