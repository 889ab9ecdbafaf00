"""Worker faults with real processes: a worker killed mid-run (SIGKILL as the OOM killer does, or
SIGTERM) does not hang the run; its documents are retried once, then named as per-document
errors; a SIGKILL of the run itself leaves no worker behind, and the next run removes its `.part`
files; a document over the time or size budget is a per-document error and the run goes on."""

from __future__ import annotations

from support import spawned_workers  # tests/ is on sys.path under pytest

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
BOUND = 120  # seconds a faulty run may take before the test calls it hung (a hang is forever)
COPIES = 40  # of each seed: 120 documents, batches enough that a worker dies with work left


def cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", "--progress", "off", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )


def workers_of(pid: int) -> list[int]:
    """Pids of the extraction workers whose parent is `pid`."""
    return spawned_workers(pid)


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, what: str, process: subprocess.Popen | None = None) -> None:
    started = time.monotonic()
    while not condition():
        if process is not None:
            assert process.poll() is None, f"the run ended before {what}: {process.communicate()}"
        assert time.monotonic() - started < BOUND, f"no {what} after {BOUND} s"
        time.sleep(0.02)


def parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(COPIES):
        for seed in SEEDS:
            shutil.copy(seed, folder / f"{copy:03d}_{seed.name}")
    return folder


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("serial") / "out.jsonl"
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), str(out)], cwd=ROOT, capture_output=True)
    assert done.returncode == 0, done.stderr
    return out.read_bytes()


def _finish(process: subprocess.Popen) -> tuple[int, str]:
    try:
        _, err = process.communicate(timeout=BOUND)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"the run hung after its worker was killed (still running after {BOUND} s)")
    return process.returncode, err


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_worker_killed_once_costs_nothing(tmp_path, corpus, serial, sig):
    out = tmp_path / "out.jsonl"
    process = cli("--jobs", "2", "--batch-size", "8", str(corpus), str(out))
    wait_for(lambda: any(p.stat().st_size for p in tmp_path.glob("*.part")), "record written", process)
    victims = workers_of(process.pid)
    assert victims, "no worker process"
    os.kill(victims[0], sig)
    code, err = _finish(process)
    assert code == 0, err
    assert "Traceback" not in err
    assert out.read_bytes() == serial  # the lost documents were retried in a fresh worker
    assert parts(tmp_path) == []
    assert not alive(victims[-1]) and workers_of(process.pid) == []


def test_documents_whose_workers_keep_dying_are_named_and_the_rest_written(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    process = cli("--jobs", "2", "--batch-size", "4", str(corpus), str(out))
    killed: set[int] = set()
    wait_for(lambda: any(p.stat().st_size for p in tmp_path.glob("*.part")), "record written", process)
    started = time.monotonic()
    while process.poll() is None and len(killed) < 8 and time.monotonic() - started < BOUND:
        for pid in workers_of(process.pid):
            if pid not in killed:
                os.kill(pid, signal.SIGKILL)
                killed.add(pid)
        time.sleep(0.3)
    code, err = _finish(process)
    assert len(killed) >= 3
    assert code == 1, err
    assert "Traceback" not in err
    records = out.read_text(encoding="utf-8").splitlines()
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors and all("worker process died (killed by SIGKILL)" in e["error"] and "retried once" in e["error"] for e in errors)
    assert len(records) + len(errors) == COPIES * len(SEEDS)
    written = {json.loads(line)["source"]["path"] for line in records}
    assert written.isdisjoint(e["path"] for e in errors)
    assert parts(tmp_path) == []


def test_a_killed_run_leaves_no_worker_and_the_next_run_no_part_file(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    process = cli("--jobs", "2", "--batch-size", "8", str(corpus), str(out))
    wait_for(lambda: len(workers_of(process.pid)) == 2, "two workers", process)
    wait_for(lambda: any(p.stat().st_size for p in tmp_path.glob("*.part")), "record written", process)
    orphans = workers_of(process.pid)
    process.kill()  # SIGKILL: the run cannot clean up after itself
    process.communicate()
    assert parts(tmp_path), "the killed run left no .part file to clean up"
    wait_for(lambda: not any(alive(pid) for pid in orphans), "exit of the orphaned workers")
    again = subprocess.run([sys.executable, "-m", "pipeline", "run", str(SEEDS[0]), str(out)], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "left behind by an earlier run that was killed" in again.stderr
    assert parts(tmp_path) == []


def test_a_document_over_the_time_limit_is_an_error_and_the_run_goes_on(tmp_path):
    slow = tmp_path / "in" / "slow.txt"
    slow.parent.mkdir()
    paragraph = " ".join(str(n % 997 + 3) for n in range(60_000)) + " soldiers were killed."
    slow.write_text(f"= Battle of Numbers =\n\n{paragraph}\n", encoding="utf-8")
    for seed in SEEDS:
        shutil.copy(seed, slow.parent / seed.name)
    out = tmp_path / "out.jsonl"
    code, err = _finish(cli("--max-seconds", "3", "--batch-size", "1", str(slow.parent), str(out)))
    assert code == 1, err
    assert f"{slow}: time limit: no result after 3 s (--max-seconds)" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 3
    assert parts(tmp_path) == []
