"""Word lists the rules read: casualty categories, people and vehicle nouns, side terms.

Reads: `rules/vocabulary.json`, checked by a small pydantic model when first used.
Writes: lookups from words as written to categories and side kinds.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict

from .frames.lexicon import lexicon
from .records import CASUALTY_CATEGORIES


class Vocabulary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    categories: dict[str, list[str]]
    people: list[str]
    vehicles: list[str]
    civilians: list[str]
    unknown_people: list[str]
    side_terms: dict[str, list[str]]
    actor_types: dict[str, list[str]]
    event_types: dict[str, list[str]]

    def model_post_init(self, _context) -> None:
        unknown = set(self.categories) - set(CASUALTY_CATEGORIES)
        if unknown:
            raise ValueError(f"unknown casualty categories in vocabulary: {sorted(unknown)}")


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    text = resources.files("pipeline").joinpath("rules/vocabulary.json").read_text(encoding="utf-8")
    return Vocabulary.model_validate(json.loads(text))


def words_pattern(words: list[str]) -> re.Pattern:
    """One alternation of whole words or phrases, longest first, case-insensitive."""
    alternatives = sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _category_patterns() -> list[tuple[str, re.Pattern]]:
    vocab = vocabulary()
    # Killed first: a combined `killed or wounded` figure is read as killed, like `losses`.
    return [(cat, words_pattern(vocab.categories[cat])) for cat in CASUALTY_CATEGORIES if cat in vocab.categories]


def _plurals(lemma: str) -> list[str]:
    """A lemma and its plural as infoboxes write it: `gunner(s)`, `militia(s)`, `sentry/sentries`,
    `fireman/firemen`, `infantry` (a mass noun stays as it is)."""
    forms = [lemma, lemma + "s"]
    if lemma.endswith("man"):
        forms.append(lemma[:-3] + "men")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.append(lemma[:-1] + "ies")
    elif lemma.endswith(("s", "x", "ch", "sh")):
        forms.append(lemma + "es")
    return forms


@lru_cache(maxsize=None)
def _pattern(name: str) -> re.Pattern:
    """The words of one list; people and vehicles take in the prose stage's lemma lists too, so
    both stages know the same nouns (`gunners`, `warriors`, `frigates`)."""
    words = list(getattr(vocabulary(), name))
    shared = lexicon()
    if name == "people":
        words += [form for role in ("state", "group", "civilian") for lemma in shared.people[role] for form in _plurals(lemma)]
    elif name == "vehicles":
        words += [form for lemma in shared.vehicle_nouns if lemma != "transport" for form in _plurals(lemma)]
    return words_pattern(words)


def category_of_words(text: str) -> str | None:
    """The casualty category a phrase names (`15–20 killed` -> killed), None if none."""
    for category, pattern in _category_patterns():
        if pattern.search(text):
            return category
    return None


def category_matches(text: str) -> list[tuple[str, int, int]]:
    """Every category word in `text` as (category, start, end), left to right."""
    found = [
        (category, m.start(), m.end())
        for category, pattern in _category_patterns()
        for m in pattern.finditer(text)
    ]
    return sorted(found, key=lambda f: f[1])


def people_word(text: str) -> bool:
    return bool(_pattern("people").search(text))


def vehicle_word(text: str) -> bool:
    return bool(_pattern("vehicles").search(text))


def is_civilian(text: str) -> bool:
    return bool(_pattern("civilians").search(text))


def strength_category(rest: str) -> str | None:
    """`52 men` -> personnel, `10 pickups` -> vehicles; a bare count is personnel."""
    rest = re.sub(r"^[\s:,-]+", "", rest).strip()
    if not rest or re.match(r"^(?:initially|in\s+total|total|at\s+first)\b", rest, re.IGNORECASE):
        return "personnel"
    if _pattern("vehicles").search(rest):
        return "vehicles"
    if _pattern("people").search(rest) or re.match(r"^[\w-]*-trained\b", rest):
        return "personnel"
    if rest[:1].isupper():
        return "vehicles"  # equipment given by make and model: `2 Mil Mi-24s`, `3 Aérospatiale Gazelles`
    return None


def clean_source(text: str) -> str | None:
    """A claimant as the article names it, without a leading article or trailing punctuation."""
    text = re.sub(r"\s+", " ", text).strip(" .,;:\"'()")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return text or None


@lru_cache(maxsize=1)
def _event_patterns() -> list[tuple[str, re.Pattern]]:
    return [(kind, words_pattern(words)) for kind, words in vocabulary().event_types.items()]


def event_type_of(text: str) -> str | None:
    """The event type a title or sentence names by its head word; the earliest word wins."""
    best: tuple[int, str] | None = None
    for kind, pattern in _event_patterns():
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), kind)
    return best[1] if best else None
