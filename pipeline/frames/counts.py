"""Count frames from the dependency tree: the count, the noun it counts, the predicate that gives
its category, and the roles around it.

Reads: a `Parsed` sentence (count tokens merged) and the lexicon. Writes: `CountFrame` values, one
per count token that counts people or vehicles of the kind a record keeps. Pure: nothing here knows
the article's sides or claimants.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from ..numbers import Quantity
from .lexicon import lexicon
from .parse import Parsed

_MODIFIER_DEPS = {"nummod", "quantmod", "amod", "compound", "det", "advmod", "nmod", "appos"}
_NOUNISH = {"NOUN", "PROPN", "ADJ", "PRON", "NUM", "X"}
_OWN_DEPS = {"amod", "acl", "relcl", "oprd", "appos", "acomp", "nmod", "compound", "advmod", "xcomp"}
_CLIMB_DEPS = {"nsubjpass", "dobj", "nsubj", "attr", "oprd", "appos", "conj", "pobj", "dative", "npadvmod", "acomp"}
_INTRANSITIVE_PHRASES = {"lose", "go", "be", "remain", "become", "give", "sacrifice", "list", "report", "declare"}
_ELLIPTICAL = {"more", "others", "other", "further", "another", "additional"}
_INTRANSITIVE = {"die", "perish", "succumb", "surrender", "disappear", "drown"}
_VEHICLE_PREPS = {"on", "aboard", "in", "with", "by", "from", "onboard", "atop"}


@dataclass(frozen=True)
class CountFrame:
    token: Token  # the merged count token
    quantity: Quantity
    head: Token  # head of the counted phrase: the noun, or the count itself
    noun: Token | None  # the noun counted (`soldiers`, `them`), None when elliptical
    kind: str  # casualty | strength
    categories: tuple[str, ...]  # killed … for casualties; personnel | vehicles for strength
    predicate: Token | None
    agent: Token | None  # who did it to them (subject of an active verb, `by X`)
    loser: Token | None  # subject of lose / suffer / put … (the side that counts its own)

    @property
    def evidence(self) -> tuple[int, int]:
        """Character span of the count, its noun and (when near) its predicate, in the Doc."""
        tokens = [self.token, self.head] + ([self.noun] if self.noun is not None else [])
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        if self.predicate is not None:
            p = self.predicate
            p_start, p_end = p.idx, p.idx + len(p.text)
            for child in p.children:  # `taken prisoner`, `lost their lives`, `went missing`
                if child.dep_ in ("prt", "oprd", "acomp") and child.i == p.i + 1:
                    p_end = child.idx + len(child.text)
            if p_start >= end and p_start - end < 60:
                end = p_end
            elif p_end <= start and start - p_end < 40:
                start = p_start
        return start, end


def _counted(token: Token) -> tuple[Token, Token | None]:
    """(head of the counted phrase, the counted noun)."""
    lex = lexicon()
    head = token
    if token.dep_ in ("ROOT", "dep") and not list(token.children):
        # a count the parser left on its own (`Fifteen | Ansar Dine militants died`): it counts the
        # noun phrase that starts right after it
        for following in token.doc[token.i + 1:token.i + 6]:
            if following.pos_ in ("NOUN", "PROPN") and following.dep_ != "compound":
                return following, following
            if following.dep_ not in ("compound", "amod", "nmod") and following.pos_ not in ("PROPN", "ADJ", "NOUN"):
                break
    if token.dep_ in _MODIFIER_DEPS and token.head.pos_ in _NOUNISH and token.head != token:
        head = token.head
        while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i and not lex.is_people(_lemma(head)):
            head = head.head  # `ten CH-21 Shawnee transport helicopters`: the last noun is counted (not `5 soldiers hostage`)
    if head != token:
        return head, head
    for child in token.children:  # `14 of the soldiers`, `none of them`, `one of its men`
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return head, objects[0]
    for child in token.children:  # `two soldiers` parsed with the noun as appos/compound child
        if child.dep_ == "compound" and (lex.is_people(child.lemma_.lower()) or child.pos_ == "PROPN"):
            return head, child
        if child.dep_ == "appos" and lex.is_people(child.lemma_.lower()) and child.i > token.i and not any(
            t.is_punct for t in token.doc[token.i + 1:child.i]
        ):
            return head, child  # `some 60 ISGS fighters` parsed as an apposition, nothing between
    return head, None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _phrase_category(token: Token) -> str | None:
    """The category a verb gives with its particles and complements: `shot dead`, `taken
    prisoner`, `went missing`, `lost their lives`, `held hostage`."""
    lex = lexicon()
    lemma = _lemma(token)
    if token.lower_ in ("missing", "unaccounted"):
        return "missing"  # `five soldiers are still missing`, parsed with `missing` as the verb
    for child in token.children:
        if child.dep_ in ("oprd", "acomp", "dobj", "xcomp", "advmod", "prt", "attr", "npadvmod", "ccomp", "advcl"):
            if child.lower_ in ("missing", "unaccounted") and lemma in ("go", "be", "remain", "become", "declare", "report", "list"):
                return "missing"  # the lemma of `missing` is `miss`
            pair = f"{lemma} {_lemma(child)}"
            if lex.verb_category(pair):
                return lex.verb_category(pair)
            if lemma in ("take", "hold", "keep", "make") and _lemma(child) in ("prisoner", "hostage", "captive"):
                return "captured"
            if lemma in ("take", "capture", "seize") and _lemma(child) == "alive":
                return "captured"
            if lemma in ("lose", "give", "sacrifice") and _lemma(child) == "life":
                return "killed"
            if lemma in ("go", "be", "remain", "become", "declare", "report", "list") and _lemma(child) in ("missing", "unaccounted"):
                return "missing"
            if lemma in ("shoot", "find", "leave", "declare", "pronounce", "confirm", "report", "be") and _lemma(child) == "dead":
                return "killed"
    return lex.verb_category(lemma)


def _noun_category(tokens: list[Token]) -> tuple[str | None, Token | None]:
    """The category the counted noun names itself: `deaths`, `12 dead`, `prisoners`, `bodies`;
    `casualties` (two categories at once) gives `two`."""
    lex = lexicon()
    for token in tokens:
        lemma = _lemma(token)
        if lemma in lex.two_category_nouns:
            return "two", token
        noun_category = lex.noun_category(lemma) or lex.noun_category(token.lower_)
        if noun_category and token.pos_ in ("NOUN", "ADJ", "PROPN", "VERB"):
            return noun_category, token
    return None, None


def _has_count(token: Token, besides: Token) -> bool:
    """Whether a clause counts people of its own (`of whom six were killed`), dates aside."""
    lex = lexicon()
    for t in token.subtree:
        if t == besides or not (t.like_num or t.pos_ == "NUM"):
            continue
        if t.dep_ in ("nsubj", "nsubjpass", "dobj") or t.dep_ == "nummod" and lex.is_people(_lemma(t.head)):
            return True
    return False


def _modifier_category(tokens: list[Token], count: Token) -> tuple[str | None, Token | None]:
    """A category the counted phrase's modifiers give: `soldiers killed`, `men who were wounded`,
    `12 dead soldiers`; a clause holding a count of its own (`seven, of whom six were killed`) gives none."""
    lex = lexicon()
    last = max(tokens, key=lambda t: t.i)
    after = count.doc[last.i + 1] if last.i + 1 < len(count.doc) else None
    if after is not None and after.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in after.children):
        category = _phrase_category(after)  # `one Taliban facilitator killed and …`, however it was parsed
        if category:
            return category, after
    for token in tokens:
        for child in token.children:
            if child.dep_ not in _OWN_DEPS or child.i < token.i and child.dep_ not in ("amod", "compound"):
                continue
            if child.pos_ in ("VERB", "ADJ", "NOUN") and not (child.dep_ in ("relcl", "acl") and _has_count(child, count)):
                category = _phrase_category(child) if child.pos_ == "VERB" else lex.noun_category(_lemma(child))
                if category is None and child.pos_ == "ADJ":
                    category = lex.verb_category(_lemma(child))
                if category:
                    return category, child
    return None, None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
        if child.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
            return child
    return None


def _second_predicates(verb: Token) -> list[tuple[Token, str]]:
    """Verbs coordinated with `verb` that share its object: (`captured and executed`, `and`)."""
    found = []
    first = verb
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    for other in [first, *first.conjuncts]:
        if other == verb or other.pos_ not in ("VERB", "ADJ"):
            continue
        own = ("dobj", "nsubjpass", "oprd", "attr") if other == first else ("dobj", "nsubjpass", "nsubj", "oprd", "attr", "auxpass", "aux")
        if any(c.dep_ in own or c.like_num or c.pos_ == "NUM" for c in other.children):
            continue  # its own object or subject: a clause of its own
        low, high = sorted((other.i, verb.i))
        if any(t.like_num or t.pos_ == "NUM" for t in other.doc[low + 1:high]):
            continue  # `13–20 killed and 17–70 wounded`: each verb labels a count of its own
        cc = [c.lower_ for c in first.children if c.dep_ == "cc"] + [c.lower_ for c in verb.children if c.dep_ == "cc"]
        found.append((other, "or" if "or" in cc else "and"))
    return found


def _categories(predicate: Token, category: str, zero: bool) -> tuple[str, ...] | None:
    """One category, two (`captured and executed`, `no one was killed or injured`), or None
    (`killed or wounded`: a count that fixes no category)."""
    lex = lexicon()
    categories = [category]
    for other, cc in _second_predicates(predicate):
        second = _phrase_category(other)
        if second and second != category:
            if not zero and (cc == "or" or frozenset((category, second)) not in lex.sequential_pairs):
                return None
            categories.append(second)
    return tuple(dict.fromkeys(categories))


def _category_of_noun(noun: Token) -> str | None:
    """A category noun, or `the number / toll / count of <category noun or participle>`."""
    lex = lexicon()
    category = lex.noun_category(_lemma(noun))
    if category or _lemma(noun) not in ("number", "figure", "count", "tally", "total"):
        return category
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = lex.noun_category(_lemma(obj))
                    found = found or next((_phrase_category(c) for c in obj.children if c.dep_ in ("acl", "amod") and _phrase_category(c)), None)
                    if found:
                        return found
    return None


def _told_category(verb: Token, node: Token) -> tuple[str, Token] | None:
    """The category a verb tells of its subject or object without being a category verb:
    `were reported killed`, `said to have been abducted`, `listed as missing`, `among the dead`,
    `the dead included one police officer`."""
    lex = lexicon()
    for child in verb.children:
        if child == node:
            continue
        if child.dep_ in ("xcomp", "oprd", "acomp", "ccomp") and child.pos_ in ("VERB", "ADJ") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in child.children
        ):
            found = lex.noun_category(child.lower_) if child.lower_ in ("missing", "dead", "wounded", "injured") else None
            found = found or (_phrase_category(child) if child.pos_ == "VERB" else lex.noun_category(_lemma(child)) or lex.verb_category(_lemma(child)))
            if found:
                return found, child
        if child.dep_ == "prep" and child.lower_ in ("as", "among"):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp", "amod", "acomp"):
                    found = lex.noun_category(obj.lower_) or lex.noun_category(_lemma(obj)) or lex.verb_category(_lemma(obj))
                    if found:
                        return found, obj
        if child.dep_ == "nsubj" and node.dep_ == "dobj" and _lemma(verb) in ("include", "comprise", "number"):
            if lex.noun_category(_lemma(child)):
                return lex.noun_category(_lemma(child)), child
    return None


def _climb(head: Token) -> tuple[str | None, Token | None, Token | None, Token | None, bool]:
    """Walk up from the counted phrase to the predicate that gives its category.

    Returns (category, predicate, agent, loser, is_agent): `is_agent` when the counted people
    are the subject of an active verb that does it to others (`40 gunmen killed …`)."""
    lex = lexicon()
    node = head
    for _ in range(5):
        dep, parent = node.dep_, node.head
        if parent == node or dep not in _CLIMB_DEPS and dep not in ("prep", "compound"):
            break
        if parent.pos_ == "ADP":
            if parent.lower_ in ("of", "among") and parent.head.pos_ == "NUM":
                break  # `of the 40 militants who attacked, 15 were killed`: the set, not the part
            node = parent
            continue
        if dep in ("conj", "compound") and parent.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            node = parent
            continue
        if parent.pos_ in ("VERB", "AUX", "ADJ"):
            lemma = _lemma(parent)
            told = _told_category(parent, node)
            if told is not None:
                category, teller = told
                # the loss noun's possessor owns the count (`put the attackers' dead at 35`)
                possessors = [c for c in teller.children if c.dep_ == "poss"] if teller.pos_ in ("NOUN", "ADJ") else []
                return category, teller if teller.pos_ in ("NOUN", "ADJ") else parent, None, (possessors or [None])[0], False
            if lemma in lex.reporting_verbs and lemma not in lex.loss_verbs and lemma not in lex.light_verbs:
                break
            category = _phrase_category(parent)
            # `lost their lives`, `went missing`: the subject is the victim; `took 5 soldiers
            # hostage`, `shot dead three men`: the subject is the agent
            phrasal = category is not None and category != lex.verb_category(lemma) and lemma in _INTRANSITIVE_PHRASES
            if category is None and parent.pos_ == "ADJ":
                category = lex.noun_category(lemma)
            if category:
                has_object = not phrasal and any(c.dep_ == "dobj" for c in parent.children)
                if dep == "nsubj" and has_object and lemma not in _INTRANSITIVE and not (head.i > parent.i):
                    return None, parent, None, None, True
                agent = _agent(parent) if not phrasal else (_subject(parent) if dep != "nsubj" else None)
                return category, parent, agent, None, False
            if lemma == "be" and dep in ("nsubj", "attr"):
                for child in parent.children:  # `two soldiers were among the wounded`
                    if child.dep_ == "prep" and child.lower_ in ("among", "of"):
                        for obj in child.children:
                            if obj.dep_ == "pobj" and lex.noun_category(_lemma(obj)):
                                return lex.noun_category(_lemma(obj)), obj, None, None, False
            if dep == "nsubj":
                for other in parent.conjuncts:  # `the two men … did so and surrendered`
                    if other.i > parent.i and other.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
                        passive = any(c.dep_ == "auxpass" for c in other.children)
                        if _lemma(other) in _INTRANSITIVE or passive:
                            found = _phrase_category(other)
                            if found:
                                return found, other, None, None, False
            if lemma in lex.loss_verbs or lemma in lex.light_verbs or lemma == "be":
                for child in parent.children:
                    if child == node or child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "acomp"):
                        continue
                    category = _category_of_noun(child)
                    if category is None and _lemma(child) in lex.two_category_nouns:
                        return "two", child, None, None, False
                    if category:
                        # `the army lost …`: the subject lost them; `X put the attackers' dead at 35`:
                        # the subject only counts, the possessor of the loss noun lost them
                        possessors = [c for c in child.children if c.dep_ == "poss"]
                        if possessors:
                            loser = possessors[0]
                        elif lemma in lex.loss_verbs and lemma not in ("report", "confirm", "count", "record", "admit", "acknowledge"):
                            loser = _subject(parent)
                        else:
                            loser = None
                        if loser == child or loser == node:
                            loser = None
                        return category, child, None, loser, False
                if lemma in lex.loss_verbs and dep in ("dobj",):
                    return "killed" if lemma in ("lose",) else None, parent, None, _subject(parent), False
            node = parent
            if dep in ("nsubj", "nsubjpass") or parent.dep_ in ("ccomp", "advcl", "xcomp", "parataxis", "ROOT"):
                break
            continue
        if parent.pos_ in ("NOUN", "PROPN"):
            category = lex.noun_category(_lemma(parent))
            if _lemma(parent) in lex.two_category_nouns:
                return "two", parent, None, None, False
            if category:
                return category, parent, None, None, False
            node = parent
            continue
        break
    return None, None, None, None, False


_FORCE_PEOPLE = {"man", "men", "member", "personnel", "crew", "crewman", "reservist", "volunteer", "recruit"}
_ESTIMATING = {"make", "estimate", "put", "place", "give", "number", "total", "reach", "reconstruct", "describe", "count",
               "be", "have", "comprise", "include", "consist", "field", "muster", "deploy", "mass", "assess", "report"}


def _hyphenated(noun: Token) -> str:
    """The noun with the hyphenated words glued before it, singular: `pick-ups` -> `pick-up`."""
    doc, start = noun.doc, noun.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and not doc[start - 2].whitespace_:
        start -= 2
    text = doc.text[doc[start].idx:noun.idx + len(noun.text)].lower()
    return text[:-1] if text.endswith("s") else text


def _force_noun(verb: Token, besides: Token) -> Token | None:
    """A noun naming a force among the verb's arguments: `the garrison`, `the attacking force`,
    `the crews`, `the attackers` (`Agency reports put the garrison at …`, `the force had eleven tanks`)."""
    lex = lexicon()
    for child in verb.children:
        if child == besides or child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
            continue
        lemma = _lemma(child)
        if lemma in lex.strength_nouns or lex.role(lemma) in ("state", "group") or child.pos_ == "PROPN" and child.dep_ == "nsubj":
            return child
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(c.dep_ == "nsubj" for c in verb.children):
        return _force_noun(verb.head, besides)  # `the rebels numbered more than 300 and had two or four boats`
    return None


def _strength(frame_head: Token, noun: Token | None, token: Token, is_agent: bool) -> tuple[str, Token | None] | None:
    """(`personnel` or `vehicles`, the force noun when the count has none) when the counted phrase
    tells the size of a force."""
    lex = lexicon()
    lemma = _lemma(noun) if noun is not None else ""
    if noun is not None and _hyphenated(noun) in lex.vehicle_nouns:
        lemma = _hyphenated(noun)  # `pick-ups`, split by the tokenizer into pick / - / ups
    vehicle = lemma in lex.vehicle_nouns or any(
        _lemma(c) in lex.vehicle_nouns for c in (noun.children if noun is not None else []) if c.dep_ == "compound"
    )
    people = lex.is_people(lemma) and lex.role(lemma) in ("state", "group") or lemma in _FORCE_PEOPLE
    if noun is not None and not vehicle and not people:
        return None  # a count of something else (populations, places, things)
    if noun is None and token.lower_ == "one":
        return None
    kind = "vehicles" if vehicle else "personnel"
    node = frame_head
    for _ in range(4):
        dep, parent = node.dep_, node.head
        if parent == node:
            return (kind, None) if people and is_agent else None
        plemma = _lemma(parent)
        if vehicle and plemma in lex.vehicle_loss_verbs:
            return None
        if parent.pos_ == "ADP":
            if vehicle and parent.lower_ in _VEHICLE_PREPS:
                return (kind, None) if _lemma(parent.head) not in lex.vehicle_loss_verbs else None
            if people and parent.lower_ == "of" and _lemma(parent.head) in lex.strength_nouns:
                return kind, None
            if people and parent.lower_ in ("with", "by", "against") and parent.head.pos_ in ("VERB", "NOUN", "ADJ"):
                return kind, None
            node = parent
            continue
        if parent.pos_ in ("VERB", "AUX"):
            if plemma in lex.reporting_verbs and plemma not in lex.strength_verbs and plemma not in _ESTIMATING:
                return None
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in parent.children)
            acting = dep == "nsubj" and not passive and plemma not in ("be", "have", "remain", "include")
            if (people or vehicle) and (plemma in lex.strength_verbs or is_agent or people and acting):
                return kind, None
            if plemma in _ESTIMATING:
                force = _force_noun(parent, node)
                if force is not None:
                    return kind, (force if noun is None else None)
                if parent.dep_ in ("acl", "relcl") and parent.head.pos_ == "NOUN":
                    head = parent.head  # `the assault troops, estimated at 150`
                    if _lemma(head) in lex.strength_nouns or lex.role(_lemma(head)) in ("state", "group"):
                        return kind, (head if noun is None else None)
            return None
        if parent.pos_ == "NOUN" and _lemma(parent) in lex.strength_nouns and dep in ("appos", "compound", "nummod", "prep"):
            return kind, None  # `a column of twenty-five vehicles`, `a force of 300 fighters`
        node = parent
    return None


_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}


def _not_a_count(token: Token, quantity: Quantity) -> bool:
    """Numbers that name rather than count: dates (`3 October`, `October 2018`), years, clock
    times, model names (`Mirage 2000`, `MQ-9`, `C-135`) and ordinal-like labels."""
    doc = token.doc
    if token.idx != quantity.start or token.idx + len(token.text) != quantity.end:
        return True  # glued to letters: `CH-21`, `M113s`, `MQ-9`
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if any(n.lower_.rstrip(".") in _MONTHS for n in neighbours):
        return True
    text = token.text
    if not quantity.is_word and quantity.high == quantity.low and 1000 <= quantity.low <= 2100 and "," not in text:
        return True  # a year
    before = doc.text[max(0, token.idx - 1):token.idx]
    after = doc.text[token.idx + len(text):token.idx + len(text) + 1]
    if before in ("-", "/", "#", "$", "£", "€") or after in (":", "-", "/", "%") and not quantity.is_word:
        return True
    if token.dep_ in ("appos", "npadvmod", "amod") and token.head.pos_ == "PROPN" and quantity.low < 120 and doc.text[token.idx - 2:token.idx] == ", ":
        return True  # an age after a name: `André Frias, 48,`
    previous = doc[token.i - 1] if token.i > 0 else None
    if previous is not None and not quantity.is_word and previous.pos_ == "PROPN" and previous.text[:1].isupper() and token.dep_ in ("nummod", "compound", "appos") and token.head == previous:
        return True
    return False


def find_frames(parsed: Parsed) -> list[CountFrame]:
    """Every count frame of one parsed sentence, in reading order."""
    lex = lexicon()
    frames = []
    for index in sorted(parsed.quantities):
        token = parsed.doc[index]
        quantity = parsed.quantities[index]
        if _not_a_count(token, quantity):
            continue
        head, noun = _counted(token)
        if head != token and any(
            other != token and other.head == head and abs(head.i - other.i) < abs(head.i - token.i)
            for other in (parsed.doc[i] for i in parsed.quantities)
        ):
            continue  # `892 182 soldiers`: the count next to the noun is the one that counts it
        if noun is not None and (noun.pos_ == "NUM" or noun.lower_ in _ELLIPTICAL):
            noun = None
        own_tokens = [head] + ([noun] if noun is not None and noun != head else [])
        category, predicate = _modifier_category(own_tokens, token)
        agent = loser = None
        is_agent = False
        if category is not None and noun is None and predicate is not None and predicate.i == token.i + 1:
            # `the two wounded were detained`: the participle names who; the verb above says what befell them
            above = _climb(head)
            if above[0] not in (None, "two") and not above[4]:
                category, predicate, agent, loser, is_agent = above
        if category is None:
            category, predicate, agent, loser, is_agent = _climb(head)
        if category is None and not is_agent:
            category, predicate = _noun_category(own_tokens)
        if category == "two":
            continue
        zero = quantity.low == 0 and quantity.high == 0
        if category:
            if noun is not None and _lemma(noun) in lex.vehicle_nouns:
                continue  # vehicles destroyed or captured are never claims
            if noun is not None and not _counts_people(noun):
                continue  # `no police operation had left more dead` counts operations, not people
            categories = (
                _categories(predicate, category, zero) if predicate is not None and predicate.pos_ == "VERB" else (category,)
            )
            if categories is None:
                continue
            frames.append(CountFrame(token, quantity, head, noun, "casualty", categories, predicate, agent, loser))
            continue
        if zero:
            continue
        strength = _strength(head, noun, token, is_agent)
        if strength:
            category, force = strength
            frames.append(CountFrame(token, quantity, head, noun or force, "strength", (category,), predicate, None, None))
    return frames


def _counts_people(noun: Token) -> bool:
    """A counted noun that names people (or a category noun, or a proper name: `Taliban`)."""
    lex = lexicon()
    lemma = _lemma(noun)
    if lex.is_people(lemma) or lex.noun_category(lemma) or noun.pos_ in ("PROPN", "PRON"):
        return True
    if lemma in lex.two_category_nouns:
        return True
    # a demonym or a party's adjective used as a noun (`two Americans`)
    return noun.text[:1].isupper()

