"""Scoring against gold: small hand-computed cases with known TP / FP / FN."""

from __future__ import annotations

import itertools
import json
import random

import pytest

from pipeline.evaluate import (
    FIELDS,
    MICRO_FIELDS,
    Counts,
    evaluate,
    load_gold,
    load_predictions,
    max_matching,
)
from pipeline.names import fold_name, names_match
from pipeline.records import EventRecord

SOURCE = {"sha256": "0" * 64}
TITLE = "Battle of Bassikounou"


def fig(side, low, high="same", *, category="killed", group="combatants", source=None,
        origin="infobox", text=None, approximate=False):
    high = low if high == "same" else high
    text = text if text is not None else f"{low} {category}"
    return {
        "side": side,
        "group": group,
        "category": category,
        "low": low,
        "high": high,
        "approximate": approximate,
        "source": source,
        "origin": origin,
        "evidence": {"text": text, "start": 0, "end": len(text)},
    }


def rec(title=TITLE, **fields) -> EventRecord:
    fields.setdefault("event_type", "battle")
    fields.setdefault("sides", [{"side": 1}, {"side": 2}])
    return EventRecord.build(title=title, source=SOURCE, **fields)


def score(predicted: EventRecord | None, gold: EventRecord):
    return evaluate([] if predicted is None else [predicted], [gold])


def counts(evaluation, name) -> tuple[int, int, int]:
    c = evaluation.fields[name]
    return (c.tp, c.fp, c.fn)


# ---------------------------------------------------------------------------------- names


def test_fold_name_folds_case_accents_punctuation_and_articles():
    assert fold_name("Sékou Traoré") == ("sekou", "traore")
    assert fold_name("The Al-Qaeda in the Islamic Maghreb") == ("al", "qaeda", "in", "islamic", "maghreb")
    assert fold_name("Cpt. Sekou TRAORE") == ("cpt", "sekou", "traore")
    assert fold_name("An army, a town") == ("army", "town")
    assert fold_name("Ansar Dine's men") == ("ansar", "dines", "men")
    assert fold_name("") == ()
    assert fold_name("the") == ()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Al-Qaeda in the Islamic Maghreb", "al Qaeda in the Islamic Maghreb", True),
        ("the Malian Army", "Malian Army", True),
        ("Sékou Traoré", "Cpt. Sekou Traore", True),
        ("AQIM", "aqim", True),
        # word-level containment: "mauritania" is not the word "mauritanian", and the two names
        # share no word, so they do not match
        ("Mauritanian Army", "Mauritania", False),
        # containment of the shorter as a contiguous run of words
        ("Mauritanian Army", "Army", True),
        ("local official in Bassikounou", "official in Bassikounou", True),
        # half the words of the longer shared (2 of 4), though not contiguous
        ("military and medical sources", "medical and police sources", True),
        # fewer than half: 1 of 3
        ("Malian Armed Forces", "Malian Army", False),
        # the half rule is generous: one shared word of two is enough
        ("Malian Army", "Mauritanian Army", True),
        ("AQIM", "Mauritanian Army", False),
        ("Mokhtar Belmokhtar", "Abdelhamid Abou Zeid", False),
        ("", "", False),
        ("The", "the", False),
        ("The", "Malian Army", False),
        (None, "AQIM", False),
    ],
)
def test_names_match_table(a, b, expected):
    assert names_match(a, b) is expected
    assert names_match(b, a) is expected


# ---------------------------------------------------------------------------------- counts


def test_counts_ratios_and_sum():
    c = Counts(tp=3, fp=1, fn=2)
    assert c.p == pytest.approx(0.75)
    assert c.r == pytest.approx(0.6)
    assert c.f == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Counts().p == Counts().r == Counts().f == 0.0
    assert Counts(fp=2).f == 0.0
    assert c + Counts(1, 1, 1) == Counts(4, 2, 3)
    assert sum([c, c]) == Counts(6, 2, 4)


def test_max_matching_finds_the_maximum_in_every_order():
    # P1 matches G1 and G2, P2 only G1: a greedy pass in order would match one pair only.
    predicted = ["Malian Army", "Malian"]
    gold = ["Malian Army", "Army"]
    for p in itertools.permutations(predicted):
        for g in itertools.permutations(gold):
            pairs = max_matching(list(p), list(g), names_match)
            assert len(pairs) == 2
            assert len(set(pairs.values())) == 2


