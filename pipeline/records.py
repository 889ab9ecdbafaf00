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
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _span_matches_text(self) -> Evidence:
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"evidence span {self.start}:{self.end} does not have the length of its text"
            )
        return self


class Figure(_Model):
    """One claim about one number."""

    side: int | None = Field(default=None, ge=1)
    group: Group
    category: Category
    low: int = Field(ge=0)
    high: int | None = Field(default=None, ge=0)
    approximate: bool = False
    source: str | None = None
    origin: Origin
    evidence: Evidence

    @model_validator(mode="after")
    def _high_not_below_low(self) -> Figure:
        if self.high is not None and self.high < self.low:
            raise ValueError(f"high ({self.high}) is below low ({self.low})")
        return self

    def key(self) -> tuple:
        """What makes two claims the same claim (the spec's dedupe key)."""
        return (self.origin, self.side, self.group, self.category, self.low, self.high, self.source)


class Tally(_Model):
    side: int | None = Field(default=None, ge=1)
    group: Group
    category: CasualtyCategory
    low: int = Field(ge=0)
    high: int | None = Field(default=None, ge=0)
    claims: int = Field(ge=1)
    sources: list[str] = Field(default_factory=list)


class DateSpan(_Model):
    text: str
    start: str
    end: str
    precision: Precision

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
    text: str
    place: str | None = None
    region: str | None = None
    country: str | None = None
    country_code: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    near: bool = False


class Result(_Model):
    text: str
    winner: int | None = Field(default=None, ge=1)


class Actor(_Model):
    name: str
    abbreviation: str | None = None


class Commander(_Model):
    name: str
    fate: Fate | None = None


class Side(_Model):
    side: int = Field(ge=1)
    belligerents: list[Actor] = Field(default_factory=list)
    commanders: list[Commander] = Field(default_factory=list)


class Source(_Model):
    path: str | None = None
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    infobox: InfoboxKind | None = None


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
    schema_version: Literal["1.0"] = SCHEMA_VERSION
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=1)
    source: Source
    event_type: EventType
    date: DateSpan | None = None
    location: Location | None = None
    part_of: str | None = None
    result: Result | None = None
    sides: list[Side] = Field(default_factory=list)
    strength: list[Figure] = Field(default_factory=list)
    casualties: list[Figure] = Field(default_factory=list)
    summary: list[Tally] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

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
