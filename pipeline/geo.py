"""Countries: names, ISO codes (pycountry) and demonyms (countryinfo), looked up by folded text.

Reads: names and adjectives as written (`Mauritania`, `Mauritanian`, `Niger's`).
Writes: `Country(name, code, demonym)`; `parse_location` turns a place string into a Location;
`countries_in_place` reads the countries a place part names (`Southern Lebanon`, `in the Solomon
Islands`, `China–Myanmar border`, `South Vietnam`); `country_in_text` finds the first country a
running text (the lead) names.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from countryinfo import all_countries

from .records import Location


@dataclass(frozen=True)
class Country:
    name: str  # English short name
    code: str  # ISO 3166-1 alpha-2
    demonym: str | None


def fold(text: str) -> str:
    """Lower case, accents dropped, whitespace squeezed: the key every lookup here uses."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().lower()


def _short_name(record) -> str:
    return getattr(record, "common_name", None) or record.name


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, Country]]:
    """(by name, by demonym). Built once per process: pycountry and countryinfo are read-only data."""
    demonyms: dict[str, str] = {}
    extra_names: dict[str, list[str]] = {}
    population: dict[str, int] = {}
    for info in all_countries():
        data = info.info()
        code = (data.get("ISO") or {}).get("alpha2")
        if not code:
            continue
        if data.get("demonym"):
            demonyms[code] = data["demonym"]
        extra_names[code] = [data.get("name", "")] + list(data.get("altSpellings") or [])
        population[code] = int(data.get("population") or 0)
    by_name: dict[str, Country] = {}
    by_demonym: dict[str, Country] = {}
    # Most populous first, so a demonym shared with a territory (`American`, `French`) means the state.
    for record in sorted(pycountry.countries, key=lambda r: -population.get(r.alpha_2, 0)):
        country = Country(_short_name(record), record.alpha_2, demonyms.get(record.alpha_2))
        names = [record.name, _short_name(record), getattr(record, "official_name", "")]
        names += [n for n in extra_names.get(record.alpha_2, []) if len(n) > 3]
        for name in names:
            if name:
                by_name.setdefault(fold(name), country)
        if country.demonym:
            by_demonym.setdefault(fold(country.demonym), country)
    # Common English forms that neither table spells this way.
    for alias, code in {"us": "US", "u.s.": "US", "usa": "US", "america": "US", "uk": "GB", "britain": "GB"}.items():
        by_name.setdefault(alias, by_name[fold(pycountry.countries.get(alpha_2=code).name)])
    for alias, code in {"us": "US", "u.s.": "US", "british": "GB", "burkinabe": "BF"}.items():
        by_demonym.setdefault(alias, by_name[fold(pycountry.countries.get(alpha_2=code).name)])
    for alias, code in _OTHER_NAMES.items():
        by_name.setdefault(alias, by_name[fold(pycountry.countries.get(alpha_2=code).name)])
    # A former state keeps its own name (an actor `South Vietnam`, not `Vietnam`) with the code of
    # the present-day state whose territory it held.
    for alias, code in _HISTORICAL.items():
        demonym = next((d for d, a in _HISTORICAL_DEMONYMS.items() if a == alias), None)
        state = Country(_HISTORICAL_NAMES.get(alias, _title(alias)), code, demonym and _title(demonym))
        by_name.setdefault(alias, state)
    for demonym, alias in _HISTORICAL_DEMONYMS.items():
        by_demonym.setdefault(demonym, by_name[alias])
    return by_name, by_demonym


def _title(alias: str) -> str:
    return " ".join(w if w in ("of", "the") else w.capitalize() for w in alias.split())


