"""Winners the Result names by initials, by a side's own lines, or by generic words; dates from the lead."""

import pytest

from pipeline.infobox.winner import claimant_side, initials, is_generic
from pipeline.records import Actor
from pipeline import extract


def _article(lines: str, lead: str) -> str:
    return "= Test battle =\n\nInfobox\n" + lines.strip() + "\n\n" + lead + "\n"


@pytest.mark.parametrize(
    "name, short",
    [
        ("Islamic State in the Greater Sahara", "ISGS"),
        ("Libyan National Army", "LNA"),
        ("Donetsk People's Republic", "DPR"),
        ("Islamic State of Iraq and the Levant", "ISIL"),
        ("Jama'at Nasr al-Islam wal Muslimin", "JNIM"),  # Arabic particles carry no letter
    ],
)
def test_initials(name, short):
    assert initials(name) == short


@pytest.mark.parametrize(
    "lines, winner",
    [
        # real infobox lines (Battle of Sirte (2020), Battle of Tessit (2021), Battle of Sirte (2015))
        ("- Result: LNA victory\n- Combatant1: Misrata Brigades\n- Combatant2: Libyan National Army, Battalion 604", 2),
        ("- Combatant1: Mali, France\n- Combatant2: Islamic State in the Greater Sahara\n- Result: ISGS victory", 2),
        ("- Result: Major ISIL victory\n- Combatant1: Libya Shield Force\n- Combatant2: Wilayat Tarabulus\n"
         "- Commander1: General Mohammad al-Ajtal (Army Commander)\n"
         "- Commander2: Abu Nabil al-Anbari (ISIL commander of North Africa)", 2),
        # Second Battle of Fallujah: the coalition is the side of states
        ("- Result: Coalition victory\n- Combatant1: , Iraq,\n"
         "- Combatant2: Al-Qaeda in Iraq, Islamic Army in Iraq, Ansar al-Sunnah", 1),
        # Second Battle of Donetsk Airport: DPR on side 2, Russia its ally
        ("- Result: DPR-Russian victory\n- Combatant2: Donetsk People's Republic, Per Ukraine:, (commanded by Brig. Gen B. Varner)\n"
         "- Commander1: Viktor Muzhenko\n- Units1: Armed Forces of Ukraine", 2),
        ("- Result: Indecisive\n- Combatant1: Mali\n- Combatant2: MNLA", None),
        # flags lost: units on one side, a historical state on the other (Battle of Tannenberg)
        ("- Result: German victory\n- Combatant1: 8th Army\n- Combatant2: Russian Empire", 1),
        ("- Result: Russian victory\n- Combatant1: 58th Army\n- Combatant2: Chechen Republic of Ichkeria", 1),
        # a demonym sharing its stem with a party's name; `U.S.` with its dots
        ("- Result: Kurdish victory\n- Combatant1: Patriotic Union of Kurdistan\n- Combatant2: Kirkuk sleeper cells", 1),
        # no Combatant lines: the Result's party is the side whose Units line names it (Battle of Lashkargah)
        ("- Result: Taliban victory\n- Commander1: Mawlawi Mubarak\n- Commander2: Sami Sadat\n"
         "- Units1: Taliban forces, *Red Unit\n- Units2: Afghan National Army, Afghan National Police", 1),
        ("- Result: U.S. victory\n- Combatant1: United States\n- Combatant2: Fedayeen Saddam", 1),
        ("- Result: Major Iraqi Government victory\n- Combatant1: Iraqi security forces\n- Combatant2: Islamic State", 1),
        ("- Result: Hadi-led government and coalition victory\n- Combatant1: Houthi fighters\n"
         "- Combatant2: Security Forces (pro-Hadi), People's Committees", 2),
        # real infobox lines: 2020 Tarkint attack, Battle of Binh Gia, Battle of Chacabuco, Battle of
        # Nagashino, Battle of Usagre, Battle of Suoi Tre, Battle of Shuja'iyya (2014), Battle of Gingindlovu
        ("- Result: JNIM victory\n- Combatant1: Mali\n- Combatant2: Jama'at Nasr al-Islam wal Muslimin", 2),
        ("- Result: VC/PAVN victory\n- Combatant1: ,\n- Combatant2: Viet Cong, North Vietnam\n"
         "- Commander1: Nguyễn Văn NhoKIA, Franklin P. Eller", 2),
        ("- Result: Victory for the Army of the Andes\n- Combatant1: United Provinces, Chilean patriots\n"
         "- Combatant2: Spain\n- Units1: border|23px Army of the Andes\n- Units2: 43px|border Royal Army of Chile", 1),
        ("- Result: Victory for Oda Nobunaga and Tokugawa Ieyasu. Weakening of the Takeda clan.\n"
         "- Combatant2: Takeda clan\n- Combatant1: Oda clan, Tokugawa clan\n- Commander2: Takeda Katsuyori\n"
         "- Commander1: Oda Nobunaga, Tokugawa Ieyasu", 1),
        ("- Result: Coalition victory\n- Combatant1: French Empire\n"
         "- Combatant2: British Empire, Portuguese Empire, Spanish Empire", 2),
        ("- Result: American victory\n- Combatant2: Viet Cong\n- Commander1: James A. Grimsley\n"
         "- Units1: 2nd Battalion, 12th Infantry Regiment\n- Units2: 272nd Regiment", 1),
        ("- Result: Israeli military victory, Significant damage to the neighborhood\n- Combatant2: 22px|border Hamas\n"
         "- Commander1: Col. Ghassan Alian (WIA)\n- Units1: Golani Brigade\n- Units2: Unknown", 1),
        ("- Result: British victory\n- Combatant2: Zulu Kingdom\n- Commander1: Lord Chelmsford", 1),
        # written for the test: `Islamist` between two armed groups names the jihadist one
        ("- Result: Islamist victory\n- Combatant1: Coordination of Azawad Movements\n"
         "- Combatant2: Movement for Oneness and Jihad in West Africa", 2),
        ("- Result: Islamist victory\n- Combatant1: Coordination of Azawad Movements\n- Combatant2: Ganda Izo", None),
        ("- Result: Decisive victory of the Republic over the rebels\n- Combatant1: Republic of Ruritania\n"
         "- Combatant2: Ruritanian Liberation Front", 1),
    ],
)
def test_winner(lines, winner):
    record = extract(_article(lines, "The battle was fought in 2020."), stages=("infobox",))
    assert record.result.winner == winner


