"""Date expressions -> DateSpan: single days, day ranges, cross-month ranges, months, years.

Reads: a date as written (`September 14–15, 2008`, `25–27 July 2024`, `2023-08-08`).
Writes: a DateSpan with ISO start/end at the precision the text gives.

Each end of a range is parsed by dateparser (English only, which keeps it fast); splitting the
range and carrying the month and year of the right end over to a short left end (`14–` in
`September 14–15, 2008`) is done here because dateparser reads only single dates.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dateparser.date import DateDataParser

from .records import DateSpan

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"\d{4}"
_ONE_DATE = (
    rf"(?:{_DAY}\s+(?:{_MONTHS})\.?(?:,?\s+{_YEAR})?"  # 5 July 2011, 5 July
    rf"|(?:{_MONTHS})\.?\s+{_DAY}(?:,?\s+{_YEAR})?"  # July 5, 2011, July 5
    rf"|(?:{_MONTHS})\.?\s+{_YEAR}"  # July 2011
    rf"|{_YEAR}-\d{{2}}-\d{{2}}"  # 2011-07-05
    rf"|{_DAY}|{_YEAR})"
)
_RANGE_SEP = r"\s*(?:–|—|-|to|until|and)\s*"
DATE_EXPRESSION = re.compile(
    rf"(?<![\w-])(?:between\s+)?(?P<left>{_ONE_DATE})(?:{_RANGE_SEP}(?P<right>{_ONE_DATE}))?(?![\w-])",
    re.IGNORECASE,
)
_HAS_MONTH = re.compile(rf"\b(?:{_MONTHS})\b|\d{{4}}-\d{{2}}", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b\d{4}\b")


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


@lru_cache(maxsize=4096)  # the same few date strings recur across a corpus; dateparser is slow
def _parse_one(text: str) -> tuple[str, str] | None:
    """(ISO value, precision) of one complete date, or None."""
    data = _parser().get_date_data(text)
    if data.date_obj is None:
        return None
    precision = data.period if data.period in ("day", "month", "year") else "day"
    if precision == "year" or re.fullmatch(r"\d{4}", text.strip()):
        return f"{data.date_obj.year:04d}", "year"
    if precision == "month":
        return f"{data.date_obj.year:04d}-{data.date_obj.month:02d}", "month"
    return data.date_obj.strftime("%Y-%m-%d"), "day"


def _complete_left(left: str, right: str) -> str:
    """Give a short left end (`14`, `September 29`) the month and year of the right end."""
    if re.fullmatch(_DAY, left.strip()):
        month = re.search(rf"(?:{_MONTHS})", right, re.IGNORECASE)
        year = _HAS_YEAR.search(right)
        if month is None:
            return left
        return f"{left} {month.group(0)} {year.group(0) if year else ''}".strip()
    if not _HAS_YEAR.search(left):
        year = _HAS_YEAR.search(right)
        if year:
            return f"{left} {year.group(0)}"
    return left


def _with_year(text: str, base_year: int | None) -> str:
    if base_year is not None and not _HAS_YEAR.search(text) and _HAS_MONTH.search(text):
        return f"{text} {base_year}"
    return text


def parse_date(text: str, base_year: int | None = None) -> DateSpan | None:
    """A DateSpan for a date or date range as written; None when `text` holds no usable date.

    `base_year` completes dates written without a year (`On 26 August`), as the article's own year.
    """
    # Empty `()` left by the markup, then trailing commas (`\s*,\s*$` would rescan every run of spaces).
    cleaned = re.sub(r"\(\s*\)", "", text).strip().strip(",").strip()
    match = DATE_EXPRESSION.search(cleaned)
    if match is None:
        return None
    left, right = match.group("left"), match.group("right")
    if right and not _HAS_MONTH.search(right) and not _HAS_YEAR.search(right):
        # `15` alone on the right only makes sense after a month: `September 14–15, 2008`.
        year = re.match(r",?\s*\d{4}(?!\d)", cleaned[match.end():])
        right = right + year.group(0) if year else right
    if not right and not (_HAS_MONTH.search(left) or _HAS_YEAR.search(left)):
        return None
    if right:
        right_full = _with_year(right, base_year)
        if not _HAS_MONTH.search(right_full) and _HAS_MONTH.search(left):
            # `September 14–15, 2008`: the month stands on the left only.
            month = re.search(rf"(?:{_MONTHS})", left, re.IGNORECASE).group(0)
            right_full = f"{month} {right_full}"
        end = _parse_one(right_full)
        start = _parse_one(_with_year(_complete_left(left, right_full), base_year))
        if start is None or end is None:
            return None
        precision = start[1] if start[1] == end[1] else "day"
        if start[1] != end[1]:
            return None
        if end[0] < start[0]:
            return None
        text_out = cleaned[match.start():match.end()]
        if match.group("right") != right:
            text_out = cleaned[match.start():match.end() + len(right) - len(match.group("right"))]
        return DateSpan(text=text_out.strip(), start=start[0], end=end[0], precision=precision)
    one = _parse_one(_with_year(left, base_year))
    if one is None:
        return None
    return DateSpan(text=left.strip(), start=one[0], end=one[0], precision=one[1])


def find_date(text: str, base_year: int | None = None) -> tuple[DateSpan, int, int] | None:
    """The first date expression in running text with its offsets (for the lead sentence).

    A date with a month wins over an earlier bare year: in `The 2016 Bani Bangou attack took place
    on October 6, 2016` the year belongs to the event's name."""
    bare_year: tuple[DateSpan, int, int] | None = None
    for found in _date_candidates(text, base_year):
        if found[0].precision != "year":
            return found
        bare_year = bare_year or found
    return bare_year


def _date_candidates(text: str, base_year: int | None):
    for match in DATE_EXPRESSION.finditer(text):
        candidate = match.group(0)
        if not _HAS_MONTH.search(candidate) and not re.search(r"\d{4}", candidate):
            continue
        if re.fullmatch(r"\d{4}", candidate.strip()) and _HAS_MONTH.search(text[match.end():match.end() + 3] or ""):
            continue
        span = parse_date(text[match.start():], base_year)
        if span is not None:
            yield span, match.start(), match.start() + len(span.text)
