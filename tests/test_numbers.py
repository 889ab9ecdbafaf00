"""Number phrases (pipeline.numbers): digits, words, ranges, open ends, approximations, offsets.

Expectations follow shared/spec/record.md ("Figure", "Annotation conventions") and the module's
docstrings: `low`/`high` are the ends of the count, `high` is None when open-ended, and
`text[q.start:q.end]` is the whole phrase, modifiers included.
"""

from __future__ import annotations

import pytest

from pipeline.numbers import Quantity, find_quantities, number_value, parse_quantity

# (text, (low, high, approximate))
SINGLE_COUNTS = [
    # digits
    ("15", (15, 15, False)),
    ("153 soldiers killed", (153, 153, False)),
    ("1,190 civilians", (1190, 1190, False)),
    ("40,000 displaced", (40000, 40000, False)),
    ("1,190+ civilians killed", (1190, None, False)),
    # number words
    ("fifteen jihadists were killed", (15, 15, False)),
    ("Fifteen jihadists were killed", (15, 15, False)),
    ("twenty-eight soldiers", (28, 28, False)),
    ("one hundred and fifty men", (150, 150, False)),
    ("two thousand three hundred people", (2300, 2300, False)),
    ("one soldier", (1, 1, False)),
    ("a dozen soldiers", (12, 12, False)),
    ("one dozen soldiers", (12, 12, False)),
    ("half a dozen fighters", (6, 6, False)),
    # ranges
    ("15–20 killed", (15, 20, False)),
    ("3-30 prisoners", (3, 30, False)),
    ("15 — 21 killed", (15, 21, False)),
    ("16 to 28 killed", (16, 28, False)),
    ("2 or 4 boats", (2, 4, False)),
    ("between 10 and 20 soldiers", (10, 20, False)),
    ("between fifteen and twenty soldiers", (15, 20, False)),
    ("one or two soldiers", (1, 2, False)),
    ("5–5 killed", (5, 5, False)),
    # open ends
    ("over 150 men", (150, None, False)),
    ("more than 80 people", (80, None, False)),
    ("at least 80 people", (80, None, False)),
    ("no fewer than 89 soldiers", (89, None, False)),
    ("No fewer than 89 soldiers", (89, None, False)),
    ("upwards of 200 fighters", (200, None, False)),
    ("150+ men", (150, None, False)),
    ("20+", (20, None, False)),
    ("25–82+ killed", (25, None, False)),
    ("more than a dozen soldiers", (12, None, False)),
    ("at least twenty-eight soldiers", (28, None, False)),
    # approximations
    ("~30 men", (30, 30, True)),
    ("~40", (40, 40, True)),
    ("about 30 men", (30, 30, True)),
    ("around 30 men", (30, 30, True)),
    ("some 30 men", (30, 30, True)),
    ("roughly 30 men", (30, 30, True)),
    ("an estimated 30 men", (30, 30, True)),
    ("about 15–20 men", (15, 20, True)),
    ("some fifteen men", (15, 15, True)),
]


@pytest.mark.parametrize("text, expected", SINGLE_COUNTS)
def test_parse_quantity(text, expected):
    quantity = parse_quantity(text)
    assert quantity is not None, text
    assert (quantity.low, quantity.high, quantity.approximate) == expected
    assert quantity.open_ended is (expected[1] is None)


@pytest.mark.parametrize("text, expected", SINGLE_COUNTS)
def test_find_quantities_finds_the_same_single_count(text, expected):
    found = find_quantities(text)
    assert len(found) == 1, found
    assert (found[0].low, found[0].high, found[0].approximate) == expected
    assert found[0].start == 0


