"""Rendering an evaluation as Markdown and as a self-contained HTML page: sides named by their
actors, the F1 axis zoomed to the data, the ablation as paired bars, and a render of the page of
a real evaluation in headless Chromium."""

from __future__ import annotations

from support import screenshot  # tests/ is on sys.path under pytest

import json
import math
import re
import shutil
from pathlib import Path

import pytest

from pipeline.__main__ import main
from pipeline.evaluate import FIELDS, Evaluation, evaluate
from pipeline.records import EventRecord
from pipeline.report import describe, render_html, render_markdown
from pipeline.report_charts import axis_for

ROOT = Path(__file__).resolve().parent.parent

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
            assert describe(item, record.sides) in md
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


def test_sides_are_named_by_their_actors_in_both_reports(evaluation):
    md, page = render_markdown(evaluation), render_html(evaluation)
    # gold names side 2 by its abbreviation; the spurious figure of side 1 gets gold's Mauritania
    for text in (
        "casualties side 2 (AQIM) combatants killed 2 source=AQIM [infobox]",
        "casualties side 1 (Mauritania) combatants killed 3 source=none [text]",
        "casualties side 1 combatants captured 9 source=none [infobox]",  # a side gold names no actor of
    ):
        assert text in md and text in page
    assert "side=" not in md and "side=" not in page


def test_a_side_only_the_prediction_has_takes_the_predictions_names():
    gold = rec("Battle of X", sides=[{"side": 1, "belligerents": [{"name": "Mali"}]}])
    predicted = rec("Battle of X", sides=[
        {"side": 1, "belligerents": [{"name": "Malian Army"}]},
        {"side": 2, "belligerents": [{"name": "Ansar Dine"}, {"name": "Al-Qaeda in the Islamic Maghreb", "abbreviation": "AQIM"}]},
    ])
    record = evaluate([predicted], [gold]).records["battle-of-x"]
    assert record.sides == {1: ["Mali"], 2: ["Ansar Dine", "AQIM"]}
    md = render_markdown(evaluate([predicted], [gold]))
    assert "- actor side 2 (Ansar Dine, AQIM) Ansar Dine" in md
    assert "- actor side 1 (Mali) Malian Army" in md


def test_a_figure_of_no_side_says_so():
    gold = rec("Battle of X", casualties=[fig(None, 80, 80, text="at least 80 people")])
    md = render_markdown(evaluate([rec("Battle of X")], [gold]))
    assert "- casualties no side combatants killed 80 source=none [infobox]" in md


@pytest.mark.parametrize(
    "values, low, step",
    [
        ([0.943, 0.99, 1.0], 90, 1),   # every bar between 0.94 and 1.00: the axis starts at 0.90
        ([0.95, 1.0], 90, 1),          # a multiple of 0.05 is not the start, or its bar would vanish
        ([1.0], 95, 1),
        ([0.583, 0.9], 55, 5),         # 45 hundredths: ticks every 0.05
        ([0.051], 5, 5),
        ([0.05, 0.7], 0, 10),
        ([0.0, 1.0], 0, 10),
        ([], 0, 10),                   # nothing to count anywhere
        ([0.649], 60, 5),
    ],
)
def test_the_f1_axis_starts_at_the_multiple_of_005_below_the_smallest(values, low, step):
    axis = axis_for(values)
    assert (axis.low, axis.step) == (low, step)
    assert axis.ticks()[0] == low and axis.ticks()[-1] == 100
    assert axis.percent(1.0) == 100.0 and axis.percent(low / 100) == pytest.approx(0.0)


def f1_rows(page: str) -> dict[str, tuple[str | None, str]]:
    """The F1 chart's rows: field name -> (bar width in percent, None when hatched; the number)."""
    found = re.findall(
        r'<div class="name[^"]*">([^<]+)</div><div class="track[^"]*"(?: style="[^"]*")?>'
        r'(?:<div class="bar[^"]*" style="width:([0-9.]+)%"></div>)?</div><div class="num">([^<]*)</div>',
        page,
    )
    return {name: (width or None, number) for name, width, number in found}


def test_html_contains_the_f1_chart(evaluation):
    page = render_html(evaluation)
    assert 'class="chart"' in page
    shown = [c.f for c in [evaluation.micro, *evaluation.fields.values()] if c.tp + c.fp + c.fn]
    bars = re.findall(r'class="bar[^"]*" style="width:([0-9.]+)%"', page)
    assert len(bars) == len(shown)  # every field with something to count, and the micro-average
    assert len(re.findall(r'class="track empty"', page)) == len(FIELDS) + 1 - len(shown)
    axis = axis_for(shown)
    assert axis.low == 0  # some fields of the fixture have F1 0
    assert bars[0] == f"{axis.percent(evaluation.micro.f):.1f}"
    ticks = re.findall(r'<span class="tick" style="left:([0-9.]+)%">([0-9.]+)</span>', page)
    assert [label for _, label in ticks] == [f"{t / 100:.2f}" for t in axis.ticks()]
    assert float(ticks[0][0]) == 0 and float(ticks[-1][0]) == 100
    # a field with nothing to count (no strength figures anywhere) is shown as n/a, not 0
    assert "n/a" in page
    names = re.findall(r'<div class="name[^"]*">([^<]+)</div>', page)
    assert names == ["micro", *FIELDS]


