"""The charts of the HTML evaluation report: F1 per field on an axis zoomed to the data, and the
ablation as paired bars (baseline run, this run) per field.

Reads: `Counts` per field. Writes: HTML fragments drawn with CSS alone (bar widths, gridlines as
a background gradient), so the page needs no script and no image. The axis starts at the
smallest F1 shown, floored to the 0.05 below it, so that fields close to 1.00 do not all look
the same; its ticks and title say where it starts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from html import escape

from .evaluate import Counts

CSS = """
.chart { display: grid; grid-template-columns: 240px 1fr 64px; gap: 4px 10px; align-items: center;
         margin: 8px 0 4px; }
.chart.pairs { grid-template-columns: 240px 1fr 170px; gap: 6px 10px; }
.chart .name { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px;
               text-align: right; white-space: nowrap; }
.chart .name.sub { color: var(--muted); }
.chart .track { background-color: var(--bar-bg); height: 16px; border-radius: 3px; overflow: hidden;
                background-image: linear-gradient(to right, #b8c2cd 1px, transparent 1px); }
.chart.pairs .track { height: 10px; }
.chart .pair { display: flex; flex-direction: column; gap: 2px; }
.chart .track.empty { background: repeating-linear-gradient(45deg, #f3f5f8, #f3f5f8 4px, #e9edf2 4px, #e9edf2 8px); }
.chart .bar { background: var(--bar); height: 100%; }
.chart .bar.micro { background: var(--micro); }
.chart .bar.base { background: var(--base); }
.chart .num { font-size: 12.5px; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart .axis { position: relative; height: 22px; border-top: 1px solid var(--muted); }
.chart .tick { position: absolute; top: 0; transform: translateX(-50%); font-size: 11px;
               color: var(--muted); font-variant-numeric: tabular-nums; padding-top: 3px; }
.chart .tick::before { content: ""; position: absolute; left: 50%; top: -1px; height: 5px;
                       border-left: 1px solid var(--muted); }
.chart .axis-title { grid-column: 2; text-align: center; font-size: 12px; color: var(--muted); }
.legend { display: flex; gap: 18px; font-size: 13px; margin: 4px 0 2px; }
.legend .swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px;
                  margin-right: 6px; vertical-align: baseline; }
.legend .swatch.base { background: var(--base); }
.legend .swatch.run { background: var(--bar); }
"""

_STEPS = (1, 5, 10, 20)  # tick spacing in hundredths of F1, the finest that gives few enough ticks
_MAX_TICKS = 12


@dataclass(frozen=True)
class Axis:
    """An F1 axis from `low` to 1.00, in hundredths, with a tick every `step`."""

    low: int
    step: int

    def percent(self, f: float) -> float:
        """Where F1 `f` lies along the track, 0 to 100."""
        return max(0.0, min(100.0, (100 * f - self.low) / (100 - self.low) * 100))

    @property
    def intervals(self) -> int:
        return (100 - self.low) // self.step

    def ticks(self) -> list[int]:
        return list(range(self.low, 101, self.step))


def axis_for(values: Iterable[float]) -> Axis:
    """The axis for some F1 values: from the multiple of 0.05 below the smallest (strictly below,
    so that the smallest bar still shows; never under 0) to 1.00."""
    smallest = min(values, default=0.0)
    hundredths = round(100 * smallest, 6)  # 0.95 is 95, not 94.99999
    low = math.floor(hundredths / 5) * 5
    if low >= hundredths:
        low -= 5
    low = max(0, min(low, 95))
    span = 100 - low
    step = next((s for s in _STEPS if span % s == 0 and span // s <= _MAX_TICKS), 5)
    return Axis(low, step)


def _empty(counts: Counts) -> bool:
    return counts.tp + counts.fp + counts.fn == 0


def _track(axis: Axis, counts: Counts, bar_class: str) -> str:
    if _empty(counts):
        return '<div class="track empty"></div>'
    grid = f"background-size:{100 / axis.intervals:.4f}% 100%"
    return f'<div class="track" style="{grid}"><div class="{bar_class}" style="width:{axis.percent(counts.f):.1f}%"></div></div>'


def _number(counts: Counts) -> str:
    return "n/a" if _empty(counts) else f"{counts.f:.3f}"


def _axis_rows(axis: Axis, columns: int = 3) -> str:
    ticks = "".join(
        f'<span class="tick" style="left:{(t - axis.low) / (100 - axis.low) * 100:.4f}%">{t / 100:.2f}</span>'
        for t in axis.ticks()
    )
    title = f"F1 (the axis starts at {axis.low / 100:.2f})" if axis.low else "F1"
    filler = "<div></div>" * (columns - 2)
    return f'<div></div><div class="axis">{ticks}</div>{filler}<div></div><div class="axis-title">{title}</div>{filler}'


def _name(name: str, sub: bool) -> str:
    return f'<div class="name{" sub" if sub else ""}">{escape(name)}</div>'


def f1_chart(rows: list[tuple[str, Counts, bool]]) -> str:
    """F1 per field: `rows` are (field name, counts, whether it is a sub-field), the first the
    micro-average; a field with nothing to count is hatched and `n/a`."""
    axis = axis_for(counts.f for _, counts, _ in rows if not _empty(counts))
    parts = [f'<div class="chart" role="img" aria-label="F1 per field, axis from {axis.low / 100:.2f} to 1.00">']
    for index, (name, counts, sub) in enumerate(rows):
        bar_class = "bar micro" if index == 0 else "bar"
        parts.append(_name(name, sub) + _track(axis, counts, bar_class) + f'<div class="num">{_number(counts)}</div>')
    parts.append(_axis_rows(axis))
    parts.append("</div>")
    return "\n".join(parts)


def ablation_chart(rows: list[tuple[str, Counts, Counts, bool]], label: str) -> str:
    """Paired bars per field: `rows` are (field name, baseline counts, this run's counts, whether
    it is a sub-field); `label` names the baseline run."""
    axis = axis_for(c.f for _, base, run, _ in rows for c in (base, run) if not _empty(c))
    parts = [
        '<div class="legend">'
        f'<span><span class="swatch base"></span>baseline <code>{escape(label)}</code></span>'
        '<span><span class="swatch run"></span>this run</span></div>',
        f'<div class="chart pairs" role="img" aria-label="F1 per field, baseline and this run, axis from {axis.low / 100:.2f} to 1.00">',
    ]
    for name, base, run, sub in rows:
        if _empty(base) or _empty(run):
            change = ""
        else:
            change = f" ({run.f - base.f:+.3f})"
        parts.append(
            _name(name, sub)
            + f'<div class="pair">{_track(axis, base, "bar base")}{_track(axis, run, "bar")}</div>'
            + f'<div class="num">{_number(base)} \u2192 {_number(run)}{change}</div>'
        )
    parts.append(_axis_rows(axis))
    parts.append("</div>")
    return "\n".join(parts)
