"""Strength frames: counts that tell the size of a force.

Reads: tokens of a parsed sentence and the lexicon. Writes: `personnel` or `vehicles`, with the
force noun that sizes a bare count (`put the garrison at 200`, `a force of 300`). A force acts
(`40 assailants attacked`), is deployed, estimated, carried (`on six motorcycles`) or owned
(`the force had eleven tanks`); vehicles destroyed, captured or used to evacuate are not its size.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .categories import lemma_of
from .lexicon import lexicon
from .parse import text_of

# what people do that tells nothing of a force's size: leaving, dying, being
_NOT_FIGHTING = {"be", "have", "remain", "include", "escape", "flee", "defect", "desert", "surrender", "die", "survive", "return"}
# what a vehicle word before it does not make a vehicle: `two drone strikes`, `three tank battalions`
_NOT_VEHICLES = {"strike", "attack", "raid", "sortie", "operation", "mission", "flight", "crew", "battalion",
                 "unit", "company", "squadron", "driver", "pilot", "crash", "bombing", "shelling"}
# counts of formations, not of men: `two Russian armies`, `three battalions`
_FORMATIONS = {"army", "division", "brigade", "battalion", "regiment", "corps", "company", "platoon", "squadron", "unit"}
_VEHICLE_PREPS = {"on", "aboard", "in", "with", "by", "from", "onboard", "atop"}


_FORCE_PEOPLE = {"man", "men", "member", "personnel", "crew", "crewman", "reservist", "volunteer", "recruit"}
_ESTIMATING = {"make", "estimate", "put", "place", "give", "number", "total", "reach", "reconstruct", "describe", "count",
               "be", "have", "comprise", "include", "consist", "field", "muster", "deploy", "mass", "assess", "report"}


# A type designation: letters and digits in one word (`M113s`, `BRDM-2s`, `Mi-24`, `F-16`, `UH-1H`).
_DESIGNATION = re.compile(r"^[A-Z][A-Za-z]{0,5}-?\d{1,4}[A-Za-z]{0,3}(?:'?s)?$")


def _designation(token: Token) -> bool:
    if _DESIGNATION.match(token.text):
        return True
    # a name with a number in it: `Mirage 2000`, `Boeing 737`
    return token.pos_ == "PROPN" and any(
        c.like_num and c.dep_ in ("nummod", "compound") and c.i == token.i + 1 for c in token.children
    )


def is_equipment(noun: Token) -> bool:
    """Military equipment named by its type: the counted noun is a designation, or has one among its
    modifiers (`13 M113s`, `two Mirage 2000 fighters`, `five Mi-24 gunships`). Soldiers and fighters
    are never named by a model number, so the designation settles `fighters` as aircraft."""
    return _designation(noun) or any(
        c.dep_ in ("compound", "nmod", "amod") and _designation(c) for c in noun.children
    )


def _hyphenated(noun: Token) -> str:
    """The noun with the hyphenated words glued before it, singular: `pick-ups` -> `pick-up`."""
    doc, start = noun.doc, noun.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        start -= 2
    text = text_of(doc)[doc[start].idx:noun.idx + len(noun.text)].lower()
    return text[:-1] if text.endswith("s") else text


def _force_noun(verb: Token, besides: Token) -> Token | None:
    """A noun naming a force among the verb's arguments: `the garrison`, `the attacking force`,
    `the crews`, `the attackers` (`Agency reports put the garrison at …`, `the force had eleven tanks`)."""
    lex = lexicon()
    for child in verb.children:
        if child == besides or child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        lemma = lemma_of(child)
        if lemma in lex.strength_nouns or lex.role(lemma) in ("state", "group") or child.pos_ == "PROPN" and child.dep_ == "nsubj":
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubj" for c in verb.children):
        return _force_noun(verb.head, besides)  # `the rebels numbered more than 300 and had two or four boats`
    return None


def strength_of(frame_head: Token, noun: Token | None, token: Token, is_agent: bool) -> tuple[str, Token | None] | None:
    """(`personnel` or `vehicles`, the force noun when the count has none) when the counted phrase
    tells the size of a force."""
    lex = lexicon()
    lemma = lemma_of(noun) if noun is not None else ""
    if noun is not None and _hyphenated(noun) in lex.vehicle_nouns:
        lemma = _hyphenated(noun)  # `pick-ups`, split by the tokenizer into pick / - / ups
    compounds = [c for c in (noun.children if noun is not None else []) if c.dep_ == "compound"]
    if compounds and lex.is_people(f"{lemma_of(compounds[-1])} {lemma}"):
        lemma = f"{lemma_of(compounds[-1])} {lemma}"  # `two suicide bombers` are people
    vehicle = noun is not None and is_equipment(noun) or lemma in lex.vehicle_nouns or (
        lemma not in _NOT_VEHICLES and any(lemma_of(c) in lex.vehicle_nouns for c in compounds)
    )
    people = (lex.is_people(lemma) and lex.role(lemma) in ("state", "group") or lemma in _FORCE_PEOPLE) and lemma not in _FORMATIONS
    if noun is not None and not vehicle and not people:
        return None  # a count of something else (populations, places, things)
    if noun is None and token.lower_ == "one":
        return None
    kind = "vehicles" if vehicle else "personnel"
    node = frame_head
    for _ in range(4):
        dep, parent = node.dep_, node.head
        if parent == node:
            return (kind, None) if people and is_agent else None
        plemma = lemma_of(parent)
        if vehicle and plemma in lex.vehicle_loss_verbs:
            return None
        if parent.pos_ == "ADP":
            if vehicle and parent.lower_ in _VEHICLE_PREPS:
                return (kind, None) if lemma_of(parent.head) not in lex.vehicle_loss_verbs else None
            if people and parent.lower_ == "of" and lemma_of(parent.head) in lex.strength_nouns:
                return kind, None
            if people and parent.lower_ in ("with", "by", "against") and parent.head.pos_ in ("VERB", "NOUN", "ADJ"):
                return kind, None
            node = parent
            continue
        if parent.pos_ in ("VERB", "AUX"):
            if plemma in lex.reporting_verbs and plemma not in lex.strength_verbs and plemma not in _ESTIMATING:
                return None
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in parent.children)
            acting = dep == "nsubj" and not passive and plemma not in _NOT_FIGHTING
            if (people or vehicle) and (plemma in lex.strength_verbs or is_agent or people and acting):
                return kind, None
            if plemma in _ESTIMATING:
                force = _force_noun(parent, node)
                if force is not None:
                    return kind, (force if noun is None else None)
                if parent.dep_ in ("acl", "relcl") and parent.head.pos_ == "NOUN":
                    head = parent.head  # `the assault troops, estimated at 150`
                    if lemma_of(head) in lex.strength_nouns or lex.role(lemma_of(head)) in ("state", "group"):
                        return kind, (head if noun is None else None)
            return None
        if parent.pos_ == "NOUN" and lemma_of(parent) in lex.strength_nouns and dep in ("appos", "compound", "nummod", "prep"):
            return kind, None  # `a column of twenty-five vehicles`, `a force of 300 fighters`
        node = parent
    return None
