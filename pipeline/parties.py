"""The article's party inventory from the lead's event frame, merged with the infobox sides.

Reads: the lead's first sentences, parsed with named entities; the actor mentions found in them
(`prose.mentions.actor_mentions`); the infobox sides. Writes: sides as `{number: [Actor]}`. The event
frame gives the roles: the agent and patient of attack / ambush / kill / raid verbs, `between X
and Y`, `X against Y`, `repelled by X`, `clashes between`. Parties found are merged into the
infobox sides by the shared name rule — never duplicated — and fill a side that is empty or
missing (an attack infobox that names only its perpetrators still gets the attacked force).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .names import names_match
from .records import Actor
from .sides import actor_kind

_EVENT_VERBS = {
    "attack", "ambush", "assault", "raid", "storm", "overrun", "besiege", "target", "strike", "bomb",
    "kill", "massacre", "shell", "engage", "surround", "capture", "seize", "hit", "invade", "defeat", "rout",
}
_MUTUAL = {"fight", "clash", "battle", "skirmish", "exchange", "engage", "struggle", "contest"}
_DEFENCE_VERBS = {"repel", "repulse", "defend", "resist", "counter", "defeat"}
_BETWEEN_NOUNS = {"battle", "clash", "fighting", "fight", "engagement", "confrontation", "conflict", "war", "skirmish", "firefight", "exchange", "combat"}


def _span(token: Token) -> tuple[int, int]:
    tokens = list(token.subtree)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


_PLACE_LABELS = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_TITLES = {"president", "general", "colonel", "minister", "commander", "leader", "captain", "major", "lieutenant", "king", "emir", "sheikh"}


_PLACE_NOUNS = {
    "favela", "village", "town", "city", "district", "neighbourhood", "neighborhood", "market", "hotel", "square",
    "street", "road", "mosque", "church", "school", "university", "hospital", "bank", "camp", "compound", "area",
    "region", "province", "valley", "airport", "station", "parade", "rehearsal", "bus", "restaurant", "bakery",
}


def _within(mentions, role: Token, offset: int) -> list[Actor]:
    """Parties named in the role's phrase; failing that, the proper-noun run that heads it
    (`Ansar al-Sharia`), whatever label the entity recogniser gave it, unless a place or a person
    with a title. A place (`the Jacarezinho favela`, `a market`) names no party."""
    if role.lemma_.lower() in _PLACE_NOUNS:
        return []
    start, end = _span(role)
    inside = [m for m in mentions if start <= m.start - offset and m.end - offset <= end]
    found = [m.actor for m in inside]
    if role.pos_ == "NOUN" and not found:
        # `Ansarul Islam fighters`: the proper-noun run naming whose fighters they are, whatever
        # label the entity recogniser gave it (a place such as `Tamsala road` is left out)
        run = []
        for token in reversed(list(role.lefts)):
            if token.dep_ == "compound" and token.pos_ == "PROPN" and token.i == (run[0].i - 1 if run else role.i - 1):
                run.insert(0, token)
            elif run:
                break
        if not run:  # `Fighters of Ansarul Islam`
            for prep in role.rights:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    objects = [c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
                    if objects:
                        run = [t for t in objects[0].subtree if t.pos_ == "PROPN" or t.text == "-"]
        if run and not any(t.ent_type_ in _PLACE_LABELS for t in run):
            doc = role.doc
            return [Actor(name=doc.text[run[0].idx:run[-1].idx + len(run[-1].text)])]
        return found
    if role.pos_ != "PROPN" or role.ent_type_ in _PLACE_LABELS:
        return found
    if any(m.start - offset <= role.idx < m.end - offset for m in inside):
        return found
    run = [t for t in role.lefts if t.dep_ in ("compound", "punct", "amod") and (t.pos_ == "PROPN" or t.text in "-")] + [role]
    run = [t for t in run if t.i >= min(r.i for r in run if r.pos_ == "PROPN")]
    if any(t.lower_ in _TITLES for t in role.lefts) or any(t.lower_ in _TITLES for t in [role.head]):
        return []
    doc = role.doc
    name = doc.text[run[0].idx:role.idx + len(role.text)]
    return ([Actor(name=name)] if len(name) > 2 else []) + found


def _roles(doc: Doc) -> list[tuple[Token, Token]]:
    """(side 1 phrase, side 2 phrase) pairs the sentence's event frame gives, best first."""
    pairs = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.lower_ == "between" and token.head.lemma_.lower() in _BETWEEN_NOUNS | {"fight", "break", "erupt", "take"}:
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects and objects[0].conjuncts:
                pairs.append((objects[0], objects[0].conjuncts[0]))
        if token.lower_ in ("against", "versus") and token.dep_ == "prep":
            objects = [c for c in token.children if c.dep_ == "pobj"]
            head = token.head
            agents = [c for c in head.children if c.dep_ == "nsubj"] if head.pos_ == "VERB" else [head]
            if objects and agents:
                pairs.append((agents[0], objects[0]))
        if token.pos_ == "VERB" and lemma in _MUTUAL:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].conjuncts:  # `X and Y fought for control of …`
                pairs.append((subjects[0], subjects[0].conjuncts[0]))
            partners = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            if subjects and partners:  # `X clashed with Y`
                pairs.append((subjects[0], partners[0]))
        if token.pos_ == "VERB" and lemma in _EVENT_VERBS | _DEFENCE_VERBS:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            doer = (subjects or agents or [None])[0]
            done = (objects or [None])[0]
            if doer is not None and done is not None:
                pairs.append((done, doer) if lemma in _DEFENCE_VERBS else (doer, done))
        if token.pos_ == "NOUN" and lemma in _EVENT_VERBS | _EVENT_NOUNS:
            by = _agents_of_event(token)
            on = [
                g for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "against")
                for g in c.children if g.dep_ == "pobj" and g.lower_ != "behalf"
            ]
            pairs.extend((b, None) for b in by)
            pairs.extend((None, o) for o in on)
        if token.pos_ == "VERB" and lemma in _EVENT_VERBS and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _EVENT_NOUNS for c in token.children
        ):  # `the raid targeted the Comando Vermelho`
            pairs.extend((None, c) for c in token.children if c.dep_ == "dobj")
    return pairs


