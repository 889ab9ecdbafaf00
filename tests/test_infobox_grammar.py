"""The infobox figure grammar, normaliser, result grammar and party typing on real infobox shapes.

Every value below is an infobox line of a real encyclopedia page (facts, not prose). Also growth
properties: the normaliser and the figure grammar cost time linear in long runs of one character.
"""

from __future__ import annotations


import pytest
from growth import assert_linear  # tests/ is on sys.path under pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.article import InfoboxLine
from pipeline.infobox import entry_type, parse_figures, read_result
from pipeline.infobox.normalise import normalise

C = "combatants"


def figures(value, key="Casualties1", kind="casualties", side=1, **kw):
    warnings: list[str] = []
    found = parse_figures(InfoboxLine(key, value, 10, 10 + len(value)), kind, side, warnings, **kw)
    return [(f.side, f.group, f.category, f.low, f.high, f.approximate, f.source, f.evidence.text) for f in found], warnings


@pytest.mark.parametrize(
    "value, expected",
    [
        ("12 injured ---- Per Mali: 5 killed", [(1, C, "wounded", 12, 12, False, None, "12 injured"),
                                                (1, C, "killed", 5, 5, False, "Mali", "5 killed")]),
        ("U.S claim:, 21–65 killed, 45 wounded", [(1, C, "killed", 21, 65, False, "U.S", "21–65 killed"),
                                                  (1, C, "wounded", 45, 45, False, "U.S", "45 wounded")]),
        ("Other sources:, 30 killed", [(1, C, "killed", 30, 30, False, "Other sources", "30 killed")]),
        ("32 killed (Hezbollah claim)", [(1, C, "killed", 32, 32, False, "Hezbollah", "32 killed (Hezbollah claim)")]),
        ("24+ killed (per Nigeria)", [(1, C, "killed", 24, None, False, "Nigeria", "24+ killed (per Nigeria)")]),
        ("Civilian casualties:, 98 killed (Elman Human Rights Group claim)",
         [(None, "civilians", "killed", 98, 98, False, "Elman Human Rights Group", "98 killed (Elman Human Rights Group claim)")]),
        ("15 civilians dead, Total: 149 killed overall", [(None, "civilians", "killed", 15, 15, False, None, "15 civilians dead"),
                                                          (None, "unknown", "killed", 149, 149, False, None, "149 killed overall")]),
        ("8 killed and 27 wounded", [(1, C, "killed", 8, 8, False, None, "8 killed"), (1, C, "wounded", 27, 27, False, None, "27 wounded")]),
        ("52 dead (at least 27 militants and 22 civilians)", [
            (1, C, "killed", 52, 52, False, None, "52 dead (at least 27 militants and 22 civilians)"),
            (None, "civilians", "killed", 22, 22, False, None, "52 dead (at least 27 militants and 22 civilians)")]),
        ("4,783 surrendered (including 2,000 soldiers)", [(1, C, "captured", 4783, 4783, False, None, "4,783 surrendered (including 2,000 soldiers)")]),
        ("35 killed overall, including 3 Niger fighters, and 41 wounded",
         [(1, C, "killed", 35, 35, False, None, "35 killed overall"), (1, C, "wounded", 41, 41, False, None, "41 wounded")]),
        ("76 in Aynata", [(1, C, "killed", 76, 76, False, None, "76 in Aynata")]),
        ("Approx. 150-200", [(1, C, "killed", 150, 200, True, None, "Approx. 150-200")]),
        ("~31–150 estimated", [(1, C, "killed", 31, 150, True, None, "~31–150 estimated")]),
        ("Some 200 – several hundreds", [(1, C, "killed", 200, None, True, None, "Some 200 – several hundreds")]),
        ("58 soldiers killed, 60 + injured (civilian/military estimate) ---- 1 pilot killed, 1 helicopter lost", [
            (1, C, "killed", 58, 58, False, None, "58 soldiers killed"),
            (1, C, "wounded", 60, None, False, None, "60 + injured (civilian/military estimate)"),
            (1, C, "killed", 1, 1, False, None, "1 pilot killed")]),
        ("1,000s", [(1, C, "killed", 1000, None, True, None, "1,000s")]),
        ("no more than 150", [(1, C, "killed", 150, 150, False, None, "no more than 150")]),
        ("50–150 dead, ~50 vehicles destroyed", [(1, C, "killed", 50, 150, False, None, "50–150 dead")]),
        ("20 killed, 35 injured, 3,000 displaced", [(1, C, "killed", 20, 20, False, None, "20 killed"),
                                                    (1, C, "wounded", 35, 35, False, None, "35 injured")]),
        ("16 killed , 2 wounded", [(1, C, "killed", 16, 16, False, None, "16 killed"), (1, C, "wounded", 2, 2, False, None, "2 wounded")]),
        (":, 1 killed, 4 wounded", [(1, C, "killed", 1, 1, False, None, "1 killed"), (1, C, "wounded", 4, 4, False, None, "4 wounded")]),
        # people nouns the prose lexicon knows, capitalised members of a named force
        ("1 fireman, 2 Army Rangers", [(1, C, "killed", 1, 1, False, None, "1 fireman"),
                                       (1, C, "killed", 2, 2, False, None, "2 Army Rangers")]),
        ("8 Gurkhas", [(1, C, "killed", 8, 8, False, None, "8 Gurkhas")]),
        ("Per Ukraine (as of 2 March):, 47 killed", [(1, C, "killed", 47, 47, False, "Ukraine", "47 killed")]),
        ("Approximately 714", [(1, C, "killed", 714, 714, True, None, "Approximately 714")]),
        (">25,000+ civilians killed", [(None, "civilians", "killed", 25000, None, False, None, ">25,000+ civilians killed")]),
        # real lines: a unit's name as a label (Battle of the Iron Triangle, Battle of Kham Duc,
        # Battle of Vuhledar), body counts (Battle of Nui Le, Battle of Ong Thanh), `X body count:`
        # (Battle of Đồng Xoài), surrender and arrest words (Battle of Ba Gia, Battle of Tabankort),
        # died of wounds (Battle of Yangcun), `as high as` (Battle of Zenta), a count before the means
        # (Battle of Mukalla (2016)), a figure the item split named several categories for
        ("18th Division: 275 killed", [(1, C, "killed", 275, 275, False, None, "275 killed")]),
        ("5th Brigade: 304 killed, 22 wounded", [(1, C, "killed", 304, 304, False, None, "304 killed"),
                                                 (1, C, "wounded", 22, 22, False, None, "22 wounded")]),
        ("ANZAC Claim: 14 bodies recovered", [(1, C, "killed", 14, 14, False, "ANZAC", "14 bodies recovered")]),
        ("Unknown: 22 bodies seen, 2 bodies recovered", [(1, C, "killed", 22, 22, False, None, "22 bodies seen"),
                                                        (1, C, "killed", 2, 2, False, None, "2 bodies recovered")]),
        ("US body count: 300 killed, VC claim: 134 killed", [(1, C, "killed", 300, 300, False, "US", "300 killed"),
                                                             (1, C, "killed", 134, 134, False, "VC", "134 killed")]),
        ("467 surrender", [(1, C, "captured", 467, 467, False, None, "467 surrender")]),
        ("100 apprehended (per Mali)", [(1, C, "captured", 100, 100, False, "Mali", "100 apprehended (per Mali)")]),
        ("15 DOW", [(1, C, "killed", 15, 15, False, None, "15 DOW")]),
        ("≈ as high as 30,000 killed", [(1, C, "killed", 30000, 30000, True, None, "≈ as high as 30,000 killed")]),
        ("4 civilians killed by drone strike", [(None, "civilians", "killed", 4, 4, False, None, "4 civilians killed by drone strike")]),
        ("155th Brigade: ~5,000 killed, wounded or captured, 40th Brigade: 72 killed",
         [(1, C, "killed", 72, 72, False, None, "72 killed")]),
        # a heading over items of their own categories totals several categories: no claim (Battle
        # of Fuentes de Oñoro)
        ("1,452–1,800:, 192–241 killed, 958–1,247 wounded", [(1, C, "killed", 192, 241, False, None, "192–241 killed"),
                                                             (1, C, "wounded", 958, 1247, False, None, "958–1,247 wounded")]),
        ("None (per CMA)<hr> 4 killed (per JNIM)", [(1, C, "killed", 0, 0, False, "CMA", "None (per CMA)"),
                                                   (1, C, "killed", 4, 4, False, "JNIM", "4 killed (per JNIM)")]),
        # counts of other things: no claim and no warning
        ("2 colors, 23 105mm, 43 M48, several M—113s.", []),
        ("13,900 casualties, 7,338 non-battle casualties", []),
        ("1 Harrier crashed, 1 destroyer damaged, 1 snowmobile disabled", []),
        ("248 artillery systems", []),
    ],
)
def test_figure_grammar(value, expected):
    found, warnings = figures(value)
    assert found == expected
    assert warnings == []


