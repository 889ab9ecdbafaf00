"""Dates (pipeline.dates): infobox Date values and the lead sentence's date -> DateSpan.

Per the spec's DateSpan: `text` as written, `start`/`end` ISO 8601 at the precision known,
`end` equal to `start` for one day, precision `day`, `month` or `year`.
"""

from __future__ import annotations


import pytest

from pipeline.dates import find_date, parse_date

# (text, (span text, start, end, precision)); None when the text holds no usable date.
PARSE_DATE = [
    ("July 5, 2011", ("July 5, 2011", "2011-07-05", "2011-07-05", "day")),
    ("June 4, 2005", ("June 4, 2005", "2005-06-04", "2005-06-04", "day")),
    ("9 January 2020", ("9 January 2020", "2020-01-09", "2020-01-09", "day")),
    ("17–25 January 2012, ()", ("17–25 January 2012", "2012-01-17", "2012-01-25", "day")),
    ("7–8 February 2012", ("7–8 February 2012", "2012-02-07", "2012-02-08", "day")),
    (
        "September 29 – October 1, 2019",
        ("September 29 – October 1, 2019", "2019-09-29", "2019-10-01", "day"),
    ),
    ("24 March – 5 April 2021, ()", ("24 March – 5 April 2021", "2021-03-24", "2021-04-05", "day")),
    ("2023-08-08", ("2023-08-08", "2023-08-08", "2023-08-08", "day")),
    ("December 24–25, 2015", ("December 24–25, 2015", "2015-12-24", "2015-12-25", "day")),
    ("September 14–15, 2008", ("September 14–15, 2008", "2008-09-14", "2008-09-15", "day")),
    ("25–27 July 2024", ("25–27 July 2024", "2024-07-25", "2024-07-27", "day")),
    ("30 September to 1 October 2019", ("30 September to 1 October 2019", "2019-09-30", "2019-10-01", "day")),
    ("March 2012", ("March 2012", "2012-03", "2012-03", "month")),
    ("2011", ("2011", "2011", "2011", "year")),
    ("Ongoing", None),
    ("", None),
    ("Unknown", None),
    ("sometime in the rainy season", None),
]


@pytest.mark.parametrize("text, expected", PARSE_DATE)
def test_parse_date(text, expected):
    span = parse_date(text)
    if expected is None:
        assert span is None
        return
    assert span is not None, text
    assert (span.text, span.start, span.end, span.precision) == expected


@pytest.mark.parametrize("text, expected", [t for t in PARSE_DATE if t[1] is not None])
def test_parse_date_text_is_as_written(text, expected):
    span = parse_date(text)
    assert span.text in text


@pytest.mark.parametrize(
    "text, base_year, expected",
    [
        ("26 August", 2019, ("26 August", "2019-08-26", "2019-08-26", "day")),
        ("August 26", 2019, ("August 26", "2019-08-26", "2019-08-26", "day")),
        ("14–15 September", 2008, ("14–15 September", "2008-09-14", "2008-09-15", "day")),
        # a year written in the text wins over the base year
        ("July 5, 2011", 1999, ("July 5, 2011", "2011-07-05", "2011-07-05", "day")),
    ],
)
def test_parse_date_base_year_completes_a_date_without_year(text, base_year, expected):
    span = parse_date(text, base_year)
    assert (span.text, span.start, span.end, span.precision) == expected


# Lead sentences of the seeds and development articles, with the base year the prose stage uses
# (the first year in title + lead). (sentence, base_year, (start, end, precision), phrase ending)
LEADS = [
    (
        "On July 5, 2011, clashes broke out between Al-Qaeda in the Islamic Maghreb (AQIM) and "
        "Mauritanian forces in Bassikounou, Mauritania.",
        2011,
        ("2011-07-05", "2011-07-05", "day"),
        "July 5, 2011",
    ),
    (
        "The Battle of Akabar was fought on April 1, 2018, at Akabar in the Menaka Cercle of Mali.",
        2018,
        ("2018-04-01", "2018-04-01", "day"),
        "April 1, 2018",
    ),
    (
        "The Battle of Boulikessi was a jihadist offensive against two Malian army positions, at "
        "Boulikessi and at Mondoro, fought from 30 September to 1 October 2019.",
        2019,
        ("2019-09-30", "2019-10-01", "day"),
        "30 September to 1 October 2019",
    ),
    (
        "The Battle of Talahandak was fought on December 24–25, 2015, at Talahandak in Mali.",
        2015,
        ("2015-12-24", "2015-12-25", "day"),
        "December 24–25, 2015",
    ),
    (
        "The Battle of Tinzaouaten was fought on 7–8 February 2012, during the Tuareg rebellion.",
        2012,
        ("2012-02-07", "2012-02-08", "day"),
        "7–8 February 2012",
    ),
    (
        "The Battle of Kamdesh was an attack by 300 Taliban fighters on Combat Outpost (COP) Keating, "
        "an American position close to Kamdesh, on October 3, 2009, during the War in Afghanistan.",
        2009,
        ("2009-10-03", "2009-10-03", "day"),
        "October 3, 2009",
    ),
    (
        "The Battle of Palma (or Battle for Palma) took place between 24 March and 5 April 2021, "
        "when government forces and insurgents contested the town of Palma.",
        2021,
        ("2021-03-24", "2021-04-05", "day"),
        "24 March and 5 April 2021",
    ),
    (
        "The Siege of Timbuktu is a blockade of the Malian city of Timbuktu, enforced since "
        "8 August 2023 by the jihadist alliance JNIM.",
        2023,
        ("2023-08-08", "2023-08-08", "day"),
        "8 August 2023",
    ),
    (
        "On 26 August, militants attacked the camp.",
        2019,
        ("2019-08-26", "2019-08-26", "day"),
        "26 August",
    ),
    (
        "The 2016 Bani Bangou attack was a raid on a Nigerien army post in Bani-Bangou, carried out "
        "on November 8, 2016, by fighters of the Islamic State in the Greater Sahara (ISGS).",
        2016,
        ("2016-11-08", "2016-11-08", "day"),
        "November 8, 2016",
    ),
    (
        "The 2017 Indelimane ambush was an attack carried out on November 24, 2017, by fighters of "
        "Jama'at Nasr al-Islam wal Muslimin (JNIM).",
        2017,
        ("2017-11-24", "2017-11-24", "day"),
        "November 24, 2017",
    ),
]

@pytest.mark.parametrize("text, base_year, expected, phrase", LEADS, ids=[lead[3] for lead in LEADS])
def test_find_date_in_lead(text, base_year, expected, phrase):
    found = find_date(text, base_year)
    assert found is not None
    span, start, end = found
    assert (span.start, span.end, span.precision) == expected
    assert text[start:end] == span.text
    assert span.text.endswith(phrase)


@pytest.mark.parametrize(
    "text",
    [
        "December 24–25, 2015, at Talahandak in Mali.",
        "December 24–25, 2015 at Talahandak",
    ],
)
def test_parse_date_month_day_range_followed_by_prose(text):
    span = parse_date(text)
    assert span is not None
    assert (span.text, span.start, span.end) == ("December 24–25, 2015", "2015-12-24", "2015-12-25")


@pytest.mark.parametrize(
    "text",
    [
        "Militants attacked the camp at dawn.",
        "The attack killed 15 soldiers and 300 fighters took part.",
        "",
    ],
)
def test_find_date_none_without_a_date(text):
    assert find_date(text, 2019) is None
