"""The library entry points `extract` and `extract_file` (re-exported by `pipeline`).

Reads: text given in memory, or one article file. Writes: nothing; returns one EventRecord.
Arguments are checked before any work: what is not text is a TypeError saying what is expected,
text that is not an article (empty, NUL, lone surrogates) an ArticleError naming the problem
and its position (a paragraph of any length is read: spaCy sees it in bounded pieces), a spaCy pipeline that is not
installed (`model=`) a ModelError naming it and how to install one. Calls that use the spaCy model
hold `batch.MODEL_LOCK`, so calls from several threads each get the record a lone call gets.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language

from .article import Article, check_text, parse_text, read_article
from .batch import MODEL_LOCK
from .extract import STAGES, check_stages, extract_articles
from .nlp import MODEL, load_nlp
from .records import EventRecord


def _stages(stages: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(stages, str):  # "prose" or "infobox,prose": never split into letters
        stages = [s.strip() for s in stages.split(",") if s.strip()]
    return check_stages(stages)


def _check_model(nlp: Language | None, model: str | Path | None) -> None:
    if nlp is not None and model is not None:
        raise TypeError("give either nlp= (a loaded pipeline) or model= (its name), not both")
    if model is not None and not isinstance(model, (str, Path)):
        raise TypeError(f"expected model as str, pathlib.Path or None, got {type(model).__name__}")


def _extract(article: Article, stages: tuple[str, ...], nlp: Language | None, model: str | Path | None) -> EventRecord:
    if "prose" not in stages:
        return next(extract_articles([article], stages))
    with MODEL_LOCK:
        nlp = nlp or load_nlp(MODEL if model is None else model)
        return next(extract_articles([article], stages, nlp))


def extract(
    text: str,
    path: str | None = None,
    *,
    title: str | None = None,
    stages: Iterable[str] | str = STAGES,
    nlp: Language | None = None,
    model: str | Path | None = None,
) -> EventRecord:
    """The event record of one article given as text (`path` is only recorded, never read).

    The text may begin with a `= Title =` line or be plain text (see `pipeline`); `title=`
    overrides the title. `model=` names another installed English spaCy pipeline (a package
    name or the folder of a saved pipeline) instead of the default, `nlp=` gives one already
    loaded. Raises TypeError for what is not a str and ArticleError for text that is not an
    article (empty, NUL, lone surrogates), ModelError for a
    model that is not installed."""
    if path is not None and not isinstance(path, str):
        raise TypeError(f"expected path as str or None, got {type(path).__name__}")
    if title is not None and not isinstance(title, str):
        raise TypeError(f"expected title as str or None, got {type(title).__name__}")
    _check_model(nlp, model)
    check_text(text)
    chosen = _stages(stages)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    article, note = parse_text(text, path=path, title=title)
    record = _extract(article, chosen, nlp, model)
    if note is not None:
        record.warnings.append(note.warning())
    return record


def extract_file(
    path: str | Path, *, stages: Iterable[str] | str = STAGES, nlp: Language | None = None, model: str | Path | None = None
) -> EventRecord:
    """The event record of one article file; raises ArticleError for unreadable or invalid files
    (binary, not UTF-8, no `= Title =` line), TypeError for a path that is not str or Path and
    ModelError for a `model=` that is not installed (see `extract`)."""
    if not isinstance(path, (str, Path)):
        raise TypeError(f"expected path as str or pathlib.Path, got {type(path).__name__}")
    _check_model(nlp, model)
    return _extract(read_article(path), _stages(stages), nlp, model)
