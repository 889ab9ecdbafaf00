"""Count frames -> the record's figures, for one article.

Reads: the article's sentences (text, offset, section), the party table (`SideBook`) and the
event's years; runs `parse`, `counts`, `reporting`, `owner` and `scope`. Writes: `Figure` values
with origin `text` and warnings. The `Memory` of claimants and claims lives for one article only.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Token

from ..names import fold_words
from ..records import Evidence, Figure
from ..sides import SideBook
from .counts import CountFrame, find_frames
from .lexicon import lexicon
from .owner import decide_owner
from .parse import Parsed, bounded_pieces, is_candidate, parse_sentences, text_of
from .reporting import ORDERING, Claimant, find_claimant, speakers
from .scope import after_the_event, is_background, other_event, part_marker, told_of_another

_PRONOUNS = {"it", "they", "he", "she", "them", "him", "her"}
_RESUMING = {"it", "they", "he", "she", "same source", "source", "statement", "report", "release",
             "communique", "group", "movement", "latter", "former", "them", "him", "her"}


@dataclass(frozen=True)
class SentenceUnit:
    text: str
    start: int  # offset in the article
    section: str | None
    paragraph: int = 0  # offset of its paragraph: the span within which a side stays the topic


@dataclass
class Memory:
    """Claimants and claims told so far in one article."""

    claimants: list[str] = field(default_factory=list)
    claims: list[Figure] = field(default_factory=list)
    topic: tuple[int, int] | None = None  # (paragraph, side) of the last combatants counted

    def resolve(self, claimant: Claimant | None) -> str | None:
        if claimant is None:
            return None
        words = fold_words(claimant.text)
        if claimant.anaphoric:
            key = " ".join(w for w in words if w != "own" and w not in ORDERING)  # `a second statement`
            if key in _RESUMING or (words and words[-1] in _RESUMING and "same" in words):
                if self.claimants:
                    return self.claimants[-1]
                return None if key in _PRONOUNS else claimant.text
            for prior in reversed(self.claimants):
                if words and words[-1] in fold_words(prior):
                    return prior
        return self.note(claimant)

    def note(self, claimant: Claimant) -> str:
        """Remember a named claimant; one named before under a matching name keeps its first form."""
        for prior in self.claimants:
            if _same_claimant(prior, claimant.text):
                self.claimants.remove(prior)
                self.claimants.append(prior)
                return prior
        self.claimants.append(claimant.text)
        return claimant.text


def _sideless(frame: CountFrame) -> bool:
    """A count whose noun names no one in particular (`20 confirmed deaths`, `seven bodies`,
    `three men`, or none at all): its side can only come from what is being told around it."""
    lex = lexicon()
    noun = frame.noun
    if noun is None:
        return True
    lemma = noun.lemma_.lower()
    return bool(lex.noun_category(lemma)) or lemma in ("man", "men", "member", "body", "corpse")


def _same_claimant(a: str, b: str) -> bool:
    """One claimant named twice: the same words, or the shorter name ends the longer one
    (`government` / `Burkinabe government`, `Essid` / `Prime Minister Habib Essid`) — not
    `Yemen` / `Yemen Post`."""
    x, y = sorted((fold_words(a), fold_words(b)), key=len)
    return bool(x) and (x == y or y[len(y) - len(x):] == x)


def _people_noun(frame: CountFrame) -> Token | None:
    """For an elliptical count (`96 soldiers died and 222 were wounded`), the nearest noun of people
    told before it in its sentence; else the first one after it, unless a list or an aside (a comma,
    a colon, a dash) begins first: what follows those is a breakdown, not the count's noun."""
    lex = lexicon()
    doc = frame.token.doc
    before = [t for t in doc[:frame.token.i] if t.pos_ in ("NOUN", "PROPN") and lex.is_people(t.lemma_.lower())]
    if before:
        return before[-1]
    for token in doc[frame.token.i + 1:]:  # a noun after it, unless a list or an aside begins first
        if token.is_punct and token.text in ",:;—–(":
            return None
        if token.pos_ in ("NOUN", "PROPN") and lex.is_people(token.lemma_.lower()):
            return token
    return None


