"""Reporting frames from the tree: who claims a count.

Reads: a parsed sentence and the predicate (or head) of a count frame. Writes: a `Claimant` — the
phrase that makes the claim, found as the subject (or passive agent) of the reporting verb that
governs the count, the object of `according to` / `per` / `citing`, or the maker of a report noun
(`a statement by X`, `X's figures`); anaphoric claimants (`it`, `the group`, `the same source`) are
flagged for the article-level memory to resolve. None when the article states the count itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import lexicon
from .parse import text_of

_CUT_DEPS = {"relcl", "acl", "appos", "punct", "cc", "conj_punct", "advcl", "prep_time"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
           "saturday", "sunday", "on", "in", "at"}
_LEADING = {"the", "a", "an", "this", "that", "these", "those"}
ORDERING = {"same", "first", "second", "third", "fourth", "later", "new", "latest", "earlier", "further", "subsequent", "final"}


@dataclass(frozen=True)
class Claimant:
    text: str  # as the article names them, leading article dropped
    start: int  # character offsets in the Doc
    end: int
    anaphoric: bool


def _phrase(token: Token) -> Claimant:
    """The claimant phrase headed by `token`: its subtree cut at a comma, bracket, relative clause or
    apposition; a person's name in apposition is preferred (`the governor of Borno State,
    Babagana Umara Zulum, said` -> Babagana Umara Zulum)."""
    lex = lexicon()
    for child in token.rights:
        if child.dep_ == "appos" and child.tag_ == "NNP" and token.pos_ == "NOUN" and not any(
            c.like_num or c.pos_ == "NUM" for c in child.children
        ):
            token = child
            break
    tokens = [token]
    for child in token.lefts:
        if child.dep_ in ("det", "poss", "compound", "amod", "nmod", "nummod", "quantmod", "advmod") or child.dep_ == "cc":
            tokens.extend(child.subtree)
    for child in token.rights:
        if child.dep_ in ("compound", "flat"):
            tokens.append(child)
        elif child.dep_ == "cc" or child.dep_ == "conj":
            tokens.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ in ("for", "of", "in", "from", "at", "with", "to") and child.i == max(t.i for t in tokens) + 1:
            tokens.extend(child.subtree)
    tokens = sorted(set(tokens), key=lambda t: t.i)
    # keep one contiguous run around the head, cut at commas, brackets and quotes
    run = [t for t in tokens if t.i <= token.i]
    kept = []
    for t in reversed(run):
        if t.is_punct and t.lower_ not in ("-", "'", "’", "&", "."):
            break
        kept.insert(0, t)
    for t in [t for t in tokens if t.i > token.i]:
        if t.i != kept[-1].i + 1 or t.is_punct and t.lower_ not in ("-", "'", "’", "&", "."):
            break
        kept.append(t)
    # `a third source` is someone new; `a second statement` is still the last speaker's
    indefinite = any(t.lower_ in ("a", "an", "another", "one") for t in kept[:1]) and token.lemma_.lower() not in _DOCUMENTS
    while kept and (kept[0].lower_ in _LEADING or kept[0].is_punct or kept[0].like_num and kept[0].tag_ == "CD"
                    or kept[0].lower_ in _MONTHS):
        kept.pop(0)
    while kept and (kept[-1].is_punct or kept[-1].dep_ == "cc"):
        kept.pop()
    if not kept:
        kept = [token]
    if all(t.is_upper or t.is_punct for t in kept) and sum(len(t.text) for t in kept) > 5 and len(kept) > 1:
        kept = [t for t in token.doc[kept[-1].i + 1:token.i + 1] if not t.is_punct] or [token]  # a dateline
    start, end = kept[0].idx, kept[-1].idx + len(kept[-1].text)
    text = text_of(token.doc)[start:end]
    words = {t.lemma_.lower() for t in kept if not t.is_punct}
    anaphoric = token.pos_ == "PRON" or not indefinite and (
        len([t for t in kept if not t.is_punct and t.lower_ not in _LEADING and t.lower_ not in ORDERING]) == 1
        and token.lemma_.lower() in lex.anaphoric_sources
    ) or "same" in words and ("source" in words or "statement" in words) or (
        token.lemma_.lower() in _DOCUMENTS and not any(t.pos_ == "PROPN" for t in kept)
    )
    return Claimant(text, start, end, anaphoric)


# Verbs that make a report its author's (`issued by`), unlike those that relay it (`quoted by`).
_AUTHORING = {"issue", "release", "publish", "compile", "produce", "write", "prepare", "sign", "draft",
              "present", "submit", "circulate", "post", "put"}
_DOCUMENTS = {"statement", "communique", "communiqué", "release", "bulletin", "announcement", "message"}


def _maker(token: Token) -> Token:
    """The maker of a report noun: `a statement by the army` -> army; `the UN's figures` -> UN."""
    lex = lexicon()
    if token.lemma_.lower() not in lex.report_nouns:
        return token
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ != "PRON":
            return child
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _maker(objects[0])
        if child.dep_ == "acl" and child.lemma_.lower() in _AUTHORING:  # `a report issued by the MNLA`
            for agent in child.children:
                if agent.dep_ == "agent":
                    objects = [c for c in agent.children if c.dep_ == "pobj"]
                    if objects:
                        return _maker(objects[0])
    return token


