"""Running the stages over articles: one article, or a stream of them in batches.

Reads: Articles. Writes: EventRecords. The spaCy model is loaded once per process and reused;
paragraphs of a whole batch of articles go through `nlp.pipe` together, so memory stays flat
however many articles are streamed.

What spaCy sees is bounded: a paragraph is cut into pieces of at most `PIECE_LIMIT` characters
(never more than the model's `nlp.max_length`), at a line break, a sentence end, `;`, `,` or a
space, and a stretch of more than `RUN_LIMIT` characters with no letter or digit (a run of `=`,
of brackets and quotes, of spaces, `- - - -`) is a cut point that no model sees at all: spaCy's
tokenizer takes time in the square of such a run, and it carries nothing to extract. The pieces'
Docs are put back together into one Doc per paragraph with the paragraph's offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .article import Article
from .assemble import assemble
from .infobox import read_infobox
from .names import find_definitions
from .nlp import MODEL, load_nlp, sentences
from .prose import read_prose
from .records import EventRecord

STAGES = ("infobox", "prose")


def check_stages(stages: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(stages)
    unknown = [s for s in chosen if s not in STAGES]
    if unknown or not chosen:
        raise ValueError(f"unknown stages {unknown}; choose from {', '.join(STAGES)}")
    return chosen


def extract_article(article: Article, docs: list[Doc] | None, stages: tuple[str, ...], nlp: Language | None) -> EventRecord:
    """One record from one article; `docs` are its paragraphs, sentence-segmented (prose stage)."""
    prose_text = "\n".join(p.text for p in article.paragraphs)
    definitions = find_definitions(prose_text)
    infobox = None
    if "infobox" in stages and article.infobox is not None:
        infobox = read_infobox(article.infobox, definitions, article.lead.text if article.lead else "")
    prose = None
    if "prose" in stages:
        prose = read_prose(article, docs or [], infobox, definitions, nlp)
    return assemble(article, infobox, prose)


PIECE_LIMIT = 10_000  # characters of one Doc the sentence segmenter sees
BATCH_CHARS = 100_000  # characters of one `nlp.pipe` batch: its memory is bounded by this
# Characters with no letter or digit in a row: a longer run is one no model sees. spaCy's tokenizer
# strips a word's leading and trailing punctuation one character at a time, copying the rest of the
# word each time, so a word costs (its edge runs) x (its length): about 80 microseconds a character
# for runs of 200 `=` or `(` joined by letters, 25 for runs of 64, the cost of ordinary prose.
RUN_LIMIT = 64
# A run starts where the character before is a letter or digit (or at the start), so the greedy
# class is tried once per run, never from inside one: linear, whatever the run's length.
_RUN = re.compile(rf"(?<![\W_])[\W_]{{{RUN_LIMIT + 1},}}")
_CUTS = ("\n", ". ", "; ", ", ", " ", "\t")  # the safest cut first: a line break, a sentence end


@dataclass(frozen=True)
class Piece:
    """`text[start:end]` of a paragraph; `kept` pieces go to spaCy, the others (runs with no
    letter or digit, blank stretches) stand in the paragraph's Doc as spaces of their length."""

    start: int
    end: int
    kept: bool


