"""Hostile inputs through the whole command: time, peak memory and what each one gets.

    python benchmarks/hostile.py                     # the inputs at the sizes below
    python benchmarks/hostile.py --scale 0.25        # every input at a quarter of its size
    python benchmarks/hostile.py --output table.md   # the table written to a file too

Builds a folder with the seed articles and one file per hostile input (the shapes that once took
minutes or gigabytes: runs of `=`, nested brackets and quotes, runs of spaces, `- - - -`, 20,000
`(`, 60,000 counts in one paragraph, a 10 MB article, a paragraph over spaCy's 1,000,000
characters, a file name that is not UTF-8, a binary file) and runs `python -m pipeline run` as a
subprocess: once per hostile input (with the seeds beside it) and once on the whole folder. Each
row gives the input, its size, the wall time and peak memory (`ru_maxrss` of the child, from
`os.wait4`) of its run, and what it got (a record, with its number of figures, or the
per-document error). The check on the whole folder: exit status 1 (the binary file fails), no
traceback, the seeds' records byte for byte those of a run on the seeds alone, under 60 s and
1 GB. Prints a Markdown table; exits 1 when the check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.article import shown_path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
LIMIT_S, LIMIT_MB = 60.0, 1024.0


def _fill(motif: str, size: int) -> str:
    return (motif * (size // len(motif) + 1))[:size]


def _article(title: str, body: str) -> str:
    return f"= {title} =\n\nOn 3 May 2011 fighting broke out near Gao. Five soldiers were killed.\n\n{body}\n"


def _numbers(count: int) -> str:
    return _article("Battle of Numbers", " ".join(f"{n % 997 + 3} killed," for n in range(count)) + " in all.")


def _retitled(seed: Path, title: str) -> str:
    """The seed's text under another title (the same title twice in one run is a warning)."""
    first, rest = seed.read_text(encoding="utf-8").split("\n", 1)
    return f"= {title} =\n{rest}"


def _big(size: int) -> str:
    seed = _retitled(SEEDS[0], "Battle of Bassikounou, padded")
    filler = "The convoy moved slowly along the dusty road while villagers watched from their doorways. "
    paragraph = (filler * 40).strip()
    count = max(1, (size - len(seed)) // (len(paragraph) + 2))
    return seed + "\n== Notes ==\n" + "\n\n".join([paragraph] * count) + "\n"


# name -> (what it is, text of the given size); sizes are those that once took minutes or gigabytes
INPUTS: dict[str, tuple[str, int, Callable[[int], str]]] = {
    "equals-heading.txt": ("a heading line of `=` runs", 200_000,
                           lambda n: _article("Battle of Equals", "== " + _fill("=" * 999 + " ", n) + "x")),
    "nested-brackets.txt": ('nested `"(`, `[`, `(` runs', 290_000,
                            lambda n: _article("Battle of Brackets", "Fighting " + _fill('"(' * 500 + "[" * 1000 + "(" * 1000, n) + " ended.")),
    "space-runs.txt": ("runs of spaces", 900_000,
                       lambda n: _article("Battle of Spaces", _fill("Five soldiers were killed." + " " * 5000, n))),
    "dashes.txt": ("a run of `- - - -`", 800_000, lambda n: _article("Battle of Dashes", "Then " + _fill("- ", n) + "end.")),
    "parentheses.txt": ("20,000 `(` in prose", 20_000,
                        lambda n: _article("Battle of Parentheses", "The battle " + "(" * n + " was fought.")),
    "numbers.txt": ("one paragraph of 60,000 `N killed,` items", 60_000, _numbers),
    "big.txt": ("a 10 MB article in many paragraphs", 10 * 1024 * 1024, _big),
    "long-paragraph.txt": ("one paragraph over 1,000,000 characters", 1_100_000,
                           lambda n: _article("Battle of One Line", _fill("The convoy moved on. ", n))),
}
BINARY = ("binary.txt", "binary bytes (a PNG header, NUL)", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
NOT_UTF8_NAME = os.fsencode("caf") + b"\xe9.txt"  # a file name that is not valid UTF-8


def build(folder: Path, scale: float) -> list[tuple[str, str, Path]]:
    """The seeds and one file per hostile input in `folder`; (name, what, path) per input."""
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    made = []
    for name, (what, size, make) in INPUTS.items():
        path = folder / name
        path.write_text(make(max(1, int(size * scale))), encoding="utf-8")
        made.append((name, what, path))
    path = folder / BINARY[0]
    path.write_bytes(BINARY[2])
    made.append((BINARY[0], BINARY[1], path))
    odd = Path(os.fsdecode(os.path.join(os.fsencode(folder), NOT_UTF8_NAME)))
    odd.write_text(_retitled(SEEDS[1], "Lemgheity attack, renamed"), encoding="utf-8")
    made.append(("caf\\xe9.txt", "a file name that is not UTF-8", odd))
    return made


def run(inputs: list[Path], out: Path) -> dict:
    """`python -m pipeline run INPUTS OUT` in a child process: wall time, its ru_maxrss, output."""
    command = [sys.executable, "-m", "pipeline", "run", *map(str, inputs), str(out), "--progress", "off"]
    log = out.with_name(out.stem + ".stderr")
    started = time.perf_counter()
    with open(log, "wb") as stderr:
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)  # reaped here, not by Popen, to read its rusage
    elapsed = time.perf_counter() - started
    child.returncode = code = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024  # kilobytes on Linux
    stderr = log.read_text(encoding="utf-8", errors="backslashreplace")
    errors = out.with_name(out.stem + ".errors.jsonl")
    return {
        "seconds": elapsed, "peak_mb": peak, "code": code, "stderr": stderr,
        "records": [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else [],
        "errors": [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()] if errors.exists() else [],
    }


def _result(path: Path, done: dict) -> str:
    shown = shown_path(path)
    for row in done["errors"]:
        if row["path"] == shown:
            return f"error: {row['error'][:90]}"
    for record in done["records"]:
        if record["source"]["path"] == shown:
            return f"record, {len(record['casualties'])} casualty and {len(record['strength'])} strength figures"
    return "nothing"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="size of every input relative to the table's")
    parser.add_argument("--output", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)
    rows = ["| input | size | time s | peak MB | result |", "|---|---:|---:|---:|---|"]
    failures = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "in"
        folder.mkdir()
        made = build(folder, args.scale)
        seeds_only = run([folder / s.name for s in SEEDS], Path(temp) / "seeds.jsonl")
        rows.append(f"| the seeds alone (start-up included) | {sum(s.stat().st_size for s in SEEDS):,} B | "
                    f"{seeds_only['seconds']:.1f} | {seeds_only['peak_mb']:.0f} | {len(seeds_only['records'])} records |")
        for name, what, path in made:
            done = run([path], Path(temp) / "one.jsonl")
            if "Traceback" in done["stderr"]:
                failures.append(f"{name}: traceback")
            rows.append(f"| {what} (`{name}`) | {os.stat(path).st_size:,} B | {done['seconds']:.1f} | "
                        f"{done['peak_mb']:.0f} | {_result(path, done)} |")
        whole = run([folder], Path(temp) / "all.jsonl")
        size = sum(os.stat(p).st_size for _, _, p in made) + sum(s.stat().st_size for s in SEEDS)
    seeds = {r["source"]["path"]: r for r in seeds_only["records"]}
    intact = all(seeds[p] == r for r in whole["records"] if (p := r["source"]["path"]) in seeds) and all(
        any(r["source"]["path"] == p for r in whole["records"]) for p in seeds
    )
    rows.append(f"| **the whole folder in one run** | {size:,} B | {whole['seconds']:.1f} | {whole['peak_mb']:.0f} | "
                f"exit {whole['code']}, {len(whole['records'])} records, {len(whole['errors'])} errors, "
                f"seeds {'intact' if intact else 'CHANGED'} |")
    checks = {
        "exit status 1": whole["code"] == 1,
        "no traceback": "Traceback" not in whole["stderr"],
        "the seeds' records intact": intact,
        f"under {LIMIT_S:.0f} s": whole["seconds"] < LIMIT_S,
        f"under {LIMIT_MB:.0f} MB": whole["peak_mb"] < LIMIT_MB,
    }
    failures += [what for what, ok in checks.items() if not ok]
    table = "\n".join(rows) + "\n\n" + "; ".join(f"{what}: {'yes' if ok else 'NO'}" for what, ok in checks.items()) + "\n"
    print(table, end="")
    if args.output:
        args.output.write_text(table, encoding="utf-8")
    for failure in failures:
        print(f"check failed: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
