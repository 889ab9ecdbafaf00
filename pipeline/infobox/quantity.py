"""Counts as infoboxes write them, on top of `numbers.parse_quantity`.

Reads: an item's text and a position in it. Writes: `QuantityRead(start, end, low, high,
approximate)` with positions in that text. Shapes added here: `Approx. 150-200`, `c. 40`,
`~31–150 estimated`, `Some 200 – several hundreds`, `60 + injured`, `+241`, `1,000s`,
`no more than 150`, `up to 30`, `None` (zero). Each pattern is anchored at the position and bounded,
so a long run of digits, spaces or dashes is scanned once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..numbers import QUANTITY, _quantity

_LEAD = re.compile(
    r"(?:(?P<more>>)|(?:initially|initial|later|at\s+first|(?:a\s+)?total(?:\s+size|\s+strength)?\s+of)\s)?"  # `Initially 97 tanks`, `later 3,000`: the count still stands
    r"(?P<approx>approximately|approx\.?|ca\.|c\.|circa|est\.|estimated\s+at|an\s+estimated|estimated|around|about|some|roughly|nearly|almost|~|≈)?\s?"
    r"(?P<cap>no\s+more\s+than|up\s+to|as\s+(?:many|high)\s+as|at\s+most)?\s?",
    re.IGNORECASE,
)
_SPACED_PLUS = re.compile(r"\s?\+(?![\d])")
_THOUSANDS_PLURAL = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)s\b")
_OPEN_TAIL = re.compile(r"\s?[–—-]\s?(?:several|many|a\s+few)\s+(?:hundreds?|thousands?|dozens?)\b", re.IGNORECASE)
_ESTIMATED_TAIL = re.compile(r"\s(?:estimated|est\.|approx\.?|approximately)\b", re.IGNORECASE)
_ZERO = re.compile(r"(?:none|no\s+(?:one|casualties|losses|deaths)|nil|zero)\b", re.IGNORECASE)


@dataclass(frozen=True)
class QuantityRead:
    start: int
    end: int
    low: int
    high: int | None
    approximate: bool
    text: str


def read_quantity(text: str, position: int = 0) -> QuantityRead | None:
    """The count that starts at `position` (after any modifier), or None."""
    while position < len(text) and text[position] in " +":
        position += 1  # `+241 killed`: the leading plus means "in addition"
    if position >= 2 and text[position - 1] == "-" and text[position - 2].isalpha():
        return None  # the number of a type designation: `Mi-24s`, `T-72`
    zero = _ZERO.match(text, position)
    if zero:
        return QuantityRead(position, zero.end(), 0, 0, False, zero.group(0))
    lead = _LEAD.match(text, position)
    approximate = bool(lead and lead.group("approx"))
    cap = bool(lead and lead.group("cap"))
    begin = lead.end() if lead else position
    plural = _THOUSANDS_PLURAL.match(text, begin)
    if plural:  # `1,000s`, `100s`: at least that many
        low = int(plural.group("n").replace(",", ""))
        return QuantityRead(position, plural.end(), low, None, True, text[position:plural.end()])
    match = QUANTITY.match(text, begin)
    if match is None or match.start() != begin:
        return None
    quantity = _quantity(match, 0)
    if quantity is None:
        return None
    low, high, end = quantity.low, quantity.high, match.end()
    approximate = approximate or quantity.approximate
    plus = _SPACED_PLUS.match(text, end)
    if plus and high is not None:
        high, end = None, plus.end()  # `60 + injured`
    tail = _OPEN_TAIL.match(text, end)
    if tail:
        high, end = None, tail.end()  # `200 – several hundreds`
    if text.startswith("~", end):
        approximate, end = True, end + 1  # `3,000~`
    estimated = _ESTIMATED_TAIL.match(text, end)
    if estimated:
        approximate, end = True, estimated.end()
    if lead and lead.group("more"):
        high = None  # `>25,000`: more than
    if cap and high is None and not match.group("open") and not match.group("plus"):
        high = low
    if cap:
        high = low if high is None or high == low else high
    return QuantityRead(position, end, low, high, approximate, text[position:end])
