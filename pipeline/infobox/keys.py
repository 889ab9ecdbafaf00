"""Infobox keys as real pages write them, gathered into one table per article.

Reads: the `InfoboxLine`s of one article. Writes: `Keys`: for each canonical key the lines that
carry it, in article order, indexed ones by their number. Spellings folded here: `Perp`, `Perps`,
`Perpetrator(s)`, `Executed By`, `Attacker(s)` -> perpetrators; `Dfens`/`Defenders` -> target;
`Status` stands in for a missing `Result`; `Deaths`/`Killed` -> fatalities; `Injured`/`Wounded`
-> injuries; `Place`/`Location` -> place. Keys may come in any order (Casualties3 before
Casualties1), and a repeated key keeps every line (two `Casualties1` lines give both lines' figures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..article import InfoboxLine

_INDEXED = re.compile(r"^(?P<base>[A-Za-z][A-Za-z ()_]{0,40}?)\s?(?P<n>\d{1,2})$")
_ALIASES = {
    "perp": "perpetrators", "perps": "perpetrators", "perpetrator": "perpetrators",
    "perpetrator(s)": "perpetrators", "perpetrators": "perpetrators", "executed by": "perpetrators",
    "attacker": "perpetrators", "attackers": "perpetrators", "attacker(s)": "perpetrators",
    "perpetrator (s)": "perpetrators", "organised by": "perpetrators", "organized by": "perpetrators",
    "dfens": "target", "defenders": "target", "defender": "target", "targets": "target", "target": "target",
    "deaths": "fatalities", "killed": "fatalities", "fatalities": "fatalities", "dead": "fatalities",
    "injuries": "injuries", "injured": "injuries", "wounded": "injuries", "non-fatal injuries": "injuries",
    "victims": "victims", "numparts": "numparts", "participants": "numparts",
    "place": "place", "location": "place", "locations": "place",
    "combatant": "combatant", "combatants": "combatant", "belligerent": "combatant", "belligerents": "combatant",
    "commander": "commander", "commanders": "commander", "leader": "commander", "leaders": "commander",
    "strength": "strength", "casualties": "casualties", "units": "units", "unit": "units",
    "result": "result", "status": "status", "outcome": "result",
}
MILITARY_KEYS = {"conflict", "combatant", "casualties", "commander", "strength"}
CIVILIAN_KEYS = {"target", "perpetrators", "fatalities", "victims", "injuries"}


def base_key(key: str) -> tuple[str, int | None]:
    """(canonical base, number or None): `Casualties3` -> (`casualties`, 3), `Perps` -> (`perpetrators`, None)."""
    key = re.sub(r"\s+", " ", key.strip())
    match = _INDEXED.match(key)
    if match:
        base, number = match.group("base").strip().lower(), int(match.group("n"))
    else:
        base, number = key.lower(), None
    return _ALIASES.get(base, base), number


@dataclass
class Keys:
    plain: dict[str, list[InfoboxLine]] = field(default_factory=dict)
    indexed: dict[str, dict[int, list[InfoboxLine]]] = field(default_factory=dict)
    keyless: list[InfoboxLine] = field(default_factory=list)

    def first(self, *bases: str) -> InfoboxLine | None:
        """The first non-empty plain line of the first base that has one."""
        for base in bases:
            for line in self.plain.get(base, []):
                if line.value.strip():
                    return line
        return None

    def numbered(self, base: str) -> dict[int, list[InfoboxLine]]:
        return self.indexed.get(base, {})

    def bases(self) -> set[str]:
        return set(self.plain) | set(self.indexed)


def gather(lines: tuple[InfoboxLine, ...]) -> Keys:
    keys = Keys()
    for line in lines:
        if not line.key:
            keys.keyless.append(line)
            continue
        base, number = base_key(line.key)
        if number is None:
            keys.plain.setdefault(base, []).append(line)
        else:
            keys.indexed.setdefault(base, {}).setdefault(number, []).append(line)
    return keys


def infobox_kind(lines: tuple[InfoboxLine, ...] | Keys) -> str:
    bases = (lines if isinstance(lines, Keys) else gather(lines)).bases()
    if bases & MILITARY_KEYS:
        return "military_conflict"
    if bases & CIVILIAN_KEYS:
        return "civilian_attack"
    return "other"
