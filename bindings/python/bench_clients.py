"""Benchmarks the retrying clients against their bare clients, side by side in one run.

    target/python-venv/bin/python bindings/python/bench_clients.py   (after run-tests.sh)

The server is this script run with ``--serve``, in its own process (so that it does
not share this one's GIL), on 127.0.0.1, with keep-alive connections and TCP_NODELAY
(the scripted test server writes headers and body apart, which Nagle and delayed ACKs
turn into 40 ms per request): ``GET /ok`` is a 200, ``GET /retried/<token>`` is the
client scenario ``429-retry-after-seconds`` (its 429, then its 200). The two sides of
each row send their requests in turn, one by one, so that a busy machine slows both
alike; each figure is the median of a side's microseconds per request, and the ratio
is ours over the anchor's (the goals of issue 11):

- a request that succeeds first time (``GET /received/...``, a 200): a
  ``requests.Session`` with ``dcs_status.requests.RetryAdapter`` vs a bare
  ``Session``, and an ``httpx.Client`` with ``dcs_status.httpx.RetryTransport`` vs a
  bare ``Client``: <= 1.05x;
- the retried scenario (a 429 with Retry-After and a DCS error body, then a 200; no
  delay: the sleep injected does not wait, urllib3's ``Retry`` is told not to
  honour Retry-After and has no backoff): ``RetryAdapter`` vs ``HTTPAdapter`` with
  urllib3's ``Retry`` mounted on a ``requests.Session``: <= 1.0x.

Like with like: each side has its own session with one keep-alive connection to the
same server (checked for the retried row when these figures were taken: one connection
a side for the whole run, and ``strace -c`` counts the same system calls a request);
both read the 429's body off the connection (urllib3's
``Retry`` drains it, ``RetryAdapter`` reads it, for its error code); both build one
``requests.Response``, of the final attempt. The difference is the work each does in
Python around the same I/O: ``RetryAdapter`` asks the core for a step after every
attempt, the 200 included, where a ``Retry`` that is not retrying does nothing.
"""

import json
import statistics
import subprocess
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dcs_status
import dcs_status.httpx
import dcs_status.requests
import httpx
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

SCENARIOS = Path(__file__).resolve().parents[2] / "tests" / "vectors" / "client_scenarios.json"
SUCCESS_REQUESTS = 4000
RETRIED_REQUESTS = 2000
RETRIED = "429-retry-after-seconds"


def _raw(answer):
    """A whole HTTP/1.1 response, as bytes, for one of the scenario's answers."""
    body = answer["body"].encode("utf-8")
    head = [f"HTTP/1.1 {answer['status']} X"]
    head += [f"{name}: {value}" for name, value in answer["headers"]]
    head.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body


def serve():
    """Serves /ok and /retried/<token> until killed; prints the base URL first."""
    scenario = next(s for s in json.loads(SCENARIOS.read_text())["scenarios"] if s["name"] == RETRIED)
    throttled, ok = (_raw(answer) for answer in scenario["responses"])
    seen = set()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self):
            token = self.path.rpartition("/retried/")[2] if "/retried/" in self.path else None
            with lock:
                first = token is not None and token not in seen
                if first:
                    seen.add(token)
                else:
                    seen.discard(token)
            self.wfile.write(throttled if first else ok)  # one write: headers and body

        def log_message(self, format, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    print(f"http://127.0.0.1:{httpd.server_address[1]}", flush=True)
    httpd.serve_forever()


def no_sleep(seconds):
    """The injected sleep: the delay is the core's, the wait is skipped."""


def side_by_side(ours, anchor, count):
    """Microseconds per request of each side: the median of ``count`` requests each,
    sent one by one in turn (ours, anchor, anchor, ours, ...), so that the machine's
    other work falls on both sides alike and a burst of it moves no median."""
    for send in (ours, anchor):  # warm: connections open, caches filled
        for _ in range(count // 10 + 1):
            send()
    times = {ours: [], anchor: []}
    clock = time.perf_counter
    for i in range(count):
        for send in (ours, anchor) if i % 2 else (anchor, ours):
            start = clock()
            send()
            times[send].append(clock() - start)
    return statistics.median(times[ours]) * 1e6, statistics.median(times[anchor]) * 1e6


def main():
    server = subprocess.Popen([sys.executable, __file__, "--serve"], stdout=subprocess.PIPE, text=True)
    try:
        base = server.stdout.readline().strip()
        rows = measure(base)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"dcs_status {dcs_status.__version__}, Python {sys.version.split()[0]}, requests "
          f"{requests.__version__}, httpx {httpx.__version__}; median microseconds per request, "
          f"{SUCCESS_REQUESTS} (retried: {RETRIED_REQUESTS}) requests a side, in turn")
    header = f"{'dcs_status':<46}{'us':>8}  {'anchor':<40}{'us':>8}{'ratio':>8}  goal"
    print(header)
    print("-" * len(header))
    for name, ours, anchor, theirs, goal in rows:
        ratio = ours / theirs
        verdict = f"<= {goal:g}x " + ("met" if ratio <= goal else "MISSED")
        print(f"{name:<46}{ours:>8.1f}  {anchor:<40}{theirs:>8.1f}{ratio:>7.3f}x  {verdict}")


def measure(base):
    ok_url = f"{base}/ok"

    bare = requests.Session()
    retrying = dcs_status.requests.session(sleep=no_sleep)
    urllib3_retry = requests.Session()
    retry = Retry(total=2, status_forcelist=[429], respect_retry_after_header=False, backoff_factor=0)
    urllib3_retry.mount("http://", HTTPAdapter(max_retries=retry))
    httpx_bare = httpx.Client()
    httpx_retrying = httpx.Client(transport=dcs_status.httpx.RetryTransport(sleep=no_sleep))

    def retried(session):
        def send():
            response = session.get(f"{base}/retried/{uuid.uuid4().hex}")
            assert response.status_code == 200, response.status_code

        return send

    # Sanity: each side answers as the row says.
    assert bare.get(ok_url).status_code == retrying.get(ok_url).status_code == 200
    assert httpx_bare.get(ok_url).status_code == httpx_retrying.get(ok_url).status_code == 200
    retried(retrying)()
    retried(urllib3_retry)()

    rows = []
    ours, theirs = side_by_side(lambda: retrying.get(ok_url), lambda: bare.get(ok_url), SUCCESS_REQUESTS)
    rows.append(("requests + RetryAdapter, 200 first time", ours, "requests.Session (bare)", theirs, 1.05))
    ours, theirs = side_by_side(
        lambda: httpx_retrying.get(ok_url), lambda: httpx_bare.get(ok_url), SUCCESS_REQUESTS
    )
    rows.append(("httpx + RetryTransport, 200 first time", ours, "httpx.Client (bare)", theirs, 1.05))
    ours, theirs = side_by_side(retried(retrying), retried(urllib3_retry), RETRIED_REQUESTS)
    rows.append(("requests + RetryAdapter, 429 then 200", ours, "requests + urllib3 Retry", theirs, 1.0))
    for client in (bare, retrying, urllib3_retry, httpx_bare, httpx_retrying):
        client.close()
    return rows


if __name__ == "__main__":
    serve() if sys.argv[1:] == ["--serve"] else main()
