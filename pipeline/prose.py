"""The prose stage: sentences -> claims; and, for an article without infobox (or with empty
infobox sides), the sides, date, place, wider conflict and outcome told by the lead.

Reads: the Article, one sentence-segmented Doc per paragraph, the infobox's sides (if any), the
article's `Long Form (ABBR)` definitions, and NER over the few passages where names are needed.
Writes: `ProseFacts` for `assemble`. All state (side book, source memory) is local to one call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .article import Article, Paragraph
from .frames.claims import SentenceUnit, article_claims
from .frames.parse import without_dateline
from .dates import find_date
from .geo import country_by_demonym, country_mention
from .infobox import InfoboxFacts
from .names import Definition, fold_words, names_match, resolve_actor
from .nlp import analyses, entities
from .parties import attacked_forces, by_first_mention, lead_frame_sides, merge_sides
from .records import Actor, Commander, DateSpan, Figure, Location
from .sides import SideBook
from .vocabulary import event_type_of

_PIVOT = re.compile(
    r"\b(?:engaged|attacked|ambushed|caught|fought\s+against|clashed\s+with|stormed|raided|assaulted|struck|"
    r"overran|besieged|targeted|against|versus|fell\s+upon|fought)\b",
    re.IGNORECASE,
)
_FORCES = r"(?:troops|forces|soldiers|army|military|units|commandos|police|government|drones|aircraft|air\s+force|jets)"
_DEMONYM_FORCES = re.compile(
    rf"\b(?P<list>[A-Z][\w’'-]+(?:\s*,\s*[A-Z][\w’'-]+)*(?:,?\s+and\s+[A-Z][\w’'-]+)?)\s+(?:armed\s+)?{_FORCES}\b"
)
_SAME_SIDE = re.compile(r"\b(?:alongside|together\s+with|on\s+the\s+other\s+side|as\s+well\s+as|allied\s+with|joined\s+by)\b", re.IGNORECASE)
_BACKING = re.compile(r"\b(?:backing|backed|assisted|supported|support)\b", re.IGNORECASE)
_LEADER_CUE = re.compile(
    r"\b(?:under(?!\s+(?:fire|attack|siege))|led\s+by|commanded\s+by|headed\s+by|leaders?\s+included|"
    r"commanders?\s+included|under\s+the\s+command\s+of)\b",
    re.IGNORECASE,
)
# Names are at most eight words, each matched once, so no pattern backtracks over a run of spaces.
_NAME = r"(?:al-)?[A-Z][\w'’-]*(?:[ ](?:of|the|for|and|al|de)?[ ]?[A-Z][\w'’-]*){0,7}"
_VICTORY_FOR = re.compile(r"\bvictory\s+for\s+(?:the\s+)?(?P<who>[^.;]{1,120})", re.IGNORECASE)
_VICTOR = re.compile(
    rf"(?P<who>(?:the\s)?{_NAME})\s(?:came\sout\sof\s[^.;]{{0,80}}?the\svictor|won\b|prevailed|emerged\svictorious)"
    rf"|\b(?:ended|resulted)\sin\san?\s(?:\w+\s){{0,2}}?(?P<who2>{_NAME})\svictory\b",
)
_PART_OF = re.compile(
    r"\b(?:part|[Aa]n?\s+(?:engagement|battle|episode|action|phase|incident))\s+of\s+(?:the\s+)?(?P<war>[A-Z][^,.;()]*)|\bduring\s+the\s+(?P<war2>[A-Z][^,.;()]*?(?:War|war|insurgency|rebellion|conflict|crisis|campaign))\b"
)


_LEAD_PREFIX = 5_000
_ATTACKS = {"attack", "bombing", "massacre", "ambush", "raid", "hostage_crisis"}
_NOT_ACTOR = re.compile(
    r"\b(?:War|Conflict|Insurgency|Rebellion|Crisis|Department|Region|Province|District|Cercle|Commune|"
    r"County|State\s+of|Forest|River|Mountains?|Desert)\b"
)


@dataclass
class ProseFacts:
    date: DateSpan | None = None
    location: Location | None = None
    part_of: str | None = None
    result_text: str | None = None
    result_claimant: str | None = None
    sides: dict[int, tuple[list[Actor], list[Commander]]] = field(default_factory=dict)
    strength: list[Figure] = field(default_factory=list)
    casualties: list[Figure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


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
        for word in re.finditer(r"[A-Z][\w’'-]+", match.group("list")):
            country = country_by_demonym(word.group(0)) or country_mention(word.group(0))
            if country:
                start = match.start("list") + word.start()
                add(Actor(name=country.name), start, start + len(word.group(0)))
    for ent_text, label, start in ents:
        if _NOT_ACTOR.search(ent_text) or event_type_of(ent_text):
            continue  # `Malian Civil War`, `Filingue Department`: names of places and wars, not actors
        if label in ("ORG", "NORP", "GPE") and not country_mention(ent_text):
            name, abbreviation = resolve_actor(re.sub(r"^the\s+", "", ent_text), definitions)
            if label == "ORG" or name != ent_text:
                add(Actor(name=name, abbreviation=abbreviation), start, start + len(ent_text))
    found.sort(key=lambda m: m.start)
    return found


def _unique(actors: list[Actor]) -> list[Actor]:
    kept: list[Actor] = []
    for actor in actors:
        if not any(a.name == actor.name for a in kept):
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


def prose_commanders(
    sentences: list[Sentence], sides: dict[int, list[Actor]], definitions: list[Definition], nlp: Language | None
) -> dict[int, list[Commander]]:
    """Named leaders told after a leader cue (`under`, `led by`, `leaders included`), on the side
    of the actor the same sentence names."""
    cued = [s for s in sentences if _LEADER_CUE.search(s.text)]
    commanders: dict[int, list[Commander]] = {}
    if not cued:
        return commanders
    book = SideBook({n: (a, []) for n, a in sides.items()})
    for sentence, doc in zip(cued, entities([s.text for s in cued], nlp)):
        cue = _LEADER_CUE.search(sentence.text)
        side = book.by_name(sentence.text)
        if side is None:
            continue
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start_char < cue.start():
                continue
            name = _whole_name(sentence.text, ent.start_char, ent.end_char)
            if any(names_match(name, a.name) for a in sides.get(side, [])):
                continue
            listed = commanders.setdefault(side, [])
            if not any(fold_words(c.name) == fold_words(name) for c in listed):
                listed.append(Commander(name=name))
    return commanders


def _whole_name(text: str, start: int, end: int) -> str:
    """A person entity widened over the capitalised words the model left out (`Machkanani Ag Balla`)."""
    before = text[:start]
    while True:
        match = re.search(r"([A-Z][\w'’.-]*)\s+$", before)
        if not match or _LEADER_CUE.search(match.group(1)) or match.start() == 0:
            break
        before = before[:match.start()]
    return text[len(before):end].strip()


# --- other facts of the lead ---------------------------------------------------------------------


def _title_place(title: str) -> str | None:
    """`Battle of Akabar` -> `Akabar`; `Tagarangabotte ambush` -> `Tagarangabotte`."""
    text = re.sub(r"\(.*?\)|\b\d{4}\b", "", title)
    kind_words = event_type_of(text)
    text = re.sub(r"\b(?:battle|siege|ambush|attack|raid|massacre|bombing|clash(?:es)?|skirmish|of|the|at|in|on)\b", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+", " ", text).strip(" -,")
    return text or None if kind_words is not None or text else None


def lead_facts(article: Article, sentences: list[Sentence], facts: ProseFacts) -> None:
    lead = article.lead
    if lead is None:
        return
    text = lead.text[:_LEAD_PREFIX]  # lead helpers look at a bounded prefix of the lead
    years = re.findall(r"\b(1[89]\d\d|20\d\d)\b", article.title + " " + text)
    base_year = int(years[0]) if years else None
    story, _ = without_dateline(text, 0)
    # a news dateline gives the day of the report; the story's own date, when it has one, wins
    opening = "\n".join(p.text for p in article.paragraphs)[:_LEAD_PREFIX]
    found = find_date(story, base_year) or (
        find_date(without_dateline(opening, 0)[0][len(story):], base_year) if story != text else None
    ) or find_date(text, base_year)
    if found:
        facts.date = found[0]
    place = _title_place(article.title)
    country = None
    for word in re.findall(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?", lead.text):
        country = country_mention(word) if country_mention(word) and not country_by_demonym(word) else None
        if country:
            break
    if place or country:
        near = bool(place and re.search(rf"\b(?:near|outside|close\s+to)\s+{re.escape(place)}", lead.text))
        text = ", ".join(p for p in (place, country.name if country else None) if p)
        facts.location = Location(
            text=text, place=place, region=None,
            country=country.name if country else None,
            country_code=country.code if country else None, near=near,
        )
    part = _PART_OF.search(lead.text)
    if part:
        facts.part_of = (part.group("war") or part.group("war2")).strip()
    for sentence in sentences:
        if sentence.paragraph is not lead:
            continue
        victory = _VICTORY_FOR.search(sentence.text) or _VICTOR.search(sentence.text)
        if victory:
            facts.result_text = sentence.text.rstrip(".")
            facts.result_claimant = victory.group("who") or victory.groupdict().get("who2")
            break


# --- the stage -----------------------------------------------------------------------------------


def _event_years(article: Article, date: DateSpan | None) -> set[int]:
    if date is None:
        return set()
    return set(range(int(date.start[:4]), int(date.end[:4]) + 1))


def read_prose(
    article: Article,
    docs: list[Doc],
    infobox: InfoboxFacts | None,
    definitions: list[Definition],
    nlp: Language | None = None,
) -> ProseFacts:
    facts = ProseFacts()
    sentences = split_sentences(article, docs)
    lead_facts(article, sentences, facts)

    sides: dict[int, tuple[list[Actor], list[Commander]]] = {}
    if infobox is not None:
        sides = {
            n: (list(infobox.belligerents.get(n, [])), list(infobox.commanders.get(n, [])))
            for n in range(1, infobox.side_count + 1)
        }
        for number in sorted(infobox.names_lost & set(sides)):
            added = _lost_countries(sentences, sides, number)
            if added:
                facts.sides[number] = (sides[number][0] + added, sides[number][1])
                sides[number] = facts.sides[number]
    lead = [s for s in sentences if s.paragraph.section is None][:3]
    lead_docs = list(analyses([s.text for s in lead], nlp))
    ents = {s.start: [(e.text, e.label_, e.start_char) for e in doc.ents] for s, doc in zip(lead, lead_docs)}

    def mentions_of(doc: Doc, offset: int) -> list[ActorMention]:
        found = actor_mentions(doc.text, definitions, ents.get(offset, []))
        return [ActorMention(m.actor, m.start + offset, m.end + offset) for m in found]

    found = lead_frame_sides([(doc, s.start) for s, doc in zip(lead, lead_docs)], mentions_of)
    if not found:
        found = lead_sides(sentences, definitions, ents)
    if list(found) == [1] and event_type_of(article.title) in _ATTACKS:
        named = [m.actor for s, doc in zip(lead, lead_docs) for m in mentions_of(doc, s.start)]
        attacked = attacked_forces(named, found[1])
        if attacked:
            found[2] = attacked
    extend_sides(found, sentences, definitions)
    if not sides:
        found = by_first_mention(found, "\n".join(p.text for p in article.paragraphs))
        commanders = prose_commanders(sentences, found, definitions, nlp)
        facts.sides = {n: (actors, commanders.get(n, [])) for n, actors in found.items()}
    else:
        attack = infobox is not None and infobox.kind == "civilian_attack"
        changed = merge_sides({n: a for n, (a, _) in sides.items()}, found, attack)
        for number, actors in changed.items():
            commanders = sides.get(number, ([], []))[1]
            facts.sides[number] = (actors, commanders)
            sides[number] = (actors, commanders)
    for number, (actors, commanders) in facts.sides.items():
        sides.setdefault(number, (actors, commanders))
    prose_text = "\n".join(p.text for p in article.paragraphs)
    book = SideBook(sides, infobox.side_aliases if infobox is not None else None, prose_text)

    years = _event_years(article, (infobox.date if infobox is not None else None) or facts.date)
    units = [SentenceUnit(s.text, s.start, s.paragraph.section, s.paragraph.start) for s in sentences]
    figures, warnings = article_claims(units, book, years, nlp)
    facts.warnings += warnings
    for figure in figures:
        (facts.strength if figure.category in ("personnel", "vehicles") else facts.casualties).append(figure)
    return facts


def _lost_countries(
    sentences: list[Sentence], sides: dict[int, tuple[list[Actor], list[Commander]]], number: int
) -> list[Actor]:
    """States whose infobox flags were dropped: countries the prose names with their forces
    (`American troops`, `US soldiers`) that stand on no other side."""
    taken = {a.name for n, (actors, _) in sides.items() for a in actors}
    found: list[Actor] = []
    for sentence in sentences:
        for match in _DEMONYM_FORCES.finditer(sentence.text):
            for word in re.finditer(r"[A-Z][\w’'-]+", match.group("list")):
                country = country_by_demonym(word.group(0)) or country_mention(word.group(0))
                if country and country.name not in taken and not any(a.name == country.name for a in found):
                    found.append(Actor(name=country.name))
    return found


def _fill_empty(
    sides: dict[int, tuple[list[Actor], list[Commander]]], found: dict[int, list[Actor]]
) -> dict[int, tuple[list[Actor], list[Commander]]]:
    """Give an infobox side whose names were lost (flags only) the actors the lead names for it."""
    empty = [n for n, (actors, _) in sides.items() if not actors]
    unmatched = []
    for actors in found.values():
        matched = any(
            names_match(a.name, b.name) or (b.abbreviation and names_match(a.name, b.abbreviation))
            for a in actors for _, (known, _) in sides.items() for b in known
        )
        if not matched:
            unmatched.append(actors)
    if len(empty) == 1 and len(unmatched) == 1:
        return {empty[0]: (unmatched[0], [])}
    return {}
