"""Categories from the tree: what befell the people a count counts.

Reads: tokens of a parsed sentence and the lexicon. Writes: a category (`killed`, `wounded`,
`captured`, `missing`; `two` for a word that names two at once) with the token that gives it —
a verb with its particles and complements (`taken prisoner`, `lost their lives`, `went missing`),
a category noun (`deaths`, `prisoners`), a modifier (`soldiers killed`), a raising or listing verb
(`were reported killed`, `listed as missing`), and coordination (`captured and executed`).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import lexicon

_OWN_DEPS = {"amod", "acl", "relcl", "oprd", "appos", "acomp", "nmod", "compound", "advmod", "xcomp"}


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def phrase_category(token: Token) -> str | None:
    """The category a verb gives with its particles and complements: `shot dead`, `taken
    prisoner`, `went missing`, `lost their lives`, `held hostage`."""
    lex = lexicon()
    lemma = lemma_of(token)
    if token.lower_ in ("missing", "unaccounted"):
        return "missing"  # `five soldiers are still missing`, parsed with `missing` as the verb
    for child in token.children:
        if child.dep_ in ("oprd", "acomp", "dobj", "xcomp", "advmod", "prt", "attr", "npadvmod", "ccomp", "advcl"):
            if child.lower_ in ("missing", "unaccounted") and lemma in ("go", "be", "remain", "become", "declare", "report", "list"):
                return "missing"  # the lemma of `missing` is `miss`
            pair = f"{lemma} {lemma_of(child)}"
            if lex.verb_category(pair):
                return lex.verb_category(pair)
            if lemma in ("take", "hold", "keep", "make") and lemma_of(child) in ("prisoner", "hostage", "captive"):
                return "captured"
            if lemma in ("take", "capture", "seize") and lemma_of(child) == "alive":
                return "captured"
            if lemma in ("lose", "give", "sacrifice") and lemma_of(child) == "life":
                return "killed"
            if lemma in ("go", "be", "remain", "become", "declare", "report", "list") and lemma_of(child) in ("missing", "unaccounted"):
                return "missing"
            if lemma in ("shoot", "find", "leave", "declare", "pronounce", "confirm", "report", "be") and lemma_of(child) == "dead":
                return "killed"
    return lex.verb_category(lemma)


def noun_category_of(tokens: list[Token]) -> tuple[str | None, Token | None]:
    """The category the counted noun names itself: `deaths`, `12 dead`, `prisoners`, `bodies`;
    `casualties` (two categories at once) gives `two`."""
    lex = lexicon()
    for token in tokens:
        lemma = lemma_of(token)
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
        if t.dep_ in ("nsubj", "nsubjpass", "dobj") or t.dep_ == "nummod" and lex.is_people(lemma_of(t.head)):
            return True
    return False


def modifier_category(tokens: list[Token], count: Token) -> tuple[str | None, Token | None]:
    """A category the counted phrase's modifiers give: `soldiers killed`, `men who were wounded`,
    `12 dead soldiers`; a clause holding a count of its own (`seven, of whom six were killed`) gives none."""
    lex = lexicon()
    last = max(tokens, key=lambda t: t.i)
    after = count.doc[last.i + 1] if last.i + 1 < len(count.doc) else None
    if after is not None and after.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in after.children):
        category = phrase_category(after)  # `one Taliban facilitator killed and …`, however it was parsed
        if category:
            return category, after
    for token in tokens:
        for child in token.children:
            if child.dep_ not in _OWN_DEPS or child.i < token.i and child.dep_ not in ("amod", "compound"):
                continue
            if child.pos_ in ("VERB", "ADJ", "NOUN") and not (child.dep_ in ("relcl", "acl") and _has_count(child, count)):
                category = phrase_category(child) if child.pos_ == "VERB" else lex.noun_category(lemma_of(child))
                if category is None and child.pos_ == "ADJ":
                    category = lex.verb_category(lemma_of(child))
                if category:
                    return category, child
    return None, None


def subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def agent_of(verb: Token) -> Token | None:
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


def categories_of(predicate: Token, category: str, zero: bool) -> tuple[str, ...] | None:
    """One category, two (`captured and executed`, `no one was killed or injured`), or None
    (`killed or wounded`: a count that fixes no category)."""
    lex = lexicon()
    categories = [category]
    for other, cc in _second_predicates(predicate):
        second = phrase_category(other)
        if second and second != category:
            if not zero and (cc == "or" or frozenset((category, second)) not in lex.sequential_pairs):
                return None
            categories.append(second)
    return tuple(dict.fromkeys(categories))


def category_of_noun(noun: Token) -> str | None:
    """A category noun, or `the number / toll / count of <category noun or participle>`."""
    lex = lexicon()
    category = lex.noun_category(lemma_of(noun))
    if category or lemma_of(noun) not in ("number", "figure", "count", "tally", "total"):
        return category
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    found = lex.noun_category(lemma_of(obj))
                    found = found or next((phrase_category(c) for c in obj.children if c.dep_ in ("acl", "amod") and phrase_category(c)), None)
                    if found:
                        return found
    # `the number of women abducted from the market`, the participle hung on `number`
    return next((phrase_category(c) for c in noun.children if c.dep_ in ("acl", "relcl") and phrase_category(c)), None)


def told_category(verb: Token, node: Token) -> tuple[str, Token] | None:
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
            found = found or (phrase_category(child) if child.pos_ == "VERB" else lex.noun_category(lemma_of(child)) or lex.verb_category(lemma_of(child)))
            if found:
                return found, child
        if child.dep_ == "prep" and child.lower_ in ("as", "among"):
            for obj in child.children:
                if obj.dep_ in ("pobj", "pcomp", "amod", "acomp"):
                    found = lex.noun_category(obj.lower_) or lex.noun_category(lemma_of(obj)) or lex.verb_category(lemma_of(obj))
                    if found:
                        return found, obj
        if child.dep_ == "nsubj" and node.dep_ == "dobj" and lemma_of(verb) in ("include", "comprise", "number"):
            if lex.noun_category(lemma_of(child)):
                return lex.noun_category(lemma_of(child)), child
    return None
