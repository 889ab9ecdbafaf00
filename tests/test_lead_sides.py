"""Sides of an article with no infobox, from its lead: the event frame and the kinds of the parties.

Each case is a title and a lead paragraph written for the test (no article's wording), and the
sides the record must give, numbered in order of first mention (the record contract for articles
with no infobox). Parties are compared by the shared name rule.
"""

from __future__ import annotations

import pytest

from pipeline import extract
from pipeline.names import names_match

CASES = [
    # `between X and Y`, wherever the parser hangs `between` (here on `the night of …`)
    ("between_night", "Battle of Kel Tadak",
     "The Battle of Kel Tadak was fought on the night of 4–5 May 2016 between the Chadian Army and the "
     "Union of Resistance Forces near Kel Tadak, a village in the north.",
     {1: ["Chadian Army"], 2: ["Union of Resistance Forces"]}),
    # a coordinated second party is not part of the first, even with a clause hung on the first
    ("between_relative", "Battle of Phu Tan",
     "The battle was fought in 1964 between Viet Cong guerrillas and the Army of the Republic of Vietnam "
     "(ARVN), which was backed by American advisers.",
     {1: ["Viet Cong"], 2: ["Army of the Republic of Vietnam"]}),
    # a light verb with an event noun: the subject launched it
    ("light_verb", "Battle of Ouandago",
     "On 9 March 2022 fighters of the Patriotic Movement for Central Africa (MPC) launched an "
     "assault on Ouandago. The town's defenders were troops of the Central African Armed Forces (FACA).",
     {1: ["Patriotic Movement for Central Africa"], 2: ["Central African Armed Forces"]}),
    # role nouns: the assailants belong to X; they were driven off by Y
    ("role_nouns", "2019 Djibo raid",
     "The 2019 Djibo raid was a night attack on a police station in Djibo. The assailants, thought to "
     "belong to Ansarul Islam, were driven off by officers of the National Police of Burkina Faso.",
     {1: ["Ansarul Islam"], 2: ["National Police of Burkina Faso"]}),
    # no frame names both: the lead's states and armed groups make the two sides
    ("by_kind", "Siege of Kanama hotel",
     "Gunmen who pledged allegiance to the Islamic State took about forty guests hostage at a hotel in "
     "Kanama on 3 June 2019. Kenyan special forces ended the siege the following morning.",
     {1: ["Islamic State"], 2: ["Kenya"]}),
    # only the attacked are named: they still make a side
    ("patient_only", "Tin-Akof ambush",
     "Unidentified gunmen ambushed a convoy of Nigerien soldiers near Tin-Akof on 10 August 2021.",
     {1: ["Niger"]}),
    # a place is no party: the hotel, the city
    ("places", "Assault on the Sahel Palace hotel",
     "Militants of Al-Mourabitoun stormed the Sahel Palace hotel in Gao on 2 February 2017. Malian "
     "troops retook the building by nightfall.",
     {1: ["Al-Mourabitoun"], 2: ["Mali"]}),
]


def _names(record) -> dict[int, list[str]]:
    return {s.side: [a.name for a in s.belligerents] for s in record.sides}


def _same_sides(got: dict[int, list[str]], want: dict[int, list[str]]) -> bool:
    if sorted(got) != sorted(want):
        return False
    for number, names in want.items():
        have = got[number]
        if len(have) != len(names) or not all(any(names_match(h, n) for h in have) for n in names):
            return False
    return True


@pytest.mark.parametrize("case_id, title, lead, sides", CASES, ids=[c[0] for c in CASES])
def test_sides_from_the_lead(case_id, title, lead, sides):
    record = extract(f"= {title} =\n\n{lead}\n")
    assert _same_sides(_names(record), sides), f"{case_id}: got {_names(record)}, want {sides}"
