"""The record models (pipeline.records): the spec's field rules, cross-field validation, the
derived summary, and the id slug."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from pipeline.article import read_article
from pipeline.records import (
    Actor,
    Commander,
    DateSpan,
    EventRecord,
    Evidence,
    Figure,
    Location,
    Result,
    Side,
    Source,
    Tally,
    slugify,
    summarise,
)

ROOT = Path(__file__).resolve().parent.parent
SHA = "0" * 64


def ev(text: str, start: int = 0) -> dict:
    return {"text": text, "start": start, "end": start + len(text)}


def fig(side, low, high, *, category="killed", group="combatants", source=None, origin="infobox", text="x") -> dict:
    return {
        "side": side,
        "group": group,
        "category": category,
        "low": low,
        "high": high,
        "source": source,
        "origin": origin,
        "evidence": ev(text),
    }


def base(**overrides) -> dict:
    fields = {
        "title": "Battle of Bassikounou",
        "source": {"path": None, "sha256": SHA, "infobox": "military_conflict"},
        "event_type": "battle",
        "sides": [{"side": 1}, {"side": 2}],
    }
    fields.update(overrides)
    return fields


def test_minimal_record_builds_with_derived_id_and_defaults():
    record = EventRecord.build(**base())
    assert record.id == "battle-of-bassikounou"
    assert record.schema_version == "1.0"
    assert record.summary == [] and record.casualties == [] and record.strength == [] and record.warnings == []
    assert record.date is None and record.location is None and record.result is None and record.part_of is None


def test_record_round_trips_through_json():
    record = EventRecord.build(
        **base(
            date={"text": "July 5, 2011", "start": "2011-07-05", "end": "2011-07-05", "precision": "day"},
            location={"text": "near Bassikounou, Mauritania", "place": "Bassikounou", "country": "Mauritania",
                      "country_code": "MR", "near": True},
            result={"text": "Mauritanian victory", "winner": 1},
            sides=[
                {"side": 1, "belligerents": [{"name": "Mauritania"}]},
                {"side": 2, "belligerents": [{"name": "Al-Qaeda in the Islamic Maghreb", "abbreviation": "AQIM"}],
                 "commanders": [{"name": "El Kory Ould Ahmed", "fate": "killed"}]},
            ],
            strength=[fig(2, 150, None, category="personnel")],
            casualties=[fig(2, 15, 20, source="military and medical sources"), fig(1, 3, 4, category="wounded")],
        )
    )
    again = EventRecord.model_validate(json.loads(record.model_dump_json()))
    assert again == record


# --- summary -------------------------------------------------------------------------------------


def test_summary_is_derived_by_build():
    casualties = [
        fig(2, 15, 20, source="military and medical sources"),
        fig(2, 9, 9, category="captured"),
        fig(2, 6, 6, source="Mauritanian Army"),
        fig(2, 2, 2, source="AQIM"),
        fig(1, 3, 4, category="wounded"),
        fig(2, 6, 6, source="Mauritanian Army", origin="text"),
    ]
    record = EventRecord.build(**base(casualties=casualties))
    assert record.summary == [
        Tally(side=2, group="combatants", category="killed", low=2, high=20, claims=4,
              sources=["military and medical sources", "Mauritanian Army", "AQIM"]),
        Tally(side=2, group="combatants", category="captured", low=9, high=9, claims=1, sources=[]),
        Tally(side=1, group="combatants", category="wounded", low=3, high=4, claims=1, sources=[]),
    ]


def test_summary_high_is_null_when_any_claim_is_open_ended():
    record = EventRecord.build(**base(casualties=[fig(1, 40, 40), fig(1, 85, None), fig(1, 10, 10)]))
    assert record.summary == [Tally(side=1, group="combatants", category="killed", low=10, high=None, claims=3)]


def test_summary_keys_on_side_group_and_category():
    casualties = [
        fig(None, 4, 4, group="civilians"),
        fig(None, 80, None, group="unknown"),
        fig(None, 59, 59, group="civilians"),
    ]
    record = EventRecord.build(**base(casualties=casualties))
    assert [(t.side, t.group, t.low, t.high, t.claims) for t in record.summary] == [
        (None, "civilians", 4, 59, 2),
        (None, "unknown", 80, None, 1),
    ]


def test_summarise_of_nothing_is_empty():
    assert summarise([]) == []


def test_build_overrides_a_hand_typed_summary():
    wrong = [{"side": 1, "group": "combatants", "category": "killed", "low": 1, "high": 1, "claims": 1}]
    record = EventRecord.build(**base(casualties=[fig(1, 5, 5)], summary=wrong))
    assert record.summary == summarise(record.casualties)


@pytest.mark.parametrize(
    "summary",
    [
        [{"side": 1, "group": "combatants", "category": "killed", "low": 5, "high": 6, "claims": 1}],
        [{"side": 1, "group": "combatants", "category": "killed", "low": 5, "high": 5, "claims": 2}],
        [{"side": 1, "group": "combatants", "category": "killed", "low": 5, "high": 5, "claims": 1, "sources": ["X"]}],
        [],
    ],
)
def test_hand_typed_wrong_summary_is_rejected(summary):
    fields = base(casualties=[fig(1, 5, 5)], summary=summary, id="battle-of-bassikounou")
    with pytest.raises(ValidationError, match="summary"):
        EventRecord.model_validate(fields)


def test_hand_typed_right_summary_is_accepted():
    summary = [{"side": 1, "group": "combatants", "category": "killed", "low": 5, "high": 5, "claims": 1}]
    record = EventRecord.model_validate(base(casualties=[fig(1, 5, 5)], summary=summary, id="battle-of-bassikounou"))
    assert record.summary[0].low == 5


# --- rejections ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"colour": "red"}, "Extra inputs"),
        ({"source": {"sha256": SHA, "infobox": None, "size": 3}}, "Extra inputs"),
        ({"sides": [{"side": 1, "belligerents": [{"name": "Mali", "type": "state"}]}]}, "Extra inputs"),
        ({"casualties": [{**fig(1, 5, 5), "confidence": 0.9}]}, "Extra inputs"),
        ({"id": "battle-of-bassikounou-2011"}, "slug"),
        ({"id": "Battle-of-Bassikounou"}, "id"),
        ({"title": ""}, "title"),
        ({"schema_version": "1.1"}, "schema_version"),
        ({"event_type": "skirmish"}, "event_type"),
        ({"source": {"sha256": "abc"}}, "sha256"),
        ({"source": {"sha256": SHA, "infobox": "infobox"}}, "infobox"),
        ({"sides": [{"side": 1}, {"side": 3}]}, "numbered"),
        ({"sides": [{"side": 2}, {"side": 1}]}, "numbered"),
        ({"sides": [{"side": 0}]}, "side"),
        ({"casualties": [fig(3, 5, 5)]}, "side 3"),
        ({"strength": [fig(3, 5, 5, category="personnel")]}, "side 3"),
        ({"casualties": [fig(1, 20, 15)]}, "below low"),
        ({"strength": [fig(1, 20, 15, category="personnel")]}, "below low"),
        ({"casualties": [fig(1, -1, 5)]}, "low"),
        # build derives the summary first, whose Tally refuses a strength category
        ({"casualties": [fig(1, 5, 5, category="personnel")]}, "category"),
        ({"casualties": [fig(1, 5, 5, category="vehicles")]}, "category"),
        ({"strength": [fig(1, 5, 5, category="killed")]}, "strength figure"),
        ({"strength": [fig(1, 5, 5, category="captured")]}, "strength figure"),
        ({"casualties": [fig(1, 5, 5, category="displaced")]}, "category"),
        ({"casualties": [fig(1, 5, 5, group="soldiers")]}, "group"),
        ({"casualties": [fig(1, 5, 5, origin="prose")]}, "origin"),
        ({"casualties": [{**fig(1, 5, 5), "evidence": {"text": "5 killed", "start": 10, "end": 12}}]}, "length"),
        ({"result": {"text": "Malian victory", "winner": 3}}, "winner"),
        ({"sides": [{"side": 1, "commanders": [{"name": "X", "fate": "missing"}]}, {"side": 2}]}, "fate"),
        ({"location": {"text": "Mali", "country_code": "MLI"}}, "country_code"),
        ({"location": {"text": "Mali", "country_code": "ml"}}, "country_code"),
        ({"date": {"text": "2011", "start": "2011-07-05", "end": "2011-07-05", "precision": "year"}}, "precision"),
        ({"date": {"text": "x", "start": "2011-07", "end": "2011-07-05", "precision": "day"}}, "precision"),
        ({"date": {"text": "x", "start": "2011-07-06", "end": "2011-07-05", "precision": "day"}}, "before start"),
        ({"date": {"text": "x", "start": "2011-07-05", "end": "2011-07-05", "precision": "week"}}, "precision"),
    ],
)
def test_invalid_records_are_rejected(overrides, message):
    with pytest.raises(ValidationError, match=message):
        EventRecord.build(**base(**overrides))


@pytest.mark.parametrize("category", ["personnel", "vehicles"])
def test_casualty_with_strength_category_is_rejected_without_build(category):
    fields = base(casualties=[fig(1, 5, 5, category=category)], id="battle-of-bassikounou")
    with pytest.raises(ValidationError, match="casualty figure"):
        EventRecord.model_validate(fields)


@pytest.mark.parametrize(
    "overrides",
    [
        {"casualties": [fig(None, 4, 4, group="civilians")]},
        {"casualties": [fig(1, 0, 0)]},
        {"casualties": [fig(1, 150, None)]},
        {"casualties": [fig(1, 5, 5, category="missing", origin="text", source="UN")]},
        {"strength": [fig(2, 2, 4, category="vehicles")]},
        {"result": {"text": "Indecisive", "winner": None}},
        {"result": {"text": "JNIM victory", "winner": 2}},
        {"date": {"text": "March 2012", "start": "2012-03", "end": "2012-03", "precision": "month"}},
        {"date": {"text": "2011", "start": "2011", "end": "2011", "precision": "year"}},
        {"date": {"text": "September 14–15, 2008", "start": "2008-09-14", "end": "2008-09-15", "precision": "day"}},
        {"sides": []},
        {"part_of": "Mali War", "warnings": ["infobox Date: no date read from 'x'"]},
    ],
)
def test_valid_variants_are_accepted(overrides):
    EventRecord.build(**base(**overrides))


@pytest.mark.parametrize(
    "model, data",
    [
        (Evidence, {"text": "abc", "start": 0, "end": 3, "extra": 1}),
        (Figure, {**fig(1, 1, 1), "note": "x"}),
        (Tally, {"side": 1, "group": "combatants", "category": "killed", "low": 1, "high": 1, "claims": 1, "x": 1}),
        (DateSpan, {"text": "2011", "start": "2011", "end": "2011", "precision": "year", "x": 1}),
        (Location, {"text": "Mali", "x": 1}),
        (Result, {"text": "x", "x": 1}),
        (Actor, {"name": "Mali", "x": 1}),
        (Commander, {"name": "X", "x": 1}),
        (Side, {"side": 1, "x": 1}),
        (Source, {"sha256": SHA, "x": 1}),
    ],
)
def test_every_model_rejects_extra_fields(model, data):
    with pytest.raises(ValidationError, match="Extra inputs"):
        model.model_validate(data)


@pytest.mark.parametrize("category", ["personnel", "vehicles"])
def test_tally_is_for_casualty_categories_only(category):
    with pytest.raises(ValidationError):
        Tally(side=1, group="combatants", category=category, low=1, high=1, claims=1)


def test_tally_needs_at_least_one_claim():
    with pytest.raises(ValidationError):
        Tally(side=1, group="combatants", category="killed", low=1, high=1, claims=0)


def test_figure_key_is_the_dedupe_key():
    figure = Figure.model_validate(fig(2, 15, 20, source="AQIM", origin="text"))
    assert figure.key() == ("text", 2, "combatants", "killed", 15, 20, "AQIM")
    same_elsewhere = Figure.model_validate({**fig(2, 15, 20, source="AQIM", origin="text"), "evidence": ev("y", 40)})
    assert same_elsewhere.key() == figure.key()


# --- slugify -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Battle of Araouane (2009)", "battle-of-araouane-2009"),
        ("Battle of Bassikounou", "battle-of-bassikounou"),
        ("Lemgheity attack", "lemgheity-attack"),
        ("2016 Bani Bangou attack", "2016-bani-bangou-attack"),
        ("Siege of Timbuktu", "siege-of-timbuktu"),
        ("Attaque de Ménaka", "attaque-de-menaka"),
        ("Tillabéri – Niger", "tillaberi-niger"),
        ("Battle of Agris Liepiņš", "battle-of-agris-liepins"),
        ("Assimi Goïta's coup", "assimi-goita-s-coup"),
        ("Jama'at Nasr al-Islam wal Muslimin", "jama-at-nasr-al-islam-wal-muslimin"),
        ("  Battle -- of   Kamdesh!! ", "battle-of-kamdesh"),
        ("(2012) Battle", "2012-battle"),
        ("BATTLE OF PALMA", "battle-of-palma"),
        ("Ça Ira", "ca-ira"),
    ],
)
def test_slugify(text, expected):
    assert slugify(text) == expected


@pytest.mark.parametrize(
    "path",
    sorted((ROOT / "corpus" / "dev").glob("*.txt")),
    ids=lambda p: p.name,
)
def test_dev_file_names_are_the_slugs_of_their_titles(path):
    assert slugify(read_article(path).title) == path.stem