def _speaker(verb: Token) -> Token | None:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _maker(objects[0])
    if passive:
        return None
    lex = lexicon()
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lemma_.lower() in lex.other_event_nouns or lex.noun_category(child.lemma_.lower()):
                return None  # `the battle claimed the lives of`: an event, not a claimant
            return _maker(child)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ == "VERB":  # `X said … and added that …`
        return _speaker(verb.head)
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in lexicon().report_nouns:
        noun = verb.head  # `in a statement asserting that …`: the statement's maker, or who issued it
        maker = _maker(noun)
        if maker != noun:
            return maker
        governor = noun.head.head if noun.head.pos_ == "ADP" else noun.head
        if governor.pos_ == "VERB":
            return next((c for c in governor.children if c.dep_ == "nsubj"), None)
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and before.pos_ in ("PROPN", "NOUN") and before.dep_ in ("pobj", "npadvmod", "compound", "dep"):
        return before  # `On 8 March Essid told …` parsed with the name under the date
    return None


def _source_prep(token: Token) -> Token | None:
    """The object of `according to X`, `per X`, `citing X` attached to `token`."""
    lex = lexicon()
    for child in token.children:
        lower = child.lower_
        if child.dep_ == "prep" and lower in ("by", "in", "from") and token.pos_ in ("VERB", "AUX"):
            # `by the MNDAA's own count`, `in a statement by the army`: a report noun names its maker
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in lex.report_nouns:
                    maker = _maker(obj)
                    if maker != obj:
                        return maker
            continue
        if lower not in lex.source_preps and child.lemma_.lower() not in lex.source_preps:
            continue
        for grandchild in child.children:
            if grandchild.dep_ in ("pobj", "dobj"):
                return _maker(grandchild)
            if grandchild.dep_ == "prep":
                objects = [c for c in grandchild.children if c.dep_ == "pobj"]
                if objects:
                    return _maker(objects[0])
    return None


def find_claimant(start: Token, count: Token | None = None, noun: Token | None = None) -> Claimant | None:
    """The claimant of the count whose predicate (or head) is `start`; never a phrase that holds
    the count or its noun (`two people reported killed`)."""
    found = _find_claimant(start)
    if found is None:
        return _edge_attribution(start.doc)
    if any(t is not None and found.start <= t.idx < found.end for t in (count, noun)):
        return None
    if any(
        (t.like_num and t.tag_ == "CD" or t.pos_ == "NUM") and t.head.lemma_.lower() not in _TELLERS
        and (found.start <= t.idx < found.end or t.dep_ == "nummod" and t.head.pos_ == "NOUN" and found.start <= t.head.idx < found.end)
        for t in start.doc
    ):
        return None  # `with two people reported killed and five injured`: counted people claim nothing
    return found


