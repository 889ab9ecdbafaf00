"""Whether a count frame belongs to this event, and whether it is a part of a toll already claimed.

Reads: a parsed sentence, the frame, the years of the event and the section heading. Writes:
booleans. Other events are told by a year outside the event's, a campaign-wide marker (`since the
start of`, `a year earlier`), or a Background-type section; parts by `of them`, `including`,
`of the dead`, an apposition to another count, or a colon list after a claimed total.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .counts import CountFrame
from .lexicon import lexicon
from .parse import text_of

BACKGROUND_SECTIONS = re.compile(r"^(?:background|prelude|history|context|origins?|previous|earlier)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_SINCE = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december|1[6-9]\d\d|20\d\d|the\s+(?:start|beginning|outbreak))\b"
)


def is_background(section: str | None) -> bool:
    return bool(section and BACKGROUND_SECTIONS.match(section))


_ASIDES = {"appos", "relcl", "acl", "advcl", "parataxis", "conj"}


def _clause_tokens(node: Token, top: bool = True) -> list[Token]:
    """A clause without what is told beside it (appositions, relative and adverbial clauses,
    `since …` / `after …` phrases): `12 soldiers died, the deadliest since an attack in 2017`."""
    tokens = [node]
    for child in node.children:
        if child.dep_ in _ASIDES or child.dep_ == "prep" and child.lower_ in _TEMPORAL_PREPS:
            continue
        tokens.extend(_clause_tokens(child, False))
    return tokens


def _clause_head(frame: CountFrame) -> Token:
    """The nearest clausal head above the count's predicate (or head)."""
    node: Token = frame.predicate or frame.head
    return next((a for a in [node, *node.ancestors] if a.pos_ in ("VERB", "AUX") or a.dep_ == "ROOT"), node)


def _in_a_name(token: Token) -> bool:
    """A number that is part of a name, not a date: `Mirage 2000`, `Resolution 2100` (a month
    before it, `May 2019`, is a date)."""
    head = token.head
    return (
        head.pos_ == "PROPN" and head.i == token.i - 1 and head.lower_ not in _MONTH_NAMES
        and token.dep_ in ("nummod", "compound", "appos")
    )


_MONTH_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
                "october", "november", "december"}


def _clause_text(frame: CountFrame) -> str:
    """The text of the clause the count stands in, asides and numbers in names left out."""
    tokens = sorted(_clause_tokens(_clause_head(frame)), key=lambda t: t.i)
    return " ".join(t.text for t in tokens if not _in_a_name(t))


def _subtree_text(frame: CountFrame) -> str:
    """The whole clause the count stands in, asides included (for campaign markers)."""
    tokens = list(_clause_head(frame).subtree)
    return text_of(tokens[0].doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]


def _times_above(frame: CountFrame) -> str:
    """The time adjuncts of the verbs the count's clause hangs from (`the base had been overrun in
    2018, when 44 soldiers were killed`)."""
    parts = []
    node: Token = frame.predicate or frame.head
    for ancestor in node.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            for child in ancestor.children:
                if child.dep_ in ("prep", "npadvmod") and child.lower_ not in _TEMPORAL_PREPS and child not in node.ancestors:
                    parts.append(" ".join(t.text for t in child.subtree if not _in_a_name(t)))
    return " ".join(parts).lower()


_WIDER = {"war", "conflict", "campaign", "insurgency", "crisis", "uprising", "occupation", "rebellion"}


def _sentence_setting(frame: CountFrame) -> str:
    """The time and circumstance the main clause is set in: its root's adjuncts (`On 14 November
    2021 …`, `In an unrelated incident, …`), for every verb joined to the root."""
    root = frame.token
    while root.head != root:  # the root of the count's tree (Token.sent would scan the Doc per count)
        root = root.head
    parts = []
    for verb in [root, *root.conjuncts]:
        for child in verb.children:
            if child.dep_ in ("prep", "npadvmod", "advmod") and child.i < verb.i:
                parts.append(" ".join(t.text for t in child.subtree if not _in_a_name(t)))
    return " ".join(parts).lower()


