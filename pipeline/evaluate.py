"""Scoring predicted event records against hand-annotated gold records.

Everything here is pure except the two loaders. The rules follow "Scoring against gold" in
shared/spec/record.md:

- names compare alike everywhere (`names_match`);
- scalar slots count TP / FP / FN per slot (a wrong value against a gold value is both FP and FN);
- actors, commanders and figures are matched one to one with a maximum bipartite matching, so the
  counts do not depend on the order of either list;
- the headline micro-average sums the seven scalar fields, actors, commanders and the
  *attributed* scores of casualties and strength.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from .names import names_match
from .records import Actor, Commander, EventRecord, Figure

T = TypeVar("T")
U = TypeVar("U")

# Scalar slots compared by folded equality, then those compared as names.
EQUAL_FIELDS: tuple[str, ...] = (
    "event_type",
    "date.start",
    "date.end",
    "location.country_code",
    "result.winner",
)
NAME_FIELDS: tuple[str, ...] = ("location.place", "part_of")
SCALAR_FIELDS: tuple[str, ...] = EQUAL_FIELDS + NAME_FIELDS
FIGURE_LISTS: tuple[str, ...] = ("casualties", "strength")
ORIGINS: tuple[str, ...] = ("infobox", "text")

FIELDS: tuple[str, ...] = (
    *SCALAR_FIELDS,
    "actors",
    "commanders",
    *(
        name
        for kind in FIGURE_LISTS
        for score in ("value", "attributed")
        for name in (
            f"{kind}.{score}",
            *(f"{kind}.{score}.{origin}" for origin in ORIGINS),
        )
    ),
)
"""Every field reported, in report order."""

MICRO_FIELDS: tuple[str, ...] = (
    *SCALAR_FIELDS,
    "actors",
    "commanders",
    "casualties.attributed",
    "strength.attributed",
)
"""The fields whose counts the headline micro-average sums."""


# --------------------------------------------------------------------------------------------
# Names


def fold_value(value: Any) -> str | None:
    """The folded form of a scalar slot value: str(value) case-folded and stripped."""
    if value is None:
        return None
    return str(value).casefold().strip()


# --------------------------------------------------------------------------------------------
# Counts


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        denominator = self.tp + self.fp
        return self.tp / denominator if denominator else 0.0

    @property
    def r(self) -> float:
        denominator = self.tp + self.fn
        return self.tp / denominator if denominator else 0.0

    @property
    def f(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def __radd__(self, other: Any) -> Counts:
        if other == 0:  # so that sum() works without a start value
            return self
        return NotImplemented

    def to_json(self) -> dict[str, float | int]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f": round(self.f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


# --------------------------------------------------------------------------------------------
# Matching


def max_matching(
    predicted: Sequence[T], gold: Sequence[U], match: Callable[[T, U], bool]
) -> dict[int, int]:
    """A maximum one-to-one matching between two small lists (Kuhn's augmenting paths).

    Returns {predicted index: gold index}. Its size does not depend on the order of either list.
    """
    edges = [[j for j, g in enumerate(gold) if match(p, g)] for p in predicted]
    gold_to_pred: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in gold_to_pred or augment(gold_to_pred[j], seen):
                gold_to_pred[j] = i
                return True
        return False

    for i in range(len(predicted)):
        if edges[i]:
            augment(i, set())
    return {i: j for j, i in gold_to_pred.items()}


# --------------------------------------------------------------------------------------------
# Items: what was missed or spurious, for the report


@dataclass(frozen=True)
class Item:
    """One missed (FN) or spurious (FP) item of one record; `side` is the number of the side it
    belongs to (the `side=N` of its description), None for an item of no side."""

    field: str
    description: str
    evidence: str | None = None
    note: str | None = None
    side: int | None = None

    def __str__(self) -> str:
        text = self.description
        if self.evidence is not None:
            text += f' \u2014 "{self.evidence}"'
        if self.note:
            text += f" ({self.note})"
        return text

    def to_json(self) -> dict[str, str | None]:
        return {
            "field": self.field,
            "description": self.description,
            "evidence": self.evidence,
            "note": self.note,
            "text": str(self),
        }


def _range(low: int, high: int | None) -> str:
    if high is None:
        return f"{low}+"
    if high == low:
        return str(low)
    return f"{low}\u2013{high}"


def describe_figure(kind: str, figure: Figure) -> str:
    side = "none" if figure.side is None else str(figure.side)
    source = "none" if figure.source is None else figure.source
    approx = "~" if figure.approximate else ""
    return (
        f"{kind} side={side} {figure.group} {figure.category} {approx}"
        f"{_range(figure.low, figure.high)} source={source} [{figure.origin}]"
    )


def describe_actor(side: int, actor: Actor) -> str:
    abbreviation = f" ({actor.abbreviation})" if actor.abbreviation else ""
    return f"actor side={side} {actor.name}{abbreviation}"


def describe_commander(side: int, commander: Commander) -> str:
    fate = commander.fate or "none"
    return f"commander side={side} {commander.name} fate={fate}"


# --------------------------------------------------------------------------------------------
# Per-record scoring


@dataclass
class RecordScore:
    id: str
    fields: dict[str, Counts]
    missed: list[Item] = field(default_factory=list)
    spurious: list[Item] = field(default_factory=list)
    sides: dict[int, list[str]] = field(default_factory=dict)  # actor names by side number, for reports

    @property
    def micro(self) -> Counts:
        return sum((self.fields[name] for name in MICRO_FIELDS), Counts())

    def to_json(self) -> dict[str, Any]:
        return {
            "fields": {name: self.fields[name].to_json() for name in FIELDS},
            "missed": [item.to_json() for item in self.missed],
            "spurious": [item.to_json() for item in self.spurious],
        }


def slot_value(record: EventRecord | None, name: str) -> Any:
    """The value of a dotted scalar slot (`date.start`), None when any step is absent."""
    value: Any = record
    for part in name.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value


def _score_slot(name: str, predicted: Any, gold: Any, score: RecordScore) -> Counts:
    if name in NAME_FIELDS:
        agree = predicted is not None and gold is not None and names_match(predicted, gold)
    else:
        agree = (
            predicted is not None and gold is not None and fold_value(predicted) == fold_value(gold)
        )
    if agree:
        return Counts(tp=1)
    counts = Counts()
    if predicted is not None:
        counts += Counts(fp=1)
        note = "gold is null" if gold is None else f"gold {json.dumps(gold, ensure_ascii=False)}"
        score.spurious.append(
            Item(name, f"{name} = {json.dumps(predicted, ensure_ascii=False)}", note=note)
        )
    if gold is not None:
        counts += Counts(fn=1)
        note = (
            "no prediction"
            if predicted is None
            else f"predicted {json.dumps(predicted, ensure_ascii=False)}"
        )
        score.missed.append(Item(name, f"{name} = {json.dumps(gold, ensure_ascii=False)}", note=note))
    return counts


def _actors_match(p: Actor, g: Actor) -> bool:
    if names_match(p.name, g.name):
        return True
    if p.abbreviation and (names_match(p.abbreviation, g.name) or names_match(p.abbreviation, g.abbreviation)):
        return True
    return bool(g.abbreviation) and names_match(p.name, g.abbreviation)


def _commanders_match(p: Commander, g: Commander) -> bool:
    return p.fate == g.fate and names_match(p.name, g.name)


def _value_key(figure: Figure) -> tuple:
    return (figure.side, figure.group, figure.category, figure.low, figure.high)


def _figures_match_value(p: Figure, g: Figure) -> bool:
    return _value_key(p) == _value_key(g)


def _figures_match_attributed(p: Figure, g: Figure) -> bool:
    if _value_key(p) != _value_key(g):
        return False
    if p.source is None and g.source is None:
        return True
    return names_match(p.source, g.source)


def match_figures(predicted: Sequence[Figure], gold: Sequence[Figure], attributed: bool = True) -> dict[int, int]:
    """The one-to-one matching the figure scores use, {predicted index: gold index}: on value and
    source (`attributed`, the headline score) or on value only."""
    return max_matching(predicted, gold, _figures_match_attributed if attributed else _figures_match_value)


def _sides(record: EventRecord | None) -> dict[int, Any]:
    return {} if record is None else {s.side: s for s in record.sides}


def side_names(predicted: EventRecord | None, gold: EventRecord) -> dict[int, list[str]]:
    """The short names (abbreviation, else name) of each side's belligerents: the gold record's,
    or the prediction's for a side gold does not have or names no actor of."""
    names: dict[int, list[str]] = {}
    for record in (gold, predicted):
        for number, side in _sides(record).items():
            if not names.get(number):
                names[number] = [actor.abbreviation or actor.name for actor in side.belligerents]
    return dict(sorted(names.items()))


def _score_side_lists(
    name: str,
    predicted: EventRecord | None,
    gold: EventRecord,
    attribute: str,
    match: Callable[[Any, Any], bool],
    describe: Callable[[int, Any], str],
    score: RecordScore,
) -> Counts:
    predicted_sides, gold_sides = _sides(predicted), _sides(gold)
    counts = Counts()
    for number in sorted(set(predicted_sides) | set(gold_sides)):
        p_items = getattr(predicted_sides[number], attribute) if number in predicted_sides else []
        g_items = getattr(gold_sides[number], attribute) if number in gold_sides else []
        pairs = max_matching(p_items, g_items, match)
        matched_gold = set(pairs.values())
        counts += Counts(
            tp=len(pairs), fp=len(p_items) - len(pairs), fn=len(g_items) - len(pairs)
        )
        score.missed.extend(
            Item(name, describe(number, g), side=number) for j, g in enumerate(g_items) if j not in matched_gold
        )
        score.spurious.extend(
            Item(name, describe(number, p), side=number) for i, p in enumerate(p_items) if i not in pairs
        )
    return counts


def _counts(pairs: dict[int, int], n_predicted: int, n_gold: int) -> Counts:
    return Counts(tp=len(pairs), fp=n_predicted - len(pairs), fn=n_gold - len(pairs))


def _score_figures(
    kind: str, predicted: list[Figure], gold: list[Figure], score: RecordScore
) -> None:
    matchers = {"value": _figures_match_value, "attributed": _figures_match_attributed}
    pairs_by_score: dict[str, dict[int, int]] = {}
    for label, match in matchers.items():
        pairs = max_matching(predicted, gold, match)
        pairs_by_score[label] = pairs
        score.fields[f"{kind}.{label}"] = _counts(pairs, len(predicted), len(gold))
        for origin in ORIGINS:
            p_origin = [f for f in predicted if f.origin == origin]
            g_origin = [f for f in gold if f.origin == origin]
            origin_pairs = max_matching(p_origin, g_origin, match)
            score.fields[f"{kind}.{label}.{origin}"] = _counts(
                origin_pairs, len(p_origin), len(g_origin)
            )

    # Missed and spurious items follow the attributed score (the one in the headline); an item
    # that the value score did match notes that only the source differs.
    value_pairs, attributed_pairs = pairs_by_score["value"], pairs_by_score["attributed"]
    value_gold, attributed_gold = set(value_pairs.values()), set(attributed_pairs.values())
    note = "value matches; source differs"
    for j, g in enumerate(gold):
        if j not in attributed_gold:
            score.missed.append(
                Item(kind, describe_figure(kind, g), g.evidence.text, note if j in value_gold else None, g.side)
            )
    for i, p in enumerate(predicted):
        if i not in attributed_pairs:
            score.spurious.append(
                Item(kind, describe_figure(kind, p), p.evidence.text, note if i in value_pairs else None, p.side)
            )


def score_record(predicted: EventRecord | None, gold: EventRecord) -> RecordScore:
    """Score one prediction (None when there is none) against its gold record."""
    score = RecordScore(id=gold.id, fields={}, sides=side_names(predicted, gold))
    for name in SCALAR_FIELDS:
        score.fields[name] = _score_slot(
            name, slot_value(predicted, name), slot_value(gold, name), score
        )
    score.fields["actors"] = _score_side_lists(
        "actors", predicted, gold, "belligerents", _actors_match, describe_actor, score
    )
    score.fields["commanders"] = _score_side_lists(
        "commanders", predicted, gold, "commanders", _commanders_match, describe_commander, score
    )
    for kind in FIGURE_LISTS:
        _score_figures(
            kind,
            [] if predicted is None else getattr(predicted, kind),
            getattr(gold, kind),
            score,
        )
    return score


# --------------------------------------------------------------------------------------------
# The whole evaluation


@dataclass
class Evaluation:
    micro: Counts
    fields: dict[str, Counts]
    records: dict[str, RecordScore]
    errors: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "micro": self.micro.to_json(),
            "fields": {name: self.fields[name].to_json() for name in FIELDS},
            "records": {rid: record.to_json() for rid, record in self.records.items()},
            "errors": list(self.errors),
        }


