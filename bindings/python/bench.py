"""Benchmarks dcs_status against the standard library, side by side in one run.

    target/python-venv/bin/python bindings/python/bench.py   (after run-tests.sh)

Each row times dcs_status and its standard-library anchor with ``timeit`` (best of 7
rounds, ns per call) and prints the ratio next to its goal (the goals of the issues
that set them; "no regression" means the ratio stays within them):

- code lookup: ``StatusCode(404)``, ``lookup(404)``, ``lookup(418)`` vs
  ``http.HTTPStatus(404)``, <= 0.3x;
- name lookup: ``from_name(...)`` and ``StatusCode[...]`` vs
  ``HTTPStatus['NOT_FOUND']``, <= 1x;
- Retry-After: ``parse_retry_after(IMF-fixdate)`` vs
  ``email.utils.parsedate_to_datetime``, <= 0.1x;
- import: ``import dcs_status`` (``StatusCode`` built) vs ``import http``, each in a
  fresh interpreter with ``enum`` already imported (as in any program that imports
  ``re``, ``http`` or an HTTP client), alternating, median of many runs, <= 1.5x. The
  cold figures (``enum`` included) are printed too.

Then the size of the installed extension module.
"""

import email.utils
import http
import os
import statistics
import subprocess
import sys
import timeit
from pathlib import Path

import dcs_status
from dcs_status import StatusCode, _native, decide, from_name, lookup, parse_retry_after

IMF = "Sun, 06 Nov 1994 08:49:37 GMT"
NOW = 784111777
IMPORT_RUNS = 61


def best_ns(stmt, namespace):
    timer = timeit.Timer(stmt, globals=namespace)
    number, _ = timer.autorange()
    number = max(number, 10_000)
    return min(timer.repeat(repeat=7, number=number)) / number * 1e9


def import_us(modules, preload):
    """Median microseconds of ``import <module>`` in fresh interpreters, per module,
    the modules' runs alternating so that a busy machine slows them alike."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

    def code(module):
        return (
            f"import time{', ' + preload if preload else ''}\n"
            f"t = time.perf_counter()\nimport {module}\n"
            "print((time.perf_counter() - t) * 1e6)"
        )

    def run(module):
        result = subprocess.run(
            [sys.executable, "-c", code(module)], env=env, check=True, capture_output=True, text=True
        )
        return float(result.stdout)

    for module in modules:  # writes the bytecode caches
        run(module)
    runs = {module: [] for module in modules}
    for _ in range(IMPORT_RUNS):
        for module in modules:
            runs[module].append(run(module))
    return [statistics.median(runs[module]) for module in modules]


def main():
    ns = {
        "HTTPStatus": http.HTTPStatus,
        "StatusCode": StatusCode,
        "lookup": lookup,
        "from_name": from_name,
        "native_from_name": _native.from_name,
        "parse_retry_after": parse_retry_after,
        "decide": decide,
        "parsedate_to_datetime": email.utils.parsedate_to_datetime,
        "IMF": IMF,
        "NOW": NOW,
    }
    # Sanity: the rows compare like with like.
    assert StatusCode(404) == http.HTTPStatus(404) == lookup(404).status
    assert from_name("NOT_FOUND") == http.HTTPStatus["NOT_FOUND"]
    assert parse_retry_after(IMF, NOW) == 0
    assert int(email.utils.parsedate_to_datetime(IMF).timestamp()) == NOW

    code_anchor = best_ns("HTTPStatus(404)", ns)
    name_anchor = best_ns("HTTPStatus['NOT_FOUND']", ns)
    date_anchor = best_ns("parsedate_to_datetime(IMF)", ns)
    rows = [
        ("StatusCode(404)", best_ns("StatusCode(404)", ns), "HTTPStatus(404)", code_anchor, 0.3),
        ("lookup(404)", best_ns("lookup(404)", ns), "HTTPStatus(404)", code_anchor, 0.3),
        ("lookup(418) (RFC 9110 fallback)", best_ns("lookup(418)", ns), "HTTPStatus(404)",
         code_anchor, 0.3),
        ("from_name('NOT_FOUND')", best_ns("from_name('NOT_FOUND')", ns),
         "HTTPStatus['NOT_FOUND']", name_anchor, 1.0),
        ("from_name('not found')", best_ns("from_name('not found')", ns),
         "HTTPStatus['NOT_FOUND']", name_anchor, 1.0),
        ("StatusCode['NOT_FOUND']", best_ns("StatusCode['NOT_FOUND']", ns),
         "HTTPStatus['NOT_FOUND']", name_anchor, 1.0),
        ("core from_name('not found'), uncached", best_ns("native_from_name('not found')", ns),
         "HTTPStatus['NOT_FOUND']", name_anchor, None),
        ("parse_retry_after(IMF, now)", best_ns("parse_retry_after(IMF, NOW)", ns),
         "parsedate_to_datetime(IMF)", date_anchor, 0.1),
        ("parse_retry_after(IMF) (clock)", best_ns("parse_retry_after(IMF)", ns),
         "parsedate_to_datetime(IMF)", date_anchor, 0.1),
        ("parse_retry_after('120', now)", best_ns("parse_retry_after('120', NOW)", ns),
         "parsedate_to_datetime(IMF)", date_anchor, None),
        ("decide(429, '120', now)", best_ns("decide(429, '120', NOW)", ns),
         "HTTPStatus(404)", code_anchor, None),
    ]
    warm_ours, warm_http = import_us(["dcs_status", "http"], "enum")
    cold_ours, cold_http = import_us(["dcs_status", "http"], "")

    print(f"dcs_status {dcs_status.__version__}, Python {sys.version.split()[0]}, "
          f"{sys.platform}; best of 7, ns per call")
    header = f"{'dcs_status':<40}{'ns':>9}  {'anchor':<28}{'ns':>9}{'ratio':>8}  goal"
    print(header)
    print("-" * len(header))
    for name, ours, anchor, theirs, goal in rows:
        ratio = ours / theirs
        verdict = "" if goal is None else (f"<= {goal:g}x " + ("met" if ratio <= goal else "MISSED"))
        print(f"{name:<40}{ours:>9.1f}  {anchor:<28}{theirs:>9.1f}{ratio:>7.2f}x  {verdict}")
    print()
    print(f"import (fresh interpreters, alternating, median of {IMPORT_RUNS}, microseconds)")
    ratio = warm_ours / warm_http
    met = "met" if ratio <= 1.5 else "MISSED"
    print(f"{'import dcs_status (enum loaded)':<40}{warm_ours:>9.0f}  {'import http (enum loaded)':<28}"
          f"{warm_http:>9.0f}{ratio:>7.2f}x  <= 1.5x {met}")
    print(f"{'import dcs_status (cold, with enum)':<40}{cold_ours:>9.0f}  {'import http (cold)':<28}"
          f"{cold_http:>9.0f}{cold_ours / cold_http:>7.2f}x")
    print()
    native = Path(_native.__file__)
    print(f"{native.name}: {native.stat().st_size:,} bytes as installed (goal: stripped <= 500 KiB)")


if __name__ == "__main__":
    main()
