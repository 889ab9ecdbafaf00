"""Deaths of one event: a best estimate per count, and the event's low, best and high, with a
total and its parts never counted twice.

Reads: the `killed` claims of an EventRecord. Writes: `Estimate`s and `Deaths`; pure. The rules
are stated in README ("Tables"); `pipeline.tables` puts them in UCDP's and ACLED's columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median_low

from .records import EventRecord, Figure



@dataclass(frozen=True)
class Estimate:
    low: int
    best: int
    high: int

    def __add__(self, other: Estimate) -> Estimate:
        return Estimate(self.low + other.low, self.best + other.best, self.high + other.high)


NONE = Estimate(0, 0, 0)


def _point(figure: Figure) -> int:
    """A claim's own most likely figure: the number, the middle of a range (rounded down), the
    lower bound of an open-ended claim."""
    if figure.high is None:
        return figure.low
    return (figure.low + figure.high) // 2


def estimate(claims: list[Figure]) -> Estimate:
    """low, best and high of the claims about one count (one side and group).

    low is the smallest low; high the largest high, an open-ended claim counting as its lower
    bound; best the median (the lower of the two middle ones) of the distinct claims' points.
    A claim repeated by its source (infobox and prose alike) is counted once.
    """
    if not claims:
        return NONE
    distinct = {(f.low, f.high, (f.source or "").casefold()): f for f in claims}
    return Estimate(
        low=min(f.low for f in claims),
        best=median_low(sorted(_point(f) for f in distinct.values())),
        high=max(f.low if f.high is None else f.high for f in claims),
    )


def _max(a: Estimate, b: Estimate) -> Estimate:
    return Estimate(max(a.low, b.low), max(a.best, b.best), max(a.high, b.high))


def _residual(total: Estimate, parts: Estimate) -> Estimate:
    return Estimate(max(0, total.low - parts.low), max(0, total.best - parts.best), max(0, total.high - parts.high))


@dataclass(frozen=True)
class Deaths:
    side_a: Estimate
    side_b: Estimate
    civilians: Estimate
    unknown: Estimate
    total: Estimate


def deaths(record: EventRecord) -> Deaths | None:
    """The event's deaths by side (side 1 is a, sides 2 and beyond are b), civilians and unknown,
    and in total; None when the record has no claim about anyone killed.

    A side's own total (its figures with group `unknown`) and its combatant figures are one count:
    the larger is kept. The event total (side null, group unknown) contains its parts: the parts
    are summed, `unknown` is what the total has beyond them, and the event is the larger of the
    two, so no death is counted twice.
    """
    killed = [f for f in record.casualties if f.category == "killed"]
    if not killed:
        return None

    def side(test) -> Estimate:
        fighters = estimate([f for f in killed if f.side is not None and test(f.side) and f.group == "combatants"])
        totals = estimate([f for f in killed if f.side is not None and test(f.side) and f.group == "unknown"])
        return _max(fighters, totals)

    side_a = side(lambda s: s == 1)
    side_b = side(lambda s: s >= 2)
    civilians = estimate([f for f in killed if f.group == "civilians"])
    total = estimate([f for f in killed if f.side is None and f.group == "unknown"])
    parts = side_a + side_b + civilians
    return Deaths(side_a, side_b, civilians, _residual(total, parts), _max(total, parts))


def claimants(record: EventRecord) -> list[str]:
    """Distinct sources of the casualty claims, in reading order; `article` for its own voice."""
    names: list[str] = []
    for figure in record.casualties:
        name = figure.source or "article"
        if name not in names:
            names.append(name)
    return names