_EVENT_NOUNS = {"raid", "offensive", "attack", "bombing", "ambush", "assault", "operation", "massacre", "siege", "incursion"}


def _agents_of_event(noun: Token) -> list[Token]:
    """`an attack by X`, `an attack carried out by X`, `on behalf of X`, `claimed by X`."""
    found = []
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            found += [g for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "prep" and child.lower_ == "on":
            for b in child.children:
                if b.lower_ == "behalf":
                    found += [g for p in b.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            for grandchild in child.children:
                if grandchild.dep_ == "agent":
                    found += [g for g in grandchild.children if g.dep_ == "pobj"]
                if grandchild.dep_ == "prep" and grandchild.lower_ == "on":
                    behalf = [g for g in grandchild.children if g.lower_ == "behalf"]
                    for b in behalf:
                        found += [g for p in b.children if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return found


def lead_frame_sides(docs: list[tuple[Doc, int]], mentions_of) -> dict[int, list[Actor]]:
    """Sides from the first event frame of the lead that names a party in both roles.

    `docs` are (parsed sentence, offset in the article); `mentions_of(doc, offset)` gives the
    actor mentions of that sentence with article offsets."""
    doers: list[Actor] = []
    done: list[Actor] = []
    for doc, offset in docs:
        mentions = mentions_of(doc, offset)
        for one, two in _roles(doc):
            first = _within(mentions, one, offset) if one is not None else []
            second = _within(mentions, two, offset) if two is not None else []
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
    return {}


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
