"""Reading an article (pipeline.article): decoding bytes as the spec defines the article text,
then title, infobox lines with value offsets, and prose paragraphs with their sections."""

from __future__ import annotations

import hashlib

import pytest

from pipeline.article import ArticleError, article_from_bytes, decode, parse_article, read_article

ARTICLE = """= Battle of Bassikounou =

Infobox
- Conflict: Battle of Bassikounou
- Place: near Bassikounou, Mauritania
- Date: July 5, 2011
- Combatant1: border|20px Mauritania
- Casualties2:   15–20 killed (per military and medical sources), 9 captured  
- Strength2:
- a line without a key
- Map Label: Bassikounou: town

On July 5, 2011, clashes broke out between Al-Qaeda in the Islamic Maghreb (AQIM) and
Mauritanian forces in Bassikounou, Mauritania.

A second lead paragraph.

== Background ==
AQIM had attacked before.

=== Earlier raids ===
Fifteen jihadists were killed in 2010.

== Aftermath ==

The army said six were killed.
"""


# --- decode --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"= T =\nabc", "= T =\nabc"),
        (b"\xef\xbb\xbf= T =\nabc", "= T =\nabc"),
        (b"= T =\r\nabc\r\n", "= T =\nabc\n"),
        (b"= T =\rabc\r", "= T =\nabc\n"),
        (b"= T =\r\n\r\nabc\rdef\n", "= T =\n\nabc\ndef\n"),
        (b"\xef\xbb\xbf= T =\r\n\xc3\xa9", "= T =\né"),
        ("= Tillabéri – Niger =".encode(), "= Tillabéri – Niger ="),
        (b"", ""),
    ],
)
def test_decode(data, expected):
    assert decode(data) == expected


def test_only_a_leading_bom_is_dropped():
    assert decode(b"a\xef\xbb\xbfb") == "a\ufeffb"


@pytest.mark.parametrize(
    "data, byte, offset",
    [
        (b"= T =\n\xff", "0xff", 6),
        (b"\xc3(", "0xc3", 0),
        (b"= Caf\xe9 =", "0xe9", 5),
        (b"\xef\xbb\xbf= T =\x80", "0x80", 5),  # offset counted after the BOM is dropped
    ],
)
def test_decode_invalid_utf8_names_the_byte(data, byte, offset):
    with pytest.raises(ArticleError) as info:
        decode(data)
    assert byte in str(info.value)
    assert f"offset {offset}" in str(info.value)
    assert "UTF-8" in str(info.value)


@pytest.mark.parametrize("data", [b"= T =\x00\n", b"\x00", b"\xef\xbb\xbf= T =\r\n\x00abc"])
def test_decode_nul_is_binary(data):
    with pytest.raises(ArticleError, match="NUL"):
        decode(data)


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_crlf_and_cr_give_the_lf_offsets(newline):
    lf_bytes = ARTICLE.encode("utf-8")
    other_bytes = b"\xef\xbb\xbf" + lf_bytes.replace(b"\n", newline)
    lf = article_from_bytes(lf_bytes)
    other = article_from_bytes(other_bytes)
    assert other.text == lf.text
    assert other.infobox == lf.infobox
    assert other.paragraphs == lf.paragraphs
    assert other.title == lf.title
    # the digest is of the input bytes, so the twins differ there
    assert other.sha256 == hashlib.sha256(other_bytes).hexdigest()
    assert lf.sha256 == hashlib.sha256(lf_bytes).hexdigest()


# --- parse_article -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def article():
    return parse_article(ARTICLE)


def test_title(article):
    assert article.title == "Battle of Bassikounou"


# (key, value) in order; the value is stripped, and `text[start:end] == value`.
INFOBOX = [
    ("Conflict", "Battle of Bassikounou"),
    ("Place", "near Bassikounou, Mauritania"),
    ("Date", "July 5, 2011"),
    ("Combatant1", "border|20px Mauritania"),
    ("Casualties2", "15–20 killed (per military and medical sources), 9 captured"),
    ("Strength2", ""),
    ("", "a line without a key"),
    ("Map Label", "Bassikounou: town"),
]


def test_infobox_lines(article):
    assert [(line.key, line.value) for line in article.infobox] == INFOBOX


@pytest.mark.parametrize("index", range(len(INFOBOX)), ids=[k or "<no key>" for k, _ in INFOBOX])
def test_infobox_value_slices_back(article, index):
    line = article.infobox[index]
    assert article.text[line.start:line.end] == line.value


