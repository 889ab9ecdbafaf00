"""Which side a mention belongs to, resolved against this article's own sides.

Reads: the sides of one article (actors, commanders) and a phrase (`Mauritanian soldiers`,
`AQIM`, `the jihadists`). Writes: a side number or None. Nothing is kept between articles: a
`SideBook` is built for one article and thrown away with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .geo import Country, country_mention
from .names import contains_words, fold_words, names_match
from .records import Actor, Commander
from .vocabulary import vocabulary, words_pattern


@dataclass
class SideProfile:
    number: int
    actors: list[Actor] = field(default_factory=list)
    commanders: list[Commander] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    kind: str = "other"  # state, jihadist, rebel, other
    aliases: list[str] = field(default_factory=list)  # units and other names the side goes by

    def names(self) -> list[str]:
        names = list(self.aliases)
        for actor in self.actors:
            names.append(actor.name)
            if actor.abbreviation:
                names.append(actor.abbreviation)
        return names


def actor_kind(actor: Actor) -> str:
    """state / jihadist / rebel / other, from the words of the actor's name."""
    text = f"{actor.name} {actor.abbreviation or ''}"
    if country_mention(actor.name.split(" (")[0]) is not None:
        return "state"
    kinds = vocabulary().actor_types
    for kind in ("jihadist", "state"):
        if words_pattern(kinds[kind]).search(text):
            return kind
    for word in text.split():
        if country_mention(word) is not None:
            return "state"  # `Malian Army`, `Nigerien contingent`
    return "other"


def actor_countries(actor: Actor) -> list[Country]:
    found = []
    whole = country_mention(actor.name)
    if whole:
        found.append(whole)
    for word in re.findall(r"[\w'’-]+", actor.name):
        country = country_mention(word)
        if country and country not in found:
            found.append(country)
    return found


_STATE_WORDS = {"army", "armies", "military", "government", "junta", "regime", "police", "state", "troops",
                "soldiers", "forces", "navy", "gendarmerie", "gendarmes", "ministry", "authorities", "peacekeepers"}
_GROUP_WORDS = {"rebels", "rebel", "militants", "militant", "insurgents", "insurgent", "jihadists", "jihadist",
                "guerrillas", "guerrilla", "fighters", "group", "movement", "faction", "militia", "militias",
                "alliance", "gang", "terrorists", "terrorist", "separatists", "separatist", "islamist", "armed"}


