"""Places and countries (pipeline.geo): infobox Place values -> Location; names and demonyms -> Country.

Per the spec's Location: `place` the most specific named place, `region` a named administrative
region between place and country, `country` the English short name, `country_code` ISO 3166-1
alpha-2, `near` when the text says near, outskirts, north of, km from… rather than at.
"""

from __future__ import annotations

import pytest

from pipeline.geo import country_by_demonym, country_by_name, country_mention, fold, parse_location

# (text, (place, region, country, country_code, near))
LOCATIONS = [
    ("near Bassikounou, Mauritania", ("Bassikounou", None, "Mauritania", "MR", True)),
    ("Lemgheity barracks, Tiris Zemmour, Mauritania", ("Lemgheity barracks", "Tiris Zemmour", "Mauritania", "MR", False)),
    ("near Araouane, Mali", ("Araouane", None, "Mali", "ML", True)),
    ("Boulikessi and Mondoro, Mali", ("Boulikessi", None, "Mali", "ML", False)),
    ("Aguelhok, Mali", ("Aguelhok", None, "Mali", "ML", False)),
    ("Indelimane, Ménaka Cercle, Mali", ("Indelimane", "Ménaka Cercle", "Mali", "ML", False)),
    ("Bani-Bangou, Tillaberi Region, Niger", ("Bani-Bangou", "Tillaberi Region", "Niger", "NE", False)),
    ("Kamdesh, Afghanistan", ("Kamdesh", None, "Afghanistan", "AF", False)),
    ("Palma, Cabo Delgado, Mozambique", ("Palma", "Cabo Delgado", "Mozambique", "MZ", False)),
    ("Timbuktu, Mali", ("Timbuktu", None, "Mali", "ML", False)),
    # the forms that say "not at"
    ("on the outskirts of Ménaka, Mali", ("Ménaka", None, "Mali", "ML", True)),
    ("outskirts of Gao, Mali", ("Gao", None, "Mali", "ML", True)),
    ("outside Gao, Mali", ("Gao", None, "Mali", "ML", True)),
    ("close to Kidal, Mali", ("Kidal", None, "Mali", "ML", True)),
    ("north of Kidal, Mali", ("Kidal", None, "Mali", "ML", True)),
    ("northeast of Kidal, Mali", ("Kidal", None, "Mali", "ML", True)),
    ("20 km from Gao, Mali", ("Gao", None, "Mali", "ML", True)),
    ("20 km north of Gao, Mali", ("Gao", None, "Mali", "ML", True)),
    ("15 kilometres from Tessit, Mali", ("Tessit", None, "Mali", "ML", True)),
    ("Near Bassikounou, Mauritania", ("Bassikounou", None, "Mauritania", "MR", True)),
    # a country alone, a place alone
    ("Mali", (None, None, "Mali", "ML", False)),
    ("Bassikounou", ("Bassikounou", None, None, None, False)),
]


@pytest.mark.parametrize("text, expected", LOCATIONS)
def test_parse_location(text, expected):
    location = parse_location(text)
    assert location is not None
    assert (location.place, location.region, location.country, location.country_code, location.near) == expected
    assert location.text == text


def test_parse_location_with_two_administrative_levels():
    # The spec names one region "between place and country"; with a department and a region both
    # given, either level is between them, so only that choice is checked.
    location = parse_location("Chinagodrar, Filingue Department, Tillabéri Region, Niger")
    assert (location.place, location.country, location.country_code, location.near) == (
        "Chinagodrar", "Niger", "NE", False,
    )
    assert location.region in {"Filingue Department", "Tillabéri Region"}


@pytest.mark.parametrize("text", ["", "   ", ",", " , "])
def test_parse_location_empty(text):
    assert parse_location(text) is None


def test_parse_location_trims_stray_commas_and_space():
    location = parse_location("  near Bassikounou, Mauritania, ")
    assert location.text == "near Bassikounou, Mauritania"
    assert location.place == "Bassikounou"


# (word, (code, name)) — demonyms resolve to the state, not to a territory that shares them.
DEMONYMS = [
    ("Malian", ("ML", "Mali")),
    ("Malians", ("ML", "Mali")),
    ("Nigerien", ("NE", "Niger")),
    ("Nigerian", ("NG", "Nigeria")),
    ("Mauritanian", ("MR", "Mauritania")),
    ("American", ("US", "United States")),
    ("Americans", ("US", "United States")),
    ("Burkinabè", ("BF", "Burkina Faso")),
    ("Burkinabe", ("BF", "Burkina Faso")),
    ("French", ("FR", "France")),
    ("british", ("GB", "United Kingdom")),
    ("Algerian", ("DZ", "Algeria")),
    ("Mozambican", ("MZ", "Mozambique")),
    ("Afghan", ("AF", "Afghanistan")),
]


@pytest.mark.parametrize("text, expected", DEMONYMS)
def test_country_by_demonym(text, expected):
    country = country_by_demonym(text)
    assert country is not None, text
    assert (country.code, country.name) == expected


@pytest.mark.parametrize("text", ["Tuareg", "jihadist", "Islamist", "Mali", ""])
def test_country_by_demonym_none(text):
    assert country_by_demonym(text) is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("Mali", "ML"),
        ("Niger", "NE"),
        ("Niger's", "NE"),
        ("Mali’s", "ML"),
        ("Nigeria", "NG"),
        ("Mauritania", "MR"),
        ("Burkina Faso", "BF"),
        ("France", "FR"),
        ("the United States", "US"),
        ("United States", "US"),
        ("US", "US"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("Afghanistan", "AF"),
        ("Mozambique", "MZ"),
        ("  mali  ", "ML"),
    ],
)
def test_country_by_name(text, code):
    country = country_by_name(text)
    assert country is not None, text
    assert country.code == code


@pytest.mark.parametrize("text", ["Bassikounou", "AQIM", "Malian", "Ansar Dine", ""])
def test_country_by_name_none(text):
    assert country_by_name(text) is None


@pytest.mark.parametrize("text, code", [("Mali", "ML"), ("Malian", "ML"), ("French", "FR"), ("Niger's", "NE")])
def test_country_mention_takes_names_and_demonyms(text, code):
    assert country_mention(text).code == code


@pytest.mark.parametrize(
    "text, expected",
    [("Tillabéri", "tillaberi"), ("  Burkinabè  ", "burkinabe"), ("Ménaka\tCercle", "menaka cercle"), ("MALI", "mali")],
)
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    "text, name, code",
    [
        ("South Vietnam", "South Vietnam", "VN"),
        ("South Vietnamese", "South Vietnam", "VN"),
        ("North Vietnamese", "North Vietnam", "VN"),
        ("Soviet", "Soviet Union", "RU"),
        ("USSR", "Soviet Union", "RU"),
        ("Rhodesian", "Rhodesia", "ZW"),
        ("Kingdom of Iraq", "Kingdom of Iraq", "IQ"),
        ("British Mandate of Palestine", "Mandatory Palestine", "PS"),
        ("Vietnamese", "Vietnam", "VN"),
    ],
)
def test_a_former_state_keeps_its_name_with_the_present_code(text, name, code):
    """An actor `South Vietnam` is not `Vietnam`; its place still has the code of the state
    that holds the territory now."""
    country = country_mention(text)
    assert (country.name, country.code) == (name, code)