@pytest.mark.parametrize(
    "value, key, expected",
    [
        ("20 hostages, 2 gunmen", "Fatalities", [(None, "civilians", "killed", 20, 20), (1, C, "killed", 2, 2)]),
        ("7 and at least two Malian Special Forces", "Injuries", [(None, "unknown", "wounded", 7, 7), (2, C, "wounded", 2, None)]),
        ("21 (including the perpetrator)", "Fatalities", [(None, "unknown", "killed", 21, 21)]),
        # a bomber in a line of deaths is a person, and an attacker (2003 Istanbul bombings, 2005
        # Amman bombings); a label with a name's number (December 2013 Volgograd bombings)
        ("57, 4 bombers", "Fatalities", [(None, "unknown", "killed", 57, 57), (1, C, "killed", 4, 4)]),
        ("60, plus 3 suicide bombers", "Fatalities", [(None, "unknown", "killed", 60, 60), (1, C, "killed", 3, 3)]),
        ("Volgograd-1 station: 18", "Fatalities", [(None, "unknown", "killed", 18, 18)]),
        # a total heading the items after it: they are its breakdown by place (December 2013
        # Volgograd bombings, 2010 Moscow Metro bombings); a part in brackets of another side
        ("32 (+2 perpetrators):, Volgograd-1 station: 18, Trolleybus: 16", "Fatalities",
         [(None, "unknown", "killed", 32, 32), (1, C, "killed", 2, 2)]),
        ("Total 40:, Lubyanka station: 26, Park Kultury station: 14", "Fatalities", [(None, "unknown", "killed", 40, 40)]),
        ("85:, Volgograd-1 station: 44, Trolleybus: 41", "Injuries", [(None, "unknown", "wounded", 85, 85)]),
        ("52 dead (at least 27 militants and 22 civilians)", "Fatalities",
         [(None, "unknown", "killed", 52, 52), (1, C, "killed", 27, None), (None, "civilians", "killed", 22, 22)]),
    ],
)
def test_attack_figures(value, key, expected):
    category = "wounded" if key == "Injuries" else "killed"
    found, _ = figures(value, key=key, side=None, default_category=category, attack=True, key_category=True)
    assert [f[:5] for f in found] == expected


