"""Hostile inputs through the `run` job: each bad document fails alone (listed on stderr and in
OUTPUT.errors.jsonl with its path and reason), the good documents beside it keep their records,
and the command line exits 0 (all records), 1 (some documents failed) or 2 (usage error).

Everything runs in this process (the spaCy model is loaded once) except the one test that needs
a real process to show that a usage error prints one line and no traceback.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pipeline.__main__ import main
from pipeline.nlp import load_nlp
from pipeline.records import EventRecord
from pipeline.run import UsageError, errors_path, run
from timing import deadline  # tests/ is on sys.path under pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = sorted((ROOT / "corpus" / "dev").glob("*.txt"))
GOOD = SEEDS[0]


@pytest.fixture(scope="module", autouse=True)
def nlp():
    return load_nlp()  # cached per process: every test below shares this one load


class Result:
    """What one `run` left behind: records by input path, error rows, lines reported to stderr."""

    def __init__(self, out: Path, counts: tuple[int, int], reported: list[str]):
        self.out = out
        self.written, self.failed = counts
        self.reported = reported
        self.lines = out.read_text(encoding="utf-8").splitlines()
        self.records = {}
        for line in self.lines:
            record = EventRecord.model_validate_json(line)
            assert record.model_dump_json() == line  # every line is a valid record, round-trip exact
            self.records[record.source.path] = record
        errors = errors_path(out)
        self.errors = (
            [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()] if errors.exists() else []
        )
        assert len(self.lines) == self.written
        assert len(self.errors) == self.failed == len(reported)
        # stderr names each failure once; an input that is no document (a folder named *.txt) is
        # named before extraction starts, the errors file keeps input order
        assert sorted(reported) == sorted(f"{row['path']}: {row['error']}" for row in self.errors)
        for row in self.errors:
            assert set(row) == {"path", "error"}
            assert row["error"]

    def error_of(self, path) -> str:
        matches = [row["error"] for row in self.errors if row["path"] == str(path)]
        assert len(matches) == 1, (path, self.errors)
        return matches[0]


def run_inputs(inputs, out: Path, **kwargs) -> Result:
    reported: list[str] = []
    counts = run([str(i) for i in inputs], str(out), report=reported.append, **kwargs)
    return Result(out, counts, [line for line in reported if not line.startswith("warning: ")])


def with_good(tmp_path: Path, name: str, data: bytes) -> tuple[Path, Path, Result]:
    """The hostile file between two good articles, in one run."""
    first = tmp_path / "a_good.txt"
    shutil.copy(GOOD, first)
    bad = tmp_path / name
    bad.write_bytes(data)
    last = tmp_path / "z_good.txt"
    shutil.copy(SEEDS[1], last)
    result = run_inputs([first, bad, last], tmp_path / "out.jsonl")
    assert str(first) in result.records and str(last) in result.records, "the good documents lost their records"
    assert result.lines[0] == result.records[str(first)].model_dump_json()  # input order kept
    return bad, last, result


def cli(argv, capsys) -> tuple[int, str]:
    code = main(argv)
    return code, capsys.readouterr().err


# --- documents that are not articles ----------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n \r\n \n", "empty"),
        ("bom-only.txt", b"\xef\xbb\xbf\n\n", "empty"),
        ("nul.txt", b"= Title =\n\nSome \x00\x00\x00 prose.\n", "binary content"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not UTF-8 text: byte 0x89 at offset 0"),
        ("invalid.txt", b"= Title =\n\nCaf\xe9 prose.\n", "not UTF-8 text: byte 0xe9 at offset 14"),
        ("truncated.txt", b"= Title =\n\nA cut \xe2\x82", "not UTF-8 text: byte 0xe2 at offset 17"),
        ("no-title.txt", b"Battle of Nowhere\n\nInfobox\n- Casualties1: 5 killed\n", "no title"),
        ("heading-first.txt", b"== Background ==\n\nFifteen soldiers were killed.\n", "no title"),
        ("empty-title.txt", b"=  =\n\nText.\n", "no title"),
    ],
)
def test_a_document_that_is_not_an_article_fails_alone(tmp_path, name, data, reason):
    bad, _, result = with_good(tmp_path, name, data)
    assert result.written == 2 and result.failed == 1
    assert reason in result.error_of(bad)
    assert result.reported[0].startswith(f"{bad}: ")


def test_invalid_utf8_message_names_the_file_and_the_byte(tmp_path, capsys):
    bad = tmp_path / "latin1.txt"
    data = "= Bataille =\n\nLe soldat bless\u00e9.\n".encode("latin-1")
    bad.write_bytes(data)
    assert data.index(b"\xe9") == 29
    shutil.copy(GOOD, tmp_path / "good.txt")
    code, err = cli(["run", str(tmp_path), str(tmp_path / "out.jsonl")], capsys)
    assert code == 1
    assert f"{bad}: not UTF-8 text: byte 0xe9 at offset 29 cannot be decoded" in err.splitlines()
    rows = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert rows == [{"path": str(bad), "error": "not UTF-8 text: byte 0xe9 at offset 29 cannot be decoded"}]
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1
    assert "1 records written" in err and "1 documents failed" in err


# --- encodings and line ends: the same record as the plain LF file ------------------------------


def _without_source_identity(record: EventRecord) -> dict:
    data = json.loads(record.model_dump_json())
    del data["source"]["sha256"], data["source"]["path"]
    return data


VARIANTS = {
    "crlf": lambda b: b.replace(b"\n", b"\r\n"),
    "lone-cr": lambda b: b.replace(b"\n", b"\r"),
    "bom": lambda b: b"\xef\xbb\xbf" + b,
    "bom-crlf": lambda b: b"\xef\xbb\xbf" + b.replace(b"\n", b"\r\n"),
    "mixed": lambda b: b.replace(b"\n", b"\r\n", 7),
}


@pytest.fixture(scope="module")
def variants_run(tmp_path_factory) -> tuple[Path, Result]:
    """Every seed and dev article as written (LF) and in each variant, in one run."""
    folder = tmp_path_factory.mktemp("variants")
    for name, variant in {"lf": lambda b: b, **VARIANTS}.items():
        (folder / name).mkdir()
        for path in SEEDS + DEV:
            data = path.read_bytes()
            assert b"\r" not in data
            (folder / name / path.name).write_bytes(variant(data))
    return folder, run_inputs([folder], folder / "out.jsonl")


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_line_ends_and_bom_give_the_record_of_the_lf_twin(variants_run, variant):
    folder, result = variants_run
    assert result.failed == 0 and result.written == len(SEEDS + DEV) * (len(VARIANTS) + 1)
    for path in SEEDS + DEV:
        a, b = result.records[str(folder / "lf" / path.name)], result.records[str(folder / variant / path.name)]
        assert _without_source_identity(a) == _without_source_identity(b)  # offsets included
        assert f"duplicate id: {len(VARIANTS) + 1} inputs of this run have this title" in a.warnings
        assert a.source.sha256 != b.source.sha256


# --- odd but valid articles ------------------------------------------------------------------------


def test_title_only_is_a_record_without_figures(tmp_path):
    bad, _, result = with_good(tmp_path, "title.txt", b"= Battle of Nowhere =\n")
    record = result.records[str(bad)]
    assert result.failed == 0
    assert record.title == "Battle of Nowhere" and record.id == "battle-of-nowhere"
    assert record.strength == record.casualties == record.summary == record.sides == []
    assert record.source.infobox is None


def test_title_and_empty_infobox_heading(tmp_path):
    bad, _, result = with_good(tmp_path, "box.txt", b"= Battle of Nowhere =\n\nInfobox\n")
    record = result.records[str(bad)]
    assert record.strength == record.casualties == []


HOSTILE_INFOBOX = """= Battle of Emptiness =