def _force_owners(frame: CountFrame) -> Iterator[CountFrame]:
    """Who a force may belong to, nearest first: vehicles to the people they carry (`40 assailants
    on six motorcycles`), men to the force they make up (`a force of some 60 ISGS fighters`), or
    to the subject of the verb they come with (`the attackers, a group of 20 to 30 men, rode in`)."""
    lex = lexicon()
    verbs = 0
    for ancestor in frame.head.ancestors:
        if ancestor.pos_ in ("NOUN", "PROPN") and (
            lex.is_people(ancestor.lemma_.lower()) or ancestor.pos_ == "PROPN" or ancestor.lemma_.lower() in lex.strength_nouns
        ):
            yield dataclasses.replace(frame, noun=ancestor, head=ancestor)
        if ancestor.pos_ == "VERB":
            forces = [c for c in ancestor.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.strength_nouns and c != frame.noun]
            if forces:  # `give the government force as more than 1,500 men`
                yield dataclasses.replace(frame, noun=forces[0], head=forces[0])
            subjects = [c for c in ancestor.children if c.dep_ == "nsubj"]
            if subjects and subjects[0] != frame.noun:
                yield dataclasses.replace(frame, noun=subjects[0], head=subjects[0])
                return
            verbs += 1
            if verbs == 3 or ancestor.dep_ not in ("advcl", "xcomp", "conj", "acl"):
                return


def _figures(parsed: Parsed, unit: SentenceUnit, book: SideBook, memory: Memory, years: set[int]) -> tuple[list[Figure], list[str]]:
    figures: list[Figure] = []
    warnings: list[str] = []
    background = is_background(unit.section)
    previous: tuple[int | None, str] | None = None
    predicates: set[int] = set()
    forces: list[int] = []  # values of the strength counts met in this sentence
    for frame in find_frames(parsed):
        if frame.kind == "strength" and frame.noun is not None and frame.noun.i != frame.head.i and frame.token.i == frame.head.i:
            # a bare count sized by a force noun elsewhere in the clause (`the crews as seven
            # reservists, four in the lead vehicle and three …`): the smaller ones after a first are its parts
            if frame.token.lower_ == "one" or any(frame.quantity.low < value for value in forces):
                continue
        if frame.kind == "strength":
            forces.append(frame.quantity.low)
        if frame.kind == "casualty" and (
            background or other_event(frame, text_of(parsed.doc), years) or told_of_another(frame) or after_the_event(frame)
        ):
            continue
        if frame.kind == "casualty" and frame.predicate is not None:
            if frame.noun is None and frame.predicate.i in predicates:
                continue  # `nine were killed: five in the first blast and four …`: a breakdown
            predicates.add(frame.predicate.i)
        if frame.kind == "strength" and other_event(frame, text_of(parsed.doc), years):
            continue
        claimant = find_claimant(frame.predicate or frame.head, frame.token, frame.noun)
        source = memory.resolve(claimant)
        claimant_side = book.resolve(source) if source else None
        owner_frame = frame
        if frame.noun is None and previous is None and frame.kind == "casualty":
            noun = _people_noun(frame)
            if noun is not None:
                owner_frame = dataclasses.replace(frame, noun=noun)
        if frame.kind == "strength":
            side, group = decide_owner(frame, claimant_side, book)
            for carrier in (_force_owners(frame) if side is None else ()):
                side, group = decide_owner(carrier, claimant_side, book)
                if side is not None:
                    break
        elif frame.noun is None and previous is not None and frame.loser is None and frame.agent is None:
            side, group = previous  # `… 86 men killed and 108 wounded`: the count before it
        else:
            side, group = decide_owner(owner_frame, claimant_side, book)
        previous = (side, group)
        zero = frame.quantity.low == 0 and frame.quantity.high == 0
        if side is None and not zero and group != "civilians" and (group == "combatants" or frame.kind == "strength" or _sideless(frame)):
            if previous is not None and previous[0] is not None and _sideless(frame):
                side, group = previous[0], "combatants"  # `seven of them had died; … at least seven bodies`
            elif memory.topic is not None and memory.topic[0] == unit.paragraph:
                side, group = memory.topic[1], "combatants"  # the side the paragraph is telling of
        if side is not None and group == "combatants":
            memory.topic = (unit.paragraph, side)
        if frame.kind == "strength":
            if group == "civilians":
                continue
            group = "combatants" if side is not None else "unknown"
        start, end = frame.evidence
        text = text_of(parsed.doc)[start:end]
        evidence = Evidence(text=text, start=parsed.offset + start, end=parsed.offset + end)
        for category in frame.categories:
            figure = Figure(
                side=side, group=group, category=category, low=frame.quantity.low, high=frame.quantity.high,
                approximate=frame.quantity.approximate, source=source, origin="text", evidence=evidence,
            )
            listed = figures and ":" in text_of(parsed.doc)[figures[-1].evidence.end - parsed.offset:frame.token.idx]
            if frame.kind == "casualty" and (part_marker(frame) or listed) and _is_part(figure, memory.claims + figures):
                continue  # `… among the dead: six National Guardsmen, two police officers …`
            figures.append(figure)
        if side is None and group == "combatants":
            warnings.append(f"claim with no side: {text!r}")
    memory.claims.extend(f for f in figures if f.category not in ("personnel", "vehicles"))
    _note_speakers(parsed, memory)
    return figures, warnings


