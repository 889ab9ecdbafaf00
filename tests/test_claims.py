"""Prose claim extraction (the parse-based frames of `pipeline.frames`), one sentence (or a short
run of sentences) at a time, against a given party table.

Every expectation is decided from shared/spec/record.md ("Figure", "Annotation conventions"),
not from what the code returns; a case the code does not meet yet is kept, marked
`xfail(strict=True)` with the reason, so the rules can be fixed against it.

The sentences are written afresh in the style of conflict articles; none is taken from the
seeds or the corpus. Each expected claim is the tuple
`(category, side, group, low, high, approximate, source)`, in reading order.
"""

from __future__ import annotations

import pytest

from pipeline.frames.claims import sentence_claims
from pipeline.records import Actor
from pipeline.sides import SideBook

# --- side setups ----------------------------------------------------------------------------------

# A state against a jihadist group.
SAHEL = {
    1: ([Actor(name="Mali")], []),
    2: ([Actor(name="Jama'at Nasr al-Islam wal Muslimin", abbreviation="JNIM")], []),
}
# Two armed groups: a separatist movement against a jihadist one.
AZAWAD = {
    1: ([Actor(name="National Movement for the Liberation of Azawad", abbreviation="MNLA")], []),
    2: ([Actor(name="Ansar Dine")], []),
}
# A coalition side (two states) against an insurgency.
AFGHAN = {
    1: ([Actor(name="United States"), Actor(name="Afghanistan")], []),
    2: ([Actor(name="Taliban")], []),
}
# Another state against a jihadist group.
CABO = {
    1: ([Actor(name="Mozambique")], []),
    2: ([Actor(name="Islamic State – Central Africa Province", abbreviation="ISCAP")], []),
}


def figures_of(sentences: list[str], sides: dict, background: bool = False) -> list[list]:
    """The figures of each sentence, run in order through one article's book and memory."""
    return sentence_claims(sentences, SideBook(sides), background)


def claims(sentences: list[str], sides: dict = SAHEL, background: bool = False) -> list[tuple]:
    return [
        (f.category, f.side, f.group, f.low, f.high, f.approximate, f.source)
        for figures in figures_of(sentences, sides, background)
        for f in figures
    ]


# --- the table ------------------------------------------------------------------------------------
# (id, sentences, sides, background, expected, xfail reason or None)

K, W, C, M, P, V = "killed", "wounded", "captured", "missing", "personnel", "vehicles"
CB, CIV, UNK = "combatants", "civilians", "unknown"