# Names neither table spells this way: territories written as places, and short forms.
_OTHER_NAMES = {
    "democratic republic of congo": "CD", "drc": "CD", "dr congo": "CD", "congo-kinshasa": "CD",
    "republic of congo": "CG", "congo-brazzaville": "CG", "west bank": "PS", "gaza": "PS",
    "gaza strip": "PS", "palestinian territories": "PS", "macedonia": "MK", "somaliland": "SO",
    "micronesia": "FM", "turkey": "TR", "holland": "NL", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "great britain": "GB",
}  # regions that name armed groups (`Azawad`, `Kurdistan`, `Donbas`) stay out: they would give a group a country
# States that no longer exist, read as the present-day state whose territory they held (pycountry's
# historic codes are ISO 3166-3, not the alpha-2 the record needs). Mandatory Palestine maps to the
# code that carries its name.
_HISTORICAL = {
    "south vietnam": "VN", "north vietnam": "VN", "republic of vietnam": "VN", "state of vietnam": "VN",
    "mandatory palestine": "PS", "british mandate of palestine": "PS", "mandate palestine": "PS",
    "rhodesia": "ZW", "southern rhodesia": "ZW", "northern rhodesia": "ZM", "zaire": "CD",
    "belgian congo": "CD", "burma": "MM", "ceylon": "LK", "dahomey": "BJ", "upper volta": "BF",
    "east pakistan": "BD", "west pakistan": "PK", "ottoman empire": "TR", "persia": "IR", "siam": "TH",
    "kampuchea": "KH", "democratic kampuchea": "KH", "khmer republic": "KH", "south yemen": "YE",
    "north yemen": "YE", "spanish sahara": "EH", "portuguese guinea": "GW", "transjordan": "JO",
    "basutoland": "LS", "bechuanaland": "BW", "nyasaland": "MW", "gold coast": "GH", "abyssinia": "ET",
    "formosa": "TW", "tanganyika": "TZ", "west germany": "DE", "east germany": "DE",
    "soviet union": "RU", "ussr": "RU", "yugoslavia": "RS", "czechoslovakia": "CZ",
    "kingdom of iraq": "IQ", "french sudan": "ML", "portuguese east africa": "MZ", "south west africa": "NA",
    "italian somaliland": "SO", "british somaliland": "SO", "aden protectorate": "YE", "colony of aden": "YE",
}
_HISTORICAL_NAMES = {"ussr": "Soviet Union", "british mandate of palestine": "Mandatory Palestine",
                     "mandate palestine": "Mandatory Palestine"}
_HISTORICAL_DEMONYMS = {
    "south vietnamese": "south vietnam", "north vietnamese": "north vietnam", "soviet": "soviet union",
    "rhodesian": "rhodesia", "yugoslav": "yugoslavia", "ottoman": "ottoman empire",
    "west german": "west germany", "east german": "east germany", "czechoslovak": "czechoslovakia",
    "zairean": "zaire", "zairian": "zaire", "south yemeni": "south yemen", "north yemeni": "north yemen",
}


def country_by_name(text: str) -> Country | None:
    """`Mali`, `the United States`, `Niger's` -> Country; None when the text names no country."""
    key = fold(re.sub(r"['’]s$", "", text.strip()))
    key = re.sub(r"^the ", "", key)
    return _tables()[0].get(key)


def country_by_demonym(word: str) -> Country | None:
    """`Malian`, `Nigerien`, `Burkinabè` -> Country."""
    key = fold(word)
    by_demonym = _tables()[1]
    if key in by_demonym:
        return by_demonym[key]
    if key.endswith("s") and key[:-1] in by_demonym:  # plural nouns: `Americans`
        return by_demonym[key[:-1]]
    return None


def country_mention(word: str) -> Country | None:
    """A country named by its name or its demonym."""
    return country_by_name(word) or country_by_demonym(word)


_IN = re.compile(r"^(?:in|at|on|inside|across|throughout|within)\s+(?:the\s+)?", re.IGNORECASE)
_DIRECTION = re.compile(
    r"^(?:the\s+)?(?:far\s+|extreme\s+)?(?:north|south|east|west|central|middle|upper|lower|"
    r"north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+", re.IGNORECASE,
)
_BORDER = re.compile(r"\s+(?:border(?:lands?)?|frontier|boundary|border\s+(?:area|region)|borderlands?)$", re.IGNORECASE)
_PAIR = re.compile(r"\s?[–—/]\s?|\s?-\s?(?=[A-Z])|\s+and\s+")


