"""Count frames from the dependency tree: the count, the noun it counts, the predicate that gives
its category, and the roles around it.

Reads: a `Parsed` sentence (count tokens merged) and the lexicon. Writes: `CountFrame` values, one
per count token that counts people or vehicles of the kind a record keeps. Pure: nothing here knows
the article's sides or claimants.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..numbers import Quantity
from .categories import (
    agent_of,
    categories_of,
    category_of_noun,
    lemma_of,
    modifier_category,
    noun_category_of,
    phrase_category,
    subject_of,
    told_category,
)
from .lexicon import lexicon
from .parse import Parsed, text_of
from .strength import is_equipment, strength_of

_MODIFIER_DEPS = {"nummod", "quantmod", "amod", "compound", "det", "advmod", "nmod", "appos"}
_NOUNISH = {"NOUN", "PROPN", "ADJ", "PRON", "NUM", "X"}
_CLIMB_DEPS = {"nsubjpass", "dobj", "nsubj", "attr", "oprd", "appos", "conj", "pobj", "dative", "npadvmod", "acomp"}
_INTRANSITIVE_PHRASES = {"lose", "go", "be", "remain", "become", "give", "sacrifice", "list", "report", "declare"}
_ESCAPE_WITH = {"escape", "flee", "make", "leave", "disappear", "vanish", "withdraw", "retreat", "depart", "abscond"}
_ELLIPTICAL = {"more", "others", "other", "further", "another", "additional"}
_INTRANSITIVE = {"die", "perish", "succumb", "surrender", "disappear", "drown"}


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
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    stray = (token.dep_ in ("conj", "attr", "appos", "dobj") and following is not None and following.tag_ == "NNS"
             and following.head != token.head and not any(c.dep_ == "nummod" for c in following.children)
             and lex.is_people(lemma_of(following)))
    if token.dep_ in ("ROOT", "dep") and not list(token.children) or stray and not any(c.dep_ != "quantmod" for c in token.children):
        # a count the parser left on its own (`Fifteen | Ansar Dine militants died`, `was overrun
        # and | over fifty | soldiers were killed`): it counts the noun phrase right after it
        for following in token.doc[token.i + 1:token.i + 6]:
            if following.pos_ in ("NOUN", "PROPN") and following.dep_ != "compound":
                return following, following
            if following.dep_ not in ("compound", "amod", "nmod") and following.pos_ not in ("PROPN", "ADJ", "NOUN"):
                break
    if token.dep_ in _MODIFIER_DEPS and token.head.pos_ in _NOUNISH and token.head != token:
        head = token.head
        while (head.dep_ == "compound" or head.dep_ == "nmod" and head.pos_ == "PROPN") and head.head.pos_ in ("NOUN", "PROPN") and head.head.i > head.i and (
            not lex.is_people(lemma_of(head)) or head.pos_ == "PROPN" and head.head.pos_ == "NOUN"
        ):
            # `ten CH-21 Shawnee transport helicopters`, `four Afghan National Army (ANA) soldiers`:
            # the last noun is counted (not `5 soldiers hostage`)
            head = head.head
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
            if parent.lower_ == "with" and lemma_of(parent.head) in _ESCAPE_WITH and dep == "pobj":
                # `the gunmen escaped with 344 schoolboys`, `made off with 12 girls`: taken away
                return "captured", parent.head, subject_of(parent.head), None, False
            node = parent
            continue
        if dep in ("conj", "compound") and parent.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            node = parent
            continue
        if parent.pos_ in ("VERB", "AUX", "ADJ"):
            lemma = lemma_of(parent)
            told = told_category(parent, node)
            if told is not None:
                category, teller = told
                # the loss noun's possessor owns the count (`put the attackers' dead at 35`)
                possessors = [c for c in teller.children if c.dep_ == "poss"] if teller.pos_ in ("NOUN", "ADJ") else []
                return category, teller if teller.pos_ in ("NOUN", "ADJ") else parent, None, (possessors or [None])[0], False
            if lemma in lex.reporting_verbs and lemma not in lex.loss_verbs and lemma not in lex.light_verbs:
                break
            if lemma in ("include", "comprise") and dep == "dobj":
                # `the dead included four soldiers`, `most of those killed … included two police
                # officers`: the members take the category of the set
                whole = subject_of(parent) or (subject_of(parent.head) if parent.dep_ == "conj" else None)
                found = _set_category(whole) if whole is not None else None
                if found:
                    return found, parent, None, None, False
            category = phrase_category(parent)
            # `lost their lives`, `went missing`: the subject is the victim; `took 5 soldiers
            # hostage`, `shot dead three men`: the subject is the agent
            phrasal = category is not None and category != lex.verb_category(lemma) and lemma in _INTRANSITIVE_PHRASES
            if category is None and parent.pos_ == "ADJ":
                category = lex.noun_category(lemma)
            if category:
                has_object = not phrasal and any(c.dep_ == "dobj" for c in parent.children)
                if dep == "nsubj" and has_object and lemma not in _INTRANSITIVE and not (head.i > parent.i):
                    return None, parent, None, None, True
                agent = agent_of(parent) if not phrasal else (subject_of(parent) if dep != "nsubj" else None)
                return category, parent, agent, None, False
            if lemma == "be" and dep in ("nsubj", "attr"):
                for child in parent.children:  # `two soldiers were among the wounded`
                    if child.dep_ == "prep" and child.lower_ in ("among", "of"):
                        for obj in child.children:
                            if obj.dep_ == "pobj" and lex.noun_category(lemma_of(obj)):
                                return lex.noun_category(lemma_of(obj)), obj, None, None, False
            if dep == "nsubj":
                for other in parent.conjuncts:  # `the two men … did so and surrendered`
                    if other.i > parent.i and other.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in other.children):
                        passive = any(c.dep_ == "auxpass" for c in other.children)
                        if lemma_of(other) in _INTRANSITIVE or passive:
                            found = phrase_category(other)
                            if found:
                                return found, other, None, None, False
            if parent.dep_ == "relcl" and (lemma in lex.light_verbs or lemma == "be"):
                found = category_of_noun(parent.head)  # `a death toll that was raised to five`
                if found:
                    return found, parent.head, None, None, False
            if lemma in lex.loss_verbs or lemma in lex.light_verbs or lemma == "be":
                for child in parent.children:
                    if child == node or child.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "acomp"):
                        continue
                    category = category_of_noun(child)
                    if category is None and lemma_of(child) in lex.two_category_nouns:
                        return "two", child, None, None, False
                    if category:
                        # `the army lost …`: the subject lost them; `X put the attackers' dead at 35`:
                        # the subject only counts, the possessor of the loss noun lost them
                        possessors = [c for c in child.children if c.dep_ == "poss"]
                        if possessors:
                            loser = possessors[0]
                        elif lemma in lex.loss_verbs and lemma not in ("report", "confirm", "count", "record", "admit", "acknowledge"):
                            loser = subject_of(parent)
                        else:
                            loser = None
                        if loser == child or loser == node:
                            loser = None
                        return category, child, None, loser, False
                if lemma in lex.loss_verbs and dep in ("dobj",):
                    return "killed" if lemma in ("lose",) else None, parent, None, subject_of(parent), False
            node = parent
            if dep in ("nsubj", "nsubjpass") or parent.dep_ in ("ccomp", "advcl", "xcomp", "parataxis", "ROOT"):
                break
            if dep == "dobj" and parent.dep_ == "conj":
                break  # `killed six and rescued 960 people`: the object of its own verb, which names no loss
            continue
        if parent.pos_ in ("NOUN", "PROPN"):
            category = lex.noun_category(lemma_of(parent))
            if lemma_of(parent) in lex.two_category_nouns:
                return "two", parent, None, None, False
            if category:
                return category, parent, None, None, False
            node = parent
            continue
        break
    return None, None, None, None, False


def _set_category(noun: Token, depth: int = 0) -> str | None:
    """The category of a set of people: `the dead`, `those killed`, `most of those killed`."""
    found = category_of_noun(noun) or next(
        (phrase_category(c) for c in noun.children if c.dep_ in ("acl", "relcl", "amod") and phrase_category(c)), None)
    if found or depth > 2:
        return found
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return _set_category(obj, depth + 1)
    return None


_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}


_UNIT_NAMES = {"commando", "para", "squadron", "brigade", "battalion", "regiment", "division", "corps", "company",
               "group", "wing", "fleet"}  # singular and capitalised after a number: a unit's name


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
    if not quantity.is_word and 1000 <= quantity.low <= 2100 and (quantity.high is None or quantity.high <= 2100) and "," not in text:
        return True  # a year, or a span of years (`between 2005 and 2011`)
    before = text_of(doc)[max(0, token.idx - 1):token.idx]
    after = text_of(doc)[token.idx + len(text):token.idx + len(text) + 1]
    if before in ("-", "/", "#", "$", "£", "€") or after in (":", "-", "/", "%") and not quantity.is_word:
        return True
    if token.dep_ in ("appos", "npadvmod", "amod") and token.head.pos_ == "PROPN" and quantity.low < 120 and text_of(doc)[token.idx - 2:token.idx] == ", ":
        return True  # an age after a name: `André Frias, 48,`
    previous = doc[token.i - 1] if token.i > 0 else None
    if previous is not None and not quantity.is_word and previous.pos_ == "PROPN" and previous.text[:1].isupper() and token.dep_ in ("nummod", "compound", "appos") and token.head == previous:
        return True
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is not None and following.text[:1].isupper() and following.lower_ in _UNIT_NAMES:
        return True  # a unit's name: `45 Commando`, `3 Para`, `22 Squadron`
    if quantity.is_word and text[:1].isupper() and not token.is_sent_start and token.head.pos_ == "PROPN" and token.head.i > token.i:
        return True  # a word-number written with a capital inside a name: `Two Sisters Mountain`
    if (previous is not None and not quantity.is_word and quantity.high == quantity.low and previous.text[:1].isupper()
            and not previous.is_sent_start and previous.whitespace_ and previous.is_alpha and not doc[token.i - 2].is_punct):
        return True  # a digit straight after a capitalised word inside the sentence names a type: `Alpha Jet 2`
    return False


def find_frames(parsed: Parsed) -> list[CountFrame]:
    """Every count frame of one parsed sentence, in reading order."""
    lex = lexicon()
    frames = []
    counts = [i for i in sorted(parsed.quantities) if not _not_a_count(parsed.doc[i], parsed.quantities[i])]
    for index in counts:
        token = parsed.doc[index]
        quantity = parsed.quantities[index]
        head, noun = _counted(token)
        if head != token and any(
            other != token and other.head == head and abs(head.i - other.i) < abs(head.i - token.i)
            for other in (parsed.doc[i] for i in counts)
        ):
            continue  # `892 182 soldiers`: the count next to the noun is the one that counts it
        if noun is not None and (noun.pos_ == "NUM" or noun.lower_ in _ELLIPTICAL):
            noun = None
        own_tokens = [head] + ([noun] if noun is not None and noun != head else [])
        category, predicate = modifier_category(own_tokens, token)
        agent = loser = None
        is_agent = False
        if category is None and head.dep_ == "conj" and noun is not None and lexicon().noun_category(lemma_of(noun)):
            category, predicate = noun_category_of([noun])  # `… injured, and thirty-five prisoners`
        if category is not None and noun is None and predicate is not None and predicate.i == token.i + 1:
            # `the two wounded were detained`: the participle names who; the verb above says what befell them
            above = _climb(head)
            if above[0] not in (None, "two") and not above[4]:
                category, predicate, agent, loser, is_agent = above
        if category is None:
            category, predicate, agent, loser, is_agent = _climb(head)
        if category is None and not is_agent:
            category, predicate = noun_category_of(own_tokens)
        if category == "two":
            continue
        zero = quantity.low == 0 and quantity.high == 0
        if category:
            if noun is not None and (lemma_of(noun) in lex.vehicle_nouns or is_equipment(noun)):
                continue  # vehicles destroyed or captured are never claims
            if noun is not None and not _counts_people(noun):
                continue  # `no police operation had left more dead` counts operations, not people
            categories = (
                categories_of(predicate, category, zero) if predicate is not None and predicate.pos_ == "VERB" else (category,)
            )
            if categories is None:
                continue
            frames.append(CountFrame(token, quantity, head, noun, "casualty", categories, predicate, agent, loser))
            continue
        if zero:
            continue
        strength = strength_of(head, noun, token, is_agent)
        if strength:
            category, force = strength
            frames.append(CountFrame(token, quantity, head, noun or force, "strength", (category,), predicate, None, None))
    return frames


def _counts_people(noun: Token) -> bool:
    """A counted noun that names people (or a category noun, or a proper name: `Taliban`)."""
    lex = lexicon()
    lemma = lemma_of(noun)
    if lex.is_people(lemma) or lex.noun_category(lemma) or noun.pos_ in ("PROPN", "PRON"):
        return True
    if lemma in lex.two_category_nouns:
        return True
    # a demonym or a party's adjective used as a noun (`two Americans`)
    return noun.text[:1].isupper()