def described_kind(text: str, actors: list[Actor]) -> str | None:
    """`state` or `group` from what the article says of a side's actors: the words beside their
    names (`Viet Cong guerrillas`, `the rebel MNDAA`, `ARVN troops`, `the junta's army`)."""
    votes = {"state": 0, "group": 0}
    lowered = text.lower()
    for actor in actors:
        if country_mention(actor.name.split(" (")[0]) is not None:
            votes["state"] += 3
        for name in filter(None, (actor.name, actor.abbreviation)):
            for match in re.finditer(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", lowered):
                window = re.split(r"[.;:!?\n]\s", lowered[max(0, match.start() - 40):match.start()])[-1]  # this sentence only
                words = re.findall(r"[a-z]+", window)
                content = [w for w in words if w not in ("of", "the", "a", "an")]
                before = words[-2:] + content[-1:]  # and the word before `of the` (`fighters of the X`)
                after = re.findall(r"^\W{0,2}([a-z]+)", lowered[match.end():match.end() + 30])[:1]
                for word in before + after:
                    if word in _STATE_WORDS:
                        votes["state"] += 1
                    elif word in _GROUP_WORDS:
                        votes["group"] += 1
    if votes["state"] == votes["group"]:
        return None
    return "state" if votes["state"] > votes["group"] else "group"


class SideBook:
    """The sides of one article and the ways its text refers to them."""

    def __init__(
        self,
        sides: dict[int, tuple[list[Actor], list[Commander]]],
        aliases: dict[int, list[str]] | None = None,
        text: str = "",
    ):
        self.profiles: list[SideProfile] = []
        for number in sorted(sides):
            actors, commanders = sides[number]
            profile = SideProfile(number, list(actors), list(commanders), aliases=list((aliases or {}).get(number, [])))
            for actor in actors:
                for country in actor_countries(actor):
                    if country not in profile.countries:
                        profile.countries.append(country)
            kinds = [actor_kind(a) for a in actors] or [actor_kind(Actor(name=n)) for n in profile.aliases]
            for kind in ("state", "jihadist", "rebel"):
                if kind in kinds:
                    profile.kind = kind
                    break
            said = described_kind(text, actors) if text else None
            if said == "state" and profile.kind == "other" or said == "group" and profile.kind == "state" and not any(
                country_mention(a.name.split(" (")[0]) for a in actors
            ):
                profile.kind = "state" if said == "state" else "rebel"  # what the article says of it wins over its name
            self.profiles.append(profile)
        self._split_state_kinds(text)
        self._fill_other_kinds()
        terms = vocabulary().side_terms
        self._term_patterns = {kind: words_pattern(words) for kind, words in terms.items()}

    def _split_state_kinds(self, text: str) -> None:
        """Sides that all look like states by their names alone (`People's Liberation Army`): when
        exactly one is a state by what the article says (or by being a country), the others are
        armed groups."""
        if len(self.profiles) < 2 or any(p.kind != "state" for p in self.profiles if p.actors):
            return
        sure = [
            p for p in self.profiles
            if any(country_mention(a.name.split(" (")[0]) for a in p.actors) or text and described_kind(text, p.actors) == "state"
        ]
        if len(sure) == 1:
            for profile in self.profiles:
                if profile is not sure[0] and profile.actors:
                    profile.kind = "rebel"

    def _fill_other_kinds(self) -> None:
        """A non-state side facing a jihadist one is the rebel side (MNLA facing Ansar Dine), and
        a side facing only a state is the armed group the generic terms point at."""
        kinds = {p.kind for p in self.profiles}
        for profile in self.profiles:
            if profile.kind == "other" and profile.actors:
                profile.kind = "rebel" if "jihadist" in kinds or "state" not in kinds else "jihadist"

    def numbers(self) -> list[int]:
        return [p.number for p in self.profiles]

    def by_name(self, phrase: str) -> int | None:
        """The side an explicit actor name, abbreviation, country or demonym in `phrase` points at."""
        hits = set()
        words = fold_words(phrase)
        for profile in self.profiles:
            for name in profile.names():
                name_words = fold_words(name)
                if name_words and contains_words(words, name_words):
                    hits.add(profile.number)
        if len(hits) == 1:
            return hits.pop()
        if hits:
            return None
        for token in re.findall(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", phrase):
            country = country_mention(token)
            if country is None:
                continue
            owners = {p.number for p in self.profiles if country in p.countries}
            if len(owners) == 1:
                hits |= owners
        if len(hits) == 1:
            return hits.pop()
        if not hits:
            hits = self._by_stem(phrase)
        if not hits:
            hits = self._by_short_form(words)
        return hits.pop() if len(hits) == 1 else None

    def _by_short_form(self, words: tuple[str, ...]) -> set[int]:
        """A short form of one side's name (`the alliance` for Three Brotherhood Alliance,
        `Wagner` for Wagner Group): every word of the phrase inside that name."""
        words = tuple(w for w in words if w not in ("own", "s"))
        if not words or len(words) > 3:
            return set()
        hits = set()
        for profile in self.profiles:
            for name in profile.names():
                if contains_words(fold_words(name), words) and len(fold_words(name)) > len(words):
                    hits.add(profile.number)
        return hits

    def _by_stem(self, phrase: str) -> set[int]:
        """A demonym that is the stem of a side's country or actor name (`Kyrgyz` -> Kyrgyzstan,
        `Tajik` -> Tajikistan, `Afghan` -> Afghanistan), for the demonyms the tables lack."""
        hits: set[int] = set()
        for word in re.findall(r"\b[A-Z][a-z]{3,}\b", phrase):
            stem = fold_words(word)[0] if fold_words(word) else ""
            for profile in self.profiles:
                for name in profile.names() + [c.name for c in profile.countries]:
                    if any(w.startswith(stem) and len(w) - len(stem) <= 6 and w != stem for w in fold_words(name)):
                        hits.add(profile.number)
        return hits

    def by_term(self, phrase: str) -> int | None:
        """The side a generic term (`soldiers`, `jihadists`, `rebels`) points at, when only one fits."""
        for kind in ("state", "jihadist", "rebel"):
            if self._term_patterns[kind].search(phrase):
                owners = [p.number for p in self.profiles if p.kind == kind]
                if kind == "jihadist" and not owners:
                    owners = [p.number for p in self.profiles if p.kind in ("rebel", "other") and p.actors]
                if kind == "rebel" and not owners:
                    owners = [p.number for p in self.profiles if p.kind in ("jihadist", "other") and p.actors]
                if len(owners) == 1:
                    return owners[0]
        return None

    def by_role(self, role: str) -> int | None:
        """The one side a role fits: `state` (soldiers, police) or `group` (militants, gang members)."""
        if role == "state":
            owners = [p.number for p in self.profiles if p.kind == "state"]
        else:
            owners = [p.number for p in self.profiles if p.kind != "state" and (p.actors or p.aliases)]
        return owners[0] if len(owners) == 1 else None

    def resolve(self, phrase: str) -> int | None:
        return self.by_name(phrase) or self.by_term(phrase)

    def by_commander(self, phrase: str) -> int | None:
        hits = {p.number for p in self.profiles for c in p.commanders if names_match(c.name, phrase)}
        return hits.pop() if len(hits) == 1 else None

    def winner(self, claimant: str) -> int | None:
        """The side a `X victory` result names, when exactly one side fits."""
        hits = set()
        for profile in self.profiles:
            if any(names_match(claimant, name) for name in profile.names()):
                hits.add(profile.number)
        if len(hits) != 1:
            side = self.by_name(claimant)
            return side
        return hits.pop()

