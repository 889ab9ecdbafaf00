"""Regression floors: the full pipeline scored against gold must not fall below the scores it
has reached (tests/score_floors.json). Raise a floor when the pipeline improves; never lower
one to let a change pass."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import extract_file
from pipeline.evaluate import evaluate, load_gold

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "dev").glob("*.txt"))
FLOORS = json.loads((ROOT / "tests" / "score_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores():
    predictions = [extract_file(p) for p in ARTICLES]
    return evaluate(predictions, load_gold(ROOT / "gold"))


def test_every_article_is_scored(scores):
    assert scores.errors == []


@pytest.mark.parametrize("field, floor", sorted(FLOORS.items()))
def test_f1_at_or_above_floor(scores, field, floor):
    counts = scores.micro if field == "micro" else scores.fields[field]
    assert round(counts.f, 4) >= floor, f"{field} F1 {counts.f:.4f} fell below its floor {floor}"
