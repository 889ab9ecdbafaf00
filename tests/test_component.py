"""The `conflict_claims` spaCy component: the same claims as `extract`, in a blank pipeline and in
the English model as loaded, on texts with and without a title, found through the entry point."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from pipeline import extract
from pipeline.component import register_extension, set_claims
from pipeline.nlp import MODEL
from pipeline.records import EventRecord

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "dev").glob("*.txt"))


def claims(doc: Doc, kind: str) -> list:
    return [span._.claim for span in doc.spans[kind]]


def assert_same_claims(doc: Doc, record: EventRecord) -> None:
    for kind in ("casualties", "strength"):
        assert claims(doc, kind) == getattr(record, kind), kind
        for span in doc.spans[kind]:
            evidence = span._.claim.evidence
            assert span.label_ == span._.claim.category
            assert span.start_char <= evidence.start < evidence.end <= span.end_char


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("conflict_claims")
    return nlp


def test_blank_pipeline_gives_the_claims_of_extract(blank):
    text = ARTICLES[0].read_text(encoding="utf-8")
    doc = blank(text)
    assert len(doc.spans["casualties"]) > 5
    assert_same_claims(doc, extract(text))


def test_english_model_as_loaded_gives_the_claims_of_extract_on_seeds_and_dev():
    nlp = spacy.load(MODEL)
    nlp.add_pipe("conflict_claims")
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES]
    assert len(texts) == 15
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=4)):
        assert doc.ents   # the host pipeline's own components still ran
        assert_same_claims(doc, extract(text))


def test_text_without_title_and_with_crlf(blank):
    text = "Militants attacked the base on Monday. Five soldiers were killed and\r\nthree were wounded, the army said."
    doc = blank(text)
    found = [(c.low, c.category, c.source, c.evidence.text) for c in claims(doc, "casualties")]
    assert found == [(5, "killed", "army", "Five soldiers were killed"), (3, "wounded", "army", "three were wounded")]
    for claim in claims(doc, "casualties"):
        assert doc.text[claim.evidence.start:claim.evidence.end] == claim.evidence.text


def test_empty_text_gives_empty_groups(blank):
    doc = blank("   ")
    assert list(doc.spans["casualties"]) == [] and list(doc.spans["strength"]) == []


def test_claims_sharing_their_evidence_keep_their_own_figure():
    register_extension()
    register_extension()   # idempotent
    text = "No one was killed or injured."
    evidence = {"text": "No one was killed or injured", "start": 0, "end": 28}
    record = EventRecord.build(
        title="Raid on X", source={"sha256": "0" * 64}, event_type="raid",
        casualties=[{"group": "unknown", "category": c, "low": 0, "high": 0, "origin": "text", "evidence": evidence}
                    for c in ("killed", "wounded")],
    )
    doc = spacy.blank("en")(text)
    set_claims(doc, record)
    assert [c.category for c in claims(doc, "casualties")] == ["killed", "wounded"]
    restored = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert claims(restored, "casualties") == record.casualties


def test_registered_as_a_spacy_entry_point():
    assert "conflict_claims" in {e.name for e in entry_points(group="spacy_factories")}
    script = (
        "import sys, spacy\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('conflict_claims')\n"
        "assert 'pipeline.component' in sys.modules\n"
        "doc = nlp('= Ambush at X =\\n\\nTwelve soldiers were killed.')\n"
        "print([(s.text, s._.claim.low) for s in doc.spans['casualties']])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd="/")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[('Twelve soldiers were killed', 12)]"
