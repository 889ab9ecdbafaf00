"""Turn articles about armed-conflict events into validated, traceable event records.

    from pipeline import extract
    record = extract(open("article.txt", encoding="utf-8").read())
    print(record.model_dump_json())
"""

from __future__ import annotations

from pathlib import Path

from .article import Article, ArticleError, parse_article, read_article
from .extract import STAGES, extract_articles
from .nlp import load_nlp
from .records import SCHEMA_VERSION, EventRecord

__all__ = [
    "Article",
    "ArticleError",
    "EventRecord",
    "SCHEMA_VERSION",
    "STAGES",
    "extract",
    "extract_file",
    "extract_articles",
    "load_nlp",
    "parse_article",
    "read_article",
]


def extract(text: str, path: str | None = None, *, stages=STAGES) -> EventRecord:
    """The event record of one article given as text (`path` is only recorded, never read).

    Raises ArticleError when the text is not an article (empty, no `= Title =` line).
    """
    article = parse_article(text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff"), path=path)
    return next(extract_articles([article], stages))


def extract_file(path: str | Path, *, stages=STAGES) -> EventRecord:
    """The event record of one article file; raises ArticleError for unreadable or invalid files."""
    return next(extract_articles([read_article(path)], stages))