@pytest.mark.parametrize(
    "value, expected",
    [
        ("Strength1: 100 French Special Forces, 4 Gazelle helicopters", [("personnel", 100), ("vehicles", 4)]),
        ("Strength1: 1,000 Malian troops, 400 French troops, 750 Nigerien troops", [("personnel", 1000), ("personnel", 400), ("personnel", 750)]),
        ("Strength1: 16 Embedded Forces", [("personnel", 16)]),
        ("Strength1: 2,350 infantry, 500 cavalry, 20 gunners", [("personnel", 2350), ("personnel", 500), ("personnel", 20)]),
        ("Strength2: 52,000 warriors", [("personnel", 52000)]),
        ("Strength1: 42 x Centurion Mk.VIIs, 168 x M47 Pattons", [("vehicles", 42), ("vehicles", 168)]),
        ("Strength1: 641 soldiers, 3 frigates, 4 fighter-bombers", [("personnel", 641), ("vehicles", 3), ("vehicles", 4)]),
        ("Strength2: Initially 97 tanks", [("vehicles", 97)]),
        ("Strength2: At least two Mi-24s", [("vehicles", 2)]),
        ("Strength2: 300 in the airport garrison", [("personnel", 300)]),
        ("Strength2: 3,000~ (Khamis Brigade)", [("personnel", 3000)]),
        ("Strength1: 70 U.S. 1st SFOD-D members", [("personnel", 70)]),
        ("Strength2: Al-Shabaab: Total size of 3,000 \"hard-core fighters\"", [("personnel", 3000)]),
        # formations and guns are no strength of men or vehicles, and no warning
        ("Strength1: 1 infantry brigade, 2 infantry divisions, 2nd armored division", []),
        ("Strength1: 240 guns, 75 artillery pieces", []),
        ("Strength1: 1 infantry brigade (1,500)", [("personnel", 1500)]),
        ("Strength2: 1 infantry division (15,000–20,000)", [("personnel", 15000)]),
        # real lines: Battle of Kham Duc, Battle of An Loc, Siege of Tessalit, Battle of Mohács,
        # Battle of Haldighati; a type designation alone counts nothing (First Battle of Donetsk Airport)
        ("Strength2: 5th SF Group - 120, 1st Marine Division - 44", [("personnel", 120), ("personnel", 44)]),
        ("Strength2: Task Force 52: 500", [("personnel", 500)]),
        ("Strength1: 300 reinforcements", [("personnel", 300)]),
        ("Strength2: Up to 40,000 mobilised", [("personnel", 40000)]),
        ("Strength1: 400 Bhil archers, ~60,000 janissaries", [("personnel", 400), ("personnel", 60000)]),
        ("Strength1: Su-25, Mi-24", []),
    ],
)
def test_strength_nouns(value, expected):
    key, v = value.split(": ", 1)
    found, warnings = figures(v, key=key, kind="strength")
    assert [(f[2], f[3]) for f in found] == expected and warnings == []


