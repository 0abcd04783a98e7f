"""Running ``verify`` as a real process with worker processes, and watching those workers (/proc).

Shared by the Ctrl-C and killed-parent tests of ``verify extract`` and ``verify ingest``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

CLI_CODE = "import sys; from verify.cli import main; sys.argv[0] = 'verify'; main()"


def children(pid: int) -> set[int]:
    """The processes ``pid`` started that are still its children."""
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        found |= {int(x) for x in task.read_text().split()}
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; it only waits to be reaped


def start_with_workers(args: list, out=subprocess.DEVNULL, settle: float = 0.5) -> tuple[subprocess.Popen, set[int]]:
    """``verify ARGS`` in a session of its own, once at least two workers run, ``settle`` seconds on."""
    # as from a shell: Ctrl-C at its default (this test process may have come to ignore it, and an
    # ignored signal stays ignored in a child)
    # faulthandler: a run that hangs can be made to print where each of its threads stands (SIGABRT)
    env = {**os.environ, "PYTHONFAULTHANDLER": "1"}
    proc = subprocess.Popen([sys.executable, "-c", CLI_CODE, *map(str, args)], stdout=out, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, env=env,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while time.monotonic() < deadline and len(workers) < 2:
        workers = children(proc.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the pool did not start"
    time.sleep(settle)  # let the workers get into the middle of an article
    return proc, workers


def gone_soon(pids: set[int], seconds: float = 10) -> set[int]:
    """Those of ``pids`` still running after up to ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    return {p for p in pids if alive(p)}


def left_running(pids: set[int], seconds: float = 10) -> set[int]:
    """Those of ``pids`` still running after up to ``seconds``, killed so no test leaves them behind."""
    left = gone_soon(pids, seconds)
    for p in left:
        try:
            os.kill(p, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return left


def finish(proc: subprocess.Popen, workers: set[int], seconds: float = 60) -> str:
    """``proc``'s stderr once it ends; if it has not ended after ``seconds``, fail with where each of
    its threads stood (faulthandler's dump on SIGABRT), and leave none of its processes behind."""
    try:
        return proc.communicate(timeout=seconds)[1]
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)
        try:
            err = proc.communicate(timeout=30)[1]
        except subprocess.TimeoutExpired:
            err = "(no answer to SIGABRT either)"
        for pid in (proc.pid, *workers):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.wait()
        raise AssertionError(f"still running {seconds:.0f} s after Ctrl-C; its threads:\n{err}") from None


def ctrl_c(proc: subprocess.Popen, workers: set[int]) -> str:
    """Press Ctrl-C on ``proc``; it must end with one line, exit 130 and leave no worker running.
    Returns that line."""
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group gets it
    err = finish(proc, workers)
    left = left_running(workers)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err
    (line,) = err.splitlines()
    assert line.startswith("verify: interrupted"), err
    assert not left, f"workers still running: {left}"
    return line
