"""The event record: pydantic models that are the executable form of the output contract.

Every field, enumerated value and cross-field rule of the record specification lives here;
`schemas/*.json` is generated from these models and checked for drift by the test suite.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.0"

EventType = Literal[
    "battle",
    "attack",
    "ambush",
    "raid",
    "siege",
    "massacre",
    "bombing",
    "hostage_crisis",
    "clash",
    "other",
]
InfoboxKind = Literal["military_conflict", "civilian_attack", "other"]
Precision = Literal["day", "month", "year"]
Group = Literal["combatants", "civilians", "unknown"]
CasualtyCategory = Literal["killed", "wounded", "captured", "missing"]
StrengthCategory = Literal["personnel", "vehicles"]
Category = Literal["killed", "wounded", "captured", "missing", "personnel", "vehicles"]
Origin = Literal["infobox", "text"]
Fate = Literal["killed", "captured", "wounded"]

CASUALTY_CATEGORIES: tuple[str, ...] = ("killed", "wounded", "captured", "missing")
STRENGTH_CATEGORIES: tuple[str, ...] = ("personnel", "vehicles")

_ISO_BY_PRECISION = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
}


def slugify(title: str) -> str:
    """The record id: ASCII-folded, lower case, runs of non-alphanumerics to `-`."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if slug:
        return slug
    # A title with no Latin letter or digit (`Битва`) folds to nothing; a digest of the title keeps
    # the id non-empty, stable and distinct per title.
    return "title-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:12]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(_Model):
    text: str = Field(description="The evidence as written: the number and what it counts, or the infobox item's value.")
    start: int = Field(ge=0, description="Character offset of the evidence in the article's text (decoded UTF-8, BOM dropped, CRLF and CR turned into LF).")
    end: int = Field(ge=0, description="End offset (exclusive): article[start:end] == text.")

    @model_validator(mode="after")
    def _span_matches_text(self) -> Evidence:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"evidence span {self.start}:{self.end} does not have the length of its text"
            )
        return self


class Figure(_Model):
    """One claim about one number."""

    side: int | None = Field(default=None, ge=1, description="The side the counted people or vehicles belong to; null for civilians or when no side can be told.")
    group: Group = Field(description="combatants (a side's fighters), civilians, or unknown.")
    category: Category = Field(description="killed, wounded, captured, missing (casualties); personnel, vehicles (strength).")
    low: int = Field(ge=0, description="The lower end; the number itself for a single number; 0 for none/no.")
    high: int | None = Field(default=None, ge=0, description="The upper end; equals low for a single number; null when open-ended (over 150, 150+).")
    approximate: bool = Field(default=False, description="True for ~, about, around, some, roughly, an estimated.")
    source: str | None = Field(default=None, description="Who makes the claim, as the article names them, without a leading article; null when the article states it in its own voice.")
    origin: Origin = Field(description="infobox or text.")
    evidence: Evidence = Field(description="Where the claim stands in the article.")

    @model_validator(mode="after")
    def _high_not_below_low(self) -> Figure:
        if self.high is not None and self.high < self.low:
            raise ValueError(f"high ({self.high}) is below low ({self.low})")
        return self

    def key(self) -> tuple:
        """What makes two claims the same claim (the spec's dedupe key)."""
        return (self.origin, self.side, self.group, self.category, self.low, self.high, self.source)


class Tally(_Model):
    side: int | None = Field(default=None, ge=1, description="The side of the claims summarised (null for civilians or no side).")
    group: Group = Field(description="The group of the claims summarised.")
    category: CasualtyCategory = Field(description="The casualty category of the claims summarised.")
    low: int = Field(ge=0, description="The smallest low of the matching claims.")
    high: int | None = Field(default=None, ge=0, description="The largest high, or null if any matching claim is open-ended.")
    claims: int = Field(ge=1, description="How many claims.")
    sources: list[str] = Field(default_factory=list, description="The claims' distinct sources in reading order (null sources left out).")


class DateSpan(_Model):
    text: str = Field(description="The date as written: September 14–15, 2008.")
    start: str = Field(description="ISO 8601 start at the precision known: 2008-09-14, 2012-03, 2011.")
    end: str = Field(description="ISO 8601 end; equals start for one day.")
    precision: Precision = Field(description="day, month or year.")

    @model_validator(mode="after")
    def _iso_at_precision(self) -> DateSpan:
        pattern = _ISO_BY_PRECISION[self.precision]
        for value in (self.start, self.end):
            if not pattern.match(value):
                raise ValueError(f"{value!r} is not an ISO date at {self.precision} precision")
        if self.end < self.start:
            raise ValueError(f"date end {self.end} is before start {self.start}")
        return self


class Location(_Model):
    text: str = Field(description="The place as written: near Bassikounou, Mauritania.")
    place: str | None = Field(default=None, description="The most specific named place.")
    region: str | None = Field(default=None, description="A named administrative region between place and country.")
    country: str | None = Field(default=None, description="English short name of the country.")
    country_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2 code of the country.")
    near: bool = Field(default=False, description="True when the text says near, outskirts, north of, km from… rather than at.")


