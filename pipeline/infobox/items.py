"""Splitting an infobox value into items, each keeping its article offsets.

Reads: a value (raw, or normalised with its offset map). Writes: `Item`s; for figure lines also
where a `----` group separator stood (alone, or glued to an item: `12 injured ---- Per Mali:`).
One pass over the characters, so the cost is the length of the value whatever it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import Clean

_THOUSANDS = re.compile(r"\d{3}(?!\d)")


@dataclass(frozen=True)
class Item:
    """A part of an infobox value, with its offsets in the article text."""

    text: str
    start: int
    end_offset: int | None = None  # article end when the item spans removed residue
    breaks_group: bool = False  # a `----` stood before this item
    clean: Clean | None = None  # the normalised text of the item with its offset map

    @property
    def end(self) -> int:
        return self.end_offset if self.end_offset is not None else self.start + len(self.text)


def _is_thousands(value: str, index: int) -> bool:
    return index > 0 and value[index - 1].isdigit() and _THOUSANDS.match(value, index + 1) is not None


def split_items(value: str, start: int, separators: str = ",") -> list[Item]:
    """Split on separators outside parentheses and quotes; items keep their article offsets."""
    return [item for item in _split(value, separators, dashes=False, start=start)]


def split_clean(clean: Clean, separators: str = ",;|") -> list[Item]:
    """Split a normalised value on separators and `----`; offsets come from its map."""
    return _split(clean.text, separators, dashes=True, clean=clean)


def _split(value: str, separators: str, dashes: bool, start: int = 0, clean: Clean | None = None) -> list[Item]:
    items: list[Item] = []
    depth = 0
    quoted = False
    begin = 0
    pending_break = False

    def add(end: int) -> None:
        nonlocal pending_break
        raw = value[begin:end]
        stripped = raw.strip()
        if stripped:
            first = begin + (len(raw) - len(raw.lstrip()))
            last = first + len(stripped)
            if clean is None:
                items.append(Item(stripped, start + first, None, pending_break))
            else:
                a, b = clean.span(first, last)
                items.append(Item(stripped, a, b, pending_break, clean.slice(first, last)))
            pending_break = False

    index = 0
    length = len(value)
    while index < length:
        char = value[index]
        if char == '"':
            quoted = not quoted
        elif char == "(" and not quoted:
            depth += 1
        elif char == ")" and not quoted and depth:
            depth -= 1
        elif dashes and char == "-" and value.startswith("---", index):
            add(index)
            while index < length and value[index] in "-–—":
                index += 1
            begin = index
            pending_break = True
            depth = 0
            continue
        elif char in separators and depth == 0 and not quoted:
            if char == "," and _is_thousands(value, index):
                index += 1
                continue  # a thousands separator: `1,190+`
            add(index)
            begin = index + 1
        index += 1
    add(length)
    if pending_break:
        end = start if clean is None else clean.end
        items.append(Item("", end, None, True, Clean("", (), end)))
    return items