def countries_in_place(part: str) -> list[Country]:
    """The countries one place part names: `Mali`, `in the Solomon Islands`, `Southern Lebanon`,
    `China–Myanmar border` (both), `Bekaa Lebanon` (a trailing name), `South Vietnam`."""
    text = _IN.sub("", part.strip(" .,;()"))
    whole = country_by_name(text) or country_by_name(_DIRECTION.sub("", text))
    if whole is not None:
        return [whole]
    bare = _BORDER.sub("", text)
    if bare != text or _PAIR.search(bare):
        found = [c for piece in _PAIR.split(bare) if (c := country_by_name(_DIRECTION.sub("", piece.strip())) or country_by_demonym(piece.strip()))]
        if found:
            return list(dict.fromkeys(found))
    words = bare.split()
    for size in (3, 2, 1):  # a country name closing the part: `Bekaa Lebanon`, `Gedo region Somalia`
        if len(words) > size and words[-size][:1].isupper():
            country = country_by_name(" ".join(words[-size:]))
            if country is not None:
                return [country]
    return []


_NAME_RUN = re.compile(r"\b[A-Z][\w'’.-]*(?:\s(?:of\s(?:the\s)?|and\s|the\s)?[A-Z][\w'’.-]*){0,4}")
_DEMONYM_PLACE = re.compile(
    r"\b(?P<adj>[A-Z][a-zé]+)\s(?:city|town|village|capital|province|region|state|district|port|border\stown)\sof\b"
)


def country_in_text(text: str) -> Country | None:
    """The first country a running text (a lead) places something in: a country's name (the
    longest name a run of capitalised words holds: `Central African Republic`, `Burkina Faso`), or
    a demonym before `city of` / `town of` (`the Afghan city of Kunduz`). Other demonyms are left
    alone: `a Malian militia` says whose, not where."""
    best: tuple[int, Country] | None = None
    for match in _NAME_RUN.finditer(text):
        words = [w.strip(".'’") for w in match.group(0).split()]
        for size in range(len(words), 0, -1):
            hit = next((country_by_name(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)
                        if country_by_name(" ".join(words[i:i + size])) is not None), None)
            if hit is not None:
                best = (match.start(), hit)
                break
        if best is not None:
            break
    place = _DEMONYM_PLACE.search(text)
    if place and (country := country_by_demonym(place.group("adj"))) and (best is None or place.start() < best[0]):
        return country
    return best[1] if best else None


_NEAR = re.compile(
    r"^(?:near|outside|outskirts\s+of|on\s+the\s+outskirts\s+of|close\s+to|around|"
    r"(?:\d+\s*(?:km|kilometres|kilometers|miles|mi)\s+)?(?:north|south|east|west|north-?east|"
    r"north-?west|south-?east|south-?west)(?:ern)?\s+of|\d+\s*(?:km|kilometres|kilometers|miles)\s+from)\s+",
    re.IGNORECASE,
)


def parse_location(text: str, context: str = "") -> Location | None:
    """`near Bassikounou, Mauritania` -> place, region, country, ISO code and `near`. The country is
    the last part that names one; when that part names two (`Lebanon–Israel border`) the one
    `context` (the lead) names first is taken, else the first; when no part names one, the country
    `context` names."""
    cleaned = text.strip().strip(",").strip()
    if not cleaned:
        return None
    near_match = _NEAR.match(cleaned)
    body = cleaned[near_match.end():] if near_match else cleaned
    parts = [p.strip() for p in body.split(",") if p.strip()]
    country = None
    for index in range(len(parts) - 1, -1, -1):
        named = countries_in_place(parts[index])
        if named:
            told = country_in_text(context) if context and len(named) > 1 else None
            country = told if told in named else named[0]
            only = _IN.sub("", parts[index].strip(" .,;()"))
            whole = country_by_name(only) or country_by_name(_DIRECTION.sub("", only))
            if whole is not None and index == len(parts) - 1:
                parts = parts[:-1]
            break
    if country is None and context:
        country = country_in_text(context)
    place = None
    if parts:
        # `Boulikessi and Mondoro` names two places; the first is kept as the most specific one.
        place = re.split(r"\s+and\s+", parts[0])[0].strip() or None
    region = parts[1] if len(parts) > 1 else None
    return Location(
        text=cleaned,
        place=place,
        region=region,
        country=country.name if country else None,
        country_code=country.code if country else None,
        near=near_match is not None,
    )
