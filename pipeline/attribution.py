"""Who claims a figure: attribution cues as data, their scope within a sentence, and the
`the same source` memory of one article.

Reads: `rules/attribution.json` (cue literal, direction, conditions) and sentence text.
Writes: `Cue` values (find) and, per figure position, the claimant's name (decide). A `SourceMemory`
lives for one article only; nothing here is shared between articles.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .vocabulary import category_of_words, clean_source


class CueRule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    literal: str
    direction: Literal["forward", "backward"]
    sentence_initial: bool = False
    after_comma: bool = False
    requires_after: str | None = None


class AttributionRules(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    cues: list[CueRule]
    terminators: list[str]
    anaphora: list[str]
    source_heads: list[str]
    strip_prefixes: list[str]
    not_sources: list[str]


@lru_cache(maxsize=1)
def rules() -> AttributionRules:
    text = resources.files("pipeline").joinpath("rules/attribution.json").read_text(encoding="utf-8")
    return AttributionRules.model_validate(json.loads(text))


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[CueRule, re.Pattern]]:
    return [
        (rule, re.compile(r"(?<![\w-])" + re.escape(rule.literal).replace(r"\ ", r"\s+") + r"(?![\w-])", re.IGNORECASE))
        for rule in rules().cues
    ]


@dataclass(frozen=True)
class Cue:
    """An attribution cue found in a sentence: where it stands and whom it names."""

    start: int  # offsets within the sentence
    end: int
    scope_start: int  # the part of the sentence the cue covers
    scope_end: int
    source: str | None  # as named, before anaphora are resolved
    anaphoric: bool
    direction: str = "backward"


_REACH = 200  # characters a cue looks at for its claimant's name

_SUBJECT_STOP = re.compile(r"(?:[,;:]\s+(?:and|but|while|whereas)\s+|;\s+|,\s+(?:and|but)\s+|\bthat\s+|\"|\bwhich\s+)", re.IGNORECASE)


def _strip_prefixes(text: str) -> str:
    changed = True
    while changed:
        changed = False
        for prefix in rules().strip_prefixes:
            match = re.match(rf"^{re.escape(prefix)}\b[\s,]*", text, re.IGNORECASE)
            if match:
                text = text[match.end():]
                changed = True
        date = re.match(r"^(?:on|in|by|after|at)\s+[^,]{1,40},\s*", text, re.IGNORECASE)
        if date:
            text = text[date.end():]
            changed = True
    return text


# What may follow a clause-final reporting verb: `…, the army said.`, `…, AQIM said on Monday.`
_CLAUSE_FINAL = re.compile(r"(?:\s+(?:on|in|at|late|later|this|last|after|in\s+a)\b[^,;:\"]{0,40})?\s*[.!?\"”']*\s*$", re.IGNORECASE)


def _backward_source(sentence: str, cue_start: int, cue_end: int) -> str | None:
    """The subject before a reporting verb: `A local official in Bassikounou stated` -> that official."""
    # A claimant's name is a few words; a bounded window keeps a sentence of many cues linear.
    before = sentence[max(0, cue_start - _REACH):cue_start]
    tail = before.rsplit(",", 1)[-1]
    if "," in before and tail.strip() and _CLAUSE_FINAL.match(sentence, cue_end):
        # `Three soldiers were killed, the army said.`: the verb closes the sentence, so its subject is
        # the stretch after the last comma, not the reported clause before it.
        before = tail
    pieces = _SUBJECT_STOP.split(before)
    subject = pieces[-1] if pieces else before
    subject = re.sub(r",[^,]*,\s*$", "", subject.strip() + " ").strip()  # drop an appositive
    subject = re.sub(r"\s+(?:also|further|then|later|only|however|again|instead|had|has|have|in\s+turn)$", "", subject, flags=re.IGNORECASE)
    subject = _strip_prefixes(subject.strip(" ,"))
    subject = re.sub(r",.*$", "", subject)  # `X, however,` -> X
    headed = _source_head(subject)
    if headed != subject:
        return headed  # `Other figures from the MNLA put …` -> the MNLA
    if any(p.search(subject) for _, p in _compiled()) or re.search(
        r"\b(?:in|with|through)\s+(?:a|an|its|their|the)\s+[\w\s-]*?(?:statement|release|report|communiqu\w*)$", subject, re.IGNORECASE
    ):
        return None  # `JNIM claimed … in a statement asserting`: the earlier cue names the claimant
    return subject.strip() or None


def _forward_source(sentence: str, cue_end: int) -> str | None:
    after = sentence[cue_end:cue_end + _REACH]
    match = re.match(r"\s*(?P<source>[^,;:.]+?(?:\.\s?[A-Z]\.[^,;:.]*)?)(?=\s*(?:[,;:]|$|\.\s|\.$|\s+(?:that|who|which)\b))", after)
    if not match:
        return None
    source = match.group("source")
    verbs = [p.search(source) for rule, p in _compiled() if rule.direction == "backward"]
    cut = min((m.start() for m in verbs if m), default=len(source))
    return source[:cut].strip() or None  # `figures from the MNLA put …`: the verb ends the name


def _source_head(text: str | None) -> str | None:
    """`report issued by the MNLA` -> `MNLA`; `post-battle estimates from the army` -> `army`."""
    if not text:
        return None
    for head in sorted(rules().source_heads, key=len, reverse=True):
        match = re.search(rf"\b{re.escape(head)}\s+(?P<s>.+)$", text, re.IGNORECASE)
        if match:
            return match.group("s")
    return text


def is_anaphoric(name: str | None) -> bool:
    if not name:
        return False
    folded = name.strip().lower()
    return folded in rules().anaphora or folded in {a.removeprefix("the ") for a in rules().anaphora}


_WORD = re.compile(r"\s*(\w+)")


def _next_word(sentence: str, position: int) -> str:
    match = _WORD.match(sentence, position)
    return match.group(1) if match else ""


def find_cues(sentence: str) -> list[Cue]:
    """Every attribution cue in one sentence with the span it covers (find; no decisions)."""
    found: list[Cue] = []
    for rule, pattern in _compiled():
        for match in pattern.finditer(sentence):
            if rule.sentence_initial and sentence[:match.start()].strip():
                continue
            before = sentence[max(0, match.start() - 40):match.start()]  # bounded: many cues stay linear
            if rule.after_comma and not re.search(r",\s*$", before):
                continue
            if rule.requires_after and not re.search(rule.requires_after, sentence[match.end():match.end() + 60]):
                continue
            if rule.direction == "backward" and (
                re.search(r"\b(?:were|was|been|be|being|is|are)\s+$", before, re.IGNORECASE)
                or category_of_words(_next_word(sentence, match.end()))
            ):
                continue  # passive (`were confirmed dead`) or a participle (`two people reported killed`)
            if rule.direction == "forward":
                name = _forward_source(sentence, match.end())
            else:
                name = _backward_source(sentence, match.start(), match.end())
            name = _source_head(name)
            cleaned = clean_source(name) if name else None
            if cleaned and cleaned.lower() in rules().not_sources:
                cleaned = None
            if cleaned and len(cleaned.split()) > 9:
                cleaned = None  # a long stretch is a clause, not a claimant's name
            found.append(
                Cue(
                    start=match.start(),
                    end=match.end(),
                    scope_start=match.start(),
                    scope_end=len(sentence),
                    source=cleaned,
                    anaphoric=is_anaphoric(cleaned),
                    direction=rule.direction,
                )
            )
    found.sort(key=lambda c: c.start)
    # A cue nested in the name found by another (`estimates from` inside `according to …`) is the same cue.
    kept: list[Cue] = []
    for cue in found:
        if kept and cue.start < kept[-1].end + 40 and cue.source and kept[-1].source and cue.source in kept[-1].source:
            continue
        kept.append(cue)
    return kept


class SourceMemory:
    """The last source named in one article, for `the same source`, `the group`, `it`."""

    def __init__(self) -> None:
        self.last: str | None = None

    def resolve(self, cue: Cue) -> str | None:
        if cue.anaphoric:
            return self.last
        if cue.source:
            self.last = cue.source
        return cue.source


@lru_cache(maxsize=16)  # asked once per figure of the same sentence
def terminator_positions(sentence: str) -> tuple[int, ...]:
    return tuple(sorted(m.start() for t in rules().terminators for m in re.finditer(re.escape(t), sentence)))


def source_for(position: int, cues: list[tuple[Cue, str | None]], sentence: str) -> str | None:
    """The claimant of a figure at `position`: the nearest cue before it (a forward cue stops at a
    terminator), else the first cue after it in the same clause-free stretch."""
    before = [(c, s) for c, s in cues if c.start <= position]
    terminators = terminator_positions(sentence)
    for cue, source in reversed(before):
        # A forward cue (`According to X,`) covers its clause only; a reporting verb (`X said that
        # …, but that …`) covers all it introduces.
        blocked = cue.direction == "forward" and any(cue.end <= t < position for t in terminators)
        if cue.source is None and not cue.anaphoric:
            continue
        if not blocked:
            return source
        if cue.start == 0 or sentence[:cue.start].strip() == "":
            continue
        return source if not blocked else None
    after = [(c, s) for c, s in cues if c.start > position]
    for cue, source in after:
        if any(position < t < cue.start for t in terminators):
            break
        if cue.source is not None or cue.anaphoric:
            return source
    return None
