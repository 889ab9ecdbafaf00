"""The infobox stage: `- Key: value` lines -> sides, date, place, result and figures.

Reads: `Article.infobox` (values with offsets) and the prose's `Long Form (ABBR)` definitions.
Writes: `InfoboxFacts`, plain values for `assemble` to put into the record; every figure carries
evidence offsets into the article text. A value it cannot read becomes a warning, never an
exception and never a silent drop; keys it does not know are left out of the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import vocabulary
from .article import InfoboxLine
from .dates import parse_date
from .geo import country_mention, parse_location
from .names import Definition, resolve_actor, strip_residue
from .numbers import parse_quantity
from .records import Actor, Commander, DateSpan, Evidence, Figure, Location

_INDEXED_KEY = re.compile(r"^(?P<base>[A-Za-z ]*[A-Za-z])\s*(?P<n>\d+)$")
MILITARY_KEYS = {"conflict", "combatant", "casualties", "commander", "strength"}
CIVILIAN_KEYS = {"target", "perpetrator", "perpetrators", "fatalities", "victims", "injuries", "injured", "deaths"}
_SIDE_KEYS = {"combatant", "commander", "strength", "units"}


@dataclass(frozen=True)
class Item:
    """A comma-separated part of an infobox value, with its offsets in the article text."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class InfoboxFacts:
    kind: str | None = None
    conflict: str | None = None
    date: DateSpan | None = None
    location: Location | None = None
    part_of: str | None = None
    result_text: str | None = None
    side_count: int = 0
    names_lost: set[int] = field(default_factory=set)  # sides whose names were flag icons only
    side_aliases: dict[int, list[str]] = field(default_factory=dict)  # units named for each side
    belligerents: dict[int, list[Actor]] = field(default_factory=dict)
    commanders: dict[int, list[Commander]] = field(default_factory=dict)
    strength: list[Figure] = field(default_factory=list)
    casualties: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def split_items(value: str, start: int, separators: str = ",") -> list[Item]:
    """Split on separators outside parentheses and quotes; items keep their article offsets."""
    items: list[Item] = []
    depth = 0
    quoted = False
    begin = 0

    def add(end: int) -> None:
        raw = value[begin:end]
        stripped = raw.strip()
        if stripped:
            items.append(Item(stripped, start + begin + (len(raw) - len(raw.lstrip()))))

    for index, char in enumerate(value):
        if char == '"':
            quoted = not quoted
        elif char == "(" and not quoted:
            depth += 1
        elif char == ")" and not quoted and depth:
            depth -= 1
        elif char in separators and depth == 0 and not quoted:
            if char == "," and index and value[index - 1].isdigit() and re.match(r"\d{3}(?!\d)", value[index + 1:index + 5]):
                continue  # a thousands separator: `1,190+`
            add(index)
            begin = index + 1
    add(len(value))
    return items


def infobox_kind(lines: tuple[InfoboxLine, ...]) -> str:
    bases = {_base_key(line.key)[0] for line in lines}
    if bases & MILITARY_KEYS:
        return "military_conflict"
    if bases & CIVILIAN_KEYS:
        return "civilian_attack"
    return "other"


def _base_key(key: str) -> tuple[str, int | None]:
    match = _INDEXED_KEY.match(key.strip())
    if match:
        return match.group("base").strip().lower(), int(match.group("n"))
    return key.strip().lower(), None


# --- sides -------------------------------------------------------------------------------------

# `(?<!\s)`: start only at the head of a run of spaces, else `\s*` rescans the run from every position.
_PARENS = re.compile(r"(?<!\s)\s*\((?P<inner>[^()]*)\)")
_UNNAMED_LEADERS = re.compile(
    r"\b(?:unidentified|unknown|unnamed)\b[^|]{0,60}?\b(?:commanders|leaders|officers|emirs)\b", re.IGNORECASE
)
_FATE_SUFFIX = re.compile(r"(?<!\s)\s*(?P<fate>KIA|POW|WIA|†)\s*$")
_FATES = {"KIA": "killed", "†": "killed", "POW": "captured", "WIA": "wounded"}
_NOTHING = re.compile(r"^(?:unknown|none|n/?a|-+|\?)$", re.IGNORECASE)


