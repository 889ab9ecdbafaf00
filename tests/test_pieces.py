"""What spaCy sees is bounded: paragraphs reach the sentence segmenter in pieces of at most
`PIECE_LIMIT` characters (never over `nlp.max_length`), runs with no letter or digit are cut out
and seen by no model, and the paragraph's Doc keeps every sentence at its offset.

The hostile shapes that once took minutes or gigabytes go through the whole pipeline (`extract`)
with their growth checked (time at 2n against n, `growth.py`): a heading line of `=` runs, nested
`"(`, `[`, `(` runs, runs of spaces, `- - - -`, 20,000 `(` in prose, one paragraph of `N killed,`
items. Sizes are kept small enough for a quick suite; `benchmarks/hostile.py` runs the full ones.
"""

from __future__ import annotations

import re

import pytest

from pipeline import extract
from pipeline.extract import PIECE_LIMIT, RUN_LIMIT, paragraph_docs, paragraph_pieces
from pipeline.nlp import load_nlp
from growth import assert_linear  # tests/ is on sys.path under pytest
from timing import deadline


@pytest.fixture(scope="module", autouse=True)
def nlp():
    return load_nlp()


def fill(motif: str, size: int) -> str:
    return (motif * (size // len(motif) + 1))[:size]


def article(body: str) -> str:
    return f"= Battle of Shapes =\n\nOn 3 May 2011 fighting broke out near Gao. Five soldiers were killed.\n\n{body}\n"


# name -> (paragraph of about n characters, n for the growth check)
SHAPES = {
    "equals-heading": (lambda n: "== " + "=" * n + " Aftermath", 100_000),
    "equals-runs": (lambda n: "== " + fill("=" * 999 + " ", n) + "x", 100_000),
    "nested-brackets": (lambda n: "Fighting " + '"(' * (n // 6) + "[" * (n // 3) + "(" * (n // 3) + " ended.", 100_000),
    "space-runs": (lambda n: fill("Five soldiers were killed." + " " * 5000, n), 100_000),
    "dashes": (lambda n: "Then " + fill("- ", n) + "end.", 100_000),
    "parentheses": (lambda n: "The battle " + "(" * n + " was fought.", 20_000),
    "runs-under-the-limit": (lambda n: fill("=" * RUN_LIMIT + "a(" + "(" * (RUN_LIMIT - 2) + " b ", n), 20_000),
    "killed-items": (lambda n: " ".join(f"{i % 997 + 3} killed," for i in range(n // 10)) + " in all.", 2_500),
}
_NO_LETTER = re.compile(rf"[\W_]{{{RUN_LIMIT + 1},}}")


@pytest.mark.parametrize("shape", list(SHAPES))
def test_pieces_cover_the_paragraph_are_bounded_and_hold_no_long_run(shape):
    make, n = SHAPES[shape]
    text = make(4 * n)
    pieces = paragraph_pieces(text)
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))  # end to end, in order
    for piece in pieces:
        if piece.kept:
            assert piece.end - piece.start <= PIECE_LIMIT
            assert text[piece.start:piece.end].strip()
            assert not _NO_LETTER.search(text[piece.start:piece.end])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Five soldiers were killed.", ["Five soldiers were killed."]),
        ("Fighting broke out. " + "=" * 300 + " Five soldiers were killed.", ["Fighting broke out.", "Five soldiers were killed."]),
        ('He said "(' + "(" * 300 + ')" nothing.', ["He said", "nothing."]),
        ("It ended." + "=" * 300 + " Then", ["It ended.", "Then"]),
        ("A " + " " * 100 + "B.", ["A", "B."]),
        ("A" + "-" * 64 + "B", ["A" + "-" * 64 + "B"]),  # a run of 64 is below the limit
        ("=" * 500, []),
    ],
)
def test_runs_are_cut_out_and_the_text_around_them_kept(nlp, text, expected):
    pieces = [text[p.start:p.end].strip() for p in paragraph_pieces(text) if p.kept]
    assert pieces == expected
    doc, = paragraph_docs([text], nlp)
    assert doc.text.split() == " ".join(expected).split()  # the runs stand as spaces in the Doc
    assert " ".join(s.text.strip() for s in doc.sents if s.text.strip()) == " ".join(expected)


@pytest.mark.parametrize("shape", list(SHAPES))
def test_every_sentence_of_the_paragraph_doc_stands_at_its_offset(nlp, shape):
    make, n = SHAPES[shape]
    text = make(n)
    doc, = paragraph_docs([text], nlp)
    assert len(doc.text) == len(text)
    for sent in doc.sents:
        if sent.text.strip():
            assert text[sent.start_char:sent.end_char] == sent.text
            assert len(sent.text) <= PIECE_LIMIT


def test_long_paragraphs_are_cut_at_safe_points_within_the_models_limit(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 1_000)
    text = "Seven soldiers were killed near Gao; the convoy moved on, slowly. " * 400
    seen: list[str] = []
    real = nlp.pipe

    def recording(texts, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return real(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", recording)
    doc, = paragraph_docs([text], nlp)
    assert doc.text == text
    assert "".join(seen) == text and max(map(len, seen)) <= 1_000
    assert all(piece.endswith(". ") for piece in seen[:-1])  # a sentence end before `;`, `,` or a space
    for sent in doc.sents:
        assert text[sent.start_char:sent.end_char] == sent.text


@pytest.mark.parametrize("shape", list(SHAPES))
def test_hostile_shapes_through_the_whole_pipeline_grow_linearly(shape):
    make, n = SHAPES[shape]
    with deadline(600):
        assert_linear(lambda body: extract(article(body)), make, n, f"extract on {shape}")


@pytest.mark.parametrize("shape", list(SHAPES))
def test_hostile_shapes_keep_the_records_figures_traceable(shape):
    make, n = SHAPES[shape]
    text = article(make(n))
    record = extract(text)
    assert any(f.low == 5 and f.category == "killed" for f in record.casualties)  # the lead's count
    for figure in record.casualties + record.strength:
        assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text
