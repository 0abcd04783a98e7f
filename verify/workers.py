"""Worker processes for a run over many articles: results in input order, a bounded window, Ctrl-C.

``verify extract`` and ``verify ingest`` both hand each article to a pool of worker processes and
take the answers back in the order of the input. :class:`OrderedMap` does that once for both:

* results come back in input order, whatever order the workers finish in, so a run is repeatable;
* at most ``window`` items are in flight (sent, or waiting to be taken), so memory does not grow
  with the number of files;
* ``close()`` (or the end of the input, or an exception) stops the workers at once;
* Ctrl-C reaches the whole process group: the workers ignore it, and the parent raises one
  :class:`KeyboardInterrupt` for its caller to report, not a traceback per process;
* a worker ends when the process that started it dies, even by ``kill -9``, so none is left behind;
* a worker that dies (killed, out of memory) fails the items it held, and another takes its place.

Each worker has a pipe of its own and holds one chunk at a time; this process hands out the chunks
and reads the answers itself. No thread and no lock is shared between processes, so stopping is
killing the workers, whatever they were doing: :class:`multiprocessing.pool.Pool`'s shared queue
could leave ``terminate()`` waiting for ever on a worker's half-read article (a large task in a
full pipe) when Ctrl-C came as the workers started.

The function the workers run and the set-up they do must be importable by name (module-level), as
for any :mod:`multiprocessing` pool.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["SKIP", "Failure", "OrderedMap", "WorkerDied", "exit_with_parent", "init_worker", "start_method"]

POLL = 0.25  # seconds between looks at a Ctrl-C while waiting on a worker


class _Skip:
    def __repr__(self) -> str:
        return "SKIP"


SKIP: Any = _Skip()
"""What ``task`` returns for an item no worker need see: it is yielded in its place with ``None``."""


class Failure:
    """Yielded (with ``failures=True``) in place of a result whose task raised or did not come back."""

    __slots__ = ("error",)

    def __init__(self, error: BaseException) -> None:
        self.error = error

    def __repr__(self) -> str:
        return f"Failure({self.error!r})"


class WorkerDied(RuntimeError):
    """The worker process holding an item ended before it answered (killed, out of memory)."""


def start_method() -> str:
    """fork where it is safe (Linux, no other thread yet): quick, and a caller's script needs no
    ``if __name__ == "__main__"`` guard; otherwise forkserver (spawn off POSIX)."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "forkserver" if os.name == "posix" else "spawn"


def init_worker(parent: int, setup: Callable[..., None] | None = None, args: tuple = ()) -> None:
    """What every worker does first: ignore Ctrl-C, end with ``parent``, then ``setup(*args)``."""
    # Ctrl-C reaches the whole process group: the parent stops the pool and says so once; a worker
    # that also raised KeyboardInterrupt would print its own traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it forked us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    exit_with_parent(parent)
    if setup is not None:
        setup(*args)


def exit_with_parent(parent: int) -> None:
    """End this worker when the process that started the pool dies (killed, not just closed), so
    no worker is left behind holding memory."""
    if sys.platform == "linux":
        try:
            import ctypes

            pr_set_pdeathsig = 1  # from <sys/prctl.h>: the kernel signals us when our parent dies
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if not _alive(parent):  # it died before the request above took effect
        os._exit(1)
    if sys.platform != "linux":
        def watch() -> None:
            while _alive(parent):
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="verify-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        pass
    return True


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Ctrl-C held back while workers fork: one that came before a worker ignores it would end that
    worker with a traceback. One pressed meanwhile is delivered (raised here) as the block ends."""
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _serve(conn: Any, parent: int, func: Callable[[Any], Any], setup: Callable[..., None] | None, setup_args: tuple) -> None:
    """A worker's life: set up, then answer each chunk of arguments with its results, in order."""
    init_worker(parent, setup, setup_args)
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        if args is None:
            return
        try:
            reply: tuple[bool, Any] = (True, [func(a) for a in args])
        except BaseException as e:  # noqa: BLE001 - whatever func raised goes back to the caller
            reply = (False, e)
        try:
            conn.send(reply)  # pickled whole before anything is written: a failure leaves the pipe clean
        except Exception as e:
            conn.send((False, RuntimeError(f"the worker's answer could not be sent back ({type(e).__name__}: {e})")))