def test_ally_named_with_a_side_does_not_fill_the_empty_side():
    lines = ("- Result: DPR-Russian victory\n- Combatant2: Donetsk People's Republic, Per Ukraine:\n"
             "- Commander1: Viktor Muzhenko\n- Units1: Armed Forces of Ukraine")
    record = extract(_article(lines, "The battle was fought between the Ukrainian military and the DPR."), stages=("infobox",))
    names = {s.side: [a.name for a in s.belligerents] for s in record.sides}
    assert names == {1: ["Ukraine"], 2: ["Donetsk People's Republic"]}


def test_date_from_the_lead_when_there_is_no_date_key():
    record = extract(_article("- Place: Kidal, Mali\n- Combatant1: Mali", "The battle took place on 21 May 2014 in Kidal."),
                     stages=("infobox",))
    assert (record.date.start, record.date.end) == ("2014-05-21", "2014-05-21")


def test_date_key_wins_over_the_lead():
    record = extract(_article("- Date: 3 June 2015\n- Combatant1: Mali", "On 21 May 2014 the town was taken."),
                     stages=("infobox",))
    assert record.date.start == "2015-06-03"


def test_place_without_country_takes_the_lead_country():
    record = extract(_article("- Place: Lashio, Lashio Township\n- Combatant1: State Administration Council",
                              "The battle was fought for Lashio, the largest city of northern Shan State in Myanmar."),
                     stages=("infobox",))
    assert record.location.country_code == "MM"


@pytest.mark.parametrize(
    "name, side",
    [
        ("Rebel", 2),  # Battle of Lashio (2024): the junta's council is side 1
        ("Government", 1),
        ("Coalition", 1),
        ("Insurgent", 2),
        ("Afghan", None),
        ("SAC", 1),  # initials
        ("TBA", 2),
    ],
)
def test_claimant_side(name, side):
    sides = {1: [Actor(name="State Administration Council")], 2: [Actor(name="Three Brotherhood Alliance")]}
    assert claimant_side(name, sides, {1: [], 2: []}) == side


def test_generic_words():
    assert is_generic("Rebel") and is_generic("Government") and not is_generic("Malian")


