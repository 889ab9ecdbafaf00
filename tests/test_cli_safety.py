"""Command-line mistakes destroy nothing: an output that is an input, that is not JSON Lines, a
device, a FIFO, a link; errors-file checks before anything is replaced; write errors; modes; the
eval command's messages and exit codes. In this process unless a real process is the point."""

from __future__ import annotations

from support import run_cli  # tests/ is on sys.path under pytest

import json
import os
import resource
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.__main__ import DEFAULT_MAX_BYTES as CLI_MAX_BYTES
from pipeline.batch import DEFAULT_MAX_BYTES
from pipeline.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
ARTICLE = SEEDS[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module", autouse=True)
def nlp():
    return load_nlp()


cli = run_cli


@pytest.fixture
def folder(tmp_path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "b.txt").write_text(SEEDS[1].read_text(encoding="utf-8"), encoding="utf-8")
    return inputs


def one_line_error(code: int, err: str, expected: str) -> None:
    assert code == 2, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ") and expected in err, err


def test_output_that_is_an_input_file_is_refused(folder):
    before = (folder / "b.txt").read_bytes()
    code, err = cli("run", "--progress", "off", str(folder / "a.txt"), str(folder / "b.txt"))
    one_line_error(code, err, "not JSON Lines")
    assert (folder / "b.txt").read_bytes() == before
    link = folder.parent / "link.jsonl"
    link.symlink_to(folder / "b.txt")
    for output in (folder / "b.txt", link):  # even with --force, an input is never an output
        code, err = cli("run", "--progress", "off", "--force", str(folder), str(output))
        one_line_error(code, err, "it is one of the inputs")
        assert (folder / "b.txt").read_bytes() == before


def test_swapped_output_and_input_empties_nothing(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    code, err = cli("run", "--progress", "off", str(out), str(folder / "a.txt"))
    one_line_error(code, err, "input not found")
    assert (folder / "a.txt").read_text(encoding="utf-8") == ARTICLE


def test_output_inside_an_input_folder_as_txt_is_refused(folder):
    code, err = cli("run", "--progress", "off", str(folder), str(folder / "new.txt"))
    one_line_error(code, err, "would be read as an article of the input folder")
    assert not (folder / "new.txt").exists()


def test_dash_o_and_existing_json_lines_output(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"old": 1}\n')
    code, err = cli("run", "--progress", "off", str(folder), "-o", str(out))
    assert code == 0, err
    assert len(out.read_text().splitlines()) == 2


def test_a_symlink_output_is_written_through(folder, tmp_path):
    real = tmp_path / "real.jsonl"
    real.write_text("")
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    code, err = cli("run", "--progress", "off", str(folder), str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert len(real.read_text().splitlines()) == 2


def test_a_fifo_output_is_refused_without_blocking(folder, tmp_path):
    fifo = tmp_path / "out.jsonl"
    os.mkfifo(fifo)
    code, err = cli("run", "--progress", "off", str(folder), str(fifo))
    one_line_error(code, err, "it is a FIFO, not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    link = tmp_path / "to-fifo.jsonl"
    link.symlink_to(fifo)
    code, err = cli("run", "--progress", "off", str(folder), str(link))
    one_line_error(code, err, "it is a FIFO")
    assert link.is_symlink()


def test_a_character_device_output_is_refused(folder, tmp_path):
    """Only the refusal is exercised: a link to /dev/null is checked, nothing is written to it."""
    link = tmp_path / "null.jsonl"
    link.symlink_to(os.devnull)
    before = os.stat(os.devnull)
    code, err = cli("run", "--progress", "off", str(folder), str(link))
    one_line_error(code, err, "it is a device, not a regular file")
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert [p for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_an_errors_path_that_is_a_folder_is_refused_before_anything_is_replaced(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"previous": true}\n')
    (tmp_path / "out.errors.jsonl").mkdir()
    code, err = cli("run", "--progress", "off", str(folder), str(out))
    one_line_error(code, err, "out.errors.jsonl: it is a folder")
    assert out.read_text() == '{"previous": true}\n'


def test_output_mode_respects_the_umask(folder, tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "out.jsonl"
        assert cli("run", "--progress", "off", str(folder), str(out))[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        os.chmod(out, 0o640)  # an existing output keeps its mode
        assert cli("run", "--progress", "off", str(folder), str(out))[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_no_article_in_the_inputs_warns_and_exits_1(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("x")
    code, err = cli("run", "--progress", "off", str(empty), str(tmp_path / "out.jsonl"))
    assert code == 1 and err.startswith("warning: no *.txt article") and len(err.splitlines()) == 1
    assert not (tmp_path / "out.jsonl").exists()


def test_a_folder_named_txt_and_an_unlistable_folder_are_named(folder, tmp_path, monkeypatch):
    (folder / "box.txt").mkdir()
    (folder / "box.txt" / "c.txt").write_text(SEEDS[2].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):  # root can list any folder, so the refusal is simulated
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "out.jsonl"
    code, err = cli("run", "--progress", "off", str(folder), str(out))
    assert code == 1, err
    assert f"{folder / 'box.txt'}: a folder named *.txt" in err
    assert f"{folder / 'locked'}: cannot list folder: Permission denied" in err
    assert len(out.read_text().splitlines()) == 3  # a, b and box.txt/c
    errors = [json.loads(line)["path"] for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert errors == [str(folder / "box.txt"), str(folder / "locked")]


def test_a_write_error_is_one_line_exit_2_and_leaves_nothing(folder, tmp_path):
    """A real process whose file-size limit stands for a full disk: the write fails (EFBIG)."""
    out = tmp_path / "out.jsonl"
    out.write_text('{"previous": true}\n')

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--progress", "off", str(folder), str(out)],
        cwd=ROOT, capture_output=True, text=True, preexec_fn=small_files,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [f"error: cannot write {out}: File too large"]
    assert out.read_text() == '{"previous": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]


def test_line_separators_are_escaped_in_output(tmp_path):
    text = ARTICLE.replace("= Battle of Bassikounou =", "= Battle of Bassi\u2028kou\u0085no\u2029u =", 1)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli("run", "--progress", "off", str(inputs), str(out))[0] == 0
    data = out.read_text(encoding="utf-8")
    assert len(data.splitlines()) == 1 and "\\u2028" in data and "\\u0085" in data
    assert json.loads(data)["title"] == "Battle of Bassi\u2028kou\u0085no\u2029u"


def test_duplicate_titles_are_warned_on_stderr_and_in_records(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("a.txt", "b.txt"):
        (inputs / name).write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, err = cli("run", "--progress", "off", str(inputs), str(out))
    assert code == 0 and "warning: 2 inputs have the title of id 'battle-of-bassikounou'" in err
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["battle-of-bassikounou"] * 2
    assert all(any(w.startswith("duplicate id: 2 inputs") for w in r["warnings"]) for r in records)


def test_max_bytes_makes_a_large_file_an_error_and_keeps_the_others(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    large, small = sorted(folder.glob("*.txt"), key=lambda p: -p.stat().st_size)
    size = large.stat().st_size
    assert small.stat().st_size < size
    code, err = cli("run", "--progress", "off", "--max-bytes", str(size - 1), str(folder), str(out))
    assert code == 1
    assert err.splitlines()[0] == f"{large}: too large: {size:,} bytes, over the limit of {size - 1:,} (--max-bytes)"
    assert [json.loads(line)["source"]["path"] for line in out.read_text().splitlines()] == [str(small)]
    assert CLI_MAX_BYTES == DEFAULT_MAX_BYTES


# --- eval ---------------------------------------------------------------------------------------


def _eval_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "eval", *args], cwd=ROOT, capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="module")
def predictions(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    assert cli("run", "--progress", "off", str(ROOT / "seeds"), str(out))[0] == 0
    return out


def test_eval_names_every_unpaired_record_and_exits_1(predictions, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for path in sorted((ROOT / "gold").glob("*.json"))[:1]:
        (gold / path.name).write_bytes(path.read_bytes())
    done = _eval_cli(str(predictions), str(gold))
    paired = json.loads(next(iter(gold.glob("*.json"))).read_text())["id"]
    ids = {json.loads(line)["id"] for line in predictions.read_text().splitlines()}
    if paired in ids:
        assert done.returncode == 1, done.stderr
        assert sum("no gold for" in line for line in done.stderr.splitlines()) == len(ids) - 1
    else:
        assert done.returncode == 2, done.stderr


def test_eval_with_no_pairing_and_with_empty_gold(predictions, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    done = _eval_cli(str(predictions), str(gold))
    assert done.returncode == 2 and done.stderr.strip() == f"error: no gold records (*.json) in {gold}"
    other = json.loads((ROOT / "gold" / sorted(p.name for p in (ROOT / "gold").glob("*.json"))[0]).read_text())
    other["title"], other["id"] = "Some Other Battle", "some-other-battle"
    (gold / "x.json").write_text(json.dumps(other))
    done = _eval_cli(str(predictions), str(gold))
    assert done.returncode == 2 and "no prediction pairs with a gold record" in done.stderr


def test_eval_swapped_and_missing_arguments(predictions):
    done = _eval_cli(str(ROOT / "gold"), str(predictions))
    assert done.returncode == 2 and "arguments swapped?" in done.stderr and len(done.stderr.splitlines()) == 1
    done = _eval_cli("missing.jsonl", str(ROOT / "gold"))
    assert done.returncode == 2 and done.stderr.strip() == "error: PRED.jsonl missing.jsonl does not exist"


def test_eval_into_a_closed_pipe_is_quiet(predictions):
    eval_proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "eval", str(predictions), str(ROOT / "gold")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    eval_proc.stdout.readline()
    eval_proc.stdout.close()  # what `| head -1` does
    err = eval_proc.stderr.read().decode()
    eval_proc.wait()
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_version():
    done = subprocess.run([sys.executable, "-m", "pipeline", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("conflict-ledger ")


def test_an_interrupt_at_start_up_is_one_line_and_130(tmp_path):
    """SIGINT while the package and spaCy are still being imported. The output is a valid path, so
    the run goes on to load the model (a second or more) and the 10 ms alarm always lands in start-up,
    however busy the machine is."""
    out = tmp_path / "x.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-c", f"import os, signal, sys; sys.argv = ['pipeline', 'run', 'seeds', {str(out)!r}];"
         " import pipeline.__main__ as m;"
         " signal.signal(signal.SIGALRM, lambda *a: os.kill(os.getpid(), signal.SIGINT));"
         " signal.setitimer(signal.ITIMER_REAL, 0.01); sys.exit(m.main())"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    _, err = process.communicate()
    assert process.returncode == 130, err
    assert err.strip() == "interrupted: no output written"
    assert list(tmp_path.iterdir()) == []
