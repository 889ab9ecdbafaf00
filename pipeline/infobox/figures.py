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
from .items import split_clean
from .normalise import Clean
from .quantity import QuantityRead, read_quantity

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
_NOTE = re.compile(r"\((?P<inner>[^()]{0,200})\)")
_NOTE_SOURCE = re.compile(
    r"^(?:per|according\s+to|acc\.?(?:\s+to)?|claimed\s+by|reported\s+by|source:?)\s+(?P<s>.+)$"
    r"|^(?P<t>.+?)\s+(?:body\s+count|claims?|estimates?|figures?|reports?|count)$",
    re.IGNORECASE,
)
_CIVILIAN_LABEL = re.compile(r"^(?:civilians?|civilian\s+(?:casualties|deaths|losses)|non-combatants)$", re.IGNORECASE)
_TOTAL_LABEL = re.compile(r"^(?:total|overall|in\s+total|combined)$", re.IGNORECASE)
_MORE_CATEGORIES = re.compile(
    r"^(?:killed|dead|wounded|injured|captured|missing)(?:\s?,\s?(?:killed|dead|wounded|injured|captured|missing))*"
    r"\s+(?:or|and/or)\s+(?:killed|dead|wounded|injured|captured|missing)\b", re.IGNORECASE,
)
_PART = re.compile(r"^(?:including|incl\.?|of\s+whom|of\s+them|among\s+them)\s", re.IGNORECASE)
_AND = re.compile(r"^(?:and|&|plus)\s", re.IGNORECASE)
_PLACE_TAIL = re.compile(r"\s(?:in|at|near|on|from)\s+[A-Z][^,]{0,120}$")
_OTHER_THINGS = re.compile(
    r"\b(?:displaced|refugees?|evacuated|evacuees|homeless|houses?|homes|buildings?|destroyed|seized|"
    r"lost|weapons?|rifles?|guns?|rounds|shells|rockets?|missiles?|mortars?|bombs?|mines?|km|square|"
    r"hectares|cattle|livestock|camels|horses|artillery|howitzers?|guns?|cannons?|batter(?:y|ies)|"
    r"damaged|sunk|crashed|disabled|shot\s+down|downed|wrecked|abandoned|"
    r"casualties|casualty|"  # names no category (killed or wounded): no claim, by the contract
    r"divisions?|brigades?|battalions?|regiments?|corps|squadrons?|companies|platoons?|fleets?|"  # formations
    r"armies|army\s+groups?|colou?rs|flags|standards|banners)\b"
    r"|\b\d+(?:st|nd|rd|th)\b"  # an ordinal names a formation: `2nd armored division`
    r"|\b\d+\s?mm\b|^\s?[A-Z]{1,3}-?\d{2,3}[A-Z]?s?\b",  # a calibre or a type (`105mm`, `43 M48`): equipment
    re.IGNORECASE,
)
_ATTACKERS = re.compile(r"\b(?:gunmen|attackers?|assailants?|perpetrators?|bombers?|terrorists?|hijackers?|shooters?|militants?)\b", re.IGNORECASE)
# a type designation (`Su-25`, `BM-21`, `M—113s`) holds a number that counts nothing
_DESIGNATION = re.compile(r"\b[A-Z][A-Za-z]{0,4}\s?[-—–]\s?\d{1,4}[A-Za-z]{0,3}\b")
_MEANS = re.compile(r"\s(?:by|in|from|during|after|with|when|while)\s", re.IGNORECASE)
_BOMBER = re.compile(r"\bbombers?\b", re.IGNORECASE)
_HOSTAGES = re.compile(r"\b(?:hostages?|victims?|passengers|bystanders|worshippers|students|pilgrims|spectators|tourists)\b", re.IGNORECASE)
_FORCES = re.compile(r"\b(?:soldiers?|troops|forces|police(?:men)?|officers?|gendarmes|guards|personnel|security)\b", re.IGNORECASE)
_EXTRA_CAPTURED = re.compile(r"\b(?:surrendered|taken\s+captive|detained|prisoners?\s+of\s+war)\b", re.IGNORECASE)
_NOTHING = re.compile(r"^(?:unknown|unclear|n/?a|-+|\?|various|several|dozens|many|heavy|light|some|numerous|few)\b", re.IGNORECASE)


