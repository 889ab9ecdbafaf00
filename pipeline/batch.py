"""Extraction in this process: paths -> `Outcome`s (a record line or the reason there is none).

Reads: article files (through `article.read_article`). Writes: nothing; yields one `Outcome` per
path, in order. The spaCy model is loaded once per process (`nlp.load_nlp`), articles go through
`nlp.pipe` a batch at a time, and a failure costs only its own document the record. Record lines
are the records' JSON with U+0085, U+2028 and U+2029 escaped, so that every line splitter
(`str.splitlines()` included) sees one record per line.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from .article import Article, ArticleError, read_article, shown_path
from .extract import extract_article, with_docs
from .nlp import MODEL, load_nlp
from .records import EventRecord

DEFAULT_MAX_BYTES = 16_777_216  # 16 MiB: some 16 times the longest encyclopedia article

# The spaCy model of a process is shared; spaCy makes no promise that one Language object can run
# in two threads at once (changing its enabled pipes is not), so every use of it takes turns.
MODEL_LOCK = threading.RLock()

# Characters that JSON allows raw inside strings but that `str.splitlines()` (and some JSON Lines
# readers) take for line ends; they can stand only inside strings, so escaping them keeps the JSON.
_LINE_SEPARATORS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def record_line(record: EventRecord) -> str:
    """The record as one JSON Lines line (no newline)."""
    line = record.model_dump_json()
    for raw, escaped in _LINE_SEPARATORS.items():
        if raw in line:
            line = line.replace(raw, escaped)
    return line


@dataclass(frozen=True)
class Outcome:
    """What became of one input document: a record line, or the reason it has none."""

    path: str  # as `article.shown_path` writes it (a name that is not UTF-8 escaped, `caf\xe9.txt`)
    line: str | None = None
    error: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", shown_path(self.path))


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> Article | Outcome:
    """The article at `path`, or an Outcome naming why it cannot be one (also: over `max_bytes`).
    `name` is the path to record and report, when it differs from the one to open."""
    name = shown_path(path if name is None else name)
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # read_article names the problem
    if size > max_bytes:
        return Outcome(name, error=f"too large: {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
    try:
        article = read_article(path)
    except ArticleError as err:
        return Outcome(name, error=str(err))
    return article if article.path == name else replace(article, path=name)


def internal_error(path: str, err: BaseException) -> Outcome:
    # One line, whatever the exception says (a pydantic ValidationError spans several), so that
    # stderr keeps one line per failed document.
    message = " | ".join(line.strip() for line in str(err).splitlines() if line.strip())
    return Outcome(path, error=f"internal error: {type(err).__name__}: {message}")


def extract_batch(articles: list[Article], stages: tuple[str, ...], nlp, batch_size: int) -> Iterator[tuple[int, Outcome]]:
    """`(id(article), Outcome)` for a batch, each as soon as it is extracted. Each document's
    failure costs only that document its record, including a failure of the batched sentence
    segmentation: the batch is then redone one article at a time, so only the offending article
    gets an error."""
    try:
        with MODEL_LOCK:
            pairs = list(with_docs(articles, stages, nlp, batch_size))
    except Exception as err:
        if len(articles) == 1:
            yield id(articles[0]), internal_error(articles[0].path, err)
            return
        for article in articles:
            yield from extract_batch([article], stages, nlp, batch_size)
        return
    for article, docs in pairs:
        try:
            with MODEL_LOCK:
                record = extract_article(article, docs, stages, nlp)
            outcome = Outcome(article.path, line=record_line(record))
        except Exception as err:  # one document's failure must not cost the others their records
            outcome = internal_error(article.path, err)
        yield id(article), outcome


def iter_outcomes(
    paths: Iterable[str], stages: tuple[str, ...], batch_size: int = 64, max_bytes: int = DEFAULT_MAX_BYTES,
    names: Iterable[str] | None = None, model: str = MODEL,
) -> Iterator[Outcome]:
    """Outcomes for some paths, in order, each as soon as it is known (the spaCy pipeline `model`
    is loaded once per process; one that is not installed raises ModelError before any outcome).
    `names`, when given, are the paths to record (the dask engine opens absolute paths)."""
    nlp = load_nlp(model) if "prose" in stages else None
    paths = list(paths)
    names = paths if names is None else list(names)
    iterator = iter(zip(paths, names))
    while chunk := list(islice(iterator, batch_size)):
        items = [read(p, max_bytes, n) for p, n in chunk]
        extracted = extract_batch([a for a in items if isinstance(a, Article)], stages, nlp, batch_size)
        for item in items:
            if isinstance(item, Outcome):
                yield item
            else:
                key, outcome = next(extracted)
                assert key == id(item)
                yield outcome


def process(
    paths: list[str], stages: tuple[str, ...], batch_size: int = 64, max_bytes: int = DEFAULT_MAX_BYTES,
    names: list[str] | None = None, model: str = MODEL,
) -> list[Outcome]:
    """Outcomes for some paths, in order, in this process."""
    return list(iter_outcomes(paths, stages, batch_size, max_bytes, names, model))
