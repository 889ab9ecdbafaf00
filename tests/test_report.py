"""Rendering an evaluation as Markdown and as a self-contained HTML page."""

from __future__ import annotations

import re

import pytest

from pipeline.evaluate import FIELDS, Evaluation, evaluate
from pipeline.records import EventRecord
from pipeline.report import render_html, render_markdown

SOURCE = {"sha256": "0" * 64}


def fig(side, low, high, *, source=None, origin="infobox", text, category="killed"):
    return {
        "side": side,
        "group": "combatants",
        "category": category,
        "low": low,
        "high": high,
        "source": source,
        "origin": origin,
        "evidence": {"text": text, "start": 0, "end": len(text)},
    }


def rec(title, **fields) -> EventRecord:
    fields.setdefault("event_type", "battle")
    fields.setdefault("sides", [{"side": 1}, {"side": 2}])
    return EventRecord.build(title=title, source=SOURCE, **fields)


@pytest.fixture
def evaluation() -> Evaluation:
    gold = rec(
        "Battle of Bassikounou",
        part_of="Mali War",
        sides=[
            {"side": 1, "belligerents": [{"name": "Mauritania"}]},
            {"side": 2, "belligerents": [{"name": "Al-Qaeda in the Islamic Maghreb", "abbreviation": "AQIM"}]},
        ],
        casualties=[
            fig(2, 15, 20, source="military and medical sources",
                text="15–20 killed (per military and medical sources)"),
            fig(2, 2, 2, source="AQIM", text="2 killed (per AQIM)"),
            fig(2, 6, 6, source="Mauritanian Army", origin="text",
                text="six <jihadists> & \"others\" were killed"),
        ],
    )
    predicted = rec(
        "Battle of Bassikounou",
        event_type="attack",
        sides=[
            {"side": 1, "belligerents": [{"name": "Mauritania"}]},
            {"side": 2, "belligerents": [{"name": "AQIM"}]},
        ],
        casualties=[
            fig(2, 15, 20, source="medical sources", text="15–20 killed (per military and medical sources)"),
            fig(1, 3, 3, origin="text", text="three soldiers | died"),
        ],
    )
    missing = rec("Battle of Araouane (2009)", casualties=[fig(1, 9, 9, text="nine captured", category="captured")])
    orphan = rec("Battle of Nowhere")
    return evaluate([predicted, orphan], [gold, missing])


def test_markdown_has_micro_table_fields_and_every_missed_item(evaluation):
    md = render_markdown(evaluation)
    micro = evaluation.micro
    assert md.startswith("# ")
    assert "| P | R | F1 | TP | FP | FN |" in md
    assert f"| {micro.p:.4f} | {micro.r:.4f} | {micro.f:.4f} | {micro.tp} | {micro.fp} | {micro.fn} |" in md
    for name in FIELDS:
        assert f"| `{name}` |" in md
    for record in evaluation.records.values():
        assert f"### {record.id}" in md
        for item in [*record.missed, *record.spurious]:
            assert item.description in md
            if item.evidence is not None:
                assert item.evidence in md
    assert "2 killed (per AQIM)" in md
    assert "nine captured" in md
    assert "three soldiers | died" in md  # spurious evidence, verbatim in a list item
    assert "missing prediction for battle-of-araouane-2009" in md
    assert "no gold for battle-of-nowhere" in md


def test_markdown_field_table_rows_have_seven_cells(evaluation):
    md = render_markdown(evaluation)
    rows = [line for line in md.splitlines() if line.startswith("| `")]
    assert len(rows) == len(FIELDS)
    for row in rows:
        assert len(re.findall(r"(?<!\\)\|", row)) == 8


def test_html_is_self_contained_and_escaped(evaluation):
    page = render_html(evaluation)
    assert page.lstrip().lower().startswith("<!doctype html>")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page.lower()
    assert "<link" not in page.lower()
    assert "@import" not in page
    assert "url(" not in page
    # evidence text escaped, never raw markup
    assert "six &lt;jihadists&gt; &amp; &quot;others&quot; were killed" in page
    assert "<jihadists>" not in page
    assert "missing prediction for battle-of-araouane-2009" in page


def test_html_contains_the_f1_chart(evaluation):
    page = render_html(evaluation)
    assert 'class="chart"' in page
    bars = re.findall(r'class="bar[^"]*" style="width:([0-9.]+)%"', page)
    assert len(bars) == len(FIELDS) + 1  # every field plus the micro-average
    expected = f"{100 * evaluation.micro.f:.1f}"
    assert bars[0] == expected
    # a field with nothing to count (no strength figures anywhere) is shown as n/a, not 0
    assert "n/a" in page
    names = re.findall(r'<div class="name[^"]*">([^<]+)</div>', page)
    assert names == ["micro", *FIELDS]


def test_ablation_section_compares_a_baseline_field_by_field(evaluation):
    gold = rec("Battle of Bassikounou", casualties=[fig(2, 2, 2, text="2 killed")])
    perfect = evaluate([gold], [gold])
    empty = evaluate([rec("Battle of Bassikounou")], [gold])  # misses the one casualty figure
    md = render_markdown(perfect, ("infobox-only.jsonl", empty))
    assert "## Ablation" in md and "`infobox-only.jsonl`" in md
    ablation = md.split("## Ablation", 1)[1]
    row = next(line for line in ablation.splitlines() if line.startswith("| `casualties.value` |"))
    assert row == "| `casualties.value` | 0.0000 | 1.0000 | +1.0000 |"
    assert "## Ablation" not in render_markdown(evaluation)
    html = render_html(perfect, ("infobox-only.jsonl", empty))
    assert "<h2>Ablation</h2>" in html and "<td>+1.0000</td>" in html
