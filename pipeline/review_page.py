"""The review page as one self-contained HTML document: no scripts, no network, styles inline.

Reads: `ArticleReview`s. Writes: an HTML string; every piece of article text, name and label is
escaped. Pure. Each article shows its text (infobox lines included) with every claim's evidence
highlighted in its category's colour and labelled, then a table of its claims whose rows link to
their highlight (and the highlight's label back to its row).
"""

from __future__ import annotations

from html import escape

from .highlight import Mark, render
from .review import ArticleReview, Claim

TITLE = "Evidence review"

# (background of the highlight, colour of its underline and label) per category
COLOURS: dict[str, tuple[str, str]] = {
    "killed": ("#ffc9c9", "#c92a2a"),
    "wounded": ("#ffe3a3", "#d9480f"),
    "captured": ("#d0bfff", "#5f3dc4"),
    "missing": ("#c5d6e8", "#364fc7"),
    "personnel": ("#b2f2bb", "#2b8a3e"),
    "vehicles": ("#99e9f2", "#0b7285"),
}

_STATUS_CSS = """
mark.missed { background: none; outline: 2px dashed #e03131; outline-offset: 1px; }
a.tag.missed { background: #e03131; }
mark.spurious { outline: 2px dotted #862e9c; outline-offset: 1px; }
a.tag.spurious { background: #862e9c; }
tr.missed td, tr.spurious td { background: #fff5f5; }
.legend span.missed { border-left-color: #e03131; }
.legend span.spurious { border-left-color: #862e9c; }
"""


def _css() -> str:
    rules = [
        "body { font: 15px/1.5 Georgia, serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #212529; }",
        "h1, h2, table, .legend, .meta, .problems { font-family: Helvetica, Arial, sans-serif; }",
        ".text { white-space: pre-wrap; line-height: 2.2; border: 1px solid #dee2e6; padding: 1em; background: #fcfcfc; }",
        "mark { color: inherit; border-bottom: 3px solid transparent; }",
        "a.tag { font: 10px/1 Helvetica, Arial, sans-serif; color: #fff; padding: 1px 3px; border-radius: 3px;"
        " margin: 0 2px; vertical-align: super; text-decoration: none; white-space: nowrap; }",
        "table { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 1em; }",
        "th, td { border: 1px solid #dee2e6; padding: 3px 6px; text-align: left; vertical-align: top; }",
        "th { background: #f1f3f5; }",
        ".legend span { display: inline-block; padding: 1px 6px; margin-right: 6px; border-left: 6px solid; }",
        ".problems { color: #c92a2a; }",
    ]
    for category, (background, strong) in COLOURS.items():
        rules.append(f"mark.{category} {{ background: {background}; border-bottom-color: {strong}; }}")
        rules.append(f"a.tag.{category} {{ background: {strong}; }}")
        rules.append(f".legend span.{category} {{ border-left-color: {strong}; }}")
    return "\n".join(rules) + _STATUS_CSS


def _anchor(index: int, claim: Claim) -> str:
    return f"a{index}-c{claim.number}"


def _row_id(index: int, claim: Claim) -> str:
    return f"a{index}-r{claim.number}"


def _marks(index: int, review: ArticleReview) -> list[Mark]:
    marks = []
    for claim in review.claims:
        if not claim.located:
            continue
        css = claim.figure.category + (f" {claim.status}" if claim.status in ("missed", "spurious") else "")
        evidence = claim.figure.evidence
        marks.append(Mark(evidence.start, evidence.end, css, claim.label, _anchor(index, claim), _row_id(index, claim)))
    return marks


def _row(index: int, claim: Claim, with_gold: bool) -> str:
    f = claim.figure
    link = f'<a href="#{_anchor(index, claim)}">{escape(f.evidence.text)}</a>' if claim.located else escape(f.evidence.text)
    cells = [str(claim.number), claim.kind, claim.side_name, f.group, f.category, claim.value, claim.claimant, f.origin]
    html = "".join(f"<td>{escape(c)}</td>" for c in cells) + f"<td>{link}</td>"
    if with_gold:
        status = claim.status + (f" ({claim.note})" if claim.note else "")
        html += f"<td>{escape(status)}</td>"
    css = f' class="{escape(claim.status)}"' if claim.status else ""
    return f'<tr id="{_row_id(index, claim)}"{css}>{html}</tr>'


def _meta(review: ArticleReview) -> str:
    record = review.record
    parts = [escape(review.article.path or "(text)")]
    if record is not None:
        parts.append(f"id {escape(record.id)}")
        if record.date:
            parts.append(escape(record.date.text))
        if record.location:
            parts.append(escape(record.location.text))
        for side in record.sides:
            names = ", ".join(a.name for a in side.belligerents) or "no actor"
            parts.append(f"side {side.side}: {escape(names)}")
    return " \u00b7 ".join(parts)


def _section(index: int, review: ArticleReview) -> str:
    headers = ["#", "list", "side", "group", "category", "value", "claimant", "origin", "evidence"]
    if review.gold:
        headers.append("against gold")
    rows = "\n".join(_row(index, claim, review.gold) for claim in review.claims)
    parts = [
        f'<section id="a{index}">',
        f"<h2>{escape(review.article.title)}</h2>",
        f'<p class="meta">{_meta(review)}</p>',
    ]
    if review.problems:
        parts.append('<ul class="problems">' + "".join(f"<li>{escape(p)}</li>" for p in review.problems) + "</ul>")
    parts.append(f'<div class="text">{render(review.article.text, _marks(index, review))}</div>')
    parts.append("<table><thead><tr>" + "".join(f"<th>{h}</th>" for h in headers) + f"</tr></thead><tbody>\n{rows}\n</tbody></table>")
    if review.differences:
        parts.append("<h3>Other differences from gold</h3><ul>"
                     + "".join(f"<li>{escape(i.field)}: {escape(str(i))}</li>" for i in review.differences) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def render_page(reviews: list[ArticleReview], failures: list[str] = ()) -> str:
    legend = "".join(f'<span class="{c}">{c}</span>' for c in COLOURS)
    if any(r.gold for r in reviews):
        legend += ('<span class="missed">dashed red: missed (in gold, not found)</span>'
                   '<span class="spurious">dotted purple: spurious (found, not in gold)</span>')
    contents = "".join(f'<li><a href="#a{i}">{escape(r.article.title)}</a> ({len(r.claims)} claims)</li>' for i, r in enumerate(reviews, 1))
    body = [
        f"<h1>{TITLE}</h1>",
        f'<p class="legend">{legend}</p>',
        f"<ol>{contents}</ol>",
    ]
    if failures:
        body.append('<ul class="problems">' + "".join(f"<li>{escape(f)}</li>" for f in failures) + "</ul>")
    body += [_section(i, r) for i, r in enumerate(reviews, 1)]
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{TITLE}</title>\n<style>\n{_css()}\n</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
