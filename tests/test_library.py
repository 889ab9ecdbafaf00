"""The library entry points: plain text without a title line, argument checks with clear errors,
the same record from four threads at once as from one, stages given as a string."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from pipeline import ArticleError, extract, extract_file
from pipeline.nlp import load_nlp

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = sorted((ROOT / "corpus" / "dev").glob("*.txt"))

NEWS = (
    "Gunmen kill four soldiers near Gao\n\n"
    "Gunmen killed four soldiers and wounded two others in an ambush near Gao on Sunday, the army said.\n"
)


@pytest.fixture(scope="module", autouse=True)
def nlp():
    return load_nlp()


def test_news_text_gets_its_headline_as_title_and_a_warning():
    record = extract(NEWS)
    assert record.title == "Gunmen kill four soldiers near Gao"
    assert record.id == "gunmen-kill-four-soldiers-near-gao"
    assert "title taken from the first line: the text has no `= Title =` line" in record.warnings
    assert any(f.category == "killed" and f.low == 4 for f in record.casualties)
    for figure in record.casualties:
        assert NEWS[figure.evidence.start:figure.evidence.end] == figure.evidence.text


@pytest.mark.parametrize(
    "text, title, note",
    [
        ("Four soldiers were killed near Gao. The army said so.\n", "Four soldiers were killed near Gao", "first sentence"),
        ("Clashes in Gao? Four soldiers were killed.", "Clashes in Gao?", "first sentence"),
        ("  \n\nA short headline\nFour soldiers were killed.\n", "A short headline", "first line"),
        ("word " * 100, " ".join(["word"] * 40), "first sentence"),  # cut at a space, 199 characters
    ],
)
def test_titles_derived_from_plain_text(text, title, note):
    record = extract(text, stages="infobox")
    assert record.title == title
    assert f"title taken from the {note}: the text has no `= Title =` line" in record.warnings


def test_a_given_title_wins_and_a_title_line_needs_no_warning():
    assert extract(NEWS, title="Gao ambush", stages="infobox").title == "Gao ambush"
    assert "title given by the caller" in extract(NEWS, title="Gao ambush", stages="infobox").warnings[-1]
    seed = SEEDS[0].read_text(encoding="utf-8")
    record = extract(seed, stages="infobox")
    assert not any("title" in w for w in record.warnings)
    assert extract(seed, title="Another name", stages="infobox").title == "Another name"


@pytest.mark.parametrize(
    "value, message",
    [
        (None, "expected the article as str, got NoneType"),
        (b"= T =\n", r"expected the article as str, got bytes \(decode bytes first"),
        (42, "expected the article as str, got int"),
        (["= T ="], "expected the article as str, got list"),
    ],
)
def test_what_is_not_text_is_a_type_error_saying_what_is_expected(value, message):
    with pytest.raises(TypeError, match=message):
        extract(value)


@pytest.mark.parametrize(
    "text, message",
    [
        ("= T =\n\nSome\x00thing.\n", "NUL character at position 11"),
        ("= T =\n\nBad \ud800 text.\n", "lone surrogate U\\+D800 at position 11"),
        ("", "empty"),
    ],
)
def test_text_that_is_no_article_is_an_article_error_naming_the_position(text, message):
    with pytest.raises(ArticleError, match=message):
        extract(text)


def test_a_paragraph_over_the_models_limit_gets_its_record(nlp):
    """spaCy refuses a text over `nlp.max_length` (E088); the paragraph reaches it in pieces."""
    text = "= Long =\n\nFive soldiers were killed. " + "x" * (nlp.max_length + 1) + " Two villages burned.\n"
    record = extract(text)
    assert [(f.low, f.category, f.evidence.text) for f in record.casualties] == [(5, "killed", "Five soldiers were killed")]
    figure = record.casualties[0]
    assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text


def test_stages_as_a_string_is_one_stage_and_nonsense_is_refused():
    seed = SEEDS[1]
    assert extract_file(seed, stages="infobox") == extract_file(seed, stages=("infobox",))
    with pytest.raises(ValueError, match="unknown stages"):
        extract_file(seed, stages="p")
    with pytest.raises(TypeError, match="expected path as str or pathlib.Path, got int"):
        extract_file(3)


def test_an_explicit_model_is_used(nlp):
    assert extract_file(SEEDS[0], nlp=nlp) == extract_file(SEEDS[0])


def test_four_threads_at_once_give_the_serial_records():
    paths = SEEDS + DEV
    texts = [p.read_text(encoding="utf-8") for p in paths]
    serial = [extract(t).model_dump_json() for t in texts] + [extract_file(p).model_dump_json() for p in paths]
    results: dict[tuple[int, int], str] = {}
    failures: list[BaseException] = []
    barrier = threading.Barrier(4)

    def work(worker: int) -> None:
        try:
            barrier.wait()
            for i, text in enumerate(texts):
                results[worker, i] = extract(text).model_dump_json()
            for i, path in enumerate(paths):
                results[worker, len(texts) + i] = extract_file(path).model_dump_json()
        except BaseException as err:  # reported below, with the thread's exception
            failures.append(err)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    for worker in range(4):
        assert [results[worker, i] for i in range(len(serial))] == serial


def test_run_from_two_threads_at_once(tmp_path):
    from pipeline.run import run

    outputs = [tmp_path / f"out{n}.jsonl" for n in range(3)]
    run([str(ROOT / "seeds")], str(outputs[0]), report=lambda line: None)
    errors: list[BaseException] = []

    def work(out: Path) -> None:
        try:
            run([str(ROOT / "seeds")], str(out), report=lambda line: None)
        except BaseException as err:
            errors.append(err)

    threads = [threading.Thread(target=work, args=(out,)) for out in outputs[1:]]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert outputs[1].read_bytes() == outputs[2].read_bytes() == outputs[0].read_bytes()
