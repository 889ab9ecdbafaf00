"""Event records as flat tables: one row per claim, or one row per event in the manner of UCDP GED
or ACLED.

Reads: EventRecords. Writes: rows, each a dict whose keys are the table's columns in order
(`COLUMNS[kind]`); values are str, int, bool or None (an empty cell). Everything here is pure;
reading JSON Lines and writing CSV live in `pipeline.export`. The rules for `best`, for combining
sides into an event's low/best/high and for ACLED's fatalities are in README ("Tables").
"""

from __future__ import annotations

from datetime import date

import pycountry

from .deaths import claimants, deaths
from .records import EventRecord, Figure

CLAIMS_COLUMNS: tuple[str, ...] = (
    "event_id", "title", "date_start", "date_end", "date_precision", "country", "iso2", "iso3",
    "place", "side", "side_actors", "group", "category", "low", "high", "approximate", "source",
    "origin", "evidence", "start", "end",
)
UCDP_COLUMNS: tuple[str, ...] = (
    "id", "side_a", "side_b", "date_start", "date_end", "date_prec", "country", "iso3",
    "where_prec", "where_coordinates", "adm_1", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "low", "best", "high", "source_original",
)
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "iso3", "country", "admin1",
    "location", "geo_precision", "source", "notes", "fatalities",
)
COLUMNS: dict[str, tuple[str, ...]] = {"claims": CLAIMS_COLUMNS, "ucdp": UCDP_COLUMNS, "acled": ACLED_COLUMNS}

_INTEGERS = {
    "claims": {"side", "low", "high", "start", "end"},
    "ucdp": {"date_prec", "where_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "low", "best", "high"},
    "acled": {"year", "time_precision", "iso", "geo_precision", "fatalities"},
}
_BOOLEANS = {"claims": {"approximate"}, "ucdp": set(), "acled": set()}


def dtypes(kind: str) -> dict[str, str]:
    """The pandas dtype of every column: `Int64` (whole numbers, empty = missing), `boolean`
    (`true`/`false`) or `string` (empty = missing)."""
    return {
        column: "Int64" if column in _INTEGERS[kind] else "boolean" if column in _BOOLEANS[kind] else "string"
        for column in COLUMNS[kind]
    }

# ACLED's event type and sub-event type for each of the record's event types. An `attack` on a
# target with no armed actor (civilians, buildings) is violence against civilians; see `_acled_type`.
ACLED_TYPES: dict[str, tuple[str, str]] = {
    "battle": ("Battles", "Armed clash"),
    "clash": ("Battles", "Armed clash"),
    "ambush": ("Battles", "Armed clash"),
    "raid": ("Battles", "Armed clash"),
    "siege": ("Battles", "Armed clash"),
    "attack": ("Battles", "Armed clash"),
    "massacre": ("Violence against civilians", "Attack"),
    "hostage_crisis": ("Violence against civilians", "Abduction/forced disappearance"),
    "bombing": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "other": ("Strategic developments", "Other"),
}

SEPARATOR = "; "


# --------------------------------------------------------------------------------------------
# Shared pieces


def country_codes(record: EventRecord) -> tuple[str | None, str | None, int | None]:
    """(alpha-2, alpha-3, numeric) ISO 3166-1 codes of the record's country."""
    alpha_2 = record.location.country_code if record.location else None
    country = pycountry.countries.get(alpha_2=alpha_2) if alpha_2 else None
    if country is None:
        return alpha_2, None, None
    return alpha_2, country.alpha_3, int(country.numeric)


def actor_names(record: EventRecord, side: int | None) -> list[str]:
    """The actor names of one side (long names, the abbreviation in brackets)."""
    for entry in record.sides:
        if entry.side == side:
            return [f"{a.name} ({a.abbreviation})" if a.abbreviation else a.name for a in entry.belligerents]
    return []


def _days(record: EventRecord) -> int | None:
    """Days between the first and last day of the date span, for day precision."""
    if record.date is None or record.date.precision != "day":
        return None
    return (date.fromisoformat(record.date.end) - date.fromisoformat(record.date.start)).days


def _first_day(iso: str) -> str:
    """The first day of an ISO date at any precision (`2012-03` -> `2012-03-01`)."""
    return iso + "-01" * (2 - iso.count("-"))


# --------------------------------------------------------------------------------------------
# Claims


def claim_rows(record: EventRecord) -> list[dict]:
    """One row per figure, strength first, then casualties, each in reading order."""
    alpha_2, alpha_3, _ = country_codes(record)
    rows = []
    for figure in [*record.strength, *record.casualties]:
        rows.append({
            "event_id": record.id,
            "title": record.title,
            "date_start": record.date.start if record.date else None,
            "date_end": record.date.end if record.date else None,
            "date_precision": record.date.precision if record.date else None,
            "country": record.location.country if record.location else None,
            "iso2": alpha_2,
            "iso3": alpha_3,
            "place": record.location.place if record.location else None,
            "side": figure.side,
            "side_actors": SEPARATOR.join(actor_names(record, figure.side)) or None,
            "group": figure.group,
            "category": figure.category,
            "low": figure.low,
            "high": figure.high,
            "approximate": figure.approximate,
            "source": figure.source,
            "origin": figure.origin,
            "evidence": figure.evidence.text,
            "start": figure.evidence.start,
            "end": figure.evidence.end,
        })
    return rows


# --------------------------------------------------------------------------------------------
# UCDP GED


def date_prec(record: EventRecord) -> int | None:
    """GED's date_prec: 1 one day, 2 two to six days, 3 a week, 4 a month, 5 longer."""
    if record.date is None:
        return None
    days = _days(record)
    if days is not None:
        return 1 if days == 0 else 2 if days <= 5 else 3 if days <= 6 else 4 if days <= 30 else 5
    if record.date.precision == "month" and record.date.start == record.date.end:
        return 4
    return 5


def where_prec(record: EventRecord) -> int | None:
    """GED's where_prec: 1 the place itself, 2 near it, 4 a region, 6 only the country."""
    location = record.location
    if location is None:
        return None
    if location.place:
        return 2 if location.near else 1
    if location.region:
        return 4
    return 6 if location.country else None


def ucdp_row(record: EventRecord) -> dict:
    _, alpha_3, _ = country_codes(record)
    counted = deaths(record)
    extra_sides = [s.side for s in record.sides if s.side >= 2]
    row = {
        "id": record.id,
        "side_a": SEPARATOR.join(actor_names(record, 1)) or None,
        "side_b": SEPARATOR.join(n for s in extra_sides for n in actor_names(record, s)) or None,
        "date_start": _first_day(record.date.start) if record.date else None,
        "date_end": _last_day(record.date.end) if record.date else None,
        "date_prec": date_prec(record),
        "country": record.location.country if record.location else None,
        "iso3": alpha_3,
        "where_prec": where_prec(record),
        "where_coordinates": record.location.place if record.location else None,
        "adm_1": record.location.region if record.location else None,
    }
    parts = {"deaths_a": "side_a", "deaths_b": "side_b", "deaths_civilians": "civilians", "deaths_unknown": "unknown"}
    for column, attribute in parts.items():
        row[column] = getattr(counted, attribute).best if counted else None
    for column in ("low", "best", "high"):
        row[column] = getattr(counted.total, column) if counted else None
    row["source_original"] = SEPARATOR.join(claimants(record)) or None
    return row


def _last_day(iso: str) -> str:
    """The last day of an ISO date at month or year precision (`2012-02` -> `2012-02-29`)."""
    if iso.count("-") == 0:
        return f"{iso}-12-31"
    if iso.count("-") == 1:
        year, month = map(int, iso.split("-"))
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1).isoformat()
    return iso


