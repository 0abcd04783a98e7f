"""verify.workers: the ordered, bounded parallel map under ``verify extract`` and ``verify ingest``."""

from __future__ import annotations

import os
import signal
import time

import pytest

from verify.workers import SKIP, Failure, OrderedMap, WorkerDied

_greeting = None


def _set_greeting(word: str) -> None:
    global _greeting
    _greeting = word


def _greet(x):
    return f"{_greeting} {x}"


def _slow_square(x: int) -> int:
    time.sleep(0.02 if x % 3 == 0 else 0.0)  # some finish out of turn
    return x * x


def _fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x


def _pid(_x) -> int:
    return os.getpid()


def test_results_come_in_input_order_whatever_the_chunk():
    for chunk in (1, 3, 8):
        got = list(OrderedMap(_slow_square, range(30), 2, chunk=chunk))
        assert got == [(x, x * x) for x in range(30)], chunk


def test_setup_runs_in_each_worker_before_the_work():
    assert list(OrderedMap(_greet, ["a", "b", "c"], 2, setup=_set_greeting, setup_args=("hello",))) == \
        [("a", "hello a"), ("b", "hello b"), ("c", "hello c")]


def test_no_more_than_the_window_is_read_ahead():
    read: list[int] = []

    def items():
        for i in range(100):
            read.append(i)
            yield i

    m = OrderedMap(_slow_square, items(), 2, window=5)
    try:
        assert len(read) == 5  # the first window goes out as the map starts
        for taken in range(1, 20):
            next(m)
            assert len(read) <= taken + 5
    finally:
        m.close()


def test_skipped_items_keep_their_place_and_reach_no_worker():
    got = list(OrderedMap(_fail_on_three, range(6), 2, task=lambda x: SKIP if x % 2 else x, chunk=2))
    assert got == [(0, 0), (1, None), (2, 2), (3, None), (4, 4), (5, None)]


def test_a_failing_item_is_a_failure_in_its_place_and_the_others_go_on():
    got = list(OrderedMap(_fail_on_three, range(6), 2, failures=True))
    assert [x for x, _ in got] == list(range(6))
    assert isinstance(got[3][1], Failure) and isinstance(got[3][1].error, ValueError)
    assert [r for x, r in got if x != 3] == [0, 1, 2, 4, 5]


def test_a_failing_item_ends_the_map_unless_failures_are_asked_for():
    m = OrderedMap(_fail_on_three, range(6), 2)
    assert [next(m) for _ in range(3)] == [(0, 0), (1, 1), (2, 2)]
    with pytest.raises(ValueError, match="three"):
        next(m)
    assert m.closed
    assert list(m) == []


def test_close_early_ends_the_workers_and_gives_ctrl_c_back():
    before = signal.getsignal(signal.SIGINT)
    m = OrderedMap(_pid, range(1000), 2)
    workers = m.pids
    assert next(m)[1] in workers
    if before is signal.default_int_handler:
        assert signal.getsignal(signal.SIGINT) == m._on_sigint
    m.close()
    assert signal.getsignal(signal.SIGINT) is before
    assert list(m) == []
    for pid in workers:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped: the pool joined its workers


def _die_on_three(x: int) -> int:
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel does to a worker out of memory
    return x


def test_a_worker_that_dies_fails_its_item_only_and_another_takes_its_place():
    m = OrderedMap(_die_on_three, range(8), 2, failures=True)
    got = list(m)
    assert [x for x, _ in got] == list(range(8))
    assert isinstance(got[3][1], Failure) and isinstance(got[3][1].error, WorkerDied)
    assert "killed by signal 9" in str(got[3][1].error)
    assert [r for x, r in got if x != 3] == [0, 1, 2, 4, 5, 6, 7]


def test_a_dead_worker_ends_the_map_unless_failures_are_asked_for():
    with pytest.raises(WorkerDied):
        list(OrderedMap(_die_on_three, range(8), 2))


def test_the_workers_start_without_fork_when_threads_run():
    # a caller with threads of its own gets forkserver workers: func and set-up go by name
    import threading

    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        from verify.workers import start_method

        assert start_method() != "fork"
        assert list(OrderedMap(_greet, ["a", "b"], 2, setup=_set_greeting, setup_args=("hi",))) == \
            [("a", "hi a"), ("b", "hi b")]
    finally:
        stop.set()
        t.join()


_CLOSE_AT_ONCE = """
import time
from verify.workers import OrderedMap

def task(x):
    time.sleep(0.05)
    return len(x)

if __name__ == "__main__":
    article = "x" * 300_000  # more than a pipe holds: the hand-over is still going on as we close
    for pause in [0, 0.0005, 0.002, 0.01] * 15:
        m = OrderedMap(task, (article for _ in range(100)), 2, window=8)
        time.sleep(pause)
        m.close()
    print("closed")
"""


def test_closing_while_large_articles_are_handed_over_ends_at_once(tmp_path):
    # a shared task queue could leave close() waiting for ever on a half-sent article
    import subprocess
    import sys

    script = tmp_path / "close_at_once.py"
    script.write_text(_CLOSE_AT_ONCE, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "closed", done.stderr


def test_a_ctrl_c_dropped_by_a_finaliser_ends_the_map_at_its_next_step_without_a_traceback(capfd):
    # Ctrl-C can land while a finaliser runs; Python drops an exception raised there and prints it
    m = OrderedMap(_slow_square, range(100), 2)
    try:
        if m.old_handler is None:
            pytest.skip("Ctrl-C is not at its default here, so the map leaves it alone")
        assert next(m) == (0, 0)

        class Finalised:
            def __del__(self):
                m._on_sigint(signal.SIGINT, None)  # as if the signal came now

        Finalised()
        with pytest.raises(KeyboardInterrupt):
            next(m)
        assert m.closed
    finally:
        m.close()
    err = capfd.readouterr().err
    assert "Exception ignored" not in err and "Traceback" not in err
