"""Parse-based frames of the prose stage.

Data flow, one sentence at a time (each module says what it reads and writes):

    parse.py      sentence text -> parsed Doc with each number phrase merged into one token
    counts.py     Doc -> CountFrame: the count, the noun it counts, the predicate and category
    categories.py tokens -> the category a verb, noun, modifier or raising frame gives
    strength.py   tokens -> personnel / vehicles when a count sizes a force
    reporting.py  Doc + frame -> the claimant: subject or agent of the reporting frame above it
    owner.py      frame + the article's PartyTable -> side and group of the counted people
    scope.py      frame -> whether it belongs to this event and is no part of a toll claimed
    claims.py     all of the above -> Figure values for the record
"""
