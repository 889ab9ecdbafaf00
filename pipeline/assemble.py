"""The one place that turns stage outputs into an EventRecord.

Reads: the Article, the infobox stage's `InfoboxFacts` and the prose stage's `ProseFacts`.
Writes: a validated EventRecord — sides numbered, duplicate claims collapsed (first evidence
kept), summary derived from the casualty claims.
"""

from __future__ import annotations

from .article import Article
from .infobox import InfoboxFacts
from .prose import ProseFacts
from .records import EventRecord, Figure, Result, Side, Source
from .sides import SideBook
from .vocabulary import event_type_of


def dedupe(figures: list[Figure]) -> list[Figure]:
    """One claim per (origin, side, group, category, low, high, source), in reading order."""
    seen: set[tuple] = set()
    kept = []
    for figure in figures:
        if figure.key() not in seen:
            seen.add(figure.key())
            kept.append(figure)
    return kept


def event_type(article: Article, infobox: InfoboxFacts | None) -> str:
    """From the title's head word, else the infobox kind, else the lead sentence."""
    found = event_type_of(article.title)
    if found:
        return found
    if infobox is not None and infobox.kind == "civilian_attack":
        return "attack"
    if infobox is not None and infobox.kind == "military_conflict":
        return "battle"
    lead = article.lead
    if lead is not None:
        found = event_type_of(lead.text.split(". ")[0])
        if found:
            return found
    return "other"


def _winner(book: SideBook, infobox: InfoboxFacts) -> int | None:
    """The side the Result names as having prevailed: every claimant that links to a side must link
    to the same one; a named loser leaves the winner only when there are exactly two sides. When
    the party table links none, the infobox's own reading (initials, a side's own lines, generic
    words) decides."""
    outcome = infobox.outcome
    sides = {book.winner(name) or book.by_term(name) for name in outcome.claimants}
    if outcome.claimants:
        sides.discard(None)
        return sides.pop() if len(sides) == 1 else (infobox.outcome_side if not sides else None)
    losers = {book.winner(name) for name in outcome.losers} - {None}
    if len(losers) == 1 and len(book.numbers()) == 2:
        return next(n for n in book.numbers() if n not in losers)
    return infobox.outcome_side if not losers else None


def assemble(article: Article, infobox: InfoboxFacts | None, prose: ProseFacts | None) -> EventRecord:
    warnings: list[str] = []
    sides: dict[int, tuple[list, list]] = {}
    if infobox is not None:
        warnings += infobox.warnings
        for number in range(1, infobox.side_count + 1):
            sides[number] = (infobox.belligerents.get(number, []), infobox.commanders.get(number, []))
    if prose is not None:
        warnings += prose.warnings
        for number, (actors, commanders) in prose.sides.items():
            have_actors, have_commanders = sides.get(number, ([], []))
            sides[number] = (actors or have_actors, have_commanders or commanders)
    prose_text = "\n".join(p.text for p in article.paragraphs)
    book = SideBook(sides, infobox.side_aliases if infobox is not None else None, prose_text)

    result = None
    if infobox is not None and infobox.result_text:
        result = Result(text=infobox.result_text, winner=_winner(book, infobox))
    elif prose is not None and prose.result_text:
        claimant = prose.result_claimant
        result = Result(text=prose.result_text, winner=book.winner(claimant) if claimant else None)

    def pick(name: str):
        value = getattr(infobox, name) if infobox is not None else None
        if value is None and prose is not None:
            value = getattr(prose, name)
        return value

    strength = (infobox.strength if infobox else []) + (prose.strength if prose else [])
    casualties = (infobox.casualties if infobox else []) + (prose.casualties if prose else [])
    return EventRecord.build(
        title=article.title,
        source=Source(
            path=article.path,
            sha256=article.sha256,
            infobox=infobox.kind if infobox is not None else None,
        ),
        event_type=event_type(article, infobox),
        date=pick("date"),
        location=pick("location"),
        part_of=pick("part_of"),
        result=result,
        sides=[Side(side=n, belligerents=a, commanders=c) for n, (a, c) in sorted(sides.items())],
        strength=dedupe(strength),
        casualties=dedupe(casualties),
        warnings=warnings,
    )
