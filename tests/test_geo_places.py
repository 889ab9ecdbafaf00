"""Places and countries as real infobox Place lines and leads write them."""

import pytest

from pipeline.geo import countries_in_place, country_in_text, parse_location


@pytest.mark.parametrize(
    "text, place, code",
    [
        ("Southern Lebanon", None, "LB"),
        ("in the Solomon Islands", None, "SB"),
        ("West Bank", None, "PS"),
        ("Gaza Strip", None, "PS"),
        ("China–Myanmar border", "China–Myanmar border", "CN"),
        ("Ấp Bắc, Châu Thành, Định Tường Province, South Vietnam", "Ấp Bắc", "VN"),
        ("Jerusalem, Mandatory Palestine", "Jerusalem", "PS"),
        ("Bangui, central African Republic", "Bangui", "CF"),
        ("Goma, Democratic Republic of Congo", "Goma", "CD"),
        ("Kinshasa, DRC", "Kinshasa", "CD"),
        ("Near Sultan Yacoub, Bekaa Lebanon", "Sultan Yacoub", "LB"),
        ("Kidal, Mali", "Kidal", "ML"),
        ("near Bassikounou, Mauritania", "Bassikounou", "MR"),
        ("Mali", None, "ML"),
        ("northern Mali", None, "ML"),
        ("Salisbury, Rhodesia", "Salisbury", "ZW"),
        ("Ramadi, Anbar Governorate, Iraq", "Ramadi", "IQ"),
        ("Lashio, Lashio Township", "Lashio", None),
    ],
)
def test_place_line_country(text, place, code):
    location = parse_location(text)
    assert location.place == place
    assert location.country_code == code


@pytest.mark.parametrize(
    "text, codes",
    [
        ("China–Myanmar border", ["CN", "MM"]),
        ("Lebanon–Israel border", ["LB", "IL"]),
        ("Mali-Niger border", ["ML", "NE"]),
        ("Eastern Chad", ["TD"]),
        ("Lashio Township", []),
        ("Azawad", []),
    ],
)
def test_countries_in_place(text, codes):
    assert [c.code for c in countries_in_place(text)] == codes


@pytest.mark.parametrize(
    "lead, code",
    [
        ("The Battle of Lashio was fought for Lashio, the largest city of northern Shan State in Myanmar.", "MM"),
        ("The Battle of Kunduz occurred on 3 October 2016 in the Afghan city of Kunduz between Afghan forces.", "AF"),
        ("The battle took place in the Central African Republic in 2021.", "CF"),
        ("Fighters of the Lebanese movement slipped across the border into Israel.", "IL"),
        ("A Malian militia attacked the camp.", None),
        ("", None),
    ],
)
def test_country_in_text(lead, code):
    found = country_in_text(lead)
    assert (found.code if found else None) == code


def test_place_without_country_takes_the_lead():
    lead = "The Battle of Lashio was fought for Lashio, the largest city of northern Shan State in Myanmar."
    location = parse_location("Lashio, Lashio Township", context=lead)
    assert (location.place, location.region, location.country_code) == ("Lashio", "Lashio Township", "MM")


def test_border_of_two_takes_the_one_the_lead_names():
    lead = "Hezbollah fighters slipped across the border into Israel and ambushed a patrol."
    assert parse_location("Lebanon–Israel border", context=lead).country_code == "IL"
    assert parse_location("Lebanon–Israel border").country_code == "LB"


def test_place_with_country_ignores_the_lead():
    assert parse_location("Kidal, Mali", context="Troops from Niger arrived.").country_code == "ML"
