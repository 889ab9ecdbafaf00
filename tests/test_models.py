"""Another spaCy pipeline (`run --model`, `model=` in the library): a pipeline given by folder
gives byte for byte the records of the default; a pipeline lacking the segmenter, the attribute
ruler or the lemmatizer, or whose embedding has another name, still runs; a model that is not
installed, not a pipeline, not English or without a parser or NER is one clear line, never a
traceback, and nothing is written."""

from __future__ import annotations

from support import run_cli  # tests/ is on sys.path under pytest

from pathlib import Path

import pytest
import spacy

from pipeline import ModelError, extract, extract_articles, extract_file, read_article
from pipeline.__main__ import MODEL as CLI_MODEL
from pipeline.nlp import MODEL, load_nlp, parses, sentences

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
DEV = sorted((ROOT / "corpus" / "dev").glob("*.txt"))
NOT_INSTALLED = "en_core_web_absent_xx"


cli = run_cli


def saved(nlp, folder: Path) -> str:
    nlp.to_disk(folder)
    return str(folder)


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> str:
    """The default pipeline saved to a folder: another pipeline, as spaCy sees it."""
    return saved(load_nlp(), tmp_path_factory.mktemp("models") / "copy")


def fresh():
    """A pipeline of our own to take apart (the cached one is shared)."""
    return spacy.load(MODEL)


def test_the_command_line_default_is_the_library_default():
    assert CLI_MODEL == MODEL


def test_run_with_a_pipeline_folder_writes_the_default_output_byte_for_byte(copy, tmp_path):
    inputs = [str(p) for p in SEEDS + DEV]
    default, other = tmp_path / "default.jsonl", tmp_path / "other.jsonl"
    assert cli("run", "--progress", "off", *inputs, str(default))[0] == 0
    assert cli("run", "--progress", "off", "--model", copy, *inputs, str(other))[0] == 0
    assert other.read_bytes() == default.read_bytes()
    assert len(default.read_text(encoding="utf-8").splitlines()) == len(inputs)


def test_worker_processes_load_the_model_given(copy, tmp_path):
    inputs = [str(p) for p in SEEDS]
    default, other = tmp_path / "default.jsonl", tmp_path / "other.jsonl"
    assert cli("run", "--progress", "off", *inputs, str(default))[0] == 0
    code, err = cli("run", "--progress", "off", "--jobs", "2", "--batch-size", "1", "--model", copy, *inputs, str(other))
    assert code == 0, err
    assert other.read_bytes() == default.read_bytes()


def test_the_library_takes_a_model_by_name_or_folder(copy):
    text = SEEDS[0].read_text(encoding="utf-8")
    expected = extract(text).model_dump_json()
    assert extract(text, model=copy).model_dump_json() == expected
    assert extract(text, model=Path(copy)).model_dump_json() == expected
    assert extract(text, model=MODEL).model_dump_json() == expected
    assert extract_file(SEEDS[0], model=copy) == extract_file(SEEDS[0])
    articles = [read_article(p) for p in SEEDS]
    assert list(extract_articles(articles, model=copy)) == list(extract_articles(articles))


@pytest.mark.parametrize("runs", ["in this process", "in worker processes"])
def test_a_model_not_installed_is_one_line_exit_2_and_nothing_written(tmp_path, runs):
    output = tmp_path / "out.jsonl"
    extra = ["--jobs", "2", "--batch-size", "1"] if runs == "in worker processes" else []
    code, err = cli("run", "--progress", "off", "--model", NOT_INSTALLED, *extra, *map(str, SEEDS), str(output))
    assert code == 2
    assert err.splitlines() == [
        f"error: spaCy model '{NOT_INSTALLED}' is not installed: install an English spaCy pipeline with pip "
        "(e.g. pip install en-core-web-md) or give the folder of one saved with nlp.to_disk()"
    ]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("runs", ["in this process", "in worker processes"])
def test_a_folder_that_is_no_pipeline_is_one_line_naming_spacys_reason(tmp_path, runs):
    folder = tmp_path / "not-a-pipeline"
    folder.mkdir()
    output = tmp_path / "out.jsonl"
    extra = ["--max-seconds", "600"] if runs == "in worker processes" else []  # a time limit runs in workers
    code, err = cli("run", "--progress", "off", "--model", str(folder), *extra, str(SEEDS[0]), str(output))
    assert code == 2
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"error: spaCy model '{folder}' cannot be loaded ([E053] Could not read meta.json"), err
    assert "pip install" in err and "Traceback" not in err
    assert not output.exists()


