"""Many threads at once: the same answers, and one class per lazily made enum or
exception."""

import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

from dcs_status import (
    DcsHTTPError,
    StatusCode,
    decide,
    error_class,
    from_name,
    lookup,
    parse_retry_after,
    raise_for_status,
)


def _work(i):
    """Checks every answer for code ``100 + i % 900``; returns the class raised."""
    code = 100 + i % 900
    found = lookup(code)
    assert found.code == code
    assert from_name("not found") is StatusCode.NOT_FOUND
    assert parse_retry_after(str(i), 0) == i
    assert decide(429, str(i), 0).delay == i
    raised = None
    try:
        raise_for_status(code)
    except DcsHTTPError as err:
        raised = err
    if raised is None:
        assert not found.is_error
        return None
    assert type(raised) is error_class(code)
    assert raised.code == code and raised.status is found.status
    return type(raised)


def test_threads_get_the_same_answers():
    with ThreadPoolExecutor(max_workers=16) as pool:
        raised = list(pool.map(_work, range(5000)))
    assert raised == [_work(i) for i in range(5000)]


def test_lazily_made_classes_and_enums_are_made_once_under_threads():
    script = textwrap.dedent(
        """
        import threading, dcs_status, dcs_status._http
        names = [*dcs_status._http.ERROR_NAMES, "StatusClass", "RetryAdvice", "LookupKind", "RetryAction"]
        barrier = threading.Barrier(8)
        seen = []
        def grab():
            barrier.wait()
            seen.append([getattr(dcs_status, n) for n in names])
        threads = [threading.Thread(target=grab) for _ in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        assert all(row == seen[0] for row in seen)
        assert all(a is b for row in seen for a, b in zip(row, seen[0]))
        classes = seen[0][: len(dcs_status._http.ERROR_NAMES)]
        assert [dcs_status.error_class(c.STATUS) for c in classes] == classes
        assert dcs_status.lookup(404).status_class is dcs_status.StatusClass.CLIENT_ERROR
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"