CASES: list[tuple] = [
    # --- digits and number words -------------------------------------------------------------------
    ("active-digits",
     ["Militants killed 12 soldiers near the village of Dioura."], SAHEL, False,
     [(K, 1, CB, 12, 12, False, None)], None),
    ("passive-digits",
     ["In the ambush outside Boni, 12 soldiers were killed."], SAHEL, False,
     [(K, 1, CB, 12, 12, False, None)], None),
    ("word-fifteen",
     ["Fifteen jihadists were killed in the counter-attack."], SAHEL, False,
     [(K, 2, CB, 15, 15, False, None)], None),
    ("word-twenty-eight-demonym",
     ["Twenty-eight Malian soldiers were wounded in the assault on the Sévaré airfield."], SAHEL, False,
     [(W, 1, CB, 28, 28, False, None)], None),
    ("a-dozen-hostage",
     ["A dozen gendarmes were taken hostage at the Diafarabé checkpoint."], SAHEL, False,
     [(C, 1, CB, 12, 12, False, None)], None),
    ("injured",
     ["Nineteen soldiers were injured when their truck overturned under fire."], SAHEL, False,
     [(W, 1, CB, 19, 19, False, None)], None),
    ("unaccounted-for",
     ["Four soldiers remain unaccounted for."], SAHEL, False,
     [(M, 1, CB, 4, 4, False, None)], None),
    ("lost-n-men",
     ["The army lost 13 men in the ambush near Mueda."], CABO, False,
     [(K, 1, CB, 13, 13, False, None)], None),
    ("executed",
     ["The jihadists executed five gendarmes at the edge of the village."], SAHEL, False,
     [(K, 1, CB, 5, 5, False, None)], None),
    ("abducted-villagers",
     ["Gunmen abducted eight villagers on the road to Djenné."], SAHEL, False,
     [(C, None, CIV, 8, 8, False, None)], None),
    ("killing-wounding",
     ["A suicide car bomb struck the base, killing 14 soldiers and wounding 30 others."], SAHEL, False,
     [(K, 1, CB, 14, 14, False, None), (W, 1, CB, 30, 30, False, None)], None),
    ("death-toll-rose",
     ["The death toll from the attack on Ancuabe rose to 54, according to the provincial governor."], CABO, False,
     [(K, None, UNK, 54, 54, False, "provincial governor")],
     None),
    # --- ranges ------------------------------------------------------------------------------------
    ("range-between",
     ["Between 58 and 80 jihadists were killed by the helicopter strikes, the army said."], SAHEL, False,
     [(K, 2, CB, 58, 80, False, "army")], None),
    ("range-words-to",
     ["Sixteen to twenty-six soldiers were reported missing after the attack on the Tarkint outpost."], SAHEL, False,
     [(M, 1, CB, 16, 26, False, None)], None),
    ("range-en-dash",
     ["16–28 militants were killed in the strike on the Wagadou forest camp."], SAHEL, False,
     [(K, 2, CB, 16, 28, False, None)], None),
    ("range-approximate-strength",
     ["The insurgents, some 150 to 200 men, entered Quissanga from three directions."], CABO, False,
     [(P, 2, CB, 150, 200, True, None)],
     None),
    # --- open ends ---------------------------------------------------------------------------------
    ("open-more-than",
     ["More than 20 soldiers were killed in the raid on the Kerena post."], SAHEL, False,
     [(K, 1, CB, 20, None, False, None)], None),
    ("open-over-with-source",
     ["The army said over 150 terrorists had been killed during the week-long operation."], SAHEL, False,
     [(K, 2, CB, 150, None, False, "army")], None),
    ("open-at-least-civilians",
     ["At least nine civilians died when a bus struck a roadside bomb near Bandiagara."], SAHEL, False,
     [(K, None, CIV, 9, None, False, None)], None),
    ("open-no-fewer-than",
     ["No fewer than 14 Malian soldiers were captured."], SAHEL, False,
     [(C, 1, CB, 14, None, False, None)], None),
    ("open-plus",
     ["JNIM claimed 150+ soldiers killed in its weekly bulletin."], SAHEL, False,
     [(K, 1, CB, 150, None, False, "JNIM")], None),
    ("open-upwards-of",
     ["The insurgents were driven off after six hours of fighting in which upwards of 40 insurgents were killed."], AFGHAN, False,
     [(K, 2, CB, 40, None, False, None)], None),
    # --- approximations ----------------------------------------------------------------------------
    ("approx-around-words",
     ["Around thirty jihadists were killed in the fighting at Hombori."], SAHEL, False,
     [(K, 2, CB, 30, 30, True, None)], None),
    ("approx-some",
     ["Some 40 soldiers were wounded, most of them lightly."], SAHEL, False,
     [(W, 1, CB, 40, 40, True, None)], None),
    ("approx-an-estimated-strength",
     ["An estimated 200 fighters took part in the assault on the Douentza camp."], SAHEL, False,
     [(P, 2, CB, 200, 200, True, None)],
     None),
    ("approx-about-strength",
     ["Ansar Dine fielded about 500 fighters for the assault on Tin-Essako."], AZAWAD, False,
     [(P, 2, CB, 500, 500, True, None)],
     None),
    ("approx-roughly",
     ["Roughly 60 Taliban fighters were killed in the valley, the district governor said."], AFGHAN, False,
     [(K, 2, CB, 60, 60, True, "district governor")], None),
    # --- zero --------------------------------------------------------------------------------------
    ("zero-none-of-their-men",
     ["The soldiers repelled the attack and none of their men were captured."], SAHEL, False,
     [(C, 1, CB, 0, 0, False, None)], None),
    ("zero-no-losses-own-side",
     ["The army said it suffered no losses."], SAHEL, False,
     [(K, 1, CB, 0, 0, False, "army")],
     None),
    ("zero-none-of-its-own-men",
     ["Ansar Dine said it had captured 14 MNLA fighters and that none of its own men had been killed."], AZAWAD, False,
     [(C, 1, CB, 14, 14, False, "Ansar Dine"), (K, 2, CB, 0, 0, False, "Ansar Dine")],
     None),
    # --- active and passive voice ------------------------------------------------------------------
    ("active-two-verbs-others",
     ["JNIM fighters killed seven soldiers and wounded four others at Dinangourou."], SAHEL, False,
     [(K, 1, CB, 7, 7, False, None), (W, 1, CB, 4, 4, False, None)], None),
    ("active-other-side",
     ["MNLA fighters captured 22 Ansar Dine militants near Tin-Essako."], AZAWAD, False,
     [(C, 2, CB, 22, 22, False, None)], None),
    ("active-coalition-victims",
     ["Taliban fighters killed three Afghan policemen and wounded five others."], AFGHAN, False,
     [(K, 1, CB, 3, 3, False, None), (W, 1, CB, 5, 5, False, None)], None),
    ("active-civilian-victims",
     ["Insurgents killed 11 villagers in Meluco district."], CABO, False,
     [(K, None, CIV, 11, 11, False, None)], None),
    # --- elliptical counts -------------------------------------------------------------------------
    ("ellipsis-and-nine-wounded",
     ["Fourteen soldiers were killed and nine wounded."], SAHEL, False,
     [(K, 1, CB, 14, 14, False, None), (W, 1, CB, 9, 9, False, None)], None),
    ("ellipsis-three-categories",
     ["Three jihadists were killed, two wounded and five captured."], SAHEL, False,
     [(K, 2, CB, 3, 3, False, None), (W, 2, CB, 2, 2, False, None), (C, 2, CB, 5, 5, False, None)], None),
    ("ellipsis-americans",
     ["Two American soldiers were killed and three wounded when their vehicle hit a roadside bomb."], AFGHAN, False,
     [(K, 1, CB, 2, 2, False, None), (W, 1, CB, 3, 3, False, None)], None),
    ("ellipsis-were-arrested",
     ["Mozambican police said 17 ISCAP militants were killed and 4 were arrested in the fighting."], CABO, False,
     [(K, 2, CB, 17, 17, False, "Mozambican police"), (C, 2, CB, 4, 4, False, "Mozambican police")], None),
    # --- two sides, two sources --------------------------------------------------------------------
    ("two-sources-semicolon",
     ["According to the army, 40 soldiers were killed; JNIM claimed 85."], SAHEL, False,
     [(K, 1, CB, 40, 40, False, "army"), (K, 1, CB, 85, 85, False, "JNIM")],
     "bare elliptical count after a claim verb (`JNIM claimed 85`) is dropped"),
    ("two-sources-while",
     ["The Malian army reported 17 jihadists killed, while JNIM said it had lost only four fighters."], SAHEL, False,
     [(K, 2, CB, 17, 17, False, "Malian army"), (K, 2, CB, 4, 4, False, "JNIM")], None),
    ("two-sides-one-sentence",
     ["In the clashes at Ber, nine MNLA fighters and eleven Ansar Dine militants were killed."], AZAWAD, False,
     [(K, 1, CB, 9, 9, False, None), (K, 2, CB, 11, 11, False, None)], None),
    ("two-sources-admitted",
     ["The MNLA admitted the loss of nine men, while Ansar Dine said 31 of its fighters had been killed."], AZAWAD, False,
     [(K, 1, CB, 9, 9, False, "MNLA"), (K, 2, CB, 31, 31, False, "Ansar Dine")],
     None),
    ("according-to-its-fighters",
     ["According to the MNLA, its fighters killed 31 Ansar Dine militants."], AZAWAD, False,
     [(K, 2, CB, 31, 31, False, "MNLA")], None),
    ("claimed-to-have-killed",
     ["ISCAP claimed to have killed 26 Mozambican soldiers, a figure the army denied."], CABO, False,
     [(K, 1, CB, 26, 26, False, "ISCAP")], None),
    ("source-nato",
     ["NATO said 27 Taliban insurgents were killed in the air strikes."], AFGHAN, False,
     [(K, 2, CB, 27, 27, False, "NATO")], None),
    ("source-taliban-coalition",
     ["The Taliban said they had killed 35 American and Afghan soldiers."], AFGHAN, False,
     [(K, 1, CB, 35, 35, False, "Taliban")], None),
    ("source-own-army-missing",
     ["The Afghan army said 8 of its soldiers were missing."], AFGHAN, False,
     [(M, 1, CB, 8, 8, False, "Afghan army")], None),
    # --- the same source, the group, it ------------------------------------------------------------
    ("same-source-next-sentence",
     ["According to the governor of Mopti, 14 soldiers were killed.",
      "The same source said nine soldiers were wounded."], SAHEL, False,
     [(K, 1, CB, 14, 14, False, "governor of Mopti"), (W, 1, CB, 9, 9, False, "governor of Mopti")], None),
    ("it-said-next-sentence",
     ["Ansar Dine claimed the attack on Monday.",
      "It said that 18 MNLA fighters had been taken prisoner."], AZAWAD, False,
     [(C, 1, CB, 18, 18, False, "Ansar Dine")], None),
    # --- quoted statements -------------------------------------------------------------------------
    ("quote-we-lost",
     ['"We lost eleven men and killed more than forty of the enemy," a Malian army spokesman told reporters.'], SAHEL, False,
     [(K, 1, CB, 11, 11, False, "Malian army spokesman"), (K, 2, CB, 40, None, False, "Malian army spokesman")],
     "`We lost N men` gets no side from the speaker; `more than forty of the enemy` is missed"),
    ("quote-across-sentences",
     ['The defence ministry spokesman said: "The terrorists came on motorbikes from the north.',
      'Thirty-one terrorists were killed and our units lost two men."'], SAHEL, False,
     [(K, 2, CB, 31, 31, False, "defence ministry spokesman"), (K, 1, CB, 2, 2, False, "defence ministry spokesman")],
     "`our units` is not resolved to the quoted speaker's side (takes the previous count's side)"),
    # --- own ranks ---------------------------------------------------------------------------------
    ("group-admitted-deaths-in-its-ranks",
     ["JNIM claimed the attack on the Dioungani base in a message on its channels.",
      "The group admitted two deaths in its ranks."], SAHEL, False,
     [(K, 2, CB, 2, 2, False, "JNIM")],
     None),
    ("statement-its-own-fighters",
     ["JNIM said in a statement that three of its own fighters had been killed."], SAHEL, False,
     [(K, 2, CB, 3, 3, False, "JNIM")], None),
    ("spokesman-group-lost",
     ["The Taliban spokesman said the group had lost twelve fighters."], AFGHAN, False,
     [(K, 2, CB, 12, 12, False, "Taliban spokesman")], None),
    ("demonym-in-other-ranks",
     ["Four Malian recruits of JNIM were captured."], SAHEL, False,
     [(C, 2, CB, 4, 4, False, None)], None),
    # --- civilians and people ----------------------------------------------------------------------
    ("civilians-crossfire",
     ["Seven civilians were killed in the crossfire."], SAHEL, False,
     [(K, None, CIV, 7, 7, False, None)], None),
    ("people-at-least",
     ["At least 25 people were wounded when the market was shelled."], SAHEL, False,
     [(W, None, UNK, 25, None, False, None)], None),
    ("total-and-civilian-part",
     ["The attack on the weekly fair killed at least 46 people, 31 of them civilians."], SAHEL, False,
     [(K, None, UNK, 46, None, False, None), (K, None, CIV, 31, 31, False, None)],
     "the part of a total with another group (`31 of them civilians`) is missed"),
    ("people-and-women-children-source",
     ["Afghan officials said 48 people died, including 19 women and children."], AFGHAN, False,
     [(K, None, UNK, 48, 48, False, "Afghan officials"), (K, None, CIV, 19, 19, False, "Afghan officials")],
     None),
    ("workers-missing",
     ["Twenty-one workers of the gas project were unaccounted for after the raid."], CABO, False,
     [(M, None, CIV, 21, 21, False, None)], None),
    # --- strength ----------------------------------------------------------------------------------
    ("strength-patrol-pickups",
     ["A Malian patrol of seventy men on twelve pick-ups was ambushed near Tessit."], SAHEL, False,
     [(P, 1, CB, 70, 70, False, None), (V, 1, CB, 12, 12, False, None)],
     None),
    ("strength-garrison",
     ["The camp at Kerena was held by a garrison of 50 soldiers."], SAHEL, False,
     [(P, 1, CB, 50, 50, False, None)], None),
    ("strength-numbered-open",
     ["The attackers numbered more than 300 and came on motorbikes."], SAHEL, False,
     [(P, 2, CB, 300, None, False, None)], None),
    ("strength-rebels-numbered",
     ["The rebels numbered more than 300 when they entered Léré."], AZAWAD, False,
     [(P, 1, CB, 300, None, False, None)], None),
    ("strength-column-vehicles",
     ["A column of twenty-five Ansar Dine vehicles was spotted heading for Kidal."], AZAWAD, False,
     [(V, 2, CB, 25, 25, False, None)], None),
    ("strength-company-approx",
     ["A company of about 120 Afghan and American troops was sent to relieve the outpost."], AFGHAN, False,
     [(P, 1, CB, 120, 120, True, None)], None),
    ("strength-had-attacked-with-source",
     ["The district police chief said no fewer than 60 insurgents had attacked the checkpoint from three sides."], AFGHAN, False,
     [(P, 2, CB, 60, None, False, "district police chief")],
     None),
    ("strength-force-backed-by-helicopters",
     ["A government force of 400 soldiers backed by six helicopters retook the town."], CABO, False,
     [(P, 1, CB, 400, 400, False, None), (V, 1, CB, 6, 6, False, None)], None),
    ("strength-background-garrison",
     ["At the time, the Nampala camp was garrisoned by about 120 soldiers."], SAHEL, True,
     [(P, 1, CB, 120, 120, True, None)], None),
    # --- traps: earlier events ---------------------------------------------------------------------
    ("trap-background-earlier-attack",
     ["In 2019, an attack on the same camp killed 23 soldiers."], SAHEL, True,
     [], None),
    ("trap-earlier-in-narrative",
     ["The post had already been overrun in January, when 16 soldiers were killed."], SAHEL, False,
     [],
     "an earlier event told outside a Background section (`already … in January, when`) is kept"),
    ("trap-year-earlier-assault",
     ["A similar assault in the same valley a year earlier had cost the lives of 9 American soldiers."], AFGHAN, False,
     [], None),
    # --- traps: breakdowns of a claimed figure -----------------------------------------------------
    ("breakdown-colon",
     ["Six fighters were killed: one by a sniper, two in an air strike and three when their vehicle struck a mine."], SAHEL, False,
     [(K, 2, CB, 6, 6, False, None)], None),
    ("breakdown-of-them",
     ["Eleven soldiers died, four of them in the first blast."], SAHEL, False,
     [(K, 1, CB, 11, 11, False, None)], None),
    # --- traps: numbers that count something else --------------------------------------------------
    ("trap-planes",
     ["The wounded were evacuated to Bamako by two planes."], SAHEL, False,
     [], None),
    ("trap-minutes",
     ["The firefight lasted forty-five minutes."], SAHEL, False,
     [], None),
    ("trap-kilometres",
     ["The convoy was hit 35 kilometres north of Ansongo."], SAHEL, False,
     [], None),
    ("trap-seized-pickups",
     ["The jihadists seized four pick-ups and a large stock of ammunition."], SAHEL, False,
     [], None),
    ("trap-seized-vehicles-crates",
     ["The MNLA said it had seized six vehicles and 40 crates of ammunition."], AZAWAD, False,
     [], None),
    ("trap-vehicles-destroyed",
     ["Nine army vehicles were destroyed in the attack."], SAHEL, False,
     [], None),
    ("trap-helicopters-lost",
     ["US forces lost 3 helicopters during the operation."], AFGHAN, False,
     [], None),
    ("trap-displaced",
     ["More than 2,000 people were displaced by the fighting."], SAHEL, False,
     [], None),
    ("trap-residents-fled",
     ["Some 1,200 residents fled to Pemba by boat."], CABO, False,
     [], None),
    ("trap-per-cent",
     ["Nearly 60 per cent of the town's residents had left."], CABO, False,
     [], None),
    ("trap-ordinal-unit",
     ["Men of the 33rd Parachute Regiment arrived the next morning."], SAHEL, False,
     [], None),
    # --- traps: no count ---------------------------------------------------------------------------
    ("trap-dozens",
     ["Dozens of jihadists were killed."], SAHEL, False,
     [], None),
    ("trap-several-large-number",
     ["Several soldiers were wounded and a large number of attackers were killed."], SAHEL, False,
     [], None),
    ("trap-several-dozen-heavy-losses",
     ["Several dozen militants were captured and the insurgents suffered heavy losses."], SAHEL, False,
     [], None),
    # --- traps: years, dates, times ----------------------------------------------------------------
    ("trap-full-date",
     ["On 14 May 2021, the jihadists attacked again."], SAHEL, False,
     [], None),
    ("trap-year-rebellion",
     ["The 2012 rebellion left the north without a state presence for a decade."], AZAWAD, False,
     [], None),
    ("trap-clock-and-date",
     ["The attack began at 5 a.m. on 12 June."], SAHEL, False,
     [], None),
    ("trap-year-range-times",
     ["During the 2012–2013 conflict, the town changed hands four times."], AZAWAD, False,
     [], None),
    ("trap-years-listed",
     ["The outpost had been attacked twice before, in 2008 and 2009."], AFGHAN, False,
     [], None),
]


def _params():
    for case_id, sentences, sides, background, expected, reason in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        yield pytest.param(sentences, sides, background, expected, id=case_id, marks=marks)


def test_table_is_large_and_ids_unique():
    ids = [case[0] for case in CASES]
    assert len(ids) >= 70
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("sentences, sides, background, expected", list(_params()))
def test_claims(sentences, sides, background, expected):
    assert claims(sentences, sides, background) == expected


@pytest.mark.parametrize("case", CASES, ids=[case[0] for case in CASES])
def test_evidence_slices_back(case):
    """Whatever is found, its evidence is a slice of its sentence (quantulum3-style check)."""
    _id, sentences, sides, background, _expected, _reason = case
    for sentence, figures in zip(sentences, figures_of(sentences, sides, background)):
        for f in figures:
            assert sentence[f.evidence.start:f.evidence.end] == f.evidence.text
            assert f.evidence.text.strip() == f.evidence.text and f.evidence.text
