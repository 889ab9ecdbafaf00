"""The lead's event frame: which phrases of a parsed sentence stand in the two roles of the event,
and which parties each phrase names.

Reads: one parsed sentence (tree and named entities) and the actor mentions found in it. Writes:
`roles(doc)`, (side 1 phrase, side 2 phrase) pairs, best first — the agent and patient of attack /
ambush / kill / raid verbs, `between X and Y`, `X against Y`, `repelled by X`, `X launched an
assault on Y`, role nouns (`the defenders were X`); and `within(mentions, phrase, offset)`, the
parties a phrase names (its mentions, else the proper-noun run that heads it), places left out.
Pure functions.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from .geo import country_mention
from .records import Actor

_EVENT_VERBS = {
    "attack", "ambush", "assault", "raid", "storm", "overrun", "besiege", "target", "strike", "bomb",
    "kill", "massacre", "shell", "engage", "surround", "capture", "seize", "hit", "invade", "defeat", "rout",
}
_MUTUAL = {"fight", "clash", "battle", "skirmish", "exchange", "engage", "struggle", "contest"}
_DEFENCE_VERBS = {"repel", "repulse", "defend", "resist", "counter", "defeat"}
_DRIVEN_OFF = {"drive", "beat", "push", "fight", "force", "chase"}  # with `off`, `back`, `away`, `out`: a defence
_BETWEEN_NOUNS = {"battle", "clash", "fighting", "fight", "engagement", "confrontation", "conflict", "war", "skirmish", "firefight", "exchange", "combat"}


def _span(token: Token) -> list[tuple[int, int]]:
    """The character spans of the tokens of a role's phrase, without the phrases coordinated with
    it (`X and Y`: Y's tokens are not X's, even when the parser hung Y on a name inside X)."""
    heads = [token] + [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    cut = {t.i for h in heads for c in h.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [(t.idx, t.idx + len(t.text)) for t in token.subtree if t.i not in cut]


def _is_place(token: Token) -> bool:
    """A phrase naming a place: a place noun heads it or stands in apposition to it (`Bangassou,
    chief town of …`, `Sultan Yacoub, a village`), or ends its proper name (`Holey Artisan Bakery`)."""
    if token.lemma_.lower() in _PLACE_NOUNS or token.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS | _INSTALLATIONS for c in token.children)


_PLACE_LABELS = {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_TITLES = {"president", "general", "colonel", "minister", "commander", "leader", "captain", "major", "lieutenant", "king", "emir", "sheikh"}


_PLACE_NOUNS = {
    "favela", "village", "town", "city", "district", "neighbourhood", "neighborhood", "market", "hotel", "square",
    "street", "road", "mosque", "church", "school", "university", "hospital", "bank", "camp", "compound", "area",
    "region", "province", "valley", "airport", "station", "parade", "rehearsal", "bus", "restaurant", "bakery",
    "café", "cafe", "capital", "locality", "prefecture", "mall", "stadium", "banco", "building", "college", "campus",
    "dormitory", "hostel", "theatre", "theater", "cinema", "nightclub", "club", "shrine", "temple", "synagogue",
}  # a military installation (`an army base`, `barracks`) is no place here: it names its force


_INSTALLATIONS = {"base", "outpost", "post", "barracks", "camp", "garrison", "checkpoint", "fort", "headquarters", "position"}


def _names_a_place(name: str) -> bool:
    """`Holey Artisan Bakery`, `Banco de Crédito del Perú`: a name whose first or last word is a place noun."""
    words = name.casefold().split()
    return bool(words) and (words[-1] in _PLACE_NOUNS | _INSTALLATIONS or words[0] in _PLACE_NOUNS)


def within(mentions, role: Token, offset: int) -> list[Actor]:
    """Parties named in the role's phrase; failing that, the proper-noun run that heads it
    (`Ansar al-Sharia`), whatever label the entity recogniser gave it, unless a place or a person
    with a title. A place (`the Jacarezinho favela`, `a market`) names no party."""
    if _is_place(role):
        return []
    installation = role.lemma_.lower() in _INSTALLATIONS  # `an army base`, `Combat Outpost Keating`
    kept = _span(role)
    inside = [m for m in mentions if any(a <= m.start - offset < b for a, b in kept)
              and any(a < m.end - offset <= b for a, b in kept)]
    found = [m.actor for m in inside if not _names_a_place(m.actor.name)]
    if installation:
        return found  # the force it names, if any; the installation's own name is no party
    if role.pos_ == "NOUN" or role.pos_ == "PROPN" and role.text.islower():  # `the jihadist group` tagged PROPN
        # `Ansarul Islam fighters`: the proper-noun run naming whose fighters they are, whatever
        # label the entity recogniser gave it (a place such as `Tamsala road` is left out)
        run = []
        for token in reversed(list(role.lefts)):
            if token.dep_ == "compound" and token.pos_ == "PROPN" and token.i == (run[0].i - 1 if run else role.i - 1):
                # with the compound's own name words (`Viet` of `Viet Cong guerrillas`)
                run[:0] = [t for t in token.subtree if t.pos_ == "PROPN" or t.text == "-"]
            elif run:
                break
        if len(run) == 1 and re.search(r"ist$|ian$", run[0].lower_) and not country_mention(run[0].text):
            run = []  # `the Maoist insurgents of …`: an ideology, not whose they are
        for child in role.rights:
            if run:
                break
            # `fighters of Ansarul Islam`, `the jihadist group Ansarul Islam`: the name after it
            objects = ([c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" and child.lower_ == "of"
                       else [child] if child.dep_ == "appos" else [])
            if objects and objects[0].pos_ == "PROPN":
                run = _name_tokens(objects[0])
        named_run = [m for m in inside if run and m.start - offset <= run[-1].idx and m.end - offset >= run[0].idx]
        if run and not named_run and not any(t.ent_type_ in _PLACE_LABELS for t in run):
            # the run names whose they are, unless a party found already covers it; other parties
            # the phrase names (`acting with AQIM`) stay
            doc = role.doc
            name = doc.text[run[0].idx:run[-1].idx + len(run[-1].text)]
            country = country_mention(name)  # `Nigerien peacekeepers`: a demonym names a state
            return [Actor(name=country.name if country else name)] + found
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


def _name_tokens(head: Token) -> list[Token]:
    """The capitalised words that end at a proper noun, its name (`Shining Path` though the
    tagger made `Shining` a verb, `Ansar al-Sharia`)."""
    words = [t for t in head.subtree if t.i <= head.i]
    run: list[Token] = []
    for token in reversed(words):
        if token.i != (run[0].i - 1 if run else head.i) or not (token.text[:1].isupper() or token.text in "-'’" or token.lower_ in ("al", "el", "ul")):
            break
        run.insert(0, token)
    return run


def roles(doc: Doc) -> list[tuple[Token, Token]]:
    """(side 1 phrase, side 2 phrase) pairs the sentence's event frame gives, best first."""
    pairs = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.lower_ == "between" and token.head.lemma_.lower() not in _BETWEEN_PLACES:
            # `fought … between X and Y`, whatever the parser hung `between` on (`the night of …
            # between`); a border or road between two places names no parties
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects and objects[0].conjuncts:
                pairs.append((objects[0], objects[0].conjuncts[0]))
        if lemma in _ROLE_NOUNS and token.dep_ in ("nsubj", "nsubjpass"):
            # `the town's defenders were X`, `the attackers were X`, `the assailants, believed to
            # belong to X`: the party a role noun is said to be
            named = [c for c in token.head.children if c.dep_ in ("attr", "oprd")] if token.head.lemma_ == "be" else []
            said_of = [c for c in token.children if c.dep_ in ("acl", "relcl", "appos")]
            if token.dep_ == "nsubj" and token.head.lemma_ in _BELIEF_VERBS:
                said_of.append(token.head)  # `the assailants, thought to belong to X, …` parsed as `assailants thought`
            named += [g for c in said_of
                      for t in c.subtree if t.dep_ == "prep" and t.lower_ in ("to", "of") and t.head.lemma_ in ("belong", "member")
                      for g in t.children if g.dep_ == "pobj"]
            for party in named[:1]:
                pairs.append((party, None) if _ROLE_NOUNS[lemma] == 1 else (None, party))
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
        driven = lemma in _DRIVEN_OFF and any(c.dep_ == "prt" and c.lower_ in ("off", "back", "away", "out") for c in token.children)
        if driven:
            lemma = "repel"
        if token.pos_ == "VERB" and lemma in _EVENT_VERBS | _DEFENCE_VERBS:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
            agents = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            doer = (subjects or agents or [None])[0]
            done = (objects or [None])[0]
            if doer is not None and done is not None:
                pairs.append((done, doer) if lemma in _DEFENCE_VERBS else (doer, done))
            elif lemma in _DEFENCE_VERBS and agents:
                pairs.append((None, agents[0]))  # `… were driven off by Y`: Y defended
        if token.pos_ == "NOUN" and lemma in _EVENT_VERBS | _EVENT_NOUNS:
            by = _agents_of_event(token)
            if token.dep_ == "dobj" and token.head.lemma_.lower() in _LIGHT_VERBS:
                # `X launched an assault on Y`, `X carried out the raid`: the subject did it
                by += [c for c in token.head.children if c.dep_ == "nsubj"]
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


_BELIEF_VERBS = {"think", "believe", "suspect", "say", "report", "claim", "assume", "presume", "allege"}
_LIGHT_VERBS = {"launch", "carry", "mount", "stage", "conduct", "make", "begin", "start", "lead", "claim", "execute",
                "perpetrate", "commit", "spearhead", "initiate", "unleash"}
_BETWEEN_PLACES = {"border", "frontier", "boundary", "road", "highway", "area", "region", "zone", "line", "corridor",
                   "distance", "way", "route", "towns", "cities", "villages"}
# nouns for those in one role of the event: 1 the attackers, 2 the attacked
_ROLE_NOUNS = {"attacker": 1, "assailant": 1, "perpetrator": 1, "gunman": 1, "raider": 1, "bomber": 1,
               "defender": 2, "garrison": 2, "victim": 2}
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
