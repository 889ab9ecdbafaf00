"""One item of a figure line: the counts it holds and the figure each count and its words give.

Reads: the text of one item (notes in brackets blanked), and what the line's key says of it
(`LineContext`). Writes: `(QuantityRead, words)` pairs (`counts`), a `Figure` or None for one count
(`figure_of`: people are figures; vehicles are strength or nothing; other things, such as
`3,000 displaced` or `40 vehicles destroyed`, nothing), the men a count of formations holds
(`formation_size`), and the parts in brackets that are claims of their own (`parts`). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocabulary
from ..records import Evidence, Figure
from .quantity import QuantityRead, read_quantity

NOTE = re.compile(r"\((?P<inner>[^()]{0,200})\)")

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
DESIGNATION = re.compile(r"\b[A-Z][A-Za-z]{0,4}\s?[-—–]\s?\d{1,4}[A-Za-z]{0,3}\b")
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


_NEXT = re.compile(r"(?:\band\s|[;&]\s?|\s)(?=\S)")


def counts(text: str) -> list[tuple[QuantityRead, str]]:
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


def silent(rest: str) -> bool:
    """Counts of other things (vehicles lost, people displaced, weapons) pass without a warning."""
    return bool(vocabulary.vehicle_word(rest) or _OTHER_THINGS.search(rest)
                or re.match(r"^\s*(?:%|percent|per\s?cent)", rest))


# Members of a named force or people (`8 Gurkhas`, `2 Army Rangers`, `43 Guardsmen`): a capitalised
# plural, no type designation (`T-72s`) and nothing else counted.
_NAMED_PEOPLE = re.compile(r"^(?:[A-Z][a-z]+\s)?[A-Z][a-z]{2,}(?:s|men)$")
FORMATION = re.compile(
    r"\b(?:divisions?|brigades?|battalions?|regiments?|corps|squadrons?|companies|platoons?|fleets?|armies)\b"
    r"|\b\d+(?:st|nd|rd|th)\b", re.IGNORECASE,
)
_TIMES = re.compile(r"^\s?[x×]\s")  # `42 x Centurion Mk.VIIs`: so many of a type
_PLACE_TAIL_LOWER = re.compile(r"\s(?:in|at)\s+the\s+[a-z][\w -]{0,60}$")  # `300 in the airport garrison`


def figure_of(read: QuantityRead, rest: str, context: LineContext, group: str | None, total: bool) -> Figure | None:
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
        if FORMATION.search(rest) and not re.search(r"\b(?:members|agents|men|soldiers|troops|personnel)$", rest):
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


def formation_size(text: str, read: QuantityRead, context: LineContext) -> Figure | None:
    """The personnel a parenthesis after a count of formations gives, when it holds a bare count."""
    note = NOTE.search(text, read.end)
    inner = read_quantity(note.group("inner").strip()) if note else None
    if inner is None or note.group("inner").strip()[len(inner.text):].strip():
        return None
    return figure_of(inner, "", context, None, False)


def parts(text: str, whole: Figure, context: LineContext) -> list[Figure]:
    """Parts in a parenthesis after the count whose side or group differs from the whole's: their
    own claims (`52 dead (22 civilians)`; in an attack, `32 (+2 perpetrators)`)."""
    figures = []
    for note in NOTE.finditer(text):
        inner = _PART_LEAD.sub(lambda m: " " * len(m.group(0)), note.group("inner"))
        for read, rest in counts(inner.strip()):
            if vocabulary.is_civilian(rest):
                side, group = None, "civilians"
            elif context.attack and _ATTACKERS.search(rest):
                side, group = 1, "combatants"
            elif context.attack and _FORCES.search(rest):
                side, group = 2, "combatants"
            else:
                continue
            if (side, group) == (whole.side, whole.group):
                continue
            category = vocabulary.category_of_words(rest) or whole.category
            figures.append(whole.model_copy(update={
                "side": side, "group": group, "category": category, "low": read.low, "high": read.high,
                "approximate": read.approximate,
            }))
    return figures


_PART_LEAD = re.compile(r"^(?:including|incl\.?|of\s+whom)\s+", re.IGNORECASE)