def test_f1_close_to_one_is_drawn_on_an_axis_zoomed_to_the_data():
    gold = rec("Battle of Bassikounou", casualties=[fig(2, n, n, text=f"{n} killed") for n in range(1, 11)])
    predicted = rec("Battle of Bassikounou", casualties=[fig(2, n, n, text=f"{n} killed") for n in range(1, 10)])
    evaluation = evaluate([predicted], [gold])
    assert round(evaluation.fields["casualties.value"].f, 3) == 0.947  # P 1, R 0.9
    page = render_html(evaluation)
    ticks = re.findall(r'<span class="tick" style="left:[0-9.]+%">([0-9.]+)</span>', page)
    assert ticks == [f"{t / 100:.2f}" for t in range(90, 101)]
    assert "F1 (the axis starts at 0.90)" in page
    rows = f1_rows(page)
    assert list(rows) == ["micro", *FIELDS]
    assert rows["casualties.value"] == ("47.4", "0.947")  # (0.947 - 0.90) / 0.10 of the track
    assert rows["strength.value"] == (None, "n/a")
    assert rows["event_type"] == ("100.0", "1.000")


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
    ablation = html.split("<h2>Ablation</h2>", 1)[1]
    assert 'class="chart pairs"' in ablation and "baseline <code>infobox-only.jsonl</code>" in ablation
    pairs = re.findall(r'<div class="pair">(.*?)</div></div><div class="num">([^<]*)</div>', ablation)
    assert len(pairs) == len(FIELDS) + 1
    # casualties.value: the baseline found nothing (F1 0, the axis starts at 0), this run all of it
    names = re.findall(r'<div class="name[^"]*">([^<]+)</div>', ablation)
    bars, number = pairs[names.index("casualties.value")]
    assert re.findall(r'class="bar( base)?" style="width:([0-9.]+)%"', bars) == [(" base", "0.0"), ("", "100.0")]
    assert number == "0.000 → 1.000 (+1.000)"
    assert 'class="chart pairs"' not in render_html(perfect)


def _bars(rows: list[bytes], colour: bytes, below: int = 0, above: int | None = None) -> list[tuple[int, int]]:
    """(top pixel row, length in pixels) of each horizontal bar of `colour` between two pixel
    rows: consecutive rows holding the colour, measured where they hold most of it."""
    bars: list[tuple[int, int]] = []
    previous = 0
    for y in range(below, len(rows) if above is None else above):
        row = rows[y]
        count = sum(1 for x in range(0, len(row), 3) if row[x:x + 3] == colour)
        if count and previous:
            bars[-1] = (bars[-1][0], max(bars[-1][1], count))
        elif count:
            bars.append((y, count))
        previous = count
    return bars


def test_the_report_renders_its_charts_in_headless_chromium(tmp_path):
    """A real evaluation (the seeds, with and without the prose stage, against their gold) drawn
    by Chromium: the F1 bars where an axis from the multiple of 0.05 below the smallest F1 puts
    them, and the paired bars of the ablation below."""
    browser = shutil.which("chromium")
    if browser is None:
        pytest.fail("chromium is not installed: the report must be checked in a real browser; "
                    "install Debian's package (apt-get install -y chromium), as .ci/run does")
    seeds, gold = ROOT / "seeds", tmp_path / "gold"
    run, base = tmp_path / "run.jsonl", tmp_path / "base.jsonl"
    assert main(["run", "--progress", "off", str(seeds), str(run)]) == 0
    assert main(["run", "--progress", "off", "--stages", "infobox", str(seeds), str(base)]) == 0
    gold.mkdir()
    for line in run.read_text(encoding="utf-8").splitlines():
        name = f"{EventRecord.model_validate_json(line).id}.json"
        (gold / name).write_bytes((ROOT / "gold" / name).read_bytes())
    page, shot, scores = tmp_path / "report.html", tmp_path / "report.png", tmp_path / "scores.json"
    assert main(["eval", str(run), str(gold), "--baseline", str(base), "--html", str(page), "--json", str(scores)]) == 0
    width, height, rows = screenshot(browser, page, shot, tmp_path / "profile", 1200, 3400)
    assert (width, height) == (1200, 3400)

    fields = json.loads(scores.read_text(encoding="utf-8"))["fields"]
    f1 = [c["f"] for c in fields.values() if c["tp"] + c["fp"] + c["fn"]]
    low = max(0, math.floor((100 * min(f1) - 1e-6) / 5) * 5) / 100  # the 0.05 strictly below the smallest
    assert max(f1) == 1.0, "the check below measures the track by a bar of F1 1.00"
    baseline = _bars(rows, bytes.fromhex("e08a2e"))  # the ablation's baseline bars
    assert len(baseline) >= 10, f"the ablation chart is not on the screenshot ({len(baseline)} baseline bars)"
    micro = _bars(rows, bytes.fromhex("1a7f37"), above=baseline[0][0])
    assert len(micro) == 1, "no micro-average bar in the F1 chart"
    drawn = _bars(rows, bytes.fromhex("2f6fbf"), below=micro[0][0], above=baseline[0][0])
    assert len(drawn) == len(f1), f"{len(drawn)} F1 bars drawn for {len(f1)} fields"
    track = max(length for _, length in drawn)
    for (_, length), value in zip(drawn, f1):
        assert abs(length / track - (value - low) / (1 - low)) < 0.015, (
            f"a bar of F1 {value:.3f} is {length} of {track} pixels: not on an axis from {low:.2f}"
        )
    swatch, *paired = _bars(rows, bytes.fromhex("2f6fbf"), below=baseline[0][0])  # the legend first
    assert swatch[1] == 14 and baseline[0][1] == 14, "no legend above the ablation chart"
    assert len(paired) == len(f1) + 1, "the ablation chart lacks this run's bars"  # and the micro-average
