"""The side a Result's claimant is, by what the infobox itself says about each side.

Reads: the `Outcome` of the Result, the typed actors of each side and the raw text of each side's
own lines (commanders, strength, units, casualties). Writes: a side number or None. This is the
fallback for names the party table does not link: an abbreviation made of an actor's initials
(`LNA` for Libyan National Army, `ISGS`, `DPR` for Donetsk People's Republic), a name that only a
side's own lines carry (`ISIL` in `Abu Nabil al-Anbari (ISIL commander of North Africa)`), and
the generic words for a government or for those who fight one (`Coalition victory`, `Rebel
victory`). Pure functions.
"""

from __future__ import annotations

import re

from ..geo import country_mention
from ..records import Actor
from ..sides import actor_kind
from .parties import entry_type
from .result import Outcome

_SMALL = {"of", "the", "in", "for", "and", "de", "du", "des", "la", "le", "al", "el", "an", "a", "&", "wal", "wa", "ul"}
_GOVERNMENT_WORDS = re.compile(
    r"\b(?:government|armed\s+forces|army|military|police|security\s+forces|defen[cs]e\s+forces|national\s+guard|"
    r"gendarmerie|junta|regime|state\s+administration|ministry|republic|kingdom|federal)\b",
    re.IGNORECASE,
)
_INSURGENT_WORDS = re.compile(
    r"\b(?:islamic|islamist|al-|qaeda|ansar|jihad|mujahideen|front|movement|liberation|revolution(?:ary)?|"
    r"rebels?|insurgents?|militia|resistance|people's\s+(?:army|liberation))", re.IGNORECASE,
)
# Generic names of the two kinds of party a Result may use in place of a side's name.
_FOR_GOVERNMENT = {"government", "governmental", "loyalist", "loyalists", "regime", "coalition", "allied", "allies",
                   "state", "junta", "federal", "national"}
_AGAINST_GOVERNMENT = {"rebel", "rebels", "insurgent", "insurgents", "insurgency", "opposition", "militant",
                       "militants", "islamist", "islamists", "jihadist", "jihadists", "separatist", "separatists",
                       "guerrilla", "guerrillas", "resistance", "revolutionary", "revolutionaries"}


_ALLIANCE = {"coalition", "allied", "allies", "alliance"}
_JIHADIST = {"islamist", "islamists", "jihadist", "jihadists", "mujahideen"}


def is_generic(name: str) -> bool:
    """`Rebel`, `Government`, `Coalition`: a word for a kind of party, not a party's name."""
    words = name.casefold().split()
    return bool(words) and len(words) <= 2 and words[-1] in _FOR_GOVERNMENT | _AGAINST_GOVERNMENT


def initials(name: str) -> str:
    """`Islamic State in the Greater Sahara` -> `ISGS`; `Donetsk People's Republic` -> `DPR`."""
    words = [w for w in re.split(r"[\s\-–]+", name) if w and w.casefold() not in _SMALL]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


def _abbreviates(short: str, actor: Actor) -> bool:
    if not re.fullmatch(r"[A-Z][A-Z0-9.&]{1,9}", short):
        return False
    short = short.replace(".", "")
    return short in (initials(actor.name), (actor.abbreviation or "").replace(".", ""))


def _government_like(actors: list[Actor]) -> bool:
    return any(entry_type(a.name) == "state" or (_GOVERNMENT_WORDS.search(a.name) and not _INSURGENT_WORDS.search(a.name))
               for a in actors)


