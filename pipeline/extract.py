"""Running the stages over articles: one article, or a stream of them in batches.

Reads: Articles. Writes: EventRecords. The spaCy model is loaded once per process and reused;
paragraphs of a whole batch of articles go through `nlp.pipe` together, so memory stays flat
however many articles are streamed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


def with_docs(
    articles: Iterable[Article], stages: tuple[str, ...], nlp: Language | None, batch_size: int = 64
) -> Iterator[tuple[Article, list[Doc]]]:
    """Each article with its sentence-segmented paragraphs; a batch of articles goes through
    `nlp.pipe` at once, so memory stays flat whatever the length of the stream."""
    iterator = iter(articles)
    while batch := list(islice(iterator, batch_size)):
        docs: list[Doc] = []
        if "prose" in stages:
            docs = list(sentences((p.text for a in batch for p in a.paragraphs), nlp))
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
