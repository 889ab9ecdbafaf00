"""The prose stage alone on articles given without their infobox, scored against their gold.

    python benchmarks/no_infobox.py ARTICLES GOLD_DIR [--json scores.json] [--show]

Each article of ARTICLES (`*.txt` in the seed format) is read with its `Infobox` block taken out,
as the same prose reaches the tool from sources that carry no infobox. Its record is scored
against the gold of the full article, whose infobox-origin claims are left out of the gold and
whose sides keep the infobox's numbering. A record built without an infobox numbers its sides in
order of first mention (the record contract), so before scoring, each record's side numbers are
mapped onto the gold's by the one-to-one pairing that matches most actors (by the shared name
rule); a side that pairs with none keeps a number of its own. What is reported is then what the
prose alone gets right: its actors, its text claims with their sides and sources, its winner.

The evidence offsets of the stripped article differ from the full one; the scorer does not
compare them. Nothing here is timed.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from pathlib import Path

from pipeline import extract
from pipeline.evaluate import evaluate, load_gold
from pipeline.names import names_match
from pipeline.records import EventRecord

_INFOBOX = re.compile(r"\nInfobox\n(?:- [^\n]*\n)+")
FIELDS = ("casualties.attributed.text", "casualties.value.text", "strength.attributed.text", "actors",
          "commanders", "result.winner")


def without_infobox(text: str) -> str:
    return _INFOBOX.sub("\n", text, count=1)


def _overlap(predicted, gold) -> int:
    return sum(1 for a in predicted.belligerents for b in gold.belligerents
               if names_match(a.name, b.name) or (a.abbreviation and names_match(a.abbreviation, b.abbreviation or b.name)))


def aligned(record: EventRecord, gold: EventRecord) -> EventRecord:
    """`record` with its side numbers mapped onto gold's by the pairing that matches most actors."""
    mine = [s.side for s in record.sides]
    theirs = [s.side for s in gold.sides]
    if not mine:
        return record
    by_number = {s.side: s for s in record.sides}
    gold_by = {s.side: s for s in gold.sides}
    spare = iter(n for n in itertools.count(max(theirs + mine) + 1))
    best, best_score = {n: n for n in mine}, -1
    targets = theirs + [next(spare) for _ in mine]
    for chosen in itertools.permutations(targets, len(mine)):
        score = sum(_overlap(by_number[m], gold_by[t]) for m, t in zip(mine, chosen) if t in gold_by)
        if score > best_score:
            best, best_score = dict(zip(mine, chosen)), score
    data = record.model_dump(mode="json")
    for side in data["sides"]:
        side["side"] = best[side["side"]]
    present = {side["side"] for side in data["sides"]}
    data["sides"] += [{"side": n, "belligerents": [], "commanders": []}
                      for n in range(1, max(present) + 1) if n not in present]  # numbers stay 1..n
    data["sides"].sort(key=lambda s: s["side"])
    for kind in ("casualties", "strength"):
        for figure in data[kind]:
            if figure["side"] is not None:
                figure["side"] = best.get(figure["side"], figure["side"])
    if data["result"] and data["result"]["winner"] is not None:
        data["result"]["winner"] = best.get(data["result"]["winner"], data["result"]["winner"])
    del data["summary"], data["id"]
    return EventRecord.build(**data)


def text_only(gold: EventRecord) -> EventRecord:
    data = gold.model_dump(mode="json")
    for kind in ("casualties", "strength"):
        data[kind] = [f for f in data[kind] if f["origin"] == "text"]
    del data["summary"], data["id"]
    return EventRecord.build(**data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--json", type=Path, help="write the scores here")
    parser.add_argument("--show", action="store_true", help="list each record's sides as read")
    parser.add_argument("--records", type=Path, help="write the aligned records here (JSON Lines)")
    args = parser.parse_args(argv)

    golds = {g.id: g for g in load_gold(args.gold)}
    predictions, gold_used = [], []
    for path in sorted(args.articles.glob("*.txt")):
        record = extract(without_infobox(path.read_text(encoding="utf-8-sig")), str(path))
        gold = golds.get(record.id)
        if gold is None:
            continue
        record = aligned(record, gold)
        predictions.append(record)
        gold_used.append(text_only(gold))
        if args.show:
            sides = {s.side: [a.name for a in s.belligerents] for s in record.sides}
            print(f"{record.id}: {sides} winner {record.result.winner if record.result else None}", file=sys.stderr)
    if args.records:
        args.records.write_text("".join(r.model_dump_json() + "\n" for r in predictions), encoding="utf-8")
    result = evaluate(predictions, gold_used)
    print("| field | P | R | F1 |\n|---|---:|---:|---:|")
    for name in FIELDS:
        counts = result.fields[name]
        print(f"| `{name}` | {counts.p:.3f} | {counts.r:.3f} | {counts.f:.3f} |")
    if args.json:
        args.json.write_text(json.dumps(result.to_json(), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
