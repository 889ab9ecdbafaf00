"""Gold records: one per seed and development article, valid, and traceable to their articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import read_article
from pipeline.records import EventRecord, slugify

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "dev").glob("*.txt"))
GOLD = ROOT / "gold"


def _gold_for(path: Path) -> tuple[EventRecord, str]:
    article = read_article(path)
    gold_path = GOLD / f"{slugify(article.title)}.json"
    assert gold_path.exists(), f"no gold record for {path.name} (expected {gold_path.name})"
    return EventRecord.model_validate(json.loads(gold_path.read_text(encoding="utf-8"))), article.text


def test_every_gold_file_belongs_to_an_article():
    ids = {slugify(read_article(p).title) for p in ARTICLES}
    assert {p.stem for p in GOLD.glob("*.json")} == ids


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_gold_validates_and_evidence_slices_back(path):
    gold, text = _gold_for(path)
    assert gold.source.sha256 == read_article(path).sha256
    assert gold.title == read_article(path).title
    for figure in gold.strength + gold.casualties:
        assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text, figure
    keys = [f.key() for f in gold.casualties] + [f.key() for f in gold.strength]
    assert len(keys) == len(set(keys)), "a claim is repeated; the spec keeps one per key"