# ---------------------------------------------------------------------------------- scalar slots


def test_scalar_slot_semantics():
    date = {"text": "July 5, 2011", "start": "2011-07-05", "end": "2011-07-05", "precision": "day"}
    gold = rec(
        event_type="battle",
        date=date,
        location={"text": "near Bassikounou, Mauritania", "place": "Bassikounou", "country_code": "MR"},
        part_of="Mali War",
        result=None,
    )
    predicted = rec(
        event_type="attack",  # wrong: FP and FN
        date=None,  # gold non-null, prediction null: FN for start and end
        location={"text": "Bassikounou", "place": "bassikounou", "country_code": None},  # TP / FN
        part_of="the Mali War",  # TP (names)
        result={"text": "Mauritanian victory", "winner": 1},  # gold null: FP
    )
    e = score(predicted, gold)
    assert counts(e, "event_type") == (0, 1, 1)
    assert counts(e, "date.start") == (0, 0, 1)
    assert counts(e, "date.end") == (0, 0, 1)
    assert counts(e, "location.place") == (1, 0, 0)
    assert counts(e, "location.country_code") == (0, 0, 1)
    assert counts(e, "part_of") == (1, 0, 0)
    assert counts(e, "result.winner") == (0, 1, 0)


def test_scalar_both_null_counts_nothing_and_equal_values_are_tp():
    e = score(rec(), rec())
    assert counts(e, "event_type") == (1, 0, 0)
    for name in ("date.start", "date.end", "location.place", "location.country_code", "part_of", "result.winner"):
        assert counts(e, name) == (0, 0, 0)


def test_wrong_winner_is_fp_and_fn():
    gold = rec(result={"text": "Mauritanian victory", "winner": 1})
    predicted = rec(result={"text": "AQIM victory", "winner": 2})
    e = score(predicted, gold)
    assert counts(e, "result.winner") == (0, 1, 1)
    record = e.records[gold.id]
    assert [i.field for i in record.missed] == ["result.winner"]
    assert [i.field for i in record.spurious] == ["result.winner"]


# ---------------------------------------------------------------------------------- actors, commanders


def test_actors_match_per_side_on_name_or_abbreviation():
    gold = rec(sides=[
        {"side": 1, "belligerents": [{"name": "Mauritania"}]},
        {"side": 2, "belligerents": [
            {"name": "Al-Qaeda in the Islamic Maghreb", "abbreviation": "AQIM"},
            {"name": "drug traffickers"},
        ]},
    ])
    predicted = rec(sides=[
        {"side": 1, "belligerents": [{"name": "Mauritania"}, {"name": "drug traffickers"}]},
        {"side": 2, "belligerents": [{"name": "AQIM"}]},
    ])
    e = score(predicted, gold)
    # Mauritania TP, AQIM TP via abbreviation; traffickers on the wrong side: FP on 1, FN on 2
    assert counts(e, "actors") == (2, 1, 1)


def test_actor_abbreviation_against_abbreviation():
    gold = rec(sides=[{"side": 1, "belligerents": [{"name": "Movement for Oneness and Jihad in West Africa", "abbreviation": "MOJWA"}]}])
    predicted = rec(sides=[{"side": 1, "belligerents": [{"name": "Jamat Tawhid Wal Jihad Fi Garbi Afriqqiya", "abbreviation": "MOJWA"}]}])
    assert counts(score(predicted, gold), "actors") == (1, 0, 0)


def test_commanders_need_name_and_fate():
    gold = rec(sides=[
        {"side": 1, "commanders": [{"name": "Sékou Traoré", "fate": "killed"}, {"name": "Ag Gamou"}]},
        {"side": 2},
    ])
    predicted = rec(sides=[
        {"side": 1, "commanders": [{"name": "Cpt. Sekou Traore", "fate": "killed"}, {"name": "Ag Gamou", "fate": "captured"}]},
        {"side": 2, "commanders": [{"name": "Abou Zeid"}]},
    ])
    e = score(predicted, gold)
    assert counts(e, "commanders") == (1, 2, 1)


# ---------------------------------------------------------------------------------- figures


