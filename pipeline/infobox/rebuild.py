"""Sides whose flags were lost: an empty Combatant entry rebuilt from the Result, the side's own
lines and the lead.

Reads: the typed belligerents of each side (`parties`), the names the Result gives, the side's own
lines (commanders, strength, units), the lead text and its `Long Form (ABBR)` definitions.
Writes: `Actor`s for the sides that had none (`rebuild_sides`), the parties a lead names
(`lead_parties`) and the first organisation of a Units line (`units_side`). Pure functions.
"""

from __future__ import annotations

import re

from ..geo import country_by_demonym, country_by_name, country_mention
from ..names import Definition, names_match
from ..records import Actor
from .parties import entry_type, parse_belligerents

_PROPER_RUN = re.compile(r"\b[A-Z][\w'’.-]{1,30}(?:\s(?:of|the|for|and|al|de|du|la)?\s?[A-Z][\w'’.-]{1,30}){0,6}")


_EVENT_NAME = re.compile(
    r"(?:War|Wars|Offensive|Campaign|Crisis|Conflict|Insurgency|Revolution|Rebellion|Uprising|Intervention|"
    r"Invasion|Theatre|Theater|Emergency|Incident|Massacre|Battle|Siege)$"
)


_LOCATIVE = re.compile(
    r"\b(?:in|near|at|across|throughout|into|inside|within|outside|(?:delta|province|region|part|parts|border|capital|"
    r"city|town|village|district|outskirts|coast|centre|center|interior|north|south|east|west|north-?east|"
    r"north-?west|south-?east|south-?west)\s+of)\s+(?:the\s+)?(?:(?:[A-Z][\w'’.-]+|of|the)\s+){0,4}$"
)


def lead_parties(lead_text: str, definitions: list[Definition]) -> list[Actor]:
    """Parties the lead names, in reading order: defined long forms, states by name or demonym."""
    found: list[tuple[int, Actor]] = []
    first = re.split(r"(?<=[a-z)])\.\s", lead_text, maxsplit=2)
    text = " ".join(first[:2])
    for definition in definitions:
        at = text.find(definition.long)
        if at >= 0:
            found.append((at, Actor(name=definition.long, abbreviation=definition.abbreviation)))
    for match in _PROPER_RUN.finditer(text):
        words = re.findall(r"[A-Z][\w'’-]+", match.group(0))
        if words and _EVENT_NAME.match(words[-1]):
            continue  # `Vietnam War`, `Tet Offensive`: a war's name, not a party
        for i, word in enumerate(words):
            pair = " ".join(words[i:i + 2])  # `South Vietnamese`, `West German`: a former state
            country = country_mention(pair) if i + 1 < len(words) else None
            if country is None and i and country_mention(" ".join(words[i - 1:i + 1])):
                continue  # the second word of such a pair
            country = country or country_by_name(word) or country_by_demonym(word)
            if country and country_by_demonym(word) is None and _LOCATIVE.search(text[:match.start()]):
                continue  # `in the Mekong Delta of South Vietnam`: where it was fought, not who fought
            if country and not any(names_match(a.name, country.name) for _, a in found):
                found.append((match.start(), Actor(name=country.name)))
    return [actor for _, actor in sorted(found, key=lambda pair: pair[0])]


def rebuild_sides(
    belligerents: dict[int, list[Actor]],
    side_count: int,
    hints: dict[int, list[str]],
    result_names: list[str],
    lead_text: str,
    definitions: list[Definition],
    units: dict[int, list[Actor]] | None = None,
    names_lost: set[int] = frozenset(),
) -> dict[int, list[Actor]]:
    """Actors for the sides that have none: a country named by the Result (or by the lead) goes to
    the side whose own lines (commanders, strength, units) name it; when one side is left empty
    and one named party stands on no side, it is that side's. Between the two, a side whose Units
    line kept its flags takes the first organisation listed there (`units`). When another side's
    names were lost with their flags (`names_lost`, `Combatant1: , Afghanistan`) the free party
    may be that side's: the empty side is then left to the lead's event frame (the prose stage),
    and filled here only when there is no lead. Returns only the sides it fills."""
    filled: dict[int, list[Actor]] = {}
    empty = [n for n in range(1, side_count + 1) if not belligerents.get(n)]
    if not empty:
        return filled
    taken = [a for actors in belligerents.values() for a in actors]

    def free(actor: Actor) -> bool:
        placed = taken + [a for actors in filled.values() for a in actors]
        return not any(_same_party(actor.name, a.name) or (a.abbreviation and names_match(actor.name, a.abbreviation)) for a in placed)

    candidates: list[Actor] = []
    for name in result_names:
        country = country_mention(name)
        candidates.append(Actor(name=country.name) if country else Actor(name=name))
    candidates += lead_parties(lead_text, definitions)
    for actor in candidates:
        if not free(actor):
            continue
        country = country_mention(actor.name)
        if country is None and actor.name[:1].isupper():
            # a party named by the Result that one empty side's own lines name too (`Taliban
            # victory` with `Units1: Taliban forces`) is that side's
            pattern = re.compile(rf"(?<![\w-]){re.escape(actor.name)}(?![\w-])")
            named = [n for n in empty if n not in filled and any(pattern.search(line) for line in hints.get(n, []))]
            if len(named) == 1:
                filled[named[0]] = [actor]
            continue
        for number in empty:
            if number in filled:
                continue
            words = " ".join(hints.get(number, []))
            if country and any(country_mention(w) == country for w in re.findall(r"[A-Z][\w'’-]+", words)):
                filled[number] = [actor]
                break
    def last_empty(pool: list[Actor]) -> None:
        still = [n for n in empty if n not in filled]
        if len(still) == 1 and not (names_lost - {still[0]} and lead_text.strip()):
            left = [a for a in pool if free(a) and entry_type(a.name) != "person"]
            if left and (side_count > 1 or not belligerents):
                filled[still[0]] = left[:1]

    # the party the Result names comes before a Units line (`Israeli victory` with only
    # `Units1: Golani Brigade`: Israel), the lead's parties after it
    last_empty(candidates[:len(result_names)])
    for number, listed in (units or {}).items():
        if number in empty and number not in filled and listed:
            filled[number] = listed[:1]
    last_empty(candidates)
    return filled


def _same_party(a: str, b: str) -> bool:
    """The name rule, except that two states are one only when they are the same country
    (`United Kingdom` and `Zulu Kingdom` share a word, not a state)."""
    one, two = country_by_name(a), country_by_name(b)
    if one is not None and (two is not None or entry_type(b) == "state"):
        return one == two
    return names_match(a, b)


def units_side(value: str, definitions: list[Definition]) -> list[Actor]:
    """The first named unit of a Units line, when it is an organisation (`Syrian Armed Forces`)."""
    units = [a for a in parse_belligerents(value, definitions) if entry_type(a.name) in ("organisation", "state")]
    return units[:1]