def _cut(text: str, start: int, end: int, limit: int) -> Iterator[Piece]:
    """`text[start:end]` in pieces of at most `limit` characters, each cut at the last safe mark
    in the second half of the window (else at the limit)."""
    while end - start > limit:
        for mark in _CUTS:
            at = text.rfind(mark, start + limit // 2, start + limit)
            if at >= 0:
                cut = at + len(mark)
                break
        else:
            cut = start + limit
        yield Piece(start, cut, bool(text[start:cut].strip()))
        start = cut
    if end > start:
        yield Piece(start, end, bool(text[start:end].strip()))


_CLOSERS = frozenset(".,;:!?%\"')]}”’»")  # end the text before a run: kept with it
_OPENERS = frozenset("\"'([{“‘«$")  # open the text after a run: kept with it


def _trimmed(text: str, start: int, end: int, edge: int = 4) -> tuple[int, int]:
    """The run without the few marks at its edges that close the text before it (`.`, `")`) or
    open the text after it (`"(`)."""
    head = start
    while head < min(start + edge, end) and text[head] in _CLOSERS:
        head += 1
    tail = end
    while tail > max(end - edge, head) and text[tail - 1] in _OPENERS:
        tail -= 1
    return head, tail


def paragraph_pieces(text: str, limit: int = PIECE_LIMIT) -> list[Piece]:
    """Pieces that cover `text` in order, end to end (see the module docstring)."""
    pieces: list[Piece] = []
    position = 0
    for run in _RUN.finditer(text):
        start, end = _trimmed(text, run.start(), run.end())
        pieces += _cut(text, position, start, limit)
        pieces.append(Piece(start, end, False))
        position = end
    pieces += _cut(text, position, len(text), limit)
    return pieces


def _paragraph_doc(nlp: Language, parts: list[tuple[Piece, Doc | None]]) -> Doc:
    """One Doc for a paragraph from its pieces' Docs: its text is the paragraph's, except that a
    piece no model saw stands as spaces of its length (a sentence of its own, which no stage
    keeps), so every sentence's `start_char` is its offset in the paragraph."""
    if len(parts) == 1 and parts[0][1] is not None:
        return parts[0][1]
    docs = [
        doc if doc is not None else Doc(nlp.vocab, words=[" " * (piece.end - piece.start)], spaces=[False], sent_starts=[True])
        for piece, doc in parts
    ]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])


def _segmented(texts: Iterable[str], nlp: Language) -> Iterator[Doc]:
    """`sentences` of each text, given to `nlp.pipe` in groups of at most BATCH_CHARS characters:
    a batch counted in texts alone would hold 256 pieces of PIECE_LIMIT characters at once."""
    group: list[str] = []
    size = 0
    for text in texts:
        if group and size + len(text) > BATCH_CHARS:
            yield from sentences(group, nlp, batch_size=len(group))
            group, size = [], 0
        group.append(text)
        size += len(text)
    if group:
        yield from sentences(group, nlp, batch_size=len(group))


def paragraph_docs(texts: list[str], nlp: Language) -> list[Doc]:
    """One sentence-segmented Doc per paragraph text, spaCy seeing only bounded pieces."""
    limit = min(PIECE_LIMIT, nlp.max_length)
    cut = [(text, paragraph_pieces(text, limit)) for text in texts]
    segmented = _segmented((text[p.start:p.end] for text, pieces in cut for p in pieces if p.kept), nlp)
    return [_paragraph_doc(nlp, [(p, next(segmented) if p.kept else None) for p in pieces]) for _, pieces in cut]


def with_docs(
    articles: Iterable[Article], stages: tuple[str, ...], nlp: Language | None, batch_size: int = 64
) -> Iterator[tuple[Article, list[Doc]]]:
    """Each article with its sentence-segmented paragraphs; a batch of articles goes through
    `nlp.pipe` at once, so memory stays flat whatever the length of the stream."""
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        docs: list[Doc] = []
        if "prose" in stages:
            docs = paragraph_docs([p.text for a in batch for p in a.paragraphs], nlp or load_nlp())
        position = 0
        for article in batch:
            count = len(article.paragraphs)
            yield article, docs[position:position + count]
            position += count


def extract_articles(
    articles: Iterable[Article],
    stages: Iterable[str] = STAGES,
    nlp: Language | None = None,
    batch_size: int = 64,
    *,
    model: str | None = None,
) -> Iterator[EventRecord]:
    """Records for a stream of articles, in order, processed a batch at a time, with the loaded
    pipeline `nlp` or the installed pipeline named `model` (default: `nlp.MODEL`)."""
    stages = check_stages(stages)
    if nlp is not None and model is not None:
        raise TypeError("give either nlp= (a loaded pipeline) or model= (its name), not both")
    if "prose" in stages:
        nlp = nlp or load_nlp(model or MODEL)
    for article, docs in with_docs(articles, stages, nlp, batch_size):
        yield extract_article(article, docs, stages, nlp)