class Result(_Model):
    text: str = Field(description="The outcome as written: Mauritanian victory.")
    winner: int | None = Field(default=None, ge=1, description="The side number that won; null for indecisive, ongoing or unclear.")


class Actor(_Model):
    name: str = Field(description="The organisation, state or armed force, its long form when the article gives one.")
    abbreviation: str | None = Field(default=None, description="Its abbreviation when the article gives one (AQIM), else null.")


class Commander(_Model):
    name: str = Field(description="A named leader, without a glued suffix (KIA, POW, WIA).")
    fate: Fate | None = Field(default=None, description="killed (KIA), captured (POW), wounded (WIA), else null.")


class Side(_Model):
    side: int = Field(ge=1, description="The side number, as the infobox numbers its combatants (else by first mention).")
    belligerents: list[Actor] = Field(default_factory=list, description="The organisations, states or armed forces on this side.")
    commanders: list[Commander] = Field(default_factory=list, description="Named leaders of this side; Unknown gives an empty list.")


class Source(_Model):
    path: str | None = Field(default=None, description="The input file as given; null for text passed in memory.")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Hex digest of the input bytes.")
    infobox: InfoboxKind | None = Field(default=None, description="military_conflict, civilian_attack or other; null when there is no infobox.")


def summarise(casualties: list[Figure]) -> list[Tally]:
    """Per side, group and category, the range that the casualty claims span.

    Tallies are ordered by the first claim of each key, so the summary follows reading order.
    """
    groups: dict[tuple, list[Figure]] = {}
    for figure in casualties:
        groups.setdefault((figure.side, figure.group, figure.category), []).append(figure)
    tallies = []
    for (side, group, category), figures in groups.items():
        open_ended = any(f.high is None for f in figures)
        sources: list[str] = []
        for f in figures:
            if f.source is not None and f.source not in sources:
                sources.append(f.source)
        tallies.append(
            Tally(
                side=side,
                group=group,
                category=category,
                low=min(f.low for f in figures),
                high=None if open_ended else max(f.high for f in figures),
                claims=len(figures),
                sources=sources,
            )
        )
    return tallies


class EventRecord(_Model):
    schema_version: Literal["1.0"] = Field(default=SCHEMA_VERSION, description="The version of the record contract.")
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Slug of the title: ASCII-folded, lower case, runs of non-alphanumerics to -.")
    title: str = Field(min_length=1, description="The = Title = line, as written.")
    source: Source = Field(description="Where the record came from.")
    event_type: EventType = Field(description="From the title's head word, else the infobox kind, else the lead sentence.")
    date: DateSpan | None = Field(default=None, description="When the event happened (not background events).")
    location: Location | None = Field(default=None, description="Where it happened.")
    part_of: str | None = Field(default=None, description="The wider conflict (infobox Partof), leading 'the' dropped.")
    result: Result | None = Field(default=None, description="The outcome.")
    sides: list[Side] = Field(default_factory=list, description="The parties, numbered as the infobox numbers them; attack infoboxes: perpetrators side 1, target side 2.")
    strength: list[Figure] = Field(default_factory=list, description="Force sizes (personnel, vehicles), one figure per claim.")
    casualties: list[Figure] = Field(default_factory=list, description="Casualty claims (killed, wounded, captured, missing), one figure per claim.")
    summary: list[Tally] = Field(default_factory=list, description="Per side, group and category, the range the casualty claims span (derived, never typed).")
    warnings: list[str] = Field(default_factory=list, description="What the pipeline noticed but could not settle.")

    @model_validator(mode="after")
    def _consistent(self) -> EventRecord:
        if self.id != slugify(self.title):
            raise ValueError(f"id {self.id!r} is not the slug of the title {self.title!r}")
        numbers = [s.side for s in self.sides]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"sides must be numbered 1..n in order, got {numbers}")
        for figure in self.strength:
            if figure.category not in STRENGTH_CATEGORIES:
                raise ValueError(f"strength figure with category {figure.category!r}")
        for figure in self.casualties:
            if figure.category not in CASUALTY_CATEGORIES:
                raise ValueError(f"casualty figure with category {figure.category!r}")
        for figure in [*self.strength, *self.casualties]:
            if figure.side is not None and figure.side not in numbers:
                raise ValueError(f"figure names side {figure.side}, which the record does not have")
        if self.result is not None and self.result.winner is not None:
            if self.result.winner not in numbers:
                raise ValueError(f"winner {self.result.winner} is not one of the sides")
        if self.summary != summarise(self.casualties):
            raise ValueError("summary does not derive from the casualty claims")
        return self

    @classmethod
    def build(cls, **fields) -> EventRecord:
        """Build a record whose id and summary are derived, never typed by hand."""
        fields.setdefault("id", slugify(fields["title"]))
        fields["summary"] = summarise(
            [f if isinstance(f, Figure) else Figure.model_validate(f) for f in fields.get("casualties", [])]
        )
        return cls.model_validate(fields)


SCHEMA_MODELS: dict[str, type[BaseModel]] = {"event_record": EventRecord}
