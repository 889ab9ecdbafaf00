"""One normalising pass over an infobox value, with a map from every kept character to the article.

Reads: a raw value and the article offset where it starts.
Writes: `Clean(text, offsets)`: the value with the markup residue that real infoboxes carry taken
out (flag and image sizes `border|20px`, `22x20px`, `File:… .png, link=, bordure`, interwiki
prefixes `:es:Name`, template leftovers `| time-begin = …`, citation leftovers `sfn`, `p=43`,
empty `()`, empty items `, ,`, stray `*`; `<hr />` becomes a `----` block break and `<br>` an
item break), glued fates spaced out (`KlinKIA` -> `Klin KIA`) and runs of spaces squeezed. `offsets[i]` is
the article offset of `text[i]`, so any slice of the clean text maps back to a slice of the article
(`Clean.span`), and evidence keeps `article[start:end] == text`.

Every pattern here is written to run in time linear in the value: no nested or adjacent
quantifiers over the same characters, so long runs of one character (spaces, digits, dashes,
brackets) cost one scan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Each alternative is anchored on a literal or a bounded class, so the scanner never retries a run.
_RESIDUE = re.compile(
    r"""
      \bborder\s?\|                                   # `border|`
    | (?<=px)\|\s?border\b                           # `22px|border` (the size first)
    | (?<![\d.])\d{1,3}(?:x\d{1,3})?\s?px\b            # `20px`, `22x20px`, `25 px`
    | \bFile:[^,|()]{0,120}?\.(?:png|svg|jpe?g|gif)\b  # `File:Flag of X.svg`
    | \blink=[^,|]{0,80}                               # `link=…`
    | \bbordure\b
    | \bborder\b(?=\s*(?:,|$))                         # a bare `border` flag option
    | (?:^|(?<=[\s,])):[a-z]{2,3}:[^,|]{0,80}(?:,|$)   # `:es:Name,` interwiki duplicate of the next item
    | \|\s?[a-z][a-z_-]{0,30}\s?=[^|]{0,120}           # `| time-begin = …` template leftovers
    | \(\s?\)                                          # empty `()`
    | (?<=[a-z])sfn\b                                  # `16–20 woundedsfn`: a citation template's name
    | (?:^|(?<=[\s,]))(?:p|pp|loc)\s?=\s?[\w–-]{1,20}   # `p=43`: its page argument
    | <(?P<rule>hr|br)\s?/?>                           # HTML line breaks and rules: item and block breaks
    """,
    re.VERBOSE,
)
_GLUED_FATE = re.compile(r"(?<=[a-z.)\]])(?=(?:KIA|POW|WIA|MIA)\b)|(?<=\w)(?=†)")


@dataclass(frozen=True)
class Clean:
    """A normalised value: `text`, and for each of its characters the article offset it came from."""

    text: str
    offsets: tuple[int, ...]
    end: int  # article offset just past the raw value

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Article (start, end) of `text[i:j]` (j > i), stretching over anything removed inside it."""
        return self.offsets[i], self.offsets[j - 1] + 1

    def slice(self, i: int, j: int) -> Clean:
        return Clean(self.text[i:j], self.offsets[i:j], self.offsets[j - 1] + 1 if j > i else self.end)

    def strip(self, chars: str | None = None) -> Clean:
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self.slice(left, right) if right > left else Clean("", (), self.end)


def normalise(value: str, start: int = 0, separator: str = " ") -> Clean:
    """`value` (at article offset `start`) without markup residue, with its offset map. A removed
    token leaves `separator`: a space in figure lines, a comma in party lines, where a flag glued
    between two names (`Ag Moussa25px Iyad Ag Ghaly`) stood for the break between them."""
    chars: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _RESIDUE.finditer(value):
        _keep(value, position, match.start(), start, chars, offsets)
        rule = match.group("rule")
        if rule:  # `<hr />` ends a block like `----`; `<br>` ends an item
            mark = " ---- " if rule == "hr" else ", "
            chars.extend(mark)
            offsets.extend([start + match.start()] * len(mark))
        elif chars and chars[-1] != " ":
            chars.append(separator if match.group(0)[:1] != "(" else " ")  # it still separates the words on either side
            offsets.append(start + match.start())
        position = match.end()
    _keep(value, position, len(value), start, chars, offsets)
    return _tidy(chars, offsets, start + len(value))


def _keep(value: str, begin: int, end: int, start: int, chars: list[str], offsets: list[int]) -> None:
    piece = value[begin:end]
    last = 0
    for glue in _GLUED_FATE.finditer(piece):
        chars.extend(piece[last:glue.start()])
        offsets.extend(range(start + begin + last, start + begin + glue.start()))
        chars.append(" ")
        offsets.append(start + begin + glue.start())
        last = glue.start()
    chars.extend(piece[last:])
    offsets.extend(range(start + begin + last, start + end))


def _tidy(chars: list[str], offsets: list[int], end: int) -> Clean:
    """Squeeze whitespace, drop stray `*` / `•` bullets and empty comma items, in one pass."""
    out: list[str] = []
    out_offsets: list[int] = []
    for char, offset in zip(chars, offsets):
        if char in "*•":
            char = " "
        if char.isspace():
            if not out or out[-1] == " ":
                continue
            char = " "
        if char == ",":
            # `, ,` and `,,`: an item that held only a flag; keep one comma, none at the start.
            if not out:
                continue
            back = len(out) - 1
            while back >= 0 and out[back] == " ":
                back -= 1
            if back < 0:
                continue  # a leading comma
            if out[back] == ",":
                continue
            if back < len(out) - 1:
                del out[back + 1:], out_offsets[back + 1:]
        out.append(char)
        out_offsets.append(offset)
    while out and out[-1] in " ,":
        out.pop()
        out_offsets.pop()
    return Clean("".join(out), tuple(out_offsets), end)


def names_lost(value: str) -> bool:
    """True when an item of the raw value held only markup (`, ,`, `Mali, , France`, a leading `,`):
    the flags of named states were dropped with it. Linear: one scan of the items."""
    items = [part for part in value.split(",")]
    if len(items) < 2:
        return False
    return any(not _RESIDUE.sub("", part).strip(" *•") for part in items)