def _split_and(name: str) -> list[str]:
    """`AQIM and affiliated drug traffickers` is two actors; `Movement for Oneness and Jihad` one."""
    parts = re.split(r"\s+and\s+", name)
    if len(parts) != 2:
        return [name]
    left, right = parts
    if right[:1].islower() or left.isupper() or right.isupper():
        return parts
    if country_mention(left) and country_mention(right):
        return parts
    return [name]


def parse_belligerents(value: str, definitions: list[Definition]) -> list[Actor]:
    actors: list[Actor] = []
    for item in split_items(strip_residue(value, ","), 0, ",;"):
        text = item.text.lstrip("*• ").strip()
        abbreviation = None
        for paren in _PARENS.finditer(text):
            inner = paren.group("inner").strip()
            if re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]*[A-Z0-9]", inner):
                abbreviation = inner
        text = _PARENS.sub("", text).strip(" ,")
        if not text or _NOTHING.match(text):
            continue
        for part in _split_and(text):
            name, abbr = resolve_actor(part.strip(), definitions)
            if abbr is None and abbreviation is not None:
                abbr = abbreviation
            if not any(a.name == name for a in actors):
                actors.append(Actor(name=name, abbreviation=abbr))
    return actors


def parse_commanders(value: str) -> list[Commander]:
    value = _UNNAMED_LEADERS.sub("", strip_residue(value, ","))
    commanders: list[Commander] = []
    for item in split_items(value, 0, ",|;"):
        text = _PARENS.sub("", item.text).strip(" ,")
        fate = None
        suffix = _FATE_SUFFIX.search(text)
        if suffix:
            fate = _FATES[suffix.group("fate")]
            text = text[: suffix.start()].strip()
        if not text or _NOTHING.match(text):
            continue
        commanders.append(Commander(name=text, fate=fate))
    return commanders


# --- figures -----------------------------------------------------------------------------------

_GROUP_SOURCE = re.compile(r"^(?:per|according\s+to)\s+(?P<source>.+?)\s*:$", re.IGNORECASE)
_LINE_SOURCE = re.compile(r"^\(\s*(?:per|according\s+to)\s+(?P<source>[^()]+?)\s*\)$", re.IGNORECASE)
_GROUP_END = re.compile(r"^-{3,}$")
_LABEL = re.compile(r"^[^\d:]{1,40}:$")


def _source_of_note(note: str) -> str | None:
    """The claimant named by a parenthetical note glued to an item, or None for other notes."""
    note = note.strip()
    match = re.match(r"^(?:per|according\s+to|claimed\s+by|reported\s+by)\s+(?P<s>.+)$", note, re.IGNORECASE)
    if match:
        return vocabulary.clean_source(match.group("s"))
    match = re.match(r"^(?P<s>.+?)\s+(?:claims?|estimates?|figures?|reports?)$", note, re.IGNORECASE)
    if match:
        return vocabulary.clean_source(match.group("s"))
    if note[:1].isupper() and not vocabulary.category_of_words(note):
        return vocabulary.clean_source(note)  # `(US sources)`, `(Pinnacle News)`
    return None


def _figure_items(line: InfoboxLine) -> list[tuple[Item, str | None]]:
    """Items of a figure line with the source that covers each (`(per X)`, `Per X:` … `----`)."""
    items = split_items(line.value, line.start)
    line_source = None
    if len(items) > 1 and (last := _LINE_SOURCE.match(items[-1].text)):
        line_source = vocabulary.clean_source(last.group("source"))
        items = items[:-1]
    result: list[tuple[Item, str | None]] = []
    group_source = None
    for item in items:
        if _GROUP_END.match(item.text):
            group_source = None
            continue
        if group := _GROUP_SOURCE.match(item.text):
            group_source = vocabulary.clean_source(group.group("source"))
            continue
        result.append((item, group_source or line_source))
    return result