@dataclass(frozen=True)
class LineContext:
    """What the key of a line says about its items."""

    kind: str  # strength / casualties
    side: int | None
    default_category: str = "killed"
    attack: bool = False  # a civilian-attack infobox: attackers are side 1, forces side 2
    key_category: bool = False  # the key names the category (Fatalities, Injuries): `20 hostages` died
    victims_civilian: bool = False  # the Target names only places or civilians


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
    for index, item in enumerate(items):
        if item.breaks_group:
            block_source, group, total = None, None, False
        piece = item.clean
        own_total = False
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
    for note in _NOTE.finditer(text):
        source = _source_of_note(note.group("inner")) or source
    return source


def _read_item(
    piece: Clean, line: Line, context: LineContext, source: str | None, group: str | None, total: bool,
    warnings: list[str],
) -> list[Figure]:
    """The figures of one item: one per count it holds, parts in parentheses when their group differs."""
    text = piece.text
    outer = _NOTE.sub(lambda m: " " * len(m.group(0)), text)  # notes blanked, positions kept
    reads = _counts(outer)
    if not reads:
        if re.search(r"\d", _DESIGNATION.sub("", outer)) and not _silent(outer):
            warnings.append(f"infobox {line.key}: no figure read from {text!r}")
        return []
    figures: list[Figure] = []
    several = len(reads) > 1
    for index, (read, rest) in enumerate(reads):
        figure = _figure(read, rest, context, group, total)
        if figure is None and not several and context.kind == "strength" and _FORMATION.search(rest):
            figure = _formation_size(text, read, context)  # `1 infantry brigade (1,500)`: the men it holds
        if figure is None:
            if not _silent(rest):
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
        figures += _parts(text, figures[0])
    return figures


_NEXT = re.compile(r"(?:\band\s|[;&]\s?|\s)(?=\S)")


def _counts(text: str) -> list[tuple[QuantityRead, str]]:
    """Each count in `text` with the words that follow it up to the next count."""
    reads: list[QuantityRead] = []
    position = 0
    while position < len(text):
        read = read_quantity(text, position)
        if read is None:
            break
        reads.append(read)
        position = -1
        for match in _NEXT.finditer(text, read.end):
            if read_quantity(text, match.end()) is None:
                continue
            words = text[read.end:match.start()]
            if _has_noun(words) or (not words.strip() and match.group(0).strip() in ("and", "&")):
                position = match.end()
            break
        if position < 0:
            break
    return [
        (read, text[read.end:(reads[i + 1].start if i + 1 < len(reads) else len(text))])
        for i, read in enumerate(reads)
    ]


def _has_noun(words: str) -> bool:
    """A second count starts a new figure only when the first one already has its noun."""
    return bool(vocabulary.category_of_words(words) or vocabulary.people_word(words) or vocabulary.vehicle_word(words)
                or _OTHER_THINGS.search(words) or _EXTRA_CAPTURED.search(words))


def _silent(rest: str) -> bool:
    """Counts of other things (vehicles lost, people displaced, weapons) pass without a warning."""
    return bool(vocabulary.vehicle_word(rest) or _OTHER_THINGS.search(rest)
                or re.match(r"^\s*(?:%|percent|per\s?cent)", rest))


# Members of a named force or people (`8 Gurkhas`, `2 Army Rangers`, `43 Guardsmen`): a capitalised
# plural, no type designation (`T-72s`) and nothing else counted.
_NAMED_PEOPLE = re.compile(r"^(?:[A-Z][a-z]+\s)?[A-Z][a-z]{2,}(?:s|men)$")
_FORMATION = re.compile(
    r"\b(?:divisions?|brigades?|battalions?|regiments?|corps|squadrons?|companies|platoons?|fleets?|armies)\b"
    r"|\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE,
)
_TIMES = re.compile(r"^\s?[x×]\s")  # `42 x Centurion Mk.VIIs`: so many of a type
_PLACE_TAIL_LOWER = re.compile(r"\s(?:in|at)\s+the\s+[a-z][\w -]{0,60}$")  # `300 in the airport garrison`