# (sentence, the phrase the count is written as)
PHRASES = [
    ("Fifteen jihadists were killed.", "Fifteen"),
    ("In all, 1,190+ civilians died.", "1,190+"),
    ("The army lost twenty-eight men.", "twenty-eight"),
    ("It had one hundred and fifty men.", "one hundred and fifty"),
    ("They captured a dozen fighters.", "a dozen"),
    ("They captured half a dozen fighters.", "half a dozen"),
    ("Between 10 and 20 soldiers died.", "Between 10 and 20"),
    ("Officials said 15–20 were killed.", "15–20"),
    ("The toll rose to 16 to 28 dead.", "16 to 28"),
    ("They had 2 or 4 boats.", "2 or 4"),
    ("Over 150 men attacked.", "Over 150"),
    ("It cost more than 80 lives.", "more than 80"),
    ("At least 80 people died.", "At least 80"),
    ("No fewer than 89 soldiers died.", "No fewer than 89"),
    ("Upwards of 200 fighters came.", "Upwards of 200"),
    ("The army lost 25–82+ men.", "25–82+"),
    ("A force of ~30 men.", "~30"),
    ("About 30 men arrived.", "About 30"),
    ("They counted around 30 bodies.", "around 30"),
    ("Some 30 men arrived.", "Some 30"),
    ("Roughly 30 men arrived.", "Roughly 30"),
    ("An estimated 30 men arrived.", "An estimated 30"),
]


@pytest.mark.parametrize("text, expected", PHRASES)
def test_find_quantities_slices_back_to_the_phrase(text, expected):
    found = find_quantities(text)
    assert len(found) == 1, found
    quantity = found[0]
    assert text[quantity.start:quantity.end] == expected


@pytest.mark.parametrize("offset", [0, 1, 57, 10_000])
def test_find_quantities_shifts_offsets(offset):
    prefix = "x" * offset
    paragraph = "After the raid, some 30 men and 2 or 4 boats were seen."
    text = prefix + paragraph
    found = find_quantities(paragraph, offset=offset)
    assert [text[q.start:q.end] for q in found] == ["some 30", "2 or 4"]
    assert [(q.low, q.high, q.approximate) for q in found] == [(30, 30, True), (2, 4, False)]


def test_find_quantities_reads_left_to_right():
    text = "Eight Americans were killed and 27 wounded; over 150 Taliban died, and about a dozen fled."
    found = find_quantities(text)
    assert [(q.low, q.high, q.approximate) for q in found] == [
        (8, 8, False),
        (27, 27, False),
        (150, None, False),
        (12, 12, True),
    ]
    assert [text[q.start:q.end] for q in found] == ["Eight", "27", "over 150", "about a dozen"]
    assert [q.start for q in found] == sorted(q.start for q in found)


@pytest.mark.parametrize(
    "text, is_word",
    [("15 killed", False), ("1,190+", False), ("fifteen", True), ("a dozen", True), ("~30", False), ("about twenty", True)],
)
def test_is_word_tells_words_from_digits(text, is_word):
    assert parse_quantity(text).is_word is is_word


@pytest.mark.parametrize(
    "text, expected",
    [
        ("  150+ men", "150+"),
        ("\t~40 men", "~40"),
        ("15–20 killed (per military and medical sources)", "15–20"),
    ],
)
def test_parse_quantity_offsets_count_leading_space(text, expected):
    quantity = parse_quantity(text)
    assert text[quantity.start:quantity.end] == expected


# Not ranges of one count: per the comment in numbers._quantity, a right end below the left end
# (`2010-11` years, `6-2` scores) is not a range, and nothing is read from it.
@pytest.mark.parametrize("text", ["the 2010-11 season", "a 6-2 score", "20 or 4"])
def test_descending_pairs_are_not_ranges(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["2010-11", "6-2"])
def test_parse_quantity_refuses_descending_pairs(text):
    assert parse_quantity(text) is None


# The spec: `dozens`, `several dozen`, `numerous`, `heavy losses`, `a large number` are no count.
@pytest.mark.parametrize(
    "text",
    [
        "Dozens killed",
        "dozens of fighters",
        "several dozen soldiers",
        "numerous casualties",
        "heavy losses",
        "a large number of dead",
        "in the 1990s",
        "often",
        "canine units",
        "the tenth day",
    ],
)
def test_no_count(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["someone was killed", "Someone opened fire"])
def test_someone_is_not_a_count(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text", ["", "Unknown", "None", "reinforcements unknown", "Dozens killed"])
def test_parse_quantity_none_without_a_leading_count(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("15", 15),
        ("1,190", 1190),
        ("fifteen", 15),
        ("twenty-eight", 28),
        ("one hundred and fifty", 150),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("Half  a   dozen", 6),
        ("dozens", None),
        ("several", None),
    ],
)
def test_number_value(text, expected):
    assert number_value(text) == expected


def test_quantity_open_ended_property():
    assert Quantity(0, 4, 150, None, False, False).open_ended
    assert not Quantity(0, 3, 150, 150, False, False).open_ended
