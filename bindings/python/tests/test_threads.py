"""Many threads at once: the same answers, one class per lazily made enum or
exception, one retry budget shared by every thread; and forked processes that draw
their own random delays."""

import os
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from dcs_status import (
    DcsHTTPError,
    RetryBudget,
    RetryPolicy,
    RetryReason,
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


def test_one_budget_is_shared_by_every_thread_and_stays_within_its_capacity():
    """The core's atomic budget: 8 threads spend and refund; no token is lost or made."""
    threads, rounds = 8, 2_000
    budget = RetryBudget(capacity=threads * rounds, retry_cost=3, throttle_cost=1, tokens=0)
    policy = RetryPolicy(max_attempts=10)
    barrier = threading.Barrier(threads)
    seen = []

    def work():
        barrier.wait()
        for _ in range(rounds):
            budget.record_success()  # +1
            step = policy.step(429, attempt=1, random=0.0, budget=budget)  # -1
            seen.append((step.reason, step.tokens_after))
            assert 0 <= budget.tokens <= budget.capacity

    pool = [threading.Thread(target=work) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    # Each thread's success comes before its retry, so every retry could pay, and
    # every token a success earned was spent: none lost, none made.
    assert len(seen) == threads * rounds
    assert all(reason is RetryReason.THROTTLED and 0 <= tokens < budget.capacity for reason, tokens in seen)
    assert budget.tokens == 0
    exhausted = policy.step(502, attempt=1, idempotent=True, budget=budget)
    assert exhausted.reason is RetryReason.BUDGET_EXHAUSTED


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no os.fork")
def test_forked_children_draw_their_own_random_delays():
    script = textwrap.dedent(
        """
        import os
        from dcs_status import RetryPolicy
        wide = RetryPolicy(base_transient_ms=2**52, cap_ms=2**52)
        draw = lambda: [wide.step(502, attempt=1, idempotent=True).delay_ms for _ in range(4)]
        draw()  # the parent's source is seeded before the fork
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.write(write, repr(draw()).encode())
            os._exit(0)
        os.waitpid(pid, 0)
        child = eval(os.read(read, 4096).decode())
        print(child != draw())
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "True\n"