def _figure(read: QuantityRead, rest: str, context: LineContext, group: str | None, total: bool) -> Figure | None:
    """The figure one count and its words give, or None when they count something else."""
    rest = _TIMES.sub("", rest)
    rest = _PLACE_TAIL.sub("", " " + rest).strip(" ,.;:")
    if context.kind == "strength":
        rest = _PLACE_TAIL_LOWER.sub("", " " + rest).strip(" ,.;:")
    rest = rest[:-4].rstrip() if rest.endswith(" and") else "" if rest in ("and", "&") else rest
    side = context.side
    figure_group = "combatants" if side is not None else "unknown"
    if context.kind == "casualties":
        category = vocabulary.category_of_words(rest) or ("captured" if _EXTRA_CAPTURED.search(rest) else None)
        if context.key_category and category not in ("killed", "wounded"):
            category = None if category is None else context.default_category
        # the counted noun comes before the means (`4 civilians killed by drone strike`); a bomber
        # in a line of deaths, or a suicide bomber, is a person
        counted = _MEANS.split(rest, maxsplit=1)[0]
        bomber = _BOMBER.search(counted) and (context.key_category or re.search(r"\bsuicide\b", counted, re.I))
        if vocabulary.vehicle_word(counted) and not bomber:
            return None  # `50 vehicles captured`, `10 tanks lost`
        if category is None:
            if rest and (_OTHER_THINGS.search(rest) or not (
                    vocabulary.people_word(rest) or _HOSTAGES.search(rest) or _FORCES.search(rest)
                    or _NAMED_PEOPLE.match(rest))):
                return None
            category = context.default_category
        if vocabulary.is_civilian(rest) or group == "civilians" or (context.attack and _HOSTAGES.search(rest)):
            side, figure_group = None, "civilians"
        elif context.attack and _ATTACKERS.search(rest):
            side, figure_group = 1, "combatants"
        elif context.attack and _FORCES.search(rest):
            side, figure_group = 2, "combatants"
        elif context.victims_civilian and side is None:
            figure_group = "civilians"
    else:
        if _FORMATION.search(rest) and not re.search(r"\b(?:members|agents|men|soldiers|troops|personnel)$", rest):
            return None  # `2 infantry divisions`: a count of formations, not of men
        category = "personnel" if _FORCES.search(rest) and not vocabulary.vehicle_word(rest) else vocabulary.strength_category(rest)
        if category is None:
            return None
    if total:
        side, figure_group = None, "unknown"
    return Figure(
        side=side, group=figure_group, category=category, low=read.low, high=read.high,
        approximate=read.approximate, source=None, origin="infobox",
        evidence=Evidence(text=" ", start=0, end=1),
    )


def _formation_size(text: str, read: QuantityRead, context: LineContext) -> Figure | None:
    """The personnel a parenthesis after a count of formations gives, when it holds a bare count."""
    note = _NOTE.search(text, read.end)
    inner = read_quantity(note.group("inner").strip()) if note else None
    if inner is None or note.group("inner").strip()[len(inner.text):].strip():
        return None
    return _figure(inner, "", context, None, False)


def _parts(text: str, whole: Figure) -> list[Figure]:
    """Parts in a parenthesis after the count whose group differs from the whole: their own claims."""
    figures = []
    for note in _NOTE.finditer(text):
        inner = _PART_LEAD.sub(lambda m: " " * len(m.group(0)), note.group("inner"))
        for read, rest in _counts(inner.strip()):
            group = "civilians" if vocabulary.is_civilian(rest) else None
            if group is None or group == whole.group:
                continue
            category = vocabulary.category_of_words(rest) or whole.category
            figures.append(whole.model_copy(update={
                "side": None, "group": group, "category": category, "low": read.low, "high": read.high,
                "approximate": read.approximate,
            }))
    return figures


_PART_LEAD = re.compile(r"^(?:including|incl\.?|at\s+least|of\s+whom)\s+", re.IGNORECASE)
