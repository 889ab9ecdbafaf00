"""Number phrases -> (low, high, approximate): digits, number words, ranges, open ends, `a dozen`.

Reads: plain text. Writes: `Quantity` values with offsets into that text.

Number words are converted by `text2num`; only *locating* them in running text is done here,
because text2num's `alpha2digit` rewrites the text and so loses the offsets that evidence needs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ["hundred", "thousand", "million"]
_WORD = r"(?:" + "|".join(sorted(_UNITS + _TENS + _SCALES, key=len, reverse=True)) + r")"
# `one hundred and fifty`, `twenty-eight`, `two thousand three hundred`
NUMBER_WORDS = rf"{_WORD}(?:(?:[\s-]+|\s+and\s+)(?={_WORD}\b){_WORD})*"
DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
DOZEN = r"(?:a|one|half\s+a)\s+dozen"
NUMBER = rf"(?:{DIGITS}|{DOZEN}|{NUMBER_WORDS})"

_OPEN_BEFORE = r"more\s+than|over|above|at\s+least|no\s+fewer\s+than|no\s+less\s+than|upwards\s+of|in\s+excess\s+of"
_APPROX_BEFORE = r"about|around|approximately|roughly|some|nearly|almost|an\s+estimated|estimated|up\s+to"
_DASH = r"\s*[–—-]\s*"

QUANTITY = re.compile(
    rf"""
    (?<![\w.,])
    (?:(?P<upto>no\s+more\s+than|as\s+many\s+as|not\s+more\s+than)\s+)?
    (?:(?P<open>{_OPEN_BEFORE})\s+)?
    (?:(?P<approx>(?:{_APPROX_BEFORE})\s+|~\s*))?  # only `~` may be glued: `someone` is no count
    (?:
        between\s+(?P<b_low>{NUMBER})\s+and\s+(?P<b_high>{NUMBER})
      | (?P<low>{NUMBER})
        (?:(?:{_DASH}|\s+to\s+|\s+or\s+(?P<approx_high>(?:close\s+to|nearly|almost|about|around|perhaps)\s+)?)(?P<high>{NUMBER}))?
    )
    (?P<plus>\+)?
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(frozen=True)
class Quantity:
    """A count as written: `text[start:end]` is the whole phrase, modifiers included."""

    start: int
    end: int
    low: int
    high: int | None
    approximate: bool
    is_word: bool  # written in words (`one`, `a dozen`) rather than digits

    @property
    def open_ended(self) -> bool:
        return self.high is None


def number_value(words: str) -> int | None:
    """The integer a single number phrase denotes, or None when it is not one."""
    phrase = re.sub(r"\s+", " ", words.strip().lower())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", phrase):
        digits = phrase.replace(",", "")
        # No count of people or vehicles runs to a dozen digits; a longer run is an identifier or
        # junk (and int() refuses over 4,300 digits).
        return int(digits) if len(digits) <= 12 else None
    if re.fullmatch(r"(?:a|one) dozen", phrase):
        return 12
    if phrase == "half a dozen":
        return 6
    try:
        return text2num(phrase.replace(" and ", " "), "en")
    except ValueError:
        return None


def _quantity(match: re.Match, offset: int) -> Quantity | None:
    if match.group("b_low"):
        low_text, high_text = match.group("b_low"), match.group("b_high")
    else:
        low_text, high_text = match.group("low"), match.group("high")
    low = number_value(low_text)
    if low is None:
        return None
    high: int | None = low
    if high_text:
        high = number_value(high_text)
        if high is None:
            return None
        if high < low:
            # `2010-11` style years or `6-2` scores are not ranges of one count.
            return None
    if match.group("open") or match.group("plus"):
        high = None
    approximate = bool(match.group("approx") or match.groupdict().get("approx_high"))
    is_word = not re.match(r"\d", low_text)
    return Quantity(
        start=offset + match.start(),
        end=offset + match.end(),
        low=low,
        high=high,
        approximate=approximate,
        is_word=is_word,
    )


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every count written in `text`, left to right, with offsets shifted by `offset`."""
    found = []
    for match in QUANTITY.finditer(text):
        quantity = _quantity(match, offset)
        if quantity is not None:
            found.append(quantity)
    return found


def parse_quantity(text: str) -> Quantity | None:
    """The count at the very start of `text` (an infobox item such as `150+ men`)."""
    match = QUANTITY.match(text.strip())
    if match is None:
        return None
    lead = len(text) - len(text.lstrip())
    return _quantity(match, lead)
