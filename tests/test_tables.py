"""The claims, UCDP- and ACLED-shaped tables: hand-computed rows for gold records and for small
records written here, the best/low/high rules, the CSV export and what pandas reads back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.__main__ import main
from pipeline.deaths import deaths, estimate
from pipeline.export import parse_records
from pipeline.records import EventRecord, Figure
from pipeline.tables import COLUMNS, acled_row, claim_rows, dtypes, rows, ucdp_row

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"


def gold(name: str) -> EventRecord:
    return EventRecord.model_validate_json((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def killed(side, group, low, high, source=None, origin="text", text="x") -> Figure:
    return Figure.model_validate({
        "side": side, "group": group, "category": "killed", "low": low, "high": high,
        "source": source, "origin": origin, "evidence": {"text": text, "start": 0, "end": len(text)},
    })


def record(casualties, sides=2, date=None, location=None, event_type="battle", infobox="military_conflict"):
    return EventRecord.build(
        title="Battle of Testville", source={"sha256": "0" * 64, "infobox": infobox}, event_type=event_type,
        date=date, location=location, casualties=casualties,
        sides=[{"side": n, "belligerents": [{"name": f"Force {n}"}]} for n in range(1, sides + 1)],
    )


# --------------------------------------------------------------------------------------------
# best, low, high


@pytest.mark.parametrize("claims, expected", [
    ([(15, 20, "a"), (6, 6, "b"), (2, 2, "c"), (15, 15, "d"), (20, 20, "e")], (2, 15, 20)),
    ([(10, 10, "a"), (10, 10, "a"), (30, 30, "b")], (10, 10, 30)),    # a repeated claim counts once
    ([(100, None, None), (80, 80, "b")], (80, 80, 100)),              # open-ended counts as its low
    ([(5, 9, None)], (5, 7, 9)),                                      # a range: its middle, rounded down
    ([(40, 40, "g"), (85, 85, "j"), (0, 0, None), (40, 85, None)], (0, 40, 85)),  # even: lower middle
])
def test_estimate_of_one_count(claims, expected):
    figures = [killed(1, "combatants", low, high, source) for low, high, source in claims]
    got = estimate(figures)
    assert (got.low, got.best, got.high) == expected


def test_total_and_its_parts_are_not_counted_twice():
    # "at least 80 people were killed, 59 of them civilians"; elsewhere "10 soldiers were killed".
    counted = deaths(record([killed(None, "unknown", 80, None), killed(None, "civilians", 59, 59), killed(1, "combatants", 10, 10)]))
    assert (counted.side_a.best, counted.side_b.best, counted.civilians.best, counted.unknown.best) == (10, 0, 59, 11)
    assert (counted.total.low, counted.total.best, counted.total.high) == (80, 80, 80)


def test_parts_larger_than_the_total_win():
    counted = deaths(record([killed(None, "unknown", 5, 5), killed(1, "combatants", 4, 4), killed(2, "combatants", 3, 6)]))
    assert counted.unknown.best == 0
    assert (counted.total.low, counted.total.best, counted.total.high) == (7, 8, 10)


def test_a_sides_own_total_and_its_fighters_are_one_count():
    counted = deaths(record([killed(1, "unknown", 12, 12), killed(1, "combatants", 9, 9)]))
    assert counted.side_a.best == 12 and counted.total.best == 12


def test_no_killed_claim_gives_no_estimate():
    assert deaths(record([])) is None
    row = ucdp_row(record([]))
    assert (row["low"], row["best"], row["high"], row["deaths_a"]) == (None, None, None, None)
    assert acled_row(record([]))["fatalities"] == 0


# --------------------------------------------------------------------------------------------
# Hand-computed rows of gold records


def test_ucdp_row_of_bassikounou():
    assert ucdp_row(gold("battle-of-bassikounou")) == {
        "id": "battle-of-bassikounou", "side_a": "Mauritania", "side_b": "Al-Qaeda in the Islamic Maghreb (AQIM)",
        "date_start": "2011-07-05", "date_end": "2011-07-05", "date_prec": 1, "country": "Mauritania",
        "iso3": "MRT", "where_prec": 2, "where_coordinates": "Bassikounou", "adm_1": None,
        "deaths_a": 0, "deaths_b": 15, "deaths_civilians": 0, "deaths_unknown": 0, "low": 2, "best": 15, "high": 20,
        "source_original": "article; military and medical sources; Mauritanian Army; AQIM; "
                           "local official in Bassikounou; military source contacted by AFP",
    }


def test_ucdp_row_of_boulikessi():
    row = ucdp_row(gold("battle-of-boulikessi-2019"))
    assert row["side_a"] == "Mali; Burkina Faso; France"
    assert row["side_b"] == "Ansarul Islam; Jama'at Nasr al-Islam wal Muslimin (JNIM)"
    assert (row["date_start"], row["date_end"], row["date_prec"], row["where_prec"]) == ("2019-09-29", "2019-10-01", 2, 1)
    # side 1: 40, 85, 0, 40-85 (point 62) -> lower middle 40; side 2: 15+; civilians: 4
    assert (row["deaths_a"], row["deaths_b"], row["deaths_civilians"], row["deaths_unknown"]) == (40, 15, 4, 0)
    assert (row["low"], row["best"], row["high"]) == (19, 59, 104)


def test_ucdp_total_below_its_parts_tinzaouaten():
    row = ucdp_row(gold("battle-of-tinzaouaten-2012"))   # 1 and 1 killed; an official: none killed
    assert (row["deaths_a"], row["deaths_b"], row["deaths_unknown"], row["low"], row["best"], row["high"]) == (1, 1, 0, 2, 2, 2)


def test_ucdp_only_unattributed_deaths_timbuktu():
    row = ucdp_row(gold("siege-of-timbuktu"))            # 2 killed; 5 killed
    assert (row["deaths_a"], row["deaths_unknown"], row["low"], row["best"], row["high"]) == (0, 2, 2, 2, 5)


def test_acled_row_of_bassikounou():
    assert acled_row(gold("battle-of-bassikounou")) == {
        "event_id_cnty": "battle-of-bassikounou", "event_date": "2011-07-05", "year": 2011, "time_precision": 1,
        "event_type": "Battles", "sub_event_type": "Armed clash",
        "actor1": "Mauritania", "assoc_actor_1": None, "actor2": "Al-Qaeda in the Islamic Maghreb (AQIM)", "assoc_actor_2": None,
        "iso": 478, "iso3": "MRT", "country": "Mauritania", "admin1": None, "location": "Bassikounou", "geo_precision": 2,
        "source": "article; military and medical sources; Mauritanian Army; AQIM; "
                  "local official in Bassikounou; military source contacted by AFP",
        "notes": "Disputed figures: "
                 "Mauritania wounded: 3-4 (article), 3 (local official in Bassikounou), 4 (military source contacted by AFP); "
                 "Al-Qaeda in the Islamic Maghreb (AQIM) killed: 15-20 (military and medical sources), 6 (Mauritanian Army), "
                 "2 (AQIM), 15 (local official in Bassikounou), 20 (military source contacted by AFP); "
                 "Al-Qaeda in the Islamic Maghreb (AQIM) captured: 9 (article), 9 (local official in Bassikounou), 0 (AQIM)",
        "fatalities": 2,
    }


def test_acled_row_of_boulikessi():
    row = acled_row(gold("battle-of-boulikessi-2019"))
    assert (row["actor1"], row["assoc_actor_1"]) == ("Mali", "Burkina Faso; France")
    assert (row["actor2"], row["assoc_actor_2"]) == ("Ansarul Islam", "Jama'at Nasr al-Islam wal Muslimin (JNIM)")
    assert (row["time_precision"], row["iso"], row["iso3"], row["fatalities"]) == (2, 466, "MLI", 19)


@pytest.mark.parametrize("event_type, infobox, target_actors, expected", [
    ("battle", "military_conflict", True, ("Battles", "Armed clash")),
    ("attack", "civilian_attack", False, ("Violence against civilians", "Attack")),
    ("attack", "civilian_attack", True, ("Battles", "Armed clash")),
    ("massacre", None, True, ("Violence against civilians", "Attack")),
    ("bombing", "civilian_attack", False, ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    ("hostage_crisis", None, True, ("Violence against civilians", "Abduction/forced disappearance")),
])
def test_acled_event_types(event_type, infobox, target_actors, expected):
    built = record([], sides=2 if target_actors else 1, event_type=event_type, infobox=infobox)
    row = acled_row(built)
    assert (row["event_type"], row["sub_event_type"]) == expected


@pytest.mark.parametrize("date, ucdp, acled", [
    ({"text": "x", "start": "2012-03", "end": "2012-03", "precision": "month"}, ("2012-03-01", "2012-03-31", 4), ("2012-03-01", 3)),
    ({"text": "x", "start": "2012-02", "end": "2012-02", "precision": "month"}, ("2012-02-01", "2012-02-29", 4), ("2012-02-01", 3)),
    ({"text": "x", "start": "2011", "end": "2011", "precision": "year"}, ("2011-01-01", "2011-12-31", 5), ("2011-01-01", 3)),
    ({"text": "x", "start": "2011-05-01", "end": "2011-05-07", "precision": "day"}, ("2011-05-01", "2011-05-07", 3), ("2011-05-01", 2)),
    ({"text": "x", "start": "2011-05-01", "end": "2011-05-20", "precision": "day"}, ("2011-05-01", "2011-05-20", 4), ("2011-05-01", 3)),
])
def test_date_precision(date, ucdp, acled):
    built = record([], date=date)
    u, a = ucdp_row(built), acled_row(built)
    assert (u["date_start"], u["date_end"], u["date_prec"]) == ucdp
    assert (a["event_date"], a["time_precision"]) == acled


def test_claim_rows_of_bassikounou():
    record_ = gold("battle-of-bassikounou")
    table = claim_rows(record_)
    assert len(table) == len(record_.strength) + len(record_.casualties)
    killed_row = table[len(record_.strength) + 1]
    assert killed_row == {
        "event_id": "battle-of-bassikounou", "title": "Battle of Bassikounou", "date_start": "2011-07-05",
        "date_end": "2011-07-05", "date_precision": "day", "country": "Mauritania", "iso2": "MR", "iso3": "MRT",
        "place": "Bassikounou", "side": 2, "side_actors": "Al-Qaeda in the Islamic Maghreb (AQIM)",
        "group": "combatants", "category": "killed", "low": 15, "high": 20, "approximate": False,
        "source": "military and medical sources", "origin": "infobox",
        "evidence": record_.casualties[1].evidence.text, "start": record_.casualties[1].evidence.start,
        "end": record_.casualties[1].evidence.end,
    }
    assert list(killed_row) == list(COLUMNS["claims"])


# --------------------------------------------------------------------------------------------
# Reading records, writing CSV


def test_bad_lines_are_named_and_the_others_parsed():
    good = (GOLD / "battle-of-palma.json").read_text(encoding="utf-8").replace("\n", " ")
    lines = [good, "", "not json", "[1, 2]", json.dumps({"id": "x"}), good.replace('"1.0"', '"2.0"', 1), '{"schema_version": "1.0"}']
    records, errors = parse_records(lines)
    assert [r.id for r in records] == ["battle-of-palma"]
    assert [e.line for e in errors] == [3, 4, 5, 6, 7]
    assert "not JSON" in errors[0].error and "schema version '2.0'" in errors[3].error
    assert "not a valid event record" in errors[4].error


@pytest.fixture(scope="module")
def gold_records_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("records") / "gold.jsonl"
    lines = [json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False) for p in sorted(GOLD.glob("*.json"))]
    path.write_text("\n".join(lines) + "\nnot a record\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", list(COLUMNS))
def test_export_reads_back_in_pandas_with_the_documented_dtypes(kind, gold_records_file, tmp_path, capsys):
    out = tmp_path / f"{kind}.csv"
    assert main(["export", str(gold_records_file), str(out), "--format", kind]) == 1   # one bad line
    assert f"{gold_records_file}:16:" in capsys.readouterr().err
    frame = pd.read_csv(out, dtype=dtypes(kind), keep_default_na=False, na_values=[""],
                        true_values=["true"], false_values=["false"], encoding="utf-8")
    assert list(frame.columns) == list(COLUMNS[kind])
    assert {c: str(t) for c, t in frame.dtypes.items()} == {c: str(pd.Series(dtype=t).dtype) for c, t in dtypes(kind).items()}
    records = [gold(p.stem) for p in sorted(GOLD.glob("*.json"))]
    assert len(frame) == len(rows(kind, records))
    with out.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == list(COLUMNS[kind])
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_refuses_to_overwrite_its_input(gold_records_file, tmp_path, capsys):
    copy = tmp_path / "records.jsonl"
    copy.write_bytes(gold_records_file.read_bytes())
    assert main(["export", str(copy), str(copy), "--format", "claims"]) == 2
    assert "the input file" in capsys.readouterr().err
    assert copy.read_bytes() == gold_records_file.read_bytes()


def test_export_keeps_the_previous_output_when_the_input_is_missing(tmp_path):
    out = tmp_path / "out.csv"
    out.write_text("previous\n", encoding="utf-8")
    assert main(["export", str(tmp_path / "absent.jsonl"), str(out), "--format", "ucdp"]) == 2
    assert out.read_text(encoding="utf-8") == "previous\n"


def test_tables_of_the_seed_records_hold_together(tmp_path):
    from pipeline import extract_file

    records = [extract_file(path) for path in sorted((ROOT / "seeds").glob("*.txt"))]
    claims, ucdp, acled = rows("claims", records), rows("ucdp", records), rows("acled", records)
    assert len(claims) == sum(len(r.strength) + len(r.casualties) for r in records)
    assert [u["id"] for u in ucdp] == [a["event_id_cnty"] for a in acled] == [r.id for r in records]
    for record, u, a in zip(records, ucdp, acled):
        assert u["low"] <= u["best"] <= u["high"]
        assert u["best"] == u["deaths_a"] + u["deaths_b"] + u["deaths_civilians"] + u["deaths_unknown"]
        assert a["fatalities"] == u["low"]
        assert u["iso3"] == a["iso3"] and len(u["iso3"]) == 3
    path = tmp_path / "seeds.jsonl"
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    for kind in COLUMNS:
        assert main(["export", str(path), str(tmp_path / f"{kind}.csv"), "--format", kind]) == 0
        frame = pd.read_csv(tmp_path / f"{kind}.csv", dtype=dtypes(kind), keep_default_na=False, na_values=[""],
                            true_values=["true"], false_values=["false"])
        assert frame.to_dict("records")[0][COLUMNS[kind][0]] == records[0].id
