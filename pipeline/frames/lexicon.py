"""The frames' word lists, keyed by lemma, loaded once from `rules/frames.json`.

Reads: `pipeline/rules/frames.json`. Writes: a frozen `Lexicon` of lemma sets and lookups.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    category_verbs: dict[str, frozenset[str]]
    category_nouns: dict[str, frozenset[str]]
    two_category_nouns: frozenset[str]
    sequential_pairs: frozenset[frozenset[str]]
    loss_verbs: frozenset[str]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    report_nouns: frozenset[str]
    source_preps: frozenset[str]
    anaphoric_sources: frozenset[str]
    people: dict[str, frozenset[str]]
    vehicle_nouns: frozenset[str]
    vehicle_loss_verbs: frozenset[str]
    strength_verbs: frozenset[str]
    strength_nouns: frozenset[str]
    other_event_nouns: frozenset[str]
    campaign_markers: tuple[str, ...]
    part_markers: tuple[str, ...]
    zero_words: frozenset[str]
    after_event_cues: tuple[str, ...]

    def verb_category(self, lemma: str) -> str | None:
        for category, lemmas in self.category_verbs.items():
            if lemma in lemmas:
                return category
        return None

    def noun_category(self, lemma: str) -> str | None:
        for category, lemmas in self.category_nouns.items():
            if lemma in lemmas:
                return category
        return None

    def role(self, lemma: str) -> str | None:
        """`state`, `group`, `civilian` or `unknown` for a noun of people; None for other nouns."""
        for role in ("state", "group", "civilian", "unknown"):
            if lemma in self.people[role]:
                return role
        return None

    def is_people(self, lemma: str) -> bool:
        return self.role(lemma) is not None


def _set(values) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(resources.files("pipeline").joinpath("rules/frames.json").read_text(encoding="utf-8"))
    return Lexicon(
        category_verbs={k: _set(v) for k, v in data["category_verbs"].items()},
        category_nouns={k: _set(v) for k, v in data["category_nouns"].items()},
        two_category_nouns=_set(data["two_category_nouns"]),
        sequential_pairs=frozenset(frozenset(p) for p in data["sequential_pairs"]),
        loss_verbs=_set(data["loss_verbs"]),
        light_verbs=_set(data["light_verbs"]),
        reporting_verbs=_set(v for verbs in data["reporting_verbs"].values() for v in verbs),
        report_nouns=_set(data["report_nouns"]),
        source_preps=_set(data["source_preps"]),
        anaphoric_sources=_set(data["anaphoric_sources"]),
        people={k: _set(v) for k, v in data["people_nouns"].items()},
        vehicle_nouns=_set(data["vehicle_nouns"]),
        vehicle_loss_verbs=_set(data["vehicle_loss_verbs"]),
        strength_verbs=_set(data["strength_verbs"]),
        strength_nouns=_set(data["strength_nouns"]),
        other_event_nouns=_set(data["other_event_nouns"]),
        campaign_markers=tuple(m.lower() for m in data["campaign_markers"]),
        part_markers=tuple(m.lower() for m in data["part_markers"]),
        zero_words=_set(data["zero_words"]),
        after_event_cues=tuple(c.lower() for c in data["after_event_cues"]),
    )