class _Chunk:
    """Arguments sent to one worker together, and their results once they are back."""

    __slots__ = ("args", "size", "values")

    def __init__(self) -> None:
        self.args: list | None = []
        self.size = 0
        self.values: list | None = None


class _Worker:
    __slots__ = ("proc", "conn", "chunk")

    def __init__(self, proc: Any, conn: Any) -> None:
        self.proc = proc
        self.conn = conn
        self.chunk: _Chunk | None = None  # what it holds now


class OrderedMap(Iterator[tuple[Any, Any]]):
    """``(item, func(task(item)))`` for each of ``items``, computed in ``jobs`` worker processes and
    yielded in input order, with at most ``window`` items in flight.

    ``items`` is read lazily, in this process, as room in the window frees up. ``task`` (default:
    the item itself) gives the argument sent to ``func``, or :data:`SKIP` for an item to be yielded
    as ``(item, None)`` without troubling a worker (it still takes its place in the order and the
    window). ``chunk`` arguments go to a worker at a time (fewer round trips for small tasks).
    ``setup(*setup_args)`` runs once in each worker as it starts.

    If ``func`` raises in a worker (or its result cannot come back, or the worker dies), the map
    raises that exception (:class:`WorkerDied` for a death) and stops; with ``failures=True`` it
    yields :class:`Failure` as that item's result instead and goes on. ``close()`` ends the workers
    early; so does any exception, Ctrl-C's included.

    The workers start here, before the first result is asked for, so a caller can start threads of
    its own (a progress bar) afterwards and the workers are still forked cleanly. While the map is
    open in the main thread, Ctrl-C raises :class:`KeyboardInterrupt` there, and is raised again at
    the next wait or at the end if something (a finaliser) swallowed the first.
    """

    def __init__(
        self,
        func: Callable[[Any], Any],
        items: Iterable[Any],
        jobs: int,
        *,
        task: Callable[[Any], Any] | None = None,
        setup: Callable[..., None] | None = None,
        setup_args: tuple = (),
        chunk: int = 1,
        window: int | None = None,
        failures: bool = False,
    ) -> None:
        self.func = func
        self.items = iter(items)
        self.task = task
        self.chunk = max(1, chunk)
        self.window = max(1, window if window is not None else self.chunk * jobs * 4)
        self.failures = failures
        self.queue: deque[tuple[Any, _Chunk | None, int]] = deque()  # in input order, not yet yielded
        self.batch: _Chunk | None = None  # arguments gathered but not yet sent
        self.waiting: deque[_Chunk] = deque()  # full chunks no worker has yet
        self.exhausted = False
        self.closed = False
        self.interrupted = threading.Event()
        self.old_handler = None
        self.old_unraisable = None
        self.workers: list[_Worker] = []
        import multiprocessing  # here, not at the top: a caller that never starts workers never loads it

        self._ctx = multiprocessing.get_context(start_method())
        self._setup = (setup, setup_args)
        try:
            with _ctrl_c_held():  # a Ctrl-C pressed meanwhile is raised as it ends, and closes the map
                for _ in range(max(1, jobs)):
                    self.workers.append(self._start_worker())  # one by one: close() ends those started
                if threading.current_thread() is threading.main_thread() \
                        and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                    self.old_handler = signal.signal(signal.SIGINT, self._on_sigint)
                    self.old_unraisable = sys.unraisablehook
                    sys.unraisablehook = self._unraisable
        except BaseException:
            self.close()
            raise
        try:
            self._fill()  # the workers begin on the first window now
        except BaseException:
            self.close()
            raise

    @property
    def pids(self) -> list[int]:
        """The process ids of the workers running now."""
        return [w.proc.pid for w in self.workers]

    def _start_worker(self) -> _Worker:
        here, there = self._ctx.Pipe(duplex=True)
        setup, setup_args = self._setup
        proc = self._ctx.Process(target=_serve, args=(there, os.getpid(), self.func, setup, setup_args),
                                 name="verify-worker", daemon=True)
        proc.start()
        there.close()  # the worker's end lives in the worker only, so its death reads as EOF here
        return _Worker(proc, here)

    def _on_sigint(self, signum, frame) -> None:
        # Python runs this between any two bytecodes of the main thread, a finaliser's included,
        # and an exception raised inside a finaliser is dropped: remember it, so __next__ raises it
        self.interrupted.set()
        raise KeyboardInterrupt

    def _unraisable(self, unraisable: Any) -> None:
        # that dropped Ctrl-C would be printed as "Exception ignored in ..." with a traceback: it is
        # remembered above and raised again at the next step, so it is not news
        if isinstance(unraisable.exc_value, KeyboardInterrupt) and self.interrupted.is_set():
            return
        (self.old_unraisable or sys.__unraisablehook__)(unraisable)

    def _fill(self) -> None:
        """Read items and send their arguments until ``window`` are in flight or the input ends."""
        while not self.exhausted and len(self.queue) < self.window:
            try:
                item = next(self.items)
            except StopIteration:
                self.exhausted = True
                break
            arg = item if self.task is None else self.task(item)
            if arg is SKIP:
                self.queue.append((item, None, 0))
                continue
            if self.batch is None:
                self.batch = _Chunk()
            self.queue.append((item, self.batch, self.batch.size))
            self.batch.args.append(arg)
            self.batch.size += 1
            if self.batch.size >= self.chunk:
                self._send()
        if self.exhausted and self.batch is not None:  # the last, short chunk
            self._send()

    def _send(self) -> None:
        batch, self.batch = self.batch, None
        self.waiting.append(batch)
        self._dispatch()

    def _dispatch(self) -> None:
        """Give each idle worker the next waiting chunk (one at a time each: a worker only ever
        writes to a pipe this process is reading, so neither side waits on the other)."""
        for w in self.workers:
            if not self.waiting:
                return
            if w.chunk is None:
                batch = self.waiting.popleft()
                w.chunk = batch
                try:
                    w.conn.send(batch.args)
                except OSError:  # it died: _collect finds that out and answers for the chunk
                    pass
                batch.args = None

    def _collect(self, timeout: float) -> None:
        """Take every answer that is ready (waiting up to ``timeout`` for one), replace workers
        that died, and hand out more work."""
        busy = [w for w in self.workers if w.chunk is not None]
        if not busy:
            return
        from multiprocessing.connection import wait  # loaded with the workers, in __init__

        ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=timeout))
        for w in busy:
            if w.conn in ready:
                try:
                    ok, value = w.conn.recv()
                except (EOFError, OSError):  # it died before it answered
                    self._replace(w)
                    continue
                batch, w.chunk = w.chunk, None
                batch.values = value if ok else [Failure(value)] * batch.size
            elif w.proc.sentinel in ready:
                self._replace(w)
        self._dispatch()

    def _replace(self, w: _Worker) -> None:
        w.proc.join(1.0)
        code = w.proc.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
        w.chunk.values = [Failure(WorkerDied(f"the worker process ended ({how})"))] * w.chunk.size
        w.conn.close()
        with _ctrl_c_held():
            self.workers[self.workers.index(w)] = self._start_worker()

    def _result(self, batch: _Chunk, i: int) -> Any:
        while batch.values is None:
            self._collect(POLL)
            if self.interrupted.is_set():
                raise KeyboardInterrupt
        value = batch.values[i]
        if isinstance(value, Failure) and not self.failures:
            raise value.error
        return value

    def __iter__(self) -> OrderedMap:
        return self

    def __next__(self) -> tuple[Any, Any]:
        if self.closed:
            raise StopIteration
        try:
            if self.interrupted.is_set():  # a Ctrl-C swallowed somewhere (a finaliser) still ends the run
                raise KeyboardInterrupt
            self._fill()
            if not self.queue:
                raise StopIteration
            item, batch, i = self.queue[0]
            if batch is not None and batch is self.batch:  # still gathering (only with SKIPs or a small window)
                self._send()
            result = None if batch is None else self._result(batch, i)
            self.queue.popleft()
        except BaseException:
            self.close()
            raise
        return item, result

    def close(self) -> None:
        """Stop the workers (what they were doing is dropped) and give Ctrl-C back; idempotent."""
        if self.closed:
            return
        self.closed = True
        self.queue.clear()
        self.waiting.clear()
        self.batch = None
        for w in self.workers:
            if w.proc.exitcode is None:
                w.proc.kill()  # nothing shared to leave half-done: each worker's pipe is its own
        for w in self.workers:
            w.proc.join()
            w.conn.close()
        if self.old_handler is not None and threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, self.old_handler)
            self.old_handler = None
            if sys.unraisablehook == self._unraisable:
                sys.unraisablehook = self.old_unraisable

    def __enter__(self) -> OrderedMap:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass
