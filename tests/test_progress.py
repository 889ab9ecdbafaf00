"""The progress bar (`run --progress on`) on stderr: one update per document (not per batch), a
`starting` phase while worker processes load the model, with the rate and the estimate counted
from the end of it, the number of failures on the bar, and every message printed on a line of
its own above the bar, never glued into a bar line. tqdm is told to draw every update
(`TQDM_MININTERVAL=0`), so that the stream holds each state the bar passes through."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
_STATE = re.compile(r"^(?P<desc>starting|extracting): +\d+%\|[^|]*\| (?P<n>\d+)/(?P<total>\d+) \[(?P<elapsed>[\d:]+)<(?P<rest>[^,]*), (?P<rate>[^,\]]*)(?:, failed=(?P<failed>\d+))?\]$")


def folder_with_a_bad_file(tmp_path: Path, copies: int = 2) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(copies):
        for seed in SEEDS:
            shutil.copy(seed, folder / f"{copy}_{seed.name}")
    bad = folder / "1_bad.txt"  # sorted among the others, so that records come after it
    bad.write_bytes(b"")
    return folder, bad


def segments(stream: str) -> list[str]:
    """What stays on screen of each carriage-return- or newline-ended write."""
    return [segment.strip() for line in stream.split("\n") for segment in line.split("\r") if segment.strip()]


def states(stream: str) -> list[re.Match]:
    return [m for m in map(_STATE.match, segments(stream)) if m]


def check_stream(stream: str, bad: Path, total: int) -> list[re.Match]:
    found = states(stream)
    extracting = [m for m in found if m["desc"] == "extracting"]
    counts = [int(m["n"]) for m in extracting]
    assert sorted(set(counts)) == list(range(total + 1)), counts  # every document, one at a time
    assert all(int(m["total"]) == total for m in found)
    assert extracting[-1]["failed"] == "1" and int(extracting[-1]["n"]) == total
    # the failure is counted on the bar from the update that brings it on
    first_failed = next(i for i, m in enumerate(extracting) if m["failed"])
    assert all(m["failed"] is None for m in extracting[:first_failed])
    # the error line stands alone: no bar text before or after it on its line
    message = f"{bad}: empty: the document has no text"
    holding = [s for s in segments(stream) if str(bad) in s]
    assert holding == [message]
    for line in stream.split("\n"):
        if message in line:
            assert line.split("\r")[-1].strip() == message
    return found


def with_progress(folder: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--progress", "on", *options, str(folder), str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, env={**os.environ, "TQDM_MININTERVAL": "0"},
    )


def test_a_run_with_workers_shows_its_start_up_then_each_document(tmp_path):
    folder, bad = folder_with_a_bad_file(tmp_path)
    total = len(list(folder.iterdir()))
    done = with_progress(folder, tmp_path / "out.jsonl", "--jobs", "2", "--batch-size", "1")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stdout == ""  # messages go to stderr with the bar, never to stdout
    found = check_stream(done.stderr, bad, total)
    descs = [m["desc"] for m in found]
    assert descs[0] == "starting"
    assert descs == sorted(descs, key=["starting", "extracting"].index)  # start-up first, then never again
    first = next(m for m in found if m["desc"] == "extracting")
    assert first["n"] == "0" and first["elapsed"] == "00:00" and first["rest"] == "?"  # counted from here
    assert segments(done.stderr)[-1] == f"{total - 1} records written to {tmp_path / 'out.jsonl'}, 1 documents failed"


def test_one_process_updates_per_document_not_per_batch(tmp_path):
    folder, bad = folder_with_a_bad_file(tmp_path, copies=3)
    total = len(list(folder.iterdir()))
    done = with_progress(folder, tmp_path / "out.jsonl", "--batch-size", "64")  # one batch holds them all
    assert done.returncode == 1 and "Traceback" not in done.stderr and done.stdout == ""
    found = check_stream(done.stderr, bad, total)
    assert {m["desc"] for m in found} == {"extracting"}  # no start-up phase in this process


def test_progress_off_writes_no_bar(tmp_path):
    folder, bad = folder_with_a_bad_file(tmp_path, copies=1)
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--progress", "off", "--batch-size", "1", str(folder), str(tmp_path / "out.jsonl")],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 1
    assert "\r" not in done.stderr and not states(done.stderr)
    assert f"{bad}: empty: the document has no text" in done.stderr.splitlines()
