"""The seeds and development articles, end to end: records validate, evidence slices back,
the command line and the library agree, and the README's commands are the ones CI runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline import ArticleError, extract, extract_file, read_article
from pipeline.__main__ import main
from pipeline.records import EventRecord, summarise

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = sorted((ROOT / "corpus" / "dev").glob("*.txt"))
ARTICLES = SEEDS + DEV


@pytest.fixture(scope="module")
def records() -> dict[Path, EventRecord]:
    return {path: extract_file(path) for path in ARTICLES}


def test_three_seeds_and_twelve_dev_articles_are_present():
    assert len(SEEDS) == 3
    assert len(DEV) == 12


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_record_validates_and_every_evidence_slices_back(records, path):
    record = records[path]
    again = EventRecord.model_validate(json.loads(record.model_dump_json()))
    assert again == record
    text = read_article(path).text
    for figure in record.strength + record.casualties:
        assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text
    assert record.summary == summarise(record.casualties)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_records_have_sides_date_place_and_claims(records, path):
    record = records[path]
    assert len(record.sides) == 2 and all(side.belligerents for side in record.sides)
    assert record.date is not None and record.location is not None and record.location.country_code
    assert any(f.origin == "infobox" for f in record.casualties)
    assert any(f.origin == "text" for f in record.casualties)
    assert any(f.source for f in record.casualties if f.origin == "text")


def test_text_and_file_give_the_same_record(records):
    path = SEEDS[0]
    from_text = extract(path.read_text(encoding="utf-8"), path=str(path))
    assert from_text == records[path]


def test_infobox_only_stage_has_no_text_claims():
    record = extract_file(SEEDS[1], stages=("infobox",))
    assert record.casualties and all(f.origin == "infobox" for f in record.casualties + record.strength)


def test_extract_rejects_text_that_is_not_an_article():
    with pytest.raises(ArticleError, match="empty"):
        extract(" \n\n")
    with pytest.raises(ArticleError, match="no title"):
        read_article_text = "just some words\n"
        from pipeline.article import parse_article

        parse_article(read_article_text)  # files (and parse_article) still need a title line


def test_run_command_writes_one_record_per_seed(tmp_path, capsys):
    output = tmp_path / "out.jsonl"
    assert main(["run", str(ROOT / "seeds"), str(output)]) == 0
    lines = output.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["title"] for line in lines] == [read_article(p).title for p in SEEDS]
    assert not (tmp_path / "out.errors.jsonl").exists()
    assert "3 records written" in capsys.readouterr().err


def test_run_reports_bad_documents_and_keeps_the_others(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(SEEDS[0].read_bytes())
    (folder / "b.txt").write_bytes(b"\xff\xfe not text")
    (folder / "c.txt").write_text("no title here\n", encoding="utf-8")
    output = tmp_path / "out.jsonl"
    assert main(["run", str(folder), str(output)]) == 1
    assert len(output.read_text(encoding="utf-8").splitlines()) == 1
    errors = [json.loads(line) for line in (tmp_path / "out.errors.jsonl").read_text().splitlines()]
    assert [Path(e["path"]).name for e in errors] == ["b.txt", "c.txt"]
    assert "not UTF-8" in errors[0]["error"] and "no title" in errors[1]["error"]
    err = capsys.readouterr().err
    assert "b.txt" in err and "c.txt" in err


@pytest.mark.parametrize(
    "argv, message",
    [
        (["run", "/no/such/input", "OUT"], "input not found"),
        (["run", "seeds", "/no/such/folder/out.jsonl"], "does not exist"),
        (["run", "seeds/", "out.jsonl", "--stages", "bogus"], "--stages"),
        (["run", "out.jsonl"], "at least one INPUT"),
    ],
)
def test_usage_errors_exit_2_with_one_line(argv, message, capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    argv = [a.replace("OUT", "/tmp/never-written.jsonl") for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err


def test_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    assert commands[:2] == [
        "pip install . && python -m pipeline run seeds/ out.jsonl",
        "pip install -c constraints.txt '.[test]' && python -m pytest",
    ]
    assert commands[1] in ci