def _sub_items(item: Item) -> list[Item]:
    """`8 killed and 27 wounded` holds two figures; split where both halves start with a count."""
    parts = re.split(r"(\s+and\s+|\s*;\s*)", item.text)
    if len(parts) == 1:
        return [item]
    pieces: list[Item] = []
    offset = item.start
    for index, part in enumerate(parts):
        if index % 2 == 0 and part.strip():
            pieces.append(Item(part.strip(), offset + len(part) - len(part.lstrip())))
        offset += len(part)
    if all(parse_quantity(p.text) is not None for p in pieces):
        return pieces
    return [item]


def parse_figures(
    line: InfoboxLine,
    kind: str,
    side: int | None,
    warnings: list[str],
    default_category: str = "killed",
) -> list[Figure]:
    """Figures of one Strength / Casualties / Fatalities line. `kind` is `strength` or `casualties`."""
    figures: list[Figure] = []
    for item, covering_source in _figure_items(line):
        if _NOTHING.match(item.text) and item.text.lower() != "none":
            continue
        if _LABEL.match(item.text):
            continue  # `FADM:` labels the items after it; it is not a figure
        pieces = _sub_items(item)
        # A glued `(per X)` covers the whole item (`8 killed and 27 wounded (per X)`), unless a piece
        # carries its own note.
        item_source = _noted_source(item.text) or covering_source
        for piece in pieces:
            source = _noted_source(piece.text) or item_source
            evidence = item if len(pieces) == 1 else piece
            figure = _parse_figure(piece, evidence, source, kind, side, default_category)
            if figure is None:
                if kind == "casualties" or not _NOTHING.match(piece.text.split()[0]):
                    warnings.append(f"infobox {line.key}: no figure read from {piece.text!r}")
                continue
            figures.append(figure)
    return figures


def _noted_source(text: str) -> str | None:
    """The claimant named by the last source note in `text`, if any."""
    source = None
    for note in _PARENS.finditer(text):
        source = _source_of_note(note.group("inner")) or source
    return source


def _parse_figure(
    piece: Item, evidence: Item, source: str | None, kind: str, side: int | None, default_category: str
) -> Figure | None:
    """One figure from one piece; `evidence` is the span shown for it (the whole item unless the
    item holds several figures)."""
    words = _PARENS.sub("", piece.text).strip()
    if words.lower() == "none" or re.match(r"^(?:none|no|nil)\b", words, re.IGNORECASE):
        quantity_low, quantity_high, approximate, rest = 0, 0, False, re.sub(r"^\w+\s*", "", words)
    else:
        quantity = parse_quantity(words)
        if quantity is None:
            return None
        quantity_low, quantity_high, approximate = quantity.low, quantity.high, quantity.approximate
        rest = words[quantity.end:]
    group = "combatants"
    figure_side = side
    if kind == "casualties":
        category = vocabulary.category_of_words(rest)
        if category is None:
            if rest.strip() and not vocabulary.people_word(rest):
                return None  # `40 vehicles destroyed`, `37 defected`: counts of something else
            category = default_category  # a bare number or `losses` counts the dead
        if vocabulary.is_civilian(rest):
            group, figure_side = "civilians", None
        elif figure_side is None:
            group = "unknown"
    else:
        category = vocabulary.strength_category(rest)
        if category is None:
            return None
        if figure_side is None:
            group = "unknown"
    return Figure(
        side=figure_side,
        group=group,
        category=category,
        low=quantity_low,
        high=quantity_high,
        approximate=approximate,
        source=source,
        origin="infobox",
        evidence=Evidence(text=evidence.text, start=evidence.start, end=evidence.end),
    )


# --- the stage ---------------------------------------------------------------------------------