@pytest.mark.parametrize(
    "raw, clean",
    [
        ("border|22px Tom Barry", "Tom Barry"),
        ("25px Iyad Ag Ghaly, Omar Ould Hamaha", "Iyad Ag Ghaly, Omar Ould Hamaha"),
        ("22x20px Mali", "Mali"),
        ("22px|border Hamas", "Hamas"),
        ("File:Flag of Mali.svg, link=Mali, bordure, 20px Mali", "Mali"),
        (", , Ansar Dine", "Ansar Dine"),
        ("Maj. Roi KleinKIA", "Maj. Roi Klein KIA"),
        ("* Armed Forces, ** Al-Mourabitoun", "Armed Forces, Al-Mourabitoun"),
        ("Ben Gardane () | time-begin = 05:00", "Ben Gardane"),
        ("16 killed , 2 wounded", "16 killed, 2 wounded"),
        # real lines: Battle of Inyezane, Battle of Komsomolskoye, Battle of Saint Gotthard (1664)
        ("16–20 woundedsfn, p=43", "16–20 wounded"),
        ("800<hr>Per Russia: 1,500", "800 ---- Per Russia: 1,500"),
        ("8,000–10,000<hr />14,000–22,000", "8,000–10,000 ---- 14,000–22,000"),
        ("3 killed<br />4 wounded", "3 killed, 4 wounded"),
    ],
)
def test_normaliser(raw, clean):
    assert normalise(raw).text == clean


@given(st.text(alphabet=" ,*|()x0123456789px-border:aKIA<h/>sfn=", max_size=80), st.integers(0, 500))
@settings(max_examples=200, deadline=None)
def test_normaliser_never_moves_an_offset(raw, start):
    article = "#" * start + raw
    clean = normalise(raw, start)
    assert len(clean.offsets) == len(clean.text)
    for char, offset in zip(clean.text, clean.offsets):
        # kept characters map to themselves; a separator (`,`, a space, the `----` of an `<hr>`)
        # may stand where markup was taken out
        assert article[offset] == char or char in " ,-"
    assert list(clean.offsets) == sorted(clean.offsets)


@pytest.mark.parametrize(
    "text, claimants, losers",
    [
        ("Mauritanian-Malian victory", ["Mauritanian", "Malian"], []),
        ("Franco-Malian Victory", ["French", "Malian"], []),
        ("Decisive Philippine government victory", ["Philippine government"], []),
        ("Government victory", ["Government"], []),
        ("Israel/Lebanon victory", ["Israel", "Lebanon"], []),
        ("Indecisive", [], []),
        ("Ongoing", [], []),
        ("See aftermath", [], []),
        ("Konna captured by Islamists", ["Islamists"], []),
        ("Israel fails to capture Sultan Yacoub", [], ["Israel"]),
        ("Malian army retakes Konna", ["Malian army"], []),
        ("MNLA forced to withdraw", [], ["MNLA"]),
        ("U.S. victory", ["U.S."], []),
        ("Anti-Gaddafi victory", [], ["Gaddafi"]),
        ("Hadi-led government victory", ["Hadi government"], []),
    ],
)
def test_result_grammar(text, claimants, losers):
    outcome = read_result(text)
    assert (outcome.claimants, outcome.losers) == (claimants, losers)


@pytest.mark.parametrize(
    "entry, kind",
    [
        ("Mali", "state"), ("Brig. Gen. Gal Hirsch", "person"), ("Iyad Ag Ghaly", "person"),
        ("Christian students", "civilians"), ("Banco de Crédito del Perú located in Larco Ave.", "place"),
        ("Shining Path", "organisation"), ("Ansarul Islam", "organisation"), ("Nigerian Army base", "organisation"),
        ("Viet Cong", "organisation"),
        ("Russian Empire", "state"),
        ("Kingdom of Prussia", "state"),
        ("Donetsk People's Republic", "organisation"),
    ],
)
def test_entry_type(entry, kind):
    assert entry_type(entry) == kind


@pytest.mark.parametrize("char", [" ", "=", "-", "1", "(", ")", ",", "|", "*"])
def test_growth_on_long_runs_is_linear(char):
    """Time at 2n against n, on a run of one character between two counts (tests/growth.py)."""
    def run(text):
        normalise(text)
        figures(text)

    assert_linear(run, lambda n: "12 killed " + char * n + " 3 wounded", 20_000, f"normaliser and figures on {char!r}")
