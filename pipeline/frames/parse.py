"""Parsed sentences with each number phrase as one token.

Reads: sentence texts (with their offsets in the article) and the spaCy model. Writes: `Parsed`
values: the Doc, its offset, and the `Quantity` of every merged count token, so that the arcs of
the tree attach to `twenty-eight`, `1,500`, `between 25 and 40`, `more than 30` as one token.
Zero words (`no`, `none`, `nobody`, `no one`) get a zero quantity in place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from ..nlp import parses
from ..numbers import Quantity, find_quantities

# A sentence worth parsing holds a digit, a number word or a zero word.
_CANDIDATE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|dozen|no|none|nobody|zero)\b",
    re.IGNORECASE,
)
_ZERO = re.compile(
    r"\b(?:no\s+one|not\s+(?:a\s+single|one)|nobody|none|zero|"
    # `no death toll was given`, `no official figure`: no count was told, which is not a zero
    r"no(?!\s+(?:more|fewer|less|longer|later|(?:official\s+|overall\s+|death\s+|casualty\s+)?(?:toll|figures?|counts?|numbers?|estimates?|tally))\b))\b",
    re.IGNORECASE,
)


@dataclass
class Parsed:
    doc: Doc
    offset: int  # of doc.text in the article
    quantities: dict[int, Quantity] = field(default_factory=dict)  # token index -> count


def text_of(doc: Doc) -> str:
    """The Doc's text, built once: `Doc.text` joins every token each time it is read, and the
    frames read it once per count."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def is_candidate(text: str) -> bool:
    return bool(_CANDIDATE.search(text))


def _zero_quantities(text: str) -> list[Quantity]:
    return [Quantity(m.start(), m.end(), 0, 0, False, True) for m in _ZERO.finditer(text)]


def merge_counts(doc: Doc) -> dict[int, Quantity]:
    """Merge each count phrase of `doc` into one token; the token indexes of the counts."""
    zeros = _zero_quantities(text_of(doc))
    quantities = zeros + [
        q for q in find_quantities(text_of(doc)) if not any(z.start < q.end and q.start < z.end for z in zeros)
    ]
    spans = []
    for quantity in sorted(quantities, key=lambda q: q.start):
        span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if span is None or (spans and spans[-1][0].end > span.start):
            continue
        spans.append((span, quantity))
    with doc.retokenize() as retokenizer:
        for span, quantity in spans:
            if len(span) > 1:
                attrs = {"POS": "NUM", "TAG": "CD"} if quantity.low or quantity.high != 0 else {}
                retokenizer.merge(span, attrs=attrs)
    found: dict[int, Quantity] = {}
    for span, quantity in spans:
        # after merging, token indexes have shifted: find the merged token by its characters
        token = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
        if token is not None and len(token) == 1:
            found[token[0].i] = quantity
    return found


# A news dateline before the story: `RIO DE JANEIRO, May 7, 2021 –`, `KABUL, Afghanistan (June 14) —`.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40},[^–—\n]{0,60}?\s[–—-]{1,2}\s+")


def without_dateline(text: str, offset: int) -> tuple[str, int]:
    match = _DATELINE.match(text)
    return (text[match.end():], offset + match.end()) if match else (text, offset)


def parse_sentences(
    sentences: Iterable[tuple[str, int]], nlp: Language | None = None, batch_size: int = 32
) -> Iterator[Parsed]:
    """`(text, offset)` pairs -> Parsed, in order; a leading news dateline is left out of the parse.
    Batches are small: with units of up to 1,500 characters, 32 of them keep the parser's memory
    bounded (a batch of 256 long units took a gigabyte)."""
    items = [without_dateline(text, offset) for text, offset in sentences]
    for (text, offset), doc in zip(items, parses((t for t, _ in items), nlp, batch_size)):
        yield Parsed(doc, offset, merge_counts(doc))


MAX_UNIT = 1500  # characters of one parsed unit: parse time and memory stay bounded per unit


def bounded_pieces(text: str, offset: int, limit: int = MAX_UNIT) -> list[tuple[str, int]]:
    """`text` cut into pieces of at most `limit` characters at the last `;`, `,` or space before
    the limit, with their offsets; the pieces put together give `text` back."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind("; "), window.rfind(", "), window.rfind(" "))
        cut = cut + 1 if cut > limit // 3 else limit
        pieces.append((text[start:start + cut], offset + start))
        start += cut
    pieces.append((text[start:], offset + start))
    return [(piece, at) for piece, at in pieces if piece.strip()]