_VICTORY = re.compile(
    r"^(?:(?:decisive|pyrrhic|tactical|strategic|major|minor|partial)\s+)*(?P<who>.*?\S)\s+"
    r"(?:victory|victories|win|success)\b",
    re.IGNORECASE,
)


def victory_claimant(result_text: str) -> str | None:
    """`Mauritanian victory` -> `Mauritanian`; None when the result names no victor."""
    match = _VICTORY.match(result_text.strip())
    return _PARENS.sub("", match.group("who")).strip() if match else None


def read_infobox(lines: tuple[InfoboxLine, ...], definitions: list[Definition]) -> InfoboxFacts:
    facts = InfoboxFacts(kind=infobox_kind(lines))
    civilian = facts.kind == "civilian_attack"
    indexed: dict[str, dict[int, InfoboxLine]] = {}
    plain: dict[str, InfoboxLine] = {}
    for line in lines:
        if not line.key:
            facts.warnings.append(f"infobox line without a key: {line.value!r}")
            continue
        base, number = _base_key(line.key)
        if number is None:
            plain.setdefault(base, line)
        else:
            indexed.setdefault(base, {})[number] = line

    side_numbers = {n for base in _SIDE_KEYS for n in indexed.get(base, {})}
    if civilian:
        if "perpetrator" in plain or "perpetrators" in plain:
            side_numbers.add(1)
        if "target" in plain:
            side_numbers |= {1, 2}
    facts.side_count = max(side_numbers, default=0)

    facts.conflict = plain["conflict"].value if "conflict" in plain else None
    date_line = plain.get("date")
    if date_line and date_line.value:
        facts.date = parse_date(date_line.value)
        if facts.date is None:
            facts.warnings.append(f"infobox Date: no date read from {date_line.value!r}")
    place_line = plain.get("place") or plain.get("location")
    if place_line and place_line.value:
        facts.location = parse_location(strip_residue(place_line.value))
    if "partof" in plain and plain["partof"].value:
        facts.part_of = re.sub(r"^the\s+", "", strip_residue(plain["partof"].value), flags=re.IGNORECASE)
    if "result" in plain and plain["result"].value:
        facts.result_text = strip_residue(plain["result"].value)
    elif "status" in plain and plain["status"].value:
        facts.result_text = strip_residue(plain["status"].value)

    for number, line in indexed.get("combatant", {}).items():
        facts.belligerents[number] = parse_belligerents(line.value, definitions)
        if re.search(r"(?:^|,)\s*(?:,|$)", line.value):
            facts.names_lost.add(number)  # `, ,`: the flags of named states were dropped with the markup
    for number, line in indexed.get("units", {}).items():
        units = parse_belligerents(line.value, definitions)
        facts.side_aliases[number] = [n for u in units for n in (u.name, u.abbreviation) if n]
        if not facts.belligerents.get(number) and units and number not in facts.names_lost:
            # No Combatant line: the first unit listed is the force that fought.
            facts.belligerents[number] = units[:1]
    if civilian:
        for key, number in (("perpetrators", 1), ("perpetrator", 1), ("target", 2)):
            if key in plain:
                facts.belligerents[number] = parse_belligerents(plain[key].value, definitions)
    for number, line in indexed.get("commander", {}).items():
        facts.commanders[number] = parse_commanders(line.value)

    for number, line in sorted(indexed.get("strength", {}).items()):
        facts.strength += parse_figures(line, "strength", number, facts.warnings)
    for number, line in sorted(indexed.get("casualties", {}).items()):
        side = number if number <= facts.side_count else None
        facts.casualties += parse_figures(line, "casualties", side, facts.warnings)
    if civilian:
        for key, category in (("fatalities", "killed"), ("deaths", "killed"), ("injuries", "wounded"),
                              ("injured", "wounded"), ("victims", "killed")):
            if key in plain:
                facts.casualties += parse_figures(plain[key], "casualties", None, facts.warnings, category)
    return facts
