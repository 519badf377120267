"""The per-article time budget: no article stalls a run.

Each article's analysis (reading its structure and running every rule on it)
may take so many seconds of CPU (``analysis-timeout`` in the config, 10 by
default). Past that it stops with ``AnalysisTimeout``; the engine reports the
article in one ``analysis-timeout`` line and the run goes on. CPU time, not
wall time: on a busy machine an article is not cut short because other jobs
took the cores, and the same article stops at the same point.

How it stops depends on the thread. In a process's main thread (the command
in-process, and each forked worker, whose tasks run in its main thread) an
interval timer on the process's CPU time (``ITIMER_PROF``) sends a signal
whose handler raises; Python runs it between bytecodes, and the ``regex``
module checks for signals inside its matching loop, so even one runaway
regex is stopped. Elsewhere (Dask runs tasks in worker threads; an editor's
language server may analyse in a thread) signals cannot be used: a watchdog
thread raises the exception in the analysing thread once that thread's own
CPU clock passes the budget. That lands between bytecodes only, so one
regex call runs to its end; the rules' regexes carry their own timeouts.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator

DEFAULT_SECONDS = 10.0


class AnalysisTimeout(BaseException):
    """The article's budget ran out. A BaseException, so that no ``except Exception``
    on the way (a rule guarding its own work) swallows it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise AnalysisTimeout in this thread once its work in the block took ``seconds``
    of CPU. None or 0: no limit."""
    if not seconds or seconds <= 0:
        yield
        return
    _quiet_when_dropped()
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _interval_timer(seconds):
            yield
    else:
        with _WATCHDOG.watching(seconds):
            yield


def _quiet_when_dropped() -> None:
    """An AnalysisTimeout that lands in a destructor is dropped (and raised again
    shortly after): not printed to stderr as Python prints what it cannot raise."""
    if getattr(sys.unraisablehook, "factlint_budget", False):
        return
    previous = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if not isinstance(unraisable.exc_value, AnalysisTimeout):
            previous(unraisable)

    hook.factlint_budget = True  # type: ignore[attr-defined]
    sys.unraisablehook = hook


# ---------------------------------------------------------------------------
# The main thread: a CPU-time interval timer
# ---------------------------------------------------------------------------


# Once the budget is spent the signal comes again at this interval, until the block
# is left: an exception raised while Python runs a destructor (``__del__``) is printed
# and dropped, so one signal is not enough.
REPEAT_SECONDS = 0.1
_timing = False  # a block of this (main) thread is inside its budget


def _raise_timeout(signum: int, frame: object) -> None:
    if _timing:
        raise AnalysisTimeout


@contextmanager
def _interval_timer(seconds: float) -> Iterator[None]:
    global _timing
    previous_handler = signal.signal(signal.SIGPROF, _raise_timeout)
    started = time.process_time()
    previous_timer = signal.setitimer(signal.ITIMER_PROF, seconds, REPEAT_SECONDS)
    _timing = True
    try:
        yield
    finally:
        while True:  # a signal already on its way may still raise once while this cleans up
            try:
                _timing = False
                signal.setitimer(signal.ITIMER_PROF, 0)
                signal.signal(signal.SIGPROF, previous_handler)
                if previous_timer[0]:  # an enclosing budget goes on, less what this block used
                    left = previous_timer[0] - (time.process_time() - started)
                    _timing = previous_handler is _raise_timeout
                    signal.setitimer(signal.ITIMER_PROF, max(left, 1e-6), previous_timer[1])
                break
            except AnalysisTimeout:
                continue


# ---------------------------------------------------------------------------
# Other threads: one watchdog thread for the process
# ---------------------------------------------------------------------------


def _thread_clock() -> Callable[[], float]:
    """A clock of the calling thread's CPU time, read from any thread (wall time where
    the platform has no per-thread clock)."""
    try:
        clock = time.pthread_getcpuclockid(threading.get_ident())
        time.clock_gettime(clock)
    except (AttributeError, OSError):
        return time.monotonic
    return lambda: time.clock_gettime(clock)


def _raise_in(thread_id: int) -> bool:
    """Ask Python to raise AnalysisTimeout in a thread at its next bytecode."""
    import ctypes

    return ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(AnalysisTimeout)) == 1


def _clear_in(thread_id: int) -> None:
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), None)


class _Watch:
    __slots__ = ("thread_id", "clock", "deadline", "fired")

    def __init__(self, seconds: float) -> None:
        self.thread_id = threading.get_ident()
        self.clock = _thread_clock()
        self.deadline = self.clock() + seconds
        self.fired = False


class _Watchdog:
    """Looks at the watched threads' clocks a few times a second, only while some are watched."""

    POLL_SECONDS = 0.05

    def __init__(self) -> None:
        self.lock = threading.Condition()
        self.watches: set[_Watch] = set()
        self.thread: threading.Thread | None = None

    @contextmanager
    def watching(self, seconds: float) -> Iterator[None]:
        watch = _Watch(seconds)
        with self.lock:
            self.watches.add(watch)
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="factlint-watchdog", daemon=True)
                self.thread.start()
            self.lock.notify()
        try:
            yield
        finally:
            with self.lock:
                self.watches.discard(watch)
                if watch.fired:  # raised, or still pending: never let it land outside the block
                    _clear_in(watch.thread_id)
        if watch.fired:
            raise AnalysisTimeout

    def _run(self) -> None:
        with self.lock:
            while True:
                while not self.watches:
                    self.lock.wait()
                for watch in list(self.watches):
                    # again at each look until the block is left: an exception that lands in a
                    # destructor (``__del__``) is printed and dropped
                    if watch.fired or watch.clock() >= watch.deadline:
                        watch.fired = _raise_in(watch.thread_id) or watch.fired
                self.lock.wait(self.POLL_SECONDS)

    def _after_fork(self) -> None:
        self.lock = threading.Condition()
        self.watches = set()
        self.thread = None


_WATCHDOG = _Watchdog()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_WATCHDOG._after_fork)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block: for work that makes many objects
    with no cycles among them (an article's analyses, the gazetteer's JSON), which
    reference counts free anyway, and which each full collection would walk again.
    Process-wide: a block that finds the collector paused leaves it to the one that
    paused it."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