def other_event(frame: CountFrame, sentence: str, years: set[int]) -> bool:
    """True when the count tells of another event or a whole campaign."""
    lex = lexicon()
    agent = frame.agent if frame.agent is not None else None
    if agent is not None and agent.lemma_.lower() in _WIDER:
        return True  # `the war that followed killed more than 1,000`
    setting = _sentence_setting(frame) if frame.kind == "casualty" else ""  # a force counted the week before still fought
    if any(marker in setting for marker in lex.campaign_markers):
        return True
    if years and (mentioned := {int(y) for y in _YEAR.findall(setting)}) and not mentioned & years:
        return True
    clause = _clause_text(frame).lower()
    whole = _subtree_text(frame).lower()
    if any(marker in whole for marker in lex.campaign_markers):
        return True
    if _SINCE.search(whole):
        return True  # `since June`, `since 2012`: a running total
    if years:
        mentioned = {int(y) for y in _YEAR.findall(clause)} or (
            {int(y) for y in _YEAR.findall(_times_above(frame))} if frame.kind == "casualty" else set()
        )
        if mentioned and not mentioned & years:
            return True
    return False


def _listed_after_be(node: Token) -> bool:
    while node.dep_ == "conj":
        node = node.head
    verb = node.head
    if node.dep_ != "attr" or verb.lemma_.lower() != "be":
        return False
    # `the hostages who were killed were nine Italians, …`, not `the number of … was 333` (a value)
    return any(c.dep_ == "nsubj" and any(d.lower_ == "the" for d in c.children)
               and c.lemma_.lower() not in _VALUE_NOUNS for c in verb.children)


_VALUE_NOUNS = {"number", "toll", "count", "total", "figure", "tally", "sum"}


def part_marker(frame: CountFrame) -> bool:
    """`three of them`, `of whom`, `including two children`, `one of the wounded`, an apposition to a count."""
    lex = lexicon()
    token, head = frame.token, frame.head
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (
                    obj.lower_ in ("them", "whom", "those", "which", "these")
                    or lex.noun_category(obj.lemma_.lower())
                    or obj.lemma_.lower() in ("victim", "casualty", "hostage", "body")
                ):
                    return True
    for node in (head, token):
        if node.dep_ == "pobj" and node.head.lower_ in ("including", "among"):
            return True
        if node.dep_ in ("attr", "conj") and _listed_after_be(node):
            return True  # `the hostages who were killed were nine Italians, seven Japanese …`
        if node.dep_ == "appos" and node.head.pos_ == "NUM" and node.head.i < token.i:
            return True
    for verb in (frame.predicate, head.head):  # `among the dead were 12 children`
        if verb is not None and verb.pos_ in ("VERB", "AUX"):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "among" and any(
                    lex.noun_category(o.lemma_.lower()) or o.lower_ in ("dead", "wounded", "injured", "victims") for o in child.children
                ):
                    return True
    prefix = text_of(token.doc)[max(0, token.idx - 12):token.idx].lower()
    return "including" in prefix or prefix.rstrip().endswith(":")


_TEMPORAL_PREPS = {"after", "since", "before", "than", "following", "unlike", "like"}


def told_of_another(frame: CountFrame) -> bool:
    """The count stands inside `after / since / before an attack …` or in a relative clause of an
    indefinite or earlier event (`an attack on a mosque that killed 11`)."""
    lex = lexicon()
    for ancestor in frame.token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ in _TEMPORAL_PREPS:
            objects = [c for c in ancestor.children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in lex.other_event_nouns and objects[0].i < frame.token.i:
                return True  # `… since an attack on the Boni camp in 2017 that killed 30`
        if ancestor.dep_ == "mark" and ancestor.lower_ in ("before", "since"):
            return True
        if ancestor.dep_ in ("relcl", "acl") and ancestor.head.lemma_.lower() in lex.other_event_nouns:
            event = ancestor.head
            if any(c.lower_ in ("another", "previous", "earlier", "prior", "last", "similar") for c in event.children):
                return True
    return False


def after_the_event(frame: CountFrame) -> bool:
    """Arrests after the event: suspects, or a clause told `later`, `the following week`."""
    lex = lexicon()
    if "captured" not in frame.categories:
        return False
    predicate = frame.predicate or frame.head
    for child in predicate.children:  # `three days later, police arrested …`, `in the following days`
        if child.dep_ in ("advmod", "npadvmod", "prep", "advcl") and not any(t.pos_ == "VERB" for t in child.subtree):
            text = " ".join(t.lower_ for t in child.subtree)
            if any(cue in text for cue in lex.after_event_cues):
                return True
    return False
