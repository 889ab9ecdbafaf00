"""Text with highlighted spans as HTML, spans free to overlap or nest.

Reads: a text and `Mark`s (character offsets into it, a CSS class, a label, an anchor id).
Writes: an HTML fragment, every character of the text and of the labels escaped. Pure.

Overlapping spans cannot be nested elements as they stand (`<mark>a<mark>b</mark>c</mark>` only
fits spans that nest), so the text is cut at every span boundary and each piece is wrapped in one
`<mark>` per span that covers it, outermost first. Each covering span keeps its own underline at
its own depth (outer spans sit lower), so every span stays visible where others overlap it.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

UNDERLINE_STEP = 4  # px between the underlines of spans stacked on one piece of text


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str          # CSS classes of the span (`killed`, `missed` …)
    label: str        # shown before the span, in small type
    anchor: str       # id of the label, target of links to this span
    link: str | None = None   # where the label leads (e.g. the span's row in a table)


def _order(mark: Mark) -> tuple[int, int, str]:
    return (mark.start, -mark.end, mark.anchor)


def _label(mark: Mark) -> str:
    text = escape(mark.label)
    href = f' href="#{escape(mark.link)}"' if mark.link else ""
    return f'<a class="tag {escape(mark.css)}" id="{escape(mark.anchor)}"{href}>{text}</a>'


def _piece(text: str, covering: list[Mark]) -> str:
    html = escape(text)
    depth = len(covering)
    # innermost last, so it is wrapped first; the outermost gets the deepest underline
    for level, mark in reversed(list(enumerate(covering))):
        pad = (depth - 1 - level) * UNDERLINE_STEP
        style = f' style="padding-bottom:{pad}px"' if pad else ""
        html = f'<mark class="{escape(mark.css)}"{style} title="{escape(mark.label)}">{html}</mark>'
    return html


def render(text: str, marks: list[Mark]) -> str:
    """The text as HTML with every mark highlighted and labelled. Marks outside the text, or
    empty, are rendered as labels only, where they would start."""
    marks = sorted(marks, key=_order)
    bounds = sorted({0, len(text), *(min(max(m.start, 0), len(text)) for m in marks),
                     *(min(max(m.end, 0), len(text)) for m in marks)})
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(min(max(mark.start, 0), len(text)), []).append(mark)
    out: list[str] = []
    for left, right in zip(bounds, bounds[1:] + [None]):
        out.extend(_label(mark) for mark in starting.get(left, []))
        if right is None:
            break
        covering = [m for m in marks if m.start <= left and m.end >= right and m.end > m.start]
        out.append(_piece(text[left:right], covering))
    return "".join(out)
