"""Growth instead of wall-clock limits: a call is linear when doubling its input does not much
more than double its time. CPU time of this process (not wall time), the best of a few runs, and
a generous factor keep the check steady on a busy machine; a quadratic call takes four times as
long at 2n, a cubic one eight times."""

from __future__ import annotations

import time
from collections.abc import Callable

FACTOR = 3.0  # linear: ~2; quadratic: ~4
MIN_SECONDS = 0.005  # below this, timer noise dominates: the input is doubled until it is reached
CAP = 1 << 17  # a call still under MIN_SECONDS at this size cannot be quadratic (131,072² steps)


LONG_ENOUGH = 0.25  # a run this long is measured well enough once: timer noise is a few ms


def _best(call: Callable[[str], object], text: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        call(text)
        best = min(best, time.process_time() - started)
        if best >= LONG_ENOUGH:
            break
    return best


def growth(call: Callable[[str], object], make: Callable[[int], str], n: int) -> tuple[float, int]:
    """time(2n) / time(n) for inputs `make(n)`, n doubled first until time(n) is measurable."""
    small = _best(call, make(n))
    while small < MIN_SECONDS and n * 2 <= CAP:
        n *= 2
        small = _best(call, make(n))
    if small < MIN_SECONDS:
        return 1.0, n
    large = _best(call, make(2 * n))
    return large / max(small, 1e-9), n


def assert_linear(call: Callable[[str], object], make: Callable[[int], str], n: int, what: str = "") -> None:
    ratio, size = growth(call, make, n)
    if ratio >= FACTOR:  # one retry: a burst of load on a shared machine can hit a single measure
        ratio, size = growth(call, make, size)
    assert ratio < FACTOR, f"{what}: time grows {ratio:.1f}x from {size:,} to {2 * size:,} characters"