Infobox
- Conflict:
- Date:
- Place: ,
- Result: ----
- Combatant1: , ,
- Combatant2: ----
- Commander1: , , Unknown
- Strength1:
- Strength2: , ,
- Casualties1: , ,
- Casualties2: ----, Per Nobody:, ----
- Casualties3: (per AQIM)
- Frobnicate7: 12 killed
- Favourite colour: blue
- no colon on this line
-
- : a value with no key

On 3 May 2011 fighting broke out. Three soldiers were killed.
"""


def test_infobox_with_empty_and_broken_values_is_a_record_with_warnings(tmp_path):
    bad, _, result = with_good(tmp_path, "infobox.txt", HOSTILE_INFOBOX.encode())
    record = result.records[str(bad)]
    assert result.failed == 0
    assert record.source.infobox == "military_conflict"
    assert any("without a key" in w and "no colon on this line" in w for w in record.warnings)
    assert all(f.origin == "text" for f in record.casualties + record.strength)  # nothing read from junk
    assert not any(f.low == 12 for f in record.casualties)  # an unknown key is left out
    assert all(a.name.strip(" ,-") for s in record.sides for a in s.belligerents)


def test_twenty_thousand_nested_parentheses_in_an_infobox_value(tmp_path):
    deep = "(" * 20_000 + "5 killed" + ")" * 20_000
    text = (
        "= Battle of Depth =\n\nInfobox\n"
        f"- Combatant1: {'(' * 20_000}Mauritania\n"
        "- Combatant2: AQIM\n"
        f"- Commander1: {deep}\n"
        f"- Strength1: {'(' * 20_000}\n"
        f"- Casualties1: {deep}, 3 wounded\n"
        f"- Casualties2: 2 killed{')' * 20_000}\n\n"
        "The battle was fought.\n"
    )
    with deadline(600):
        bad, _, result = with_good(tmp_path, "deep.txt", text.encode())
    record = result.records[str(bad)]
    assert result.failed == 0
    assert any(f.category == "wounded" and f.low == 3 for f in record.casualties)
    text_of = bad.read_text()
    for figure in record.casualties + record.strength:
        assert text_of[figure.evidence.start:figure.evidence.end] == figure.evidence.text


def _big_article(size: int) -> tuple[str, str]:
    """A real article grown to `size` characters: the seed's infobox and prose, then a long
    infobox of unknown keys, a megabyte of prose in the `Notes` section, and section headings."""
    seed = GOOD.read_text(encoding="utf-8")
    head, lead_marker, body = seed.partition("\nOn July 5, 2011")
    filler = "The convoy moved slowly along the dusty road while villagers watched from their doorways. "
    notes = "\n\n".join([(filler * 40).strip()] * (1_000_000 // (len(filler) * 40)))
    unknown = "\n".join(f"- Note{i}: {'lorem ipsum ' * 7}" for i in range(4_500_000 // 100))
    text = head.replace("Infobox\n", "Infobox\n" + unknown + "\n", 1) + lead_marker + body + "\n== Notes ==\n" + notes + "\n"
    headings, length = [], len(text)
    while length < size:
        headings.append(f"\n== Section {len(headings)} ==\n")
        length += len(headings[-1])
    return seed, text + "".join(headings)


def test_a_ten_megabyte_article_completes_with_a_record(tmp_path):
    seed, text = _big_article(10 * 1024 * 1024)
    assert len(text.encode()) >= 10 * 1024 * 1024
    with deadline(600):
        bad, _, result = with_good(tmp_path, "big.txt", text.encode())
    big = result.records[str(bad)]
    alone = result.records[str(tmp_path / "a_good.txt")]  # the same seed, unpadded
    key = lambda f: repr((f.origin, f.side, f.group, f.category, f.low, f.high, f.source))  # noqa: E731  (repr: None and str sort together)
    assert sorted(map(key, big.casualties)) == sorted(map(key, alone.casualties))
    assert sorted(map(key, big.strength)) == sorted(map(key, alone.strength))
    for figure in big.casualties + big.strength:
        assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text


def test_a_paragraph_longer_than_the_models_limit_gets_its_record(tmp_path, nlp, monkeypatch):
    """spaCy refuses a text over `nlp.max_length` characters (E088), which once cost the document
    its record. Paragraphs reach spaCy in pieces of at most that many characters: shown here with
    the limit lowered to 2,000, so that a 60,000-character paragraph stays quick to read."""
    monkeypatch.setattr(nlp, "max_length", 2_000)
    sentence = "Seven soldiers were killed near Gao. The convoy moved on along the road; villagers watched, "
    paragraph = sentence * (60_000 // len(sentence))
    text = "= Battle of One Line =\n\n" + paragraph + "\n"
    bad, last, result = with_good(tmp_path, "one-line.txt", text.encode())
    assert result.written == 3 and result.failed == 0
    record = result.records[str(bad)]
    assert {(f.low, f.category) for f in record.casualties} == {(7, "killed")}
    for figure in record.casualties:
        assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text


def test_a_multi_line_internal_error_is_reported_on_one_line(tmp_path, monkeypatch):
    """A pydantic ValidationError's message spans lines; stderr keeps one line per failure."""
    import pipeline.batch as run_module
    from pydantic import BaseModel

    class Strict(BaseModel):
        a: int
        b: int

    real = run_module.extract_article

    def failing(article, *args):
        if article.path.endswith("bad.txt"):
            Strict.model_validate({"a": "x", "b": "y"})
        return real(article, *args)

    monkeypatch.setattr(run_module, "extract_article", failing)
    bad, _, result = with_good(tmp_path, "bad.txt", GOOD.read_bytes())
    assert result.failed == 1 and len(result.reported) == 1
    assert "\n" not in result.reported[0]
    assert result.error_of(bad).startswith("internal error: ValidationError: 2 validation errors")


