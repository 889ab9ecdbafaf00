"""Prose -> casualty and strength claims: find counts and what they count, then decide each
claim's category, side, group and source.

Reads: one sentence at a time (text and its offset in the article), the article's `SideBook`
and `SourceMemory`. Writes: `Figure` values with origin `text` whose evidence slices back out of
the article. The *find* step (`find_mentions`) is pure and testable on a bare sentence; the
*decide* step (`decide`) resolves sides and sources against this one article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from . import vocabulary as vocab
from .attribution import Cue, SourceMemory, find_cues, source_for
from .numbers import Quantity, find_quantities
from .records import Evidence, Figure
from .sides import SideBook

_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Counts of something other than people or vehicles: time, distance, dates.
_UNIT_AFTER = re.compile(
    r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|:\d|%|per\s*cent|percent|"
    r"(?:km|kilomet(?:er|re)s?|miles?|mi|met(?:er|re)s?|minutes?|hours?|days?|weeks?|months?|years?|"
    r"nights?|times?|rounds?|strikes?|shells?|rockets?|mortars?|villages?|towns?|localities|camps?|"
    r"bases?|posts?|positions?|attacks?|raids?|occasions?|(?:" + _MONTHS + r"))\b)",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(rf"(?:{_MONTHS})\.?\s*$", re.IGNORECASE)
_NEAR = 80  # characters around a count that the local tests below look at
_STOP_WORDS = {
    "were", "was", "had", "have", "has", "been", "are", "is", "be", "being", "in", "at", "on", "during", "near",
    "from", "by", "with", "under", "after", "before", "when", "while", "who", "which", "that", "as", "to",
    "for", "into", "over", "against", "and", "or", "but", "also", "then", "later", "still", "all", "among",
    "between", "within", "including", "whose", "could", "would", "may", "might", "did", "not", "died",
    "fled", "escaped", "left", "defected", "remained", "went", "came", "ran", "rode", "drove", "travelling",
    "traveling", "mounted", "armed", "trained", "said", "stated", "reported", "according", "per",
}
_NP_PREFIX = re.compile(r"^\s+(?:of\s+(?:the|its|their|his|her|our|these|those)\s+(?:own\s+)?|of\s+|other\s+|more\s+|further\s+)", re.IGNORECASE)
_PRONOUN_RANKS = re.compile(
    r"\b(?:its|their|our|his)\s+(?:own\s+)?(?:ranks|men|fighters|soldiers|troops|members|side|forces|personnel|losses)\b"
    r"|\b(?:within|in|among)\s+(?:its|their|our)\s+(?:own\s+)?ranks\b",
    re.IGNORECASE,
)
_ENEMY = re.compile(r"\benemy\b", re.IGNORECASE)
_TOLL = re.compile(r"\b(?:death\s+toll|toll|losses|dead)\b", re.IGNORECASE)
_ZERO = re.compile(
    r"\b(?P<none>none)\s+of\s+(?P<np>(?:the|its|their|our|his)\s+(?:own\s+)?[\w-]+)"
    r"|\b(?P<no>no)\s+(?!(?:fewer|less|more|longer|other)\b)(?P<np2>(?:[\w-]+\s+(?:or\s+)?){0,3}?(?:losses|casualties|deaths|dead|one|soldiers|men|fighters|troops|civilians))\b",
    re.IGNORECASE,
)
_STRENGTH_BEFORE = re.compile(
    r"(?:\b(?:had|has|have|with|numbered|numbering|deployed|deploying|included|including|comprised|comprising|"
    r"of|by|fielded|mustered|totalling|totaling|on)\s*$)",
    re.IGNORECASE,
)
_STRENGTH_HEAD_BEFORE = re.compile(
    r"\b(?:patrol|force|group|column|garrison|contingent|unit|detachment|convoy|faction|company|battalion|"
    r"brigades?|attack|assault|raid|team|squad|band)\s+(?:of|by)\s*$"
    r"|\b(?:manned|defended|garrisoned|held|attacked|ambushed|assaulted|stormed)\s+by\s*$"
    r"|\b(?:numbered|numbering|included|including|comprised|comprising|with|deployed|had|has|on|rode\s+in\s+on|backed\s+by|travelling\s+on|traveling\s+on|made\s+up\s+of)\s*$",
    re.IGNORECASE,
)
_STRENGTH_AFTER = re.compile(
    r"^[^.;]{0,25}?\b(?:were|was)\s+(?:also\s+)?(?:stationed|present|deployed|garrisoned|based)\b"
    r"|^\s*(?:under\s+the\s+command|strong\b)"
    r"|^\s*(?:ambushed|attacked|stormed|raided|assaulted|struck|overran|besieged|surrounded)\b",
    re.IGNORECASE,
)
# Background sections tell of other times; only this event's own force (a garrison) counts there.
_BACKGROUND_STRENGTH = re.compile(
    r"\b(?:garrison\w*|stationed|numbered|defended|manned|present|initially|force\s+numbered|"
    r"(?:post-)?(?:battle|attack|assault|raid|ambush))\b",
    re.IGNORECASE
)
_NOT_STRENGTH = re.compile(
    r"\b(?:fled|flee|escaped|defected|displaced|evacuated|released|freed|left|drove\s+away|seized|looted|stole|"
    r"destroyed|damaged|abandoned|burned|lost|captured|shot\s+down|brought\s+down|sank)\b",
    re.IGNORECASE,
)
_ACTIVE_AGENT = re.compile(r"\b(?:had|have|has)\s+(?:\w+\s+)?$|\b(?:to\s+have)\s+$", re.IGNORECASE)
BACKGROUND_SECTIONS = re.compile(r"^(?:background|prelude|history|context|origins?|previous|earlier)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """A count found in a sentence with what it counts (offsets within the sentence)."""

    quantity: Quantity
    noun: str  # the counted noun phrase as written (may be empty: `seventeen injured`)
    noun_end: int
    category: str | None  # casualty category, None for a strength candidate
    category_start: int | None
    kind: str  # `casualty`, `strength`, or `bare` (people counted with nothing said of them yet)
    strength_category: str | None = None


def _noun_phrase(sentence: str, start: int) -> tuple[str, int]:
    """The words after a count up to a verb, preposition or punctuation: `Mauritanian soldiers`."""
    # A noun phrase is a few words long; reading a bounded window keeps long sentences linear.
    text = sentence[start:start + 4 * _NEAR]
    if re.match(r"\s+(?:the|a|an|this|that|these|those)\b", text, re.IGNORECASE):
        return "", start  # `raised to five the following day`: the count stands alone
    prefix = _NP_PREFIX.match(text)
    position = prefix.end() if prefix else 0
    words_end = position
    for match in re.finditer(r"\s*([\w'’-]+)", text[position:]):
        if match.start() != 0 and not text[position + match.start()].isspace():
            break
        word = match.group(1)
        gap = text[words_end:position + match.start(1)]
        if gap.strip():
            break  # punctuation ends the phrase
        lower = word.lower()
        if lower in _STOP_WORDS:
            if lower == "and" and re.match(r"\s+and\s+[A-Z]", text[words_end:]):
                words_end = position + match.end()
                continue  # `MNLA and CMA fighters`
            break
        if vocab.category_of_words(word):
            break
        if lower.endswith("ed") and text[:words_end].strip() and not vocab.people_word(word):
            break  # `forty AQIM jihadists ambushed …`: a verb ends the phrase
        words_end = position + match.end()
        if vocab.people_word(word) or vocab.vehicle_word(word) or len(text[:words_end].split()) > 6:
            break  # the head noun ends the phrase
    owner = re.match(
        r"\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:(?:government|security|armed)\s+forces|army|forces|military|"
        r"troops|police|government|[A-Z][\w'’-]*)\b",
        text[words_end:],
    )
    if owner and text[:words_end].strip():
        words_end += owner.end()  # `soldiers of the Malian army`, `members of the government forces`
    return text[:words_end].strip(), start + words_end


def _is_counted(sentence: str, quantity: Quantity, local_start: int, local_end: int) -> bool:
    """False for years, dates, times and units: counts of something other than people or vehicles."""
    # Look only near the count: scanning the whole sentence for every count is quadratic.
    after = sentence[local_end:local_end + _NEAR]
    before = sentence[max(0, local_start - _NEAR):local_start]
    if _UNIT_AFTER.match(after) or _MONTH_BEFORE.search(before):
        return False
    if not quantity.is_word and 1800 <= quantity.low <= 2100 and quantity.high in (quantity.low, None):
        return False  # a year
    if re.match(r"^(?:st|nd|rd|th)\b", after) or re.search(r"[$€£]\s*$", before):
        return False
    return True


def _zero_mentions(sentence: str) -> list[tuple[Quantity, str]]:
    found = []
    for match in _ZERO.finditer(sentence):
        word = "none" if match.group("none") else "no"
        start = match.start(word)
        np = match.group("np") or match.group("np2") or ""
        found.append((Quantity(start, start + len(word), 0, 0, False, True), np))
    return found


def _drop_asides(text: str) -> str:
    """`ten, among them an officer, had been made prisoner`: an aside between commas is skipped."""
    return re.sub(r",[^,;]{1,40},", " ", text)


def _category_after(sentence: str, start: int, limit: int) -> tuple[str, int, int] | None:
    """The first casualty word after a count, before the next count and within the clause."""
    window = sentence[start:limit]
    clause = re.split(r"[;:]|,\s+(?:while|whereas|but|although)\b|\s+(?:while|whereas)\s+", window)[0]
    clause = clause[:len(clause)]
    for category, cat_start, cat_end in vocab.category_matches(clause):
        between = _drop_asides(clause[:cat_start])
        if len(between.split()) > 7 or re.search(r"\band\b|,", between):
            return None
        if re.search(r"\bnot\b|\bnever\b", between):
            return None
        return category, start + cat_start, start + cat_end
    return None


def _category_before(sentence: str, start: int, floor: int) -> tuple[str, int, int] | None:
    """A casualty word just before a count: `the deaths of nine`, `killed 77`, `toll of 85`."""
    window = sentence[floor:start]
    clause_start = max(window.rfind(";"), window.rfind(":"))
    window = window[clause_start + 1:]
    offset = start - len(window)
    candidates = [(c, s, e) for c, s, e in vocab.category_matches(window)]
    candidates += [("killed", m.start(), m.end()) for m in _TOLL.finditer(window)]
    if not candidates:
        return None
    category, cat_start, cat_end = max(candidates, key=lambda c: c[1])
    between = _drop_asides(window[cat_end:])
    if len(between.split()) > 6 or re.search(r"\band\b|,", between):
        return None  # `lost their lives and 40,000 were displaced`: another conjunct
    if category == "killed" and re.match(r"^\s*(?:in|during|on|at)\b", between) and "toll" not in window[cat_start:cat_end].lower():
        # `killed in the ambush, 40 …`: a new clause, not the object of `killed`.
        if not re.search(r"\b(?:at|to|as|of)\s*$", between):
            return None
    return category, offset + cat_start, offset + cat_end


def find_mentions(sentence: str, background: bool = False) -> list[Mention]:
    """Every count in one sentence that a claim can be made of (find step: no sides, no sources)."""
    return _share_coordinated_category(sentence, _find_mentions(sentence, background), background)


def _share_coordinated_category(sentence: str, mentions: list[Mention], background: bool) -> list[Mention]:
    """`Three soldiers and two civilians were killed`: a count joined by `and` to a counted
    casualty takes its category."""
    shared: list[Mention] = []
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if (
            mention.kind in ("strength", "bare")
            and following is not None
            and following.kind == "casualty"
            and following.category_start is not None
            and following.category_start > following.quantity.start
            and re.fullmatch(r"\s*(?:,\s*)?and\s+", sentence[mention.noun_end:following.quantity.start])
            and vocab.people_word(mention.noun)
        ):
            mention = Mention(mention.quantity, mention.noun, mention.noun_end, following.category, following.category_start, "casualty")
        if mention.kind != "bare":
            shared.append(mention)
    return shared


def _find_mentions(sentence: str, background: bool) -> list[Mention]:
    quantities: list[tuple[Quantity, str | None]] = [(q, None) for q in find_quantities(sentence)]
    quantities += [(q, np) for q, np in _zero_mentions(sentence)]
    quantities.sort(key=lambda item: item[0].start)
    mentions: list[Mention] = []
    previous_end = 0
    for index, (quantity, zero_np) in enumerate(quantities):
        if not _is_counted(sentence, quantity, quantity.start, quantity.end):
            continue
        next_start = quantities[index + 1][0].start if index + 1 < len(quantities) else len(sentence)
        if zero_np is not None:
            noun, noun_end = zero_np, sentence.find(zero_np, quantity.end) + len(zero_np)
        else:
            noun, noun_end = _noun_phrase(sentence, quantity.end)
        head = noun.split()[-1] if noun else ""
        if noun and not _counts_people_or_vehicles(noun):
            if not vocab.category_of_words(head):
                previous_end = quantity.end
                continue
        vehicles = bool(noun) and not vocab.people_word(noun) and (vocab.vehicle_word(noun) or _is_model_name(noun))
        category = None if vehicles else _category_after(sentence, noun_end, next_start)
        if category is None and zero_np is not None and vocab.category_of_words(noun):
            category = (vocab.category_of_words(noun), noun_end - len(noun), noun_end)
        if category is None and not vehicles:
            category = _category_before(sentence, quantity.start, previous_end)
        previous_end = max(previous_end, quantity.end)
        if category is not None:
            if background:
                continue
            mentions.append(Mention(quantity, noun, noun_end, category[0], category[1], "casualty"))
            continue
        if not noun or zero_np is not None:
            strength_kind = "personnel" if _strength_context(sentence, quantity, noun_end, background) else None
            if strength_kind and re.search(r"\b(?:numbered|numbering)\s*$", sentence[max(0, quantity.start - _NEAR):quantity.start], re.IGNORECASE):
                mentions.append(Mention(quantity, noun, noun_end, None, None, "strength", "personnel"))
            continue
        strength_kind = vocab.strength_category(noun)
        if _is_model_name(noun):
            strength_kind = "vehicles"
        if strength_kind and _strength_context(sentence, quantity, noun_end, background):
            mentions.append(Mention(quantity, noun, noun_end, None, None, "strength", strength_kind))
        elif vocab.people_word(noun) and not vehicles:
            mentions.append(Mention(quantity, noun, noun_end, None, None, "bare"))
    return mentions


def _counts_people_or_vehicles(noun: str) -> bool:
    return vocab.people_word(noun) or bool(vocab.strength_category(noun) == "vehicles") or _is_model_name(noun) or (
        noun[:1].isupper()  # `Eight Americans`, `two ISGS fighters`, `Fifteen Ansar Dine militants`
    )


def _is_model_name(noun: str) -> bool:
    """`Mil Mi-24 helicopters`, `Eurocopter AS350 Écureuils`: equipment named by make and model."""
    return bool(re.search(r"\b[A-Z][\w]*-?\d+\w*\b", noun)) and not vocab.people_word(noun)


@dataclass(frozen=True)
class _SentenceIndex:
    semicolons: list[int]
    not_strength: list[int]  # starts of verbs that rule out a strength reading (`fled`, `destroyed`)
    garrison_words: bool  # whether a Background sentence speaks of this event's own force


@lru_cache(maxsize=16)
def _index(sentence: str) -> _SentenceIndex:
    """What `_strength_context` needs of the whole sentence, found once per sentence rather than
    once per count (which made a long sentence quadratic). Pure, so caching it shares nothing
    between documents but work."""
    return _SentenceIndex(
        semicolons=[m.start() for m in re.finditer(";", sentence)],
        not_strength=[m.start() for m in _NOT_STRENGTH.finditer(sentence)],
        garrison_words=bool(_BACKGROUND_STRENGTH.search(sentence)),
    )


def _strength_context(sentence: str, quantity: Quantity, noun_end: int, background: bool) -> bool:
    index = _index(sentence)
    before_count = bisect_left(index.semicolons, quantity.start)
    clause_start = index.semicolons[before_count - 1] if before_count else 0
    after_noun = bisect_left(index.semicolons, noun_end)
    clause_end = index.semicolons[after_noun] if after_noun < len(index.semicolons) else len(sentence)
    first = bisect_left(index.not_strength, clause_start)
    if first < len(index.not_strength) and index.not_strength[first] < clause_end:
        return False
    before = sentence[max(0, quantity.start - _NEAR):quantity.start]
    after = sentence[noun_end:noun_end + _NEAR]
    cue = bool(_STRENGTH_HEAD_BEFORE.search(before) or _STRENGTH_AFTER.match(after))
    if not cue and re.search(r"\b(?:by)\s*$", before) and re.search(r"\b(?:attack|assault|raid)\s+by\s*$", before):
        cue = True
    if background:
        return cue and index.garrison_words
    return cue


# --- decide ------------------------------------------------------------------------------------


@dataclass
class SentenceState:
    """What a sentence has told so far, for elliptical counts (`and twenty were taken prisoner`)."""

    side: int | None = None
    group: str = "combatants"
    last_end: int = 0


def _owner_before(sentence: str, start: int, floor: int, book: SideBook, cue_spans: list[tuple[int, int]]) -> int | None:
    """The actor named between the previous count (or clause start) and this one, source names
    excluded: `the Taliban lost …`, `the MSA and GATIA between them had …`, `Taliban losses at`."""
    window = list(sentence[floor:start])
    for cue_start, cue_end in cue_spans:
        for index in range(max(cue_start, floor), min(cue_end, start)):
            window[index - floor] = " "
    text = "".join(window)
    pieces = re.split(r"[;]", text)
    text = pieces[-1]
    side = book.by_name(text)
    if side is not None:
        return side
    return book.by_term(text)


def _group_of(noun: str) -> str | None:
    if vocab.is_civilian(noun):
        return "civilians"
    if re.search(r"\b(?:people|persons|individuals|victims)\b", noun, re.IGNORECASE):
        return "unknown"
    return None


def decide(
    sentence: str,
    offset: int,
    mentions: list[Mention],
    book: SideBook,
    memory: SourceMemory,
    quote_source: str | None = None,
) -> tuple[list[Figure], list[str], str | None]:
    """Figures for the mentions of one sentence; also warnings, and the source an open quote carries."""
    cues = find_cues(sentence)
    resolved: list[tuple[Cue, str | None]] = [(cue, memory.resolve(cue)) for cue in cues]
    # A cue that names nobody (`and claimed the deaths of`) takes the claimant of the cue before it.
    carried: list[tuple[Cue, str | None]] = []
    last = None
    for cue, source in resolved:
        if source is None and not cue.anaphoric and last is not None:
            source = last
        carried.append((cue, source))
        last = source or last
    cue_spans = []
    for cue, _ in carried:
        if cue.source:
            found = sentence.find(cue.source, max(0, cue.start - 250), cue.end + 250)
            if found >= 0:
                cue_spans.append((found, found + len(cue.source)))
        cue_spans.append((cue.start, cue.end))

    figures: list[Figure] = []
    warnings: list[str] = []
    state = SentenceState()
    for mention in mentions:
        q = mention.quantity
        source = source_for(q.start, [(c, s) for c, s in carried if c.source or c.anaphoric or s], sentence)
        if source is None and not carried:
            source = quote_source
        speaker_side = book.resolve(source) if source else None
        noun = mention.noun
        group = _group_of(noun)
        side = None
        tail = sentence[mention.noun_end:mention.noun_end + 30]
        elliptical = not noun or bool(
            re.fullmatch(r"(?:of\s+)?(?:the\s+)?(?:others?|more|further|another)(?:\s+\w+)?", noun, re.IGNORECASE)
        )
        owner = None
        if group is None:
            if (_PRONOUN_RANKS.search(noun) or _PRONOUN_RANKS.search(tail)) and speaker_side is not None:
                side = speaker_side  # `its own fighters`, `within their ranks`: the claimant's side
            elif _ENEMY.search(sentence[max(0, q.start - 30):mention.noun_end]) and speaker_side is not None:
                others = [n for n in book.numbers() if n != speaker_side]
                side = others[0] if len(others) == 1 else None
            elif noun and not elliptical and (named := book.by_name(noun)) is not None:
                side = named
            else:
                owner = _owner_before(sentence, q.start, state.last_end, book, cue_spans)
                if elliptical or _neutral(noun) or mention.kind == "strength" and not vocab.people_word(noun):
                    side = owner
                    if side is None and state.last_end:
                        side, group = state.side, state.group
                    if side is None and not elliptical:
                        side = book.by_term(noun)
                else:
                    side = book.by_term(noun) or owner
        if side is None and group is None and mention.category in ("killed", "captured") and mention.category_start:
            # `Ansar Dine claimed to have taken 20 prisoners`: the agent's enemies are the ones counted.
            if _ACTIVE_AGENT.search(sentence[:mention.category_start]) and speaker_side is not None:
                others = [n for n in book.numbers() if n != speaker_side]
                side = others[0] if len(others) == 1 else None
        if mention.kind == "strength":
            group = "combatants" if side is not None else "unknown"
        if group is None:
            group = "combatants" if side is not None or vocab.people_word(noun) or not noun else "unknown"
        if group in ("civilians", "unknown"):
            side = None
        state.side, state.group, state.last_end = side, group, mention.noun_end
        start = q.start
        end = max(mention.noun_end, q.end)
        if mention.category_start is not None:
            category_end = mention.category_start + _category_length(sentence, mention.category_start)
            if mention.category_start > end:
                end = category_end
            elif mention.category_start < start:
                start = mention.category_start
        evidence_text = sentence[start:end]
        category = mention.category if mention.kind == "casualty" else mention.strength_category
        if side is None and group == "combatants":
            warnings.append(f"claim with no side: {evidence_text!r}")
        figures.append(
            Figure(
                side=side,
                group=group,
                category=category,
                low=q.low,
                high=q.high,
                approximate=q.approximate,
                source=source,
                origin="text",
                evidence=Evidence(text=evidence_text, start=offset + start, end=offset + end),
            )
        )
    return figures, warnings, _open_quote_source(sentence, carried, quote_source)


def _neutral(noun: str) -> bool:
    """A noun that says people but not whose: `men`, `fighters`, `members`."""
    return bool(re.fullmatch(r"(?:[\w'’-]+\s+)?(?:men|man|fighters|fighter|members|personnel|combatants)", noun.strip(), re.IGNORECASE)) and not any(
        w[:1].isupper() for w in noun.split()
    )


def _category_length(sentence: str, start: int) -> int:
    match = re.match(r"[\w'’-]+(?:\s+(?:prisoner|hostage|their\s+lives|for|toll))?", sentence[start:])
    return len(match.group(0)) if match else 0


def _open_quote_source(sentence: str, cues: list[tuple[Cue, str | None]], current: str | None) -> str | None:
    """A quotation left open at the end of a sentence carries its speaker into the next ones."""
    quotes = sentence.count('"') + sentence.count("“") + sentence.count("”")
    if quotes % 2 == 0:
        return current if current and not quotes else None
    if current is not None:
        return None  # this sentence closes the quotation
    speakers = [s for _, s in cues if s]
    return speakers[-1] if speakers else None