def claimant_side(name: str, belligerents: dict[int, list[Actor]], hints: dict[int, list[str]]) -> int | None:
    """The one side `name` is by initials, by a side's own lines, or as a generic word; else None."""
    numbers = sorted(n for n in belligerents if belligerents[n]) or sorted(hints)
    hits = {n for n in numbers if any(_abbreviates(name, a) for a in belligerents.get(n, []))}
    if not hits and re.search(r"[A-Z]", name) and len(name) > 2:
        pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
        hits = {n for n, lines in hints.items() if any(pattern.search(line) for line in lines)}
    if not hits and len(belligerents) == 2:
        word = name.casefold().split()[-1] if name.split() else ""
        government = [n for n in sorted(belligerents) if _government_like(belligerents[n])]
        if len(government) == 1 and word in _FOR_GOVERNMENT:
            hits = {government[0]}
        elif len(government) == 1 and word in _AGAINST_GOVERNMENT:
            hits = set(belligerents) - {government[0]}
        elif len(government) == 2 and word in _ALLIANCE:
            # `Coalition victory` between two sides of states: the side of several partners
            several = {n for n in sorted(belligerents) if len(belligerents[n]) > 1}
            hits = several if len(several) == 1 else set()
        elif not government and word in _JIHADIST:
            # `Islamist victory` between two armed groups: the one whose name says it is jihadist
            hits = {n for n in sorted(belligerents) if any(actor_kind(a) == "jihadist" for a in belligerents[n])}
    if not hits:
        hits = _by_word_stem(name, belligerents, hints)
    if not hits:
        hits = _units_side(name, belligerents)
    return hits.pop() if len(hits) == 1 else None


_DEMONYM_ENDING = re.compile(r"(?:ish|ian|ean|ese|an|i|ic)$", re.IGNORECASE)
_UNIT = re.compile(
    r"^\d+(?:st|nd|rd|th)?\s|\b(?:army|corps|division|brigade|regiment|battalion|cavalry|horse|lancers|commando|"
    r"infantry|squadron|company|fleet|group)\b", re.IGNORECASE,
)


def _stem(word: str) -> str:
    """`Kurdish` -> `Kurd`, `Iraqi` -> `Iraq`, `Hadi` -> `Hadi`: the part a demonym shares with its name."""
    stem = _DEMONYM_ENDING.sub("", word) if len(word) > 5 else word
    return stem if len(stem) >= 4 else word


def _by_word_stem(name: str, belligerents: dict[int, list[Actor]], hints: dict[int, list[str]]) -> set[int]:
    """Sides whose actors or own lines hold a word beginning with the stem of one of the name's
    capitalised words (`Kurdish` -> Patriotic Union of Kurdistan, `Iraqi Government` -> Iraqi security
    forces, `Hadi government` -> Security Forces (pro-Hadi)); generic words (`Government`) link nothing."""
    words = [w for w in re.findall(r"[A-Z][\w'’]+", name) if w.casefold() not in _FOR_GOVERNMENT | _AGAINST_GOVERNMENT]
    sides: set[int] = set()
    for word in words:
        pattern = re.compile(rf"(?<![\w]){re.escape(_stem(word))}", re.IGNORECASE)
        for number in sorted(set(belligerents) | set(hints)):
            texts = [a.name for a in belligerents.get(number, [])] + hints.get(number, [])
            if any(pattern.search(text) for text in texts):
                sides.add(number)
    return sides


def _units_side(name: str, belligerents: dict[int, list[Actor]]) -> set[int]:
    """With two sides, one holding a state the name does not match and the other only military
    units (their flags lost: `8th Army`), a state's name or demonym names the units' side
    (`German victory` with `8th Army` against the Russian Empire)."""
    if len(belligerents) != 2 or not re.match(r"^[A-Z]", name) or is_generic(name):
        return set()
    states = {n for n, actors in belligerents.items() if any(entry_type(a.name) == "state" for a in actors)}
    # a side of units only, or (for a state's name) one left empty
    units = {n for n, actors in belligerents.items()
             if all(_UNIT.search(a.name) for a in actors) and (actors or country_mention(name) is not None)}
    if len(states) == 1 and len(units) == 1 and states != units:
        return units
    return set()


def outcome_side(outcome: Outcome, belligerents: dict[int, list[Actor]], hints: dict[int, list[str]]) -> int | None:
    """The side the claimants name (all that link must agree); with only a loser named and two
    sides, the other side."""
    if outcome.claimants:
        sides = {claimant_side(name, belligerents, hints) for name in outcome.claimants} - {None}
        return sides.pop() if len(sides) == 1 else None
    losers = {claimant_side(name, belligerents, hints) for name in outcome.losers} - {None}
    if len(losers) == 1 and len(belligerents) == 2:
        return next(n for n in belligerents if n not in losers)
    return None