def test_twenty_thousand_numbers_in_one_paragraph(tmp_path):
    """Each count is judged on a bounded window around it, so the cost is linear in the paragraph
    (it was quadratic: ~10 min). 20,000 here, to keep the suite quick; the growth of such a
    paragraph is checked in test_pieces.py, 60,000 are timed in benchmarks/hostile.py."""
    paragraph = " ".join(str(n % 997 + 3) for n in range(20_000)) + " soldiers were killed."
    text = f"= Battle of Numbers =\n\n{paragraph}\n"
    with deadline(600):
        bad, _, result = with_good(tmp_path, "numbers.txt", text.encode())
    record = result.records[str(bad)]
    assert [(f.low, f.category) for f in record.casualties] == [(62, "killed")]  # the last count: 19,999 % 997 + 3


def test_non_english_text(tmp_path):
    text = (
        "= Bataille de Tombouctou (2012) =\n\n"
        "Infobox\n- Conflit: Guerre du Mali\n- Combatant1: Ансар Дин\n- Combatant2: 马里军队\n"
        "- Casualties1: 五 tués\n- Casualties2: 十五人死亡, ٣ قتلى\n\n"
        "Le 5 juillet 2012, des combats ont éclaté près de Tombouctou. Quinze djihadistes ont été tués.\n\n"
        "== Последствия ==\n十五人死亡。Погибли 15 солдат. قُتل ٣ جنود. 🙂 ‮reversed‬ text\u200b.\n"
    )
    bad, _, result = with_good(tmp_path, "etranger.txt", text.encode())
    record = result.records[str(bad)]
    assert record.title == "Bataille de Tombouctou (2012)"
    assert record.id == "bataille-de-tombouctou-2012"
    for figure in record.casualties + record.strength:
        assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text


