#!/usr/bin/env python3
"""The scripted HTTP server of the retrying-client tests (issue 11): plays the
scenarios of ``tests/vectors/client_scenarios.json`` on 127.0.0.1.

``<METHOD> /scenario/<name>/<run>`` answers the n-th request of that run with the
scenario's n-th response (the last one past the end), or resets the connection
(``reset: true``: the request is read, then the socket is closed with SO_LINGER 0,
which sends a TCP RST). ``<run>`` is any token the client picks, so every run of a
scenario starts afresh. ``GET /received/<name>/<run>`` returns what that run's
requests were, as JSON: ``[{"method": "POST", "body": "..."}, ...]`` (the body as
UTF-8 text, ``null`` when empty; a chunked request body is read whole).

Standard library only, so that every language's tests can start it:

    python3 tests/clients/scripted_server.py &   # prints its base URL, serves until killed

or, in Python, ``with serve() as base_url: ...``.
"""

from __future__ import annotations

import contextlib
import json
import socket
import struct
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

#: tests/vectors/client_scenarios.json, beside this file's folder.
SCENARIOS_PATH = Path(__file__).resolve().parents[1] / "vectors" / "client_scenarios.json"


def load() -> dict[str, Any]:
    """The whole vector file: ``about``, ``now``, ``random`` and ``scenarios``."""
    with SCENARIOS_PATH.open(encoding="utf-8") as file:
        document: dict[str, Any] = json.load(file)
    return document


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, scenarios: dict[str, dict[str, Any]]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.scenarios = scenarios
        self.lock = threading.Lock()
        self.received: dict[tuple[str, str], list[dict[str, Any]]] = {}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle and delayed ACKs hold
    # each keep-alive response back ~40 ms.
    disable_nagle_algorithm = True
    server: _Server

    def _handle(self) -> None:
        parts = self.path.split("?", 1)[0].strip("/").split("/")
        if len(parts) != 3 or parts[0] not in ("scenario", "received"):
            self._send(404, [("Content-Type", "text/plain")], "no such path\n")
            return
        kind, name, run = parts
        scenario = self.server.scenarios.get(name)
        if self.headers.get("Transfer-Encoding", "").strip().lower() == "chunked":
            body = self._read_chunked()
        else:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
        if scenario is None:
            self._send(404, [("Content-Type", "text/plain")], f"no scenario {name!r}\n")
            return
        with self.server.lock:
            received = self.server.received.setdefault((name, run), [])
            if kind == "received":
                self._send(200, [("Content-Type", "application/json")], json.dumps(received))
                return
            received.append({"method": self.command, "body": body.decode("utf-8") if body else None})
            responses = scenario["responses"]
            response = responses[min(len(received), len(responses)) - 1]
        if response.get("reset"):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return
        self._send(response["status"], response["headers"], response["body"])

    def _read_chunked(self) -> bytes:
        """A chunked request body (a client streaming a generator sends one)."""
        chunks = []
        while True:
            size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
                    pass
                return b"".join(chunks)
            chunks.append(self.rfile.read(size))
            self.rfile.readline()  # the CRLF after the chunk

    def _send(self, status: int, headers: list[list[str]] | list[tuple[str, str]], body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _handle  # noqa: N815

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's name)
        pass


@contextlib.contextmanager
def serve() -> Iterator[str]:
    """Serves every scenario on an ephemeral port of 127.0.0.1; yields the base URL."""
    scenarios = {s["name"]: s for s in load()["scenarios"]}
    httpd = _Server(scenarios)
    thread = threading.Thread(target=httpd.serve_forever, name="scripted-server", daemon=True)
    thread.start()
    try:
        host, port = httpd.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def main() -> None:
    """Prints the base URL, then serves until the process is killed."""
    with serve() as base_url:
        print(base_url, flush=True)
        threading.Event().wait()


if __name__ == "__main__":
    main()
