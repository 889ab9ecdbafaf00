"""Whole runs as real processes: the output is deterministic (run twice, or with two worker
processes, byte for byte the same), and an interrupted run (SIGINT, SIGTERM, Ctrl-C to the whole
process group) leaves the previous output untouched and no temporary `.part` file behind.
"""

from __future__ import annotations

from support import spawned_workers  # tests/ is on sys.path under pytest

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.nlp import load_nlp
from pipeline.run import run

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
INPUTS = [str(ROOT / "seeds"), str(ROOT / "corpus" / "dev")]


def cli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", "--progress", "off", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs,
    )


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


# --- determinism ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """Seeds and dev articles, plus two documents that fail (so the errors file is compared too)."""
    bad = tmp_path_factory.mktemp("bad")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "latin1.txt").write_bytes("= Caf\u00e9 =\n".encode("latin-1"))
    return INPUTS + [str(bad)]


def test_two_runs_give_byte_identical_files(tmp_path, inputs):
    load_nlp()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run(inputs, str(first), report=lambda line: None) == (15, 2)
    assert run(inputs, str(second), report=lambda line: None) == (15, 2)
    assert first.read_bytes() == second.read_bytes()
    assert (tmp_path / "first.errors.jsonl").read_bytes() == (tmp_path / "second.errors.jsonl").read_bytes()


def _spawned_workers(pid: int) -> int:
    """Worker processes of the multiprocessing pool started by `pid`."""
    return len(spawned_workers(pid))


def test_two_jobs_give_the_output_of_one(tmp_path, inputs):
    load_nlp()
    one = tmp_path / "one.jsonl"
    run(inputs, str(one), jobs=1, report=lambda line: None)
    two = tmp_path / "two.jsonl"
    process = cli("--jobs", "2", "--batch-size", "2", *inputs, str(two))
    workers = 0
    while process.poll() is None:
        workers = max(workers, _spawned_workers(process.pid))
        time.sleep(0.05)
    _, err = process.communicate()
    assert process.returncode == 1, err  # two documents fail
    assert workers == 2, "the run did not use two worker processes"
    assert "15 records written" in err and "2 documents failed" in err
    assert two.read_bytes() == one.read_bytes()
    assert (tmp_path / "two.errors.jsonl").read_bytes() == (tmp_path / "one.errors.jsonl").read_bytes()


# --- interruption --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """900 articles: 300 copies of each seed (a run of about half a minute)."""
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(300):
        for seed in SEEDS:
            shutil.copy(seed, folder / f"{copy:03d}_{seed.name}")
    return folder


def _interrupt(corpus: Path, out: Path, send, delay: float, *extra: str) -> subprocess.CompletedProcess:
    process = cli(*extra, str(corpus), str(out), start_new_session=True)
    try:
        started = time.monotonic()
        while not leftovers(out.parent):  # the run has begun writing
            assert process.poll() is None, process.communicate()
            assert time.monotonic() - started < 60, "no .part file appeared"
            time.sleep(0.005)
        time.sleep(delay)
        assert process.poll() is None, "the run ended before it could be interrupted"
        send(process)
        out_text, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    return subprocess.CompletedProcess(process.args, process.returncode, out_text, err)


SENDERS = {
    "SIGINT": lambda p: p.send_signal(signal.SIGINT),
    "SIGTERM": lambda p: p.send_signal(signal.SIGTERM),
    "ctrl-c-to-group": lambda p: os.killpg(p.pid, signal.SIGINT),  # what a terminal does
}


@pytest.mark.parametrize(
    "how, delay, extra",
    [
        ("SIGINT", 0.0, ()),  # as soon as the temporary file exists (model still loading)
        ("SIGTERM", 0.0, ()),
        ("SIGINT", 1.0, ()),  # in the middle of extraction
        ("SIGTERM", 1.0, ()),
        ("ctrl-c-to-group", 2.0, ("--jobs", "2", "--batch-size", "8")),  # workers started
    ],
    ids=["SIGINT-start", "SIGTERM-start", "SIGINT-mid", "SIGTERM-mid", "ctrl-c-2-jobs"],
)
def test_an_interrupted_run_leaves_the_previous_output_untouched(tmp_path, corpus, how, delay, extra):
    out = tmp_path / "out.jsonl"
    out.write_text('{"sentinel": "the previous output"}\n')
    errors = tmp_path / "out.errors.jsonl"
    errors.write_text('{"sentinel": "the previous errors"}\n')
    done = _interrupt(corpus, out, SENDERS[how], delay, *extra)
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "interrupted: no output written"
    assert "Traceback" not in done.stderr
    assert out.read_text() == '{"sentinel": "the previous output"}\n'
    assert errors.read_text() == '{"sentinel": "the previous errors"}\n'
    assert leftovers(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.errors.jsonl", "out.jsonl"]


def test_an_interrupted_first_run_leaves_no_output(tmp_path, corpus):
    out = tmp_path / "out.jsonl"
    done = _interrupt(corpus, out, SENDERS["SIGINT"], 0.5)
    assert done.returncode == 130, done.stderr
    assert list(tmp_path.iterdir()) == []
