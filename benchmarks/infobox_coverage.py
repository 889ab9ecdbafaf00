"""Coverage of the infobox stage on a folder of real articles: how much of each infobox it reads.

    python benchmarks/infobox_coverage.py FOLDER [--list]

Runs the infobox stage alone (`stages=("infobox",)`) over every `*.txt` in FOLDER and reports:
- figure items (the comma / `;` / `|` / `----` separated parts of Strength, Casualties, Fatalities,
  Injuries, Victims, Deaths and Numparts lines) that gave a figure, that were passed over without a
  warning (split into counts of other things, repeats of a value read, and silent drops), and that
  drew a warning, with the warned items grouped by a rough reason;
- actors that are markup residue (`20px`, `border`, `File:`, `, ,`) or look like persons
  (a rank, or a fate such as `KIA` / `†`);
- records with no winner although the Result text names a victor (`X victory`), and among them
  those whose victor shares a name with a party, abbreviation or commander on one of the sides
  (a winner was there to be found).
The item split is done here, independently of the stage, so that two versions of the stage are
measured on the same items. It only reads the stage's public output (the record), so the same
script measures any version of the pipeline installed in the running interpreter.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

from pipeline import extract_file

FIGURE_KEYS = re.compile(
    r"^(?:strength|casualties|fatalities|injuries|injured|victims|deaths|numparts)\s*\d*$", re.IGNORECASE
)
RESIDUE = re.compile(r"\d+\s*px\b|\bborder\b|\bfile:|\.(?:png|svg|jpg)\b|^[\s,;*]*$|\blink=", re.IGNORECASE)
PERSON = re.compile(
    r"^(?:gen|lt|col|maj|capt?|cpt|brig|sgt|adm|cmdr|com|gov|pres|president|general|colonel|captain|"
    r"major|sheikh|emir)\.?\s|(?:KIA|POW|WIA|†)\s*$",
    re.IGNORECASE,
)
VICTORY = re.compile(r"\b(?:victory|victories|win)\b", re.IGNORECASE)


def split_items(value: str) -> list[tuple[int, int]]:
    """(start, end) of each item of a figure value: split on `,;|` outside parentheses and on `----`.
    One pass over the characters: it costs the length of the value, whatever the value holds."""
    spans: list[tuple[int, int]] = []
    depth, begin, index = 0, 0, 0
    while index < len(value):
        char = value[index]
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
        elif depth == 0 and (char in ";|" or (char == "," and not _thousands(value, index))
                             or value.startswith("---", index)):
            spans.append((begin, index))
            while index + 1 < len(value) and value[index] == "-" and value[index + 1] == "-":
                index += 1
            begin = index + 1
        index += 1
    spans.append((begin, len(value)))
    return [(s, e) for s, e in spans if re.search(r"\d", value[s:e]) or re.search(r"\b(?:none|no)\b", value[s:e], re.I)]


def _thousands(value: str, index: int) -> bool:
    return index > 0 and value[index - 1].isdigit() and re.match(r"\d{3}(?!\d)", value[index + 1:index + 5]) is not None


def reason(text: str) -> str:
    lower = text.lower()
    if re.search(r"vehicle|tank|aircraft|helicopter|plane|apc|boat|truck|jet", lower):
        return "vehicles or equipment"
    if re.search(r"displaced|refugee|evacuat|homeless|houses|buildings", lower):
        return "other things counted"
    if re.search(r"\(|\)", text):
        return "parenthesis"
    if re.search(r"[:]", text):
        return "label or prefix"
    if re.search(r"\b(?:in|at)\s+[A-Z]", text):
        return "per-place value"
    if re.match(r"^\W*(?:approx|about|around|some|~|estimated|est\.|c\.)", lower):
        return "quantity modifier"
    if not re.match(r"^\W*\d", text):
        return "text before the count"
    return "other"


def measure(folder: Path, listing: bool) -> dict:
    counts: Counter = Counter()
    unread: Counter = Counter()
    records = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        try:
            record = extract_file(path, stages=("infobox",))
        except Exception as error:  # a document the pipeline refuses is reported, not a crash
            counts["documents failed"] += 1
            print(f"{path.name}: {error}", file=sys.stderr)
            continue
        records += 1
        spans = [(f.evidence.start, f.evidence.end) for f in record.strength + record.casualties]
        warnings = " ".join(record.warnings)
        for line in _infobox_lines(text):
            key, value, offset = line
            if not FIGURE_KEYS.match(key):
                continue
            pieces = [value[start:end].strip() for start, end in split_items(value)]
            for index, (start, end) in enumerate(split_items(value)):
                item = value[start:end].strip()
                if not item:
                    continue
                a, b = offset + start, offset + end
                counts["figure items"] += 1
                if any(s < b and a < e for s, e in spans):
                    counts["read"] += 1
                elif repr(item)[1:-1][:25] in warnings or item[:25] in warnings:
                    counts["warned"] += 1
                    unread[reason(item)] += 1
                    if listing:
                        print(f"  warned  {path.name}: {key}: {item!r}")
                else:
                    counts["passed over"] += 1
                    why = _passed_reason(item, record, pieces[:index], [value[end:].lstrip(" ,;")])
                    counts[f"passed over: {why}"] += 1
                    if listing:
                        print(f"  passed  {path.name}: {key}: {item!r} ({why})")
        for side in record.sides:
            for actor in side.belligerents:
                counts["actors"] += 1
                if RESIDUE.search(actor.name):
                    counts["actors that are residue"] += 1
                    if listing:
                        print(f"  residue {path.name}: {actor.name!r}")
                elif PERSON.search(actor.name):
                    counts["actors that look like persons"] += 1
                    if listing:
                        print(f"  person  {path.name}: {actor.name!r}")
        if record.result and VICTORY.search(record.result.text) and not re.match(r"^\s*(?:indecisive|ongoing)", record.result.text, re.I):
            counts["results naming a victor"] += 1
            if record.result.winner is None:
                counts["  ... with no winner"] += 1
                on_side = names_a_side(record)
                counts["  ... with no winner, the victor on a side"] += on_side
                if listing:
                    print(f"  nowin   {path.name}: {record.result.text!r}{' (victor on a side)' if on_side else ''}")
    counts["records"] = records
    return {"counts": counts, "unread": unread}


_GENERIC = {"victory", "decisive", "tactical", "strategic", "major", "initial", "pyrrhic", "military", "government",
            "coalition", "allied", "rebel", "imperial", "for", "the", "and", "of"}


def _stems(text: str) -> set[str]:
    words = re.findall(r"[A-Z][\w'’]+", text)
    return {re.sub(r"(?:ese|ian|ish|ean|an|i)$", "", w.casefold())[:6] for w in words if w.casefold() not in _GENERIC} - {""}


def names_a_side(record) -> bool:
    """Whether the Result's victor phrase shares a word stem with a name on one of the record's
    sides (actors, abbreviations, commanders): a rough check made here, not by the stage, of
    whether a winner was there to be found."""
    match = re.search(r"^(.*?)\b(?:victory|victories|win)\b", record.result.text, re.IGNORECASE)
    victor = _stems(match.group(1) if match else record.result.text)
    victor = {stem for stem in victor if len(stem) >= 3}
    for side in record.sides:
        names = [a.name for a in side.belligerents] + [a.abbreviation or "" for a in side.belligerents]
        names += [c.name for c in side.commanders]
        if victor & _stems(" ".join(names)):
            return True
    return False


SKIPPED = re.compile(
    r"vehicle|tank|aircraft|helicopter|plane|\bapcs?\b|\bifvs?\b|boat|truck|jet|technical|destroyed|damaged|disabled|"
    r"shot down|crashed|sunk|captured|displaced|refugee|evacuat|flee|buildings|houses|guns?\b|artillery|howitzer|"
    r"casualt|percent|%|division|brigade|battalion|regiment|\b\d+(?:st|nd|rd|th)\b|^\W*(?:including|incl)|"
    r"^[^\d]*:\s*$|\b[A-Z]{1,4}-?\d+[A-Za-z]*s?\b",
    re.IGNORECASE,
)


CATEGORY = r"(?:killed|dead|wounded|injured|captured|missing)"
SEVERAL = re.compile(rf"^{CATEGORY}(?:\s?,\s?{CATEGORY})*\s+(?:or|and/or)\s+{CATEGORY}\b", re.IGNORECASE)
HEADING = re.compile(r"^(?:total\s+)?[~≈>]?\d[^:]{0,80}:$", re.IGNORECASE)


def _passed_reason(item: str, record, before: list[str] = (), after: list[str] = ()) -> str:
    """Why an item gave no figure and no warning: a count of other things (deliberate), a figure
    of several categories split by the item split (`200 killed, wounded or captured`) or a part of
    a total heading the items (`Total 40:, Lubyanka station: 26`), both no claims by the contract,
    the same value as a figure read (the contract keeps a repeated figure once), or a silent drop.
    Read from the items here, independently of the stage."""
    if after and SEVERAL.match(after[0]) or SEVERAL.match(item):
        return "several categories (deliberate)"
    if any(HEADING.match(b) for b in before) or HEADING.match(item):
        return "total over several categories, or a part of a total (deliberate)"
    if SKIPPED.search(item):
        return "other things (deliberate)"
    number = re.search(r"\d[\d,]*", item)
    value = int(number.group(0).replace(",", "")) if number else None
    if value is not None and any(f.low == value for f in record.strength + record.casualties):
        return "same value as a figure read"
    return "silent drop"


def _infobox_lines(text: str):
    """(key, value, offset of value) for each `- Key: value` line of the first infobox block."""
    offset = 0
    inside = False
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\n")
        if stripped.strip().lower() == "infobox":
            inside = True
        elif inside and not stripped.strip():
            if offset:
                break
        elif inside:
            match = re.match(r"^- ([^:]*):\s?(.*)$", stripped)
            if match:
                yield match.group(1), match.group(2), offset + match.start(2)
        offset += len(line)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--list", action="store_true", help="list every item not read and every bad actor")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        parser.error(f"{args.folder}: not a folder")
    result = measure(args.folder, args.list)
    counts, unread = result["counts"], result["unread"]
    items = counts["figure items"] or 1
    print("| measure | count | share |\n|---|---:|---:|")
    print(f"| records | {counts['records']} | |")
    print(f"| figure items | {counts['figure items']} | |")
    print(f"| read into a figure | {counts['read']} | {counts['read'] / items:.1%} |")
    print(f"| passed over without warning | {counts['passed over']} | {counts['passed over'] / items:.1%} |")
    print(f"| without a warning (read or passed over) | {counts['read'] + counts['passed over']} | "
          f"{(counts['read'] + counts['passed over']) / items:.1%} |")
    for why in ("other things (deliberate)", "several categories (deliberate)",
                "total over several categories, or a part of a total (deliberate)", "same value as a figure read",
                "silent drop"):
        print(f"| &nbsp; passed over: {why} | {counts['passed over: ' + why]} | |")
    print(f"| warned | {counts['warned']} | {counts['warned'] / items:.1%} |")
    for why, n in unread.most_common():
        print(f"| &nbsp; warned: {why} | {n} | |")
    print(f"| actors | {counts['actors']} | |")
    print(f"| actors that are residue | {counts['actors that are residue']} | |")
    print(f"| actors that look like persons | {counts['actors that look like persons']} | |")
    print(f"| results naming a victor | {counts['results naming a victor']} | |")
    print(f"| ... of them with no winner | {counts['  ... with no winner']} | |")
    print(f"| ... of those, the victor named on a side | {counts['  ... with no winner, the victor on a side']} | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