@pytest.mark.parametrize(
    "value, lead, actors, commanders",
    [
        ("Boko Haram, Abubakar Shekau", "Boko Haram fighters led by Abubakar Shekau attacked the town.",
         ["Boko Haram"], ["Abubakar Shekau"]),
        ("Boko Haram, Abubakar Shekau", "Abubakar Shekau, the group's leader, claimed the attack.",
         ["Boko Haram"], ["Abubakar Shekau"]),
        ("Al-Mourabitoun, Mokhtar Belmokhtar", "Belmokhtar's fighters stormed the hotel.",
         ["Al-Mourabitoun"], ["Mokhtar Belmokhtar"]),
        ("Boko Haram, Abubakar Shekau", "", ["Boko Haram", "Abubakar Shekau"], []),  # nothing says he is a person
        ("Ansar Dine", "Ansar Dine, the group led by Iyad Ag Ghaly, took the town.", ["Ansar Dine"], []),
    ],
)
def test_persons_listed_as_perpetrators(value, lead, actors, commanders):
    from pipeline.infobox.parties import persons_and_actors

    found, persons = persons_and_actors(value, [], lead)
    assert [a.name for a in found] == actors
    assert [c.name for c in persons] == commanders


@pytest.mark.parametrize(
    "value, names",
    [
        ("Police Force and Customs Officials", ["Police Force", "Customs Officials"]),
        ("Movement for Oneness and Jihad in West Africa", ["Movement for Oneness and Jihad in West Africa"]),
        ("Border Guards and Customs Officers", ["Border Guards", "Customs Officers"]),
    ],
)
def test_two_bodies_joined_by_and(value, names):
    from pipeline.infobox.parties import parse_belligerents

    assert [a.name for a in parse_belligerents(value, [])] == names


@pytest.mark.parametrize(
    "lines, sides",
    [
        # the party a Result names goes to the one side without a Combatant entry, before its Units
        ("- Result: American victory\n- Combatant2: Viet Cong\n- Units1: 2nd Battalion, 12th Infantry Regiment",
         {1: ["United States"], 2: ["Viet Cong"]}),
        ("- Result: Israeli military victory\n- Combatant2: Hamas\n- Units1: Golani Brigade", {1: ["Israel"], 2: ["Hamas"]}),
        # `United Kingdom` and `Zulu Kingdom` share a word, not a state
        ("- Result: British victory\n- Combatant2: Zulu Kingdom\n- Commander1: Lord Chelmsford",
         {1: ["United Kingdom"], 2: ["Zulu Kingdom"]}),
        # an entry that names no party (Battle of Wanat: `Units2: No specific units`)
        ("- Combatant1: Mali\n- Combatant2: No specific units", {1: ["Mali"], 2: []}),
        ("- Combatant1: Mali\n- Combatant2: Unknown groups", {1: ["Mali"], 2: []}),
        # an allegiance in brackets keeps two parties apart (Battle of Aden (2015))
        ("- Combatant1: Security Forces (pro-Saleh)\n- Combatant2: Security Forces (pro-Hadi)",
         {1: ["Security Forces (pro-Saleh)"], 2: ["Security Forces (pro-Hadi)"]}),
        # a former state keeps its own name
        ("- Combatant1: Viet Cong\n- Combatant2: South Vietnam, United States", {1: ["Viet Cong"], 2: ["South Vietnam", "United States"]}),
    ],
)
def test_infobox_sides_without_a_lead(lines, sides):
    record = extract("= Test battle =\n\nInfobox\n" + lines + "\n", stages=("infobox",))
    assert {s.side: [a.name for a in s.belligerents] for s in record.sides} == sides


def test_a_side_whose_flags_were_lost_leaves_the_empty_side_to_the_lead():
    """`Combatant1: , Afghanistan`: the United States, which the Result names, may be the lost flag
    of side 1; the lead's event frame then gives each party its side."""
    lines = ("- Result: American victory\n- Combatant1: , Afghanistan\n- Units2: No specific units\n"
             "- Commander2: Sheikh Dost Mohammad")
    lead = "Some 300 Taliban insurgents attacked American soldiers at a small outpost in Nuristan in July 2008."
    record = extract(_article(lines, lead))
    assert {s.side: [a.name for a in s.belligerents] for s in record.sides} == {
        1: ["Afghanistan", "United States"], 2: ["Taliban"]}
    assert record.result.winner == 1


@pytest.mark.parametrize(
    "lead, names",
    [
        ("The battle was fought in the Mekong Delta of South Vietnam between the Viet Cong and ARVN troops.", []),
        ("The battle was fought during the Vietnam War by South Vietnamese and American troops.", ["South Vietnam", "United States"]),
        ("The clash between Mali and Algeria took place near Kidal.", ["Mali", "Algeria"]),
        ("Soviet forces attacked the town in the north of Afghanistan.", ["Soviet Union"]),
    ],
)
def test_lead_parties_leave_out_places_and_war_names(lead, names):
    from pipeline.infobox.rebuild import lead_parties

    assert [a.name for a in lead_parties(lead, [])] == names
