"""Parties: belligerent and commander entries, typed, and sides rebuilt when flags were lost.

Reads: normalised Combatant / Perpetrators / Target / Units / Commander values, the Result, and
the lead sentence with its `Long Form (ABBR)` definitions. Writes: `Actor`s and `Commander`s;
`entry_type` types an entry as `person`, `organisation`, `state`, `place` or `civilians` (sides
whose flags were lost are rebuilt in `rebuild`). Pure functions: nothing here reads beyond its
arguments.
"""

from __future__ import annotations

import re

from ..geo import country_by_demonym, country_by_name, country_mention
from ..names import Definition, resolve_actor
from ..records import Actor, Commander
from .. import vocabulary
from .items import split_items
from .normalise import normalise

_PARENS = re.compile(r"(?<!\s)\s?\((?P<inner>[^()]{0,200})\)")
_UNNAMED_LEADERS = re.compile(
    r"\b(?:unidentified|unknown|unnamed)\b[^|]{0,60}?\b(?:commanders|leaders|officers|emirs)\b", re.IGNORECASE
)
_FATE_SUFFIX = re.compile(r"(?<!\s)\s?(?P<fate>KIA|POW|WIA|MIA|†)\s?$")
_FATES = {"KIA": "killed", "†": "killed", "POW": "captured", "WIA": "wounded", "MIA": None}
# an entry that says no party is named: `No specific units`, `Unknown units`, `None reported`
_NOTHING = re.compile(
    r"^(?:(?:no|none|unknown|unidentified|unspecified|not)\b(?:\s+(?:specific|known|other|identified|"
    r"reported|named|specified|units?|groups?|forces|commanders?|leaders?|information|data))*|"
    r"n/?a|-+|\?|various|unclear|several|many)$",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^(?:supported\s+by|support|allies|allied\s+with|in\s+support|backed\s+by|"
                    r"non-state\s+combatants|foreign\s+supporters|[A-Z][\w ]{0,30}groups?|"
                    r"(?:per|according\s+to|claimed\s+by|alleged(?:ly)?(?:\s+by)?)(?:\s[^:,]{1,40})?)\s?:\s?", re.IGNORECASE)
_RANK = re.compile(
    r"^(?:gen|lt|col|maj|capt?|cpt|brig|sgt|adm|cmdr|com|cdr|gov|pres|president|general|colonel|captain|"
    r"major|lieutenant|sheikh|emir|commander|prime\s+minister|minister|king|sultan|imam|mullah|maulavi|"
    r"field\s+marshal|marshal|admiral|dr|mr)\.?\s", re.IGNORECASE,
)
_ORG_WORDS = re.compile(
    r"\b(?:army|forces?|brigade|battalion|regiment|division|corps|company|police|guard|militia|front|"
    r"movement|party|group|organi[sz]ation|council|alliance|coalition|state|government|ministry|navy|"
    r"air\s+force|marines|units?|command|mission|league|union|congress|committee|liberation|islamic|"
    r"al-|ansar|jama|boko|haram|taliban|qaeda|shabaab|hezbollah|hamas|isis|isil|daesh|wing|squad|"
    r"service|gendarmerie|legion|federation|republic|kingdom|empire|emirate|caliphate|province|"
    r"agency|bureau|cell|network|faction|rebels|insurgents|fighters|troops|soldiers|mercenaries)\b",
    re.IGNORECASE,
)
_PLACE_WORDS = re.compile(
    r"\b(?:base|camp|barracks|hotel|bank|school|university|college|mosque|church|temple|synagogue|"
    r"market|station|airport|embassy|consulate|hospital|village|town|city|street|st\.|ave\.?|avenue|"
    r"square|building|office|offices|headquarters|restaurant|bar|club|mall|shopping|stadium|parade|"
    r"bus|train|convoy|checkpoint|post|outpost|compound|residence|house|palace|parliament|court|"
    r"prison|jail|bridge|road|highway|port|harbour|harbor|pipeline|plant|factory|mine)\b",
    re.IGNORECASE,
)
_CIVILIAN_WORDS = re.compile(
    r"\b(?:civilians?|students|pupils|worshippers|villagers|residents|passengers|pilgrims|tourists|"
    r"christians|muslims|jews|hindus|sikhs|shia|shiites?|sunnis?|yazidis|journalists|children|women|"
    r"people|population|minority|minorities|farmers|workers|spectators|crowd|protesters|voters)\b",
    re.IGNORECASE,
)


# States no longer on the map, named by their form of government: `Russian Empire`, `Kingdom of
# Prussia`, `Chechen Republic of Ichkeria`, `Sultanate of Oman`.
_STATE_FORMS = r"(?:Empire|Kingdom|Sultanate|Caliphate|Khanate|Republic|Emirate|Confederation|Principality|Duchy|Dynasty|Shogunate|Tsardom)"
_HISTORICAL_STATE = re.compile(
    rf"^(?:(?:[A-Z][\w'’-]+\s){{1,3}}{_STATE_FORMS}(?:\sof(?:\s[A-Z][\w'’-]+){{1,3}})?|{_STATE_FORMS}\sof(?:\sthe)?(?:\s[A-Z][\w'’-]+){{1,3}})$"
)


def entry_type(text: str) -> str:
    """`person`, `organisation`, `state`, `place` or `civilians` for one entry of a party line."""
    text = text.strip()
    if country_by_name(text) is not None or _HISTORICAL_STATE.match(text) and "People's" not in text:
        return "state"
    if _RANK.match(text) or _FATE_SUFFIX.search(text):
        return "person"
    if _CIVILIAN_WORDS.search(text) and not _ORG_WORDS.search(text):
        return "civilians"
    if _PLACE_WORDS.search(text):
        return "place" if not re.search(r"\b(?:army|forces|military|police|guard)\b", text, re.I) else "organisation"
    if _ORG_WORDS.search(text) or re.fullmatch(r"[A-Z][A-Z0-9&.\-]{1,12}", text) or any(
        country_by_demonym(w) for w in text.split()[:2]
    ):
        return "organisation"
    if re.search(r"\s(?:bin|ibn|ben|ag|ould|wuld)\s", text, re.IGNORECASE) or re.match(r"^abu\s", text, re.IGNORECASE):
        return "person"  # `Iyad Ag Ghaly`, `Mokhtar ould Belmokhtar`: name particles only persons carry
    return "organisation"  # without a rank, a fate or a particle a name is not taken for a person


def _entries(value: str) -> list[str]:
    out = []
    for item in split_items(normalise(value, separator=",").text, 0, ",;"):
        text = _LABEL.sub("", item.text.strip(" *•"))
        if "(non-combatant" in text.lower():
            continue  # the infobox itself says this party did not fight
        out.append(text)
    return out


def parse_belligerents(value: str, definitions: list[Definition], keep_persons: bool = True) -> list[Actor]:
    actors: list[Actor] = []
    for text in _entries(value):
        abbreviation = None
        for paren in _PARENS.finditer(text):
            inner = paren.group("inner").strip()
            if re.fullmatch(r"[A-Z][A-Za-z0-9&.\-]{0,14}[A-Z0-9]", inner):
                abbreviation = inner
        # `Security Forces (pro-Hadi)` and `(pro-Saleh)` are two parties: the allegiance stays
        text = _PARENS.sub(lambda m: m.group(0) if re.match(r"\s?\((?:pro|anti)-", m.group(0)) else "", text).strip(" ,:")
        if not text or _NOTHING.match(text) or not re.search(r"[A-Za-z]", text):
            continue
        for part in _split_and(text):
            if not keep_persons and entry_type(part) == "person":
                continue
            name, abbr = resolve_actor(part.strip(), definitions)
            if abbr is None and abbreviation is not None:
                abbr = abbreviation
            if not any(a.name.casefold() == name.casefold() for a in actors):
                actors.append(Actor(name=name, abbreviation=abbr))
    return actors


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
    staff = re.compile(r"\b(?:officials|officers|agents|authorities|customs|guards|personnel)\b", re.IGNORECASE)
    if ((_ORG_WORDS.search(left) or staff.search(left)) and (_ORG_WORDS.search(right) or staff.search(right))
            and len(left.split()) > 1 and len(right.split()) > 1):
        return parts  # `Police Force and Customs Officials`: two bodies, each named in full
    return [name]


def parse_commanders(value: str) -> list[Commander]:
    value = _UNNAMED_LEADERS.sub("", normalise(value, separator=",").text)
    commanders: list[Commander] = []
    for item in split_items(value, 0, ",|;"):
        text = _PARENS.sub("", item.text).strip(" ,*•")
        fate = None
        suffix = _FATE_SUFFIX.search(text)
        if suffix:
            fate = _FATES[suffix.group("fate")]
            text = text[: suffix.start()].strip()
        if not text or _NOTHING.match(text) or not re.search(r"[A-Za-z]", text):
            continue
        commanders.append(Commander(name=text, fate=fate))
    return commanders


_PERSON_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,3}")


