"""Turn articles about armed-conflict events into validated, traceable event records.

    from pipeline import extract
    record = extract(open("article.txt", encoding="utf-8").read())
    print(record.model_dump_json())

`extract(text, *, title=None, path=None)` takes an article in the project's format (a `= Title =`
line first) or plain text such as a news story: with no title line the title is `title=`, else the
first line when it is a short headline followed by more text, else the first sentence, and the
record's `warnings` say so. `model=` (on `extract`, `extract_file` and `extract_articles`) names
another installed English spaCy pipeline, a package name or the folder of a saved one, instead of
`MODEL`; one that is not installed is a `ModelError`. Both `extract` and `extract_file` are safe to
call from several threads: calls that use the spaCy model take turns on it (`MODEL_LOCK`), so each
gets the record a lone call gets; for parallel work use `python -m pipeline run --jobs N`.

Names are imported on first use, so `python -m pipeline` starts (and answers a Ctrl-C) before
spaCy is imported.
"""

from __future__ import annotations

import importlib
import sys
import types

__all__ = [
    "Article",
    "ArticleError",
    "EventRecord",
    "MODEL",
    "ModelError",
    "SCHEMA_VERSION",
    "STAGES",
    "extract",
    "extract_file",
    "extract_articles",
    "load_nlp",
    "parse_article",
    "read_article",
]

_HOMES = {
    "Article": "article",
    "ArticleError": "article",
    "parse_article": "article",
    "read_article": "article",
    "STAGES": "extract",
    "extract_articles": "extract",
    "load_nlp": "nlp",
    "MODEL": "nlp",
    "ModelError": "nlp",
    "SCHEMA_VERSION": "records",
    "EventRecord": "records",
    "extract": "library",
    "extract_file": "library",
}


def __getattr__(name: str):
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{home}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """`pipeline.extract` is the function: importing the submodule `pipeline.extract` (which the
    import system then sets as an attribute of the package) must not replace it."""

    def __setattr__(self, name: str, value) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