def test_key_without_colon_keeps_the_whole_body(article):
    line = article.infobox[6]
    assert line.key == ""
    assert line.value == "a line without a key"
    assert article.text[line.start - 2:line.start] == "- "


def test_empty_value_is_an_empty_span(article):
    line = article.infobox[5]
    assert line.value == ""
    assert line.start == line.end


def test_paragraphs_and_sections(article):
    got = [(p.section, p.text) for p in article.paragraphs]
    assert got == [
        (
            None,
            "On July 5, 2011, clashes broke out between Al-Qaeda in the Islamic Maghreb (AQIM) and\n"
            "Mauritanian forces in Bassikounou, Mauritania.",
        ),
        (None, "A second lead paragraph."),
        ("Background", "AQIM had attacked before."),
        ("Earlier raids", "Fifteen jihadists were killed in 2010."),
        ("Aftermath", "The army said six were killed."),
    ]


def test_paragraphs_slice_back(article):
    for paragraph in article.paragraphs:
        assert article.text[paragraph.start:paragraph.end] == paragraph.text


def test_lead_is_the_first_paragraph_before_any_heading(article):
    assert article.lead is article.paragraphs[0]


def test_sha256_of_text_when_parsed_from_text(article):
    assert article.sha256 == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    assert article.path is None


@pytest.mark.parametrize(
    "text, title",
    [
        ("= Battle of Araouane (2009) =\n", "Battle of Araouane (2009)"),
        ("\n\n= Lemgheity attack =\nText.", "Lemgheity attack"),
        ("=Siege of Timbuktu=", "Siege of Timbuktu"),
        ("  = Battle of Palma =  \n", "Battle of Palma"),
    ],
)
def test_title_forms(text, title):
    assert parse_article(text).title == title


def test_no_infobox():
    article = parse_article("= Battle of Akabar =\n\nThe Battle of Akabar was fought on April 1, 2018.\n")
    assert article.infobox is None
    assert [(p.section, p.text) for p in article.paragraphs] == [
        (None, "The Battle of Akabar was fought on April 1, 2018.")
    ]


def test_infobox_heading_without_items_is_an_empty_infobox():
    article = parse_article("= T =\n\nInfobox\n\nProse.\n")
    assert article.infobox == ()
    assert [p.text for p in article.paragraphs] == ["Prose."]


def test_title_only():
    article = parse_article("= Battle of Akabar =\n")
    assert article.title == "Battle of Akabar"
    assert article.infobox is None
    assert article.paragraphs == ()
    assert article.lead is None


def test_section_without_lead():
    article = parse_article("= T =\n\n== Background ==\nSome text.\n")
    assert article.lead is None
    assert [(p.section, p.text) for p in article.paragraphs] == [("Background", "Some text.")]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", " \t\n "])
def test_empty_is_an_error(text):
    with pytest.raises(ArticleError, match="empty"):
        parse_article(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Battle of Akabar was fought in 2018.",
        "== Background ==\nText.",
        "Infobox\n- Conflict: X",
        "= =\nText.",
        "= Title\nText.",
    ],
)
def test_no_title_is_an_error(text):
    with pytest.raises(ArticleError, match="no title"):
        parse_article(text)


def test_article_errors_are_value_errors():
    assert issubclass(ArticleError, ValueError)


def test_article_from_bytes_sha256_is_of_the_bytes():
    data = b"\xef\xbb\xbf= T =\r\n\r\nText.\r\n"
    article = article_from_bytes(data, path="x.txt")
    assert article.sha256 == hashlib.sha256(data).hexdigest()
    assert article.path == "x.txt"
    assert article.text == "= T =\n\nText.\n"


@pytest.mark.parametrize(
    "data, message",
    [(b"", "empty"), (b"\xff\xfe", "UTF-8"), (b"= T =\x00", "NUL"), (b"just prose", "no title")],
)
def test_article_from_bytes_errors(data, message):
    with pytest.raises(ArticleError, match=message):
        article_from_bytes(data)


def test_read_article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode("utf-8").replace(b"\n", b"\r\n"))
    article = read_article(path)
    assert article.text == ARTICLE
    assert article.path == str(path)


def test_read_article_missing_file(tmp_path):
    with pytest.raises(ArticleError, match="cannot read"):
        read_article(tmp_path / "missing.txt")
