"""Countries: names, ISO codes (pycountry) and demonyms (countryinfo), looked up by folded text.

Reads: names and adjectives as written (`Mauritania`, `Mauritanian`, `Niger's`).
Writes: `Country(name, code, demonym)`; `parse_location` turns a place string into a Location.
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
    return by_name, by_demonym


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


_NEAR = re.compile(
    r"^(?:near|outside|outskirts\s+of|on\s+the\s+outskirts\s+of|close\s+to|around|"
    r"(?:\d+\s*(?:km|kilometres|kilometers|miles|mi)\s+)?(?:north|south|east|west|north-?east|"
    r"north-?west|south-?east|south-?west)(?:ern)?\s+of|\d+\s*(?:km|kilometres|kilometers|miles)\s+from)\s+",
    re.IGNORECASE,
)


def parse_location(text: str) -> Location | None:
    """`near Bassikounou, Mauritania` -> place, region, country, ISO code and `near`."""
    cleaned = text.strip().strip(",").strip()
    if not cleaned:
        return None
    near_match = _NEAR.match(cleaned)
    body = cleaned[near_match.end():] if near_match else cleaned
    parts = [p.strip() for p in body.split(",") if p.strip()]
    country = country_by_name(parts[-1]) if parts else None
    if country is not None:
        parts = parts[:-1]
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
