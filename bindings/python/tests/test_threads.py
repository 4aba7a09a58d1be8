"""Many threads at once: same answers, one class per lazily made exception."""

import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

from dcs_status import StatusCode, decide, from_name, lookup, parse_retry_after, raise_for_status


def _work(i):
    code = 100 + i % 900
    found = lookup(code)
    assert found.code == code
    assert from_name("not found") is StatusCode.NOT_FOUND
    assert parse_retry_after(str(i), 0) == i
    assert decide(429, str(i), 0).delay == i
    try:
        raise_for_status(found.status)
    except Exception as err:
        return type(err)
    return None


def test_threads_get_the_same_answers():
    with ThreadPoolExecutor(max_workers=16) as pool:
        classes = list(pool.map(_work, range(5000)))
    assert {cls.__name__ for cls in classes if cls is not None} >= {"BadRequest", "InternalServerError"}


def test_lazily_made_error_classes_are_made_once_under_threads():
    script = textwrap.dedent(
        """
        import threading, dcs_status
        names = list(dcs_status._ERROR_NAMES)
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
        assert [dcs_status.error_class(c.STATUS) for c in seen[0]] == seen[0]
        print("ok")
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ok\n"
