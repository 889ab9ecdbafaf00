"""Unit tables for the pieces of the parse-based prose stage (pipeline/frames, parties, sides)."""

from __future__ import annotations

import pytest

from pipeline.frames.claims import _same_claimant
from pipeline.frames.parse import bounded_pieces, parse_sentences, without_dateline
from pipeline.parties import by_first_mention
from pipeline.records import Actor
from pipeline.sides import SideBook, described_kind


@pytest.mark.parametrize("text, limit", [
    ("short text", 1500),
    ("a, b; c " * 400, 100),
    ("x" * 5000, 700),
    ("word " * 1000, 333),
])
def test_bounded_pieces_rejoin_to_the_text_and_stay_short(text, limit):
    pieces = bounded_pieces(text, 10, limit)
    assert all(len(piece) <= limit for piece, _ in pieces)
    assert all(text[at - 10:at - 10 + len(piece)] == piece for piece, at in pieces)
    assert "".join(piece for piece, _ in pieces).strip() == text.strip()


@pytest.mark.parametrize("sentence, merged", [
    ("Between 25 and 40 soldiers died.", "Between 25 and 40"),
    ("Twenty-eight men were wounded.", "Twenty-eight"),
    ("More than 1,500 troops took part.", "More than 1,500"),
    ("No one was hurt.", "No one"),
    ("No more than 5 soldiers were wounded.", "No more than 5"),
    ("As many as ten assailants attacked.", "As many as ten"),
])
def test_each_count_phrase_is_one_token(sentence, merged):
    (parsed,) = parse_sentences([(sentence, 0)])
    assert merged in [parsed.doc[i].text for i in parsed.quantities]


@pytest.mark.parametrize("text, story", [
    ("KABUL, Afghanistan (June 14) — An Afghan force killed two insurgents.", "An Afghan force killed two insurgents."),
    ("LAGOS, May 7, 2021 – Police said 28 people died.", "Police said 28 people died."),
    ("Police said 28 people died.", "Police said 28 people died."),
])
def test_a_news_dateline_is_left_out(text, story):
    got, offset = without_dateline(text, 100)
    assert got == story and text[offset - 100:] == story


@pytest.mark.parametrize("a, b, same", [
    ("government", "Burkinabe government", True),
    ("Essid", "Prime Minister Habib Essid", True),
    ("army", "army", True),
    ("Yemen", "Yemen Post", False),
    ("UN", "UN official", False),
])
def test_one_claimant_under_two_names(a, b, same):
    assert _same_claimant(a, b) is same


def test_sides_without_infobox_are_numbered_by_first_mention():
    text = "Rebels of the Northern Front attacked soldiers of the Arland Army at dawn."
    sides = {1: [Actor(name="Arland Army")], 2: [Actor(name="Northern Front")]}
    assert by_first_mention(sides, text) == {1: [Actor(name="Northern Front")], 2: [Actor(name="Arland Army")]}


BOOK = SideBook({1: ([Actor(name="Kyrgyzstan")], []), 2: ([Actor(name="Tajikistan")], [])})


@pytest.mark.parametrize("phrase, side", [
    ("Kyrgyz border guards", 1),
    ("six Tajik servicemen", 2),
    ("Uzbek traders", None),
])
def test_demonym_stems_name_a_side(phrase, side):
    assert BOOK.by_name(phrase) == side


def test_roles_point_at_the_one_side_of_their_kind():
    book = SideBook({1: ([Actor(name="Mali")], []), 2: ([Actor(name="Northern Front")], [])})
    assert book.by_role("state") == 1 and book.by_role("group") == 2


@pytest.mark.parametrize("text, kind", [
    ("Fighters of the Northern Front attacked; the rebel Northern Front withdrew.", "group"),
    ("Troops of the Northern Front army held the town; Northern Front troops advanced.", "state"),
    ("Nothing is said of it here.", None),
])
def test_a_sides_kind_comes_from_what_the_article_says(text, kind):
    assert described_kind(text, [Actor(name="Northern Front")]) == kind