def evaluate(predictions: list[EventRecord], gold: list[EventRecord]) -> Evaluation:
    """Score predictions against gold, pairing records by id.

    A gold record with no prediction scores all its items as false negatives; a prediction with
    no gold is not scored. Both are listed in `errors`, as are duplicate ids (the first is used).
    """
    errors: list[str] = []
    by_id: dict[str, EventRecord] = {}
    for record in predictions:
        if record.id in by_id:
            errors.append(f"duplicate prediction for {record.id} (first one scored)")
            continue
        by_id[record.id] = record

    records: dict[str, RecordScore] = {}
    for record in gold:
        if record.id in records:
            errors.append(f"duplicate gold for {record.id} (first one scored)")
            continue
        predicted = by_id.get(record.id)
        if predicted is None:
            errors.append(f"missing prediction for {record.id}")
        records[record.id] = score_record(predicted, record)

    gold_ids = {record.id for record in gold}
    errors.extend(f"no gold for {rid}" for rid in by_id if rid not in gold_ids)

    fields = {
        name: sum((r.fields[name] for r in records.values()), Counts()) for name in FIELDS
    }
    micro = sum((fields[name] for name in MICRO_FIELDS), Counts())
    return Evaluation(micro=micro, fields=fields, records=records, errors=errors)


# --------------------------------------------------------------------------------------------
# Loaders


def load_predictions(path: str | Path) -> list[EventRecord]:
    """Read a JSON Lines file of event records; blank lines are skipped.

    Raises ValueError naming the file and the line number of the first line that is not JSON or
    not a valid EventRecord.
    """
    path = Path(path)
    records: list[EventRecord] = []
    with path.open(encoding="utf-8-sig") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(EventRecord.model_validate(json.loads(line)))
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not JSON: {error}") from error
            except ValidationError as error:
                raise ValueError(f"{path}:{number}: not a valid event record: {error}") from error
    return records


def load_gold(directory: str | Path) -> list[EventRecord]:
    """Read every `*.json` file of a folder (sorted by name) as one gold event record each.

    Raises ValueError naming the file that is not JSON or not a valid EventRecord.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise NotADirectoryError(f"gold folder {directory} does not exist or is not a folder")
    records: list[EventRecord] = []
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}: not JSON: {error}") from error
        try:
            records.append(EventRecord.model_validate(data))
        except ValidationError as error:
            raise ValueError(f"{path}: not a valid event record: {error}") from error
    return records
