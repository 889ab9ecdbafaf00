"""The infobox stage (pipeline.infobox): every value shape of the seeds and development articles.

Infobox lines are built with `parse_article` on small article strings, so every offset is a real
offset into an article text and every figure's evidence must slice back out of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.article import article_from_bytes, parse_article, read_article
from pipeline.infobox import (
    infobox_kind,
    parse_belligerents,
    parse_commanders,
    parse_figures,
    read_infobox,
    split_items,
    victory_claimant,
)
from pipeline.names import Definition, find_definitions
from pipeline.records import Actor, Commander

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "corpus" / "dev").glob("*.txt"))

AQIM = Definition("Al-Qaeda in the Islamic Maghreb", "AQIM", ())
MNLA = Definition("National Movement for the Liberation of Azawad", "MNLA", ())
MUJAO = Definition("Movement for Oneness and Jihad in West Africa", "MOJWA", ("MUJAO",))


def build(*lines: str, prose: str = "Prose follows the infobox."):
    """An article with these infobox lines (`Key: value`); returns (article text, infobox lines)."""
    text = "= Test battle =\n\nInfobox\n" + "".join(f"- {line}\n" for line in lines) + "\n" + prose + "\n"
    article = parse_article(text)
    return article.text, article.infobox


def one_line(line: str):
    text, lines = build(line)
    assert len(lines) == 1
    return text, lines[0]


def as_tuple(figure):
    return (
        figure.side,
        figure.group,
        figure.category,
        figure.low,
        figure.high,
        figure.approximate,
        figure.source,
        figure.evidence.text,
    )


def assert_evidence_slices_back(text, figures):
    for figure in figures:
        assert figure.origin == "infobox"
        assert text[figure.evidence.start:figure.evidence.end] == figure.evidence.text, figure


# --- split_items ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [
        ("a, b, c", ["a", "b", "c"]),
        ("1,190+ civilians killed, 2 boats", ["1,190+ civilians killed", "2 boats"]),
        ("40,000 displaced", ["40,000 displaced"]),
        ("15–20 killed (per A, B and C), 9 captured", ["15–20 killed (per A, B and C)", "9 captured"]),
        ('Ansar al-Sunna, "Unidentified group, X" independent of IS', ["Ansar al-Sunna", '"Unidentified group, X" independent of IS']),
        (", ,", []),
        (", Afghanistan,", ["Afghanistan"]),
        ("53, 42 (all fled) , 2", ["53", "42 (all fled)", "2"]),
        ("", []),
        ("1,5", ["1", "5"]),
    ],
)
def test_split_items(value, expected):
    assert [item.text for item in split_items(value, 0)] == expected


@pytest.mark.parametrize(
    "value, separators, expected",
    [
        ("A | B (x | y) | C", "|", ["A", "B (x | y)", "C"]),
        ("A; B, C", ",;", ["A", "B", "C"]),
    ],
)
def test_split_items_other_separators(value, separators, expected):
    assert [item.text for item in split_items(value, 0, separators)] == expected


@pytest.mark.parametrize("start", [0, 7, 120])
def test_split_items_offsets(start):
    value = "  15–20 killed (per A), 9 captured ,  1,190+ dead"
    text = "x" * start + value
    items = split_items(value, start)
    assert [item.text for item in items] == ["15–20 killed (per A)", "9 captured", "1,190+ dead"]
    for item in items:
        assert text[item.start:item.end] == item.text


# --- belligerents --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, definitions, expected",
    [
        ("border|20px Mauritania", [], [("Mauritania", None)]),
        ("Mali", [], [("Mali", None)]),
        ("AQIM", [], [("AQIM", None)]),
        ("AQIM", [AQIM], [("Al-Qaeda in the Islamic Maghreb", "AQIM")]),
        (
            "AQIM and affiliated drug traffickers",
            [AQIM],
            [("Al-Qaeda in the Islamic Maghreb", "AQIM"), ("affiliated drug traffickers", None)],
        ),
        ("AQIM and affiliated drug traffickers", [], [("AQIM", None), ("affiliated drug traffickers", None)]),
        ("Movement for Oneness and Jihad in West Africa", [], [("Movement for Oneness and Jihad in West Africa", None)]),
        ("Movement for Oneness and Jihad in West Africa", [MUJAO], [("Movement for Oneness and Jihad in West Africa", "MOJWA")]),
        ("MUJAO", [MUJAO], [("Movement for Oneness and Jihad in West Africa", "MOJWA")]),
        ("Burkina Faso and Mali", [], [("Burkina Faso", None), ("Mali", None)]),
        ("Mali, Burkina Faso, France (air support only)", [], [("Mali", None), ("Burkina Faso", None), ("France", None)]),
        ("MNLA, CMA (ambush only)", [], [("MNLA", None), ("CMA", None)]),
        ("MNLA, CMA (ambush only)", [MNLA], [("National Movement for the Liberation of Azawad", "MNLA"), ("CMA", None)]),
        ("Islamic State (IS), Non-IS rebels", [], [("Islamic State", "IS"), ("Non-IS rebels", None)]),
        ("Mozambique Defence Armed Forces (FADM)", [], [("Mozambique Defence Armed Forces", "FADM")]),
        (
            "MNLA, AQIM, 25px Ansar Dine",
            [MNLA, AQIM],
            [
                ("National Movement for the Liberation of Azawad", "MNLA"),
                ("Al-Qaeda in the Islamic Maghreb", "AQIM"),
                ("Ansar Dine", None),
            ],
        ),
        ("Mali, 20px Wagner Group (alleged by JNIM)", [], [("Mali", None), ("Wagner Group", None)]),
        (
            "Jama'at Nasr al-Islam wal Muslimin, Islamic State in the Greater Sahara",
            [],
            [("Jama'at Nasr al-Islam wal Muslimin", None), ("Islamic State in the Greater Sahara", None)],
        ),
        ("Ansarul Islam, Jama'at Nasr al-Islam wal Muslimin", [], [("Ansarul Islam", None), ("Jama'at Nasr al-Islam wal Muslimin", None)]),
        ("Nigerien contingent", [], [("Nigerien contingent", None)]),
        ("713th Nomad Company", [], [("713th Nomad Company", None)]),
        ("Malian Army", [], [("Malian Army", None)]),
        (", ,", [], []),
        (", Afghanistan,", [], [("Afghanistan", None)]),
        ("Unknown", [], []),
        ("Mali, Mali", [], [("Mali", None)]),
    ],
)
def test_parse_belligerents(value, definitions, expected):
    actors = parse_belligerents(value, definitions)
    assert [(a.name, a.abbreviation) for a in actors] == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("AQIM and Ansar Dine", [("AQIM", None), ("Ansar Dine", None)]),
        ("Ansar Dine and AQIM", [("Ansar Dine", None), ("AQIM", None)]),
    ],
)
def test_and_with_an_abbreviation_on_either_side_is_two_actors(value, expected):
    assert [(a.name, a.abbreviation) for a in parse_belligerents(value, [])] == expected


# --- commanders ----------------------------------------------------------------------------------


KAMDESH_COMMANDERS = (
    "Gen. Curtis Scaparrotti | Col. Randy George (4-4ID TF Mountain Warrior) | Lt. Col. Robert Brown "
    "(3-61 CAV TF Destroyer) | Cpt. Stoney Portis (B Trp, 3-61 CAV) | 1st Lt. Andrew Bundermann "
    "(B Trp, 3-61 CAV) | Cpt. Agris Liepiņš"
)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("El Kory Ould AhmedKIA", [("El Kory Ould Ahmed", "killed")]),
        ("Hamma Ould Mohamed YahyaPOW", [("Hamma Ould Mohamed Yahya", "captured")]),
        ("Iyad Ag GhalyWIA", [("Iyad Ag Ghaly", "wounded")]),
        ("Iyad Ag Ghaly KIA", [("Iyad Ag Ghaly", "killed")]),
        ("Iyad Ag Ghaly", [("Iyad Ag Ghaly", None)]),
        ("Unknown", []),
        ("unknown", []),
        ("", []),
        (
            "Col. Ag Moussa25px Iyad Ag Ghaly, Abdelkrim al-Targui",
            [("Col. Ag Moussa", None), ("Iyad Ag Ghaly", None), ("Abdelkrim al-Targui", None)],
        ),
        ("Cpt. Sékou Traoré", [("Cpt. Sékou Traoré", None)]),
        (
            "Mokhtar Belmokhtar, Djamel Okacha, Abderrahman al-Nigiri, Abdallahi Ould Hmeida",
            [("Mokhtar Belmokhtar", None), ("Djamel Okacha", None), ("Abderrahman al-Nigiri", None), ("Abdallahi Ould Hmeida", None)],
        ),
        (
            KAMDESH_COMMANDERS,
            [
                ("Gen. Curtis Scaparrotti", None),
                ("Col. Randy George", None),
                ("Lt. Col. Robert Brown", None),
                ("Cpt. Stoney Portis", None),
                ("1st Lt. Andrew Bundermann", None),
                ("Cpt. Agris Liepiņš", None),
            ],
        ),
        (
            "Chongo Vidigal (FADM), Agostinho Muthisse (FADM), Pedro da Silva Negro (FADM), Lionel Dyck (DAG)",
            [("Chongo Vidigal", None), ("Agostinho Muthisse", None), ("Pedro da Silva Negro", None), ("Lionel Dyck", None)],
        ),
        (
            'Bonomade Machude Omar (alias "Ibn Omar"), Abu Yasir Hassan, Unidentified Mozambican, '
            "Tanzanian, and Somali commanders",
            [("Bonomade Machude Omar", None), ("Abu Yasir Hassan", None)],
        ),
        ("Trois-Trois", [("Trois-Trois", None)]),
        ("Assimi Goïta", [("Assimi Goïta", None)]),
        ("border|20px Aboubacar Chapori", [("Aboubacar Chapori", None)]),
    ],
)
def test_parse_commanders(value, expected):
    assert [(c.name, c.fate) for c in parse_commanders(value)] == expected


# --- victory and kind ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mauritanian victory", "Mauritanian"),
        ("GSPC victory", "GSPC"),
        ("AQIM and allied victory", "AQIM and allied"),
        ("MNLA victory", "MNLA"),
        ("JNIM victory", "JNIM"),
        ("Ansar Dine victory", "Ansar Dine"),
        ("Islamic State (ISIS) victory", "Islamic State"),
        ("Decisive French victory", "French"),
        ("Pyrrhic Taliban victory", "Taliban"),
        ("Indecisive", None),
        ("See aftermath", None),
        ("Ongoing", None),
        (
            "Mozambican government retakes Palma, rebels maintain control over its surroundings and "
            "continue to raid the town, Palma is mostly destroyed",
            None,
        ),
    ],
)
def test_victory_claimant(text, expected):
    assert victory_claimant(text) == expected


@pytest.mark.parametrize(
    "keys, expected",
    [
        (["Conflict", "Place", "Date"], "military_conflict"),
        (["Combatant1", "Combatant2"], "military_conflict"),
        (["Casualties1"], "military_conflict"),
        (["Commander1"], "military_conflict"),
        (["Strength2"], "military_conflict"),
        (["Title", "Target", "Perpetrators", "Fatalities"], "civilian_attack"),
        (["Target", "Perpetrator", "Injuries"], "civilian_attack"),
        (["Victims"], "civilian_attack"),
        (["Deaths", "Location"], "civilian_attack"),
        (["Place", "Date"], "other"),
        ([], "other"),
    ],
)
def test_infobox_kind(keys, expected):
    _, lines = build(*(f"{key}: x" for key in keys))
    assert infobox_kind(lines or ()) == expected


# --- figures -------------------------------------------------------------------------------------

C = "combatants"

# (line, kind, side, figures as (side, group, category, low, high, approximate, source, evidence),
#  fragments of the expected warnings — one per warning)
FIGURES = [
    ("Casualties1: 3–4 injured", "casualties", 1, [(1, C, "wounded", 3, 4, False, None, "3–4 injured")], []),
    (
        "Casualties2: 15–20 killed (per military and medical sources), 9 captured, 6 killed (per Mauritanian Army), 2 killed (per AQIM)",
        "casualties",
        2,
        [
            (2, C, "killed", 15, 20, False, "military and medical sources", "15–20 killed (per military and medical sources)"),
            (2, C, "captured", 9, 9, False, None, "9 captured"),
            (2, C, "killed", 6, 6, False, "Mauritanian Army", "6 killed (per Mauritanian Army)"),
            (2, C, "killed", 2, 2, False, "AQIM", "2 killed (per AQIM)"),
        ],
        [],
    ),
    (
        "Casualties1: 17 killed, 35 prisoners, 17 injured",
        "casualties",
        1,
        [
            (1, C, "killed", 17, 17, False, None, "17 killed"),
            (1, C, "captured", 35, 35, False, None, "35 prisoners"),
            (1, C, "wounded", 17, 17, False, None, "17 injured"),
        ],
        [],
    ),
    ("Casualties2: 5–9 killed", "casualties", 2, [(2, C, "killed", 5, 9, False, None, "5–9 killed")], []),
    (
        "Casualties1: 16–28 killed, 3-30 prisoners",
        "casualties",
        1,
        [(1, C, "killed", 16, 28, False, None, "16–28 killed"), (1, C, "captured", 3, 30, False, None, "3-30 prisoners")],
        [],
    ),
    (
        "Casualties1: 5 killed, 3 injured, 2 hostages",
        "casualties",
        1,
        [
            (1, C, "killed", 5, 5, False, None, "5 killed"),
            (1, C, "wounded", 3, 3, False, None, "3 injured"),
            (1, C, "captured", 2, 2, False, None, "2 hostages"),
        ],
        [],
    ),
    (
        "Casualties1: 3 killed, 17 injured, 1 killed, 1 injured",
        "casualties",
        1,
        [
            (1, C, "killed", 3, 3, False, None, "3 killed"),
            (1, C, "wounded", 17, 17, False, None, "17 injured"),
            (1, C, "killed", 1, 1, False, None, "1 killed"),
            (1, C, "wounded", 1, 1, False, None, "1 injured"),
        ],
        [],
    ),
    ("Casualties1: 153 soldiers killed", "casualties", 1, [(1, C, "killed", 153, 153, False, None, "153 soldiers killed")], []),
    (
        "Casualties2: Dozens killed, 40 vehicles destroyed (Malian Army claim)",
        "casualties",
        2,
        [],
        [],  # `dozens` is no count, vehicles destroyed are no claim: neither is a value left unread
    ),
    (
        "Casualties2: 12 killed (Malian Army claim)",
        "casualties",
        2,
        [(2, C, "killed", 12, 12, False, "Malian Army", "12 killed (Malian Army claim)")],
        [],
    ),
    (
        "Casualties1: 40 killed (per Malian government), 85 killed (per JNIM), None",
        "casualties",
        1,
        [
            (1, C, "killed", 40, 40, False, "Malian government", "40 killed (per Malian government)"),
            (1, C, "killed", 85, 85, False, "JNIM", "85 killed (per JNIM)"),
            (1, C, "killed", 0, 0, False, None, "None"),
        ],
        [],
    ),
    ("Casualties2: None", "casualties", 2, [(2, C, "killed", 0, 0, False, None, "None")], []),
    ("Casualties2: none captured", "casualties", 2, [(2, C, "captured", 0, 0, False, None, "none captured")], []),
    ("Casualties2: no losses", "casualties", 2, [(2, C, "killed", 0, 0, False, None, "no losses")], []),
    ("Casualties2: 7", "casualties", 2, [(2, C, "killed", 7, 7, False, None, "7")], []),
    ("Casualties2: 12 men", "casualties", 2, [(2, C, "killed", 12, 12, False, None, "12 men")], []),
    ("Casualties2: 15+ dead", "casualties", 2, [(2, C, "killed", 15, None, False, None, "15+ dead")], []),
    ("Casualties2: 25–82+ killed", "casualties", 2, [(2, C, "killed", 25, None, False, None, "25–82+ killed")], []),
    ("Casualties2: ~30 killed", "casualties", 2, [(2, C, "killed", 30, 30, True, None, "~30 killed")], []),
    ("Casualties2: 2 missing", "casualties", 2, [(2, C, "missing", 2, 2, False, None, "2 missing")], []),
    ("Casualties3: 4 civilians killed", "casualties", None, [(None, "civilians", "killed", 4, 4, False, None, "4 civilians killed")], []),
    ("Casualties1: 4 civilians killed", "casualties", 1, [(None, "civilians", "killed", 4, 4, False, None, "4 civilians killed")], []),
    ("Casualties3: 6 killed", "casualties", None, [(None, "unknown", "killed", 6, 6, False, None, "6 killed")], []),
    (
        "Casualties1: 89+ killed, 6 injured",
        "casualties",
        1,
        [(1, C, "killed", 89, None, False, None, "89+ killed"), (1, C, "wounded", 6, 6, False, None, "6 injured")],
        [],
    ),
    (
        "Casualties1: 8 killed and 27 wounded, 1 later death from PTSD, 10 wounded",
        "casualties",
        1,
        [
            (1, C, "killed", 8, 8, False, None, "8 killed"),
            (1, C, "wounded", 27, 27, False, None, "27 wounded"),
            (1, C, "killed", 1, 1, False, None, "1 later death from PTSD"),
            (1, C, "wounded", 10, 10, False, None, "10 wounded"),
        ],
        [],
    ),
    (
        "Casualties2: 150 wounded or killed (US sources)",
        "casualties",
        2,
        [(2, C, "killed", 150, 150, False, "US sources", "150 wounded or killed (US sources)")],
        [],
    ),
    (
        "Casualties1: 21+ killed (Pinnacle News), 1 helicopter damaged or shot down",
        "casualties",
        1,
        [(1, C, "killed", 21, None, False, "Pinnacle News", "21+ killed (Pinnacle News)")],
        [],  # a helicopter is no casualty and no warning
    ),
    ("Casualties2: Unknown, 2 boats destroyed", "casualties", 2, [], []),
    (
        "Casualties3: 1,190+ civilians killed and 40,000 displaced, 1 cargo ship possibly hijacked",
        "casualties",
        None,
        [(None, "civilians", "killed", 1190, None, False, None, "1,190+ civilians killed")],
        [],  # counts of other things: no claim, no warning
    ),
    (
        "Casualties1: 15–21 killed (per UN and CMA), 20 prisoners (per Ansar Dine)",
        "casualties",
        1,
        [
            (1, C, "killed", 15, 21, False, "UN and CMA", "15–21 killed (per UN and CMA)"),
            (1, C, "captured", 20, 20, False, "Ansar Dine", "20 prisoners (per Ansar Dine)"),
        ],
        [],
    ),
    (
        "Casualties1: 1 killed, 10 captured, 37 defected",
        "casualties",
        1,
        [(1, C, "killed", 1, 1, False, None, "1 killed"), (1, C, "captured", 10, 10, False, None, "10 captured")],
        ["37 defected"],
    ),
    # `Per X:` covers the items after it up to the next `----`
    (
        "Casualties1: Per Malian government:, 40 killed, ----, Per JNIM:, 85 killed",
        "casualties",
        1,
        [
            (1, C, "killed", 40, 40, False, "Malian government", "40 killed"),
            (1, C, "killed", 85, 85, False, "JNIM", "85 killed"),
        ],
        [],
    ),
    (
        "Casualties1: Per the Malian government:, 40 killed, 3 wounded, ----, 12 captured",
        "casualties",
        1,
        [
            (1, C, "killed", 40, 40, False, "Malian government", "40 killed"),
            (1, C, "wounded", 3, 3, False, "Malian government", "3 wounded"),
            (1, C, "captured", 12, 12, False, None, "12 captured"),
        ],
        [],
    ),
    (
        "Casualties1: According to JNIM:, 85 killed, 20 captured",
        "casualties",
        1,
        [(1, C, "killed", 85, 85, False, "JNIM", "85 killed"), (1, C, "captured", 20, 20, False, "JNIM", "20 captured")],
        [],
    ),
    # an attribution standing alone as the last item covers the whole line
    (
        "Casualties1: 40 killed, 12 wounded, (According to Malian Army)",
        "casualties",
        1,
        [
            (1, C, "killed", 40, 40, False, "Malian Army", "40 killed"),
            (1, C, "wounded", 12, 12, False, "Malian Army", "12 wounded"),
        ],
        [],
    ),
    (
        "Casualties1: 40 killed (per JNIM), 12 wounded, (according to the Malian Army)",
        "casualties",
        1,
        [
            (1, C, "killed", 40, 40, False, "JNIM", "40 killed (per JNIM)"),
            (1, C, "wounded", 12, 12, False, "Malian Army", "12 wounded"),
        ],
        [],
    ),
    # `(per X)` glued to an item covers that item only
    (
        "Casualties1: 40 killed (per the Malian Army), 12 wounded",
        "casualties",
        1,
        [(1, C, "killed", 40, 40, False, "Malian Army", "40 killed (per the Malian Army)"), (1, C, "wounded", 12, 12, False, None, "12 wounded")],
        [],
    ),
    # strength
    (
        "Strength1: 52 men, 10 pickups",
        "strength",
        1,
        [(1, C, "personnel", 52, 52, False, None, "52 men"), (1, C, "vehicles", 10, 10, False, None, "10 pickups")],
        [],
    ),
    ("Strength2: 150+ men", "strength", 2, [(2, C, "personnel", 150, None, False, None, "150+ men")], []),
    ("Strength2: ~40 men", "strength", 2, [(2, C, "personnel", 40, 40, True, None, "~40 men")], []),
    (
        "Strength1: 70 men, 12 pick-ups",
        "strength",
        1,
        [(1, C, "personnel", 70, 70, False, None, "70 men"), (1, C, "vehicles", 12, 12, False, None, "12 pick-ups")],
        [],
    ),
    ("Strength1: 17", "strength", 1, [(1, C, "personnel", 17, 17, False, None, "17")], []),
    ("Strength1: 200 soldiers", "strength", 1, [(1, C, "personnel", 200, 200, False, None, "200 soldiers")], []),
    ("Strength2: Unknown", "strength", 2, [], []),
    (
        "Strength2: 20–30 men, 2 pickups, 10 motorcycles",
        "strength",
        2,
        [
            (2, C, "personnel", 20, 30, False, None, "20–30 men"),
            (2, C, "vehicles", 2, 2, False, None, "2 pickups"),
            (2, C, "vehicles", 10, 10, False, None, "10 motorcycles"),
        ],
        [],
    ),
    (
        "Strength1: 120 men initially, reinforcements unknown",
        "strength",
        1,
        [(1, C, "personnel", 120, 120, False, None, "120 men initially")],
        [],
    ),
    (
        "Strength1: 53, 42 (all fled) , 2",
        "strength",
        1,
        [
            (1, C, "personnel", 53, 53, False, None, "53"),
            (1, C, "personnel", 42, 42, False, None, "42 (all fled)"),
            (1, C, "personnel", 2, 2, False, None, "2"),
        ],
        [],
    ),
    ("Strength2: 300", "strength", 2, [(2, C, "personnel", 300, 300, False, None, "300")], []),
    (
        "Strength1: FADM:, Unknown soldiers, 40 DAG-trained policemen, 2 Mil Mi-24s, 1 Mil Mi-17, DAG:, "
        "30 personnel, 3 Aérospatiale Gazelles, 2 Eurocopter AS350 Écureuils, 1 Aérospatiale Alouette III",
        "strength",
        1,
        [
            (1, C, "personnel", 40, 40, False, None, "40 DAG-trained policemen"),
            (1, C, "vehicles", 2, 2, False, None, "2 Mil Mi-24s"),
            (1, C, "vehicles", 1, 1, False, None, "1 Mil Mi-17"),
            (1, C, "personnel", 30, 30, False, None, "30 personnel"),
            (1, C, "vehicles", 3, 3, False, None, "3 Aérospatiale Gazelles"),
            (1, C, "vehicles", 2, 2, False, None, "2 Eurocopter AS350 Écureuils"),
            (1, C, "vehicles", 1, 1, False, None, "1 Aérospatiale Alouette III"),
        ],
        [],
    ),
    (
        "Strength2: 300+, 2 or 4 boats",
        "strength",
        2,
        [(2, C, "personnel", 300, None, False, None, "300+"), (2, C, "vehicles", 2, 4, False, None, "2 or 4 boats")],
        [],
    ),
    ("Strength3: 50 men", "strength", None, [(None, "unknown", "personnel", 50, 50, False, None, "50 men")], []),
]


def _figure_id(param):
    return param[0][:60]


@pytest.mark.parametrize("line, kind, side, expected, warned", FIGURES, ids=[_figure_id(p) for p in FIGURES])
def test_parse_figures(line, kind, side, expected, warned):
    text, infobox_line = one_line(line)
    warnings: list[str] = []
    figures = parse_figures(infobox_line, kind, side, warnings)
    assert [as_tuple(f) for f in figures] == expected
    assert len(warnings) == len(warned), warnings
    for fragment, warning in zip(warned, warnings):
        assert fragment in warning
        assert infobox_line.key in warning
    assert_evidence_slices_back(text, figures)


@pytest.mark.parametrize("line, kind, side, expected, warned", FIGURES, ids=[_figure_id(p) for p in FIGURES])
def test_parse_figures_offsets_survive_crlf(line, kind, side, expected, warned):
    """The same line in a CRLF article with a BOM decodes to the same offsets."""
    text, _ = build(line)
    article = article_from_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    figures = parse_figures(article.infobox[0], kind, side, [])
    assert [as_tuple(f) for f in figures] == expected
    assert_evidence_slices_back(article.text, figures)


def test_glued_source_covers_both_halves_of_an_and_item():
    text, line = one_line("Casualties1: 8 killed and 27 wounded (per Malian Army), 3 captured")
    figures = parse_figures(line, "casualties", 1, [])
    assert [(f.category, f.low, f.source) for f in figures] == [
        ("killed", 8, "Malian Army"),
        ("wounded", 27, "Malian Army"),
        ("captured", 3, None),
    ]
    assert_evidence_slices_back(text, figures)


def test_parse_figures_default_category():
    text, line = one_line("Injuries: 12, 3 people")
    figures = parse_figures(line, "casualties", None, [], "wounded")
    assert [as_tuple(f) for f in figures] == [
        (None, "unknown", "wounded", 12, 12, False, None, "12"),
        (None, "unknown", "wounded", 3, 3, False, None, "3 people"),
    ]
    assert_evidence_slices_back(text, figures)


# --- the stage on whole infoboxes ----------------------------------------------------------------


def facts_of(path: Path):
    article = read_article(path)
    prose = "\n".join(p.text for p in article.paragraphs)
    return article, read_infobox(article.infobox, find_definitions(prose))


def _path(name: str) -> Path:
    return next(p for p in ARTICLES if p.name == name)


def test_seed_bassikounou():
    article, facts = facts_of(_path("000_01a756e160051831.txt"))
    assert facts.kind == "military_conflict"
    assert facts.conflict == "Battle of Bassikounou"
    assert (facts.date.start, facts.date.end, facts.date.precision) == ("2011-07-05", "2011-07-05", "day")
    assert (facts.location.place, facts.location.country_code, facts.location.near) == ("Bassikounou", "MR", True)
    assert facts.part_of is None
    assert facts.result_text == "Mauritanian victory"
    assert facts.side_count == 2
    assert facts.belligerents == {
        1: [Actor(name="Mauritania")],
        2: [Actor(name="Al-Qaeda in the Islamic Maghreb", abbreviation="AQIM")],
    }
    assert facts.commanders == {}
    assert facts.strength == []
    assert [as_tuple(f) for f in facts.casualties] == [
        (1, C, "wounded", 3, 4, False, None, "3–4 injured"),
        (2, C, "killed", 15, 20, False, "military and medical sources", "15–20 killed (per military and medical sources)"),
        (2, C, "captured", 9, 9, False, None, "9 captured"),
        (2, C, "killed", 6, 6, False, "Mauritanian Army", "6 killed (per Mauritanian Army)"),
        (2, C, "killed", 2, 2, False, "AQIM", "2 killed (per AQIM)"),
    ]
    assert facts.warnings == []


def test_seed_lemgheity():
    article, facts = facts_of(_path("001_1b0e47e8800626e0.txt"))
    assert (facts.location.place, facts.location.region, facts.location.country_code) == (
        "Lemgheity barracks", "Tiris Zemmour", "MR",
    )
    assert facts.part_of == "Islamist insurgency in the Sahel"
    assert facts.belligerents == {
        1: [Actor(name="Mauritania")],
        2: [Actor(name="Salafist Group for Preaching and Combat", abbreviation="GSPC")],
    }
    assert facts.commanders == {
        1: [Commander(name="El Kory Ould Ahmed", fate="killed")],
        2: [
            Commander(name="Mokhtar Belmokhtar"),
            Commander(name="Djamel Okacha"),
            Commander(name="Abderrahman al-Nigiri"),
            Commander(name="Abdallahi Ould Hmeida"),
        ],
    }
    assert [as_tuple(f) for f in facts.strength] == [
        (1, C, "personnel", 52, 52, False, None, "52 men"),
        (1, C, "vehicles", 10, 10, False, None, "10 pickups"),
        (2, C, "personnel", 150, None, False, None, "150+ men"),
    ]
    assert [as_tuple(f) for f in facts.casualties] == [
        (1, C, "killed", 17, 17, False, None, "17 killed"),
        (1, C, "captured", 35, 35, False, None, "35 prisoners"),
        (1, C, "wounded", 17, 17, False, None, "17 injured"),
        (2, C, "killed", 5, 9, False, None, "5–9 killed"),
    ]
    assert facts.warnings == []


def test_seed_araouane():
    article, facts = facts_of(_path("002_f1b69d509e21df81.txt"))
    assert facts.result_text == "AQIM and allied victory"
    assert facts.belligerents == {
        1: [Actor(name="Mali")],
        2: [
            Actor(name="Al-Qaeda in the Islamic Maghreb", abbreviation="AQIM"),
            Actor(name="affiliated drug traffickers"),
        ],
    }
    assert facts.commanders == {1: [Commander(name="Hamma Ould Mohamed Yahya", fate="captured")], 2: []}
    assert [as_tuple(f) for f in facts.strength] == [
        (1, C, "personnel", 70, 70, False, None, "70 men"),
        (1, C, "vehicles", 12, 12, False, None, "12 pick-ups"),
        (2, C, "personnel", 40, 40, True, None, "~40 men"),
    ]
    assert [as_tuple(f) for f in facts.casualties] == [
        (1, C, "killed", 16, 28, False, None, "16–28 killed"),
        (1, C, "captured", 3, 30, False, None, "3-30 prisoners"),
        (2, C, "killed", 1, 20, False, None, "1–20 killed"),
    ]
    assert facts.warnings == []


def test_boulikessi_third_casualty_line_is_civilians_without_side():
    _, facts = facts_of(_path("battle-of-boulikessi-2019.txt"))
    assert facts.side_count == 2
    assert [a.name for a in facts.belligerents[1]] == ["Mali", "Burkina Faso", "France"]
    assert (None, "civilians", "killed", 4, 4, False, None, "4 civilians killed") in [as_tuple(f) for f in facts.casualties]
    assert (facts.date.start, facts.date.end) == ("2019-09-29", "2019-10-01")
    assert facts.location.place == "Boulikessi"


def test_chinagodrar_flags_only():
    _, facts = facts_of(_path("battle-of-chinagodrar.txt"))
    assert facts.belligerents[1] == []
    assert 1 in facts.names_lost
    assert facts.part_of == "War in the Sahel and the Islamist insurgency in Niger"


def test_kamdesh_unknown_keys_and_lost_names():
    _, facts = facts_of(_path("battle-of-kamdesh.txt"))
    assert facts.belligerents[1] == [Actor(name="Afghanistan")]
    assert 1 in facts.names_lost
    assert [c.name for c in facts.commanders[1]][:2] == ["Gen. Curtis Scaparrotti", "Col. Randy George"]
    assert facts.warnings == []  # `Map Type`, `Map Label` are not read and not warned about


def test_palma_units_stand_in_for_missing_combatant():
    _, facts = facts_of(_path("battle-of-palma.txt"))
    assert facts.side_count == 2  # Casualties3 is not a side
    assert facts.belligerents[1][:1] == [Actor(name="Mozambique Defence Armed Forces", abbreviation="FADM")]
    assert facts.belligerents[2][0] == Actor(name="Islamic State", abbreviation="IS")
    assert "FADM" in facts.side_aliases[1]
    assert (facts.date.start, facts.date.end) == ("2021-03-24", "2021-04-05")


def test_timbuktu_status_stands_for_result():
    _, facts = facts_of(_path("siege-of-timbuktu.txt"))
    assert facts.result_text == "Ongoing"
    assert facts.date.start == "2023-08-08"
    assert facts.part_of == "Mali War"


@pytest.mark.parametrize("path", [p for p in ARTICLES if read_article(p).infobox is not None], ids=lambda p: p.name)
def test_every_infobox_figure_slices_back(path):
    article, facts = facts_of(path)
    assert_evidence_slices_back(article.text, facts.strength + facts.casualties)
    for figure in facts.strength:
        assert figure.category in ("personnel", "vehicles")
    for figure in facts.casualties:
        assert figure.category in ("killed", "wounded", "captured", "missing")
        assert figure.side is None or 1 <= figure.side <= facts.side_count


# --- civilian attacks, unknown keys, unreadable values -------------------------------------------

CIVILIAN = (
    "Title: 2021 Tillia attack",
    "Location: Tillia, Tahoua Region, Niger",
    "Date: 21 March 2021",
    "Target: Tuareg villagers",
    "Perpetrators: Islamic State in the Greater Sahara (ISGS)",
    "Fatalities: 141",
    "Injuries: 12 civilians",
)


def test_civilian_attack_infobox():
    text, lines = build(*CIVILIAN)
    facts = read_infobox(lines, [])
    assert facts.kind == "civilian_attack"
    assert facts.side_count == 1  # a Target naming only civilians gives no side 2
    assert facts.belligerents[1] == [Actor(name="Islamic State in the Greater Sahara", abbreviation="ISGS")]
    assert facts.belligerents.get(2, []) == []
    assert (facts.date.start, facts.location.place, facts.location.country_code) == ("2021-03-21", "Tillia", "NE")
    assert [(f.category, f.low, f.high, f.origin) for f in facts.casualties] == [
        ("killed", 141, 141, "infobox"),
        ("wounded", 12, 12, "infobox"),
    ]
    assert facts.casualties[1].group == "civilians" and facts.casualties[1].side is None
    assert facts.warnings == []
    assert_evidence_slices_back(text, facts.casualties)


def test_civilian_attack_singular_perpetrator_and_deaths():
    text, lines = build("Target: Market", "Perpetrator: Boko Haram", "Deaths: 30+", "Injured: 4")
    facts = read_infobox(lines, [])
    assert facts.kind == "civilian_attack"
    assert facts.belligerents[1] == [Actor(name="Boko Haram")]
    assert facts.belligerents.get(2, []) == []  # a place is no actor
    assert [(f.category, f.low, f.high) for f in facts.casualties] == [("killed", 30, None), ("wounded", 4, 4)]
    assert_evidence_slices_back(text, facts.casualties)


def test_unknown_keys_are_ignored():
    base = ("Conflict: Battle of X", "Date: July 5, 2011", "Combatant1: Mali", "Combatant2: AQIM", "Casualties1: 3 killed")
    _, plain_lines = build(*base)
    text, extra_lines = build(*base[:2], "Map Type: Mali", "Territory: X captured", "Foo: 12 killed", *base[2:])
    plain, extra = read_infobox(plain_lines, []), read_infobox(extra_lines, [])
    assert extra.warnings == []
    assert (extra.belligerents, extra.date, extra.side_count) == (plain.belligerents, plain.date, plain.side_count)
    assert [as_tuple(f) for f in extra.casualties] == [as_tuple(f) for f in plain.casualties]


@pytest.mark.parametrize("value", ["sometime in the rainy season", "Ongoing", "Unknown"])
def test_unparsable_date_is_a_warning(value):
    _, lines = build("Conflict: Battle of X", f"Date: {value}", "Combatant1: Mali")
    facts = read_infobox(lines, [])
    assert facts.date is None
    assert len(facts.warnings) == 1
    assert "Date" in facts.warnings[0] and value in facts.warnings[0]


def test_empty_date_is_no_warning():
    _, lines = build("Conflict: Battle of X", "Date:", "Combatant1: Mali")
    facts = read_infobox(lines, [])
    assert facts.date is None
    assert facts.warnings == []


def test_line_without_key_is_a_warning():
    _, lines = build("Conflict: Battle of X", "a stray line", "Combatant1: Mali")
    facts = read_infobox(lines, [])
    assert facts.warnings == ["infobox line without a key: 'a stray line'"]


def test_part_of_drops_leading_the():
    _, lines = build("Partof: the Mali War")
    assert read_infobox(lines, []).part_of == "Mali War"


def test_casualty_line_beyond_the_sides_has_no_side():
    text, lines = build("Combatant1: Mali", "Combatant2: AQIM", "Casualties3: 6 killed")
    facts = read_infobox(lines, [])
    assert [as_tuple(f) for f in facts.casualties] == [(None, "unknown", "killed", 6, 6, False, None, "6 killed")]
    assert_evidence_slices_back(text, facts.casualties)