def test_two_identical_predictions_match_one_gold_figure():
    gold = rec(casualties=[fig(2, 15, 20, source="AQIM")])
    predicted = rec(casualties=[fig(2, 15, 20, source="AQIM", text="15-20 killed"),
                                fig(2, 15, 20, source="AQIM", text="15 to 20 dead")])
    e = score(predicted, gold)
    assert counts(e, "casualties.value") == (1, 1, 0)
    assert counts(e, "casualties.attributed") == (1, 1, 0)


def test_value_versus_attributed():
    gold = rec(casualties=[
        fig(2, 6, source="Mauritanian Army"),
        fig(2, 2, source="AQIM"),
        fig(1, 3, 4, category="wounded"),
        fig(2, 9, category="captured", source="the Mauritanian Army"),
    ])
    predicted = rec(casualties=[
        fig(2, 6, source="AQIM"),  # value TP, attributed FP + FN
        fig(2, 2, source=None),  # value TP, attributed FP + FN
        fig(1, 3, 4, category="wounded"),  # both null: TP on both
        fig(2, 9, category="captured", source="Mauritanian army"),  # names match: TP on both
        fig(2, 9, category="killed"),  # wrong category: FP on both
    ])
    e = score(predicted, gold)
    assert counts(e, "casualties.value") == (4, 1, 0)
    assert counts(e, "casualties.attributed") == (2, 3, 2)
    record = e.records[gold.id]
    notes = [i.note for i in record.missed]
    assert notes.count("value matches; source differs") == 2


def test_open_ended_high_must_match():
    gold = rec(casualties=[fig(None, 80, None, group="unknown")])
    predicted = rec(casualties=[fig(None, 80, 80, group="unknown")])
    assert counts(score(predicted, gold), "casualties.value") == (0, 1, 1)


def test_per_origin_split():
    gold = rec(casualties=[
        fig(2, 15, 20, origin="infobox"),
        fig(2, 15, 20, origin="text"),
        fig(2, 9, category="captured", origin="infobox"),
    ], strength=[fig(1, 40, category="personnel", origin="text")])
    predicted = rec(casualties=[
        fig(2, 15, 20, origin="infobox"),
        fig(2, 7, origin="text"),
        fig(2, 9, category="captured", origin="text"),  # right value, wrong origin
    ], strength=[fig(1, 40, category="personnel", origin="infobox")])
    e = score(predicted, gold)
    # overall matching ignores origin
    assert counts(e, "casualties.value") == (2, 1, 1)
    assert counts(e, "casualties.value.infobox") == (1, 0, 1)
    assert counts(e, "casualties.value.text") == (0, 2, 1)
    assert counts(e, "casualties.attributed.infobox") == (1, 0, 1)
    assert counts(e, "casualties.attributed.text") == (0, 2, 1)
    assert counts(e, "strength.value") == (1, 0, 0)
    assert counts(e, "strength.value.infobox") == (0, 1, 0)
    assert counts(e, "strength.value.text") == (0, 0, 1)


def test_order_independence():
    sides = [
        {"side": 1, "belligerents": [{"name": "Malian Army"}, {"name": "Army"}],
         "commanders": [{"name": "Ag Gamou"}, {"name": "El Hadj Ag Gamou"}]},
        {"side": 2, "belligerents": [{"name": "AQIM"}, {"name": "Ansar Dine"}]},
    ]
    gold = rec(sides=sides, casualties=[
        fig(2, 15, 20, source="military and medical sources"),
        fig(2, 15, 20, source="medical sources"),
        fig(2, 6, source="Mauritanian Army"),
        fig(2, 6, source="Mauritanian Army", origin="text"),
        fig(1, 3, 4, category="wounded"),
    ])
    predicted_sides = [
        {"side": 1, "belligerents": [{"name": "Malian"}, {"name": "Malian Army"}],
         "commanders": [{"name": "El Hadj Gamou"}, {"name": "Gamou"}]},
        {"side": 2, "belligerents": [{"name": "Ansar Dine"}, {"name": "MUJAO"}]},
    ]
    casualties = [
        fig(2, 15, 20, source="medical sources"),
        fig(2, 15, 20, source="military sources"),
        fig(2, 6, source="Army", origin="text"),
        fig(2, 6),
        fig(1, 3, 4, category="wounded", source="Malian Army"),
        fig(1, 3, 4, category="wounded"),
    ]
    baseline = score(rec(sides=predicted_sides, casualties=casualties), gold).to_json()["fields"]
    rng = random.Random(1234)
    for _ in range(25):
        shuffled_sides = [
            {**s, **{k: rng.sample(s[k], len(s[k])) for k in ("belligerents", "commanders") if k in s}}
            for s in predicted_sides
        ]
        shuffled = rec(sides=shuffled_sides, casualties=rng.sample(casualties, len(casualties)))
        assert score(shuffled, gold).to_json()["fields"] == baseline
    assert baseline["actors"]["tp"] == 3
    assert baseline["commanders"]["tp"] == 2


