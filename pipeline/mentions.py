"""Sentences with their offsets, and the parties a sentence names.

Reads: an Article with its sentence-segmented paragraphs, the article's `Long Form (ABBR)`
definitions, named entities of the lead. Writes: `Sentence` values with article offsets,
`ActorMention`s (defined names and abbreviations, `French and Malian troops`, organisations the
entity recogniser finds), the sides a lead pivot verb separates (`X attacked Y`) when its tree
gives no event frame, actors told alongside a side later on, and the countries whose infobox
flags were lost.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from .article import Article, Paragraph
from .geo import Country, country_mention
from .names import Definition, names_match, resolve_actor
from .records import Actor, Commander
from .vocabulary import event_type_of

_PIVOT = re.compile(
    r"\b(?:engaged|attacked|ambushed|caught|fought\s+against|clashed\s+with|stormed|raided|assaulted|struck|"
    r"overran|besieged|targeted|against|versus|fell\s+upon|fought)\b",
    re.IGNORECASE,
)
_FORCES = (r"(?:troops|forces|soldiers|army|military|units|commandos|police|government|drones|aircraft|air\s+force|jets|"
           r"gendarmes|gendarmerie|peacekeepers|paratroopers|marines|navy|rangers|contingent)")
# a state word, with the direction a former state's name carries (`South Vietnamese`, `West German`)
_STATE_WORD = r"(?:(?:North|South|East|West)\s)?[A-Z][\w’'-]+"
_DEMONYM_FORCES = re.compile(
    rf"\b(?P<list>{_STATE_WORD}(?:\s*,\s*{_STATE_WORD})*(?:,?\s+and\s+{_STATE_WORD})?)\s+"
    rf"(?:(?:armed|special|security|elite|regular|government|naval|ground|air|border|military)\s+){{0,2}}{_FORCES}\b"
)


def _states_of(listed: str) -> Iterator[tuple[re.Match, Country]]:
    """The states a `_DEMONYM_FORCES` list names: `French and Malian`, `South Vietnamese`."""
    for word in re.finditer(_STATE_WORD, listed):
        country = country_mention(word.group(0)) or country_mention(word.group(0).split()[-1])
        if country:
            yield word, country
_SAME_SIDE = re.compile(r"\b(?:alongside|together\s+with|on\s+the\s+other\s+side|as\s+well\s+as|allied\s+with|joined\s+by)\b", re.IGNORECASE)
_BACKING = re.compile(r"\b(?:backing|backed|assisted|supported|support)\b", re.IGNORECASE)

_NOT_ACTOR = re.compile(
    r"\b(?:War|Conflict|Insurgency|Rebellion|Crisis|Operation|Department|Region|Province|District|Cercle|Commune|"
    r"County|State\s+of|Forest|River|Mountains?|Desert)\b"
)

@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offset in the article
    paragraph: Paragraph


def split_sentences(article: Article, docs: list[Doc]) -> list[Sentence]:
    """Sentences of every paragraph, with article offsets; `docs` are in paragraph order."""
    found = []
    for paragraph, doc in zip(article.paragraphs, docs):
        for sent in doc.sents:
            text = sent.text.strip()
            if text:
                start = paragraph.start + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                found.append(Sentence(text, start, paragraph))
    return found


# --- sides from the lead -------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorMention:
    actor: Actor
    start: int
    end: int


def actor_mentions(text: str, definitions: list[Definition], ents: list[tuple[str, str, int]] = ()) -> list[ActorMention]:
    """Actors named in a sentence: defined long forms and abbreviations, `French and Malian troops`,
    and NER organisations; overlapping finds keep the first and longest."""
    found: list[ActorMention] = []

    def add(actor: Actor, start: int, end: int) -> None:
        if any(m.start < end and start < m.end for m in found):
            return
        found.append(ActorMention(actor, start, end))

    for definition in definitions:
        names = [definition.long, definition.abbreviation, *definition.aliases]
        for name in sorted(names, key=len, reverse=True):
            for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
                add(Actor(name=definition.long, abbreviation=definition.abbreviation), match.start(), match.end())
    for match in _DEMONYM_FORCES.finditer(text):
        for word, country in _states_of(match.group("list")):
            start = match.start("list") + word.start()
            add(Actor(name=country.name), start, start + len(word.group(0)))
    for match in _ORG_RUN.finditer(text):
        # a capitalised name headed by an organisation word (`the Islamic State`, `National Police of
        # Burkina Faso`), whatever label, if any, the entity recogniser gave it
        name = re.sub(r"^The\s", "", match.group(0))
        start = match.end() - len(name)
        if not _a_place_here(text, name, start) and not _NOT_ACTOR.search(name):
            add(Actor(name=resolve_actor(name, definitions)[0]), start, match.end())
    for ent_text, label, start in ents:
        ent_text = ent_text.rstrip(" (")
        if _NOT_ACTOR.search(ent_text) or event_type_of(ent_text) or _a_place_here(text, ent_text, start):
            continue  # `Malian Civil War`, `Filingue Department`: names of places and wars, not actors
        if label in ("ORG", "NORP", "GPE") and not country_mention(ent_text):
            name, abbreviation = resolve_actor(re.sub(r"^the\s+", "", ent_text, flags=re.IGNORECASE), definitions)
            if label == "ORG" or name != ent_text:
                add(Actor(name=name, abbreviation=abbreviation), start, start + len(ent_text))
    found.sort(key=lambda m: m.start)
    return found


_CAP = r"[A-Z][\w'’.-]+"
_ORG_RUN = re.compile(
    rf"(?<![\w-])(?:{_CAP}\s(?:(?:de|del|da|do|dos|des|du|la|al|el|of|for|of\sthe|for\sthe)\s)?){{1,5}}(?:State|Army|Front|Movement|Group|Forces|Force|Brigades?|Battalion|Police|"
    rf"Guard|Party|Council|Alliance|Coalition|Organi[sz]ation|Committee|Militia|Network|Command|Corps|Gendarmerie|"
    rf"Navy|Legion|Mission)(?![\w-])(?:\s(?:of|in|for|to)\s(?:the\s)?{_CAP}(?:\s{_CAP}){{0,3}})?"
)
_ORG_HEAD = re.compile(r"\b(?:Army|Forces|Police|Guard|Gendarmerie|Navy|Corps|Brigade|Battalion|Militia)\b")
_PLACE_AFTER = re.compile(
    r"\s+(?:hotel|café|cafe|bakery|restaurant|mall|market|bank|mosque|church|school|university|hospital|"
    r"stadium|airport|station|street|avenue|square|district|village|town|city|camp|base)\b", re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|inside|around)\s+(?:the\s+)?$")


def _a_place_here(text: str, name: str, start: int) -> bool:
    """A name the sentence uses as a place: after `in` / `at` / `near` (`in Bamako`), before a
    place noun (`the Radisson Blu hotel`), or a place noun itself (`Holey Artisan Bakery`)."""
    words = [w for w in name.casefold().split() if w != "the"]
    if words and (words[-1] in _PLACE_WORDS or words[0] in _PLACE_WORDS):
        return True
    if _ORG_HEAD.search(name):
        return False  # `the Burkina Faso Army base`: the army is a party, the base its place
    return bool(_PLACE_AFTER.match(text, start + len(name)) or _PLACE_BEFORE.search(text[max(0, start - 20):start]))


_PLACE_WORDS = {"hotel", "café", "cafe", "bakery", "restaurant", "mall", "market", "bank", "banco", "mosque", "church",
                "school", "university", "college", "campus", "hospital", "stadium", "airport", "station", "street",
                "avenue", "square", "theatre", "theater", "cinema", "nightclub", "temple", "synagogue", "shrine"}


def _unique(actors: list[Actor]) -> list[Actor]:
    """Actors once each by the shared name rule (`African Union Mission` is `African Union Mission
    to Somalia`), the first-named form kept."""
    kept: list[Actor] = []
    for actor in actors:
        if not any(names_match(a.name, actor.name) for a in kept):
            kept.append(actor)
    return kept


def lead_sides(sentences: list[Sentence], definitions: list[Definition], ents: dict[int, list]) -> dict[int, list[Actor]]:
    """Sides in order of first mention: the actors before and after the lead's engagement verb."""
    lead = [s for s in sentences if s.paragraph.section is None][:3]
    for sentence in lead:
        mentions = actor_mentions(sentence.text, definitions, ents.get(sentence.start, []))
        for pivot in _PIVOT.finditer(sentence.text):
            before = [m.actor for m in mentions if m.end <= pivot.start()]
            after = [m.actor for m in mentions if m.start >= pivot.end()]
            if before and after:
                return {1: _unique(before), 2: _unique([a for a in after if a not in before])}
    return {}


