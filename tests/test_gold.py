"""Gold records: one per article in every split, valid, and traceable to their articles.

Splits (gold/README.md): the seeds and corpus/dev against gold/, corpus/dev2 against gold/dev2,
and the frozen corpus/dev2-frozen against gold/dev2-frozen.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import read_article
from pipeline.records import EventRecord, slugify

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"
SPLITS = {
    "dev": (
        sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "dev").glob("*.txt")),
        GOLD,
    ),
    "dev2": (sorted((ROOT / "corpus" / "dev2").glob("*.txt")), GOLD / "dev2"),
    "dev2-frozen": (sorted((ROOT / "corpus" / "dev2-frozen").glob("*.txt")), GOLD / "dev2-frozen"),
}
CASES = [(split, path) for split, (articles, _) in SPLITS.items() for path in articles]


def _gold_for(split: str, path: Path) -> EventRecord:
    article = read_article(path)
    gold_path = SPLITS[split][1] / f"{slugify(article.title)}.json"
    assert gold_path.exists(), f"no gold record for {path.name} (expected {gold_path})"
    return EventRecord.model_validate(json.loads(gold_path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("split", sorted(SPLITS))
def test_every_gold_file_belongs_to_an_article(split):
    articles, gold_dir = SPLITS[split]
    assert articles, f"split {split} has no articles"
    ids = {slugify(read_article(p).title) for p in articles}
    assert {p.stem for p in gold_dir.glob("*.json")} == ids


def test_splits_share_no_article():
    ids = [slugify(read_article(p).title) for articles, _ in SPLITS.values() for p in articles]
    assert len(ids) == len(set(ids)), "an article sits in two splits"


@pytest.mark.parametrize("split, path", CASES, ids=lambda v: v if isinstance(v, str) else v.name)
def test_gold_validates_and_evidence_slices_back(split, path):
    gold = _gold_for(split, path)
    article = read_article(path)
    assert gold.source.sha256 == article.sha256
    assert gold.title == article.title
    for figure in gold.strength + gold.casualties:
        span = article.text[figure.evidence.start:figure.evidence.end]
        assert span == figure.evidence.text, figure
    keys = [f.key() for f in gold.casualties] + [f.key() for f in gold.strength]
    assert len(keys) == len(set(keys)), "a claim is repeated; the spec keeps one per key"