# ---------------------------------------------------------------------------------- micro, records


def _full_gold() -> EventRecord:
    return rec(
        event_type="battle",
        date={"text": "July 5, 2011", "start": "2011-07-05", "end": "2011-07-05", "precision": "day"},
        location={"text": "near Bassikounou, Mauritania", "place": "Bassikounou", "country": "Mauritania",
                  "country_code": "MR", "near": True},
        part_of="Mali War",
        result={"text": "Mauritanian victory", "winner": 1},
        sides=[
            {"side": 1, "belligerents": [{"name": "Mauritania"}], "commanders": []},
            {"side": 2, "belligerents": [{"name": "Al-Qaeda in the Islamic Maghreb", "abbreviation": "AQIM"}],
             "commanders": [{"name": "Abou Zeid"}]},
        ],
        casualties=[
            fig(1, 3, 4, category="wounded", text="3–4 injured"),
            fig(2, 15, 20, source="military and medical sources",
                text="15–20 killed (per military and medical sources)"),
            fig(2, 2, source="AQIM", text="2 killed (per AQIM)"),
        ],
        strength=[fig(2, 40, category="personnel", origin="text", text="some 40 jihadists")],
    )


def test_micro_average_sums_the_headline_fields():
    gold = _full_gold()
    predicted = rec(
        event_type="battle",  # TP
        date={"text": "July 5, 2011", "start": "2011-07-05", "end": "2011-07-06", "precision": "day"},  # TP, FP+FN
        location={"text": "Bassikounou", "place": "Bassikounou", "country_code": "ML"},  # TP, FP+FN
        part_of=None,  # FN
        result={"text": "Mauritanian victory", "winner": 1},  # TP
        sides=[
            {"side": 1, "belligerents": [{"name": "Mauritania"}]},  # TP
            {"side": 2, "belligerents": [{"name": "AQIM"}], "commanders": [{"name": "Abou Zeid", "fate": "killed"}]},
        ],  # actors TP 2; commander wrong fate: FP+FN
        casualties=[
            fig(1, 3, 4, category="wounded"),  # TP
            fig(2, 15, 20, source="medical sources"),  # TP (contained in the gold source)
            fig(2, 2, source="Mauritanian Army"),  # value TP, attributed FP+FN
        ],
        strength=[],  # FN
    )
    e = score(predicted, gold)
    # event_type TP, date.start TP, date.end FP+FN, country_code FP+FN, winner TP, place TP, part_of FN
    scalar = sum((e.fields[n] for n in MICRO_FIELDS[:7]), Counts())
    assert scalar == Counts(tp=4, fp=2, fn=3)
    assert e.fields["actors"] == Counts(tp=2)
    assert e.fields["commanders"] == Counts(fp=1, fn=1)
    assert e.fields["casualties.value"] == Counts(tp=3)
    assert e.fields["casualties.attributed"] == Counts(tp=2, fp=1, fn=1)
    assert e.fields["strength.attributed"] == Counts(fn=1)
    assert e.micro == Counts(tp=4 + 2 + 2, fp=2 + 1 + 1, fn=3 + 1 + 1 + 1)
    assert e.micro == sum((e.fields[n] for n in MICRO_FIELDS), Counts())
    # the value score is not in the micro-average
    assert e.micro.tp == 8


def test_micro_sums_over_records():
    gold_a = _full_gold()
    gold_b = rec(title="Battle of Araouane (2009)", casualties=[fig(2, 5)])
    e = evaluate([gold_a, rec(title="Battle of Araouane (2009)")], [gold_a, gold_b])
    assert e.fields["casualties.attributed"] == Counts(tp=3, fn=1)
    assert e.micro == sum((r.micro for r in e.records.values()), Counts())
    assert e.errors == []


