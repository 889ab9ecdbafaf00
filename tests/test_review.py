"""The review page: highlights (overlapping ones too), labels, links between table and text,
gold misses and spurious figures in place, escaping, and a render in headless Chromium."""

from __future__ import annotations

from support import screenshot  # tests/ is on sys.path under pytest

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from png import colour_counts
from pipeline.__main__ import main
from pipeline.article import parse_article, read_article
from pipeline.highlight import Mark, render
from pipeline.records import EventRecord
from pipeline.review import review
from pipeline.review_page import COLOURS, render_page

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_01a756e160051831.txt"
GOLD = ROOT / "gold"


class Page(HTMLParser):
    """Collects, for a rendered fragment or page: ids, links, the text outside labels, the text of
    each mark by its title, and whether every element was closed in order."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.ids: set[str] = set()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.links: list[str] = []
        self.text: list[str] = []
        self.marked: dict[str, str] = {}
        self.well_formed = True
        self.feed(html)
        self.close()
        self.well_formed &= not self.stack

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.add(tag)
        self.attributes.update(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if "href" in attrs:
            self.links.append(attrs["href"])
        if tag not in self.VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.well_formed = False
            return
        self.stack.pop()

    def handle_data(self, data):
        if any(t == "a" and "tag" in a.get("class", "") for t, a in self.stack):
            return
        self.text.append(data)
        for tag, attrs in self.stack:
            if tag == "mark":
                self.marked[attrs["title"]] = self.marked.get(attrs["title"], "") + data


@pytest.mark.parametrize("text, marks, expected", [
    ("one two", [(0, 3, "killed", "A")],
     '<a class="tag killed" id="A">A</a><mark class="killed" title="A">one</mark> two'),
    ("a<b&c", [(1, 4, "wounded", "<x>")],
     'a<a class="tag wounded" id="&lt;x&gt;">&lt;x&gt;</a>'
     '<mark class="wounded" title="&lt;x&gt;">&lt;b&amp;</mark>c'),
    # nested: the outer span's piece inside the inner one is lowered by one step
    ("abcdef", [(0, 6, "killed", "O"), (2, 4, "wounded", "I")],
     '<a class="tag killed" id="O">O</a><mark class="killed" title="O">ab</mark>'
     '<a class="tag wounded" id="I">I</a><mark class="killed" style="padding-bottom:4px" title="O">'
     '<mark class="wounded" title="I">cd</mark></mark><mark class="killed" title="O">ef</mark>'),
    # crossing: abc|de overlaps cd|ef
    ("abcdef", [(0, 4, "killed", "P"), (2, 6, "captured", "Q")],
     '<a class="tag killed" id="P">P</a><mark class="killed" title="P">ab</mark>'
     '<a class="tag captured" id="Q">Q</a><mark class="killed" style="padding-bottom:4px" title="P">'
     '<mark class="captured" title="Q">cd</mark></mark><mark class="captured" title="Q">ef</mark>'),
])
def test_highlight(text, marks, expected):
    assert render(text, [Mark(s, e, css, label, label) for s, e, css, label in marks]) == expected


def test_overlapping_marks_keep_the_text_and_each_span():
    text = "Sixty people were killed, forty of them soldiers & <police>."
    spans = {"total": (0, 24), "part": (26, 48), "cross": (14, 40), "same": (0, 24)}
    marks = [Mark(s, e, "killed", name, name) for name, (s, e) in spans.items()]
    page = Page(render(text, marks))
    assert page.well_formed
    assert "".join(page.text) == text
    assert page.marked == {name: text[s:e] for name, (s, e) in spans.items()}


def _gold(name: str) -> EventRecord:
    return EventRecord.model_validate_json((GOLD / f"{name}.json").read_text(encoding="utf-8"))


def test_review_against_gold_marks_missed_and_spurious_in_place():
    article = read_article(SEED)
    gold = _gold("battle-of-bassikounou")
    wrong = gold.casualties[1].model_copy(update={"low": 16, "high": 16})      # a value gold does not have
    resourced = gold.casualties[3].model_copy(update={"source": "AFP"})          # right value, wrong claimant
    predicted = gold.model_copy(update={"casualties": [wrong, *gold.casualties[2:3], resourced, *gold.casualties[4:]]})
    result = review(article, predicted, gold)
    statuses = [c.status for c in result.claims]
    assert statuses.count("spurious") == 2 and statuses.count("missed") == 3   # 3-4 injured, 15-20, 6 (per army)
    assert {c.note for c in result.claims if c.status == "spurious"} == {None, "value matches gold; source differs"}
    assert all(c.located for c in result.claims)

    page = Page(render_page([result]))
    assert page.well_formed
    assert all(link[1:] in page.ids for link in page.links if link.startswith("#"))
    for claim in result.claims:
        assert f"a1-c{claim.number}" in page.ids and f"#a1-c{claim.number}" in page.links
        assert page.marked[claim.label] == claim.figure.evidence.text
    # 1 strength claim and 13 predicted casualties come first, then the misses in gold order
    missed = next(c for c in result.claims if c.status == "missed" and c.figure.low == 15)
    assert missed.label == "missed: #16 killed 15\u201320 \u00b7 AQIM (side 2) \u00b7 per military and medical sources"


def test_page_escapes_everything_and_needs_no_network():
    text = '= <script>alert(1)</script> & "Battle" =\n\nFive <b>soldiers</b> were killed by "X" & Y.\n'
    article = parse_article(text)
    start = text.index("Five")
    record = EventRecord.build(
        title=article.title, source={"sha256": article.sha256}, event_type="battle",
        sides=[{"side": 1, "belligerents": [{"name": "<img src=x onerror=alert(1)>"}]}],
        casualties=[{"side": 1, "group": "combatants", "category": "killed", "low": 5, "high": 5,
                     "source": "<i>Y</i>", "origin": "text",
                     "evidence": {"text": text[start:start + 33], "start": start, "end": start + 33}}],
    )
    html = render_page([review(article, record)])
    page = Page(html)
    assert page.well_formed
    assert not page.tags & {"script", "img", "b", "i", "link", "iframe"} and not page.attributes & {"src", "onerror"}
    style = html.split("<style>")[1].split("</style>")[0]
    assert "url(" not in style and "@import" not in style
    assert text.strip() in "".join(page.text)


def test_review_command(tmp_path, capsys):
    out = tmp_path / "review.html"
    records = tmp_path / "records.jsonl"
    records.write_text((GOLD / "battle-of-bassikounou.json").read_text(encoding="utf-8").replace("\n", " ") + "\n", encoding="utf-8")
    assert main(["review", str(SEED), "--records", str(records), "--gold", str(GOLD), "--html", str(out)]) == 0
    page = Page(out.read_text(encoding="utf-8"))
    assert page.well_formed and "a1-c14" in page.ids
    assert main(["review", str(SEED), "--records", str(records), "--html", str(records)]) == 2
    assert "one of the inputs" in capsys.readouterr().err
    missing = tmp_path / "absent.txt"
    assert main(["review", str(missing), "--html", str(out)]) == 2


def test_review_names_an_unreadable_article_and_shows_the_others(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    records = tmp_path / "records.jsonl"
    records.write_text((GOLD / "battle-of-bassikounou.json").read_text(encoding="utf-8").replace("\n", " ") + "\n", encoding="utf-8")
    out = tmp_path / "review.html"
    assert main(["review", str(bad), str(SEED), "--records", str(records), "--html", str(out)]) == 1
    assert f"{bad}: not UTF-8" in capsys.readouterr().err
    assert "Battle of Bassikounou" in out.read_text(encoding="utf-8")


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def test_review_page_renders_in_headless_chromium(tmp_path):
    browser = shutil.which("chromium")
    if browser is None:
        pytest.fail("chromium is not installed: the review page must be checked in a real browser; "
                    "install Debian's package (apt-get install -y chromium), as .ci/run does")
    page, shot = tmp_path / "review.html", tmp_path / "review.png"
    assert main(["review", str(SEED), "--gold", str(GOLD), "--html", str(page)]) == 0
    width, height, rows = screenshot(browser, page, shot, tmp_path / "profile", 1000, 1400)
    assert (width, height) == (1000, 1400)
    counts = colour_counts(rows)
    assert len(counts) > 50, "the screenshot is blank"
    # the light backgrounds are used by the highlights only (legend and labels use the strong colours)
    for category in ("killed", "wounded", "captured"):
        assert counts[_hex(COLOURS[category][0])] > 500, f"no {category} highlight in the screenshot"


def test_evidence_that_is_not_at_its_offsets_is_named_not_drawn(tmp_path):
    shifted = parse_article("\n\n" + SEED.read_text(encoding="utf-8"), path="shifted.txt")   # same id, offsets moved by 2
    result = review(shifted, _gold("battle-of-bassikounou"))
    assert result.claims and not any(c.located for c in result.claims)
    first = result.claims[0].figure.evidence
    assert result.problems[0] == f"claim #1: its evidence is not at {first.start}:{first.end} of this text"
    assert len(result.problems) == len(result.claims)
    page = Page(render_page([result]))
    assert page.well_formed and page.marked == {}