def test_title_of_only_non_latin_letters(tmp_path):
    bad, _, result = with_good(tmp_path, "cyr.txt", "= Битва =\n\nТекст.\n".encode())
    record = result.records[str(bad)]
    assert record.title == "Битва"
    assert record.id.startswith("title-")  # the ASCII fold is empty; the id is a digest of the title


# --- folders, links, unreadable files -------------------------------------------------------------


def test_a_folder_tree_with_links_loops_and_other_files(tmp_path):
    tree = tmp_path / "in"
    (tree / "b_sub" / "deeper").mkdir(parents=True)
    (tree / "c_dir.txt").mkdir()  # a folder whose name ends in .txt is a folder
    shutil.copy(SEEDS[0], tree / "a.txt")
    shutil.copy(SEEDS[1], tree / "b_sub" / "deeper" / "b.txt")
    shutil.copy(SEEDS[2], tree / "c_dir.txt" / "c.txt")
    (tree / "notes.md").write_text("= Not an input =\n")
    (tree / "data.json").write_text("{}")
    (tree / "A.TXT").write_text("= Upper case extension is not .txt =\n")
    (tree / "b_sub" / "link.txt").symlink_to(tree / "a.txt")  # a link to a file is read
    (tree / "b_sub" / "up").symlink_to(tree)  # a link to a folder is not followed (no loop)
    (tree / "b_sub" / "self").symlink_to(tree / "b_sub" / "self")  # a link to itself
    (tree / "loop1.txt").symlink_to(tree / "loop2.txt")
    (tree / "loop2.txt").symlink_to(tree / "loop1.txt")
    (tree / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    with deadline(600):
        result = run_inputs([tree], tmp_path / "out.jsonl")
    assert [r.source.path for r in map(EventRecord.model_validate_json, result.lines)] == [
        str(tree / "a.txt"),
        str(tree / "b_sub" / "deeper" / "b.txt"),
        str(tree / "b_sub" / "link.txt"),
        str(tree / "c_dir.txt" / "c.txt"),
    ]
    assert [row["path"] for row in result.errors] == [
        str(tree / "broken.txt"), str(tree / "c_dir.txt"), str(tree / "loop1.txt"), str(tree / "loop2.txt"),
    ]
    assert "a folder named *.txt" in result.error_of(tree / "c_dir.txt")
    assert "cannot read" in result.error_of(tree / "broken.txt")
    assert "cannot read" in result.error_of(tree / "loop1.txt")


def test_an_unreadable_file(tmp_path):
    """chmod 000 where it blocks reading; as root (where it does not) a dangling link, which
    passes `collect_inputs` but cannot be opened. Either way the reason names the cause."""
    shutil.copy(GOOD, tmp_path / "good.txt")
    bad = tmp_path / "secret.txt"
    if os.geteuid() != 0:
        shutil.copy(SEEDS[1], bad)
        bad.chmod(0)
        expected = "Permission denied"
    else:
        bad.symlink_to(tmp_path / "deleted-since.txt")
        expected = "No such file or directory"
    try:
        result = run_inputs([tmp_path / "good.txt", bad], tmp_path / "out.jsonl")
    finally:
        if not bad.is_symlink():
            bad.chmod(0o644)
    assert result.written == 1 and result.failed == 1
    assert result.error_of(bad) == f"cannot read: {expected}"


def test_a_fifo_named_txt_does_not_block_the_run(tmp_path):
    """Reading a named pipe blocks until someone writes to it: before the fix the run hung."""
    shutil.copy(GOOD, tmp_path / "good.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    with deadline(600):
        result = run_inputs([tmp_path], tmp_path / "out.jsonl")
    assert result.written == 1
    assert result.error_of(tmp_path / "pipe.txt") == "cannot read: not a regular file"


def test_a_folder_given_as_a_file_name(tmp_path, capsys):
    folder = tmp_path / "x.txt"
    folder.mkdir()
    shutil.copy(GOOD, folder / "inner.txt")
    code, err = cli(["run", str(folder), str(tmp_path / "out.jsonl")], capsys)
    assert code == 0
    assert "1 records written" in err


# --- the command line: exit codes and usage errors -------------------------------------------------


def test_exit_codes(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    assert cli(["run", str(GOOD), str(out)], capsys)[0] == 0
    assert not errors_path(out).exists()
    (tmp_path / "bad.txt").write_bytes(b"")
    code, err = cli(["run", str(GOOD), str(tmp_path / "bad.txt"), str(out)], capsys)
    assert code == 1 and errors_path(out).exists()
    assert f"{tmp_path / 'bad.txt'}: empty" in err
    # A clean run afterwards removes the stale errors file of the earlier one.
    assert cli(["run", str(GOOD), str(out)], capsys)[0] == 0
    assert not errors_path(out).exists()
    for argv in (
        ["run", str(tmp_path / "missing.txt"), str(out)],
        ["run", str(GOOD), str(tmp_path / "missing-folder" / "out.jsonl")],
        ["run", str(GOOD), str(tmp_path)],
        ["run", str(GOOD)],
        ["run", "--jobs", "0", str(GOOD), str(out)],
        ["run", "--stages", "nonsense", str(GOOD), str(out)],
    ):
        code, err = cli(argv, capsys)
        assert code == 2, argv
        assert err.count("\n") == 1 and err.startswith("error: "), err


def test_output_in_a_missing_folder_real_process(tmp_path):
    out = tmp_path / "missing" / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(GOOD), str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.splitlines() == [f"error: cannot write {out}: folder {out.parent} does not exist"]
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert not out.parent.exists()


def test_usage_error_leaves_no_temporary_files(tmp_path):
    with pytest.raises(UsageError):
        run([str(tmp_path / "missing.txt")], str(tmp_path / "out.jsonl"))
    assert list(tmp_path.iterdir()) == []


def test_run_from_a_worker_thread(tmp_path):
    """Signal handlers can only be set in the main thread: run() from another thread (a web
    server, a GUI) used to fail with ValueError before reading any input."""
    outcome: list = []

    def target():
        try:
            outcome.append(run([str(GOOD)], str(tmp_path / "out.jsonl"), report=lambda line: None))
        except BaseException as err:  # noqa: BLE001 - reported to the test below
            outcome.append(err)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(60)
    assert outcome == [(1, 0)]
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


# --- file names that are not UTF-8 ---------------------------------------------------------------


def _odd_name(folder: Path, raw: bytes) -> Path:
    """A path in `folder` whose file name is the bytes `raw` (as Python names it: surrogate escapes)."""
    return Path(os.fsdecode(os.path.join(os.fsencode(folder), raw)))


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    """`caf\\xe9.txt` (Latin-1 bytes) once crashed the whole run: the record's path could not be
    written as UTF-8. It is recorded and reported with the byte escaped."""
    cafe = _odd_name(tmp_path, b"caf\xe9.txt")
    shutil.copy(GOOD, cafe)
    binary = _odd_name(tmp_path, b"bad\xff.txt")
    binary.write_bytes(b"= T =\n\x00\x00")
    shutil.copy(SEEDS[1], tmp_path / "z_good.txt")
    result = run_inputs([tmp_path], tmp_path / "out.jsonl")
    assert result.written == 2 and result.failed == 1
    assert set(result.records) == {f"{tmp_path}/caf\\xe9.txt", str(tmp_path / "z_good.txt")}
    assert result.errors == [{"path": f"{tmp_path}/bad\\xff.txt", "error": "binary content: the text contains NUL characters"}]
    assert result.reported == [f"{tmp_path}/bad\\xff.txt: binary content: the text contains NUL characters"]
    assert result.records[f"{tmp_path}/caf\\xe9.txt"].casualties  # the article itself was read


def test_a_file_name_that_is_not_utf8_in_worker_processes_real_process(tmp_path):
    cafe = _odd_name(tmp_path, b"caf\xe9.txt")
    shutil.copy(GOOD, cafe)
    shutil.copy(SEEDS[1], tmp_path / "good.txt")
    _odd_name(tmp_path, b"empty\xe9.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "--jobs", "2", "--batch-size", "1", str(tmp_path), str(out)],
        capture_output=True, cwd=ROOT, timeout=600,
    )
    stderr = done.stderr.decode("utf-8")  # escaped, so valid UTF-8
    assert done.returncode == 1 and "Traceback" not in stderr
    assert f"{tmp_path}/empty\\xe9.txt: empty: the document has no text" in stderr.splitlines()
    paths = [json.loads(line)["source"]["path"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert paths == [f"{tmp_path}/caf\\xe9.txt", str(tmp_path / "good.txt")]


def test_the_library_records_such_a_name_escaped(tmp_path):
    from pipeline import extract_file

    cafe = _odd_name(tmp_path, b"caf\xe9.txt")
    shutil.copy(GOOD, cafe)
    record = extract_file(cafe, stages="infobox")
    assert record.source.path == f"{tmp_path}/caf\\xe9.txt"
    assert EventRecord.model_validate_json(record.model_dump_json()) == record


@pytest.mark.parametrize(
    "path, shown",
    [
        ("seeds/a.txt", "seeds/a.txt"),
        ("dir/é.txt", "dir/é.txt"),  # valid UTF-8 is left alone
        (os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"),
        (os.fsdecode(b"\xff\xfe/x.txt"), "\\xff\\xfe/x.txt"),
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (Path(os.fsdecode(b"a\x80.txt")), "a\\x80.txt"),
        ("lone\ud800.txt", "lone\\ud800.txt"),  # a surrogate no file name decoding makes
    ],
)
def test_shown_path(path, shown):
    from pipeline.article import shown_path

    assert shown_path(path) == shown
    shown_path(path).encode("utf-8")
