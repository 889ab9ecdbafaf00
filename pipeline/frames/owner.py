"""Side and group of the people a count frame counts.

Reads: a `CountFrame`, the claimant's side (when known) and the article's party table (`SideBook`).
Writes: `(side, group)`. The evidence is taken in a fixed order: a possessor (`its own men`,
`the army's losses`), a named modifier or `of`/`among`/`in X's ranks` phrase (`Malian soldiers`,
`members of the Nigerien army`), agent versus victim (those killed by X belong to X's opponent),
the subject of lose/suffer/put, and last the role of the counted noun (`soldiers` → the state's side,
`gunmen` → the armed group's side, `villagers` → civilians).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..sides import SideBook
from .counts import CountFrame
from .lexicon import lexicon
from .strength import is_equipment

_STATE_WORDS = {"government", "army", "military", "police", "regime", "state", "security", "federal", "national"}
_GROUP_WORDS = {"rebel", "militant", "insurgent", "jihadist", "guerrilla", "terrorist", "islamist", "separatist"}
_NAMING_DEPS = {"compound", "amod", "nmod", "poss", "appos", "npadvmod"}


def _text(tokens) -> str:
    return " ".join(t.text for t in sorted(tokens, key=lambda t: t.i))


def _core(token: Token) -> list[Token]:
    """A phrase without what is only told beside it: appositions, relative clauses, lists."""
    tokens = [token]
    for child in token.children:
        if child.dep_ in ("appos", "relcl", "acl", "conj", "cc", "punct", "parataxis"):
            continue
        tokens.extend(_core(child))
    return tokens


def _possessor(tokens: list[Token]) -> Token | None:
    for token in tokens:
        for child in token.children:
            if child.dep_ == "poss":
                return child
    return None


def _named(noun: Token, book: SideBook) -> int | None:
    """A side named in the counted phrase: `of X`, `among X`, `in X's ranks` first (a demonym does not
    decide when the text places the person in the other side's ranks: `Malian recruits of JNIM`),
    then its modifiers (`Malian soldiers`), or the noun itself (`two Americans`)."""
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "among", "in", "within", "with"):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    side = book.by_name(_text(obj.subtree))
                    if side is None and (lexicon().is_people(obj.lemma_.lower()) or obj.lemma_.lower() in lexicon().strength_nouns):
                        side = book.by_term(_text(obj.subtree))  # `members of the security forces`
                    if side is not None:
                        return side
    if noun.dep_ == "appos" and noun.head.pos_ in ("NOUN", "PROPN"):
        side = book.by_name(_text([t for t in noun.head.subtree if t.i < noun.i and t.dep_ != "punct"]))
        if side is not None:
            return side  # `the 261st and 514th Battalions, some 350 men`
    pieces = [c for c in noun.lefts if c.dep_ in _NAMING_DEPS and c.pos_ in ("PROPN", "ADJ", "NOUN")]
    text = _text([t for c in pieces for t in c.subtree])
    if noun.pos_ == "PROPN" or noun.text[:1].isupper():
        text = f"{text} {noun.text}".strip()
    return book.by_name(text) if text else None


def _resolve(token: Token | None, book: SideBook, claimant_side: int | None) -> int | None:
    """The side a phrase (agent, possessor, subject) refers to; a pronoun to the claimant's side
    (`its own losses`, `our side`), else to the nearest party named before it in the sentence."""
    if token is None:
        return None
    if token.pos_ == "PRON":
        if claimant_side is not None and token.lower_ not in ("them", "they", "whom"):
            return claimant_side
        return _antecedent(token, book)
    phrase = _text(_core(token))
    return book.by_name(phrase) or book.by_term(phrase)


def _antecedent(pronoun: Token, book: SideBook) -> int | None:
    """The side of the nearest noun phrase before `pronoun` that names one (`the figure for the
    militants, stating that seven of them had died`)."""
    lex = lexicon()
    plural = pronoun.lower_ in ("them", "they", "their", "whom", "theirs")
    for token in reversed(list(pronoun.doc[:pronoun.i])):
        if token.pos_ not in ("NOUN", "PROPN"):
            continue
        if plural and token.pos_ == "NOUN" and token.tag_ not in ("NNS", "NNPS") and not lex.is_people(token.lemma_.lower()):
            continue
        side = book.by_name(_text([t for t in token.subtree if t.i <= token.i]))
        if side is None and lex.is_people(token.lemma_.lower()):
            side = book.by_term(token.text)
        if side is not None:
            return side
    return None


def _opponent(side: int | None, book: SideBook) -> int | None:
    if side is None:
        return None
    others = [n for n in book.numbers() if n != side]
    return others[0] if len(others) == 1 else None


def _loss_owner(frame: CountFrame) -> Token | None:
    """The subject of the loss or light verb above the count (`the army put its losses at 21`,
    `JNIM lost 12 men`), or the possessor of the loss noun beside the count."""
    lex = lexicon()
    if frame.loser is not None:
        return frame.loser
    node = frame.head
    for ancestor in list(node.ancestors)[:4]:
        lemma = ancestor.lemma_.lower()
        if ancestor.pos_ in ("VERB", "AUX") and (lemma in lex.loss_verbs or lemma in ("put", "place", "have")):
            for child in ancestor.children:
                if child.dep_ == "dobj" and child != node and child == frame.predicate:
                    possessor = _possessor([child])  # `put the attackers' dead at 35`: only the count at
                    if possessor is not None:        # the loss noun's own `at`, not one beside it
                        return possessor
            if (lemma in lex.loss_verbs or lemma == "have") and lemma not in ("report", "confirm", "count", "record"):
                for child in ancestor.children:
                    if child.dep_ == "nsubj" and child not in (node, frame.noun):
                        return child  # `JNIM lost 12 men`; not `55 people had lost their lives`
            break
    return None


def _among(frame: CountFrame) -> list[Token]:
    """Who the count is told among: `among the jihadists`, `in the group's ranks`, `among its troops`,
    attached to the counted phrase or its predicate."""
    found = []
    anchors = [t for t in (frame.head, frame.noun, frame.predicate, frame.token) if t is not None]
    anchors += [t.head for t in list(anchors) if t.head.pos_ in ("VERB", "AUX") and t.dep_ in ("nsubj", "nsubjpass", "attr")]
    for anchor in anchors:
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in ("among", "in", "within", "amongst", "inside", "on"):
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    if obj.lemma_.lower() in ("rank", "line", "side", "camp"):  # `in its ranks`, `on our side`
                        owners = [c for c in obj.children if c.dep_ in ("poss", "amod", "compound")]  # `on the rebel side`
                        owners += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                        found.extend(owners)
                    elif child.lower_ != "on" and (lexicon().is_people(obj.lemma_.lower()) or obj.pos_ == "PROPN"):
                        found.append(obj)
    return found


def _civilian(tokens: list[Token]) -> bool:
    lex = lexicon()
    for token in tokens:
        if lex.role(token.lemma_.lower()) == "civilian":
            return True
        if any(c.dep_ in ("amod", "compound") and c.lemma_.lower() == "civilian" for c in token.children):
            return True
    return False


def antecedent_noun(pronoun: Token) -> Token | None:
    """The plural noun of people a `them` / `whom` / `those` points back to in its sentence."""
    lex = lexicon()
    for token in reversed(list(pronoun.doc[:pronoun.i])):
        if token.pos_ in ("NOUN", "PROPN") and (lex.is_people(token.lemma_.lower()) or token.tag_ in ("NNS", "NNPS")):
            if lex.is_people(token.lemma_.lower()) or lex.noun_category(token.lemma_.lower()) or token.pos_ == "PROPN":
                return token
    return None


def _mixed(noun: Token) -> bool:
    """One count over nouns of two groups: `civilians and security personnel` (and no count of its own
    for the second noun)."""
    lex = lexicon()
    role = lex.role(noun.lemma_.lower())
    for other in noun.conjuncts:
        if other.i < noun.i or other.pos_ != "NOUN" or any(c.like_num or c.pos_ == "NUM" for c in other.children):
            continue
        second = lex.role(other.lemma_.lower())
        if role and second and (role == "civilian") != (second == "civilian"):
            return True
    return False


def decide_owner(frame: CountFrame, claimant_side: int | None, book: SideBook) -> tuple[int | None, str]:
    """(side, group) of the counted people."""
    lex = lexicon()
    noun = frame.noun
    if noun is not None and noun.pos_ == "PRON" and noun.lower_ in ("them", "whom", "those", "these"):
        referent = antecedent_noun(noun)
        if referent is not None:
            noun = referent
    role = lex.role(noun.lemma_.lower()) if noun is not None else None
    if frame.categories == ("vehicles",) and noun is not None and is_equipment(noun):
        role = None  # `two Mirage 2000 fighters` are aircraft: the word's sense as people decides no side
    among = _among(frame)
    if noun is not None and _mixed(noun):
        return None, "unknown"  # `500 civilians and security personnel killed`: one count over two groups
    if _civilian([t for t in (noun, frame.head, frame.predicate) if t is not None] + among):
        return None, "civilians"
    for token in among:
        side = _resolve(token, book, claimant_side)
        if side is None and token.dep_ in ("amod", "compound"):
            side = book.by_term(token.text)
        if side is not None:
            return side, "combatants"
    phrase = [t for t in (frame.head, noun) if t is not None]
    if frame.predicate is not None and frame.predicate.pos_ in ("NOUN", "ADJ") and frame.predicate not in phrase:
        phrase.append(frame.predicate)  # `the government dead at 68`, `its losses at 21`
    possessor = _possessor(phrase)
    if possessor is not None:
        side = _resolve(possessor, book, claimant_side)
        if side is not None:
            return side, "combatants"
    if frame.predicate is not None and frame.predicate.pos_ in ("NOUN", "ADJ") and frame.predicate not in (noun, frame.head):
        side = _named(frame.predicate, book)  # `the government dead at 68`, `Kenyan dead`, `Israeli losses`
        if side is None and frame.predicate.dep_ in ("oprd", "acomp", "xcomp"):
            # `put the government dead at 68`: the object the loss word is said of
            objects = [c for c in frame.predicate.head.children if c.dep_ == "dobj" and c != noun]
            modifiers_of = list(objects[0].lefts) + [objects[0]] if objects else []
        else:
            modifiers_of = []
        if side is None:
            modifiers = [c for c in frame.predicate.lefts if c.dep_ in ("compound", "amod", "nmod")] + modifiers_of
            side = book.by_term(_text(modifiers)) if modifiers else None
            for modifier in modifiers if side is None else ():
                word = modifier.lemma_.lower()
                if word == "enemy":  # `enemy dead`: the claimant's opponents
                    side = _opponent(claimant_side, book)
                elif word in _STATE_WORDS:
                    side = book.by_role("state")
                elif word in _GROUP_WORDS:
                    side = book.by_role("group")
        if side is not None:
            return side, "combatants"
    if noun is not None and noun.pos_ == "PRON":
        side = _resolve(noun, book, claimant_side)
        if side is not None:
            return side, "combatants"
    if noun is not None:
        side = _named(noun, book)
        if side is not None:
            return side, "combatants"
    if frame.kind == "casualty" and frame.agent is not None and frame.categories[0] in ("killed", "wounded", "captured"):
        side = _opponent(_resolve(frame.agent, book, claimant_side), book)
        if side is not None and role not in ("unknown",):
            return side, "combatants"
    owner = _loss_owner(frame)
    if owner is not None:
        side = _resolve(owner, book, claimant_side)
        if side is not None:
            return side, "combatants"
    if noun is not None and role in ("state", "group"):
        side = book.by_term(noun.text) or book.by_term(noun.lemma_) or book.by_role(role)
        return side, "combatants"
    if noun is not None and role is None and noun.pos_ == "PROPN":
        side = book.by_name(noun.text)
        return side, "combatants" if side is not None else "unknown"
    return None, "unknown"
