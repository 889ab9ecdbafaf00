"""Rendering an Evaluation as Markdown or as one self-contained HTML page. No scoring here.

Reads: an `Evaluation` (and a baseline one for the ablation). Writes: the report's text. Sides
are named by their actors (`side 2 (AQIM, Ansar Dine)`), from the record scores' `sides`; the
HTML charts are in `report_charts`.
"""

from __future__ import annotations

from html import escape

from .evaluate import FIELDS, MICRO_FIELDS, ORIGINS, Counts, Evaluation, Item, RecordScore
from .report_charts import CSS as CHART_CSS
from .report_charts import ablation_chart, f1_chart

TITLE = "Event record evaluation"
_COLUMNS = ("P", "R", "F1", "TP", "FP", "FN")


def _numbers(counts: Counts) -> tuple[str, ...]:
    return (
        f"{counts.p:.4f}",
        f"{counts.r:.4f}",
        f"{counts.f:.4f}",
        str(counts.tp),
        str(counts.fp),
        str(counts.fn),
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def side_label(number: int, sides: dict[int, list[str]]) -> str:
    """`side 2 (AQIM, Ansar Dine)`, or `side 2` for a side whose actors are not known."""
    names = sides.get(number) or []
    return f"side {number} ({', '.join(names)})" if names else f"side {number}"


def describe(item: Item, sides: dict[int, list[str]]) -> str:
    """The item's description with its side named by its actors instead of `side=N` (and `no
    side` for a figure of none)."""
    if item.side is None:
        return item.description.replace("side=none", "no side", 1)
    return item.description.replace(f"side={item.side}", side_label(item.side, sides), 1)


# --------------------------------------------------------------------------------------------
# Markdown


def _md_row(cells: tuple[str, ...] | list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _md_item(item: Item, sides: dict[int, list[str]]) -> str:
    line = f"- {_one_line(describe(item, sides))}"
    if item.evidence is not None:
        line += f' \u2014 "{_one_line(item.evidence)}"'
    if item.note:
        line += f" ({item.note})"
    return line


def _md_record(record: RecordScore) -> list[str]:
    micro = record.micro
    lines = [
        f"### {record.id}",
        "",
        f"Micro P {micro.p:.4f} \u00b7 R {micro.r:.4f} \u00b7 F1 {micro.f:.4f} "
        f"(TP {micro.tp}, FP {micro.fp}, FN {micro.fn})",
        "",
    ]
    for heading, items in (
        ("Missed (false negatives)", record.missed),
        ("Spurious (false positives)", record.spurious),
    ):
        lines.append(f"**{heading}:** {len(items)}")
        lines.append("")
        if items:
            lines.extend(_md_item(item, record.sides) for item in items)
            lines.append("")
    return lines


def _ablation_rows(evaluation: Evaluation, baseline: Evaluation) -> list[tuple[str, str, str, str]]:
    """(field, baseline F1, this run's F1, difference) for micro and every field."""
    pairs = [("micro", baseline.micro, evaluation.micro)]
    pairs += [(name, baseline.fields[name], evaluation.fields[name]) for name in FIELDS]
    return [(name, f"{base.f:.4f}", f"{run.f:.4f}", f"{run.f - base.f:+.4f}") for name, base, run in pairs]


def render_markdown(evaluation: Evaluation, baseline: tuple[str, Evaluation] | None = None) -> str:
    """The evaluation as Markdown: headline, per-field table, the ablation against a baseline run
    when one is given, per-article errors, load errors."""
    lines = [
        f"# {TITLE}",
        "",
        f"{len(evaluation.records)} gold records scored.",
        "",
        "## Headline micro-average",
        "",
        "Summed over " + ", ".join(f"`{name}`" for name in MICRO_FIELDS) + ".",
        "",
        _md_row(_COLUMNS),
        _md_row(["---"] * len(_COLUMNS)),
        _md_row(_numbers(evaluation.micro)),
        "",
        "## Fields",
        "",
        _md_row(("field", *_COLUMNS)),
        _md_row(["---"] * (len(_COLUMNS) + 1)),
    ]
    lines.extend(_md_row((f"`{name}`", *_numbers(evaluation.fields[name]))) for name in FIELDS)
    if baseline is not None:
        label, base = baseline
        lines.extend([
            "", "## Ablation", "",
            f"F1 of the baseline run `{label}` and of this run, field by field: what the stages this run adds bring.",
            "", _md_row(("field", "baseline F1", "F1", "Δ F1")), _md_row(["---"] * 4),
        ])
        lines.extend(_md_row((f"`{name}`", *values)) for name, *values in _ablation_rows(evaluation, base))
    lines.extend(["", "## Articles", ""])
    if not evaluation.records:
        lines.extend(["No gold records.", ""])
    for record in evaluation.records.values():
        lines.extend(_md_record(record))
    lines.extend(["## Errors", ""])
    if evaluation.errors:
        lines.extend(f"- {_one_line(error)}" for error in evaluation.errors)
    else:
        lines.append("None.")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------------------------
# HTML

_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg: #f6f8fa;
        --bar: #2f6fbf; --bar-bg: #e6ebf1; --miss: #b42318; --spur: #b54708;
        --micro: #1a7f37; --base: #e08a2e; }
* { box-sizing: border-box; }
body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
       margin: 0; background: #fff; line-height: 1.45; font-size: 15px; }
main { max-width: 1080px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0; font-family: ui-monospace, Menlo, Consolas, monospace; }
p.lead { color: var(--muted); margin: 0 0 8px; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
.headline { display: flex; gap: 14px; flex-wrap: wrap; margin: 8px 0 10px; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 10px 18px; min-width: 120px;
        background: var(--bg); }
.stat .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.stat .value { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 6px 0 10px; }
th, td { padding: 4px 12px; border-bottom: 1px solid var(--line); text-align: right; }
th { background: var(--bg); font-weight: 600; font-size: 13px; }
th:first-child, td:first-child { text-align: left; }
tr.micro td { font-weight: 600; }
tr.sub td:first-child { padding-left: 28px; color: var(--muted); }
.record { border: 1px solid var(--line); border-radius: 8px; padding: 12px 16px; margin: 12px 0; }
.record .summary { color: var(--muted); font-size: 13px; margin: 2px 0 8px; }
.record h4 { font-size: 14px; margin: 10px 0 4px; }
.record h4.missed { color: var(--miss); }
.record h4.spurious { color: var(--spur); }
ul.items { margin: 0; padding-left: 20px; }
ul.items li { margin: 3px 0; }
.desc { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
.evidence { color: #0b4f8a; }
.note { color: var(--muted); font-style: italic; }
.none { color: var(--muted); }
ul.errors li { color: var(--miss); }
"""


def _html_table_row(label: str, counts: Counts, css_class: str = "") -> str:
    cells = "".join(f"<td>{escape(value)}</td>" for value in _numbers(counts))
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<tr{attribute}><td>{label}</td>{cells}</tr>"


def _is_origin_field(name: str) -> bool:
    return name.endswith(tuple(f".{origin}" for origin in ORIGINS))


def _html_chart(evaluation: Evaluation) -> str:
    rows = [("micro", evaluation.micro, False)]
    rows.extend((name, evaluation.fields[name], _is_origin_field(name)) for name in FIELDS)
    return f1_chart(rows)


def _html_item(item: Item, sides: dict[int, list[str]]) -> str:
    parts = [f'<span class="desc">{escape(describe(item, sides))}</span>']
    if item.evidence is not None:
        parts.append(f' \u2014 <q class="evidence">{escape(item.evidence)}</q>')
    if item.note:
        parts.append(f' <span class="note">({escape(item.note)})</span>')
    return "<li>" + " ".join(parts) + "</li>"


def _html_record(record: RecordScore) -> str:
    micro = record.micro
    parts = [
        f'<section class="record" id="record-{escape(record.id)}">',
        f"<h3>{escape(record.id)}</h3>",
        f'<p class="summary">micro P {micro.p:.4f} \u00b7 R {micro.r:.4f} \u00b7 F1 {micro.f:.4f}'
        f" \u00b7 TP {micro.tp} \u00b7 FP {micro.fp} \u00b7 FN {micro.fn}</p>",
    ]
    for heading, css_class, items in (
        ("Missed (false negatives)", "missed", record.missed),
        ("Spurious (false positives)", "spurious", record.spurious),
    ):
        parts.append(f'<h4 class="{css_class}">{heading}: {len(items)}</h4>')
        if items:
            parts.append('<ul class="items">')
            parts.extend(_html_item(item, record.sides) for item in items)
            parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def _html_ablation(evaluation: Evaluation, baseline: tuple[str, Evaluation] | None) -> str:
    if baseline is None:
        return ""
    label, base = baseline
    rows = "".join(
        f"<tr><td><code>{escape(name)}</code></td>" + "".join(f"<td>{escape(v)}</td>" for v in values) + "</tr>"
        for name, *values in _ablation_rows(evaluation, base)
    )
    pairs = [("micro", base.micro, evaluation.micro, False)]
    pairs += [(name, base.fields[name], evaluation.fields[name], _is_origin_field(name)) for name in FIELDS]
    return (
        "<h2>Ablation</h2>"
        f'<p class="lead">F1 of the baseline run <code>{escape(label)}</code> and of this run, field by field.</p>'
        + ablation_chart(pairs, label)
        + "<table><thead><tr><th>field</th><th>baseline F1</th><th>F1</th><th>Δ F1</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def render_html(evaluation: Evaluation, baseline: tuple[str, Evaluation] | None = None) -> str:
    """The evaluation as one self-contained HTML page (inline CSS, no scripts, no network)."""
    micro = evaluation.micro
    stats = "".join(
        f'<div class="stat"><div class="label">{label}</div><div class="value">{value}</div></div>'
        for label, value in (
            ("Precision", f"{micro.p:.4f}"),
            ("Recall", f"{micro.r:.4f}"),
            ("F1", f"{micro.f:.4f}"),
            ("TP / FP / FN", f"{micro.tp} / {micro.fp} / {micro.fn}"),
        )
    )
    head_row = "<tr><th>field</th>" + "".join(f"<th>{c}</th>" for c in _COLUMNS) + "</tr>"
    micro_table = (
        "<table><thead><tr>"
        + "".join(f"<th>{c}</th>" for c in _COLUMNS)
        + "</tr></thead><tbody><tr>"
        + "".join(f"<td>{escape(v)}</td>" for v in _numbers(micro))
        + "</tr></tbody></table>"
    )
    field_rows = [_html_table_row("<strong>micro</strong>", micro, "micro")]
    for name in FIELDS:
        field_rows.append(
            _html_table_row(
                f"<code>{escape(name)}</code>",
                evaluation.fields[name],
                "sub" if _is_origin_field(name) else "",
            )
        )
    records = [_html_record(record) for record in evaluation.records.values()]
    if not records:
        records = ['<p class="none">No gold records.</p>']
    if evaluation.errors:
        errors = '<ul class="errors">' + "".join(
            f"<li>{escape(error)}</li>" for error in evaluation.errors
        ) + "</ul>"
    else:
        errors = '<p class="none">None.</p>'
    micro_fields = ", ".join(f"<code>{escape(name)}</code>" for name in MICRO_FIELDS)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(TITLE)}</title>
<style>{_CSS}{CHART_CSS}</style>
</head>
<body>
<main>
<h1>{escape(TITLE)}</h1>
<p class="lead">{len(evaluation.records)} gold records scored.</p>
<h2>Headline micro-average</h2>
<div class="headline">{stats}</div>
{micro_table}
<p class="lead">Summed over {micro_fields}.</p>
<h2>F1 per field</h2>
{_html_chart(evaluation)}
<p class="lead">Hatched: nothing to count in gold or prediction (n/a).</p>
<h2>Fields</h2>
<table>
<thead>{head_row}</thead>
<tbody>
{chr(10).join(field_rows)}
</tbody>
</table>
{_html_ablation(evaluation, baseline)}
<h2>Articles</h2>
{chr(10).join(records)}
<h2>Errors</h2>
{errors}
</main>
</body>
</html>
"""