def named_as_person(name: str, context: str) -> bool:
    """`Abubakar Shekau` in a Perpetrators line is a person when the article calls him one: `led by
    Abubakar Shekau`, `Shekau's`, `Abubakar Shekau, the group's leader`. Only a plain two-to-four
    word name without organisation, place or country words is looked for."""
    if not context or not _PERSON_NAME.fullmatch(name) or _ORG_WORDS.search(name) or _PLACE_WORDS.search(name):
        return False
    if any(country_mention(word) for word in name.split()):
        return False
    last = re.escape(name.split()[-1])
    full = re.escape(name)
    role = r"(?:leader|commander|chief|emir|head|founder|spokesman|mastermind|gunman|bomber|attacker)"
    return re.search(
        rf"\b(?:led\s+by|under|leader|commander|emir|chief)\W+(?:\w+\W+){{0,3}}?{full}\b|"
        rf"\b{full},?\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w'’]+\s+){{0,2}}{role}\b|\b{last}['’]s\s+(?!\w+\s+(?:group|movement|army))\w+",
        context,
    ) is not None


def persons_and_actors(value: str, definitions: list[Definition], context: str = "") -> tuple[list[Actor], list[Commander]]:
    """A Perpetrators line may list persons: they are that side's commanders, not actors. A person
    is told by a rank or fate, or by what the article (`context`, the lead) says of the name."""
    actors, commanders = [], []
    for actor in parse_belligerents(value, definitions):
        if (entry_type(actor.name) == "person" or named_as_person(actor.name, context)) and actor.abbreviation is None:
            commanders.append(Commander(name=actor.name))
        elif entry_type(actor.name) in ("place", "civilians"):
            continue
        else:
            actors.append(actor)
    return actors, commanders


def target_actors(value: str, definitions: list[Definition]) -> list[Actor]:
    """The armed party a Target names (`Nigerian Army base` -> Nigerian Army); places and civilians
    give no actor."""
    actors = []
    for actor in parse_belligerents(value, definitions):
        kind = entry_type(actor.name)
        if kind in ("organisation", "state") and not _CIVILIAN_WORDS.search(actor.name):
            actors.append(actor)
        elif kind == "place" and re.search(r"\b(?:army|military|police|forces|guard)\b", actor.name, re.I):
            force = re.split(r"\s(?:base|camp|barracks|post|outpost|checkpoint|station|headquarters|convoy)\b", actor.name, flags=re.I)[0]
            actors.append(Actor(name=force.strip()))
    return actors


def is_civilian_target(value: str) -> bool:
    return bool(value.strip()) and all(entry_type(e) in ("place", "civilians") for e in _entries(value) if e.strip())


__all__ = ["entry_type", "parse_belligerents", "parse_commanders", "persons_and_actors", "target_actors", "vocabulary"]
