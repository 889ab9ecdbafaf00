"""The article's party inventory from the lead's event frame, merged with the infobox sides.

Reads: the lead's first sentences, parsed with named entities; the actor mentions found in them
(`prose.mentions.actor_mentions`); the infobox sides. Writes: sides as `{number: [Actor]}`. The event
frame (`lead_frame`) gives the roles; a side it leaves empty is completed from the kinds of the
other parties the lead names (a state's forces face an armed group). Parties found are merged into
the infobox sides by the shared name rule — never duplicated — and fill a side that is empty or
missing (an attack infobox that names only its perpetrators still gets the attacked force).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .geo import country_mention
from .lead_frame import roles, within
from .names import names_match
from .records import Actor
from .sides import actor_kind, described_kind

def lead_frame_sides(docs: list[tuple[Doc, int]], mentions_of) -> dict[int, list[Actor]]:
    """Sides from the first event frame of the lead that names a party in both roles.

    `docs` are (parsed sentence, offset in the article); `mentions_of(doc, offset)` gives the
    actor mentions of that sentence with article offsets."""
    doers: list[Actor] = []
    done: list[Actor] = []
    for doc, offset in docs:
        mentions = mentions_of(doc, offset)
        for one, two in roles(doc):
            first = within(mentions, one, offset) if one is not None else []
            second = within(mentions, two, offset) if two is not None else []
            second = [a for a in second if not any(_same(a, b) for b in first)]
            if first and second and not doers and not done:
                return {1: _unique(first), 2: _unique(second)}
            if first and not doers:
                doers = first
            if second and not done:
                done = second
        if doers and done:
            break
    done = [a for a in done if not any(_same(a, b) for b in doers)]
    if doers and done:
        return {1: _unique(doers), 2: _unique(done)}
    if doers:
        return {1: _unique(doers)}
    if done:
        return {2: _unique(done)}  # only the attacked are named (`jihadists attacked Burkinabe troops`)
    return {}


def complete_by_kind(found: dict[int, list[Actor]], named: list[Actor], text: str) -> dict[int, list[Actor]]:
    """Sides the event frame left empty, from the kinds of the other parties the lead names: a
    state's forces face an armed group. With no frame, the lead's states and armed groups make the
    two sides (`Bangladesh Army commandos ended the standoff` against `JMB`); with one side framed,
    the parties of the other kind make the other side. Parties of no known kind are left out."""
    def kind(actor: Actor) -> str | None:
        if country_mention(actor.name.split(" (")[0]) is not None or actor_kind(actor) == "state":
            return described_kind(text, [actor]) or "state"
        if actor_kind(actor) in ("jihadist", "rebel"):
            return "group"
        return described_kind(text, [actor])

    if len(found) >= 2:
        return found
    placed = [a for actors in found.values() for a in actors]
    free = _unique([a for a in named if not any(_same(a, b) for b in placed)])
    kinds_of = [(a, kind(a)) for a in free]  # each party's kind read once: it scans the article
    by_kind = {k: [a for a, found_kind in kinds_of if found_kind == k] for k in ("state", "group")}
    if not found:
        if by_kind["state"] and by_kind["group"]:
            return {1: by_kind["state"], 2: by_kind["group"]}  # numbered by first mention later
        return {}
    number, actors = next(iter(found.items()))
    kinds = {kind(a) for a in actors} - {None}
    if len(kinds) != 1:
        return found
    other = by_kind["group" if kinds == {"state"} else "state"]
    return {**found, 3 - number: other} if other else found


def by_first_mention(sides: dict[int, list[Actor]], text: str) -> dict[int, list[Actor]]:
    """Sides renumbered in the order the article first names them (articles with no infobox)."""
    def first(actors: list[Actor]) -> int:
        places = [text.find(name) for a in actors for name in (a.name, a.abbreviation) if name and text.find(name) >= 0]
        return min(places, default=len(text))

    ordered = sorted(sides.values(), key=first)
    return {number: actors for number, actors in enumerate(ordered, start=1)}


def _unique(actors: list[Actor]) -> list[Actor]:
    kept: list[Actor] = []
    for actor in actors:
        if not any(_same(a, actor) for a in kept):
            kept.append(actor)
    return kept


def _same(a: Actor, b: Actor) -> bool:
    return names_match(a.name, b.name) or bool(
        a.abbreviation and (names_match(a.abbreviation, b.name) or a.abbreviation == b.abbreviation)
        or b.abbreviation and names_match(b.abbreviation, a.name)
    )


def merge_sides(known: dict[int, list[Actor]], found: dict[int, list[Actor]], attack: bool) -> dict[int, list[Actor]]:
    """The infobox sides with the lead's parties merged in: a found side that shares a party with
    an infobox side adds its other parties there; one that shares none fills an empty or missing
    side. Returns only the sides that changed."""
    changed: dict[int, list[Actor]] = {}
    unmatched: list[list[Actor]] = []
    for actors in found.values():
        owners = {n for n, have in known.items() for a in actors for b in have if _same(a, b)}
        if len(owners) == 1:
            number = owners.pop()
            have = changed.get(number, known[number])
            extra = [a for a in actors if not any(_same(a, b) for n, side in known.items() for b in side)]
            if extra:
                changed[number] = have + extra
        elif not owners:
            unmatched.append(actors)
    empty = [n for n, have in sorted(known.items()) if not have]
    if attack and 2 not in known and unmatched and 1 in known and known[1]:
        empty.append(2)
    if len(unmatched) == 1 and len(empty) == 1:
        changed[empty[0]] = unmatched[0]
    elif len(unmatched) == 2 and len(empty) == 2:
        changed[empty[0]], changed[empty[1]] = unmatched[0], unmatched[1]
    return changed


def attacked_forces(mentions: list[Actor], perpetrators: list[Actor]) -> list[Actor]:
    """For an attack whose lead names only the perpetrators' role: the state forces it names."""
    return _unique([a for a in mentions if actor_kind(a) == "state" and not any(_same(a, p) for p in perpetrators)])