# Nouns for those who tell a figure: `one police source`, `two officials` count tellers, not victims.
_TELLERS = {"source", "official", "spokesman", "spokesperson", "spokeswoman", "witness", "resident", "officer",
            "report", "statement", "account", "estimate", "survivor", "medic", "doctor", "journalist"}


# `Per the UN and the CMA, …` / `…, according to an army spokesman and a source at the hospital.`:
# an attribution standing at either edge of the sentence covers all of it. The parser often
# misreads a sentence-initial `Per` (as a conjunction) or attaches a final one to a side clause,
# so the edges are read from the text; the claimant is then the phrase up to the comma.
_EDGE_FIRST = re.compile(r"^\s*(?:per|according\s+to)\s+([^,;:]{2,80}?)\s*,", re.IGNORECASE)
_EDGE_LAST = re.compile(r",\s*(?:per|according\s+to)\s+([^,;:]{2,80}?)\s*[.!?]?\s*$", re.IGNORECASE)


def _edge_attribution(doc) -> Claimant | None:
    text = text_of(doc)
    match = _EDGE_FIRST.match(text) or _EDGE_LAST.search(text)
    if match is None:
        return None
    start, end = match.span(1)
    phrase = text[start:end]
    stripped = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.IGNORECASE)
    start += len(phrase) - len(stripped)
    words = stripped.lower().split()
    anaphoric = len(words) == 1 and words[0] in lexicon().anaphoric_sources
    return Claimant(stripped, start, end, anaphoric)


def _find_claimant(start: Token) -> Claimant | None:
    lex = lexicon()
    chain = [start, *start.ancestors]
    for node in chain:  # `according to X` on the path to the root wins: it names the source outright
        found = _source_prep(node)
        if found is not None:
            return _phrase(found)
    for node in chain[1:] + ([start] if start.pos_ == "VERB" else []):
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in lex.reporting_verbs:
            speaker = _speaker(node)
            if speaker is not None:
                return _phrase(speaker)
            if any(c.dep_ == "nsubjpass" for c in node.children):
                return None  # `were reported killed`: a passive with no agent names nobody
    for node in chain:  # `later estimates by journalists have ranged from …`, `agency reports put …`
        if node.pos_ in ("VERB", "AUX"):
            for child in node.children:
                if child.dep_ == "nsubj" and child.lemma_.lower() in lex.report_nouns and child.lemma_.lower() != "toll":
                    maker = _maker(child)
                    if maker != child or child.tag_ == "NNS":  # `estimates by journalists`, `early reports`
                        return _phrase(maker)
                    return None  # `the final count was 22 dead`: the article's own count
    root = chain[-1]
    for child in root.children:  # `…, the army said` parsed as a clause beside the count's
        if child.dep_ in ("parataxis", "advcl", "ccomp") and child.lemma_.lower() in lex.reporting_verbs:
            if start in child.subtree:
                continue
            speaker = _speaker(child)
            if speaker is not None:
                return _phrase(speaker)
    return None


_ISSUING = {"issue", "brief", "speak", "publish", "post", "release", "give", "circulate", "send"}


def speakers(doc) -> list[Claimant]:
    """Who speaks in a sentence: subjects of its reporting verbs and of `issued a statement`,
    `briefed the press`, `spoke to reporters` — the claimants later pronouns refer to."""
    lex = lexicon()
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and (lemma in lex.reporting_verbs or lemma in _ISSUING):
            speaker = _speaker(token)
            if speaker is None or speaker.pos_ == "PRON" or speaker.lemma_.lower() in lex.other_event_nouns:
                continue
            if any(t.like_num or t.pos_ == "NUM" for t in speaker.subtree):
                continue  # `six National Guardsmen …` counts people, it names no speaker
            found.append(_phrase(speaker))
    return found
