"""A hang guard for a block of test code: a runaway parser fails after ten minutes instead of
holding the run until CI's own limit. It bounds no speed (speed lives in benchmarks/)."""

from __future__ import annotations

import signal


class TooSlow(BaseException):
    """Raised by `deadline` (a BaseException, so no `except Exception` in the pipeline eats it)."""


class deadline:
    """Abort the block with TooSlow after `seconds` (SIGALRM; main thread only)."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def _fire(self, signum, frame):
        raise TooSlow(f"still running after {self.seconds} s")

    def __enter__(self):
        self.previous = signal.signal(signal.SIGALRM, self._fire)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)
        return False