def extend_sides(sides: dict[int, list[Actor]], sentences: list[Sentence], definitions: list[Definition]) -> None:
    """Actors named later join the side they are told with (`alongside`, `on the other side were`,
    `had the backing of`)."""
    previous: list[ActorMention] = []
    for sentence in sentences:
        mentions = actor_mentions(sentence.text, definitions)
        known = {a.name: n for n, actors in sides.items() for a in actors}
        new = [m for m in mentions if m.actor.name not in known]
        if new and _SAME_SIDE.search(sentence.text):
            owners = {known[m.actor.name] for m in mentions if m.actor.name in known}
            if len(owners) == 1:
                sides[owners.pop()].extend(m.actor for m in new)
                new = []
        if new and _BACKING.search(sentence.text) and not any(m.actor.name in known for m in mentions):
            owners = [known.get(m.actor.name) for m in previous if m.actor.name in known]
            if owners:
                sides[owners[0]].extend(m.actor for m in new)
        for number in sides:
            sides[number] = _unique(sides[number])
        previous = mentions

def lost_countries(
    sentences: list[Sentence], sides: dict[int, tuple[list[Actor], list[Commander]]], number: int
) -> list[Actor]:
    """States whose infobox flags were dropped: countries the prose names with their forces
    (`American troops`, `US soldiers`) that stand on no other side."""
    taken = {a.name for n, (actors, _) in sides.items() for a in actors}
    found: list[Actor] = []
    for sentence in sentences:
        for match in _DEMONYM_FORCES.finditer(sentence.text):
            for _, country in _states_of(match.group("list")):
                if country.name not in taken and not any(a.name == country.name for a in found):
                    found.append(Actor(name=country.name))
    return found
