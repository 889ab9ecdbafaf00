"""A grammar for Result lines: who the outcome names as having prevailed.

Reads: a Result (or Status) text. Writes: `Outcome(claimants, decided)`: the names the text gives
for the side that prevailed (`Mauritanian-Malian victory` -> [`Mauritanian`, `Malian`]; `Syrian
victory` -> [`Syrian`]; `Government victory` -> [`Government`]), or none for outcomes that name no
victor (`Indecisive`, `Ongoing`, `See aftermath`, `Stalemate`). Descriptive outcomes are read
too: `X captured by Y` and `Y retakes X` name Y; `Y fails to recapture X` and `Y forced to
withdraw` name Y as the loser. Linking a name to a side number is `SideBook.winner`'s work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_QUALIFIERS = r"(?:(?:decisive|pyrrhic|tactical|strategic|major|minor|partial|limited|overwhelming|complete|initial|narrow|indecisive|claimed|clear)\s+)*"
_VICTORY = re.compile(
    rf"^{_QUALIFIERS}(?P<who>[^,;]{{1,120}}?)\s+(?:military\s+)?(?:victory|victories|win|success|triumph)\b",
    re.IGNORECASE,
)
_VICTORY_FOR = re.compile(  # `Victory for the Army of the Andes`, `Decisive victory of X over Y`
    rf"^{_QUALIFIERS}(?:victory|win|triumph)\s+(?:for|of)\s+(?P<who>[^,;.]{{1,120}}?)(?:\s+over\s+[^,;]*)?\s*$",
    re.IGNORECASE,
)
_NO_WINNER = re.compile(
    r"^\W*(?:indecisive|inconclusive|ongoing|stalemate|see\s|disputed|unclear|unknown|draw|both\s+sides|ceasefire|status\s+quo)",
    re.IGNORECASE,
)
_CAPTURED_BY = re.compile(r"\b(?:captured|taken|seized|retaken|recaptured|occupied|held|secured|liberated)\s+by\s+(?:the\s+)?(?P<who>[A-Z][^,;()]{0,80})")
_TAKES = re.compile(
    r"^(?:the\s+)?(?P<who>[A-Z][^,;()]{0,80}?)\s+(?:retakes?|recaptures?|captures?|takes?|seizes?|repels?|repulses?|"
    r"defeats?|holds?|secures?|liberates?|wins?|routs?|overruns?)\b"
)
_FAILS = re.compile(
    r"^(?:the\s+)?(?P<who>[A-Z][^,;()]{0,80}?)\s+(?:fails?|failed)\s+to\b|"
    r"^(?:the\s+)?(?P<who2>[A-Z][^,;()]{0,80}?)\s+(?:forced\s+to\s+(?:withdraw|retreat)|withdraws?|retreats?|repelled|repulsed|defeated|routed)\b"
)
_SPLIT_PAIR = re.compile(r"\s?[-–/]\s?|\s+and\s+|\s?&\s?")


@dataclass(frozen=True)
class Outcome:
    claimants: list[str] = field(default_factory=list)  # names of the side that prevailed
    losers: list[str] = field(default_factory=list)  # names of the side that failed
    decided: bool = False


def read_result(text: str) -> Outcome:
    """The outcome a Result text states; the first clause that names someone decides."""
    text = text.strip()
    if not text or _NO_WINNER.match(text):
        return Outcome()
    clauses = [c.strip() for c in re.split(r"[,;]\s?|(?<!\b[A-Z])\.\s", text) if c.strip()]  # `U.S. victory` is one clause
    for index, clause in enumerate(clauses[:4]):
        descriptive = len(clauses) == 1  # `Y retakes X` decides only when nothing else is said
        match = _VICTORY_FOR.match(clause) or _VICTORY.match(clause)
        if match:
            who = re.sub(r"\([^()]*\)", "", match.group("who")).strip()
            against = re.match(r"^anti-(?P<x>.+)$", who, re.IGNORECASE)
            if against:  # `Anti-Gaddafi victory`: the side against X prevailed
                return Outcome(losers=_names(against.group("x")), decided=True)
            return Outcome(claimants=_names(re.sub(r"-led\b", "", who)), decided=True)
        if not descriptive:
            continue
        match = _CAPTURED_BY.search(clause)
        if match:
            return Outcome(claimants=_names(match.group("who")), decided=True)
        match = _FAILS.match(clause)
        if match:
            return Outcome(losers=_names(match.group("who") or match.group("who2")), decided=True)
        match = _TAKES.match(clause)
        if match:
            return Outcome(claimants=_names(match.group("who")), decided=True)
    return Outcome()


def _names(who: str) -> list[str]:
    """`Mauritanian-Malian` -> two names, `Franco-Malian` -> `French`, `Malian`; `X/Y`, `X and Y`."""
    who = re.sub(r"^(?:the|a|an)\s+", "", who.strip(), flags=re.IGNORECASE)
    if re.search(r"[-–/&]|\sand\s", who):
        parts = [p.strip() for p in _SPLIT_PAIR.split(who) if p.strip()]
        if len(parts) > 1 and all(p[:1].isupper() for p in parts):
            return [_COMBINING.get(p.lower(), p) for p in parts]
    return [who] if who else []


# Combining forms of demonyms used in compounds (`Franco-Malian`, `Anglo-French`, `Russo-Malian`).
_COMBINING = {
    "franco": "French", "anglo": "British", "russo": "Russian", "sino": "Chinese", "italo": "Italian",
    "germano": "German", "austro": "Austrian", "hispano": "Spanish", "luso": "Portuguese", "indo": "Indian",
    "greco": "Greek", "turco": "Turkish", "serbo": "Serbian", "polono": "Polish", "americano": "American",
    "afro": "African", "judeo": "Jewish", "irano": "Iranian", "israelo": "Israeli", "dano": "Danish",
    "nippo": "Japanese", "burkinabe": "Burkinabe",
}


def victory_claimant(result_text: str) -> str | None:
    """`Mauritanian victory` -> `Mauritanian`; None when the result names no victor."""
    match = _VICTORY.match(result_text.strip())
    return re.sub(r"\([^()]*\)", "", match.group("who")).strip() if match else None