# --------------------------------------------------------------------------------------------
# ACLED


def time_precision(record: EventRecord) -> int | None:
    """ACLED's time_precision: 1 the day is known, 2 a span within a week, 3 longer or vaguer."""
    if record.date is None:
        return None
    days = _days(record)
    return 3 if days is None else 1 if days == 0 else 2 if days <= 6 else 3


def _acled_type(record: EventRecord) -> tuple[str, str]:
    if record.event_type == "attack" and record.source.infobox == "civilian_attack" and not actor_names(record, 2):
        return ("Violence against civilians", "Attack")
    return ACLED_TYPES[record.event_type]


def disputed(record: EventRecord) -> list[str]:
    """`side/group category: value (source); value (source)` for every count whose claims disagree."""
    groups: dict[tuple, list[Figure]] = {}
    for figure in record.casualties:
        groups.setdefault((figure.side, figure.group, figure.category), []).append(figure)
    notes = []
    for (side, group, category), figures in groups.items():
        if len({(f.low, f.high) for f in figures}) < 2:
            continue
        who = (actor_names(record, side) or [f"side {side}"])[0] if side is not None else ""
        subject = f"{who} {group}".strip() if group != "combatants" or not who else who
        claims: list[str] = []
        for f in figures:
            value = str(f.low) if f.high == f.low else f"{f.low}+" if f.high is None else f"{f.low}-{f.high}"
            claim = f"{value} ({f.source or 'article'})"
            if claim not in claims:
                claims.append(claim)
        notes.append(f"{subject} {category}: {', '.join(claims)}")
    return notes


def acled_row(record: EventRecord) -> dict:
    _, alpha_3, numeric = country_codes(record)
    side_1, side_2 = actor_names(record, 1), [n for s in record.sides if s.side >= 2 for n in actor_names(record, s.side)]
    event_type, sub_event_type = _acled_type(record)
    counted = deaths(record)
    notes = disputed(record)
    location = record.location
    return {
        "event_id_cnty": record.id,
        "event_date": _first_day(record.date.start) if record.date else None,
        "year": int(record.date.start[:4]) if record.date else None,
        "time_precision": time_precision(record),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": side_1[0] if side_1 else None,
        "assoc_actor_1": SEPARATOR.join(side_1[1:]) or None,
        "actor2": side_2[0] if side_2 else None,
        "assoc_actor_2": SEPARATOR.join(side_2[1:]) or None,
        "iso": numeric,
        "iso3": alpha_3,
        "country": location.country if location else None,
        "admin1": location.region if location else None,
        "location": location.place if location else None,
        "geo_precision": None if location is None else 1 if location.place and not location.near else 2 if location.place or location.region else 3,
        "source": SEPARATOR.join(claimants(record)) or None,
        "notes": ("Disputed figures: " + SEPARATOR.join(notes)) if notes else None,
        "fatalities": counted.total.low if counted else 0,
    }


def rows(kind: str, records: list[EventRecord]) -> list[dict]:
    """The rows of one table kind (`claims`, `ucdp`, `acled`) for some records, in record order."""
    if kind == "claims":
        return [row for record in records for row in claim_rows(record)]
    if kind == "ucdp":
        return [ucdp_row(record) for record in records]
    if kind == "acled":
        return [acled_row(record) for record in records]
    raise ValueError(f"unknown table {kind!r}; choose from {', '.join(COLUMNS)}")
