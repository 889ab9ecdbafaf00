"""The infobox stage: `- Key: value` lines -> sides, date, place, result and figures.

Reads: `Article.infobox` (values with offsets), the prose's `Long Form (ABBR)` definitions and,
optionally, the lead paragraph's text. Writes: `InfoboxFacts`, plain values for `assemble`; every
figure carries evidence offsets into the article text. The steps, one module each:
`keys` (spellings, order, repeats) -> `normalise` (markup residue out, offset map kept) ->
`figures` (one grammar for every figure line) / `parties` (typed entries) / `rebuild` (lost sides) /
`result` (who prevailed). A value it cannot read becomes a warning, never an exception and never a
silent drop; keys it does not know are left out of the record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..article import InfoboxLine
from ..dates import find_date, parse_date
from ..geo import parse_location
from ..names import Definition, names_match
from ..records import Actor, Commander, DateSpan, Figure, Location
from .figures import Line, LineContext, read_line
from .items import Item, split_items
from .keys import Keys, gather, infobox_kind
from .normalise import normalise
from .normalise import names_lost as _names_lost
from .parties import (
    entry_type,
    is_civilian_target,
    parse_belligerents,
    parse_commanders,
    persons_and_actors,
    target_actors,
)
from .rebuild import lead_parties, rebuild_sides, units_side
from .result import Outcome, read_result, victory_claimant
from .winner import initials, is_generic, outcome_side

__all__ = [
    "InfoboxFacts", "Item", "Outcome", "entry_type", "infobox_kind", "parse_belligerents", "parse_commanders",
    "is_generic", "parse_figures", "read_infobox", "read_result", "rebuild_sides", "split_items", "victory_claimant",
]

_FIGURE_KEYS = {"fatalities": "killed", "victims": "killed", "injuries": "wounded"}


@dataclass
class InfoboxFacts:
    kind: str | None = None
    conflict: str | None = None
    date: DateSpan | None = None
    location: Location | None = None
    part_of: str | None = None
    result_text: str | None = None
    outcome: Outcome = field(default_factory=Outcome)
    outcome_side: int | None = None  # the side the Result names, by the infobox's own lines (fallback)
    side_count: int = 0
    names_lost: set[int] = field(default_factory=set)  # sides whose names were flag icons only
    side_aliases: dict[int, list[str]] = field(default_factory=dict)  # units named for each side
    belligerents: dict[int, list[Actor]] = field(default_factory=dict)
    commanders: dict[int, list[Commander]] = field(default_factory=dict)
    rebuilt: set[int] = field(default_factory=set)  # sides whose actors came from Result or lead
    strength: list[Figure] = field(default_factory=list)
    casualties: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def parse_figures(
    line: InfoboxLine, kind: str, side: int | None, warnings: list[str], default_category: str = "killed",
    attack: bool = False, victims_civilian: bool = False, key_category: bool = False,
) -> list[Figure]:
    """Figures of one Strength / Casualties / Fatalities line. `kind` is `strength` or `casualties`."""
    context = LineContext(kind, side, default_category, attack=attack, key_category=key_category,
                          victims_civilian=victims_civilian)
    return read_line(normalise(line.value, line.start), Line(line.key, line.value, line.start), context, warnings)


def _value(line: InfoboxLine | None) -> str:
    return normalise(line.value).text if line is not None else ""


def read_infobox(
    lines: tuple[InfoboxLine, ...], definitions: list[Definition], lead_text: str = ""
) -> InfoboxFacts:
    keys = gather(lines)
    facts = InfoboxFacts(kind=infobox_kind(keys))
    attack = facts.kind == "civilian_attack"
    for line in keys.keyless:
        facts.warnings.append(f"infobox line without a key: {line.value!r}")

    _scalars(keys, facts, lead_text)
    _sides(keys, facts, definitions, attack, lead_text)

    for number, group in sorted(keys.numbered("strength").items()):
        for line in group:
            facts.strength += parse_figures(line, "strength", number, facts.warnings)
    for number, group in sorted(keys.numbered("casualties").items()):
        side = number if number <= facts.side_count else None
        for line in group:
            facts.casualties += parse_figures(line, "casualties", side, facts.warnings, attack=attack)
    victims_civilian = attack and (line := keys.first("target")) is not None and is_civilian_target(line.value)
    for key, category in _FIGURE_KEYS.items():
        for line in keys.plain.get(key, []):
            facts.casualties += parse_figures(line, "casualties", None, facts.warnings, category, attack=attack,
                                              victims_civilian=victims_civilian, key_category=True)
    for line in keys.plain.get("numparts", []):
        facts.strength += parse_figures(line, "strength", 1 if attack else None, facts.warnings)
    if attack and any(f.side == 2 for f in facts.casualties) and facts.side_count < 2:
        facts.side_count = 2  # the figures count an armed party attacked: side 2 exists, named by the lead
        taken = facts.belligerents.get(1, [])
        states = [a for a in lead_parties(lead_text, definitions)
                  if entry_type(a.name) == "state" and not any(names_match(a.name, t.name) for t in taken)]
        if states:
            facts.belligerents[2] = states
            facts.rebuilt.add(2)
    return facts


def _scalars(keys: Keys, facts: InfoboxFacts, lead_text: str = "") -> None:
    conflict = keys.first("conflict")
    facts.conflict = conflict.value if conflict else None
    date_line = keys.first("date")
    if date_line:
        facts.date = parse_date(_value(date_line))
        if facts.date is None:
            facts.warnings.append(f"infobox Date: no date read from {date_line.value!r}")
    elif lead_text:
        found = find_date(lead_text)  # no Date key: the lead's first date is the event's
        facts.date = found[0] if found else None
    place_line = keys.first("place")
    if place_line:
        # A Place without a country (or naming two, `Lebanon–Israel border`) takes the lead's.
        facts.location = parse_location(_value(place_line).strip(" ,"), context=lead_text)
    part_of = keys.first("partof")
    if part_of:
        facts.part_of = re.sub(r"^the\s+", "", _value(part_of).strip(" ,"), flags=re.IGNORECASE) or None
    result = keys.first("result") or keys.first("status")
    if result:
        facts.result_text = _value(result).strip(" ,") or None
        facts.outcome = read_result(facts.result_text or "")


def _sides(keys: Keys, facts: InfoboxFacts, definitions: list[Definition], attack: bool, lead_text: str) -> None:
    side_numbers = {n for base in ("combatant", "commander", "strength", "units") for n in keys.numbered(base)}
    if attack:
        if keys.first("perpetrators"):
            side_numbers.add(1)
        target = keys.first("target")
        if target and target_actors(target.value, definitions):
            side_numbers |= {1, 2}
    facts.side_count = max(side_numbers, default=0)

    for number, group in keys.numbered("combatant").items():
        actors: list[Actor] = []
        for line in group:
            actors += [a for a in parse_belligerents(line.value, definitions) if entry_type(a.name) != "person"]
            if _names_lost(line.value):
                facts.names_lost.add(number)  # `, ,`: the flags of named states were dropped with the markup
        facts.belligerents[number] = actors
    for number, group in keys.numbered("units").items():
        units = [u for line in group for u in parse_belligerents(line.value, definitions)]
        facts.side_aliases[number] = [n for u in units for n in (u.name, u.abbreviation) if n]
    for number, group in keys.numbered("commander").items():
        facts.commanders[number] = [c for line in group for c in parse_commanders(line.value)]
    if attack:
        perpetrators = keys.first("perpetrators")
        if perpetrators:
            actors, persons = persons_and_actors(perpetrators.value, definitions, lead_text)
            facts.belligerents[1] = actors
            facts.commanders[1] = facts.commanders.get(1, []) + persons
        target = keys.first("target")
        if target:
            facts.belligerents[2] = target_actors(target.value, definitions)

    hints = {
        n: [line.value for base in ("commander", "strength", "units", "casualties") for line in keys.numbered(base).get(n, [])]
        for n in range(1, facts.side_count + 1)
    }
    names = facts.outcome.claimants + facts.outcome.losers
    placed = [a for actors in facts.belligerents.values() for a in actors]
    if any(names_match(name, a.name) or name == initials(a.name) or name == a.abbreviation
           for name in facts.outcome.claimants for a in placed):
        names = []  # `DPR-Russian victory` with DPR on a side: Russia is DPR's ally, not the empty side
    territory = keys.first("territory")
    if territory:
        names += re.findall(r"[A-Z][\w'’-]+", _value(territory))
    units = {
        n: [u for line in group if not _names_lost(line.value) for u in units_side(line.value, definitions)]
        for n, group in keys.numbered("units").items() if n not in facts.names_lost
    }
    filled = rebuild_sides(
        facts.belligerents, facts.side_count, hints, names, lead_text, definitions, units, facts.names_lost
    )
    for number, actors in filled.items():
        facts.belligerents[number] = actors
        facts.rebuilt.add(number)
    own_lines = {
        n: [_value(line) for base in ("commander", "units") for line in keys.numbered(base).get(n, [])]
        for n in range(1, facts.side_count + 1)
    }
    sides = {n: facts.belligerents.get(n, []) for n in range(1, facts.side_count + 1)}
    facts.outcome_side = outcome_side(facts.outcome, sides, own_lines)
