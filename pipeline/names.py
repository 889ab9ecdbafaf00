"""Names of actors: markup residue, `Long Form (ABBR)` definitions, and name matching.

Reads: infobox values and article text. Writes: cleaned names, abbreviation tables, and the
name comparison that both the pipeline (which side a mention belongs to) and the scorer use, so
that the two always agree on when two names are the same.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

# Flag icons and image sizes left over from the infobox markup: `border|20px`, `25px`, `20px`.
# The size may be glued to the name before it (`Ag Moussa25px Iyad Ag Ghaly`), so no word
# boundary is required in front of the digits.
MARKUP_RESIDUE = re.compile(r"(?:\bborder\|)?(?<!\d)\d{1,3}\s?px\b|\bborder\|", re.IGNORECASE)
ABBREVIATION = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z][A-Za-z0-9&.\-]*[A-Z0-9]$")
_CONNECTORS = {
    "of", "the", "in", "for", "and", "al", "wal", "de", "du", "des", "la", "le", "el", "et", "y",
    "del", "di", "da", "ul", "an",
}
_ARTICLES = frozenset({"a", "an", "the"})
_APOSTROPHES = frozenset("'\u2019\u2018\u02bc\u02bb`\u00b4")


def strip_residue(text: str, replacement: str = " ") -> str:
    return re.sub(r"\s{2,}", " ", MARKUP_RESIDUE.sub(replacement, text)).strip()


def is_abbreviation(token: str) -> bool:
    return bool(ABBREVIATION.match(token))


def fold_words(name: str) -> tuple[str, ...]:
    """Case- and accent-folded words, punctuation and the articles a/an/the dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"['’]s\b", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    return tuple(w for w in words if w not in _ARTICLES)


def contains_words(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def fold_name(name: str | None) -> tuple[str, ...]:
    """The words two names are compared on: case- and accent-folded, apostrophes deleted
    (`Dine's` -> `dines`), other punctuation splitting words, the articles a/an/the dropped."""
    if not name:
        return ()
    chars: list[str] = []
    for ch in unicodedata.normalize("NFKD", name):
        if unicodedata.combining(ch) or ch in _APOSTROPHES:
            continue
        chars.append(" " if unicodedata.category(ch)[0] in "PSZC" else ch)
    return tuple(w for w in "".join(chars).casefold().split() if w not in _ARTICLES)


def names_match(a: str | None, b: str | None) -> bool:
    """The spec's name rule, used by the scorer and by side resolution alike: after folding,
    equal, or the shorter a contiguous run of the longer's words, or at least half the longer's
    words shared. A name that folds to nothing matches nothing."""
    fa, fb = fold_name(a), fold_name(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    longer, shorter = (fa, fb) if len(fa) >= len(fb) else (fb, fa)
    if contains_words(longer, shorter):
        return True
    shared = sum((Counter(fa) & Counter(fb)).values())
    return 2 * shared >= len(longer)


@dataclass(frozen=True)
class Definition:
    """`Al-Qaeda in the Islamic Maghreb (AQIM)`: long form, abbreviation, other acronyms given."""

    long: str
    abbreviation: str
    aliases: tuple[str, ...]


_PAREN_ABBR = re.compile(r"\((?P<abbr>[A-Z][A-Za-z0-9&.\-]*[A-Z0-9])(?P<rest>[,;][^()]*)?\)")


def find_definitions(text: str) -> list[Definition]:
    """Every `Long Form (ABBR)` the text spells out, in reading order."""
    found: list[Definition] = []
    for match in _PAREN_ABBR.finditer(text):
        abbr = match.group("abbr")
        if not is_abbreviation(abbr):
            continue
        before = text[max(0, match.start() - 200):match.start()]
        needed = Counter(ch for ch in abbr if ch.isupper())
        seen: Counter = Counter()
        words: list[str] = []
        for token in reversed(before.split()):
            if token[-1] in ",.;:)(\"" or not (
                token[0].isupper() or token.lower() in _CONNECTORS or re.match(r"^(?:al|el|ad|as|ash|an|ibn|bin)-", token, re.IGNORECASE)
            ):
                break
            words.insert(0, token)
            seen.update(part[0].upper() for part in re.split(r"[-‐]", token) if part[:1].isupper())
            if not needed - seen:
                break  # the initials read so far spell the abbreviation out
        while words and words[0].lower() in _CONNECTORS:
            words.pop(0)
        if len(words) < 2 or sum((needed & seen).values()) * 2 < sum(needed.values()):
            continue  # `Chongo Vidigal (FADM)` is a person with a unit, not a definition
        if any(d.long == " ".join(words) and d.abbreviation == abbr for d in found):
            continue
        aliases = tuple(a for a in re.findall(r"\b[A-Z][A-Za-z0-9&.\-]*[A-Z0-9]\b", match.group("rest") or "")
                        if is_abbreviation(a))
        found.append(Definition(" ".join(words), abbr, aliases))
    return found


def resolve_actor(name: str, definitions: list[Definition]) -> tuple[str, str | None]:
    """(name, abbreviation) in the long form the article gives, per the spec's Actor rule."""
    for definition in definitions:
        if name == definition.abbreviation or name in definition.aliases:
            return definition.long, name if name == definition.abbreviation else definition.abbreviation
    for definition in definitions:
        if fold_words(name) == fold_words(definition.long):
            return name, definition.abbreviation
    return name, None