def test_the_infobox_stage_alone_needs_no_model(tmp_path):
    output = tmp_path / "out.jsonl"
    code, err = cli("run", "--progress", "off", "--stages", "infobox", "--model", NOT_INSTALLED, str(SEEDS[0]), str(output))
    assert code == 0, err
    assert output.exists()


def test_the_library_names_the_model_and_how_to_install_one():
    text = SEEDS[0].read_text(encoding="utf-8")
    with pytest.raises(ModelError, match=rf"spaCy model '{NOT_INSTALLED}' is not installed: install .* pip install"):
        extract(text, model=NOT_INSTALLED)
    with pytest.raises(ModelError, match=NOT_INSTALLED):
        extract_file(SEEDS[0], model=NOT_INSTALLED)
    with pytest.raises(ModelError, match=NOT_INSTALLED):
        list(extract_articles([read_article(SEEDS[0])], model=NOT_INSTALLED))
    with pytest.raises(TypeError, match="not both"):
        extract(text, nlp=load_nlp(), model=MODEL)
    with pytest.raises(TypeError, match="expected model as str"):
        extract(text, model=3)


def test_a_pipeline_that_cannot_serve_the_prose_stage_is_refused(tmp_path):
    german = saved(spacy.blank("de"), tmp_path / "german")
    with pytest.raises(ModelError, match=r"is for language 'de', not English"):
        load_nlp(german)
    without_ner = fresh()
    without_ner.remove_pipe("ner")
    folder = saved(without_ner, tmp_path / "no-ner")
    with pytest.raises(ModelError, match=r"has no ner, which the prose stage needs"):
        load_nlp(folder)
    code, err = cli("run", "--progress", "off", "--model", folder, str(SEEDS[0]), str(tmp_path / "out.jsonl"))
    assert code == 2 and err.startswith("error: spaCy model") and len(err.splitlines()) == 1


def test_without_a_senter_the_parser_gives_the_sentences(tmp_path):
    nlp = fresh()
    nlp.remove_pipe("senter")
    nlp = load_nlp(saved(nlp, tmp_path / "no-senter"))
    assert "senter" not in nlp.pipe_names
    text = "Gunmen killed four soldiers near Gao on Sunday. The army said two others were wounded."
    (doc,) = sentences([text], nlp)
    assert doc.has_annotation("DEP")  # the parser ran
    assert [s.text for s in doc.sents] == [
        "Gunmen killed four soldiers near Gao on Sunday.", "The army said two others were wounded."
    ]
    record = extract_file(SEEDS[0], nlp=nlp)
    assert any(f.category == "killed" and f.origin == "text" for f in record.casualties)


def test_without_attribute_ruler_and_lemmatizer_the_parse_still_runs(tmp_path):
    nlp = fresh()
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    nlp = load_nlp(saved(nlp, tmp_path / "bare"))
    text = "Gunmen killed four soldiers near Gao."
    (doc,) = parses([text], nlp)
    (default,) = parses([text], load_nlp())
    assert [(t.tag_, t.dep_) for t in doc] == [(t.tag_, t.dep_) for t in default]
    assert not doc.has_annotation("LEMMA") and default.has_annotation("LEMMA")
    assert extract_file(SEEDS[0], nlp=nlp).casualties


def test_the_embedding_the_parser_listens_to_runs_whatever_its_name():
    """The shared tok2vec renamed (spaCy then forgets its listeners, yet the tagger and parser read
    the tensor it sets): it is kept because it is an embedding component, not because of its name."""
    nlp = fresh()
    nlp.enable_pipe("senter")
    nlp.rename_pipe("tok2vec", "embedding")
    text = "Gunmen killed four soldiers near Gao, the army said."
    (renamed,) = parses([text], nlp)
    (default,) = parses([text], load_nlp())
    assert [(t.tag_, t.dep_, t.head.i) for t in renamed] == [(t.tag_, t.dep_, t.head.i) for t in default]
    assert extract_file(SEEDS[0], nlp=nlp) == extract_file(SEEDS[0])
