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

from .article import Article
from .frames.claims import SentenceUnit, article_claims
from .frames.parse import without_dateline
from .dates import find_date
from .geo import country_by_demonym, country_mention
from .infobox import InfoboxFacts
from .names import Definition, fold_words, names_match
from .nlp import analyses, entities
from .mentions import ActorMention, Sentence, actor_mentions, extend_sides, lead_sides, lost_countries, split_sentences
from .parties import attacked_forces, by_first_mention, complete_by_kind, lead_frame_sides, merge_sides
from .records import Actor, Commander, DateSpan, Figure, Location
from .sides import SideBook
from .vocabulary import event_type_of


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
    for word in re.findall(r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?", text):
        country = country_mention(word) if country_mention(word) and not country_by_demonym(word) else None
        if country:
            break
    if place or country:
        near = bool(place and re.search(rf"\b(?:near|outside|close\s+to)\s+{re.escape(place)}", text))
        facts.location = Location(
            text=", ".join(p for p in (place, country.name if country else None) if p), place=place, region=None,
            country=country.name if country else None,
            country_code=country.code if country else None, near=near,
        )
    part = _PART_OF.search(text)
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
            added = lost_countries(sentences, sides, number)
            if added:
                facts.sides[number] = (sides[number][0] + added, sides[number][1])
                sides[number] = facts.sides[number]
    lead = [s for s in sentences if s.paragraph.section is None][:3]
    lead_docs = list(analyses([s.text for s in lead], nlp))
    ents = {s.start: [(e.text, e.label_, e.start_char) for e in doc.ents] for s, doc in zip(lead, lead_docs)}

    lead_mentions = {
        s.start: [ActorMention(m.actor, m.start + s.start, m.end + s.start)
                  for m in actor_mentions(doc.text, definitions, ents.get(s.start, []))]
        for s, doc in zip(lead, lead_docs)
    }  # found once per lead sentence, read by the frame and by the completion by kind

    def mentions_of(doc: Doc, offset: int) -> list[ActorMention]:
        return lead_mentions[offset]

    prose_text = "\n".join(p.text for p in article.paragraphs)
    found = lead_frame_sides([(doc, s.start) for s, doc in zip(lead, lead_docs)], mentions_of)
    if not found:
        found = lead_sides(sentences, definitions, ents)
    named = [m.actor for mentions in lead_mentions.values() for m in mentions]
    found = complete_by_kind(found, named, prose_text)
    if list(found) == [1] and event_type_of(article.title) in _ATTACKS:
        attacked = attacked_forces(named, found[1])
        if attacked:
            found[2] = attacked
    extend_sides(found, sentences, definitions)
    if not sides:
        found = by_first_mention(found, prose_text)
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
    book = SideBook(sides, infobox.side_aliases if infobox is not None else None, prose_text)

    years = _event_years(article, (infobox.date if infobox is not None else None) or facts.date)
    units = [SentenceUnit(s.text, s.start, s.paragraph.section, s.paragraph.start) for s in sentences]
    figures, warnings = article_claims(units, book, years, nlp)
    facts.warnings += warnings
    for figure in figures:
        (facts.strength if figure.category in ("personnel", "vehicles") else facts.casualties).append(figure)
    return facts