def _note_speakers(parsed: Parsed, memory: Memory) -> None:
    for speaker in speakers(parsed.doc):
        if not speaker.anaphoric:
            memory.note(speaker)


def _is_part(figure: Figure, earlier: list[Figure]) -> bool:
    """A part of an earlier toll of the same category, side and group (`three of them`)."""
    for prior in reversed(earlier):
        if prior.category == figure.category or figure.category == "killed" and prior.category == "wounded":
            return figure.group == "unknown" or (prior.side, prior.group) == (figure.side, figure.group)
    return False


def article_claims(
    units: Iterable[SentenceUnit], book: SideBook, years: set[int], nlp: Language | None = None
) -> tuple[list[Figure], list[str]]:
    """Every text figure of one article, in reading order, with the warnings met."""
    units = list(units)
    topics = _topic_setters(units, book)
    chosen = []
    for index, unit in enumerate(units):
        if is_candidate(unit.text):
            chosen.append((unit, True))
        elif unit.start in topics:
            chosen.append((unit, False))
        elif index + 1 < len(units) and is_candidate(units[index + 1].text) and SPEECH.search(unit.text):
            chosen.append((unit, False))  # parsed only for the speakers later pronouns refer to
    pieces = [(piece, start, unit, counts) for unit, counts in chosen for piece, start in bounded_pieces(unit.text, unit.start)]
    memory = Memory()
    figures: list[Figure] = []
    warnings: list[str] = []
    for parsed, (_, _, unit, counts) in zip(parse_sentences([(p, s) for p, s, _, _ in pieces], nlp), pieces):
        if unit.start in topics:
            memory.topic = (unit.paragraph, topics[unit.start])
        if not counts:
            _note_speakers(parsed, memory)
            continue
        found, met = _figures(parsed, unit, book, memory, years)
        figures.extend(found)
        warnings.extend(met)
    armed_target = any(p.number != 1 and p.actors for p in book.profiles)
    said_civilians = any(_CIVILIAN.search(unit.text) for unit in units)
    return (figures if armed_target else _victims_are_civilians(figures, said_civilians)), warnings


_CIVILIAN = re.compile(r"\bcivilians?\b", re.IGNORECASE)


def _victims_are_civilians(figures: list[Figure], said_civilians: bool) -> list[Figure]:
    """In an attack on no armed party, where every counted victim of known group is a civilian (or
    the article calls its victims civilians), `people` and bare counts are civilians too."""
    groups = {f.group for f in figures if f.category not in ("personnel", "vehicles") and f.group != "unknown"}
    if groups - {"civilians"} or not groups and not said_civilians:
        return figures
    return [
        f.model_copy(update={"group": "civilians"})
        if f.group == "unknown" and f.side is None and f.category not in ("personnel", "vehicles") else f
        for f in figures
    ]


# `Israeli losses are reported very differently.`, `The army's casualties …`: a sentence that names
# whose losses the paragraph goes on to count.
_LOSSES_OF = re.compile(
    r"\b((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)(?:['’]s?)?\s+(?:own\s+)?(?:losses|casualties|dead|death\s+toll)\b"
)


def _topic_setters(units: list[SentenceUnit], book: SideBook) -> dict[int, int]:
    """Sentence start -> the side whose losses it announces, for sentences that count nothing."""
    found = {}
    for unit in units:
        if is_candidate(unit.text):
            continue
        for match in _LOSSES_OF.finditer(unit.text):
            side = book.by_name(match.group(1))
            if side is not None:
                found[unit.start] = side
                break
    return found


# A cheap filter only: which sentences without counts are worth parsing for their speakers.
SPEECH = re.compile(
    r"\b(?:said|says|told|tells|stated|claimed|claims|announced|reported|issued|statement|spoke|briefed|posted|"
    r"published|confirmed|released|communiqu|added|declared|according)\w*",
    re.IGNORECASE,
)


def sentence_claims(
    sentences: list[str], book: SideBook, background: bool = False, nlp: Language | None = None
) -> list[list[Figure]]:
    """The figures of each sentence, read in order as one paragraph of one article (one memory of
    claimants), evidence offsets into each sentence: the prose stage on bare sentences, for tests
    and for callers that bring their own party table."""
    memory = Memory()
    section = "Background" if background else None
    pieces = [(index, piece, at) for index, s in enumerate(sentences) for piece, at in bounded_pieces(s, 0)]
    out: list[list[Figure]] = [[] for _ in sentences]
    for (index, _, _), parsed in zip(pieces, parse_sentences([(p, at) for _, p, at in pieces], nlp)):
        found, _ = _figures(parsed, SentenceUnit(sentences[index], 0, section), book, memory, set())
        out[index].extend(found)
    return out
