"""One grammar for figure lines: Strength, Casualties, Fatalities, Injuries, Victims, Deaths, Numparts.

Reads: one normalised infobox line (`Clean`), what it counts (`strength` / `casualties`), the side
its key numbers, and the categories a key implies (`Injuries` counts the wounded).
Writes: `Figure`s with evidence offsets into the article, and a warning for every item that holds
a count it cannot read. The line is read item by item (`items.split_clean`):

- `----` (alone or glued to an item) ends a block; `Per X:`, `X claim:`, `X sources:`,
  `According to X:` open one whose items take X as source; a line-final `(According to X)` /
  `(X claim)` covers the whole line; a glued `(per X)`, `(acc. X)`, `(X estimate)` covers its item;
- `Civilians:` / `Civilian casualties:` set the group up to the next `----`; `Total:` marks a total
  across groups (side null, group unknown);
- an item may hold several figures (`8 killed and 27 wounded`, `3 killed 5 wounded`); a
  parenthesis after a count gives its parts (`52 dead (27 militants and 22 civilians)`), which are
  claims only when their group differs; an item starting `including` is a part of the one before;
- the counted noun decides: people are figures, vehicles are strength or nothing, other things
  (`3,000 displaced`, `40 vehicles destroyed`) give no claim and no warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocabulary
from ..records import Evidence, Figure
from .item import DESIGNATION, FORMATION, NOTE, LineContext, counts, figure_of, formation_size, parts, silent
from .items import split_clean
from .normalise import Clean

_PREFIX = re.compile(
    r"^(?:(?:per|according\s+to|acc\.?\s+to|acc\.)\s+(?P<a>[^:]{1,80})"
    r"|(?P<b>[^:]{1,80}?\s+sources?)"
    r"|(?P<c>[^:]{1,80}?)\s+(?:body\s+count|claims?|estimates?|figures?|reports?|count))\s?:\s*",
    re.IGNORECASE,
)
# a label before a colon, or a unit's name before a dash (`18th Division: 275 killed`, `5th SF
# Group - 120`): no digits in it but an ordinal's
_LABEL = re.compile(
    r"^(?P<label>(?:[^\d:()]|\d+(?:st|nd|rd|th)\b){0,40}?)(?::\s*|\s[-–]\s(?=[~\d]))"
    r"|^(?P<named>[A-Z][^:()]{0,40}?):\s*(?=[~≈]?\d)"  # `Volgograd-1 station: 18`, `Task Force 52: 500`
)
_NOTE_SOURCE = re.compile(
    r"^(?:per|according\s+to|acc\.?(?:\s+to)?|claimed\s+by|reported\s+by|source:?)\s+(?P<s>.+)$"
    r"|^(?P<t>.+?)\s+(?:body\s+count|claims?|estimates?|figures?|reports?|count)$",
    re.IGNORECASE,
)
_CIVILIAN_LABEL = re.compile(r"^(?:civilians?|civilian\s+(?:casualties|deaths|losses)|non-combatants)$", re.IGNORECASE)
_TOTAL_LABEL = re.compile(r"^(?:total|overall|in\s+total|combined)$", re.IGNORECASE)
_HEADING = re.compile(r"^(?P<total>(?:total|in\s+total|overall)\s+)?(?=[~≈>]?\d)[^:]{1,80}:$", re.IGNORECASE)
_MORE_CATEGORIES = re.compile(
    r"^(?:killed|dead|wounded|injured|captured|missing)(?:\s?,\s?(?:killed|dead|wounded|injured|captured|missing))*"
    r"\s+(?:or|and/or)\s+(?:killed|dead|wounded|injured|captured|missing)\b", re.IGNORECASE,
)
_PART = re.compile(r"^(?:including|incl\.?|of\s+whom|of\s+them|among\s+them)\s", re.IGNORECASE)
_AND = re.compile(r"^(?:and|&|plus)\s", re.IGNORECASE)
@dataclass(frozen=True)
class Line:
    """A figure line: its key, raw value and article offset (evidence is sliced from the raw value)."""

    key: str
    raw: str
    start: int

    def evidence(self, start: int, end: int) -> Evidence:
        return Evidence(text=self.raw[start - self.start:end - self.start], start=start, end=end)


def read_line(clean: Clean, line: Line, context: LineContext, warnings: list[str]) -> list[Figure]:
    """Every figure of one normalised figure line."""
    items = split_clean(clean)
    line_source = None
    if len([i for i in items if i.text]) > 1 and (last := _line_attribution(items[-1].text)):
        line_source = last
        items = items[:-1]
    figures: list[Figure] = []
    block_source: str | None = None
    group: str | None = None
    total = False
    breakdown = False
    for index, item in enumerate(items):
        if item.breaks_group:
            block_source, group, total, breakdown = None, None, False, False
        piece = item.clean
        own_total = False
        heading = _HEADING.match(piece.text)
        if heading:
            # `32 (+2 perpetrators):`, `Total 40:` heading the items after it: the total is the
            # claim, the items after it (per place) its breakdown, up to the next `----`. When the
            # items after it name categories (`1,452–1,800:, 192–241 killed, 958 wounded`), the
            # heading is a total of several categories, no claim, and the items are read
            following = [i.text for i in items[index + 1:index + 4] if not i.breaks_group]
            if any(vocabulary.category_of_words(text) for text in following):
                continue
            own_total = bool(heading.group("total"))
            piece = piece.slice(heading.end("total") if own_total else 0, len(piece.text) - 1).strip()
            figures += _read_item(piece, line, context, _noted_source(piece.text) or block_source or line_source,
                                  group, total or own_total, warnings)
            breakdown = True
            continue
        if breakdown:
            continue
        while piece.text:  # prefixes and labels, possibly several, at the head of the item
            prefix = _PREFIX.match(piece.text)
            if prefix and not piece.text[:1].isdigit():
                named = prefix.group("a") or prefix.group("b") or prefix.group("c")
                block_source = vocabulary.clean_source(re.sub(r"\s*\([^()]*\)", "", named))  # `Per Ukraine (as of 2 March):`
                group = None
                piece = piece.slice(prefix.end(), len(piece.text)).strip()
                continue
            label = _LABEL.match(piece.text)
            if label:
                name = (label.group("label") or label.group("named") or "").strip()
                if _CIVILIAN_LABEL.match(name):
                    group = "civilians"
                elif _TOTAL_LABEL.match(name):
                    own_total = True
                piece = piece.slice(label.end(), len(piece.text)).strip()
                continue
            break
        if not piece.text:
            total = total or own_total  # `Total:` alone covers the items after it, up to `----`
            continue  # a label alone
        if _PART.match(piece.text):
            continue  # `including 3 Niger fighters`: a part of the item before
        if index + 1 < len(items) and _MORE_CATEGORIES.match(items[index + 1].text):
            continue  # `5,000 killed, wounded or captured`: the item split a figure of several categories
        if conj := _AND.match(piece.text):
            piece = piece.slice(conj.end(), len(piece.text)).strip()
        source = _noted_source(piece.text) or block_source or line_source
        figures += _read_item(piece, line, context, source, group, total or own_total, warnings)
    return figures


def _line_attribution(text: str) -> str | None:
    match = re.fullmatch(r"\(\s?(?P<inner>[^()]{1,200}?)\s?\)", text)
    return _source_of_note(match.group("inner")) if match else None


def _source_of_note(note: str) -> str | None:
    """The claimant a parenthetical note names (`per X`, `X claim`, `US sources`), else None."""
    note = note.strip()
    match = _NOTE_SOURCE.match(note)
    if match:
        named = match.group("s") or match.group("t")
        return vocabulary.clean_source(named) if named[:1].isupper() or match.group("s") else None
    if note[:1].isupper() and not vocabulary.category_of_words(note) and not re.search(r"\d", note):
        return vocabulary.clean_source(note)  # `(Pinnacle News)`, `(US sources)`
    return None


def _noted_source(text: str) -> str | None:
    source = None
    for note in NOTE.finditer(text):
        source = _source_of_note(note.group("inner")) or source
    return source


def _read_item(
    piece: Clean, line: Line, context: LineContext, source: str | None, group: str | None, total: bool,
    warnings: list[str],
) -> list[Figure]:
    """The figures of one item: one per count it holds, parts in parentheses when their group differs."""
    text = piece.text
    outer = NOTE.sub(lambda m: " " * len(m.group(0)), text)  # notes blanked, positions kept
    reads = counts(outer)
    if not reads:
        if re.search(r"\d", DESIGNATION.sub("", outer)) and not silent(outer):
            warnings.append(f"infobox {line.key}: no figure read from {text!r}")
        return []
    figures: list[Figure] = []
    several = len(reads) > 1
    for index, (read, rest) in enumerate(reads):
        figure = figure_of(read, rest, context, group, total)
        if figure is None and not several and context.kind == "strength" and FORMATION.search(rest):
            figure = formation_size(text, read, context)  # `1 infantry brigade (1,500)`: the men it holds
        if figure is None:
            if not silent(rest):
                warnings.append(f"infobox {line.key}: no figure read from {text[read.start:].strip()!r}")
            continue
        if several:
            stop = reads[index + 1][0].start if index + 1 < len(reads) else len(text)
            span = text[read.start:stop].rstrip(" ,;&")
            if span.endswith(" and"):
                span = span[:-4].rstrip()
            a, b = piece.span(read.start, read.start + len(span))
        else:
            a, b = piece.span(0, len(text))
        figures.append(figure.model_copy(update={"source": source, "evidence": line.evidence(a, b)}))
    if len(figures) == 1 and context.kind == "casualties":
        figures += parts(text, figures[0], context)
    return figures


