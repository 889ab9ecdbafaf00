"""Regression floors: the full pipeline scored against gold must not fall below the scores it
has reached, on the seeds and old development articles (tests/score_floors.json) and on the open
part of the dev2 articles written by other hands (tests/score_floors_dev2.json). Raise a floor
when the pipeline improves; never lower one to let a change pass. The frozen dev2 split has no
floor: it is scored only at the end of a piece of work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import extract_file
from pipeline.evaluate import evaluate, load_gold

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "dev").glob("*.txt"))
SPLITS = {
    "dev": (ARTICLES, ROOT / "gold", ROOT / "tests" / "score_floors.json"),
    "dev2": (sorted((ROOT / "corpus" / "dev2").glob("*.txt")), ROOT / "gold" / "dev2", ROOT / "tests" / "score_floors_dev2.json"),
}
FLOORS = [
    (split, field, floor)
    for split, (_, _, floors) in SPLITS.items()
    for field, floor in sorted(json.loads(floors.read_text(encoding="utf-8")).items())
]


@pytest.fixture(scope="module")
def scores():
    results = {}
    for split, (articles, gold, _) in SPLITS.items():
        results[split] = evaluate([extract_file(p) for p in articles], load_gold(gold))
    return results


@pytest.mark.parametrize("split", SPLITS)
def test_every_article_is_scored(scores, split):
    assert scores[split].errors == []


@pytest.mark.parametrize("split, field, floor", FLOORS)
def test_f1_at_or_above_floor(scores, split, field, floor):
    counts = scores[split].micro if field == "micro" else scores[split].fields[field]
    assert round(counts.f, 4) >= floor, f"{split} {field} F1 {counts.f:.4f} fell below its floor {floor}"