def test_missing_prediction_counts_every_gold_item_as_fn():
    gold = _full_gold()
    e = evaluate([], [gold])
    assert e.errors == [f"missing prediction for {gold.id}"]
    # 7 scalar slots, 2 actors, 1 commander, 3 casualties, 1 strength
    assert e.micro == Counts(fn=7 + 2 + 1 + 3 + 1)
    assert e.fields["casualties.value.infobox"] == Counts(fn=3)
    assert e.fields["strength.value.text"] == Counts(fn=1)
    record = e.records[gold.id]
    assert len(record.missed) == 14
    assert record.spurious == []
    evidence = [i.evidence for i in record.missed if i.evidence]
    assert "15–20 killed (per military and medical sources)" in evidence


def test_prediction_without_gold_is_ignored_but_listed():
    gold = _full_gold()
    extra = rec(title="Battle of Nowhere", casualties=[fig(1, 100)])
    e = evaluate([gold, extra], [gold])
    assert e.errors == ["no gold for battle-of-nowhere"]
    assert list(e.records) == [gold.id]
    assert e.micro.fp == 0 and e.micro.fn == 0


def test_missed_and_spurious_items_describe_figures_with_evidence():
    gold = rec(casualties=[fig(2, 15, 20, source="AQIM", text="15–20 killed (per AQIM)")])
    predicted = rec(casualties=[fig(1, 3, source=None, origin="text", text="three soldiers died")])
    record = score(predicted, gold).records[gold.id]
    [missed] = record.missed
    assert str(missed) == 'casualties side=2 combatants killed 15–20 source=AQIM [infobox] — "15–20 killed (per AQIM)"'
    [spurious] = record.spurious
    assert spurious.evidence == "three soldiers died"
    assert "side=1" in spurious.description and "source=none" in spurious.description


def test_to_json_shape():
    gold = _full_gold()
    e = evaluate([rec(casualties=[fig(2, 2, source="AQIM")])], [gold])
    data = e.to_json()
    assert set(data) == {"micro", "fields", "records", "errors"}
    assert set(data["micro"]) == {"p", "r", "f", "tp", "fp", "fn"}
    assert list(data["fields"]) == list(FIELDS)
    assert len(FIELDS) == 21
    assert set(data["records"][gold.id]) == {"fields", "missed", "spurious"}
    assert list(data["records"][gold.id]["fields"]) == list(FIELDS)
    for value in (data["micro"]["p"], data["micro"]["r"], data["micro"]["f"]):
        assert value == round(value, 4)
    json.dumps(data)  # serialisable


# ---------------------------------------------------------------------------------- loaders


def test_load_predictions_round_trip_and_errors(tmp_path):
    gold = _full_gold()
    other = rec(title="Battle of Araouane (2009)")
    path = tmp_path / "out.jsonl"
    path.write_text(gold.model_dump_json() + "\n\n" + other.model_dump_json() + "\n", encoding="utf-8")
    assert load_predictions(path) == [gold, other]

    bad = tmp_path / "bad.jsonl"
    broken = json.loads(other.model_dump_json())
    broken["event_type"] = "skirmish"
    bad.write_text(gold.model_dump_json() + "\n" + json.dumps(broken) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2"):
        load_predictions(bad)

    not_json = tmp_path / "notjson.jsonl"
    not_json.write_text("{oops\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"notjson\.jsonl:1"):
        load_predictions(not_json)


def test_load_gold_sorted_and_errors(tmp_path):
    a = rec(title="Battle of Araouane (2009)")
    b = _full_gold()
    (tmp_path / f"{b.id}.json").write_text(b.model_dump_json(indent=2), encoding="utf-8")
    (tmp_path / f"{a.id}.json").write_text(a.model_dump_json(indent=2), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not gold", encoding="utf-8")
    assert load_gold(tmp_path) == [a, b]

    broken = json.loads(a.model_dump_json())
    broken["id"] = "wrong-id"
    (tmp_path / "zzz.json").write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ValueError, match=r"zzz\.json"):
        load_gold(tmp_path)
