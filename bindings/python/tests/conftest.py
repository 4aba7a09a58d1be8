"""Shared fixtures: the test vectors and a local HTTP server on 127.0.0.1."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import settings

# A loaded machine must not turn slow examples into failures; same examples every run.
settings.register_profile("dcs", deadline=None, derandomize=True, database=None, print_blob=True)
settings.load_profile("dcs")

#: tests/vectors at the repository root (bindings/python/tests -> ../../../tests/vectors).
VECTORS = Path(__file__).resolve().parents[3] / "tests" / "vectors"

#: A fixed Retry-After HTTP-date the server sends, and a "now" 90 seconds before it.
RETRY_DATE = "Tue, 24 Nov 2026 12:01:30 GMT"
RETRY_DATE_NOW = 1795521600  # Tue, 24 Nov 2026 12:00:00 GMT


def load_vectors(name):
    """The cases of tests/vectors/<name>.json."""
    with (VECTORS / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)["cases"]


class _Handler(BaseHTTPRequestHandler):
    """``GET /<code>?retry_after=<value>&request_id=<id>`` (or ``POST``): that status,
    those Retry-After and X-Request-Id headers, a short body."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        url = urlsplit(self.path)
        code = int(url.path.strip("/") or "200")
        query = parse_qs(url.query)
        body = f"status {code}\n".encode()
        self.send_response(code)
        for value in query.get("retry_after", []):
            self.send_header("Retry-After", value)
        for value in query.get("request_id", []):
            self.send_header("X-Request-Id", value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET  # noqa: N815 (http.server's name) the same answers, for a non-idempotent method

    def log_message(self, format, *args):  # keep the test output clean
        pass


@pytest.fixture(scope="session")
def server():
    """The base URL of a threaded HTTP server on 127.0.0.1 (an ephemeral port)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="test-http-server", daemon=True)
    thread.start()
    try:
        host, port = httpd.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
