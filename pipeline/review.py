"""What the review page shows: each article's claims, where their evidence stands in its text,
and, against gold, which were matched, missed or spurious.

Reads: Articles, their EventRecords and (optionally) gold EventRecords. Writes: `ArticleReview`s,
pure; matching against gold is `pipeline.evaluate`'s, the same one the scores use. Loading the
inputs and rendering the page are `load_reviews` and `pipeline.review_page`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article, ArticleError, read_article
from .evaluate import FIGURE_LISTS, Item, load_gold, match_figures, score_record
from .export import parse_records
from .records import EventRecord, Figure, slugify


@dataclass(frozen=True)
class Claim:
    """One row of an article's claims table, and one highlight in its text."""

    number: int
    kind: str                    # strength or casualties
    figure: Figure
    side_name: str               # actors of the figure's side, `civilians`, or `no side`
    status: str = ""             # with gold: matched, spurious or missed
    note: str | None = None
    located: bool = True         # the evidence offsets hold the evidence text

    @property
    def value(self) -> str:
        f = self.figure
        number = str(f.low) if f.high == f.low else f"{f.low}+" if f.high is None else f"{f.low}\u2013{f.high}"
        return ("~" if f.approximate else "") + number

    @property
    def claimant(self) -> str:
        return self.figure.source or "the article"

    @property
    def label(self) -> str:
        status = f"{self.status}: " if self.status in ("missed", "spurious") else ""
        return f"{status}#{self.number} {self.figure.category} {self.value} \u00b7 {self.side_name} \u00b7 per {self.claimant}"


@dataclass
class ArticleReview:
    article: Article
    record: EventRecord | None
    claims: list[Claim]
    differences: list[Item] = field(default_factory=list)   # against gold, other than figures
    problems: list[str] = field(default_factory=list)
    gold: bool = False


def side_name(record: EventRecord, figure: Figure) -> str:
    if figure.side is None:
        return "civilians" if figure.group == "civilians" else "no side"
    for side in record.sides:
        if side.side == figure.side:
            names = [a.abbreviation or a.name for a in side.belligerents]
            return f"{', '.join(names) or 'side'} (side {figure.side})"
    return f"side {figure.side}"


def _located(article: Article, figure: Figure) -> bool:
    evidence = figure.evidence
    return article.text[evidence.start:evidence.end] == evidence.text


def review(article: Article, record: EventRecord | None, gold: EventRecord | None = None) -> ArticleReview:
    """The claims of one article in reading order (strength, then casualties; missed gold claims
    after the predicted ones of their list), numbered from 1."""
    claims: list[Claim] = []

    def add(kind: str, figure: Figure, owner: EventRecord, status: str = "", note: str | None = None) -> None:
        claims.append(Claim(len(claims) + 1, kind, figure, side_name(owner, figure), status, note, _located(article, figure)))

    for kind in ("strength", "casualties"):
        predicted = getattr(record, kind) if record else []
        if gold is None:
            for figure in predicted:
                add(kind, figure, record)
            continue
        expected = getattr(gold, kind)
        pairs, value_pairs = match_figures(predicted, expected), match_figures(predicted, expected, attributed=False)
        for i, figure in enumerate(predicted):
            if i in pairs:
                add(kind, figure, record, "matched")
            else:
                add(kind, figure, record, "spurious", "value matches gold; source differs" if i in value_pairs else None)
        matched = set(pairs.values())
        value_matched = set(value_pairs.values())
        for j, figure in enumerate(expected):
            if j not in matched:
                add(kind, figure, gold, "missed", "value matches; source differs" if j in value_matched else None)
    problems = [f"claim #{c.number}: its evidence is not at {c.figure.evidence.start}:{c.figure.evidence.end} of this text"
                for c in claims if not c.located]
    differences: list[Item] = []
    if gold is not None:
        score = score_record(record, gold)
        differences = [i for i in [*score.missed, *score.spurious] if i.field not in FIGURE_LISTS]
    return ArticleReview(article, record, claims, differences, problems, gold is not None)


# --------------------------------------------------------------------------------------------
# Loading


def load_reviews(
    paths: list[str],
    records_path: str | None,
    gold_dir: str | None,
    report: Callable[[str], None],
    extract: Callable[[list[Article]], list[EventRecord]],
) -> tuple[list[ArticleReview], list[str]]:
    """Reviews of the readable articles, and one message per input that could not be used.

    Records come from `records_path` (matched to an article by digest, else by id) or, without
    it, from `extract`. Raises ValueError for a records file or gold folder that cannot be read.
    """
    failures: list[str] = []
    articles: list[Article] = []
    for path in paths:
        try:
            articles.append(read_article(path))
        except ArticleError as err:
            failures.append(f"{path}: {err}")
    records: list[EventRecord]
    if records_path is not None:
        try:
            with Path(records_path).open(encoding="utf-8-sig") as handle:
                records, errors = parse_records(handle)
        except (OSError, UnicodeDecodeError) as err:
            raise ValueError(f"cannot read {records_path}: {err}") from None
        failures += [f"{records_path}:{e.line}: {e.error}" for e in errors]
    else:
        records = extract(articles)
    by_digest = {r.source.sha256: r for r in records}
    by_id = {r.id: r for r in records}
    gold = {g.id: g for g in load_gold(gold_dir)} if gold_dir is not None else None
    reviews = []
    for article in articles:
        record = by_digest.get(article.sha256)
        if record is None:
            record = next((r for r in records if r.source.path == article.path), None)
        if record is None:
            record = by_id.get(_id(article))
        result = review(article, record, gold.get(record.id if record else _id(article)) if gold is not None else None)
        if record is None:
            result.problems.insert(0, f"no record for this article in {records_path}")
        if gold is not None and not result.gold:
            result.problems.insert(0, f"no gold record for {_id(article)} in {gold_dir}")
        for problem in result.problems:
            report(f"{article.path}: {problem}")
        reviews.append(result)
    for failure in failures:
        report(failure)
    return reviews, failures


def _id(article: Article) -> str:
    return slugify(article.title)
